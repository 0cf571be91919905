# tests/arch/sim/test_sim_secure_boot.sh
# SPDX-License-Identifier: Apache-2.0

# Secure Boot V2 on the sim (sim_secure_defconfig): the ROM stage
# (slipway-rom) is the first program; the bootloader is a signed blob in
# the bootloader area. The first boot starts it unchecked, and the
# bootloader burns its key digest and SECURE_BOOT_EN; from then on the ROM
# stage starts only a bootloader signed by that key, and refuses by name,
# without starting it, a tampered one, one signed by another key, one
# whose key is revoked, one with a CRC-broken or truncated signature
# block, a truncated one and an unsigned one. A first boot cut by a power
# failure at each of its eFuse burns finishes on the next boot with the
# eFuses of an uncut one.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"

b=$TESTTMP/b
if ! { make -s -C "$SRCTREE" O="$b" sim_secure_defconfig >/dev/null &&
       make -s -C "$SRCTREE" O="$b" >"$TESTTMP/build.log" 2>&1; }; then
	not_ok "build sim_secure_defconfig"; sed 's/^/#   /' "$TESTTMP/build.log"; exit 0
fi
defconfig_built sim_secure
sim_use "$b"
rom=$b/slipway-rom
signed=$b/slipway-boot.signed
unsigned=$b/slipway-boot.signed.unsigned
first=$(cfg EFUSE_OTP_FIRST_WORD)
ok "sim_secure_defconfig builds: ROM stage, signed bootloader in the flash image"

# rom_once FLASH [VAR=VALUE...]: one power-on at the ROM stage.
rom_once() {
	f=$1; shift
	env SLIPWAY_SIM_FLASH="$f" "$@" "$rom" </dev/null >"$TESTTMP/boot.out" 2>&1
}
# word FILE N: eFuse word N of the OTP file FILE.
word() { od -An -tu4 -j$(( ($first + $2) * 4 )) -N4 "$1" | tr -d ' '; }
# fuses FILE: every eFuse word (BLOCK0 and the key blocks).
fuses() { od -An -tx4 -v -j$((first * 4)) -N$((53 * 4)) "$1"; }

cp "$b/slipway-flash.bin" "$flash"
rom_once "$flash"
if said "^rom: secure boot off: starting the bootloader unchecked" &&
    said "^secure boot: on (key digest burned" && runs 1.0.0+0; then
	ok "first boot: started unchecked, key digest and SECURE_BOOT_EN burned, the OS runs"
else not_ok "first boot"; show; fi
w2=$(word "$flash.otp" 2) w3=$(word "$flash.otp" 3)
# SECURE_BOOT_EN (bit 8), digests 1 and 2 revoked (bits 6, 7), 0 not (bit 5);
# key block 0 holds SECURE_BOOT_DIGEST0 (purpose 9).
if [ $(( (w2 >> 5) & 15 )) = 14 ] && [ $((w3 & 15)) = 9 ]; then
	ok "eFuses: SECURE_BOOT_EN, REVOKE1 and REVOKE2 set, key block 0 is SECURE_BOOT_DIGEST0"
else not_ok "eFuses after the first boot: words 2=$w2 3=$w3"; fi
"$SLIPWAY" esp secure digest-sbv2-public-key --keyfile "$SRCTREE/keys/test/rsa-3072.pem" \
	--output "$TESTTMP/digest.bin" >/dev/null 2>&1
if [ "$(od -An -tx1 -v "$TESTTMP/digest.bin")" = \
     "$(od -An -tx1 -v -j$(( (first + 5) * 4 )) -N32 "$flash.otp")" ]; then
	ok "the burned digest is slipway esp secure digest-sbv2-public-key's"
else not_ok "the burned digest differs from the signing key's"; fi

rom_once "$flash"
if said "^rom: secure boot: bootloader verified (signature block 0)" &&
    ! said "first boot" && runs 1.0.0+0; then
	ok "the next boot: the ROM stage verifies the bootloader, the OS runs"
else not_ok "second boot"; show; fi

# refused WHAT REASON: the ROM stage, on $TESTTMP/bad.bin with this
# device's eFuses, refused the bootloader for REASON and started nothing.
refused() {
	cp "$flash.otp" "$TESTTMP/bad.bin.otp"
	if rom_once "$TESTTMP/bad.bin"; then rc=0; else rc=$?; fi
	if [ $rc != 0 ] && said "^rom: secure boot: bootloader refused: $2" &&
	    said "^rom: not starting it" && ! said "Slipway bootloader"; then
		ok "$1: refused ($2)"
	else not_ok "$1 (exit $rc)"; show; fi
}
# place FILE: a copy of the flash with FILE as the bootloader area.
place() {
	cp "$flash" "$TESTTMP/bad.bin"
	dd if=/dev/zero bs=4096 count=$(($(cfg FLASH_AREA_BOOTLOADER_SIZE) / 4096)) 2>/dev/null |
		tr '\0' '\377' | dd of="$TESTTMP/bad.bin" conv=notrunc 2>/dev/null
	dd if="$1" of="$TESTTMP/bad.bin" conv=notrunc 2>/dev/null
}
# poke FILE OFFSET: flip the bits of the byte at OFFSET.
poke() {
	v=$(od -An -tu1 -j"$2" -N1 "$1" | tr -d ' ')
	printf "\\$(printf %o $((v ^ 0xff)))" |
		dd of="$1" bs=1 seek="$2" conv=notrunc 2>/dev/null
}
len=$(wc -c <"$signed")
sig=$((len - 4096))

cp "$signed" "$TESTTMP/x.bin"; poke "$TESTTMP/x.bin" 4096; place "$TESTTMP/x.bin"
refused "a tampered bootloader (one byte of its code)" "image digest mismatch"

"$SLIPWAY" esp secure generate-signing-key --version 2 --scheme rsa3072 \
	"$TESTTMP/other.pem" >/dev/null 2>&1
"$SLIPWAY" esp secure sign-data --version 2 --keyfile "$TESTTMP/other.pem" \
	--output "$TESTTMP/x.bin" "$unsigned" >/dev/null 2>&1
place "$TESTTMP/x.bin"
refused "a bootloader signed by another key" "signed by an untrusted key"

cp "$signed" "$TESTTMP/x.bin"; poke "$TESTTMP/x.bin" $((sig + 100)); place "$TESTTMP/x.bin"
refused "a bootloader whose signature block's key is changed (CRC broken)" \
	"signature block CRC mismatch"

dd if="$signed" of="$TESTTMP/x.bin" bs=1 count=$((sig + 600)) 2>/dev/null
place "$TESTTMP/x.bin"
refused "a bootloader whose signature block is cut at byte 600" "signature block CRC mismatch"

dd if="$signed" of="$TESTTMP/x.bin" bs=4096 count=$((sig / 4096 - 1)) 2>/dev/null
place "$TESTTMP/x.bin"
refused "a truncated bootloader (last data sector and signature sector gone)" "unsigned"

place "$unsigned"
refused "an unsigned bootloader" "unsigned"

# Revoking digest 0 with `slipway esp efuse` (as espefuse burn_efuse
# SECURE_BOOT_KEY_REVOKE0): the only key is revoked.
place "$signed"
cp "$flash.otp" "$TESTTMP/revoked.otp"
"$SLIPWAY" esp efuse --otp "$TESTTMP/revoked.otp" --first-word "$first" \
	burn-efuse SECURE_BOOT_KEY_REVOKE0 1 >/dev/null
cp "$TESTTMP/revoked.otp" "$TESTTMP/bad.bin.otp"
if rom_once "$TESTTMP/bad.bin"; then rc=0; else rc=$?; fi
if [ $rc != 0 ] && said "^rom: secure boot: bootloader refused: signed by a revoked key" &&
    ! said "Slipway bootloader"; then
	ok "the signed bootloader once its key is revoked: refused (signed by a revoked key)"
else not_ok "revoked key (exit $rc)"; show; fi

# Secure boot off: an unsigned bootloader starts, but its first boot
# cannot turn secure boot on and it boots nothing.
place "$unsigned"
rm -f "$TESTTMP/bad.bin.otp"
if rom_once "$TESTTMP/bad.bin"; then rc=0; else rc=$?; fi
if said "^rom: secure boot off: starting the bootloader unchecked" &&
    said "no valid signature block.*secure boot stays off" && ! said "Slipway OS" &&
    [ $(( ($(word "$TESTTMP/bad.bin.otp" 2) >> 8) & 1 )) = 0 ]; then
	ok "secure boot off: an unsigned bootloader starts unchecked, turns nothing on, boots nothing"
else not_ok "unsigned bootloader with secure boot off (exit $rc)"; show; fi

# Power cut at every eFuse burn of the first boot (SLIPWAY_SIM_OTP_CUT=N
# kills the bootloader as burn N is about to happen); the next power-on
# finishes it. Done when a run with the cut asked for ends uncut.
cut=0 finished=0 bad=
while [ $cut -lt 64 ]; do
	cp "$b/slipway-flash.bin" "$TESTTMP/cut.bin"
	rm -f "$TESTTMP/cut.bin.otp"
	if rom_once "$TESTTMP/cut.bin" SLIPWAY_SIM_OTP_CUT=$cut 2>/dev/null; then
		finished=1; break
	fi
	rom_once "$TESTTMP/cut.bin"
	runs 1.0.0+0 && [ "$(fuses "$TESTTMP/cut.bin.otp")" = "$(fuses "$flash.otp")" ] || bad="$bad $cut"
	rom_once "$TESTTMP/cut.bin"
	said "^rom: secure boot: bootloader verified" && runs 1.0.0+0 || bad="$bad $cut"
	cut=$((cut + 1))
done 2>/dev/null # the shell's "Killed" notices
if [ $finished = 1 ] && [ $cut -gt 10 ] && [ -z "$bad" ]; then
	ok "first boot cut at each of its $cut eFuse burns: the next boot finishes it, eFuses as uncut, verified after"
else not_ok "cut first boot: $cut cut points, finished=$finished, wrong at:${bad:- none}"; fi
