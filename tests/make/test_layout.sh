# tests/make/test_layout.sh
# SPDX-License-Identifier: Apache-2.0

# A bad Kconfig flash layout fails the build, naming the areas at fault; and
# the bootloader and the OS image link the same flash objects.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE"

layout_fails() {
	what=$1 pattern=$2; shift 2
	printf 'CONFIG_BOARD_SIM=y\n' >"$TESTTMP/l_defconfig"
	for a in "$@"; do echo "$a" >>"$TESTTMP/l_defconfig"; done
	rm -rf "$TESTTMP/l"
	make -s O="$TESTTMP/l" defconfig DEFCONFIG="$TESTTMP/l_defconfig" >/dev/null
	expect_fail "$what fails the build" "$pattern" make -s O="$TESTTMP/l"
	[ ! -e "$TESTTMP/l/slipway-boot" ] && ok "$what: no bootloader built" ||
		not_ok "$what: a bootloader was built"
}
layout_fails "overlapping slots" \
	"flash area image0-primary \[0x10000, \+0x61000\) overlaps flash area image0-secondary \[0x60000, \+0x60000\)" \
	CONFIG_BOOT_UPGRADE_STRATEGY=\"swap-move\" CONFIG_FLASH_AREA_IMAGE0_SECONDARY_OFFSET=0x60000
layout_fails "a slot past the end of the flash" \
	"flash area scratch \[0xf8000, \+0x10000\) runs past the end" \
	CONFIG_FLASH_AREA_SCRATCH_OFFSET=0xf8000
layout_fails "swap-move with equal slots" \
	"image0-primary \[0x10000, \+0x60000\) has a size the upgrade strategy cannot use with flash area image0-secondary" \
	CONFIG_BOOT_UPGRADE_STRATEGY=\"swap-move\" CONFIG_FLASH_AREA_IMAGE0_PRIMARY_SIZE=0x60000
layout_fails "swap-scratch with unequal slots" \
	"image0-primary \[0x10000, \+0x61000\) has a size the upgrade strategy cannot use" \
	CONFIG_BOOT_UPGRADE_STRATEGY=\"swap-scratch\" CONFIG_FLASH_AREA_IMAGE0_PRIMARY_SIZE=0x61000
layout_fails "swap-offset with a smaller secondary" \
	"the upgrade strategy swap-offset needs the secondary slot as large as the primary or one sector larger" \
	CONFIG_FLASH_AREA_IMAGE0_PRIMARY_SIZE=0x61000
layout_fails "a strategy with no row in the table" \
	"names no strategy: choose one of overwrite-only swap-move swap-offset swap-scratch" \
	CONFIG_BOOT_UPGRADE_STRATEGY=\"swap-sideways\"
layout_fails "an unaligned slot" \
	"image0-secondary \[0x70800, \+0x60000\) does not start and end on erase-sector" \
	CONFIG_FLASH_AREA_IMAGE0_SECONDARY_OFFSET=0x70800

# A configuration that names no strategy gets swap-offset, on a layout that
# meets its slot rule (the sim's defaults).
printf 'CONFIG_BOARD_SIM=y\n' >"$TESTTMP/l_defconfig"
rm -rf "$TESTTMP/l"
if make -s O="$TESTTMP/l" defconfig DEFCONFIG="$TESTTMP/l_defconfig" >/dev/null &&
   grep -qx 'CONFIG_BOOT_UPGRADE_STRATEGY="swap-offset"' "$TESTTMP/l/.config" &&
   make -s O="$TESTTMP/l" "$TESTTMP/l/hostcfg/layout.ok" >/dev/null; then
	ok "no strategy named: swap-offset, and the sim's default layout meets its rule"
else
	not_ok "no strategy named: swap-offset on the sim's default layout"
fi

b=$BUILD
lib=$b/obj/libslipway.a
for o in mtd.o mtd_window.o flashmap.o flashmap_kconfig.o; do
	ar t "$lib" | grep -qx "$o" && ok "libslipway.a holds $o" || not_ok "libslipway.a lacks $o"
done
for sym in mtd_read flash_map_validate flash_area_open mtd_window_init; do
	if nm "$b/slipway-boot" | grep -q " T $sym$" && nm "$b/slipway-os" | grep -q " T $sym$"; then
		ok "bootloader and OS image both link $sym from libslipway.a"
	else
		not_ok "$sym not linked into both programs"
	fi
done
