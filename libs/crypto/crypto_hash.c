/* libs/crypto/crypto_hash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_hash.h"

#include <errno.h>

size_t crypto_hash_size(enum crypto_hash_alg alg)
{
	switch (alg) {
	case CRYPTO_HASH_SHA256: return 32;
	case CRYPTO_HASH_SHA384: return 48;
	case CRYPTO_HASH_SHA512: return 64;
	default: return 0;
	}
}

int crypto_hash_start(struct crypto_hash *h, enum crypto_hash_alg alg)
{
	h->alg = alg;
	switch (alg) {
	case CRYPTO_HASH_SHA256:
#if defined(CRYPTO_SHA256_ESP_ROM)
		h->in_rom = crypto_esp_rom_sha256_start(&h->u.rom) == 0;
		if (h->in_rom)
			return 0;
#endif
		mbedtls_sha256_init(&h->u.sha256);
		return mbedtls_sha256_starts(&h->u.sha256, 0) ? -EIO : 0;
#if defined(MBEDTLS_SHA512_C)
	case CRYPTO_HASH_SHA384:
	case CRYPTO_HASH_SHA512:
		mbedtls_sha512_init(&h->u.sha512);
		return mbedtls_sha512_starts(&h->u.sha512,
						 alg == CRYPTO_HASH_SHA384) ? -EIO : 0;
#endif
	default:
		return -EINVAL;
	}
}

int crypto_hash_update(struct crypto_hash *h, const void *data, size_t len)
{
	int rc;

#if defined(CRYPTO_SHA256_ESP_ROM)
	if (h->alg == CRYPTO_HASH_SHA256 && h->in_rom) {
		crypto_esp_rom_sha256_update(&h->u.rom, data, len);
		return 0;
	}
#endif
	if (h->alg == CRYPTO_HASH_SHA256)
		rc = mbedtls_sha256_update(&h->u.sha256, data, len);
#if defined(MBEDTLS_SHA512_C)
	else
		rc = mbedtls_sha512_update(&h->u.sha512, data, len);
#else
	else
		rc = -1;
#endif
	return rc ? -EIO : 0;
}

int crypto_hash_finish(struct crypto_hash *h, uint8_t *out)
{
	int rc;

#if defined(CRYPTO_SHA256_ESP_ROM)
	if (h->alg == CRYPTO_HASH_SHA256 && h->in_rom) {
		crypto_esp_rom_sha256_finish(&h->u.rom, out);
		h->in_rom = false;
		return 0;
	}
#endif
	if (h->alg == CRYPTO_HASH_SHA256) {
		rc = mbedtls_sha256_finish(&h->u.sha256, out);
		mbedtls_sha256_free(&h->u.sha256);
	} else {
#if defined(MBEDTLS_SHA512_C)
		rc = mbedtls_sha512_finish(&h->u.sha512, out);
		mbedtls_sha512_free(&h->u.sha512);
#else
		rc = -1;
#endif
	}
	return rc ? -EIO : 0;
}

int crypto_hash_buf(enum crypto_hash_alg alg, const void *data, size_t len,
		uint8_t *out)
{
	struct crypto_hash h;
	int rc = crypto_hash_start(&h, alg);

	if (rc == 0)
		rc = crypto_hash_update(&h, data, len);
	if (rc == 0)
		rc = crypto_hash_finish(&h, out);
	return rc;
}

int crypto_memcmp_ct(const void *a, const void *b, size_t len)
{
	const volatile uint8_t *x = a, *y = b;
	uint8_t diff = 0;

	for (size_t i = 0; i < len; i++)
		diff |= (uint8_t)(x[i] ^ y[i]);
	return diff != 0;
}
