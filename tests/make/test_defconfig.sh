# tests/make/test_defconfig.sh
# SPDX-License-Identifier: Apache-2.0

# Configuration handling: canonical defconfigs, and clear errors for what
# kconfig-conf alone would accept in silence.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE"
o=$TESTTMP/o

for f in defconfigs/*_defconfig; do
	n=$(basename "$f" _defconfig)
	if make -s O="$o/$n" "${n}_defconfig" >/dev/null &&
	   make -s O="$o/$n" savedefconfig DEFCONFIG="$o/$n.saved" >/dev/null &&
	   cmp -s "$f" "$o/$n.saved"; then
		ok "$n: savedefconfig reproduces defconfigs/${n}_defconfig"
	else
		not_ok "$n: savedefconfig differs from defconfigs/${n}_defconfig"
		diff "$f" "$o/$n.saved" | sed 's/^/#   /'
	fi
done

expect_fail "misspelt configuration name" "no configuration 'smi'.*make list" \
	make -s O="$o/x" smi_defconfig

printf 'CONFIG_BOARD_SIM=y\nCONFIG_NO_SUCH_THING=y\n' >"$TESTTMP/unknown"
expect_fail "unknown symbol is named with its line" \
	"unknown:2: unknown symbol CONFIG_NO_SUCH_THING" \
	make -s O="$o/u" defconfig DEFCONFIG="$TESTTMP/unknown"
[ ! -f "$o/u/.config" ] && ok "no .config after an unknown symbol" ||
	not_ok ".config written despite an unknown symbol"

printf 'CONFIG_BOARD_SIM=y\nCONFIG_SIM_OTP_WORDS=5000\n' >"$TESTTMP/range"
expect_fail "value out of range is refused" \
	"CONFIG_SIM_OTP_WORDS=5000 was not applied" \
	make -s O="$o/r" defconfig DEFCONFIG="$TESTTMP/range"

printf 'CONFIG_BOARD_SIM=y\nthis is not kconfig\n' >"$TESTTMP/garbage"
expect_fail "malformed line is refused" "garbage:2: not a Kconfig assignment" \
	make -s O="$o/g" defconfig DEFCONFIG="$TESTTMP/garbage"

make -s O="$o/t" sim_defconfig >/dev/null
expect_fail "missing toolchain is named" \
	"compiler 'no-such-cross-gcc' for arch 'sim' not found" \
	make -s O="$o/t" CROSS_COMPILE=no-such-cross-

expect_fail "building without a configuration says what to do" \
	"no configuration in .*make <name>_defconfig" make -s O="$o/none"

: >"$TESTTMP/noboard"
make -s O="$o/nb" defconfig DEFCONFIG="$TESTTMP/noboard" >/dev/null
expect_fail "a configuration without a board is refused" "chooses no board" \
	make -s O="$o/nb"

expect_output "make list names sim_defconfig" "^sim_defconfig +board sim" \
	make -s list

# A symbol is known when a Kconfig file the top one sources declares it,
# whatever that file is called (a board's common.Kconfig); one declared in
# a file nothing sources is not.
kt=$TESTTMP/ktree
mkdir -p "$kt/boards/x"
printf 'source "boards/x/common.Kconfig"\n' >"$kt/Kconfig"
printf 'config SOURCED_ONE\n\tbool "sourced"\n' >"$kt/boards/x/common.Kconfig"
printf 'config UNSOURCED_ONE\n\tbool "not sourced"\n' >"$kt/boards/x/Kconfig"
printf 'CONFIG_SOURCED_ONE=y\n' >"$TESTTMP/sourced"
if sh tools/kconfig/defconfig.sh "$kt" "$o/ks" "$TESTTMP/sourced" &&
   grep -qx 'CONFIG_SOURCED_ONE=y' "$o/ks/.config"; then
	ok "a symbol from a sourced common.Kconfig is known"
else
	not_ok "a symbol from a sourced common.Kconfig is refused"
fi
printf 'CONFIG_UNSOURCED_ONE=y\n' >"$TESTTMP/unsourced"
expect_fail "a symbol only in a file nothing sources is unknown" \
	"unsourced:1: unknown symbol CONFIG_UNSOURCED_ONE" \
	sh tools/kconfig/defconfig.sh "$kt" "$o/ku" "$TESTTMP/unsourced"
