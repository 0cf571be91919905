# tests/make/test_log_levels.sh
# SPDX-License-Identifier: Apache-2.0

# The log level filters what the bootloader says, and what is filtered out
# is not compiled in. The banner is printed at every level.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE"

at_level() {
	printf 'CONFIG_BOARD_SIM=y\nCONFIG_BOOT_UPGRADE_STRATEGY="swap-move"\nCONFIG_LOG_LEVEL_%s=y\n' "$1" >"$TESTTMP/l_$1"
	make -s O="$TESTTMP/$1" defconfig DEFCONFIG="$TESTTMP/l_$1" >/dev/null &&
		make -s O="$TESTTMP/$1" >/dev/null 2>&1
	make -s O="$TESTTMP/$1" run >"$TESTTMP/$1.out" 2>&1
}

at_level NONE
head -1 "$TESTTMP/NONE.out" | grep -q '^Slipway bootloader ' && ok "level none: the banner is still printed" ||
	not_ok "level none: no banner"
grep -q '^boot:' "$TESTTMP/NONE.out" && not_ok "level none printed log lines" || ok "level none: no log lines"
grep -q '^Slipway OS ' "$TESTTMP/NONE.out" && ok "level none: the OS image boots" || not_ok "level none: no boot"
strings "$TESTTMP/NONE/slipway-boot" | grep -q 'image hash mismatch' &&
	not_ok "level none: the image error sentences are compiled in" ||
	ok "level none: the image error sentences are not compiled in"

at_level WARN
grep -q 'WARNING: A TRUSTED KEY IS A PUBLIC TEST KEY' "$TESTTMP/WARN.out" && ! grep -q 'boot: trusting' "$TESTTMP/WARN.out" &&
	ok "level warn: warnings, no info" || not_ok "level warn output"
strings "$TESTTMP/WARN/slipway-boot" | grep -q 'valid (%s)' &&
	not_ok "level warn: info strings compiled in" || ok "level warn: info messages are not compiled in"

at_level DEBUG
grep -q '^boot: image 0 primary slot at 0x10000, 0x61000 bytes$' "$TESTTMP/DEBUG.out" &&
	ok "level debug: slot details" || not_ok "level debug output"
grep -q '^boot: image 0 primary slot: version .* valid' "$TESTTMP/DEBUG.out" &&
	ok "level debug includes info" || not_ok "level debug lacks info"
