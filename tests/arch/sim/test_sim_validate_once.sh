# tests/arch/sim/test_sim_validate_once.sh
# SPDX-License-Identifier: Apache-2.0

# CONFIG_BOOT_VALIDATE_PRIMARY_ONCE: a confirmed primary is not hashed again
# (so a change made to it in flash goes unnoticed: the option's documented
# trade-off), while one never confirmed still is. The same build has the
# reference OS confirm itself after a good start (CONFIG_OS_CONFIRM_AFTER_BOOT).
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
cd "$SRCTREE"
sim_build "$TESTTMP/b" CONFIG_BOOT_VALIDATE_PRIMARY_ONCE=y CONFIG_OS_CONFIRM_AFTER_BOOT=y
out=$TESTTMP/b

# Clear the bits of the primary image's last non-zero body byte (in the ELF
# section headers: the program still runs), as a stray flash write could.
spoil() {
	size=$(od -An -tu4 -j$((primary + 12)) -N4 "$flash" | tr -d ' ')
	at=$((primary + hdr + size - 1))
	while [ "$(od -An -tu1 -j"$at" -N1 "$flash" | tr -d ' ')" -eq 0 ]; do at=$((at - 1)); done
	printf '\000' | dd of="$flash" bs=1 seek="$at" conv=notrunc 2>/dev/null
}

"$SLIPWAY" image sign -k keys/test/ecdsa-p256.pem -v 2.0.0 -H "$hdr" --pad-header \
	-S "$slot" --align 8 --pad --confirm "$out/slipway-os.payload" "$TESTTMP/v2.img"
"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" -o "$flash" \
	$((primary)):"$out/slipway-os.img" $((secondary)):"$TESTTMP/v2.img"
boot_once
said '^boot: image 0 primary slot: version 2.0.0+0, [0-9]* bytes, valid (ecdsa-p256)$' &&
	ok "validate-once: an image just installed is validated" || { not_ok "install"; show; }
boot_once
said '^boot: image 0 primary slot: version 2.0.0+0, [0-9]* bytes, confirmed earlier, not validated again (ecdsa-p256)$' &&
	ok "validate-once: the next boot only inspects the confirmed image, and says so" ||
	{ not_ok "confirmed image inspected"; show; }
spoil
boot_once
said 'not validated again' && said '^Slipway OS ' &&
	ok "validate-once: a changed byte in a confirmed image goes unnoticed (the trade-off)" ||
	{ not_ok "confirmed image changed"; show; }

# The factory image (no trailer, never confirmed) is validated every boot.
cp "$out/slipway-flash.bin" "$flash"
spoil
boot_once
said 'image 0 primary slot: image hash mismatch; not booting it' &&
	ok "validate-once: an image never confirmed is still validated" ||
	{ not_ok "unconfirmed image not validated"; show; }

# A test upgrade of an OS that confirms itself: it stays, and from then on
# it counts as confirmed.
"$SLIPWAY" image sign -k keys/test/ecdsa-p256.pem -v 3.0.0 -H "$hdr" --pad-header \
	-S "$slot" --align 8 --pad "$out/slipway-os.payload" "$TESTTMP/v3.img"
"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" -o "$flash" \
	$((primary)):"$out/slipway-os.img" $((secondary)):"$TESTTMP/v3.img"
boot_once
said '^boot: image 0: test upgrade (swap-move) to version 3.0.0+0$' &&
said '^os: image 0 confirmed after a good start$' &&
	ok "confirm-after-boot: the OS confirms a test upgrade itself" || { not_ok "self-confirm"; show; }
boot_once
! said 'revert' && said '^Slipway OS 3.0.0$' && said 'confirmed earlier, not validated again' &&
	ok "confirm-after-boot: the self-confirmed image stays" || { not_ok "self-confirmed stays"; show; }
