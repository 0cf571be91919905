#!/bin/sh
# tools/bench_qemu.sh
# SPDX-License-Identifier: Apache-2.0
# `make bench`, QEMU part: the real bootloader under -icount (one
# instruction per virtual nanosecond, so counts repeat), from reset to its
# jump into an image of 256 KiB, and the bootloader's size; on
# qemu-rv32-virt (minstret) and mps2-an385 (SysTick's core clocks).
# Usage: bench_qemu.sh SRCTREE DIR
set -eu
src=$1 dir=$2

# Build configuration $1 in $dir/$1 and assemble its flash with the OS
# image padded to a 256 KiB payload: the code runs, the rest is hashed and
# signed like any other image bytes. Sets q, bytes.
prepare() {
	q=$dir/$1
	make -s -C "$src" O="$q" "$1_defconfig" >/dev/null
	make -s -C "$src" O="$q" >"$dir/$1-build.log" 2>&1 || {
		cat "$dir/$1-build.log" >&2; exit 1; }
	tool=$q/host/slipway
	payload=$dir/$1-payload.bin
	cp "$q/slipway-os.payload" "$payload"
	truncate -s 262144 "$payload"
	"$tool" image sign -k "$src/keys/test/ecdsa-p256.pem" -v 1.0.0 \
		-H "$(cfg OS_IMAGE_HEADER_SIZE)" --pad-header \
		-S "$(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE)" --align "$(cfg FLASH_WRITE_ALIGN)" \
		"$payload" "$dir/$1-256k.img" >/dev/null
	"$tool" flash assemble --size "$(cfg FLASH_SIZE)" --output "$dir/$1-flash.bin" \
		"$(cfg FLASH_AREA_BOOTLOADER_OFFSET):$q/slipway-boot.bin" \
		"$(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET):$dir/$1-256k.img" >/dev/null
	bytes=$(stat -c %s "$dir/$1-256k.img")
}
cfg() { sed -n "s/^CONFIG_$1=//p" "$q/.config"; }

# One boot under -icount of a fresh copy of $1's flash with runner
# command $3... (given --log and the flash file last); prints what the sed
# expression $2 takes from the bootloader's jump line.
boot_count() {
	name=$1 expr=$2
	shift 2
	log=$dir/$name-bench.log
	: >"$log"
	cp "$dir/$name-flash.bin" "$dir/$name-run.bin"
	"$@" --icount --log "$log" --pidfile "$dir/$name.pid" "$dir/$name-run.bin" \
		</dev/null >/dev/null 2>&1 &
	runner=$!
	n=
	for _ in $(seq 600); do
		# Only a log that ends with a line's end: a jump line still being
		# written would give a truncated count.
		if [ -z "$(tail -c 1 "$log" | tr -d '\r\n')" ]; then
			n=$(tr -d '\r' <"$log" | sed -n "$expr")
			[ -n "$n" ] && break
		fi
		sleep 0.05
	done
	kill "$(cat "$dir/$name.pid")" 2>/dev/null || true
	wait "$runner" 2>/dev/null || true
	[ -n "$n" ] || { echo "bench: no jump in 30 s; boot log:" >&2; cat "$log" >&2; exit 1; }
	echo $((n))
}
repeat_note() { [ "$1" = "$2" ] && echo "identical in 2 runs" || echo "DIFFERS between runs: $2"; }

command -v qemu-system-riscv32 >/dev/null || {
	echo "bench: qemu-system-riscv32 missing; run tools/setup.sh" >&2; exit 1; }
prepare qemu-rv32-virt
expr='s/^boot: jumping to 0x[0-9a-f]*; minstret \(0x[0-9a-f]*\)$/\1/p'
a=$(boot_count qemu-rv32-virt "$expr" "$src/tools/qemu/virt.sh" --once)
b=$(boot_count qemu-rv32-virt "$expr" "$src/tools/qemu/virt.sh" --once)
echo "bench: qemu-rv32-virt, -icount shift=0: reset to the jump into a $bytes-byte image (ECDSA P-256, validated in place, no upgrade): $a instructions ($(repeat_note "$a" "$b"))"
sym() { riscv64-unknown-elf-nm "$q/slipway-boot" | awk -v s="$1" '$3 == s { print $1 }'; }
ram_code=$((0x$(sym __ramfunc_end) - 0x$(sym __ramfunc_start)))
set -- $(riscv64-unknown-elf-size "$q/slipway-boot" | awk 'NR == 2 { print $1, $2, $3 }')
echo "bench: qemu-rv32-virt bootloader (rv32imac, -Os, serial recovery on): text $1, data $2, bss $3 bytes (text includes $ram_code bytes of flash routines copied to RAM)"

# mps2-an385: no instruction counter (QEMU models no DWT); SysTick counts
# the 25 MHz core clock in virtual time, which -icount shift=0 advances
# 1 ns per instruction: instructions = clocks * 40, to within 40, counted
# from the start-up's first C code (the copy of .data before it is not).
command -v qemu-system-arm >/dev/null || {
	echo "bench: qemu-system-arm missing; run tools/setup.sh" >&2; exit 1; }
prepare mps2-an385
hz=$(cfg ARCH_ARM_CORE_CLOCK_HZ)
expr='s/^boot: jumping to 0x[0-9a-f]* (.*); core clocks \([0-9]*\)$/\1/p'
a=$(boot_count mps2-an385 "$expr" "$src/tools/qemu/mps2.sh" --machine an385 "$q/slipway-boot")
b=$(boot_count mps2-an385 "$expr" "$src/tools/qemu/mps2.sh" --machine an385 "$q/slipway-boot")
echo "bench: mps2-an385 (Cortex-M3), -icount shift=0: reset to the jump into a $bytes-byte image (ECDSA P-256, validated in place, no upgrade): $((a * (1000000000 / hz))) instructions ($a core clocks at $hz Hz; $(repeat_note "$a" "$b"))"
set -- $(arm-none-eabi-size "$q/slipway-boot" | awk 'NR == 2 { print $1, $2, $3 }')
echo "bench: mps2-an385 bootloader (cortex-m3, Thumb-2, -Os, serial recovery on): text $1, data $2, bss $3 bytes"
