/*
 * Hash glue over mbedtls: the rest of the tree names no mbedtls type, so the
 * crypto backend is chosen in this directory alone.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_SHA_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_SHA_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/sha256.h>

#define CRYPTO_SHA256_SIZE 32

struct crypto_sha256 {
	mbedtls_sha256_context ctx;
};

/* Each returns 0 or -EIO when the backend reports a failure. */
int crypto_sha256_start(struct crypto_sha256 *h);
int crypto_sha256_update(struct crypto_sha256 *h, const void *data,
			 size_t len);
int crypto_sha256_finish(struct crypto_sha256 *h,
			 uint8_t out[CRYPTO_SHA256_SIZE]);

#endif
