#!/bin/sh
# tools/qemu/virt.sh
# SPDX-License-Identifier: Apache-2.0
# Run QEMU's RISC-V virt machine on a 32 MiB flash file (pflash unit 0), as
# `make run` and the QEMU tests do. The firmware runs in place from the file
# and writes it as a device writes its flash: the file is the device.
#
#   virt.sh [--pty LINK] [--log FILE] [--pidfile FILE] [--icount] [--once] [--rom ELF]
#           [--ramflash] FLASH
#
# The UART is this terminal (Ctrl-A X quits QEMU), or with --pty a
# pseudo-terminal linked at LINK, for `slipway smp --port LINK`. --log
# appends everything the firmware sends to FILE. --pidfile names the file
# holding the running QEMU's pid (a test kills it to cut the power).
# --icount runs one instruction per virtual nanosecond, so instruction
# counts repeat exactly (make bench).
#
# A reset of the firmware is a power cycle: QEMU exits with status 82 and
# this script starts it again (arch/risc-v/qemu-virt/qemu_virt.c says
# why), unless --once. Any other exit ends the script with QEMU's status.
# --rom loads ELF (the ROM stage of CONFIG_SECURE_BOOT, slipway-rom) into
# RAM at every power-on and starts the machine there instead of at pflash.
# --ramflash: FLASH (16 MiB) backs the machine's RAM instead of pflash
# (the ESP-IDF scheme's 4 KiB-sector NOR, drivers/mtd/ram_nor.c): the
# program at its offset 0 runs from 0x80000000, every store persists in
# the file, SIGKILL included. Its first 4 MiB are the flash, the rest the
# programs' RAM; QEMU writes its device tree into the top 2 MiB.
set -eu
pty= log= pidfile= icount= once= rom= ramflash=
while [ $# -gt 1 ]; do
	case $1 in
	--pty) pty=$2; shift ;;
	--log) log=$2; shift ;;
	--pidfile) pidfile=$2; shift ;;
	--icount) icount="-icount shift=0,sleep=off" ;;
	--once) once=1 ;;
	--rom) rom=$2; shift ;;
	--ramflash) ramflash=1 ;;
	*) echo "virt.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done
[ $# -eq 1 ] || {
	echo "usage: virt.sh [--pty LINK] [--log FILE] [--pidfile FILE] [--icount] [--once] [--rom ELF] [--ramflash] FLASH" >&2
	exit 2; }
flash=$1
size=$(stat -c %s "$flash" 2>/dev/null || echo 0)
if [ -n "$ramflash" ]; then
	if [ "$size" -ne 16777216 ]; then
		echo "virt.sh: $flash must be exactly 16 MiB with --ramflash (the machine's RAM); it is $size bytes" >&2
		exit 2
	fi
elif [ "$size" -ne 33554432 ]; then
	echo "virt.sh: $flash must be exactly 32 MiB (QEMU's pflash unit size); it is $size bytes" >&2
	exit 2
fi
command -v qemu-system-riscv32 >/dev/null || {
	echo "virt.sh: qemu-system-riscv32 not found; run tools/setup.sh" >&2; exit 2; }

logopt=${log:+,logfile=$log,logappend=on}
if [ -n "$pty" ]; then
	serial="-chardev pty,id=uart$logopt -serial chardev:uart"
else
	serial="-chardev stdio,id=uart,mux=on,signal=off$logopt -serial chardev:uart -mon chardev=uart"
fi
info=$(mktemp)
trap 'rm -f "$info"' EXIT

# -bios none: the machine starts at pflash unit 0 (the bootloader is the
# firmware; Debian ships no rv32 OpenSBI). format=raw: never probe.
# zkr=true: the Zkr entropy source (seed CSR), the flash-encryption key's.
# share=on: the guest's stores go to the file (share=off would not persist).
if [ -n "$ramflash" ]; then
	memory="-m 16M -object memory-backend-file,id=fl,size=16M,mem-path=$flash,share=on -machine memory-backend=fl"
else
	memory="-drive if=pflash,format=raw,unit=0,file=$flash"
fi
run_qemu() {
	# shellcheck disable=SC2086
	qemu-system-riscv32 -M virt -cpu rv32,zkr=true -bios none -display none -monitor none \
		$memory $serial $icount \
		${pidfile:+-pidfile "$pidfile"} \
		${rom:+-device loader,file="$rom",cpu-num=0} "$@"
}

while :; do
	rc=0
	if [ -n "$pty" ]; then
		: >"$info"
		run_qemu >"$info" 2>&1 &
		qpid=$!
		# QEMU names the pty on its stdout as it starts.
		for _ in $(seq 200); do
			dev=$(sed -n 's/^char device redirected to \(\/dev\/[^ ]*\) .*/\1/p' "$info")
			[ -n "$dev" ] && break
			kill -0 "$qpid" 2>/dev/null || break
			sleep 0.025
		done
		[ -n "$dev" ] && ln -sfn "$dev" "$pty"
		wait "$qpid" || rc=$?
		grep -v '^char device redirected' "$info" >&2 || true
	else
		run_qemu || rc=$?
	fi
	[ "$rc" -eq 82 ] && [ -z "$once" ] && continue
	exit "$rc"
done
