# tests/arch/sim/sim_lib.sh
# SPDX-License-Identifier: Apache-2.0

# Helpers for the sim's script tests (sourced after tests/lib.sh).
#
# sim_use DIR: the build in DIR is the one under test: sets boot, flash,
# primary, secondary, slot (the secondary's size), hdr and key, and cfg.
# sim_build DIR SYMBOL=VALUE...: configure the sim with these symbols in
# DIR, build it and sim_use it; says "not ok" and exits when that fails.
# Swap-move (sim_defconfig's strategy, which the tests' offsets assume)
# unless the symbols name another.
# boot_once: one run of the bootloader on $flash, console to $TESTTMP/boot.out
# (said PATTERN greps it, show prints it, runs VERSION checks the OS's report).

sim_use() {
	simdir=$1
	boot=$simdir/slipway-boot
	flash=$TESTTMP/flash.bin
	primary=$(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET)
	secondary=$(cfg FLASH_AREA_IMAGE0_SECONDARY_OFFSET)
	slot=$(cfg FLASH_AREA_IMAGE0_SECONDARY_SIZE)
	hdr=$(cfg OS_IMAGE_HEADER_SIZE)
	key=$SRCTREE/keys/test/ecdsa-p256.pem
}

sim_build() {
	dir=$1; shift
	printf 'CONFIG_BOARD_SIM=y\n' >"$TESTTMP/defconfig"
	case " $* " in
	*" CONFIG_BOOT_UPGRADE_STRATEGY="*) ;;
	*) echo 'CONFIG_BOOT_UPGRADE_STRATEGY="swap-move"' >>"$TESTTMP/defconfig" ;;
	esac
	for s in "$@"; do echo "$s" >>"$TESTTMP/defconfig"; done
	if ! { make -s -C "$SRCTREE" O="$dir" defconfig DEFCONFIG="$TESTTMP/defconfig" >/dev/null &&
	       make -s -C "$SRCTREE" O="$dir" >"$TESTTMP/build.log" 2>&1; }; then
		not_ok "build the sim with $*"; sed 's/^/#   /' "$TESTTMP/build.log"; exit 0
	fi
	sim_use "$dir"
}

cfg() { sed -n "s/^CONFIG_$1=//p" "$simdir/.config"; }
boot_once() { env SLIPWAY_SIM_FLASH="$flash" "$boot" </dev/null >"$TESTTMP/boot.out" 2>&1; }
said() { grep -q -- "$1" "$TESTTMP/boot.out"; }
show() { sed 's/^/#   /' "$TESTTMP/boot.out"; }
runs() { said "^os: running from image0-primary at $primary, header version $1\$"; }
