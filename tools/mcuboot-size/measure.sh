#!/bin/sh
# tools/mcuboot-size/measure.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# MCUboot's size beside Slipway's on a Cortex-M4, on the same terms: both
# built for nrf52840dk_defconfig's layout with arm-none-eabi-gcc -Os, the
# same mbedtls (Debian's source, Slipway's configuration), the same flash
# driver (nrf_nvmc), ECDSA P-256, swap-move, no logging. MCUboot's bootutil
# comes from a checkout you give (not part of `make check`: nothing in the
# tree depends on MCUboot's sources); the port is ./port.
#
#   tools/mcuboot-size/measure.sh MCUBOOT_DIR [BUILD_DIR]
set -eu
[ $# -ge 1 ] || { echo "usage: measure.sh MCUBOOT_DIR [BUILD_DIR]" >&2; exit 2; }
mcuboot=$(cd "$1" && pwd)
src=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$src/build/mcuboot-size}
here=$src/tools/mcuboot-size
[ -f "$mcuboot/boot/bootutil/src/loader.c" ] || {
	echo "measure.sh: $mcuboot is not an MCUboot checkout (no boot/bootutil/src/loader.c)" >&2; exit 2; }
mkdir -p "$out/obj"

# Slipway at the same log level (none) as the MCUboot port.
printf 'CONFIG_BOARD_NRF52840DK=y\nCONFIG_BOOT_UPGRADE_STRATEGY="swap-move"\nCONFIG_LOG_LEVEL_NONE=y\n' >"$out/defconfig"
make -s -C "$src" O="$out/slipway" defconfig DEFCONFIG="$out/defconfig" >/dev/null
make -s -C "$src" O="$out/slipway" >"$out/slipway.log" 2>&1 || {
	cat "$out/slipway.log" >&2; exit 1; }
s=$out/slipway
autoconf=$s/include/generated/autoconf.h
"$s/host/slipway" image getpub -k "$src/keys/test/ecdsa-p256.pem" -e c >"$out/key.inc"

cpu="-mcpu=cortex-m4 -mthumb -mfloat-abi=soft"
cflags="$cpu -Os -std=gnu11 -ffunction-sections -fdata-sections -ffreestanding
	--specs=picolibc.specs -DNDEBUG -w -include $autoconf
	-I$here/port -I$out -I$mcuboot/boot/bootutil/include -I$mcuboot/boot/bootutil/src
	-I$src -I$src/.deps/mbedtls-3.6/include
	-DMBEDTLS_CONFIG_FILE=\"libs/crypto/mbedtls_config.h\""
srcs="loader.c swap_move.c swap_misc.c bootutil_misc.c bootutil_public.c
	bootutil_area.c bootutil_loader.c bootutil_find_key.c bootutil_img_hash.c
	image_validate.c image_ecdsa.c tlv.c fault_injection_hardening.c
	bootutil_img_security_cnt.c"
objs=
for f in $srcs; do
	[ -f "$mcuboot/boot/bootutil/src/$f" ] || continue # older or newer trees
	# shellcheck disable=SC2086
	arm-none-eabi-gcc $cflags -include "$here/port/mbedtls_compat.h" \
		-c "$mcuboot/boot/bootutil/src/$f" -o "$out/obj/${f%.c}.o"
	objs="$objs $out/obj/${f%.c}.o"
done
# shellcheck disable=SC2086
arm-none-eabi-gcc $cflags -include "$here/port/mbedtls_compat.h" -c "$here/port/port.c" \
	-o "$out/obj/port.o"
arm-none-eabi-gcc -E -P -x c -include "$autoconf" "$here/port/link.ld.S" -o "$out/link.ld"
# shellcheck disable=SC2086
arm-none-eabi-gcc $cpu --specs=picolibc.specs -nostartfiles -T "$out/link.ld" \
	-Wl,--gc-sections -Wl,--no-warn-rwx-segments -o "$out/mcuboot.elf" \
	$objs "$out/obj/port.o" "$s/obj/drivers/mtd/nrf_nvmc.o" "$s/obj/drivers/mtd/mtd.o" \
	"$s/obj/libs/crypto/crypto_heap.o" "$s/mbedtls/libmbedcrypto.a"

rev=$(git -C "$mcuboot" describe --always --tags 2>/dev/null || echo unknown)
set -- $(arm-none-eabi-size "$out/mcuboot.elf" | awk 'NR == 2 { print $1, $2, $3 }')
echo "mcuboot-size: MCUboot $rev bootutil + minimal port, Cortex-M4 -Os: text $1, data $2, bss $3"
set -- $(arm-none-eabi-size "$s/slipway-boot" | awk 'NR == 2 { print $1, $2, $3 }')
echo "mcuboot-size: Slipway nrf52840dk bootloader, log level none:          text $1, data $2, bss $3"
