# tests/arch/qemu/test_qemu_virt_flashenc.sh
# SPDX-License-Identifier: Apache-2.0

# Flash encryption on QEMU rv32 virt (qemu-rv32-virt_flashenc_defconfig):
# mtd_xts over pflash, eFuses kept in the flash file, the key from the
# CPU's Zkr entropy source, the OS image loaded into RAM through the XTS
# layer. The first power-on encrypts the image range in place; QEMU is
# killed (the power cut) twice during that encryption, a few seconds into
# it, and restarted on the same flash file: it resumes where its journal
# says, finishes, and boots. Then the flash file holds none of the OS
# image's plaintext, the eFuses say encryption is on with a read-protected
# XTS key, `slipway esp secure decrypt-flash-data` with that key gives back
# the built primary slot, and the next power-on boots without encrypting.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/qemu/virt_lib.sh"
virt_build qemu-rv32-virt_flashenc
ok "qemu-rv32-virt_flashenc_defconfig builds"
efuses=$(($(cfg EFUSE_FLASH_OFFSET)))
start=$(($(cfg FLASH_ENCRYPTION_OFFSET)))
primary=$(($(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET)))
img=$qdir/slipway-os.img
flash=$TESTTMP/flash.bin
SLIPWAY=$qdir/host/slipway

# chunks FILE: how many 32-byte pieces of the OS image (one per 4 KiB)
# appear in FILE's encrypted range.
chunks() {
	dd if="$1" of="$TESTTMP/range.bin" bs=4096 skip=$((start / 4096)) \
		count=$(($(cfg FLASH_ENCRYPTION_SIZE) / 4096)) 2>/dev/null
	od -An -tx1 -v -w32 "$TESTTMP/range.bin" | tr -d ' ' >"$TESTTMP/range.hex"
	n=0 total=0 len=$(wc -c <"$img") off=512
	while [ $((off + 32)) -le "$len" ]; do
		pat=$(od -An -tx1 -j$off -N32 "$img" | tr -d ' \n')
		total=$((total + 1))
		grep -q "$pat" "$TESTTMP/range.hex" && n=$((n + 1))
		off=$((off + 4096))
	done
	echo "$n/$total"
}

cp "$qdir/slipway-flash.bin" "$flash"
case $(chunks "$flash") in 0/*) not_ok "the built flash does not show the image" ;;
*) ok "the built flash holds the OS image in plaintext ($(chunks "$flash") pieces found)" ;; esac

# Two power cuts during the in-place encryption, then a power-on that finishes.
resumed=
for cut in 3 3; do
	virt_power_on "$flash" "$cut"
	n=$(sed -n 's/.*in place (\([0-9]*\) of [0-9]* sectors done).*/\1/p' "$out.txt")
	resumed="$resumed ${n:-?}"
done
virt_power_on "$flash"
n=$(sed -n 's/.*in place (\([0-9]*\) of [0-9]* sectors done).*/\1/p' "$out.txt")
resumed="$resumed ${n:-?}"
echo "# first boot started at sectors done:$resumed"
set -- $resumed
if [ "${2:-0}" != "?" ] && [ "${2:-0}" -gt 0 ] && [ "${3:-0}" -gt "${2:-0}" ] &&
    said "^flash encryption: on (development mode)" && said "^os: running from image0-primary"; then
	ok "first boot cut twice during the in-place encryption: resumed (sectors done:$resumed), finished, the OS runs"
else not_ok "cut first boot (sectors done at each start:$resumed)"; show; fi

after=$(chunks "$flash")
case $after in 0/*) ok "no piece of the OS image is left in the flash file ($after)" ;;
*) not_ok "plaintext left in the flash file: $after" ;; esac

"$SLIPWAY" esp efuse --flash "$flash" --offset "$efuses" summary >"$TESTTMP/summary" 2>&1
if grep -q "^SPI_BOOT_CRYPT_CNT *= 1 " "$TESTTMP/summary" &&
    grep -q "^KEY_PURPOSE_0 *= XTS_AES_128_KEY (4) R/-" "$TESTTMP/summary" &&
    grep -q "^BLOCK_KEY0 *= ?? (read-protected)" "$TESTTMP/summary"; then
	ok "flash-kept eFuses: SPI_BOOT_CRYPT_CNT 1, key block 0 an XTS key, read-protected"
else not_ok "eFuses after the first boot"; sed 's/^/#   /' "$TESTTMP/summary"; fi

# The key as the hardware holds it (key block 0: words 5.., a burned bit a
# programmed 0): decrypting the primary slot's first 64 KiB gives the built
# bytes wherever the build did not leave them erased.
od -An -tu1 -v -j$((efuses + 20)) -N32 "$flash" | tr -s ' ' '\n' | sed '/^$/d' |
	while read -r v; do printf "\\$(printf %o $((255 - v)))"; done >"$TESTTMP/fe.key"
dd if="$flash" of="$TESTTMP/enc.bin" bs=4096 skip=$((primary / 4096)) count=16 2>/dev/null
dd if="$qdir/slipway-flash.bin" of="$TESTTMP/plain.bin" bs=4096 skip=$((primary / 4096)) \
	count=16 2>/dev/null
if "$SLIPWAY" esp secure decrypt-flash-data --aes-xts --keyfile "$TESTTMP/fe.key" \
	--address "$primary" --output "$TESTTMP/dec.bin" "$TESTTMP/enc.bin" >/dev/null 2>&1 &&
    od -An -v -tx1 -w16 "$TESTTMP/plain.bin" >"$TESTTMP/p.txt" &&
    od -An -v -tx1 -w16 "$TESTTMP/dec.bin" >"$TESTTMP/d.txt" &&
    paste -d'|' "$TESTTMP/p.txt" "$TESTTMP/d.txt" |
    awk -F'|' '$1 != " ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff" &&
	       $1 != $2 { bad++ } END { exit bad > 0 }'; then
	ok "slipway esp secure decrypt-flash-data with the eFuse key gives back the built primary slot"
else not_ok "the tool's decryption of the QEMU flash differs from the plaintext"; fi

virt_power_on "$flash"
if ! said "first boot" && said "^os: running from image0-primary"; then
	ok "the next power-on boots the encrypted flash"
else not_ok "second power-on"; show; fi
