/* libs/crypto/crypto_sbv2.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The two signature checks of Espressif Secure Boot V2, with the block's
 * little-endian numbers as they are (libs/espsecure/sbv2.c finds them):
 * RSA-3072-PSS (MGF1-SHA-256, 32-byte salt) over a SHA-256 digest, and
 * ECDSA on P-192, P-256 or P-384 over a pre-hashed digest. mbedtls 2.28
 * and 3.6 alike.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_SBV2_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_SBV2_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_SBV2_RSA_LEN 384

/* 0 valid, -EBADMSG the signature does not verify, -EINVAL an unusable
 * key, -EIO the backend failed. */
int crypto_sbv2_rsa_pss_verify(const uint8_t n_le[CRYPTO_SBV2_RSA_LEN],
			       uint32_t e,
			       const uint8_t sig_le[CRYPTO_SBV2_RSA_LEN],
			       const uint8_t digest[32]);

/* `curve` 1 P-192, 2 P-256, 3 P-384; point_le = x | y and rs_le = r | s,
 * each coordinate `coord_len` bytes little-endian. Same returns. */
int crypto_sbv2_ecdsa_verify(int curve, size_t coord_len,
			     const uint8_t *point_le, const uint8_t *rs_le,
			     const uint8_t *digest, size_t digest_len);

#endif
