#!/bin/sh
# tools/bench_boot_sim.sh
# SPDX-License-Identifier: Apache-2.0
# `make bench`, the boot flow on the sim: the real bootloader (sim_defconfig)
# under callgrind, from its main to the jump into a 256 KiB ECDSA P-256
# image in the primary slot (nothing to upgrade): every flash read, hash,
# signature and decision of a real boot, which the validation figure
# alone leaves out. Usage: bench_boot_sim.sh SRCTREE DIR
set -eu
src=$1 dir=$2
q=$dir/sim
command -v valgrind >/dev/null || { echo "bench: valgrind missing; run tools/setup.sh" >&2; exit 1; }
make -s -C "$src" O="$q" sim_defconfig >/dev/null
make -s -C "$src" O="$q" >"$dir/sim-build.log" 2>&1 || { cat "$dir/sim-build.log" >&2; exit 1; }
cfg() { sed -n "s/^CONFIG_$1=//p" "$q/.config"; }

# The OS program padded to 256 KiB (an executable still), signed, alone in
# a fresh flash.
cp "$q/slipway-os.payload" "$dir/sim-payload.bin"
truncate -s 262144 "$dir/sim-payload.bin"
"$q/host/slipway" image sign -k "$src/keys/test/ecdsa-p256.pem" -v 1.0.0 \
	-H "$(cfg OS_IMAGE_HEADER_SIZE)" --pad-header -S "$(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE)" \
	--align "$(cfg FLASH_WRITE_ALIGN)" "$dir/sim-payload.bin" "$dir/sim-256k.img" >/dev/null
"$q/host/slipway" flash assemble --size "$(cfg FLASH_SIZE)" --output "$dir/sim-flash.bin" \
	"$(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET):$dir/sim-256k.img" >/dev/null
bytes=$(stat -c %s "$dir/sim-256k.img")

# slipway_main, inclusive, less the jump itself (arch_boot_image: under
# valgrind the sim's fexecve of the image fails, and nothing after it is
# the boot's).
out=$dir/callgrind.sim-boot.out
SLIPWAY_SIM_FLASH=$dir/sim-flash.bin valgrind --tool=callgrind --callgrind-out-file="$out" \
	--toggle-collect=slipway_main "$q/slipway-boot" </dev/null >"$dir/sim-boot.log" \
	2>"$dir/valgrind.sim-boot.log" || true
grep -q '^boot: image 0 primary slot: version 1.0.0+0, 262144 bytes, valid' "$dir/sim-boot.log" || {
	echo "bench: the sim did not validate the image; its log:" >&2; cat "$dir/sim-boot.log" >&2; exit 1; }
callgrind_annotate --inclusive=yes --threshold=100 "$out" >"$dir/sim-boot.txt" 2>/dev/null
incl() {
	awk -v f="$1" '$2 != "=>" && $3 != "=>" && $4 != "=>" &&
		(index($0, ":" f " ") || substr($0, length($0) - length(f)) == ":" f) {
		gsub(",", "", $1); if ($1 + 0 > best) best = $1 + 0 }
		END { print best + 0 }' "$dir/sim-boot.txt"
}
main=$(incl slipway_main) jump=$(incl arch_boot_image) val=$(incl image_validate)
for v in "$main" "$val"; do
	[ "$v" -gt 0 ] || { echo "bench: sim boot figure not attributed; see $dir/sim-boot.txt" >&2; exit 1; }
done
echo "bench: sim (sim_defconfig, host), callgrind: main to the jump into a $bytes-byte image (ECDSA P-256, validated in place, no upgrade): $((main - jump)) instructions, of which image validation $val ($(awk -v a="$val" -v b="$((main - jump))" 'BEGIN { printf "%.2f", a / b }') of the boot)"
