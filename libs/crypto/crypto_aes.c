/* libs/crypto/crypto_aes.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_aes.h"

#include <errno.h>
#include <string.h>

int crypto_aes_ctr_start(struct crypto_aes_ctr *c, const uint8_t *key,
			 size_t key_len)
{
	if (key_len != 16 && key_len != 32)
		return -EINVAL;
	memset(c, 0, sizeof(*c));
	mbedtls_aes_init(&c->ctx);
	if (mbedtls_aes_setkey_enc(&c->ctx, key, (unsigned int)key_len * 8) != 0) {
		mbedtls_aes_free(&c->ctx);
		return -EIO;
	}
	return 0;
}

int crypto_aes_ctr_apply(struct crypto_aes_ctr *c, uint8_t *buf, size_t len)
{
	return mbedtls_aes_crypt_ctr(&c->ctx, len, &c->stream_off, c->counter,
				     c->stream, buf, buf) == 0 ? 0 : -EIO;
}

void crypto_aes_ctr_end(struct crypto_aes_ctr *c)
{
	mbedtls_aes_free(&c->ctx);
	memset(c, 0, sizeof(*c));
}
