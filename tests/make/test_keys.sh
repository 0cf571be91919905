# tests/make/test_keys.sh
# SPDX-License-Identifier: Apache-2.0

# Trusted keys come from the configuration: bad key files fail the build with
# a clear message, and each algorithm links only its own code.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE"

with_keys() {
	printf 'CONFIG_BOARD_SIM=y\n' >"$TESTTMP/k_defconfig"
	for a in "$@"; do echo "$a" >>"$TESTTMP/k_defconfig"; done
	rm -rf "$TESTTMP/k"
	make -s O="$TESTTMP/k" defconfig DEFCONFIG="$TESTTMP/k_defconfig" >/dev/null
}

with_keys 'CONFIG_BOOT_TRUSTED_KEYS="keys/test/no-such-key.pem"'
expect_fail "a missing key file fails the build" "no-such-key.pem: No such file" make -s O="$TESTTMP/k"
printf 'junk\n' >"$TESTTMP/junk.pem"
with_keys "CONFIG_BOOT_TRUSTED_KEYS=\"$TESTTMP/junk.pem\""
expect_fail "a malformed key file fails the build" "junk.pem: not a PEM or DER key|junk.pem: not an ECDSA" make -s O="$TESTTMP/k"
with_keys 'CONFIG_BOOT_TRUSTED_KEYS="keys/test/ed25519.pem"'
expect_fail "a key of another algorithm fails the build" \
	"ed25519.pem: a ed25519 key; this configuration's signature is ecdsa-p256" make -s O="$TESTTMP/k"
[ ! -e "$TESTTMP/k/slipway-boot" ] && ok "no bootloader after a key error" || not_ok "bootloader built"

# Two trusted keys, one of them not a test key: the warning stays (a test key is trusted).
"$SLIPWAY" image keygen -k "$TESTTMP/mine.pem" -t ecdsa-p256
with_keys "CONFIG_BOOT_TRUSTED_KEYS=\"$TESTTMP/mine.pem\"" "CONFIG_BOOT_SIGNING_KEY=\"$TESTTMP/mine.pem\""
make -s O="$TESTTMP/k" >/dev/null 2>&1
out=$(make -s O="$TESTTMP/k" run 2>&1)
printf '%s\n' "$out" | grep -q 'valid (ecdsa-p256)' && ! printf '%s\n' "$out" | grep -q 'TEST KEY' &&
	ok "a product key: image boots, no test-key warning" ||
	{ not_ok "own key"; printf '%s\n' "$out" | sed 's/^/#   /'; }

# Each configuration links its own algorithm and no other.
check_links() {
	cfg=$1 want=$2
	make -s O="$TESTTMP/$cfg" "${cfg}_defconfig" >/dev/null && make -s O="$TESTTMP/$cfg" >/dev/null 2>&1 &&
		defconfig_built "$cfg"
	syms=$(nm "$TESTTMP/$cfg/slipway-boot" | sed -n 's/.* T \(crypto_\(ecdsa\|rsa_pss\|ed25519\)_verify\|crypto_ecies_unwrap\)$/\1/p' | tr '\n' ' ')
	[ "$syms" = "$want " ] && ok "$cfg links only $want" || not_ok "$cfg links: $syms (want $want)"
	if ldd "$TESTTMP/$cfg/slipway-boot" | grep -qE 'libmbedcrypto|libsodium'; then
		not_ok "$cfg links a host crypto library"
	else
		ok "$cfg: crypto built from the Debian source packages, no host crypto library"
	fi
	out=$(make -s O="$TESTTMP/$cfg" run 2>&1)
	printf '%s\n' "$out" | grep -q '^Slipway OS ' && ok "$cfg boots its signed OS image" ||
		{ not_ok "$cfg does not boot"; printf '%s\n' "$out" | sed 's/^/#   /'; }
}
check_links sim crypto_ecdsa_verify
check_links sim_ed25519 crypto_ed25519_verify
check_links sim_rsa3072 crypto_rsa_pss_verify

with_keys CONFIG_BOOT_SIGNATURE_NONE=y
make -s O="$TESTTMP/k" >/dev/null 2>&1
expect_output "hash-only build boots, and says it checks no signature" \
	"WARNING: NO SIGNATURE CHECK" make -s O="$TESTTMP/k" run

# A crypto heap too small to verify is named as such, not as a bad signature.
with_keys CONFIG_CRYPTO_HEAP_SIZE=2048
make -s O="$TESTTMP/k" >/dev/null 2>&1
expect_fail "a too-small crypto heap is named" "crypto heap too small to verify \(raise CONFIG_CRYPTO_HEAP_SIZE\)" \
	make -s O="$TESTTMP/k" run
