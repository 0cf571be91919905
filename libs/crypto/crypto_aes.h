/* libs/crypto/crypto_aes.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* AES-CTR glue over mbedtls, counter starting at zero (MCUboot's body and key encryption). */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_AES_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_AES_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/aes.h>

struct crypto_aes_ctr {
	mbedtls_aes_context ctx;
	uint8_t counter[16];
	uint8_t stream[16];
	size_t stream_off;
};

/* key_len 16 or 32. 0, -EINVAL or -EIO. */
int crypto_aes_ctr_start(struct crypto_aes_ctr *c, const uint8_t *key,
			 size_t key_len);
/* En- or decrypt the next `len` bytes of the stream in place. */
int crypto_aes_ctr_apply(struct crypto_aes_ctr *c, uint8_t *buf, size_t len);
void crypto_aes_ctr_end(struct crypto_aes_ctr *c);

#endif
