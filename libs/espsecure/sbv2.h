/* libs/espsecure/sbv2.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Espressif Secure Boot V2 signature blocks (esp-formats.md section 6.1):
 * the 4 KiB signature sector after the signed data holds up to three
 * 1216-byte blocks, each RSA-3072-PSS (version 2) or ECDSA (version 3,
 * P-192/P-256 over SHA-256, P-384 over SHA-384). A block whose magic,
 * version or CRC is wrong counts as absent. The key digest a chip keeps in
 * eFuse is SHA-256 of the block's public-key fields. Parsing needs no
 * crypto beyond SHA; checking a signature calls libs/crypto/crypto_sbv2.
 */
#ifndef SLIPWAY_LIBS_ESPSECURE_SBV2_H
#define SLIPWAY_LIBS_ESPSECURE_SBV2_H

#include <stddef.h>
#include <stdint.h>

#define SBV2_SECTOR_SIZE 4096u
#define SBV2_BLOCK_SIZE 1216u
#define SBV2_MAX_BLOCKS 3u
#define SBV2_MAGIC 0xe7u
#define SBV2_VERSION_RSA 0x02u
#define SBV2_VERSION_ECDSA 0x03u
#define SBV2_CRC_LEN 1196u /* the CRC covers bytes [0, 1196) */
#define SBV2_KEY_DIGEST_LEN 32u

/* RSA block fields (offsets in the block). */
#define SBV2_RSA_N 36u
#define SBV2_RSA_E 420u
#define SBV2_RSA_RINV 424u
#define SBV2_RSA_MPRIME 808u
#define SBV2_RSA_SIG 812u
#define SBV2_RSA_LEN 384u

enum sbv2_curve {
	SBV2_CURVE_P192 = 1,
	SBV2_CURVE_P256 = 2,
	SBV2_CURVE_P384 = 3,
};

/* Why a block or an image is refused: sbv2_strerror() names each. */
enum sbv2_status {
	SBV2_OK = 0,
	SBV2_ERR_ABSENT,       /* no block: magic or version wrong (erased) */
	SBV2_ERR_CRC,          /* magic and version right, CRC wrong */
	SBV2_ERR_FORMAT,       /* CRC right, fields impossible (curve, hash) */
	SBV2_ERR_DIGEST,       /* the block signs other data (tampered image) */
	SBV2_ERR_SIGNATURE,    /* the signature does not verify with its key */
	SBV2_ERR_KEY_UNKNOWN,  /* its key digest is none of the trusted ones */
	SBV2_ERR_KEY_REVOKED,  /* its key digest is trusted but revoked */
	SBV2_ERR_UNSIGNED,     /* no block in the sector at all */
	SBV2_ERR_LENGTH,       /* not a whole number of sectors, or too short */
	SBV2_ERR_CRYPTO,       /* the crypto backend failed */
	SBV2_ERR_SCHEME,       /* a scheme the chip's ROM does not accept */
	SBV2_ERR_CURVE,        /* an ECDSA curve the chip's ROM does not accept */
};

/* Scheme bits of struct sbv2_rule (one per block version). */
#define SBV2_RULE_RSA (1u << 0)
#define SBV2_RULE_ECDSA (1u << 1)
/* Curve bits: bit c for enum sbv2_curve c. */
#define SBV2_RULE_CURVE(c) (1u << (c))

/*
 * What a verifier reads and accepts: the first `blocks` blocks of the
 * sector, of the schemes and ECDSA curves whose bits are set. A chip's
 * ROM has one (secure_boot_chip_rule); a chip-agnostic tool, as
 * espsecure, reads three and accepts every scheme.
 */
struct sbv2_rule {
	uint8_t blocks;
	uint8_t schemes;
	uint8_t curves;
};

struct sbv2_block {
	const uint8_t *raw;     /* SBV2_BLOCK_SIZE bytes */
	uint8_t version;        /* SBV2_VERSION_RSA or SBV2_VERSION_ECDSA */
	uint8_t curve;          /* enum sbv2_curve, ECDSA only */
	size_t digest_len;      /* 32 (SHA-256) or 48 (SHA-384) */
	size_t coord_len;       /* ECDSA: 24, 32 or 48 */
	const uint8_t *digest;  /* the signed data's digest */
	const uint8_t *point;   /* ECDSA: x | y, little-endian */
	const uint8_t *rs;      /* ECDSA: r | s, little-endian */
};

/* Standard CRC-32 (zlib's crc32(0, ...)). */
uint32_t sbv2_crc32(const uint8_t *data, size_t len);

/* Decode one block: SBV2_OK, SBV2_ERR_ABSENT, SBV2_ERR_CRC or SBV2_ERR_FORMAT. */
enum sbv2_status sbv2_block_decode(const uint8_t raw[SBV2_BLOCK_SIZE],
				   struct sbv2_block *b);

/* The eFuse digest of the block's key (SHA-256 of n|e|rinv|m', or of
 * curve|point with P-192's point zero-padded to 64 bytes). 0 or -EIO. */
int sbv2_block_key_digest(const struct sbv2_block *b,
			  uint8_t out[SBV2_KEY_DIGEST_LEN]);

/* Check the block's signature over `digest` (b->digest_len bytes) with the
 * key the block carries: SBV2_OK, SBV2_ERR_SIGNATURE or SBV2_ERR_CRYPTO. */
enum sbv2_status sbv2_block_verify(const struct sbv2_block *b,
				   const uint8_t *digest);

/* Does `rule` accept a decoded block's scheme and curve? SBV2_OK,
 * SBV2_ERR_SCHEME or SBV2_ERR_CURVE. */
enum sbv2_status sbv2_rule_accepts(const struct sbv2_rule *rule,
				   const struct sbv2_block *b);

/*
 * The ROM's rule for a signed image in memory (signed data followed by the
 * signature sector): block i (i < rule->blocks) is accepted when it decodes,
 * is of a scheme and curve the rule accepts, signs this data, its key digest is trusted[j] for some j < ntrusted with
 * bit j of `revoked` clear, and its signature verifies. The image is
 * accepted when any block is. Otherwise the first refusal of the first
 * present block is returned (SBV2_ERR_UNSIGNED when none is present).
 * `why[i]`, if given, receives each block's own status (blocks the rule
 * does not read stay SBV2_ERR_ABSENT).
 */
enum sbv2_status sbv2_check_image_rule(const uint8_t *img, size_t len,
				       const struct sbv2_rule *rule,
				       const uint8_t (*trusted)[SBV2_KEY_DIGEST_LEN],
				       unsigned int ntrusted, uint32_t revoked,
				       enum sbv2_status why[SBV2_MAX_BLOCKS]);

/* sbv2_check_image_rule reading `max_blocks` blocks of any scheme and
 * curve: the chip-agnostic check of espsecure's verify-signature. */
enum sbv2_status sbv2_check_image(const uint8_t *img, size_t len,
				  unsigned int max_blocks,
				  const uint8_t (*trusted)[SBV2_KEY_DIGEST_LEN],
				  unsigned int ntrusted, uint32_t revoked,
				  enum sbv2_status why[SBV2_MAX_BLOCKS]);

const char *sbv2_strerror(enum sbv2_status s);

#endif
