/* libs/espsecure/sbv2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/espsecure/sbv2.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/crypto/crypto_sbv2.h"
#include "libs/util/crc32.h"
#include "libs/util/le.h"

#include <errno.h>
#include <string.h>

/* ECDSA block: the digest, then curve | point | r,s (section 6.1). */
#define ECDSA_HASH_TYPE 2u /* byte 2: 0 SHA-256, 1 SHA-384 */
#define ECDSA_POINT_FIELD_256 64u /* P-192 and P-256 points fill 64 bytes */
#define ECDSA_POINT_FIELD_384 96u

uint32_t sbv2_crc32(const uint8_t *data, size_t len)
{
	return ~crc32_le_update(0xffffffffu, data, len);
}

enum sbv2_status sbv2_block_decode(const uint8_t raw[SBV2_BLOCK_SIZE],
				   struct sbv2_block *b)
{
	static const size_t coord[] = { 0, 24, 32, 48 };
	size_t base;

	memset(b, 0, sizeof(*b));
	if (raw[0] != SBV2_MAGIC ||
	    (raw[1] != SBV2_VERSION_RSA && raw[1] != SBV2_VERSION_ECDSA))
		return SBV2_ERR_ABSENT;
	if (sbv2_crc32(raw, SBV2_CRC_LEN) != get_le32(raw + SBV2_CRC_LEN))
		return SBV2_ERR_CRC;
	b->raw = raw;
	b->version = raw[1];
	b->digest = raw + 4;
	b->digest_len = 32;
	if (b->version == SBV2_VERSION_RSA)
		return raw[2] == 0 && raw[3] == 0 ? SBV2_OK : SBV2_ERR_FORMAT;
	/* ECDSA: the hash type decides where the key starts. */
	if (raw[ECDSA_HASH_TYPE] > 1 || raw[3] != 0)
		return SBV2_ERR_FORMAT;
	b->digest_len = raw[ECDSA_HASH_TYPE] == 1 ? 48 : 32;
	base = 4 + b->digest_len;
	b->curve = raw[base];
	if (b->curve < SBV2_CURVE_P192 || b->curve > SBV2_CURVE_P384 ||
	    (b->curve == SBV2_CURVE_P384) != (b->digest_len == 48))
		return SBV2_ERR_FORMAT;
	b->coord_len = coord[b->curve];
	b->point = raw + base + 1;
	b->rs = b->point + (b->digest_len == 48 ? ECDSA_POINT_FIELD_384
						: ECDSA_POINT_FIELD_256);
	return SBV2_OK;
}

int sbv2_block_key_digest(const struct sbv2_block *b,
			  uint8_t out[SBV2_KEY_DIGEST_LEN])
{
	size_t len;

	if (b->version == SBV2_VERSION_RSA)
		return crypto_hash_buf(CRYPTO_HASH_SHA256, b->raw + SBV2_RSA_N,
				       SBV2_RSA_SIG - SBV2_RSA_N, out) == 0
			       ? 0 : -EIO;
	/* curve | point field; P-192's 48-byte point is zero-padded to 64,
	 * as the block holds it (espsecure packs "<B64s"). */
	len = 1 + (b->digest_len == 48 ? ECDSA_POINT_FIELD_384 : ECDSA_POINT_FIELD_256);
	{
		uint8_t field[1 + ECDSA_POINT_FIELD_384];

		memset(field, 0, sizeof(field));
		field[0] = b->curve;
		memcpy(field + 1, b->point, 2 * b->coord_len);
		return crypto_hash_buf(CRYPTO_HASH_SHA256, field, len, out) == 0
			       ? 0 : -EIO;
	}
}

enum sbv2_status sbv2_block_verify(const struct sbv2_block *b,
				   const uint8_t *digest)
{
	int rc;

	if (b->version == SBV2_VERSION_RSA)
		rc = crypto_sbv2_rsa_pss_verify(b->raw + SBV2_RSA_N,
						get_le32(b->raw + SBV2_RSA_E),
						b->raw + SBV2_RSA_SIG, digest);
	else
		rc = crypto_sbv2_ecdsa_verify(b->curve, b->coord_len, b->point,
					      b->rs, digest, b->digest_len);
	return rc == 0 ? SBV2_OK : rc == -EIO ? SBV2_ERR_CRYPTO
					      : SBV2_ERR_SIGNATURE;
}

enum sbv2_status sbv2_rule_accepts(const struct sbv2_rule *rule,
				   const struct sbv2_block *b)
{
	unsigned int scheme = b->version == SBV2_VERSION_RSA ? SBV2_RULE_RSA
							     : SBV2_RULE_ECDSA;

	if (!(rule->schemes & scheme))
		return SBV2_ERR_SCHEME;
	if (scheme == SBV2_RULE_ECDSA && !(rule->curves & SBV2_RULE_CURVE(b->curve)))
		return SBV2_ERR_CURVE;
	return SBV2_OK;
}

/* One present block against the data's digests and the trusted keys. */
static enum sbv2_status check_block(const struct sbv2_block *b,
				    const uint8_t sha256[32],
				    const uint8_t sha384[48],
				    const uint8_t (*trusted)[SBV2_KEY_DIGEST_LEN],
				    unsigned int ntrusted, uint32_t revoked)
{
	uint8_t kd[SBV2_KEY_DIGEST_LEN];
	const uint8_t *digest = b->digest_len == 48 ? sha384 : sha256;
	unsigned int j;

	if (crypto_memcmp_ct(b->digest, digest, b->digest_len) != 0)
		return SBV2_ERR_DIGEST;
	if (sbv2_block_key_digest(b, kd) != 0)
		return SBV2_ERR_CRYPTO;
	for (j = 0; j < ntrusted; j++)
		if (crypto_memcmp_ct(kd, trusted[j], sizeof(kd)) == 0)
			break;
	if (j == ntrusted)
		return SBV2_ERR_KEY_UNKNOWN;
	if (revoked & (1u << j))
		return SBV2_ERR_KEY_REVOKED;
	/* The block's own copy of the digest was just found equal. */
	return sbv2_block_verify(b, digest);
}

enum sbv2_status sbv2_check_image(const uint8_t *img, size_t len,
				  unsigned int max_blocks,
				  const uint8_t (*trusted)[SBV2_KEY_DIGEST_LEN],
				  unsigned int ntrusted, uint32_t revoked,
				  enum sbv2_status why[SBV2_MAX_BLOCKS])
{
	const struct sbv2_rule any = {
		(uint8_t)(max_blocks > SBV2_MAX_BLOCKS ? SBV2_MAX_BLOCKS : max_blocks),
		SBV2_RULE_RSA | SBV2_RULE_ECDSA,
		SBV2_RULE_CURVE(SBV2_CURVE_P192) | SBV2_RULE_CURVE(SBV2_CURVE_P256) |
			SBV2_RULE_CURVE(SBV2_CURVE_P384),
	};

	return sbv2_check_image_rule(img, len, &any, trusted, ntrusted, revoked,
				     why);
}

enum sbv2_status sbv2_check_image_rule(const uint8_t *img, size_t len,
				       const struct sbv2_rule *rule,
				       const uint8_t (*trusted)[SBV2_KEY_DIGEST_LEN],
				       unsigned int ntrusted, uint32_t revoked,
				       enum sbv2_status why[SBV2_MAX_BLOCKS])
{
	unsigned int max_blocks = rule->blocks;
	uint8_t sha256[32], sha384[48];
	enum sbv2_status first = SBV2_ERR_UNSIGNED, s[SBV2_MAX_BLOCKS];
	const uint8_t *sector;
	int have384 = 0;

	for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++)
		s[i] = SBV2_ERR_ABSENT;
	if (len < SBV2_SECTOR_SIZE || len % SBV2_SECTOR_SIZE != 0) {
		first = SBV2_ERR_LENGTH;
		goto out;
	}
	if (max_blocks > SBV2_MAX_BLOCKS)
		max_blocks = SBV2_MAX_BLOCKS;
	sector = img + len - SBV2_SECTOR_SIZE;
	if (crypto_hash_buf(CRYPTO_HASH_SHA256, img, len - SBV2_SECTOR_SIZE,
			    sha256) != 0) {
		first = SBV2_ERR_CRYPTO;
		goto out;
	}
	for (unsigned int i = 0; i < max_blocks; i++) {
		struct sbv2_block b;

		s[i] = sbv2_block_decode(sector + i * SBV2_BLOCK_SIZE, &b);
		if (s[i] == SBV2_OK)
			s[i] = sbv2_rule_accepts(rule, &b);
		if (s[i] == SBV2_OK && b.digest_len == 48 && !have384) {
			if (crypto_hash_buf(CRYPTO_HASH_SHA384, img,
					    len - SBV2_SECTOR_SIZE, sha384) != 0)
				s[i] = SBV2_ERR_CRYPTO;
			have384 = 1;
		}
		if (s[i] == SBV2_OK)
			s[i] = check_block(&b, sha256, sha384, trusted, ntrusted,
					   revoked);
		if (s[i] == SBV2_OK) {
			first = SBV2_OK;
			break;
		}
		if (first == SBV2_ERR_UNSIGNED && s[i] != SBV2_ERR_ABSENT)
			first = s[i];
	}
out:
	if (why)
		memcpy(why, s, sizeof(s));
	return first;
}

const char *sbv2_strerror(enum sbv2_status s)
{
	switch (s) {
	case SBV2_OK: return "valid";
	case SBV2_ERR_ABSENT: return "no signature block";
	case SBV2_ERR_CRC: return "signature block CRC mismatch";
	case SBV2_ERR_FORMAT: return "malformed signature block";
	case SBV2_ERR_DIGEST: return "image digest mismatch (data changed after signing)";
	case SBV2_ERR_SIGNATURE: return "signature does not verify";
	case SBV2_ERR_KEY_UNKNOWN: return "signed by an untrusted key";
	case SBV2_ERR_KEY_REVOKED: return "signed by a revoked key";
	case SBV2_ERR_UNSIGNED: return "unsigned (no valid signature block)";
	case SBV2_ERR_LENGTH: return "not a whole number of 4 KiB sectors";
	case SBV2_ERR_CRYPTO: return "crypto backend failure";
	case SBV2_ERR_SCHEME: return "signature scheme this chip's ROM does not accept";
	case SBV2_ERR_CURVE: return "ECDSA curve this chip's ROM does not accept";
	}
	return "unknown";
}
