/* tools/slipway/keys.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Keys for the host tool: load (PEM or DER; PKCS#8, SEC1, PKCS#1 private
 * keys, SubjectPublicKeyInfo or PKCS#1 public keys), generate, write as
 * PKCS#8 PEM like imgtool keygen, give the public encoding MCUboot embeds
 * (imgtool getpub -e raw), and sign. EC and RSA through mbedtls, Ed25519
 * and X25519 through libsodium.
 */
#ifndef SLIPWAY_TOOLS_SLIPWAY_KEYS_H
#define SLIPWAY_TOOLS_SLIPWAY_KEYS_H

#include "libs/crypto/crypto_hash.h"

#include <mbedtls/pk.h>
#include <stddef.h>
#include <stdint.h>

enum key_type {
	KEY_ECDSA_P256,
	KEY_ECDSA_P384,
	KEY_RSA2048,
	KEY_RSA3072,
	KEY_ED25519,
	KEY_X25519, /* encryption only */
};

struct tool_key {
	enum key_type type;
	int has_private;
	mbedtls_pk_context pk;     /* EC and RSA */
	uint8_t seed[32], pub[32]; /* Ed25519 / X25519 */
	uint8_t enc[600];          /* public encoding, getpub -e raw */
	size_t enc_len;
};

const char *key_type_name(enum key_type t);
int key_type_parse(const char *name, enum key_type *t);

/* 0, or -1 after printing why. */
int key_load(const char *path, struct tool_key *k);
int key_generate(enum key_type t, struct tool_key *k);
void key_free(struct tool_key *k);

/* PEM texts, NUL-terminated, into `buf`. 0 or -1. */
int key_private_pem(struct tool_key *k, char *buf, size_t len);
int key_public_pem(struct tool_key *k, char *buf, size_t len);

/*
 * Sign: ECDSA and RSA-PSS over a digest, Ed25519 over `msg` as given (the
 * digest, or the whole region for pure images). `sig` holds 512 bytes.
 */
int key_sign(struct tool_key *k, enum crypto_hash_alg alg, const uint8_t *msg,
	     size_t msg_len, uint8_t *sig, size_t *sig_len);

#endif
