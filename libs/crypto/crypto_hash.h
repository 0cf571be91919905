/* libs/crypto/crypto_hash.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Hash glue over mbedtls: the rest of the tree names no mbedtls type, so the
 * crypto backend is chosen in this directory alone. Streaming, so an image
 * can be hashed straight from flash through a small buffer.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_HASH_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_HASH_H

#include <stddef.h>
#include <stdint.h>

#include <mbedtls/sha256.h>
#include <mbedtls/sha512.h>
#if defined(CRYPTO_SHA256_ESP_ROM) /* libs/crypto/mbedtls_config.h */
#include "libs/crypto/crypto_hash_esp_rom.h"
#endif

enum crypto_hash_alg {
	CRYPTO_HASH_SHA256,
	CRYPTO_HASH_SHA384,
	CRYPTO_HASH_SHA512,
};

#define CRYPTO_HASH_MAX_SIZE 64

struct crypto_hash {
	enum crypto_hash_alg alg;
#if defined(CRYPTO_SHA256_ESP_ROM)
	bool in_rom; /* SHA-256 on the peripheral, not in software */
#endif
	union {
		mbedtls_sha256_context sha256;
#if defined(CRYPTO_SHA256_ESP_ROM)
		struct crypto_esp_rom_sha rom;
#endif
#if defined(MBEDTLS_SHA512_C)
		mbedtls_sha512_context sha512; /* SHA-384 too */
#endif
	} u;
};

/* Digest size in bytes: 32, 48 or 64. */
size_t crypto_hash_size(enum crypto_hash_alg alg);

/*
 * Each returns 0, -EINVAL for an algorithm this build leaves out (SHA-384 and
 * SHA-512 need MBEDTLS_SHA512_C), -EIO on backend failure.
 */
int crypto_hash_start(struct crypto_hash *h, enum crypto_hash_alg alg);
int crypto_hash_update(struct crypto_hash *h, const void *data, size_t len);
int crypto_hash_finish(struct crypto_hash *h, uint8_t *out);
int crypto_hash_buf(enum crypto_hash_alg alg, const void *data, size_t len,
		uint8_t *out);

/* Compare `len` bytes in time independent of where they differ; 0 if equal. */
int crypto_memcmp_ct(const void *a, const void *b, size_t len);

#endif
