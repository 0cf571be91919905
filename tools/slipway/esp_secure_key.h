/* tools/slipway/esp_secure_key.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 keys on the host: RSA-3072 and ECDSA P-192/P-256/P-384
 * (what espsecure v4.8.1 accepts), loaded from PEM or DER, private or
 * public; generated and written in espsecure's formats (PKCS#1 "RSA
 * PRIVATE KEY", SEC1 "EC PRIVATE KEY"); and a key's signature block.
 * mbedtls 2.28 and 3.6 alike.
 */
#ifndef SLIPWAY_TOOLS_SLIPWAY_ESP_SECURE_KEY_H
#define SLIPWAY_TOOLS_SLIPWAY_ESP_SECURE_KEY_H

#include "libs/espsecure/sbv2.h"

#include <mbedtls/pk.h>
#include <stddef.h>
#include <stdint.h>

enum sbv2_scheme {
	SBV2_SCHEME_RSA3072,
	SBV2_SCHEME_ECDSA192,
	SBV2_SCHEME_ECDSA256,
	SBV2_SCHEME_ECDSA384,
};

struct sbv2_key {
	enum sbv2_scheme scheme;
	int has_private;
	mbedtls_pk_context pk;
	/* The key's fields as a signature block holds them: RSA n|e|rinv|m'
	 * (776 bytes from block offset 36), ECDSA curve | point field. */
	uint8_t fields[SBV2_RSA_SIG - SBV2_RSA_N];
	size_t fields_len;
};

/* "rsa3072", "ecdsa192", ... -> 0, or -1. */
int sbv2_scheme_parse(const char *name, enum sbv2_scheme *s);
const char *sbv2_scheme_name(enum sbv2_scheme s);

/* 0, or -1 after printing why (with the file's name). */
int sbv2_key_load(const char *path, struct sbv2_key *k);
int sbv2_key_generate(enum sbv2_scheme s, struct sbv2_key *k);
void sbv2_key_free(struct sbv2_key *k);

/* NUL-terminated PEM texts. 0 or -1. */
int sbv2_key_private_pem(struct sbv2_key *k, char *buf, size_t len);
int sbv2_key_public_pem(struct sbv2_key *k, char *buf, size_t len);

/* The eFuse digest: SHA-256 of k->fields. 0 or -1. */
int sbv2_key_digest(const struct sbv2_key *k, uint8_t out[SBV2_KEY_DIGEST_LEN]);

/* A whole signature block (CRC and padding included) for `data`. 0 or -1. */
int sbv2_key_sign_block(struct sbv2_key *k, const uint8_t *data, size_t len,
			uint8_t block[SBV2_BLOCK_SIZE]);

#endif
