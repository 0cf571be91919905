/* libs/crypto/crypto_xts.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_xts.h"

#include <errno.h>
#include <string.h>

int crypto_esp_xts_init(struct crypto_esp_xts *x, const uint8_t *key,
			size_t key_len)
{
	mbedtls_aes_xts_init(&x->enc);
	mbedtls_aes_xts_init(&x->dec);
	if (key_len != 32 && key_len != 64)
		return -EINVAL;
	if (mbedtls_aes_xts_setkey_enc(&x->enc, key, (unsigned int)key_len * 8) != 0 ||
	    mbedtls_aes_xts_setkey_dec(&x->dec, key, (unsigned int)key_len * 8) != 0) {
		crypto_esp_xts_free(x);
		return -EIO;
	}
	return 0;
}

void crypto_esp_xts_free(struct crypto_esp_xts *x)
{
	mbedtls_aes_xts_free(&x->enc);
	mbedtls_aes_xts_free(&x->dec);
}

static void reverse(uint8_t *buf, size_t len)
{
	for (size_t i = 0; i < len / 2; i++) {
		uint8_t t = buf[i];

		buf[i] = buf[len - 1 - i];
		buf[len - 1 - i] = t;
	}
}

int crypto_esp_xts_crypt(struct crypto_esp_xts *x, int encrypt, uint32_t addr,
			 const uint8_t *in, uint8_t *out, size_t len)
{
	uint8_t unit[CRYPTO_XTS_UNIT], tweak[16];
	int rc = 0;

	if (addr % CRYPTO_XTS_GRANULE != 0 || len % CRYPTO_XTS_GRANULE != 0 ||
	    (uint64_t)addr + len > 0x100000000ull)
		return -EINVAL;
	while (len > 0 && rc == 0) {
		uint32_t base = addr & ~(CRYPTO_XTS_UNIT - 1);
		size_t at = addr - base;
		size_t n = CRYPTO_XTS_UNIT - at < len ? CRYPTO_XTS_UNIT - at : len;

		/* The unit's other blocks are zero: XTS leaves them apart. */
		memset(unit, 0, sizeof(unit));
		memcpy(unit + at, in, n);
		reverse(unit, sizeof(unit));
		memset(tweak, 0, sizeof(tweak));
		tweak[0] = (uint8_t)base;
		tweak[1] = (uint8_t)(base >> 8);
		tweak[2] = (uint8_t)(base >> 16);
		tweak[3] = (uint8_t)(base >> 24);
		if (mbedtls_aes_crypt_xts(encrypt ? &x->enc : &x->dec,
					  encrypt ? MBEDTLS_AES_ENCRYPT
						  : MBEDTLS_AES_DECRYPT,
					  sizeof(unit), tweak, unit, unit) != 0)
			rc = -EIO;
		reverse(unit, sizeof(unit));
		memcpy(out, unit + at, n);
		addr += (uint32_t)n;
		in += n;
		out += n;
		len -= n;
	}
	memset(unit, 0, sizeof(unit));
	return rc;
}
