# tests/arch/sim/test_sim_flash_encryption.sh
# SPDX-License-Identifier: Apache-2.0

# The sim with flash encryption (CONFIG_FLASH_ENCRYPTION): the first boot
# burns a key into the eFuses, encrypts the image range in place and boots;
# the flash file then holds none of the OS image's plaintext; the next boot
# boots the encrypted flash; and `slipway esp secure decrypt-flash-data`,
# given the key read from the OTP file, turns the flash back into what the
# build wrote (the tool and the device agree on XTS, tweak and byte order).
# Then the first boot is killed (SIGKILL, the sim's power cut) at growing
# delays until one run finishes: it resumes where the journal says, and the
# flash ends up the same as an uninterrupted first boot's.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
sim_build "$TESTTMP/fe" CONFIG_EFUSE=y CONFIG_FLASH_ENCRYPTION=y \
	CONFIG_FLASH_WRITE_ALIGN=16 CONFIG_BOOT_MAX_ALIGN=16
cp "$simdir/slipway-flash.bin" "$flash"
chmod u+w "$flash"
otp=$flash.otp
start=$(cfg FLASH_ENCRYPTION_OFFSET)
size=$(cfg FLASH_ENCRYPTION_SIZE)
first=$(cfg EFUSE_OTP_FIRST_WORD)
kblock=$(cfg FLASH_ENCRYPTION_KEY_BLOCK)
img=$simdir/slipway-os.img

# chunks FILE: how many 32-byte pieces of the OS image (one per 4 KiB)
# appear in FILE.
chunks() {
	n=0 total=0 len=$(wc -c <"$img")
	off=512
	while [ $((off + 32)) -le "$len" ]; do
		pat=$(od -An -tx1 -j$off -N32 "$img" | tr -d ' \n')
		total=$((total + 1))
		od -An -tx1 -v -w32 "$1" | tr -d ' ' | grep -q "$pat" && n=$((n + 1))
		off=$((off + 4096))
	done
	echo "$n/$total"
}
# (The pieces start at 32-byte multiples of the image, which sits at a
# 32-byte multiple of the flash, so a plaintext piece would be found.)
before=$(chunks "$flash")
case $before in 0/*) not_ok "the plaintext flash shows the image ($before)" ;;
*) ok "the built flash holds the image in plaintext ($before pieces found)" ;; esac

boot_once
if said "^flash encryption: first boot: encrypting $start\.\.0x" &&
    said "^flash encryption: on (development mode)" && runs 1.0.0+0; then
	ok "first boot: key burned, range encrypted in place, the OS boots"
else not_ok "first boot with flash encryption"; show; fi
after=$(chunks "$flash")
case $after in 0/*) ok "no piece of the OS image is left in the flash file ($after)" ;;
*) not_ok "plaintext left in the flash file: $after" ;; esac

boot_once
if ! said "first boot" && runs 1.0.0+0; then
	ok "the next boot boots the encrypted flash"
else not_ok "second boot"; show; fi

# eFuses: SPI_BOOT_CRYPT_CNT odd, key block 0 read-protected, purpose XTS_AES_128_KEY.
word() { od -An -tu4 -j$(( ($first + $1) * 4 )) -N4 "$otp" | tr -d ' '; }
w2=$(word 2) w1=$(word 1) w3=$(word 3)
if [ $(( (w2 >> 2) & 7 )) = 1 ] && [ $((w1 & 1)) = 1 ] && [ $((w3 & 15)) = 4 ]; then
	ok "eFuses: CRYPT_CNT = 1, key block 0 read-protected with purpose XTS_AES_128_KEY"
else not_ok "eFuses after the first boot: words $w1 $w2 $w3"; fi

# decrypts FLASH: with the key as the hardware holds it (8 words of key
# block FLASH_ENCRYPTION_KEY_BLOCK in FLASH's OTP file), `slipway esp secure decrypt-flash-data`
# turns the encrypted range back into what the build wrote. Erased
# granules stay erased in the flash (and decrypt to garbage): only the
# granules the plaintext did not leave erased are compared.
decrypts() {
	dd if="$1.otp" of="$TESTTMP/fe.key" bs=4 skip=$((first + 5 + 8 * kblock)) \
		count=8 2>/dev/null
	dd if="$1" of="$TESTTMP/enc.bin" bs=4096 skip=$((start / 4096)) \
		count=$((size / 4096)) 2>/dev/null
	dd if="$simdir/slipway-flash.bin" of="$TESTTMP/plain.bin" bs=4096 \
		skip=$((start / 4096)) count=$((size / 4096)) 2>/dev/null
	"$SLIPWAY" esp secure decrypt-flash-data --aes-xts --keyfile "$TESTTMP/fe.key" \
		--address "$start" --output "$TESTTMP/dec.bin" "$TESTTMP/enc.bin" >/dev/null &&
	od -An -v -tx1 -w16 "$TESTTMP/plain.bin" >"$TESTTMP/p.txt" &&
	od -An -v -tx1 -w16 "$TESTTMP/dec.bin" >"$TESTTMP/d.txt" &&
	paste -d'|' "$TESTTMP/p.txt" "$TESTTMP/d.txt" |
	awk -F'|' '$1 != " ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff ff" &&
		   $1 != $2 { bad++ } END { exit bad > 0 }'
}
if decrypts "$flash"; then
	ok "slipway esp secure decrypt-flash-data with the eFuse key gives back the built flash"
else not_ok "the tool's decryption of the device's flash differs from the plaintext"; fi

# Kill the first boot at growing delays until a run finishes.
killed=$TESTTMP/killed.bin
cp "$simdir/slipway-flash.bin" "$killed"
chmod u+w "$killed"
resumed= kills=0
for d in 0.01 0.02 0.05 0.1 0.2 0.4 0.8 1.6 3.2 6.4; do
	env SLIPWAY_SIM_FLASH="$killed" timeout -s KILL $d "$boot" </dev/null \
		>"$TESTTMP/kill.out" 2>&1
	rc=$?
	n=$(sed -n 's/.*in place (\([0-9]*\) of [0-9]* sectors done).*/\1/p' "$TESTTMP/kill.out")
	[ -n "$n" ] && [ "$n" -gt 0 ] && resumed="$resumed $n"
	[ $rc = 137 ] && kills=$((kills + 1))
	grep -q "^flash encryption: on" "$TESTTMP/kill.out" && break
done 2>/dev/null # the shell's "Killed" notices
env SLIPWAY_SIM_FLASH="$killed" "$boot" </dev/null >"$TESTTMP/boot.out" 2>&1
echo "# first boot killed $kills times; resumed at sectors:${resumed:- none}"
# WR_DIS, RD_DIS, the flags and the purposes as an uncut first boot left them.
fuses() { od -An -tx4 -j$((first * 4)) -N16 "$1"; }
if [ -n "$resumed" ] && runs 1.0.0+0 && decrypts "$killed" &&
    [ "$(fuses "$killed.otp")" = "$(fuses "$otp")" ] &&
    case $(chunks "$killed") in 0/*) true ;; *) false ;; esac; then
	ok "a first boot killed $kills times resumes: encrypted, booting, fuses as uncut"
else not_ok "killed first boot (resumed at:${resumed:- none})"; show; fi
