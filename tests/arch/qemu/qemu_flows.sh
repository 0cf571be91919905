# tests/arch/qemu/qemu_flows.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# The end-to-end flows every QEMU board runs (sourced by its test after
# tests/lib.sh): the bootloader starts the OS image in place from its
# primary slot; the host client updates it over the one UART, shared with
# the shell (boot, SMP upload, test swap, confirm, revert, serial
# recovery); a fault in the started image is reported and resets; then
# real power cuts: QEMU is killed at seeded random moments during a swap
# and during staging, and restarted on the same flash file; every run must
# end in a boot of the image the rules require. QEMU_CUTS (default 20)
# sets the number of cuts of each kind, QEMU_SEED the first seed.
#
# The board's test sets, before sourcing:
#   QEMU_CONFIG    the defconfig name      QEMU_SYSTEM   the QEMU binary
#   QEMU_PACKAGE   its Debian package      QEMU_XIP_BASE CPU address of flash offset 0
#   QEMU_BOOTS     how the bootloader runs, for the first check's name
#   QEMU_FAULT_LINE  a grep pattern for any fault report
#   optionally QEMU_STARTS (how v1 is started, default "in place"),
#   QEMU_ENTRY (hex digits of the jump address, default the primary
#   slot's payload address) and QEMU_ENTRY_WHAT (what that address is);
#   QEMU_CUTS, QEMU_SEED, QEMU_STAGE_BYTES and QEMU_SWAP_SPAN_PCT sample
#   the power cuts (see below)
# and defines start_dev (the device on $flash, UART at $uart, console
# appended to $log, QEMU's pid in $pidf; sets $runner to the runner's pid)
# and fault_flow (the fault check; $TESTTMP, $key, $hdr, $slot, $align,
# $qdir, $primary and the helpers below are set).

qdir=$BUILD/$QEMU_CONFIG
if ! command -v "$QEMU_SYSTEM" >/dev/null; then
	not_ok "$QEMU_SYSTEM is installed (tools/setup.sh installs $QEMU_PACKAGE)"
	exit 0
fi
if ! { make -s -C "$SRCTREE" O="$qdir" "${QEMU_CONFIG}_defconfig" >/dev/null &&
       make -s -C "$SRCTREE" O="$qdir" >"$TESTTMP/build.log" 2>&1; }; then
	not_ok "build ${QEMU_CONFIG}_defconfig"; sed 's/^/#   /' "$TESTTMP/build.log"; exit 0
fi
defconfig_built "$QEMU_CONFIG"
ok "$QEMU_CONFIG builds: bootloader, signed OS image, $(($(sed -n 's/^CONFIG_FLASH_SIZE=//p' "$qdir/.config") >> 20)) MiB flash file"
SLIPWAY=$qdir/host/slipway

cfg() { sed -n "s/^CONFIG_$1=//p" "$qdir/.config"; }
primary=$(($(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET)))
psize=$(($(cfg FLASH_AREA_IMAGE0_PRIMARY_SIZE)))
slot=$(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE)
hdr=$(cfg OS_IMAGE_HEADER_SIZE)
align=$(cfg FLASH_WRITE_ALIGN)
key=$SRCTREE/keys/test/ecdsa-p256.pem
# The primary trailer's copy_done byte, 0x01 once a swap has finished: at
# end - 16 (magic) - 2 * BOOT_MAX_ALIGN (../shared/docs/mcuboot-image-format.md).
copy_done_at=$((primary + psize - 16 - 2 * $(cfg BOOT_MAX_ALIGN)))

flash=$TESTTMP/flash.bin
log=$TESTTMP/uart.log
uart=$TESTTMP/uart
pidf=$TESTTMP/qemu.pid
runner=

smp() { "$SLIPWAY" smp "$@" --port "$uart" --timeout 5000; }
showlog() { tr -d '\r' <"$log" | grep -av "$(printf '^[\004\006]')" | tail -n "${1:-25}" | sed 's/^/#   /'; }
# Lines of the console log (SMP frames left out), CRs dropped.
console() { tr -d '\r' <"$log" | grep -av "$(printf '^[\004\006]')"; }

qemu_pid() { cat "$pidf" 2>/dev/null; }
# Power off: kill QEMU at once (SIGKILL: no clean-up of any kind).
cut_power() {
	for _ in $(seq 100); do [ -s "$pidf" ] && break; sleep 0.01; done
	kill -9 "$(qemu_pid)" 2>/dev/null
	wait "$runner" 2>/dev/null
	runner=
}
stop_dev() { [ -n "$runner" ] && cut_power; return 0; }
trap stop_dev EXIT

# Wait (up to $3 s, default 30) until the console has printed PATTERN at
# least COUNT times.
wait_for() {
	for _ in $(seq $((${3:-30} * 20))); do
		[ "$(console | grep -c -- "$1")" -ge "${2:-1}" ] && return 0
		sleep 0.05
	done
	return 1
}
count() { console | grep -c -- "$1"; }

# A shell command typed on the console. QEMU takes input from its pty only
# once it has noticed a reader (it looks every second), so hold the line
# open, type, and wait for the shell's echo.
shell() {
	n=$(count "^> $1\$")
	exec 3<>"$uart"
	sleep 1.1
	printf '%s\r' "$1" >&3
	wait_for "^> $1\$" $((n + 1)) 10; rc=$?
	timeout 0.2 cat <&3 >/dev/null
	exec 3>&-
	return $rc
}
hash_of_slot() { smp image list | awk -v s="slot $1:" '$0 ~ s { getline; print $2 }'; }
sign() {
	"$SLIPWAY" image sign -k "$key" -v "$1" -H "$hdr" --pad-header -S "$slot" \
		--align "$align" "$qdir/slipway-os.payload" "$2"
}
sign 2.0.0 "$TESTTMP/v2.img" && sign 3.0.0 "$TESTTMP/v3.img" ||
	{ not_ok "sign v2 and v3"; exit 0; }

# --- boot to the shell ------------------------------------------------------
cp "$qdir/slipway-flash.bin" "$flash"
: >"$log"
start_dev
if wait_for "^os: shell ready" && shell status &&
   wait_for '^image 0: running 1.0.0+0, confirmed; primary valid 1.0.0+0; secondary empty'; then
	ok "the bootloader $QEMU_BOOTS, starts v1 ${QEMU_STARTS:-in place}; its shell answers on the UART"
else
	not_ok "boot to the shell"; showlog
fi
entry_what=${QEMU_ENTRY_WHAT:-"the primary slot's payload address"}
console | grep -q "^boot: jumping to 0x${QEMU_ENTRY:-$(printf '%08x' $((QEMU_XIP_BASE + primary + hdr)))}" &&
	ok "the OS image starts at $entry_what" ||
	{ not_ok "jump address"; showlog; }

# --- v2 over SMP on the shared UART: upload, test, reset --------------------
expect_output "smp image list: v1 in slot 0, active and confirmed" \
	'slot 0: version 1.0.0 bootable confirmed active' smp image list
t0=$(date +%s%N)
expect_output "smp image upload v2 over QEMU's serial line" '^uploaded [0-9]+ bytes' \
	smp image upload "$TESTTMP/v2.img"
upload_ms=$((($(date +%s%N) - t0) / 1000000))
h2=$(hash_of_slot 1)
expect_output "smp image test: v2 pending" 'slot 1: version 2.0.0 bootable pending' \
	smp image test "$h2"
cp "$flash" "$TESTTMP/pending.bin"   # v2 staged and marked: the swap's start
n=$(count '^Slipway OS 2.0.0$')
smp reset >/dev/null 2>&1
if wait_for '^Slipway OS 2.0.0$' $((n + 1)) &&
   console | grep -q '^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$'; then
	ok "after the reset the bootloader swaps and v2 runs"
else
	not_ok "v2 runs after the test swap"; showlog
fi
expect_output "v2 runs on trial (slot 0 active, not confirmed)" \
	'slot 0: version 2.0.0 bootable active$' smp image list

# --- confirm ------------------------------------------------------------------
expect_output "smp image confirm: v2 confirmed" 'slot 0: version 2.0.0 bootable confirmed active' \
	smp image confirm
n=$(count '^Slipway OS 2.0.0$')
smp reset >/dev/null 2>&1
wait_for '^Slipway OS 2.0.0$' $((n + 1)) && [ "$(count 'revert upgrade')" -eq 0 ] &&
	ok "confirmed v2 stays after a reset" || { not_ok "confirmed v2 stays"; showlog; }

# --- revert: v3 on trial, not confirmed, reset -> v2 back ---------------------
h3=
smp image upload "$TESTTMP/v3.img" >/dev/null 2>&1 && h3=$(hash_of_slot 1)
n=$(count '^Slipway OS 3.0.0$')
smp image test "$h3" >/dev/null 2>&1 && smp reset >/dev/null 2>&1
if wait_for '^Slipway OS 3.0.0$' $((n + 1)); then
	n=$(count '^Slipway OS 2.0.0$')
	smp reset >/dev/null 2>&1
	if wait_for '^Slipway OS 2.0.0$' $((n + 1)) &&
	   console | grep -q '^boot: image 0: revert upgrade (swap-move) to version 2.0.0+0$'; then
		ok "v3 on trial, reset without confirming: the bootloader reverts to v2"
	else
		not_ok "revert to v2"; showlog
	fi
else
	not_ok "v3 runs on trial"; showlog
fi
expect_output "after the revert v2 is confirmed in slot 0, v3 back in slot 1" \
	'slot 0: version 2.0.0 bootable confirmed active' smp image list
cp "$flash" "$TESTTMP/v2-running.bin"
stop_dev

# --- serial recovery: a device with only the bootloader ------------------------
"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash" \
	"$(cfg FLASH_AREA_BOOTLOADER_OFFSET):$qdir/slipway-boot.bin" >/dev/null
: >"$log"
start_dev
if wait_for '^boot: no bootable image: entering serial recovery$' 1 20; then
	ok "an empty primary slot: the bootloader enters serial recovery"
else
	not_ok "enter serial recovery"; showlog
fi
expect_output "recovery: smp image upload v2 into the primary slot" '^uploaded [0-9]+ bytes' \
	smp image upload "$TESTTMP/v2.img"
smp reset >/dev/null 2>&1
wait_for '^Slipway OS 2.0.0$' 1 && ok "after recovery and a reset, v2 boots" ||
	{ not_ok "boot after recovery"; showlog; }
stop_dev

# --- a fault in the started image: reported, then a reset -----------------
fault_flow

# --- power cuts ------------------------------------------------------------------
# A cut at a random moment in [0, span] ms after QEMU starts, from a seeded
# generator: the seeds are printed, the moments follow from them (the
# instruction a moment lands on depends on the host's speed).
cuts=${QEMU_CUTS:-20}
seed0=${QEMU_SEED:-1}
moment() { RANDOM=$1; echo $(((RANDOM * 32768 + RANDOM) % ($2 + 1))); }

# During the swap: from "v2 staged and marked for test", cut at a moment
# after the bootloader announces the swap. If the cut came after the swap
# finished (copy_done set in the primary trailer), the rules require a
# revert to v1 at the next boot; otherwise the swap resumes and v2 runs on
# trial. The span: one uncut run, from the announcement to the jump.
announce='^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$'
# Poll the log every 5 ms for PATTERN (up to 60 s).
wait_tight() {
	for _ in $(seq 12000); do
		console | grep -q -- "$1" && return 0
		sleep 0.005
	done
	return 1
}
cp "$TESTTMP/pending.bin" "$flash"
: >"$log"
start_dev
wait_tight "$announce"
t0=$(date +%s%N)
wait_tight '^boot: jumping'
swap_ms=$((($(date +%s%N) - t0) / 1000000))
stop_dev
# QEMU_SWAP_SPAN_PCT (default 100) narrows the moments to that share of
# the uncut run, for a board that samples few cuts: the end of the span
# (validation, the jump) holds no flash writes.
span=$((swap_ms * ${QEMU_SWAP_SPAN_PCT:-100} / 100))
span=$((span > 100 ? span : 100))
bad=0 mid=0 done=0
for i in $(seq 0 $((cuts - 1))); do
	seed=$((seed0 + i))
	cp "$TESTTMP/pending.bin" "$flash"
	: >"$log"
	start_dev
	ms=$(moment "$seed" "$span")
	wait_tight "$announce"
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	cut_power
	cd_byte=$(od -An -tx1 -j "$copy_done_at" -N1 "$flash" | tr -d ' ')
	if [ "$cd_byte" = 01 ]; then want=1.0.0; done=$((done + 1)); else want=2.0.0; fi
	cmp -s "$flash" "$TESTTMP/pending.bin" || [ "$cd_byte" = 01 ] || mid=$((mid + 1))
	: >"$log"
	start_dev
	if wait_for "^Slipway OS $want\$" 1 60 && [ "$(count "$QEMU_FAULT_LINE")" -eq 0 ]; then
		:
	else
		bad=$((bad + 1))
		not_ok "swap cut (seed $seed, $ms ms into the swap): expected v$want to boot"; showlog
	fi
	stop_dev
done
[ "$bad" -eq 0 ] &&
	ok "swap: $cuts power cuts at seeded moments 0..$span ms into the swap (seeds $seed0..$((seed0 + cuts - 1))): every restart boots the required image ($mid inside the swap, $done after it finished)"
[ "$mid" -gt 0 ] && ok "swap: at least one cut landed inside the swap ($mid)" ||
	not_ok "swap: no cut landed inside the swap (span $span ms too short?)"

# During staging: v2 running and confirmed, v3 being uploaded. The running
# image must boot, and nothing half-written may be pending. A board whose
# UART is slow sets QEMU_STAGE_BYTES: the staged image is then the first
# that many bytes of the OS payload, validly signed as v3 (the agent
# stages any image the same way), and the span scales with its size.
stage=$TESTTMP/v3.img
if [ -n "${QEMU_STAGE_BYTES:-}" ]; then
	head -c "$QEMU_STAGE_BYTES" "$qdir/slipway-os.payload" >"$TESTTMP/stage.bin"
	stage=$TESTTMP/stage.img
	"$SLIPWAY" image sign -k "$key" -v 3.0.0 -H "$hdr" --pad-header -S "$slot" \
		--align "$align" "$TESTTMP/stage.bin" "$stage" >/dev/null ||
		not_ok "sign the staging image"
fi
stage_ms=$((upload_ms * $(stat -c %s "$stage") / $(stat -c %s "$TESTTMP/v3.img")))
span=$((stage_ms > 200 ? stage_ms : 200))
bad=0 wrote=0
for i in $(seq 0 $((cuts - 1))); do
	seed=$((seed0 + 1000 + i))
	cp "$TESTTMP/v2-running.bin" "$flash"
	: >"$log"
	start_dev
	wait_for '^os: shell ready' 1 20
	ms=$(moment "$seed" "$span")
	smp image upload "$stage" >/dev/null 2>&1 &
	client=$!
	if [ "$i" -eq $((cuts - 1)) ]; then
		# The last cut is taken after the flash file shows the upload's
		# first write, at a seeded moment in the first half of what is
		# left: on a loaded machine the upload can start late, and cuts
		# timed from the command alone may all land before it writes.
		polls=0
		while cmp -s "$flash" "$TESTTMP/v2-running.bin" && [ "$polls" -lt 500 ]; do
			sleep 0.02
			polls=$((polls + 1))
		done
		ms=$((ms / 2))
	fi
	sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
	cut_power
	# The client would wait out its timeout on the dead line.
	kill "$client" 2>/dev/null
	wait "$client" 2>/dev/null
	cmp -s "$flash" "$TESTTMP/v2-running.bin" || wrote=$((wrote + 1))
	: >"$log"
	start_dev
	if wait_for '^Slipway OS 2.0.0$' 1 60 &&
	   smp image list >"$TESTTMP/list" 2>&1 &&
	   grep -q 'slot 0: version 2.0.0 bootable confirmed active' "$TESTTMP/list" &&
	   ! grep -q 'pending' "$TESTTMP/list"; then
		:
	else
		bad=$((bad + 1))
		not_ok "staging cut (seed $seed, at $ms ms): v2 must boot, nothing pending"
		showlog; sed 's/^/#   /' "$TESTTMP/list"
	fi
	stop_dev
done
[ "$bad" -eq 0 ] &&
	ok "staging: $cuts power cuts at seeded moments in 0..$span ms of a $(stat -c %s "$stage")-byte v3 upload ($wrote after writing began): v2 boots every time, nothing pending"
[ "$wrote" -gt 0 ] && ok "staging: at least one cut landed after the upload began writing ($wrote)" ||
	not_ok "staging: no cut landed after the upload began writing"
echo "# swap (announcement to jump, uncut): $swap_ms ms; v3 upload: $upload_ms ms"
