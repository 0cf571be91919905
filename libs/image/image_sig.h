/* libs/image/image_sig.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Signature algorithms for image validation, one object file each
 * (image_sig_ecdsa.c, image_sig_rsa.c, image_sig_ed25519.c): a build links
 * only the algorithm its policy names, so a bootloader configured for
 * ECDSA P-256 carries no RSA or Ed25519 code.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_SIG_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_SIG_H

#include "libs/crypto/crypto_hash.h"

#include <stddef.h>
#include <stdint.h>

struct image_key;

struct image_sig_alg {
	const char *name;
	uint16_t tlv_type;              /* the signature TLV it reads */
	enum crypto_hash_alg hash;      /* the image hash it signs */
	/* 0 if `sig` over `msg` verifies with `key`, else a negative errno. */
	int (*verify)(const struct image_key *key, const uint8_t *msg,
		      size_t msg_len, const uint8_t *sig, size_t sig_len);
};

extern const struct image_sig_alg image_sig_ecdsa_p256;
extern const struct image_sig_alg image_sig_ecdsa_p384;
extern const struct image_sig_alg image_sig_rsa2048;
extern const struct image_sig_alg image_sig_rsa3072;
extern const struct image_sig_alg image_sig_ed25519; /* SHA-256 digest; pure or SHA-512 by policy */

#endif
