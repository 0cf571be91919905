# tests/arch/sim/test_sim_hooks.sh
# SPDX-License-Identifier: Apache-2.0

# Board hooks (boards/board_hooks.h) in the MCUboot scheme: the sim board's
# hooks, made visible by SLIPWAY_SIM_HOOKS, run at their named points in
# order: before init (before the banner), after init (flash map checked,
# before the engine decides), before the app (after its validation, with
# its slot's offset), then the OS. Without the variable the console is
# unchanged. The ESP-IDF scheme's order is checked in test_sim_espidf.sh.
# Reuses the check build (sim_defconfig).
. "$SRCTREE/tests/lib.sh"

flash=$TESTTMP/flash.bin
cp "$BUILD/slipway-flash.bin" "$flash"
primary=$(sed -n 's/^CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET=//p' "$BUILD/.config")
printf 'exit\n' | env SLIPWAY_SIM_HOOKS=1 SLIPWAY_SIM_FLASH="$flash" "$BUILD/slipway-boot" \
	>"$TESTTMP/boot.out" 2>&1
grep -E '^(sim: hook: |Slipway |boot: image 0 primary slot: .* valid)' "$TESTTMP/boot.out" |
	sed 's/^boot: image 0 primary slot: .*/boot: image 0 valid/' >"$TESTTMP/order"
printf '%s\n' "sim: hook: before init" "Slipway bootloader 0.1.0 (board sim)" \
	"sim: hook: after init" "boot: image 0 valid" \
	"sim: hook: before app at 0x$(printf %x $((primary)))" "Slipway OS 1.0.0" >"$TESTTMP/want"
cmp -s "$TESTTMP/order" "$TESTTMP/want" &&
	ok "MCUboot scheme: before init, banner, after init, validation, before app, OS" ||
	{ not_ok "MCUboot scheme hook order"; sed 's/^/#   got: /' "$TESTTMP/order"; }
printf 'exit\n' | env SLIPWAY_SIM_FLASH="$flash" "$BUILD/slipway-boot" >"$TESTTMP/quiet.out" 2>&1
grep -q '^sim: hook' "$TESTTMP/quiet.out" && not_ok "hooks print without SLIPWAY_SIM_HOOKS" ||
	ok "without SLIPWAY_SIM_HOOKS the hooks say nothing"
