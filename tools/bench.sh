#!/bin/sh
# tools/bench.sh
# SPDX-License-Identifier: Apache-2.0
# `make bench`: the project's figures, all counted (by callgrind, or by the
# simulated flash) rather than timed. Usage: bench.sh SRCTREE BENCHDIR SLIPWAY
set -eu
src=$1 dir=$2 tool=$3

# One test upgrade of N sectors of 4 KiB per strategy, counted by the
# simulated flash. The floor: every sector the upgrade must change, erased
# and programmed once (overwrite: the primary's N; a swap: both slots' 2N).
echo "bench: one test upgrade, images of N sectors of 4 KiB; counted by the simulated flash"
printf '  %-16s %5s %9s %9s %12s %14s %14s\n' strategy N erases programs bytes \
	"min erases" "min bytes"
for n in 32 256; do
	# header 32 + body + hash TLVs 40 = exactly N sectors
	body=$((n * 4096 - 32 - 40))
	for v in 1 2; do
		head -c "$body" /dev/urandom >"$dir/payload$v"
		"$tool" image sign -v "$v.0.0" -H 32 --pad-header -S $(((n + 3) * 4096)) \
			"$dir/payload$v" "$dir/up$v.img" >/dev/null
	done
	for s in overwrite-only swap-scratch swap-move swap-offset; do
		set -- $("$dir/bench_upgrade" "$s" "$n" "$dir/up1.img" "$dir/up2.img")
		k=$([ "$s" = overwrite-only ] && echo 1 || echo 2)
		printf '  %-16s %5d %9d %9d %12d %14d %14d\n' "$s" "$n" "$1" "$2" "$3" \
			$((k * n)) $((k * n * 4096))
		# The next boot, nothing confirmed: the revert.
		[ $# -eq 6 ] && printf '  %-16s %5d %9d %9d %12d %14d %14d\n' \
			"  its revert" "$n" "$4" "$5" "$6" $((k * n)) $((k * n * 4096))
	done
done

vec=$src/../shared/vectors/imgtool/ecdsa-p256-256k
bin=$dir/bench_image
# Staging through the update agent, against writing the same bytes raw.
# The simulated flash's timing model (4 KiB SPI NOR) gives both times.
for chunk in 512 4096; do
	set -- $("$dir/bench_upgrade" stage "$dir/up2.img" "$chunk")
	awk -v a="$1" -v r="$2" -v b="$3" -v c="$chunk" 'BEGIN {
		printf "bench: staging %d bytes through the agent in %d-byte writes: %.1f ms; raw erase+program %.1f ms; ratio %.3f\n",
			b, c, a / 1000, r / 1000, r / a }'
done

if [ ! -f "$vec/image.bin" ]; then
	echo "bench: $vec missing: image validation figures NOT MEASURED"
	exit 0
fi
command -v valgrind >/dev/null || { echo "bench: valgrind missing; run tools/setup.sh" >&2; exit 1; }

# Instructions inside FUNCTION ($1) and, inclusive, in each later name.
count() {
	out=$dir/callgrind.$1.out
	fn=$1; shift
	valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect="$fn" \
		"$bin" "$@" >/dev/null 2>"$dir/valgrind.$fn.log"
	callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null
}

slot=0x80000
key=$src/../shared/vectors/imgtool/keys/ecdsa-p256.pub.der
count bench_validate validate "$vec/image.bin" "$key" $slot >"$dir/validate.txt"
count bench_plain_sha256 sha256 "$vec/image.bin" "$key" $slot >"$dir/sha256.txt"

# Inclusive instruction count of a function in an annotate listing, whose
# lines read "1,234 (5.6%)  path/file.c:function [binary]".
incl() {
	awk -v f="$2" '$2 != "=>" && $3 != "=>" && $4 != "=>" &&
		(index($0, ":" f " ") || substr($0, length($0) - length(f)) == ":" f) {
		gsub(",", "", $1); if ($1 + 0 > best) best = $1 + 0 }
		END { print best + 0 }' "$1"
}

total=$(incl "$dir/validate.txt" bench_validate)
sig=$(incl "$dir/validate.txt" crypto_ecdsa_verify)
hashing=$(incl "$dir/validate.txt" hash_region)
rd=$(incl "$dir/validate.txt" mtd_read)
plain=$(incl "$dir/sha256.txt" bench_plain_sha256)
for v in "$total" "$hashing" "$sig" "$rd" "$plain"; do
	if [ "$v" -eq 0 ]; then
		echo "bench: a figure could not be attributed (function inlined or renamed?); see $dir/*.txt" >&2
		exit 1
	fi
done
other=$((total - hashing - sig))
region=$("$bin" sha256 "$vec/image.bin" "$key" $slot | sed -n 's/region \([0-9]*\) bytes/\1/p')

echo "bench: image validation of ecdsa-p256-256k ($region hashed bytes); device mbedtls config, host -Os; callgrind instructions"
printf '  %-44s %12s\n' "validate, total" "$total"
printf '  %-44s %12s\n' "  hashing (flash reads + SHA-256 of region)" "$hashing"
printf '  %-44s %12s\n' "    of which flash reads" "$rd"
printf '  %-44s %12s\n' "  signature (ECDSA P-256 verify)" "$sig"
printf '  %-44s %12s\n' "  other (header, TLV walk, key hash)" "$other"
printf '  %-44s %12s\n' "one plain mbedtls SHA-256 over the region" "$plain"
awk -v h="$hashing" -v p="$plain" 'BEGIN { printf "  %-44s %12.3f\n", "hashing / plain SHA-256", h / p }'

# The other signatures, each built with its device configuration, on
# imgtool's small vectors: the signature is most of the count.
echo "bench: image validation of the other signatures (imgtool vectors); device mbedtls config, host -Os; callgrind instructions"
printf '  %-44s %12s %12s\n' "vector" "validate" "signature"
for v in rsa-2048:rsa2048:rsa-2048:crypto_rsa_pss_verify \
	 rsa-3072:rsa3072:rsa-3072:crypto_rsa_pss_verify \
	 ed25519:ed25519:ed25519:crypto_ed25519_verify \
	 "ecdsa-p256-256k:p256m:ecdsa-p256:crypto_ecdsa_verify"; do
	IFS=: read -r name sub keyname sigfn <<EOT
$v
EOT
	bin=$dir/bench_image_$sub
	count bench_validate validate "$src/../shared/vectors/imgtool/$name/image.bin" \
		"$src/../shared/vectors/imgtool/keys/$keyname.pub.der" $slot >"$dir/validate-$sub.txt"
	t=$(incl "$dir/validate-$sub.txt" bench_validate)
	s=$(incl "$dir/validate-$sub.txt" "$sigfn")
	if [ "$t" -eq 0 ] || [ "$s" -eq 0 ]; then
		echo "bench: $name: a figure could not be attributed; see $dir/validate-$sub.txt" >&2
		exit 1
	fi
	[ "$sub" = p256m ] && name="$name, p256-m, small SHA-256"
	printf '  %-44s %12s %12s\n' "$name" "$t" "$s"
done
