# tests/arch/sim/test_sim_smp.sh
# SPDX-License-Identifier: Apache-2.0

# SMP end to end on the sim, with the host client driving the sim's SMP
# line on a pty exactly as it would a device's serial port: the running OS
# is updated over SMP (upload, test, reset, confirm), serial recovery
# installs an image into an empty device (and is entered by its button),
# and the client's errors are clear (no device, no reply, a refusal).
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
sim_use "$BUILD"

pty=$TESTTMP/smp-pty
log=$TESTTMP/console.out
smp() { "$SLIPWAY" smp "$@" --port "$pty" --timeout 5000; }
showlog() { sed 's/^/#   /' "$log"; }
simpid=

# Start the sim in the background on $flash with its console input held
# open (fd 7 writes it), and wait for its SMP pty.
start_sim() {
	rm -f "$pty" "$TESTTMP/in"
	mkfifo "$TESTTMP/in"
	env "$@" SLIPWAY_SIM_FLASH="$flash" SLIPWAY_SIM_SMP_PTY="$pty" \
		"$boot" <"$TESTTMP/in" >"$log" 2>&1 &
	simpid=$!
	exec 7>"$TESTTMP/in"
	wait_for "^sim: SMP serial on "
}
stop_sim() {
	[ -n "$simpid" ] || return 0
	echo exit >&7 2>/dev/null
	exec 7>&-
	for _ in $(seq 50); do kill -0 "$simpid" 2>/dev/null || break; sleep 0.1; done
	kill "$simpid" 2>/dev/null
	wait "$simpid" 2>/dev/null
	simpid=
}
trap stop_sim EXIT
# Wait (up to 10 s) until the console has printed PATTERN COUNT times.
wait_for() {
	for _ in $(seq 100); do
		[ "$(grep -c -- "$1" "$log")" -ge "${2:-1}" ] && return 0
		sleep 0.1
	done
	return 1
}
# Every byte of $flash outside image 0's primary slot still erased.
outside_primary_erased() {
	psize=$(($(cfg FLASH_AREA_IMAGE0_PRIMARY_SIZE)))
	size=$(stat -c %s "$flash")
	{ head -c $((primary)) "$flash"; tail -c $((size - primary - psize)) "$flash"; } |
		tr -d '\377' | [ "$(wc -c)" -eq 0 ]
}
hash_of_slot() { smp image list | awk -v s="slot $1:" '$0 ~ s { getline; print $2 }'; }

"$SLIPWAY" image sign -k "$key" -v 2.0.0 -H "$hdr" --pad-header -S "$slot" --align 8 \
	"$BUILD/slipway-os.payload" "$TESTTMP/v2.img"

# --- the running OS, updated over SMP -------------------------------------
cp "$BUILD/slipway-flash.bin" "$flash"; rm -f "$flash.otp"
start_sim
smp image list >"$TESTTMP/list" &&
grep -q '^image 0 slot 0: version 1.0.0 bootable confirmed active$' "$TESTTMP/list" &&
	ok "the client lists the running image over the sim's pty" ||
	{ not_ok "image list"; sed 's/^/#   /' "$TESTTMP/list"; showlog; }

smp image upload "$TESTTMP/v2.img" >"$TESTTMP/up" 2>"$TESTTMP/up.err" &&
grep -q '^uploaded [0-9]* bytes in .* KiB/s); SHA-256 [0-9a-f]\{64\}$' "$TESTTMP/up" &&
grep -q '100% ' "$TESTTMP/up.err" &&
smp image list | grep -q '^image 0 slot 1: version 2.0.0 bootable$' &&
	ok "v2 uploads (progress and throughput shown) into the secondary slot" ||
	{ not_ok "upload v2"; sed 's/^/#   /' "$TESTTMP/up" "$TESTTMP/up.err"; showlog; }

h2=$(hash_of_slot 1)
smp image test "$h2" | grep -q '^image 0 slot 1: version 2.0.0 bootable pending$' &&
smp reset | grep -q '^reset requested$' &&
wait_for '^Slipway OS 2.0.0$' &&
grep -q '^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$' "$log" &&
smp image list | grep -q '^image 0 slot 0: version 2.0.0 bootable active$' &&
	ok "image test by hash and reset: v2 boots on trial" ||
	{ not_ok "test and reset"; showlog; }

smp image confirm | grep -q '^image 0 slot 0: version 2.0.0 bootable confirmed active$' &&
smp reset >/dev/null && wait_for '^Slipway OS 2.0.0$' 2 &&
smp image list | grep -q '^image 0 slot 0: version 2.0.0 bootable confirmed active$' &&
! grep -q 'revert' "$log" &&
	ok "v2 confirmed through the client stays after the next reset" ||
	{ not_ok "confirm"; showlog; }

# refusals: a clear message, exit status 1, nothing changed
smp image upload "$TESTTMP/v2.img" --upgrade >/dev/null 2>"$TESTTMP/err"; rc=$?
[ $rc = 1 ] &&
grep -q 'device refused: image error 27 (the running version is newer)$' "$TESTTMP/err" &&
smp image upload "$TESTTMP/v2.img" --smp-v1 --upgrade >/dev/null 2>"$TESTTMP/err1"; rc1=$?
[ $rc1 = 1 ] && grep -q 'device refused: rc 6 (' "$TESTTMP/err1" &&
	ok "upload --upgrade of the running version: CURRENT_VERSION_IS_NEWER (v1: rc 6)" ||
	{ not_ok "upgrade refusal"; sed 's/^/#   /' "$TESTTMP/err" "$TESTTMP/err1"; }
"$SLIPWAY" image keygen -k "$TESTTMP/other.pem" -t ecdsa-p256
"$SLIPWAY" image sign -k "$TESTTMP/other.pem" -v 3.0.0 -H "$hdr" --pad-header -S "$slot" \
	--align 8 "$BUILD/slipway-os.payload" "$TESTTMP/wrongkey.img"
smp image list >"$TESTTMP/before"
smp image upload "$TESTTMP/wrongkey.img" >/dev/null 2>"$TESTTMP/err"; rc=$?
smp image list >"$TESTTMP/after"
[ $rc = 1 ] &&
grep -q 'device refused: image error 5 (invalid image (TLVs, hash or signature))$' "$TESTTMP/err" &&
grep -q '^image 0 slot 0: version 2.0.0 bootable confirmed active$' "$TESTTMP/after" &&
! grep -q 'slot 1: version 3' "$TESTTMP/after" &&
	ok "an image signed by an untrusted key is refused with the device's error code" ||
	{ not_ok "untrusted key"; sed 's/^/#   /' "$TESTTMP/err" "$TESTTMP/after"; }
smp image erase --slot 0 >/dev/null 2>"$TESTTMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'device refused: rc 6 (bad state): the primary slot holds the running image' "$TESTTMP/err" &&
	ok "erasing the running image's slot is refused" ||
	{ not_ok "erase slot 0"; sed 's/^/#   /' "$TESTTMP/err"; }
smp echo "hello, sim" | grep -qx 'hello, sim' &&
smp params | grep -qx 'buf_size 1024 buf_count 1' &&
	ok "echo and MCUmgr parameters" || not_ok "echo and params"
smp os-info | grep -qx 'output Slipway' &&
smp os-info o | grep -qx 'output Slipway reference OS' &&
smp boot-info | grep -qx 'bootloader Slipway' &&
smp boot-info mode | grep -qx 'mode 3' &&
	ok "OS and bootloader information: the OS reports swap-move (3)" ||
	not_ok "OS/bootloader information from the OS"
smp os-info xyz >/dev/null 2>"$TESTTMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'device refused: os error 2' "$TESTTMP/err" &&
	ok "an unknown OS information letter: INVALID_FORMAT" ||
	{ not_ok "os-info xyz"; sed 's/^/#   /' "$TESTTMP/err"; }
stop_sim

# --- serial recovery -------------------------------------------------------
"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash"; rm -f "$flash.otp"
start_sim
grep -q '^boot: no bootable image: entering serial recovery$' "$log" &&
smp image list | grep -q '^no valid image in any slot$' &&
smp boot-info mode | grep -qx 'mode 0' &&
smp os-info o | grep -qx 'output Slipway serial recovery' &&
smp image upload "$BUILD/slipway-os.img" >/dev/null 2>&1 &&
smp image list | grep -q '^image 0 slot 0: version 1.0.0 bootable$' &&
outside_primary_erased &&
smp reset >/dev/null && wait_for '^Slipway OS 1.0.0$' &&
grep -q '^boot: image 0 primary slot: version 1.0.0+0, .* valid' "$log" &&
	ok "an empty sim enters recovery (boot info mode 0); the uploaded image boots after reset" ||
	{ not_ok "recovery of an empty device"; showlog; }
stop_sim

# Power cut during a recovery upload (the sim killed half way): the next
# start is in recovery again, and a new upload brings the device back.
"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash"; rm -f "$flash.otp"
start_sim
"$SLIPWAY" smp image upload "$BUILD/slipway-os.img" --port "$pty" --timeout 500 \
	--tries 1 >/dev/null 2>&1 &
up=$!
# Freeze the device once the first chunk is on flash, and cut its power
# there (the check after it proves the cut came before 64 KiB were in).
for _ in $(seq 2000); do
	[ "$(tail -c +$((primary + 1)) "$flash" | head -c 32 | tr -d '\377' | wc -c)" -gt 0 ] && break
done
kill -STOP "$simpid"
cut_partial=$(tail -c +$((primary + 65537)) "$flash" | head -c 4096 | tr -d '\377' | wc -c)
kill -9 "$simpid"; wait "$simpid" 2>/dev/null; simpid=; exec 7>&-
wait "$up"; uprc=$?
start_sim
[ "$cut_partial" = 0 ] && [ $uprc = 1 ] &&
grep -q '^boot: no bootable image: entering serial recovery$' "$log" &&
smp image upload "$BUILD/slipway-os.img" >/dev/null 2>&1 &&
smp reset >/dev/null && wait_for '^Slipway OS 1.0.0$' &&
	ok "a recovery upload cut by a power loss: recovery again, then a good boot" ||
	{ not_ok "power cut during a recovery upload (client exit $uprc, cut partial: $cut_partial)"; showlog; }
stop_sim

cp "$BUILD/slipway-flash.bin" "$flash"; rm -f "$flash.otp"
start_sim SLIPWAY_SIM_GPIO="$(cfg BOOT_SERIAL_ENTRY_PIN)=$(cfg BOOT_SERIAL_ENTRY_LEVEL)"
grep -q '^boot: recovery button held: entering serial recovery$' "$log" &&
! grep -q '^Slipway OS' "$log" &&
smp image list | grep -q '^image 0 slot 0: version 1.0.0 bootable$' &&
	ok "the recovery button held at reset enters recovery with a good image" ||
	{ not_ok "recovery by button"; showlog; }
stop_sim

# --- the client's own errors -----------------------------------------------
"$SLIPWAY" smp image list --port "$TESTTMP/no-such-tty" 2>"$TESTTMP/err"; rc=$?
[ $rc = 1 ] && grep -q "cannot open $TESTTMP/no-such-tty: No such file or directory" "$TESTTMP/err" &&
	ok "a device that is not there: a clear error" || { not_ok "missing device"; cat "$TESTTMP/err"; }
# A fresh pty master nobody serves: the request times out.
"$SLIPWAY" smp echo hi --port /dev/ptmx --timeout 200 --tries 2 2>"$TESTTMP/err"; rc=$?
[ $rc = 1 ] && grep -q 'no response from /dev/ptmx within 200 ms (2 tries)' "$TESTTMP/err" &&
	ok "no reply: a timeout after the retries" || { not_ok "timeout"; cat "$TESTTMP/err"; }
"$SLIPWAY" smp image test 12xz --port /dev/ptmx 2>/dev/null; rc=$?
[ $rc = 2 ] && ok "a malformed hash is a usage error" || not_ok "bad hash: exit $rc"

# --- recovery erasing progressively, over a primary slot full of junk -------
sim_build "$TESTTMP/prog" CONFIG_BOOT_SERIAL_RECOVERY=y CONFIG_BOOT_SERIAL_ERASE_PROGRESSIVELY=y
cp "$simdir/slipway-flash.bin" "$flash"; rm -f "$flash.otp"
psize=$(($(cfg FLASH_AREA_IMAGE0_PRIMARY_SIZE)))
head -c "$psize" /dev/urandom | dd of="$flash" bs=4096 seek=$((primary / 4096)) conv=notrunc status=none
start_sim
grep -q '^boot: no bootable image: entering serial recovery$' "$log" &&
smp image upload "$simdir/slipway-os.img" >/dev/null 2>&1 &&
smp reset >/dev/null && wait_for '^Slipway OS 1.0.0$' &&
	ok "progressive erase: an upload over a junk-filled primary boots" ||
	{ not_ok "progressive erase recovery"; showlog; }
stop_sim

# --- swap-offset: the OS's SMP upload and serial recovery stage at the offset
# (one sector into the secondary slot), and the bootloader installs from there.
sim_build "$TESTTMP/offset" CONFIG_BOOT_UPGRADE_STRATEGY=\"swap-offset\" CONFIG_BOOT_SERIAL_RECOVERY=y \
	CONFIG_BOOT_SERIAL_UPLOAD_SECONDARY=y
sector=$(($(cfg FLASH_SECTOR_SIZE)))
room=$(sed -n 's/^0 //p' "$simdir/hostcfg/layout.ok")
magic_at() { od -An -tx1 -j $(($1)) -N 4 "$flash" | tr -d ' '; }
"$SLIPWAY" image sign -k "$key" -v 2.0.0 -H "$hdr" --pad-header -S "$room" --align 8 \
	"$simdir/slipway-os.payload" "$TESTTMP/o2.img"
"$SLIPWAY" image sign -k "$key" -v 3.0.0 -H "$hdr" --pad-header -S "$room" --align 8 \
	"$simdir/slipway-os.payload" "$TESTTMP/o3.img"
"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash"; rm -f "$flash.otp"
start_sim
[ "$room" -eq $(($(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE) - sector)) ] &&
grep -q '^boot: no bootable image: entering serial recovery$' "$log" &&
smp boot-info mode | grep -qx 'mode 9' &&
smp image upload "$TESTTMP/o2.img" >/dev/null 2>&1 &&
[ "$(magic_at $((secondary + sector)))" = 3db8f396 ] &&
[ "$(magic_at "$secondary")" = ffffffff ] &&
smp image list | grep -q '^image 0 slot 1: version 2.0.0 bootable$' &&
smp image test "$(hash_of_slot 1)" >/dev/null &&
smp reset >/dev/null && wait_for '^Slipway OS 2.0.0$' &&
grep -q '^boot: image 0: test upgrade (swap-offset) to version 2.0.0+0$' "$log" &&
	ok "swap-offset: a recovery upload is staged one sector into the secondary and installed" ||
	{ not_ok "swap-offset recovery upload"; showlog; }
smp os-info o | grep -qx 'output Slipway reference OS' &&
smp image confirm >/dev/null &&
smp image upload "$TESTTMP/o3.img" >/dev/null 2>&1 &&
[ "$(magic_at $((secondary + sector)))" = 3db8f396 ] &&
smp image list | grep -q '^image 0 slot 1: version 3.0.0 bootable$' &&
smp boot-info mode | grep -qx 'mode 9' &&
smp image test "$(hash_of_slot 1)" >/dev/null &&
smp reset >/dev/null && wait_for '^Slipway OS 3.0.0$' &&
grep -q '^boot: image 0: test upgrade (swap-offset) to version 3.0.0+0$' "$log" &&
	ok "swap-offset: the OS's SMP upload stages at the offset (mode 9); v3 installs" ||
	{ not_ok "swap-offset SMP upload through the agent"; showlog; }
stop_sim
