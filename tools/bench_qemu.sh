#!/bin/sh
# tools/bench_qemu.sh
# SPDX-License-Identifier: Apache-2.0
# `make bench`, QEMU part: the real bootloader on qemu-rv32-virt under
# -icount (one instruction per virtual nanosecond, so counts repeat), from
# reset to its jump into an image of 256 KiB; and the bootloader's size.
# Usage: bench_qemu.sh SRCTREE DIR
set -eu
src=$1 dir=$2
q=$dir/qemu-rv32-virt
command -v qemu-system-riscv32 >/dev/null || {
	echo "bench: qemu-system-riscv32 missing; run tools/setup.sh" >&2; exit 1; }
make -s -C "$src" O="$q" qemu-rv32-virt_defconfig >/dev/null
make -s -C "$src" O="$q" >"$dir/qemu-build.log" 2>&1 || {
	cat "$dir/qemu-build.log" >&2; exit 1; }
cfg() { sed -n "s/^CONFIG_$1=//p" "$q/.config"; }
tool=$q/host/slipway

# The OS image padded to a 256 KiB payload: the code runs, the rest is
# hashed and signed like any other image bytes.
payload=$dir/qemu-payload.bin
cp "$q/slipway-os.payload" "$payload"
truncate -s 262144 "$payload"
"$tool" image sign -k "$src/keys/test/ecdsa-p256.pem" -v 1.0.0 \
	-H "$(cfg OS_IMAGE_HEADER_SIZE)" --pad-header \
	-S "$(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE)" --align "$(cfg FLASH_WRITE_ALIGN)" \
	"$payload" "$dir/qemu-256k.img" >/dev/null
"$tool" flash assemble --size "$(cfg FLASH_SIZE)" --output "$dir/qemu-flash.bin" \
	"$(cfg FLASH_AREA_BOOTLOADER_OFFSET):$q/slipway-boot.bin" \
	"$(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET):$dir/qemu-256k.img" >/dev/null
bytes=$(stat -c %s "$dir/qemu-256k.img")

# One boot under -icount: the bootloader prints minstret as it jumps.
boot_count() {
	log=$dir/qemu-bench.log
	: >"$log"
	cp "$dir/qemu-flash.bin" "$dir/qemu-run.bin"
	"$src/tools/qemu/virt.sh" --icount --once --log "$log" --pidfile "$dir/qemu.pid" \
		"$dir/qemu-run.bin" </dev/null >/dev/null 2>&1 &
	runner=$!
	n=
	for _ in $(seq 600); do
		n=$(tr -d '\r' <"$log" | sed -n 's/^boot: jumping to 0x[0-9a-f]*; minstret \(0x[0-9a-f]*\)$/\1/p')
		[ -n "$n" ] && break
		sleep 0.05
	done
	kill "$(cat "$dir/qemu.pid")" 2>/dev/null || true
	wait "$runner" 2>/dev/null || true
	[ -n "$n" ] || { echo "bench: no jump in 30 s; boot log:" >&2; cat "$log" >&2; exit 1; }
	echo $((n))
}
a=$(boot_count)
b=$(boot_count)
same=$([ "$a" = "$b" ] && echo "identical in 2 runs" || echo "DIFFERS between runs: $b")
echo "bench: qemu-rv32-virt, -icount shift=0: reset to the jump into a $bytes-byte image (ECDSA P-256, validated in place, no upgrade): $a instructions ($same)"
sym() { riscv64-unknown-elf-nm "$q/slipway-boot" | awk -v s="$1" '$3 == s { print $1 }'; }
ram_code=$((0x$(sym __ramfunc_end) - 0x$(sym __ramfunc_start)))
set -- $(riscv64-unknown-elf-size "$q/slipway-boot" | awk 'NR == 2 { print $1, $2, $3 }')
echo "bench: qemu-rv32-virt bootloader (rv32imac, -Os, serial recovery on): text $1, data $2, bss $3 bytes (text includes $ram_code bytes of flash routines copied to RAM)"
