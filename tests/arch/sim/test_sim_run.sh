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
primary=$(sed -n 's/^CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET=//p' "$BUILD/.config")

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
	-S 0x60000 "$BUILD/slipway-os" "$TESTTMP/other.img"
"$SLIPWAY" flash assemble --size 0x100000 -o "$flash" $((primary)):"$TESTTMP/other.img"
expect_fail "an image signed by an untrusted key is refused" "signed by an untrusted key; not booting it" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"
# Hash only, no signature at all.
"$SLIPWAY" image sign -v 1.0.0 -H "$hdr" --pad-header -S 0x60000 "$BUILD/slipway-os" "$TESTTMP/plain.img"
"$SLIPWAY" flash assemble --size 0x100000 -o "$flash" $((primary)):"$TESTTMP/plain.img"
expect_fail "an unsigned image is refused" "no signature of the configured type; not booting it" \
	env SLIPWAY_SIM_FLASH="$flash" "$boot"

expect_fail "no flash file named" "SLIPWAY_SIM_FLASH is not set" env -u SLIPWAY_SIM_FLASH "$boot"
expect_fail "missing flash file" "No such file" env SLIPWAY_SIM_FLASH="$TESTTMP/none" "$boot"
head -c 100 /dev/zero >"$TESTTMP/short"
expect_fail "flash file of the wrong size" "size differs from CONFIG_FLASH_SIZE" \
	env SLIPWAY_SIM_FLASH="$TESTTMP/short" "$boot"

# An upgrade through the real bootloader: v2 padded for a test swap
# (imgtool --pad) in the secondary slot is installed and then stays.
key=$SRCTREE/keys/test/ecdsa-p256.pem
"$SLIPWAY" image sign -k "$key" -v 2.0.0 -H "$hdr" --pad-header -S 0x60000 --align 8 --pad \
	"$BUILD/slipway-os" "$TESTTMP/v2.img"
"$SLIPWAY" flash assemble --size 0x100000 -o "$flash" \
	$((primary)):"$BUILD/slipway-os.img" 0x70000:"$TESTTMP/v2.img"
out=$(env SLIPWAY_SIM_FLASH="$flash" "$boot" 2>&1)
printf '%s\n' "$out" | grep -q '^boot: image 0: test upgrade (overwrite-only)$' &&
printf '%s\n' "$out" | grep -q '^os: running from image0-primary at 0x10000, header version 2.0.0+0$' &&
	ok "a test upgrade staged in the secondary is installed and boots" ||
	{ not_ok "upgrade"; printf '%s\n' "$out" | sed 's/^/#   /'; }
out=$(env SLIPWAY_SIM_FLASH="$flash" "$boot" 2>&1)
! printf '%s\n' "$out" | grep -q 'upgrade' &&
printf '%s\n' "$out" | grep -q 'header version 2.0.0+0$' &&
	ok "the next boot keeps v2 and upgrades nothing (overwrite-only)" ||
	{ not_ok "second boot"; printf '%s\n' "$out" | sed 's/^/#   /'; }
# A corrupt update is refused and erased; v1 keeps booting.
"$SLIPWAY" flash assemble --size 0x100000 -o "$flash" \
	$((primary)):"$BUILD/slipway-os.img" 0x70000:"$TESTTMP/v2.img"
at=$((0x70000 + hdr + 300))
byte=$(od -An -tu1 -j"$at" -N1 "$flash" | tr -d ' ')
printf "\\$(printf '%03o' $((255 - byte)))" | dd of="$flash" bs=1 seek="$at" conv=notrunc 2>/dev/null
out=$(env SLIPWAY_SIM_FLASH="$flash" "$boot" 2>&1)
printf '%s\n' "$out" | grep -q 'secondary slot: image hash mismatch; erasing it, no upgrade' &&
printf '%s\n' "$out" | grep -q 'header version 1.0.0+0$' &&
	ok "a corrupt update is refused and logged; the running image keeps booting" ||
	{ not_ok "corrupt update"; printf '%s\n' "$out" | sed 's/^/#   /'; }
