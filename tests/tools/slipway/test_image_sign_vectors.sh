# tests/tools/slipway/test_image_sign_vectors.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway image sign` against every imgtool sign command of the MANIFEST:
# run with the same options and key, every byte that is not random must
# equal imgtool's (Ed25519 and hash-only images are deterministic, so the
# whole file), and the result must verify with libs/image.
. "$SRCTREE/tests/lib.sh"
need_shared
V=$SHARED/vectors/imgtool
cd "$V" || exit 1

u16() { od -An -tu2 -j"$2" -N2 "$1" | tr -d ' '; }
u32() { od -An -tu4 -j"$2" -N4 "$1" | tr -d ' '; }
slice() { tail -c +"$(($2 + 1))" "$1" | head -c "$(($3 - $2))"; }

# Offset of the signature TLV in image $1, or nothing.
sig_tlv() {
	r=$(( $(u16 "$1" 8) + $(u32 "$1" 12) + $(u16 "$1" 10) ))
	p=$((r + 4)) end=$((r + $(u16 "$1" $((r + 2)))))
	while [ "$p" -lt "$end" ]; do
		case $(u16 "$1" "$p") in 32|34|35|36) echo "$p"; return ;; esac
		p=$((p + 4 + $(u16 "$1" $((p + 2)))))
	done
}

while IFS="$(printf '\t')" read -r name cmd expected; do
	case "$cmd" in "imgtool sign "*) ;; *) continue ;; esac
	case "$cmd" in *" -E "*)
		echo "# SKIP $name: -E wraps a fresh ephemeral key, so no two outputs are equal (test_image_encrypt.sh decrypts and verifies this vector)"
		continue ;;
	esac
	eval "set -- ${cmd#imgtool sign }"
	# the last argument is imgtool's output: write ours elsewhere
	n=$#
	args=""
	i=0
	for a in "$@"; do
		i=$((i + 1))
		[ "$i" -eq "$n" ] && break
		args="$args $(printf "'%s'" "$a")"
	done
	ours=$TESTTMP/$name.bin
	theirs=$V/$name/image.bin
	if ! eval "\"$SLIPWAY\" image sign $args \"$ours\"" 2>"$TESTTMP/err"; then
		not_ok "$name: sign failed"; sed 's/^/#   /' "$TESTTMP/err"; continue
	fi
	key=$(printf '%s\n' "$cmd" | sed -n 's/.*-k \([^ ]*\).*/\1/p')
	s_ours=$(sig_tlv "$ours") s_theirs=$(sig_tlv "$theirs")
	if [ -z "$key" ] || printf '%s' "$key" | grep -q ed25519; then
		cmp -s "$ours" "$theirs" && ok "$name: identical to imgtool's, byte for byte" ||
			not_ok "$name: differs from imgtool's (deterministic signature)"
	elif [ -n "$s_ours" ] && [ "$s_ours" = "$s_theirs" ] &&
	     r=$(( $(u16 "$ours" 8) + $(u32 "$ours" 12) + $(u16 "$ours" 10) )) &&
	     cmp -s <(slice "$ours" 0 $((r + 2))) <(slice "$theirs" 0 $((r + 2))) &&
	     cmp -s <(slice "$ours" $((r + 4)) $((s_ours + 2))) <(slice "$theirs" $((r + 4)) $((s_ours + 2))); then
		ok "$name: every byte before the signature equals imgtool's"
		size_o=$(wc -c <"$ours") size_t=$(wc -c <"$theirs")
		if printf '%s' "$cmd" | grep -qE -- '--pad( |$)|--confirm'; then
			from=$(( $(u16 "$theirs" $((r + 2))) + r + 64 ))
			[ "$size_o" = "$size_t" ] &&
			cmp -s <(slice "$ours" "$from" "$size_o") <(slice "$theirs" "$from" "$size_t") &&
				ok "$name: padding and trailer equal imgtool's" ||
				not_ok "$name: padding or trailer differ"
		fi
	else
		not_ok "$name: differs from imgtool's before the signature"
	fi
	if [ -n "$key" ]; then
		pub=${key%.pem}.pub.der
		expect_output "$name: our image verifies with libs/image" ": valid: " \
			"$SLIPWAY" image verify --key "$pub" "$ours"
	fi
done <"$V/MANIFEST"

# imgtool's images pass our verify; bad ones do not.
for v in ecdsa-p256 ecdsa-p384 ed25519 ed25519-pure rsa-2048 rsa-3072 ecdsa-p256-padsig ecdsa-p256-full-pubkey ecdsa-p256-seccnt-dep; do
	k=keys/$(echo "$v" | sed 's/-\(pure\|padsig\|full-pubkey\|seccnt-dep\)$//').pub.der
	expect_output "$v: imgtool's image passes verify" ": valid: " "$SLIPWAY" image verify --key "$k" "$v/image.bin"
done
expect_output "hash-only: verify says the signature was not checked" "signature NOT checked" \
	"$SLIPWAY" image verify hash-only/image.bin
expect_fail "neg-untrusted-key: refused" "invalid: signed by an untrusted key" \
	"$SLIPWAY" image verify --key keys/ecdsa-p256.pub.der neg-untrusted-key/image.bin
expect_fail "neg-payload-flip: refused" "invalid: image hash mismatch" \
	"$SLIPWAY" image verify --key keys/ecdsa-p256.pub.der neg-payload-flip/image.bin
expect_fail "neg-tlv-len-past-end: refused" "invalid: a TLV runs past the end of its block" \
	"$SLIPWAY" image verify --key keys/ecdsa-p256.pub.der neg-tlv-len-past-end/image.bin
expect_fail "neg-img-size-too-big: refused" "invalid: " \
	"$SLIPWAY" image verify --key keys/ecdsa-p256.pub.der neg-img-size-too-big/image.bin
expect_fail "a key of another type is not the signer" "invalid: no signature of the configured type" \
	"$SLIPWAY" image verify --key keys/ed25519.pub.der ecdsa-p256/image.bin

# Keys: getpub equals imgtool's files; keygen makes keys that sign.
for k in ecdsa-p256 ecdsa-p384 rsa-2048 rsa-3072 ed25519 enc-ec256 enc-x25519; do
	"$SLIPWAY" image getpub -k "keys/$k.pem" -e raw >"$TESTTMP/$k.der" &&
	cmp -s "$TESTTMP/$k.der" "keys/$k.pub.der" && ok "getpub -e raw $k equals imgtool's" ||
		not_ok "getpub -e raw $k"
	"$SLIPWAY" image getpub -k "keys/$k.pem" -e pem >"$TESTTMP/$k.pem" &&
	cmp -s "$TESTTMP/$k.pem" "keys/$k.pub.pem" && ok "getpub -e pem $k equals imgtool's" ||
		not_ok "getpub -e pem $k"
done
expect_output "getpub -e c" "slipway_pub_key_len = 91;" "$SLIPWAY" image getpub -k keys/ecdsa-p256.pem
for t in ecdsa-p256 ecdsa-p384 rsa-2048 ed25519; do
	if "$SLIPWAY" image keygen -k "$TESTTMP/new-$t.pem" -t "$t" &&
	   "$SLIPWAY" image sign -k "$TESTTMP/new-$t.pem" -H 32 --pad-header -S 0x20000 -v 1.0.0 \
		hash-only/payload.bin "$TESTTMP/new-$t.img" &&
	   "$SLIPWAY" image verify -k "$TESTTMP/new-$t.pem" "$TESTTMP/new-$t.img" | grep -q ': valid: '; then
		ok "keygen $t: the new key signs an image that verifies"
	else
		not_ok "keygen $t"
	fi
done
expect_fail "keygen: unknown type" "--type: 'dsa'" "$SLIPWAY" image keygen -k "$TESTTMP/x.pem" -t dsa
printf 'not a key\n' >"$TESTTMP/bad.pem"
expect_fail "a malformed key file is refused" "not a PEM or DER key|not an ECDSA" \
	"$SLIPWAY" image sign -k "$TESTTMP/bad.pem" -H 32 --pad-header -S 0x20000 -v 1.0.0 hash-only/payload.bin "$TESTTMP/x.img"
expect_fail "a public key cannot sign" "a public key cannot sign" \
	"$SLIPWAY" image sign -k keys/ecdsa-p256.pub.pem -H 32 --pad-header -S 0x20000 -v 1.0.0 hash-only/payload.bin "$TESTTMP/x.img"
expect_fail "--pure needs Ed25519" "--pure needs an Ed25519 key" \
	"$SLIPWAY" image sign -k keys/ecdsa-p256.pem --pure -H 32 --pad-header -S 0x20000 -v 1.0.0 hash-only/payload.bin "$TESTTMP/x.img"
expect_fail "--sha 512 with a P-256 key" "SHA-256 images only" \
	"$SLIPWAY" image sign -k keys/ecdsa-p256.pem --sha 512 -H 32 --pad-header -S 0x20000 -v 1.0.0 hash-only/payload.bin "$TESTTMP/x.img"
expect_fail "malformed --dependencies" "--dependencies" \
	"$SLIPWAY" image sign -d "(1, x)" -H 32 --pad-header -S 0x20000 -v 1.0.0 hash-only/payload.bin "$TESTTMP/x.img"
