# tests/arch/sim/test_sim_rollback.sh
# SPDX-License-Identifier: Apache-2.0

# Downgrade prevention on the sim, through the real bootloader: a lower
# version is refused by the version rule, a lower security counter by the
# device's monotonic counter (the sim's virtual OTP file), and the counter
# is raised only once an image is confirmed, so a test upgrade can still
# be reverted.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
sim_build "$TESTTMP/b" CONFIG_BOOT_DOWNGRADE_PREVENTION=y CONFIG_BOOT_SECURITY_COUNTER=y
out=$TESTTMP/b

sign() { # VERSION COUNTER OUT [imgtool options]
	v=$1 c=$2 o=$3; shift 3
	"$SLIPWAY" image sign -k "$key" -v "$v" -s "$c" -H "$hdr" --pad-header -S "$slot" \
		--align 8 "$@" "$out/slipway-os.payload" "$o"
}
stage() { # put IMAGE in the secondary slot of the current flash
	dd if="$1" of="$flash" bs=4096 seek=$((secondary / 4096)) conv=notrunc 2>/dev/null
}

sign 2.0.0 2 "$TESTTMP/v2.img" --pad --confirm
sign 1.5.0 2 "$TESTTMP/v1.5.img" --pad --confirm
sign 3.0.0 1 "$TESTTMP/v3-cnt1.img" --pad --confirm
sign 3.0.0 3 "$TESTTMP/v3-test.img" --pad
cp "$out/slipway-flash.bin" "$flash"
rm -f "$flash.otp"

stage "$TESTTMP/v2.img"
boot_once
said '^boot: image 0: permanent upgrade (swap-move) to version 2.0.0+0$' &&
said '^boot: image 0: raising the security counter from 0 to 2$' && runs 2.0.0+0 &&
	ok "a permanent upgrade to counter 2 raises the device's counter" || { not_ok "v2 install"; show; }

stage "$TESTTMP/v1.5.img"
boot_once
said '^boot: image 0 secondary slot: version 1.5.0+0 is lower than the running 2.0.0+0; refused (downgrade prevention)$' &&
	runs 2.0.0+0 && ok "a lower version is refused with a log line; v2 keeps booting" ||
	{ not_ok "lower version"; show; }

stage "$TESTTMP/v3-cnt1.img"
boot_once
said "^boot: image 0 secondary slot: security counter 1 is lower than the device's 2; refused$" &&
	runs 2.0.0+0 && ok "a lower security counter is refused with a log line; v2 keeps booting" ||
	{ not_ok "lower counter"; show; }

stage "$TESTTMP/v3-test.img"
boot_once
said '^boot: image 0: test upgrade (swap-move) to version 3.0.0+0$' && runs 3.0.0+0 &&
	! said 'raising the security counter' &&
	ok "a test upgrade to counter 3 runs without raising the counter" || { not_ok "v3 test"; show; }
boot_once
said '^boot: image 0: revert upgrade (swap-move) to version 2.0.0+0$' && runs 2.0.0+0 &&
	ok "unconfirmed, it reverts: v2 (counter 2) is still allowed" || { not_ok "v3 revert"; show; }

# The counter is in OTP: rewriting the flash does not lower it.
cp "$out/slipway-flash.bin" "$flash"
boot_once
said "^boot: image 0 primary slot: security counter 0 is lower than the device's 2" &&
	! said '^Slipway OS' &&
	ok "the factory image (counter 0) no longer boots once the counter is 2" || { not_ok "factory after raise"; show; }

# The update agent applies the same rules before it asks for anything.
cp "$out/slipway-flash.bin" "$flash"
rm -f "$flash.otp"
sign 2.0.0 2 "$TESTTMP/v2.img"
sign 1.5.0 2 "$TESTTMP/v1.5.img"
sign 3.0.0 1 "$TESTTMP/v3-cnt1.img"
printf '%s\n' "stage $TESTTMP/v2.img" "pending --permanent" reboot status \
	"stage $TESTTMP/v1.5.img" "stage $TESTTMP/v3-cnt1.img" status reboot |
	env SLIPWAY_SIM_FLASH="$flash" "$boot" >"$TESTTMP/boot.out" 2>&1
said '^stage: image 0: refused: version lower than the running one (downgrade prevention)$' &&
	ok "the agent refuses a lower version (downgrade prevention)" || { not_ok "agent: lower version"; show; }
said "^stage: image 0: refused: security counter lower than the device's$" &&
	ok "the agent refuses a lower security counter" || { not_ok "agent: lower counter"; show; }
[ "$(grep -c '^image 0: running 2.0.0+0, confirmed; primary valid 2.0.0+0; secondary' "$TESTTMP/boot.out")" -eq 2 ] &&
	! grep -q 'secondary valid 1.5.0\|secondary valid 3.0.0' "$TESTTMP/boot.out" &&
	[ "$(grep -c '^Slipway OS 2.0.0$' "$TESTTMP/boot.out")" -eq 2 ] &&
	ok "after the refusals v2 runs, confirmed, and nothing is pending" || { not_ok "agent refusals: state"; show; }
