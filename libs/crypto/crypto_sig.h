/* libs/crypto/crypto_sig.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Signature verification glue: ECDSA and RSA-PSS over mbedtls, Ed25519 over
 * libsodium. One file per algorithm, so a build links only the one its
 * Kconfig chooses. Keys are given in the encodings MCUboot embeds:
 * SubjectPublicKeyInfo DER for EC and Ed25519, PKCS#1 RSAPublicKey DER for
 * RSA.
 *
 * Each returns 0 when the signature verifies, -EBADMSG when it does not,
 * -EINVAL when the key or signature encoding is unusable (wrong curve or
 * size, malformed DER), -ENOMEM when the crypto heap is too small, -EIO on
 * a backend failure.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_SIG_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_SIG_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_ED25519_SIG_SIZE 64

/*
 * ECDSA over a digest, `curve_bits` 256 (P-256) or 384 (P-384). `sig` is
 * DER; zero bytes after the DER SEQUENCE are accepted, as upstream does for
 * imgtool's --pad-sig.
 */
int crypto_ecdsa_verify(const uint8_t *spki, size_t spki_len,
			unsigned int curve_bits, const uint8_t *digest,
			size_t digest_len, const uint8_t *sig, size_t sig_len);

/* RSASSA-PSS, SHA-256, MGF1-SHA-256, salt exactly 32, over a SHA-256 digest. */
int crypto_rsa_pss_verify(const uint8_t *pkcs1, size_t pkcs1_len,
			  unsigned int bits, const uint8_t digest[32],
			  const uint8_t *sig, size_t sig_len);

/* Ed25519 (RFC 8032) over `msg`. */
int crypto_ed25519_verify(const uint8_t *spki, size_t spki_len,
			  const uint8_t *msg, size_t msg_len,
			  const uint8_t sig[CRYPTO_ED25519_SIG_SIZE]);

/* The 32-byte key inside an Ed25519 SubjectPublicKeyInfo, or NULL. */
const uint8_t *crypto_ed25519_spki_key(const uint8_t *spki, size_t len);

#endif
