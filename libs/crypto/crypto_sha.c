#include "libs/crypto/crypto_sha.h"

#include <errno.h>

int crypto_sha256_start(struct crypto_sha256 *h)
{
	mbedtls_sha256_init(&h->ctx);
	return mbedtls_sha256_starts_ret(&h->ctx, 0) == 0 ? 0 : -EIO;
}

int crypto_sha256_update(struct crypto_sha256 *h, const void *data,
			 size_t len)
{
	return mbedtls_sha256_update_ret(&h->ctx, data, len) == 0 ? 0 : -EIO;
}

int crypto_sha256_finish(struct crypto_sha256 *h,
			 uint8_t out[CRYPTO_SHA256_SIZE])
{
	int rc = mbedtls_sha256_finish_ret(&h->ctx, out);

	mbedtls_sha256_free(&h->ctx);
	return rc == 0 ? 0 : -EIO;
}
