# tests/arch/sim/test_sim_upgrade.sh
# SPDX-License-Identifier: Apache-2.0

# Upgrades through the real bootloader on the sim (the default strategy,
# swap-move): images padded by the signer as imgtool pads them (--pad for a
# test swap, --pad --confirm for a permanent one) are placed in the
# secondary slot, as an update agent would leave them.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
sim_use "$BUILD"

sign() { # VERSION OUT [imgtool options]
	v=$1 out=$2; shift 2
	"$SLIPWAY" image sign -k "$key" -v "$v" -H "$hdr" --pad-header -S "$slot" \
		--align 8 "$@" "$BUILD/slipway-os.payload" "$out"
}
fresh() { # with IMAGE in the secondary slot
	"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" -o "$flash" \
		$((primary)):"$BUILD/slipway-os.img" $((secondary)):"$1"
	rm -f "$flash.otp"
}

sign 2.0.0 "$TESTTMP/v2-test.img" --pad
sign 2.0.0 "$TESTTMP/v2-perm.img" --pad --confirm

fresh "$TESTTMP/v2-test.img"
boot_once
said '^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$' && runs 2.0.0+0 &&
	ok "a test upgrade is swapped in and boots" || { not_ok "test upgrade"; show; }
boot_once
said '^boot: image 0: revert upgrade (swap-move) to version 1.0.0+0$' && runs 1.0.0+0 &&
	ok "not confirmed: the next boot reverts to v1" || { not_ok "revert"; show; }
boot_once
! said 'upgrade' && runs 1.0.0+0 &&
	ok "after the revert v1 stays and nothing more happens" || { not_ok "after revert"; show; }
dd if="$flash" of="$TESTTMP/sec.img" bs=4096 skip=$((secondary / 4096)) count=$((slot / 4096)) 2>/dev/null
expect_output "the reverted update is kept intact in the secondary slot" 'version: *2\.0\.0' \
	"$SLIPWAY" image dumpinfo "$TESTTMP/sec.img"

fresh "$TESTTMP/v2-perm.img"
boot_once
said '^boot: image 0: permanent upgrade (swap-move) to version 2.0.0+0$' && runs 2.0.0+0 &&
	ok "a permanent upgrade is swapped in" || { not_ok "permanent upgrade"; show; }
boot_once
! said 'upgrade' && runs 2.0.0+0 &&
	ok "a permanent upgrade stays without a confirm" || { not_ok "permanent stays"; show; }

# A corrupt update is refused and erased; v1 keeps booting.
fresh "$TESTTMP/v2-test.img"
at=$((secondary + hdr + 300))
byte=$(od -An -tu1 -j"$at" -N1 "$flash" | tr -d ' ')
printf "\\$(printf '%03o' $((255 - byte)))" | dd of="$flash" bs=1 seek="$at" conv=notrunc 2>/dev/null
boot_once
said 'secondary slot: image hash mismatch; erasing it, no upgrade' && runs 1.0.0+0 &&
	ok "a corrupt update is refused and logged; the running image keeps booting" ||
	{ not_ok "corrupt update"; show; }
boot_once
! said 'secondary slot' && runs 1.0.0+0 &&
	ok "the refused update was erased" || { not_ok "refused update erased"; show; }
