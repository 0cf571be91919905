# tests/make/test_size.sh
# SPDX-License-Identifier: Apache-2.0

# The bootloader by component (tools/size/components.sh, `make size`): the
# components add up to what `size` says, for the sim (a host program) and
# for qemu-rv32-virt as the footprint figures measure it (EC256,
# swap-move, UART log, no serial recovery), which links neither mbedtls'
# AES, nor picolibc's vfprintf or strerror. A bootloader larger than its
# flash area fails the build.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE"

# Components of build $1 add up to size's text, data and bss.
adds_up() {
	read -r text data bss <"$1/sizes.txt"
	total=$(awk '$1 == "total" { print $2, $3, $4 }' "$1/size-components.txt")
	sum=$(awk '$1 != "total" { t += $2; d += $3; b += $4 } END { print t, d, b }' \
		"$1/size-components.txt")
	names=$(awk '{ printf "%s ", $1 }' "$1/size-components.txt")
	if [ "$total" = "$text $data $bss" ] && [ "$sum" = "$total" ] &&
	   [ "$names" = "arch loader engine image crypto libc runtime other total " ]; then
		ok "$2: the components add up to size's $text $data $bss"
	else
		not_ok "$2: components ($sum; total $total) against size ($text $data $bss)"
		sed 's/^/#   /' "$1/size-components.txt"
	fi
}

if [ -f "$BUILD/size-components.txt" ]; then
	adds_up "$BUILD" "sim"
else
	not_ok "sim: $BUILD/size-components.txt missing"
fi

q=$TESTTMP/qemu
printf 'CONFIG_BOARD_QEMU_RV32_VIRT=y\n' >"$TESTTMP/q_defconfig"
if make -s O="$q" defconfig DEFCONFIG="$TESTTMP/q_defconfig" >/dev/null &&
   make -s O="$q" -j2 >"$TESTTMP/q.log" 2>&1; then
	adds_up "$q" "qemu-rv32-virt"
	# Code only (picolibc's "vfprintf = __i_vfprintf" stays an absolute
	# symbol at 0 when nothing links the code).
	syms=$(riscv64-unknown-elf-nm "$q/slipway-boot" | awk '$2 ~ /^[TtWw]$/ { print $3 }')
	for s in mbedtls_aes_setkey_enc mbedtls_internal_aes_encrypt __i_vfprintf \
		 __d_vfprintf _strerror_r strerror; do
		printf '%s\n' "$syms" | grep -qx "$s" &&
			not_ok "qemu-rv32-virt links $s" || ok "qemu-rv32-virt does not link $s"
	done
	printf '%s\n' "$syms" | grep -qx fmt_vformat &&
		ok "qemu-rv32-virt formats with libs/util/fmt.c" || not_ok "qemu-rv32-virt has no fmt_vformat"
	echo "# qemu-rv32-virt, no serial recovery: text data bss $(cat "$q/sizes.txt")"
	sed 's/^/#   /' "$q/size-components.txt"
else
	not_ok "qemu-rv32-virt did not build"; sed 's/^/#   /' "$TESTTMP/q.log"
fi

# mps2-an385 with a 32 KiB bootloader area: the build stops at the link.
a=$TESTTMP/an385
cp defconfigs/mps2-an385_defconfig "$TESTTMP/a_defconfig"
echo CONFIG_FLASH_AREA_BOOTLOADER_SIZE=0x8000 >>"$TESTTMP/a_defconfig"
make -s O="$a" defconfig DEFCONFIG="$TESTTMP/a_defconfig" >/dev/null 2>&1
if make -s O="$a" -j2 >"$TESTTMP/a.log" 2>&1; then
	not_ok "a bootloader larger than its 32 KiB area built"
elif grep -q "region .flash. overflowed\|its area (CONFIG_FLASH_AREA_BOOTLOADER_SIZE)" "$TESTTMP/a.log"; then
	ok "a bootloader larger than its area fails the build, saying so"
else
	not_ok "the build failed, but not for the bootloader's size"; sed 's/^/#   /' "$TESTTMP/a.log"
fi
