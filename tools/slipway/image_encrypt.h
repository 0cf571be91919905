/* tools/slipway/image_encrypt.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * MCUboot image encryption for `slipway image` (format doc section 3.7):
 * `sign -E` draws the body key, wraps it for the recipient (ENC_EC256,
 * ENC_X25519, or ENC_X25519_SHA512 with --hmac-sha 512) and AES-CTR
 * encrypts the body; `verify --decrypt` turns the recipient's private key
 * into what libs/image opens the ENC TLV with.
 */
#ifndef SLIPWAY_TOOLS_SLIPWAY_IMAGE_ENCRYPT_H
#define SLIPWAY_TOOLS_SLIPWAY_IMAGE_ENCRYPT_H

#include "libs/image/image_validate.h"
#include "tools/slipway/keys.h"

#include <stddef.h>
#include <stdint.h>

#define IMAGE_ENC_TLV_MAX (65 + 64 + 32)

struct image_encryption {
	enum crypto_ecies_kind kind;
	int sha512;        /* HKDF/HMAC-SHA-512: TLV 0x34 */
	uint16_t tlv_type; /* IMAGE_TLV_ENC_EC256, _X25519 or _X25519_SHA512 */
	uint16_t flag;     /* IMAGE_F_ENCRYPTED_AES128 or _AES256 */
	uint8_t key[32];   /* the body key, drawn fresh */
	size_t key_len;
	uint8_t tlv[IMAGE_ENC_TLV_MAX];
	size_t tlv_len;
};

/*
 * For recipient `r` (a P-256 or X25519 key, public is enough): draw an
 * AES key of `keylen_bits` (128 or 256) and wrap it. 0, or -1 after
 * printing why.
 */
int image_enc_setup(const struct tool_key *r, unsigned int keylen_bits,
		    int sha512, struct image_encryption *e);
/* AES-CTR (counter from zero) over the body, in place. 0 or -1. */
int image_enc_body(const struct image_encryption *e, uint8_t *body, size_t len);
void image_enc_wipe(struct image_encryption *e);

/*
 * The decryption key for an image whose ENC TLV is `enc_tlv_type`, from
 * the private key `k`: fills `out` (its DER kept in `der`, `cap` bytes).
 * 0, or -1 after printing why (wrong key type for the TLV, public key).
 */
int image_enc_decrypt_key(struct tool_key *k, uint16_t enc_tlv_type,
			  struct image_enc_key *out, uint8_t *der, size_t cap);

#endif
