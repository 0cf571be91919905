/* libs/crypto/crypto_ecies.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Recovering an image's AES key from its ENC_EC256 or ENC_X25519 TLV with
 * the device's private key (format doc section 3.7): ECDH with the
 * ephemeral key, HKDF-SHA256 (no salt, info "MCUBoot_ECIES_v1"), HMAC-SHA256
 * tag check in constant time, then AES-CTR of the wrapped key. P-256 runs on
 * mbedtls, X25519 on libsodium.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_ECIES_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_ECIES_H

#include <stddef.h>
#include <stdint.h>

enum crypto_ecies_kind {
	CRYPTO_ECIES_P256,   /* ENC_EC256: eph(65) | tag(32) | key */
	CRYPTO_ECIES_X25519, /* ENC_X25519: eph(32) | tag(32) | key */
};

/*
 * `priv` is the PKCS#8 DER private key MCUboot embeds. `key_len` is 16 or
 * 32 and must match the TLV. Returns 0, -EBADMSG when the tag does not
 * match, -EINVAL for unusable keys or lengths, -EIO on backend failure.
 */
int crypto_ecies_unwrap(enum crypto_ecies_kind kind, const uint8_t *priv,
			size_t priv_len, const uint8_t *tlv, size_t tlv_len,
			uint8_t *key, size_t key_len);

#endif
