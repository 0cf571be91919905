# tests/tools/slipway/test_esp_secure.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# `slipway esp secure` against espsecure v4.8.1's outputs
# (../shared/vectors/esp/secure): key digests and public keys byte for
# byte, espsecure's signed images verify, XTS-AES ciphertexts byte for
# byte both ways. Signatures made here verify here (RSA-PSS and ECDSA are
# randomised: verified, not compared; espsecure itself, run beside the
# tree, is in the README). Every refusal names its reason.
. "$SRCTREE/tests/lib.sh"
need_shared
V=$SHARED/vectors/esp/secure
I=$SHARED/vectors/esp/img
T=$TESTTMP
sec() { "$SLIPWAY" esp secure "$@"; }

# poke FILE OFFSET BYTE: overwrite one byte (hex) in place.
poke() {
	printf "\\$(printf '%03o' "0x$3")" |
		dd of="$1" bs=1 seek=$(($2)) conv=notrunc 2>/dev/null
}
# flip FILE OFFSET: invert one byte.
flip() {
	b=$(od -An -tx1 -j$(($2)) -N1 "$1" | tr -d ' ')
	poke "$1" "$2" "$(printf '%02x' $((0x$b ^ 0xff)))"
}

# --- espsecure's vectors --------------------------------------------------
for k in sbv2_rsa3072_key.pem sbv2_rsa3072_pub.pem; do
	if sec digest-sbv2-public-key --keyfile "$V/$k" --output "$T/d.bin" >/dev/null &&
	    cmp -s "$T/d.bin" "$V/sbv2_rsa3072_pubkey_digest.bin"; then
		ok "digest-sbv2-public-key $k: identical to espsecure's"
	else not_ok "digest-sbv2-public-key $k"; fi
done
if sec extract-public-key --version 2 --keyfile "$V/sbv2_rsa3072_key.pem" "$T/pub.pem" \
    >/dev/null && cmp -s "$T/pub.pem" "$V/sbv2_rsa3072_pub.pem"; then
	ok "extract-public-key: identical to espsecure's"
else not_ok "extract-public-key"; fi
for f in c3_boot_signed c3_app_securepad_v2_signed; do
	for k in sbv2_rsa3072_key.pem sbv2_rsa3072_pub.pem; do
		expect_output "espsecure's $f verifies with $k" \
			"Signature block 0 verification successful" \
			sec verify-signature --version 2 --keyfile "$V/$k" "$V/$f.bin"
	done
done
expect_output "signature-info-v2 lists espsecure's key digest" \
	"block 0: 58 1e 51 6c 54 d6 dc e9 9c 3a cf e6 15 48 99 7d a9 b5 ce fb 1c a6 9f d6 1e 2a 97 c1 6b 03 36 d9" \
	sec signature-info-v2 "$V/c3_app_securepad_v2_signed.bin"

# --- XTS-AES, byte for byte -------------------------------------------------
for a in 0x10000 0x8040; do
	if sec encrypt-flash-data --aes-xts --keyfile "$V/fe_xts128_key.bin" \
	    --address $a --output "$T/e.bin" "$V/fe_plain_256.bin" >/dev/null &&
	    cmp -s "$T/e.bin" "$V/fe_plain_256_at_$a.enc.bin"; then
		ok "encrypt-flash-data at $a: identical to espsecure's"
	else not_ok "encrypt-flash-data at $a"; fi
	if sec decrypt_flash_data --aes_xts --keyfile "$V/fe_xts128_key.bin" \
	    --address $a --output "$T/p.bin" "$V/fe_plain_256_at_$a.enc.bin" >/dev/null &&
	    cmp -s "$T/p.bin" "$V/fe_plain_256.bin" &&
	    cmp -s "$T/p.bin" "$V/fe_plain_256_at_$a.dec.bin"; then
		ok "decrypt-flash-data at $a: identical to espsecure's"
	else not_ok "decrypt-flash-data at $a"; fi
done
if sec encrypt-flash-data -x -k "$V/fe_xts128_key.bin" -a 0x8000 -o "$T/pt.bin" \
    "$SHARED/vectors/esp/part/pt_factory_two_ota.bin" >/dev/null &&
    cmp -s "$T/pt.bin" "$V/pt_factory_two_ota_at_0x8000.enc.bin"; then
	ok "partition table encrypted at 0x8000: identical to espsecure's"
else not_ok "partition table encrypted at 0x8000"; fi
# A 16-byte key is expanded with SHA-256: the same as giving the digest.
printf 'sixteen byte key' >"$T/k16.bin"
printf "$(printf 'sixteen byte key' | sha256sum | cut -c1-64 | sed 's/../\\x&/g')" >"$T/k32.bin"
sec encrypt-flash-data -x -k "$T/k16.bin" -a 0x20 -o "$T/a.bin" "$V/fe_plain_256.bin" >/dev/null
sec encrypt-flash-data -x -k "$T/k32.bin" -a 0x20 -o "$T/b.bin" "$V/fe_plain_256.bin" >/dev/null
if cmp -s "$T/a.bin" "$T/b.bin" && ! cmp -s "$T/a.bin" "$V/fe_plain_256.bin"; then
	ok "a 128-bit key is expanded with SHA-256 (as espsecure)"
else not_ok "128-bit key expansion"; fi
expect_fail "address not 16-byte aligned is refused" "multiple of 16" \
	sec encrypt-flash-data -x -k "$V/fe_xts128_key.bin" -a 0x8008 -o "$T/x" "$V/fe_plain_256.bin"
head -c 250 "$V/fe_plain_256.bin" >"$T/odd.bin"
expect_fail "length not a multiple of 16 is refused" "multiple of 16" \
	sec encrypt-flash-data -x -k "$V/fe_xts128_key.bin" -a 0 -o "$T/x" "$T/odd.bin"
head -c 20 "$V/fe_xts128_key.bin" >"$T/k20.bin"
expect_fail "a 20-byte key file is refused" "16, 24, 32 or 64 expected" \
	sec encrypt-flash-data -x -k "$T/k20.bin" -a 0 -o "$T/x" "$V/fe_plain_256.bin"
expect_fail "the ESP32 scheme (no --aes-xts) is refused by name" "only --aes-xts" \
	sec encrypt-flash-data -k "$V/fe_xts128_key.bin" -a 0 -o "$T/x" "$V/fe_plain_256.bin"
sec generate-flash-encryption-key "$T/fe.bin" >/dev/null
sec generate-flash-encryption-key --keylen 512 "$T/fe512.bin" >/dev/null
if [ "$(wc -c <"$T/fe.bin")" = 32 ] && [ "$(wc -c <"$T/fe512.bin")" = 64 ] &&
    sec encrypt-flash-data -x -k "$T/fe512.bin" -a 0x1000 -o "$T/e512" "$V/fe_plain_256.bin" >/dev/null &&
    sec decrypt-flash-data -x -k "$T/fe512.bin" -a 0x1000 -o "$T/d512" "$T/e512" >/dev/null &&
    cmp -s "$T/d512" "$V/fe_plain_256.bin"; then
	ok "generate-flash-encryption-key: 256 and 512 bits; XTS-AES-256 round trip"
else not_ok "generate-flash-encryption-key"; fi

# --- signing here, every scheme ----------------------------------------------
for s in rsa3072 ecdsa192 ecdsa256 ecdsa384; do
	sec generate-signing-key --version 2 --scheme $s "$T/$s.pem" >/dev/null
	sec extract-public-key --version 2 --keyfile "$T/$s.pem" "$T/$s.pub.pem" >/dev/null
	sec sign-data --version 2 --keyfile "$T/$s.pem" --output "$T/$s.bin" \
		"$I/c3_boot.bin" >/dev/null
	expect_output "$s: signed here, verifies with the public key" \
		"block 0 verification successful" \
		sec verify-signature --version 2 --keyfile "$T/$s.pub.pem" "$T/$s.bin"
	sec digest-sbv2-public-key --keyfile "$T/$s.pub.pem" --output "$T/$s.dig" >/dev/null
	d=$(od -An -tx1 "$T/$s.dig" | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')
	expect_output "$s: signature-info-v2 shows the key's digest" "block 0: $d" \
		sec signature-info-v2 "$T/$s.bin"
done
size=$(wc -c <"$I/c3_boot.bin")
if [ "$(wc -c <"$T/rsa3072.bin")" = $(( (size + 4095) / 4096 * 4096 + 4096 )) ] &&
    cmp -s <(head -c 4096 "$T/rsa3072.bin") <(head -c 4096 "$V/c3_boot_signed.bin") &&
    cmp -s <(tail -c $((4096 - 1216)) "$T/rsa3072.bin") <(tail -c $((4096 - 1216)) "$V/c3_boot_signed.bin"); then
	ok "sign-data: 0xFF padding and signature sector laid out as espsecure's"
else not_ok "sign-data layout"; fi
expect_fail "generate-signing-key refuses to overwrite" "already exists" \
	sec generate-signing-key --version 2 "$T/rsa3072.pem"
expect_fail "Secure Boot V1 is refused by name" "only Secure Boot V2" \
	sec sign-data --version 1 --keyfile "$T/ecdsa256.pem" "$I/c3_boot.bin"
expect_fail "a public key cannot sign" "cannot sign" \
	sec sign-data --version 2 --keyfile "$T/rsa3072.pub.pem" -o "$T/x" "$I/c3_boot.bin"

# --append-signatures: three RSA keys, a fourth refused; each verifies.
sec generate-signing-key --version 2 "$T/r2.pem" >/dev/null
sec generate-signing-key --version 2 "$T/r3.pem" >/dev/null
cp "$T/rsa3072.bin" "$T/multi.bin"
expect_output "--append-signatures keeps the valid block" "1 valid signature block" \
	sec sign-data --version 2 --append-signatures --keyfile "$T/r2.pem" \
		--keyfile "$T/r3.pem" "$T/multi.bin"
if [ "$(wc -c <"$T/multi.bin")" = "$(wc -c <"$T/rsa3072.bin")" ]; then
	ok "--append-signatures replaces the sector, the data stays"
else not_ok "--append-signatures size"; fi
for k in rsa3072 r2 r3; do
	expect_output "block of $k verifies among three" "verification successful" \
		sec verify-signature --version 2 --keyfile "$T/$k.pem" "$T/multi.bin"
done
expect_fail "a fourth signature is refused" "up to 3 signature blocks" \
	sec sign-data --version 2 -a --keyfile "$T/ecdsa256.pem" -o "$T/x" "$T/multi.bin"
expect_fail "four keys at once are refused" "empty signature blocks" \
	sec sign-data --version 2 -k "$T/r2.pem" -k "$T/r2.pem" -k "$T/r3.pem" -k "$T/r3.pem" \
		-o "$T/x" "$I/c3_boot.bin"

# --- refusals, each named -----------------------------------------------------
cp "$V/c3_boot_signed.bin" "$T/tampered.bin"; flip "$T/tampered.bin" 0x100
expect_fail "tampered data is refused" "digest mismatch" \
	sec verify-signature --version 2 --keyfile "$V/sbv2_rsa3072_pub.pem" "$T/tampered.bin"
expect_fail "a wrong key is refused" "untrusted key" \
	sec verify-signature --version 2 --keyfile "$T/rsa3072.pem" "$V/c3_boot_signed.bin"
head -c 8000 "$V/c3_boot_signed.bin" >"$T/trunc.bin"
expect_fail "a truncated file is refused" "whole number of 4 KiB sectors" \
	sec verify-signature --version 2 --keyfile "$V/sbv2_rsa3072_pub.pem" "$T/trunc.bin"
head -c 4096 "$V/c3_boot_signed.bin" >"$T/cut.bin"
expect_fail "a file cut before its signature sector is unsigned" "unsigned" \
	sec verify-signature --version 2 --keyfile "$V/sbv2_rsa3072_pub.pem" "$T/cut.bin"
cp "$V/c3_boot_signed.bin" "$T/crc.bin"; flip "$T/crc.bin" $((4096 + 1196))
expect_fail "a CRC-broken block is refused" "CRC mismatch" \
	sec verify-signature --version 2 --keyfile "$V/sbv2_rsa3072_pub.pem" "$T/crc.bin"
cp "$V/c3_boot_signed.bin" "$T/sig.bin"; flip "$T/sig.bin" $((4096 + 900))
# keep the CRC right so the signature itself is what fails
crc=$(head -c $((4096 + 1196)) "$T/sig.bin" | tail -c 1196 | gzip -c | tail -c 8 | head -c 4 | od -An -tx1 | tr -d ' \n')
for i in 0 1 2 3; do poke "$T/sig.bin" $((4096 + 1196 + i)) "$(echo "$crc" | cut -c$((2 * i + 1))-$((2 * i + 2)))"; done
expect_fail "a forged signature (CRC right) is refused" "signature does not verify" \
	sec verify-signature --version 2 --keyfile "$V/sbv2_rsa3072_pub.pem" "$T/sig.bin"
{ cat "$I/c3_boot.bin"; head -c $((8192 - size)) /dev/zero | tr '\0' '\377'; } >"$T/unsigned.bin"
expect_fail "an unsigned file is refused" "unsigned" \
	sec verify-signature --version 2 --keyfile "$V/sbv2_rsa3072_pub.pem" "$T/unsigned.bin"
# An ECDSA key checks block 0 only (a C2 holds one key).
cp "$T/rsa3072.bin" "$T/ec2.bin"
sec sign-data --version 2 -a -k "$T/ecdsa256.pem" "$T/ec2.bin" >/dev/null
expect_fail "an ECDSA key is checked against block 0 only" "untrusted key" \
	sec verify-signature --version 2 --keyfile "$T/ecdsa256.pem" "$T/ec2.bin"
printf 'not a key' >"$T/bad.pem"
expect_fail "a malformed key file is refused" "not an RSA-3072 or ECDSA" \
	sec verify-signature --version 2 --keyfile "$T/bad.pem" "$V/c3_boot_signed.bin"
"$SLIPWAY" image keygen --key "$T/rsa2048.pem" --type rsa-2048 >/dev/null
expect_fail "an RSA-2048 key is refused" "not an RSA-3072" \
	sec digest-sbv2-public-key --keyfile "$T/rsa2048.pem" --output "$T/x"
