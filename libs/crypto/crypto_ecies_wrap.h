/* libs/crypto/crypto_ecies_wrap.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The signing side of MCUboot's image encryption (format doc section 3.7):
 * wrapping an image's AES key for a recipient's public key as imgtool
 * does (ephemeral ECDH, HKDF without salt, info "MCUBoot_ECIES_v1", the
 * key AES-CTR encrypted, HMAC tag), with SHA-256 or - for X25519, TLV
 * 0x34 - SHA-512. And opening a 0x34 TLV, which crypto_ecies_unwrap (the
 * device's SHA-256 path) does not. P-256 on mbedtls, X25519 on libsodium;
 * mbedtls 2.28 and 3.6 alike.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_ECIES_WRAP_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_ECIES_WRAP_H

#include "libs/crypto/crypto_ecies.h"

#include <stddef.h>
#include <stdint.h>

/* PKCS#8 for X25519 (RFC 8410): these 16 bytes, then the 32-byte key. */
extern const uint8_t crypto_x25519_pkcs8_prefix[16];

/*
 * Wrap `key` (16 or 32 bytes) for `pub` (P-256: the 65-byte uncompressed
 * point; X25519: 32 bytes) into `tlv`: eph | tag | enc_key. `sha512`
 * selects HMAC/HKDF-SHA-512 (X25519 only, as imgtool). Returns the TLV's
 * length, or -EINVAL / -EIO.
 */
int crypto_ecies_wrap(enum crypto_ecies_kind kind, int sha512,
		      const uint8_t *pub, size_t pub_len, const uint8_t *key,
		      size_t key_len, uint8_t *tlv, size_t tlv_cap);

/* crypto_ecies_unwrap's contract for ENC_X25519_SHA512 (0x34): eph(32) |
 * tag(64) | key. `kind` must be CRYPTO_ECIES_X25519. */
int crypto_ecies_unwrap_sha512(enum crypto_ecies_kind kind, const uint8_t *priv,
			       size_t priv_len, const uint8_t *tlv,
			       size_t tlv_len, uint8_t *key, size_t key_len);

#endif
