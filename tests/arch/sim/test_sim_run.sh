# tests/arch/sim/test_sim_run.sh
# SPDX-License-Identifier: Apache-2.0

# The sim end to end: the bootloader boots the OS image from the flash file,
# and refuses a flash it cannot boot with a clear message.
. "$SRCTREE/tests/lib.sh"
boot=$BUILD/slipway-boot
flash=$TESTTMP/flash.bin

out=$(make -s -C "$SRCTREE" O="$BUILD" run 2>&1)
printf '%s\n' "$out" | head -1 | grep -q '^Slipway bootloader [0-9]' &&
	ok "first console line is the bootloader banner" ||
	{ not_ok "bootloader banner first"; printf '%s\n' "$out" | sed 's/^/#   /'; }
printf '%s\n' "$out" | grep -q '^boot: WARNING: A TRUSTED KEY IS A PUBLIC TEST KEY' &&
	ok "the sim default says, in capitals, that it trusts a test key" ||
	not_ok "no test-key warning"
printf '%s\n' "$out" | grep -q '^boot: image 0 primary slot: version 1.0.0+0, [0-9]* bytes, valid (ecdsa-p256)$' &&
	ok "the bootloader validates the OS image's signature before booting it" ||
	not_ok "no validation line"
os_line=$(printf '%s\n' "$out" | grep -n '^Slipway OS ' | cut -d: -f1)
printf '%s\n' "$out" | grep -q '^Slipway OS 1.0.0$' && [ "${os_line:-0}" -gt 1 ] &&
	ok "the OS image's banner follows, with its image version" ||
	{ not_ok "OS banner after the bootloader's"; printf '%s\n' "$out" | sed 's/^/#   /'; }
printf '%s\n' "$out" | grep -q '^os: running from image0-primary at 0x10000, header version 1.0.0+0$' &&
	ok "the OS reads its own slot through the flash map" ||
	{ not_ok "OS slot report"; printf '%s\n' "$out" | sed 's/^/#   /'; }

cp "$BUILD/slipway-flash.bin" "$flash"
cfg() { sed -n "s/^CONFIG_$1=//p" "$BUILD/.config"; }
primary=$(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET)
slot=$(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE)
fsize=$(cfg FLASH_SIZE)

# Erased primary slot.
dd if=/dev/zero bs=1 count=32 2>/dev/null | tr '\0' '\377' |
	dd of="$flash" bs=1 seek=$((primary)) conv=notrunc 2>/dev/null
expect_fail "empty primary: nothing to boot" "primary slot: slot is empty; not booting it" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"

# Corrupt magic.
printf '\001' | dd of="$flash" bs=1 seek=$((primary)) conv=notrunc 2>/dev/null
expect_fail "corrupt header: named" "bad image magic" env SLIPWAY_SIM_FLASH="$flash" "$boot"

# Size field past the slot.
cp "$BUILD/slipway-flash.bin" "$flash"
printf '\377\377\377\177' | dd of="$flash" bs=1 seek=$((primary + 12)) conv=notrunc 2>/dev/null
expect_fail "image size past the slot" "runs past the end of the slot" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"

# A flipped payload byte: the hash no longer matches.
cp "$BUILD/slipway-flash.bin" "$flash"
hdr=$(sed -n 's/^CONFIG_OS_IMAGE_HEADER_SIZE=//p' "$BUILD/.config")
printf '\125' | dd of="$flash" bs=1 seek=$((primary + hdr + 100)) conv=notrunc 2>/dev/null
expect_fail "a changed payload byte is refused" "image hash mismatch; not booting it" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"

# An image signed by a key the bootloader does not trust.
"$SLIPWAY" image keygen -k "$TESTTMP/other.pem" -t ecdsa-p256
"$SLIPWAY" image sign -k "$TESTTMP/other.pem" -v 1.0.0 -H "$hdr" --pad-header \
	-S "$slot" "$BUILD/slipway-os.payload" "$TESTTMP/other.img"
"$SLIPWAY" flash assemble --size "$fsize" -o "$flash" $((primary)):"$TESTTMP/other.img"
expect_fail "an image signed by an untrusted key is refused" "signed by an untrusted key; not booting it" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"
# Hash only, no signature at all.
"$SLIPWAY" image sign -v 1.0.0 -H "$hdr" --pad-header -S "$slot" "$BUILD/slipway-os.payload" "$TESTTMP/plain.img"
"$SLIPWAY" flash assemble --size "$fsize" -o "$flash" $((primary)):"$TESTTMP/plain.img"
expect_fail "an unsigned image is refused" "no signature of the configured type; not booting it" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"

expect_fail "no flash file named" "SLIPWAY_SIM_FLASH is not set" env -u SLIPWAY_SIM_FLASH "$boot"
expect_fail "missing flash file" "No such file" env SLIPWAY_SIM_FLASH="$TESTTMP/none" "$boot"
head -c 100 /dev/zero >"$TESTTMP/short"
expect_fail "flash file of the wrong size" "size differs from CONFIG_FLASH_SIZE" \
	env SLIPWAY_SIM_FLASH="$TESTTMP/short" "$boot"
