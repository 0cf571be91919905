#!/bin/sh
# tools/fuzz.sh
# SPDX-License-Identifier: Apache-2.0
# Run each libFuzzer target for SECONDS, its corpus seeded from the upstream
# vectors when ../shared is present. Prints one line per target and exits
# non-zero if any target crashed (its reproducer is kept in DIR/<name>/).
# Usage: fuzz.sh SRCTREE DIR SECONDS TARGET...
set -u
src=$1 dir=$2 secs=$3
shift 3
shared=$src/../shared/vectors
status=0
for t in "$@"; do
	corpus=$dir/corpus/$t
	mkdir -p "$corpus" "$dir/$t"
	case "$t" in
	fuzz_esp_part|fuzz_flashmap_esp) seeds="$shared/esp/part/*.bin" ;;
	fuzz_part_csv) seeds="$shared/esp/part/*.csv" ;;
	fuzz_image) seeds="$shared/imgtool/*/image*.bin" ;;
	fuzz_esp_image) seeds="$shared/esp/img/*.bin" ;;
	fuzz_esp_elf2image) seeds="$shared/esp/elf/*.elf" ;;
	fuzz_otadata) seeds="$shared/esp/otadata/*.bin" ;;
	*) seeds= ;;
	esac
	for s in $seeds; do
		# vectors share file names; name each seed by its path
		[ -f "$s" ] && cp "$s" "$corpus/seed-$(echo "$s" | tr '/' '_')"
	done
	if [ "$t" = fuzz_boot_trailer ]; then
		# imgtool's padded trailers, as secondary (and primary) trailers
		for s in "$shared"/imgtool/*pad*/image.bin; do
			[ -f "$s" ] || continue
			for k in 0 1 2; do
				{ printf "\\00$k"; tail -c 4096 "$s"; tail -c 4096 "$s"; } \
					>"$corpus/seed-$k-$(echo "$s" | tr '/' '_')"
			done
		done
	fi
	if [ "$t" = fuzz_ota_app_sbv2 ]; then
		# espsecure's signed app (a partition holding it), and the image unsigned
		for s in "$shared"/esp/secure/c3_app*signed.bin "$shared"/esp/img/*.bin; do
			[ -f "$s" ] && cp "$s" "$corpus/seed-$(echo "$s" | tr '/' '_')"
		done
	fi
	if [ "$t" = fuzz_sbv2 ]; then
		# espsecure's signed files behind the control byte (3 blocks read)
		for s in "$shared"/esp/secure/*signed.bin; do
			[ -f "$s" ] || continue
			{ printf '\002'; cat "$s"; } >"$corpus/seed-$(echo "$s" | tr '/' '_')"
		done
	fi
	if [ "$t" = fuzz_romstage ]; then
		# the same files behind each chip's control byte (C3, C2, C6, H2:
		# the order of enum secure_boot_chip): accepted, refused by scheme
		for s in "$shared"/esp/secure/*signed.bin; do
			[ -f "$s" ] || continue
			for c in 0 1 2 3; do
				{ printf "\\00$c"; cat "$s"; } \
					>"$corpus/seed-$c-$(echo "$s" | tr '/' '_')"
			done
		done
	fi
	case "$t" in
	fuzz_smp_serial|fuzz_cbor)
		# the worked frames of ../shared/docs/smp-protocol.md section 6
		n=0
		for l in ABMCAAAJAAAAAKFhZGVoZWxsbyVv ABQDAAAKAAAAAL9hcmVoZWxsb/8GPg== \
		    ABYDAAAMAAEBAb9icmMAY29mZhgg/9ky; do
			n=$((n + 1))
			if [ "$t" = fuzz_cbor ]; then
				echo "$l" | base64 -d | tail -c +11 | head -c -2 >"$corpus/seed-doc-$n"
			else
				printf '\006\011%s\n' "$l" >"$corpus/seed-doc-$n"
			fi
		done
		[ "$t" = fuzz_smp_serial ] && printf '\006\011%s\n\004\024%s\n' \
		    AGsCAABhAAEBAaVlaW1hZ2UAY2xlbhkSNGNvZmYAY3NoYVggAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9kZGF0YVggPbjzlgAAAAAAAgAAABAAAAAA \
		    AAABAgMAAAAAAAAAAAAsaQ== >"$corpus/seed-upload"
		;;
	esac
	[ -d "$shared" ] || echo "fuzz: $t: $shared missing: corpus NOT seeded from vectors"
	log=$dir/$t.log
	if (cd "$dir/$t" && "$dir/$t.bin" -max_total_time="$secs" -timeout=10 \
	      -print_final_stats=1 "$corpus") >"$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "fuzz: $t: ${runs:-?} runs in ${secs}s, no crash"
	else
		tail -30 "$log"
		echo "fuzz: $t: CRASH (reproducer in $dir/$t/)"
		status=1
	fi
done
exit $status
