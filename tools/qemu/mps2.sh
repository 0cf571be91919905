#!/bin/sh
# tools/qemu/mps2.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# Run QEMU's mps2-an385 (or -an505) machine on a 16 MiB flash file, as
# `make run` and the Arm QEMU tests do. QEMU loads the bootloader ELF with
# -kernel into the code SSRAM (the boot ROM's stand-in, restored at every
# reset) and maps the flash file, shared, as the machine's RAM window
# (0x21000000 on an385, 0x80000000 on an505): every store the firmware
# makes there is in the file at once, so the file is the device's flash
# and a kill of QEMU is a power cut
# (../shared/docs/emulated-targets.md, section 3).
#
#   mps2.sh [--machine an385|an505] [--pty LINK] [--log FILE]
#           [--pidfile FILE] [--icount] BOOT_ELF FLASH
#
# The UART is this terminal (Ctrl-A X quits QEMU), or with --pty a
# pseudo-terminal linked at LINK, for `slipway smp --port LINK`. --log
# appends everything the firmware sends to FILE. --pidfile names the file
# holding QEMU's pid (a test kills it to cut the power). --icount runs one
# instruction per virtual nanosecond, so counts repeat (make bench). A
# reset of the firmware (AIRCR) is a reset inside QEMU; the firmware
# leaves QEMU through semihosting, whose status this script exits with.
set -eu
machine=an385 pty= log= pidfile= icount= kernel= flash=
usage="usage: mps2.sh [--machine an385|an505] [--pty LINK] [--log FILE] [--pidfile FILE] [--icount] BOOT_ELF FLASH"
while [ $# -gt 0 ]; do
	case $1 in
	--machine) machine=$2; shift ;;
	--pty) pty=$2; shift ;;
	--log) log=$2; shift ;;
	--pidfile) pidfile=$2; shift ;;
	--icount) icount="-icount shift=0,sleep=off" ;;
	-*) echo "mps2.sh: unknown option $1" >&2; exit 2 ;;
	*) if [ -z "$kernel" ]; then kernel=$1
	   elif [ -z "$flash" ]; then flash=$1
	   else echo "$usage" >&2; exit 2; fi ;;
	esac
	shift
done
[ -n "$flash" ] || { echo "$usage" >&2; exit 2; }
case $machine in an385|an505) ;; *)
	echo "mps2.sh: --machine is an385 or an505, not $machine" >&2; exit 2 ;;
esac
[ -f "$kernel" ] || { echo "mps2.sh: no bootloader ELF at $kernel" >&2; exit 2; }
size=$(stat -c %s "$flash" 2>/dev/null || echo 0)
if [ "$size" -ne 16777216 ]; then
	echo "mps2.sh: $flash must be exactly 16 MiB (the machine's RAM window); it is $size bytes" >&2
	exit 2
fi
command -v qemu-system-arm >/dev/null || {
	echo "mps2.sh: qemu-system-arm not found; run tools/setup.sh" >&2; exit 2; }

logopt=${log:+,logfile=$log,logappend=on}
if [ -n "$pty" ]; then
	serial="-chardev pty,id=uart$logopt -serial chardev:uart"
else
	serial="-chardev stdio,id=uart,mux=on,signal=off$logopt -serial chardev:uart -mon chardev=uart"
fi

# share=on: the guest's stores go to the file (share=off would not persist).
run_qemu() {
	# shellcheck disable=SC2086
	qemu-system-arm -M "mps2-$machine,memory-backend=flash" \
		-object "memory-backend-file,id=flash,size=16M,mem-path=$flash,share=on" \
		-kernel "$kernel" -semihosting-config enable=on,target=native \
		-display none -monitor none $serial $icount \
		${pidfile:+-pidfile "$pidfile"} "$@"
}

if [ -z "$pty" ]; then
	exec_rc=0
	run_qemu || exec_rc=$?
	exit "$exec_rc"
fi
info=$(mktemp)
trap 'rm -f "$info"' EXIT
rc=0
run_qemu >"$info" 2>&1 &
qpid=$!
# QEMU names the pty on its stdout as it starts.
dev=
for _ in $(seq 200); do
	dev=$(sed -n 's/^char device redirected to \(\/dev\/[^ ]*\) .*/\1/p' "$info")
	[ -n "$dev" ] && break
	kill -0 "$qpid" 2>/dev/null || break
	sleep 0.025
done
[ -n "$dev" ] && ln -sfn "$dev" "$pty"
wait "$qpid" || rc=$?
grep -v '^char device redirected' "$info" >&2 || true
exit "$rc"
