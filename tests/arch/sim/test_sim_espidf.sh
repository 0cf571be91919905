# tests/arch/sim/test_sim_espidf.sh
# SPDX-License-Identifier: Apache-2.0

# The ESP-IDF boot scheme on the sim (sim_espidf_defconfig): the OS as an
# ESP image in factory; an update staged into ota_1 through the OS's
# ESP-IDF OTA API, set as boot partition, started on trial, confirmed
# (anti-rollback counter raised); a second update not confirmed and rolled
# back; an older secure_version refused; a corrupt app refused by name and
# the next candidate started; the test-app and factory-reset pins; a
# corrupt partition table.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"

b=$TESTTMP/b
if ! { make -s -C "$SRCTREE" O="$b" sim_espidf_defconfig >/dev/null &&
       make -s -C "$SRCTREE" O="$b" >"$TESTTMP/build.log" 2>&1; }; then
	not_ok "build sim_espidf_defconfig"; sed 's/^/#   /' "$TESTTMP/build.log"; exit 0
fi
defconfig_built sim_espidf
ok "sim_espidf_defconfig builds (table, otadata, OS as an ESP image)"
boot=$b/slipway-boot
flash=$TESTTMP/flash.bin
cp "$b/slipway-flash.bin" "$flash"

# Update images: the same program, other versions and secure_versions.
image() { # VERSION SECURE_VERSION OUT
	mkdir -p "$TESTTMP/img-$1"
	"$SRCTREE/tools/espidf_image.sh" "$b/host/slipway" riscv64-unknown-elf-objcopy \
		"$b/slipway-os.payload" "$1" "$2" "$SRCTREE/boards/sim/host/sim/partitions_espidf.csv" \
		0x8000 0x100000 "$TESTTMP/img-$1" && cp "$TESTTMP/img-$1/slipway-os.espimg" "$3"
}
image 2.0.0 0 "$TESTTMP/v2.bin" && image 3.0.0 0 "$TESTTMP/v3.bin" && image 4.0.0 2 "$TESTTMP/v4.bin" &&
	image 3.5.0 1 "$TESTTMP/old.bin" || { not_ok "build the update images"; exit 0; }

session() { # INPUT [VAR=VALUE...]: one power-on, console input from INPUT
	input=$1; shift
	printf "$input" | env SLIPWAY_SIM_FLASH="$flash" "$@" "$boot" >"$TESTTMP/boot.out" 2>&1
}
expect() { # WHAT PATTERN...: every pattern is in the session's output
	what=$1; shift
	for p in "$@"; do
		grep -q -- "$p" "$TESTTMP/boot.out" || { not_ok "$what (no /$p/)"; show; return; }
	done
	ok "$what"
}

session 'status\nexit\n'
expect "a fresh flash boots factory (blank otadata)" "^boot: factory at 0x10000: 1 segments, checksum and SHA-256 valid" \
	"^Slipway OS 1.0.0" "^running factory, boot factory, next update ota_0"

# Board hooks (boards/board_hooks.h) at the same named points as MCUboot's.
session 'exit\n' SLIPWAY_SIM_HOOKS=1
grep -E '^(sim: hook: |Slipway |boot: factory at 0x10000: .* valid)' "$TESTTMP/boot.out" |
	sed 's/^boot: factory at .*/boot: factory valid/' >"$TESTTMP/order"
printf '%s\n' "sim: hook: before init" "Slipway bootloader 0.1.0 (board sim)" "sim: hook: after init" \
	"boot: factory valid" "sim: hook: before app at 0x10000" "Slipway OS 1.0.0" >"$TESTTMP/want"
cmp -s "$TESTTMP/order" "$TESTTMP/want" &&
	ok "board hooks: before init, banner, after init, validation, before app, OS" ||
	{ not_ok "ESP-IDF scheme hook order"; sed 's/^/#   got: /' "$TESTTMP/order"; }

session "stage $TESTTMP/v2.bin ota_1\nsetboot ota_1\nreboot\nstatus\nconfirm\nstatus\nreboot\nversion\nexit\n"
expect "stage + set boot partition: ota_1 starts on trial" "^stage: ota_1: .* bytes, valid" \
	"^setboot: ota_1 boots next on trial" "^boot: otadata entry 0: NEW -> PENDING_VERIFY" \
	"^Slipway OS 2.0.0" "^  ota_1: PENDING_VERIFY"
expect "confirm: VALID, ota_1 boots again" "^confirm: running app marked valid" "^  ota_1: VALID" "^version 2.0.0"

session "stage $TESTTMP/v3.bin\nsetboot ota_0\nreboot\nreboot\nstatus\nexit\n"
expect "an unconfirmed trial is rolled back" "^stage: ota_0: .* bytes, valid" "^Slipway OS 3.0.0" \
	"^boot: otadata entry 1: PENDING_VERIFY -> ABORTED" "^running ota_1, .* last invalid ota_0" "^  ota_0: ABORTED"

session "reject\nexit\n"
expect "the app rejects itself: INVALID, otadata has nothing valid left, factory boots" \
	"^running\|^os: rebooting" "^Slipway OS 1.0.0"

session "setboot ota_1\nexit\n"
printf '\001' | dd of="$flash" bs=1 seek=$((0x90000 + 0x400)) conv=notrunc status=none
session 'exit\n'
expect "a corrupt app is refused by name, the next candidate starts" \
	"^boot: ota_1 at 0x90000: checksum mismatch; trying the next" "^boot: starting ota_0" "^Slipway OS 3.0.0"
cmp -s <(dd if="$flash" bs=1 skip=$((0x90000)) count=16 status=none) <(head -c 16 "$TESTTMP/v2.bin") &&
	ok "the refused app was not erased" || not_ok "the refused app was erased"

dd if="$b/slipway-os.espimg" of="$flash" bs=1 seek=$((0xd0000)) conv=notrunc status=none
session 'exit\n' SLIPWAY_SIM_GPIO=5=1
expect "the test-app pin boots test" "^boot: test-app pin held" "^boot: starting test"

head -c 4096 /dev/zero | dd of="$flash" bs=1 seek=$((0x9000)) conv=notrunc status=none
session 'status\nexit\n' SLIPWAY_SIM_GPIO=4=1
expect "the factory-reset pin erases nvs, phy_init and otadata; factory boots; the app is told" \
	"^boot: factory reset pin held" "^boot: factory reset: erasing data partitions 'nvs,phy_init' and otadata" \
	"^boot: starting factory" "a factory reset happened at this boot"
[ "$(od -An -tx1 -j$((0x9000)) -N4 "$flash" | tr -d ' ')" = ffffffff ] &&
[ "$(od -An -tx1 -j$((0xd000)) -N4 "$flash" | tr -d ' ')" = ffffffff ] &&
	ok "nvs and otadata read erased" || not_ok "factory reset erase"
session 'status\nexit\n'
grep -q "factory reset happened" "$TESTTMP/boot.out" && not_ok "the factory-reset flag outlives its boot" ||
	ok "the next boot does not report a factory reset"

session "stage $TESTTMP/v4.bin ota_1\nsetboot ota_1\nreboot\nconfirm\nstage $TESTTMP/old.bin ota_0\nexit\n"
expect "anti-rollback: confirming secure_version 2 raises the counter; secure_version 1 is refused" \
	"^Slipway OS 4.0.0" "^confirm: running app marked valid" \
	"^stage: ota_0: refused: not a valid app image: secure_version below the anti-rollback counter"
session "setboot factory\nreboot\nexit\n"
expect "anti-rollback: factory (secure_version 0) no longer boots" \
	"^setboot: factory: refused: not a valid app image" 
dd if=/dev/zero of="$flash" bs=1 seek=$((0xd000)) count=8192 conv=notrunc status=none
session 'exit\n'
expect "... and the loader refuses it by name" \
	"^boot: factory at 0x10000: secure_version below the anti-rollback counter; trying the next"

# Fast boot from deep sleep: ota_1 (v4) runs; while it runs a byte of its
# app descriptor goes bad; a deep-sleep wake starts it unchecked, a reset
# refuses it.
mkfifo "$TESTTMP/in"
env SLIPWAY_SIM_FLASH="$flash" "$boot" <"$TESTTMP/in" >"$TESTTMP/boot.out" 2>&1 &
exec 3>"$TESTTMP/in"
for i in $(seq 300); do grep -q '^os: shell ready' "$TESTTMP/boot.out" && break; sleep 0.1; done
printf '\001' | dd of="$flash" bs=1 seek=$((0x90000 + 0x20 + 200)) conv=notrunc status=none
printf 'sleep\nexit\n' >&3
exec 3>&-
wait
expect "a deep-sleep wake starts the remembered app without validating it" \
	"^os: deep sleep" "^boot: deep-sleep wake: starting ota_1 again, not validated"
[ "$(grep -c '^Slipway OS 4.0.0' "$TESTTMP/boot.out")" = 2 ] && ok "... and it runs" || { not_ok "deep-sleep wake"; show; }
session 'exit\n'
expect "a reset validates again: the changed app is refused" \
	"^boot: ota_1 at 0x90000: checksum mismatch; trying the next"

printf '\001' | dd of="$flash" bs=1 seek=$((0x8000 + 40)) conv=notrunc status=none
session 'exit\n'
[ $? -ne 0 ] || true
expect "a corrupt partition table boots nothing, named" "^boot: partition table at 0x8000: .*MD5.*booting nothing"
grep -q "^Slipway OS" "$TESTTMP/boot.out" && not_ok "an OS started from a corrupt table" || ok "no OS started"

# SMP (mcumgr) in this scheme: upload into the next update partition, test
# it (set boot partition), reset into its trial, confirm it.
cp "$b/slipway-flash.bin" "$flash"
rm -f "$flash.otp"
pty=$TESTTMP/smp-pty
rm -f "$TESTTMP/in2"; mkfifo "$TESTTMP/in2"
env SLIPWAY_SIM_FLASH="$flash" SLIPWAY_SIM_SMP_PTY="$pty" "$boot" <"$TESTTMP/in2" >"$TESTTMP/smp.out" 2>&1 &
simpid=$!
exec 7>"$TESTTMP/in2"
for i in $(seq 100); do grep -q '^os: shell ready (SMP on its own line)' "$TESTTMP/smp.out" && break; sleep 0.1; done
smp() { "$b/host/slipway" smp "$@" --port "$pty" --timeout 5000; }
smp image upload "$TESTTMP/v2.bin" >/dev/null 2>&1 && ok "SMP upload of an ESP image" || not_ok "SMP upload"
smp image list >"$TESTTMP/list" 2>&1
h=$(awk '/slot 0:/ { getline; print $2 }' "$TESTTMP/list")
grep -q "slot 0: version 2.0.0 bootable$" "$TESTTMP/list" && grep -q "slot 2: version 1.0.0 bootable confirmed active" "$TESTTMP/list" &&
	ok "SMP list: ota_0 holds 2.0.0, factory (slot 2) runs" || { not_ok "SMP list"; sed 's/^/#   /' "$TESTTMP/list"; }
smp image test "$h" >/dev/null 2>&1 && smp reset >/dev/null 2>&1
for i in $(seq 100); do [ "$(grep -c '^os: shell ready' "$TESTTMP/smp.out")" -ge 2 ] && break; sleep 0.1; done
smp image confirm >/dev/null 2>&1
smp image list >"$TESTTMP/list" 2>&1
grep -q "slot 0: version 2.0.0 bootable confirmed active" "$TESTTMP/list" && grep -q "^Slipway OS 2.0.0" "$TESTTMP/smp.out" &&
	grep -q "^boot: otadata entry 0: NEW -> PENDING_VERIFY" "$TESTTMP/smp.out" &&
	ok "SMP test, reset, confirm: ota_0 runs 2.0.0, confirmed" || { not_ok "SMP test/confirm"; sed 's/^/#   /' "$TESTTMP/list" "$TESTTMP/smp.out"; }
echo exit >&7; exec 7>&-
for i in $(seq 50); do kill -0 "$simpid" 2>/dev/null || break; sleep 0.1; done
kill "$simpid" 2>/dev/null; wait "$simpid" 2>/dev/null
