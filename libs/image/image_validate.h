/* libs/image/image_validate.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Validating an MCUboot image in a slot: header, TLV bounds, hash streamed
 * from flash through a bounded buffer, key and signature, and the facts the
 * boot engine needs (version, security counter, dependencies). The rules are
 * upstream's (format doc section 3.9), with the stricter choices the doc
 * recommends: a KEYHASH must be a full digest, security counter and
 * dependencies are only taken from the protected block.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_VALIDATE_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_VALIDATE_H

#include "drivers/mtd/mtd.h"
#include "libs/bootstate/fih.h"
#include "libs/crypto/crypto_ecies.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_header.h"
#include "libs/image/image_sig.h"

#include <stddef.h>
#include <stdint.h>

#define IMAGE_MAX_DEPENDENCIES 4

/* A trusted public key, in the encoding MCUboot embeds (getpub -e raw). */
struct image_key {
	const uint8_t *der;
	size_t len;
};

/*
 * The device's private key for encrypted images (PKCS#8 DER), and the
 * function that opens an ENC TLV with it (crypto_ecies_unwrap): named here
 * so that builds without encrypted images link no ECIES code.
 */
struct image_enc_key {
	enum crypto_ecies_kind kind;
	const uint8_t *der;
	size_t len;
	int (*unwrap)(enum crypto_ecies_kind kind, const uint8_t *priv,
		      size_t priv_len, const uint8_t *tlv, size_t tlv_len,
		      uint8_t *key, size_t key_len);
	/* The ENC TLV to open: 0 for the kind's own (ENC_EC256, ENC_X25519);
	 * IMAGE_TLV_ENC_X25519_SHA512 with crypto_ecies_unwrap_sha512. */
	uint16_t tlv_type;
};

struct image_policy {
	const struct image_sig_alg *sig; /* NULL: hash only */
	enum crypto_hash_alg hash;
	int pure;    /* Ed25519 over the whole region, not the digest */
	int hw_key;  /* the image carries its key (PUBKEY); trust its hash */
	const struct image_key *keys;
	unsigned int nkeys;
	/* Pure Ed25519 verifies the region in one piece: room for it. */
	uint8_t *pure_buf;
	size_t pure_buf_len;
	/*
	 * The slot is a download slot: an ENCRYPTED image's body is stored
	 * encrypted and is decrypted with the key its ENC TLV wraps for
	 * `enc_key` before hashing. In a primary slot the body is plaintext.
	 */
	int encrypted_body;
	const struct image_enc_key *enc_key;
};

struct image_dependency {
	uint8_t image;
	struct image_version min;
};

struct image_facts {
	struct image_header hdr;
	uint32_t size;       /* header + body + all TLVs: bytes used in the slot */
	uint8_t digest[CRYPTO_HASH_MAX_SIZE];
	size_t digest_len;
	int key_index;       /* the trusted key that verified, or -1 */
	int has_sec_cnt;
	uint32_t sec_cnt;
	unsigned int ndeps;
	struct image_dependency deps[IMAGE_MAX_DEPENDENCIES];
	uint32_t boot_record_off; /* 0 when absent */
	uint16_t boot_record_len;
	uint16_t enc_tlv_type;    /* 0 when absent */
	uint32_t enc_tlv_off;
	uint16_t enc_tlv_len;
	/*
	 * image_validate's outcome as a hardened verdict (libs/bootstate/
	 * fih.h): passes only when the checks the policy asks for passed,
	 * computed from their results; failed otherwise and after
	 * image_inspect. A boot requires it beside IMAGE_OK.
	 */
	struct fih_verdict verdict;
};

/*
 * Validate the image at offset 0 of `dev` (a slot, usually a flash area's
 * window; its size is the slot size). Returns IMAGE_OK or an image_error;
 * `facts` is filled as far as validation got.
 */
int image_validate(struct mtd_dev *dev, const struct image_policy *pol,
		   struct image_facts *facts);

/*
 * The structural checks of image_validate without the cryptographic ones:
 * header, TLV layout, and the protected facts (version, security counter,
 * dependencies) into `facts`. It proves nothing about where the image came
 * from; the bootloader uses it only for an image it has validated before
 * (CONFIG_BOOT_VALIDATE_PRIMARY_ONCE). IMAGE_OK or an image_error.
 */
int image_inspect(struct mtd_dev *dev, struct image_facts *facts);

/* Digest size and hash TLV type for a hash algorithm. */
uint16_t image_hash_tlv_type(enum crypto_hash_alg alg);

/* Compare versions as upstream does: major, minor, revision (build if asked). */
int image_version_cmp(const struct image_version *a,
		      const struct image_version *b, int with_build);

#endif
