# tests/tools/slipway/test_image_sign_options.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# `slipway image sign` options beyond the vectors' commands, against
# imgtool 2.4.0 (MCUboot 2d4bacc3 plus later main): each line below is an
# imgtool command run on the ed25519 vector's payload and the SHA-256 of
# imgtool's output, recorded when the options were added (unsigned or
# Ed25519, so the bytes are repeatable). Then the combinations imgtool
# refuses, refused with its reason.
. "$SRCTREE/tests/lib.sh"
need_shared
V=$SHARED/vectors/imgtool
P=$V/ed25519/payload.bin

while IFS='|' read -r sum args; do
	eval "set -- $(printf '%s' "$args" | sed "s|KEYS|$V/keys|g")"
	if "$SLIPWAY" image sign "$@" "$P" "$TESTTMP/o.bin" 2>"$TESTTMP/err" &&
	   [ "$(sha256sum <"$TESTTMP/o.bin" | cut -c1-64)" = "$sum" ]; then
		ok "as imgtool:$args"
	else
		not_ok "differs from imgtool:$args"; sed 's/^/#   /' "$TESTTMP/err"
	fi
done <<'CASES'
f0177742dfc1e1d7826cea4a5eda516e17b2303763a7cf063814401c0a95c30a| -H 32 --pad-header -v 1.2.3 -S 0x20000 --custom-tlv 0xa0 0x0102 --custom-tlv 0x1234 hello
f853a565344b2eecbd9c5b300d01e695a434684c68c2c96baa3785fe50c9629e| -H 32 --pad-header -v 1.2.3 -S 0x20000 --non-bootable
aa64f5f68d67b02265d7f3f32e1cd1bf7410110dbd06563e3e16e19e71319dcb| -H 32 --pad-header -v 1.2.3 -S 0x8000 --align 4 --test
6a2b2eba8dacb86b1431aa9d42c8c0b61981130a1751a0a73e4ddef8adf49d1c| -H 32 --pad-header -v 1.2.3 -S 0x20000 -e big -s 7 -d '(1, 2.3.4+5)'
0f00ef25233ecf4bededeee05c070753274995fffa3a990b7217a9447daf0b7c| -H 32 --pad-header -v 1.2.3 -S 0x8000 --align 4 --pad --max-align 16 -e big
f89ad93f7e88a736a89b44ed30b406ef18c82486871495af11cb3a5bef4a0d38| -H 32 --pad-header -v 1.2.3 -S 0x20000 --vid example.com --cid myclass
9d48c906441220d7f6d098d79ed5529880fac734b5f127f68fce85b3d45f45b7| -H 32 --pad-header -v 1.2.3 -S 0x20000 --vid 12345678-1234-5678-1234-567812345678 --cid 0123456789abcdef0123456789abcdef
d0f3da6f1f0cf9f114f825c9be5cd34e77f4f904286da94cc1dc5e53a51f07cd| -H 32 --pad-header -v 1.2.3 -S 0
aa64f5f68d67b02265d7f3f32e1cd1bf7410110dbd06563e3e16e19e71319dcb| -H 32 --pad-header -v 1.2.3 -S 0x8000 -M 0 --pad
ba2acea0ec82823d42e1b3cd5dd308e7b8c2dfb447eea4647e06eb6a93b2502a| -H 32 --pad-header -v 1.2.3 -S 0x20000 -F 0x1000
e34e51fd12a85ebd9c9ae96dc3bc9d0398020c254e85b7cf464760cd91257542| -H 32 --pad-header -v 1.2.3 -S 0x20000 -k KEYS/ed25519.pem -e big --custom-tlv 0xabcd 0xff
82b114d25a7e5b6bb2d81e8981c8e6de5df8c5ee888ecf271fdd1dc5c30f1687| -H 32 --pad-header -v 1.2.3 -S 0x20000 -k KEYS/ed25519.pem --pure --sha auto
0c8e669b0bc37b6a18b6bfc2ef724a3d3227eb063af881b64221a7a63383dc24| -H 32 --pad-header -v 1.2.3 -S 0x20000 -k KEYS/ed25519.pem --vid foo.org --non-bootable
CASES

# --fix-sig: a signature made elsewhere (base64, as imgtool --sig-out
# writes it) gives the same image as signing here with that key.
B="-H 32 --pad-header -v 1.2.3 -S 0x20000"
"$SLIPWAY" image sign $B -k "$V/keys/ed25519.pem" "$P" "$TESTTMP/signed.bin" &&
"$SLIPWAY" image sign $B "$P" "$TESTTMP/unsigned.bin" || not_ok "signing"
# the Ed25519 signature is the image's last 64 bytes
tail -c 64 "$TESTTMP/signed.bin" | base64 >"$TESTTMP/sig.b64"
expect_ok "--fix-sig with --fix-sig-pubkey" "$SLIPWAY" image sign $B \
	--fix-sig "$TESTTMP/sig.b64" --fix-sig-pubkey "$V/keys/ed25519.pub.pem" \
	"$P" "$TESTTMP/fixed.bin"
cmp -s "$TESTTMP/fixed.bin" "$TESTTMP/signed.bin" &&
	ok "--fix-sig: the image signed here, byte for byte" || not_ok "--fix-sig image differs"
expect_output "--fix-sig image verifies" "valid: ed25519" \
	"$SLIPWAY" image verify -k "$V/keys/ed25519.pub.pem" "$TESTTMP/fixed.bin"

expect_fail "--pure --sha 256: refused as imgtool" "forbids --sha" \
	"$SLIPWAY" image sign $B -k "$V/keys/ed25519.pem" --pure --sha 256 "$P" "$TESTTMP/x"
expect_fail "--pure --sha 512: refused as imgtool" "forbids --sha" \
	"$SLIPWAY" image sign $B -k "$V/keys/ed25519.pem" --pure --sha 512 "$P" "$TESTTMP/x"
expect_fail "a custom TLV of a predefined type" "conflicts with predefined TLV" \
	"$SLIPWAY" image sign $B --custom-tlv 0x10 x "$P" "$TESTTMP/x"
expect_fail "a custom TLV type below 0xa0" "between 0x00a0 and 0xfffe" \
	"$SLIPWAY" image sign $B --custom-tlv 0x90 x "$P" "$TESTTMP/x"
expect_fail "a custom TLV of odd hex length" "length is odd" \
	"$SLIPWAY" image sign $B --custom-tlv 0xa0 0x123 "$P" "$TESTTMP/x"
expect_fail "a custom TLV twice" "0xa0 already exists" \
	"$SLIPWAY" image sign $B --custom-tlv 0xa0 a --custom-tlv 0xa0 b "$P" "$TESTTMP/x"
expect_fail "--cid as a name without --vid" "needs --vid" \
	"$SLIPWAY" image sign $B --cid myclass "$P" "$TESTTMP/x"
expect_fail "--rom-fixed with --load-addr" "cannot be used together" \
	"$SLIPWAY" image sign $B -F 0x1000 -L 0x2000 "$P" "$TESTTMP/x"
expect_fail "--fix-sig without its public key" "needs --fix-sig-pubkey" \
	"$SLIPWAY" image sign $B --fix-sig "$TESTTMP/sig.b64" "$P" "$TESTTMP/x"
expect_fail "--fix-sig with --key" "cannot be used together" \
	"$SLIPWAY" image sign $B --fix-sig "$TESTTMP/sig.b64" \
	--fix-sig-pubkey "$V/keys/ed25519.pub.pem" -k "$V/keys/ed25519.pem" "$P" "$TESTTMP/x"
expect_fail "--pad with -S 0" "slot-size above 0" \
	"$SLIPWAY" image sign -H 32 --pad-header -v 1 -S 0 --pad "$P" "$TESTTMP/x"
expect_fail "-e middle" "'little' or 'big'" \
	"$SLIPWAY" image sign $B -e middle "$P" "$TESTTMP/x"
