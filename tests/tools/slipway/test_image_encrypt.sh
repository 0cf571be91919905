# tests/tools/slipway/test_image_encrypt.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# MCUboot encrypted images: imgtool's encrypted vectors, and imgtool's
# AES-256 and HMAC-SHA-512 images kept in imgtool-enc/, verify with
# --decrypt (through libs/image, the bootloader's validation) and are named
# encrypted without it; images `slipway image sign -E` makes, for every
# encryption option (ENC_EC256, ENC_X25519, HMAC-SHA-512 = TLV 0x34,
# AES-128 and AES-256, --clear), carry imgtool's header and TLV order and
# verify the same way; each refusal is named.
. "$SRCTREE/tests/lib.sh"
need_shared
V=$SHARED/vectors/imgtool
K=$V/keys
T=$TESTTMP
img() { "$SLIPWAY" image "$@"; }

# --- imgtool's vectors --------------------------------------------------------
for v in "ecdsa-p256-enc-ec256 ecdsa-p256 enc-ec256 1.5.0" "ed25519-enc-x25519 ed25519 enc-x25519 0.9.1"; do
	set -- $v
	expect_fail "$1: without a key it is named encrypted, not a mismatch" \
		"encrypted image \(ENC_(EC256|X25519), AES-128\).*--decrypt" \
		img verify --key "$K/$2.pub.pem" "$V/$1/image.bin"
	expect_output "$1: verifies with --decrypt" "valid: .*\(body decrypted\)" \
		img verify --key "$K/$2.pub.pem" --decrypt "$K/$3.pem" "$V/$1/image.bin"
	expect_output "$1: the installed (decrypted) form is valid without a key" \
		"valid: .*body in plaintext" \
		img verify --key "$K/$2.pub.pem" "$V/$1/image-decrypted.bin"
	expect_output "$1: the installed form is valid with --decrypt too" \
		"valid: .*body in plaintext" \
		img verify --key "$K/$2.pub.pem" --decrypt "$K/$3.pem" "$V/$1/image-decrypted.bin"
	if img sign -k "$K/$2.pem" -H 32 --pad-header -E "$K/$3.pub.pem" -S 0x20000 \
	    -v $4 "$V/$1/payload.bin" "$T/$1.bin" >/dev/null &&
	    cmp -s <(head -c 32 "$T/$1.bin") <(head -c 32 "$V/$1/image.bin") &&
	    [ "$(img dumpinfo "$T/$1.bin" | grep -E 'type:|flags:|img_size')" = \
	      "$(img dumpinfo "$V/$1/image.bin" | grep -E 'type:|flags:|img_size')" ]; then
		ok "$1: sign -E gives imgtool's flags, size and TLV order"
	else not_ok "$1: sign -E layout"; fi
done
expect_fail "a P-256 key does not open ENC_X25519" "encrypted for an X25519 key" \
	img verify --decrypt "$K/enc-ec256.pem" "$V/ed25519-enc-x25519/image.bin"
expect_fail "a public key does not decrypt" "needs the private key" \
	img verify --decrypt "$K/enc-ec256.pub.pem" "$V/ecdsa-p256-enc-ec256/image.bin"
img keygen --key "$T/other-x25519.pem" --type x25519 >/dev/null
expect_fail "another X25519 key cannot recover the image key" "ENC TLV|image key" \
	img verify --decrypt "$T/other-x25519.pem" "$V/ed25519-enc-x25519/image.bin"

# --- imgtool's own images for the options the vectors lack (fixtures) ------------
F=$SRCTREE/tests/tools/slipway/imgtool-enc
for f in x25519-sha512-aes128 x25519-sha512-aes256 x25519-aes256 ec256-aes256; do
	case $f in ec256*) s=ecdsa-p256 e=enc-ec256 ;; *) s=ed25519 e=enc-x25519 ;; esac
	expect_output "imgtool's $f verifies with --decrypt" "valid: .*body decrypted" \
		img verify --key "$K/$s.pub.pem" --decrypt "$K/$e.pem" "$F/$f.img"
	expect_fail "imgtool's $f without a key: named encrypted" "encrypted image" \
		img verify --key "$K/$s.pub.pem" "$F/$f.img"
done

# --- every encryption option, signed here -----------------------------------------
P=$V/ecdsa-p256/payload.bin
head -c 1001 "$P" >"$T/odd.bin" # not a multiple of 16: zero-padded
for c in "ecdsa-p256 enc-ec256 128 256 ENCEC256 \(0x32\)" \
	 "ecdsa-p256 enc-ec256 256 256 ENCEC256 \(0x32\)" \
	 "ed25519 enc-x25519 128 256 ENCX25519 \(0x33\)" \
	 "ed25519 enc-x25519 256 256 ENCX25519 \(0x33\)" \
	 "ed25519 enc-x25519 128 512 ENCX25519_SHA512 \(0x34\)" \
	 "ed25519 enc-x25519 256 512 ENCX25519_SHA512 \(0x34\)"; do
	set -- $c
	n="$1 -E $2 --encrypt-keylen $3 --hmac-sha $4"
	o=$T/$1-$3-$4.bin
	if ! img sign -k "$K/$1.pem" -H 32 --pad-header -E "$K/$2.pub.pem" \
	    --encrypt-keylen $3 --hmac-sha $4 -S 0x20000 -v 2.0.0 "$T/odd.bin" "$o" \
	    >"$T/out" 2>&1; then
		not_ok "$n: sign"; sed 's/^/#   /' "$T/out"; continue
	fi
	expect_output "$n: ENC TLV $5 and flag AES$3" "type: $5 $6" img dumpinfo "$o"
	expect_output "$n: ENCRYPTED_AES$3, body padded to 16" "ENCRYPTED_AES$3.*" img dumpinfo "$o"
	expect_output "$n: verifies with --decrypt" "valid: .*body decrypted" \
		img verify --key "$K/$1.pub.pem" --decrypt "$K/$2.pem" "$o"
	expect_fail "$n: named encrypted without a key" "encrypted image .*AES-$3" \
		img verify --key "$K/$1.pub.pem" "$o"
	if cmp -s <(tail -c +33 "$o" | head -c 1001) "$T/odd.bin"; then
		not_ok "$n: body left in plaintext"
	else ok "$n: body is not the plaintext"; fi
done
expect_output "body padded: 1001 bytes become 0x3f0" "img_size: +0x3f0" \
	img dumpinfo "$T/ecdsa-p256-128-256.bin"
# A flipped ciphertext byte fails the hash after decryption.
cp "$T/ed25519-128-512.bin" "$T/flip.bin"
printf '\001' | dd of="$T/flip.bin" bs=1 seek=100 conv=notrunc 2>/dev/null
expect_fail "tampered ciphertext is refused after decryption" "hash mismatch" \
	img verify --key "$K/ed25519.pub.pem" --decrypt "$K/enc-x25519.pem" "$T/flip.bin"
# --clear: flag and ENC TLV, plaintext body (valid without a key).
img sign -k "$K/ed25519.pem" -H 32 --pad-header -E "$K/enc-x25519.pub.pem" --clear \
	-S 0x20000 -v 2.0.0 "$P" "$T/clear.bin" >/dev/null
expect_output "--clear: flagged, body in plaintext, valid without a key" \
	"valid: .*body in plaintext" img verify --key "$K/ed25519.pub.pem" "$T/clear.bin"
# --pad: the trailer budget counts two key slots (imgtool).
expect_output "--pad with -E: signed and valid" "valid: .*body decrypted" \
	sh -c "'$SLIPWAY' image sign -k '$K/ed25519.pem' -H 32 --pad-header -E '$K/enc-x25519.pub.pem' \
		--pad -S 0x2000 -v 2.0.0 '$P' '$T/pad.bin' &&
	       '$SLIPWAY' image verify --key '$K/ed25519.pub.pem' --decrypt '$K/enc-x25519.pem' '$T/pad.bin'"

# --- refusals -------------------------------------------------------------------
expect_fail "--hmac-sha 512 needs X25519 (as imgtool)" "only ECIES-X25519" \
	img sign -k "$K/ed25519.pem" -H 32 --pad-header -E "$K/enc-ec256.pub.pem" \
		--hmac-sha 512 -S 0x20000 -v 1.0.0 "$P" "$T/x"
expect_fail "a P-256 signer encrypts for P-256 only (as imgtool)" "same type of key" \
	img sign -k "$K/ecdsa-p256.pem" -H 32 --pad-header -E "$K/enc-x25519.pub.pem" \
		-S 0x20000 -v 1.0.0 "$P" "$T/x"
expect_fail "RSA encryption keys are refused by name" "RSA-OAEP and AES-KW are not implemented" \
	img sign -k "$K/ed25519.pem" -H 32 --pad-header -E "$K/rsa-2048.pub.pem" \
		-S 0x20000 -v 1.0.0 "$P" "$T/x"
expect_fail "--encrypt-keylen 192 is a usage error" "128 or 256" \
	img sign -k "$K/ed25519.pem" -H 32 --pad-header -E "$K/enc-x25519.pub.pem" \
		--encrypt-keylen 192 -S 0x20000 -v 1.0.0 "$P" "$T/x"
