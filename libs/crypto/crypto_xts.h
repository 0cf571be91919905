/* libs/crypto/crypto_xts.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Espressif flash encryption (esp-formats.md section 6.2): XTS-AES over
 * 128-byte data units whose tweak is the unit's flash address (u32
 * little-endian, 12 zero bytes), with the unit byte-reversed before and
 * after standard XTS. XTS blocks are independent, so any 16-byte aligned
 * piece of a unit is en- or decrypted alone: the rest of the unit does not
 * change its bytes. mbedtls' XTS (MBEDTLS_CIPHER_MODE_XTS), 2.28 and 3.6.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_XTS_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_XTS_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/aes.h>

#define CRYPTO_XTS_UNIT 128u    /* data unit: one tweak */
#define CRYPTO_XTS_GRANULE 16u  /* smallest piece: one AES block */

struct crypto_esp_xts {
	mbedtls_aes_xts_context enc, dec;
};

/* key_len 32 (XTS-AES-128) or 64 (XTS-AES-256). 0, -EINVAL or -EIO. */
int crypto_esp_xts_init(struct crypto_esp_xts *x, const uint8_t *key,
			size_t key_len);
void crypto_esp_xts_free(struct crypto_esp_xts *x);

/*
 * En- (encrypt != 0) or decrypt `len` bytes that sit at flash address
 * `addr`. addr and len multiples of 16; in and out may be the same buffer.
 * 0, -EINVAL (alignment) or -EIO.
 */
int crypto_esp_xts_crypt(struct crypto_esp_xts *x, int encrypt, uint32_t addr,
			 const uint8_t *in, uint8_t *out, size_t len);

#endif
