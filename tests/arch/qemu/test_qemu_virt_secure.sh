# tests/arch/qemu/test_qemu_virt_secure.sh
# SPDX-License-Identifier: Apache-2.0

# Secure Boot V2 on QEMU rv32 virt (qemu-rv32-virt_secure_defconfig): QEMU
# loads the ROM stage into RAM and starts it (tools/qemu/virt.sh --rom);
# the bootloader is a signed blob in pflash, the eFuses a region of the
# same flash file. The first power-on starts the bootloader unchecked and
# its first boot burns the key digest and SECURE_BOOT_EN; the next one
# verifies it. With those eFuses a sample of bad bootloaders (tampered,
# an ECDSA key the C3's ROM rule refuses, a CRC-broken block, unsigned)
# is refused by name and not
# started (the sim's test, test_sim_secure_boot.sh, runs every case and
# the power cuts).
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/qemu/virt_lib.sh"
virt_build qemu-rv32-virt_secure
ok "qemu-rv32-virt_secure_defconfig builds: ROM stage ELF, signed bootloader in the flash file"
efuses=$(($(cfg EFUSE_FLASH_OFFSET)))
signed=$qdir/slipway-boot.signed
unsigned=$qdir/slipway-boot.signed.unsigned
flash=$TESTTMP/flash.bin

cp "$qdir/slipway-flash.bin" "$flash"
virt_power_on "$flash"
if said "^rom: secure boot off: starting the bootloader unchecked" &&
    said "^secure boot: on (key digest burned" && said "^os: running from image0-primary"; then
	ok "first power-on: started unchecked, key digest and SECURE_BOOT_EN burned, the OS runs"
else not_ok "first power-on"; show; fi
# The digest, as the flash keeps it (a burned bit is a programmed 0).
"$qdir/host/slipway" esp secure digest-sbv2-public-key --keyfile "$SRCTREE/keys/test/rsa-3072.pem" \
	--output "$TESTTMP/digest.bin" >/dev/null 2>&1
if [ "$(od -An -tu1 -v "$TESTTMP/digest.bin" | tr -s ' ' '\n' | sed '/^$/d' | awk '{ print 255 - $1 }')" = \
     "$(od -An -tu1 -v -j$((efuses + 20)) -N32 "$flash" | tr -s ' ' '\n' | sed '/^$/d')" ]; then
	ok "the key digest is burned into key block 0 of the flash-kept eFuses"
else not_ok "the flash-kept eFuses do not hold the signing key's digest"; fi

virt_power_on "$flash"
if said "^rom: secure boot: bootloader verified (signature block 0)" &&
    ! said "first boot" && said "^os: running from image0-primary"; then
	ok "next power-on: the ROM stage verifies the bootloader, the OS runs"
else not_ok "second power-on"; show; fi

area=$(($(cfg FLASH_AREA_BOOTLOADER_SIZE)))
# refused WHAT REASON FILE: FILE as the bootloader, with this device's
# eFuses: the ROM stage names REASON and starts nothing.
refused() {
	cp "$flash" "$TESTTMP/bad.bin"
	dd if=/dev/zero bs=4096 count=$((area / 4096)) 2>/dev/null | tr '\0' '\377' |
		dd of="$TESTTMP/bad.bin" conv=notrunc 2>/dev/null
	dd if="$3" of="$TESTTMP/bad.bin" conv=notrunc 2>/dev/null
	virt_power_on "$TESTTMP/bad.bin"
	if said "^rom: secure boot: bootloader refused: $2" && said "^rom: not starting it" &&
	    ! said "Slipway bootloader"; then ok "$1: refused ($2)"
	else not_ok "$1"; show; fi
}
poke() {
	v=$(od -An -tu1 -j"$2" -N1 "$1" | tr -d ' ')
	printf "\\$(printf %o $((v ^ 0xff)))" | dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
sig=$(($(wc -c <"$signed") - 4096))
cp "$signed" "$TESTTMP/x.bin"; poke "$TESTTMP/x.bin" 256
refused "a tampered bootloader" "image digest mismatch" "$TESTTMP/x.bin"
"$qdir/host/slipway" esp secure generate-signing-key --version 2 --scheme ecdsa256 \
	"$TESTTMP/other.pem" >/dev/null 2>&1
"$qdir/host/slipway" esp secure sign-data --version 2 --keyfile "$TESTTMP/other.pem" \
	--output "$TESTTMP/y.bin" "$unsigned" >/dev/null 2>&1
refused "a bootloader signed by an ECDSA P-256 key (the C3 takes RSA only)" \
	"signature scheme this chip's ROM does not accept" "$TESTTMP/y.bin"
cp "$signed" "$TESTTMP/z.bin"; poke "$TESTTMP/z.bin" $((sig + 40))
refused "a bootloader with a CRC-broken signature block" "signature block CRC mismatch" "$TESTTMP/z.bin"
refused "an unsigned bootloader" "unsigned" "$unsigned"
