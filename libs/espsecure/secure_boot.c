/* libs/espsecure/secure_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/espsecure/secure_boot.h"
#include "libs/crypto/crypto_hash.h"

#include <errno.h>
#include <string.h>

int secure_boot_rom_check(struct efuse_dev *ef, const uint8_t *img, size_t len,
			  enum secure_boot_chip chip, int *enabled,
			  enum sbv2_status why[SBV2_MAX_BLOCKS])
{
	const struct secure_boot_chip_rule *rule = secure_boot_chip_rule(chip);
	uint8_t digests[3][32], trusted[3][SBV2_KEY_DIGEST_LEN];
	uint32_t en, present, revoked, rev = 0;
	unsigned int n = 0;
	int rc;

	if (rule == NULL)
		return -EINVAL;
	if ((rc = efuse_field_read(ef, EFUSE_SECURE_BOOT_EN, &en)) < 0)
		return rc;
	*enabled = (int)en;
	if (!en)
		return SBV2_OK;
	if ((rc = efuse_secure_boot_digests(ef, digests, &present, &revoked)) < 0)
		return rc;
	if (!rule->revocable)
		revoked = 0;
	/* The present digests of the slots the chip reads, keeping each
	 * one's revocation bit. */
	for (unsigned int i = 0; i < rule->digest_slots && i < 3; i++) {
		if (!(present & (1u << i)))
			continue;
		memcpy(trusted[n], digests[i], SBV2_KEY_DIGEST_LEN);
		rev |= ((revoked >> i) & 1u) << n;
		n++;
	}
	return sbv2_check_image_rule(img, len, &rule->sig,
				     (const uint8_t (*)[SBV2_KEY_DIGEST_LEN])trusted,
				     n, rev, why);
}

/*
 * Can block b take `d` with `want`: its key and purpose bits are subsets of
 * them (empty, or our own burn cut short)?
 */
static int block_fits(struct efuse_dev *ef, unsigned int b, const uint8_t *d,
		      enum efuse_purpose want)
{
	uint8_t key[EFUSE_KEY_LEN];
	uint32_t purpose;
	int rc = efuse_field_read(ef, (enum efuse_field)(EFUSE_KEY_PURPOSE_0 + b),
				  &purpose);

	if (rc < 0)
		return rc;
	if ((purpose & ~(uint32_t)want) != 0)
		return 0;
	if ((rc = efuse_key_read(ef, b, key)) < 0)
		return rc == -EACCES ? 0 : rc;
	for (unsigned int i = 0; i < EFUSE_KEY_LEN; i++)
		if (key[i] & ~d[i])
			return 0;
	return 1;
}

/* Digest slot n holds `d`: already, or burned into the first fitting block. */
static int burn_digest(struct efuse_dev *ef, unsigned int n, const uint8_t *d)
{
	enum efuse_purpose purpose = (enum efuse_purpose)(EFUSE_PURPOSE_SECURE_BOOT_DIGEST0 + n);
	uint8_t key[EFUSE_KEY_LEN];
	unsigned int b;
	int rc = efuse_key_find(ef, purpose, &b);

	if (rc == 0) {
		/* Purpose burned: the key was whole before it (efuse_key_burn's
		 * order); finish the protections, or refuse another digest. */
		if ((rc = efuse_key_read(ef, b, key)) < 0)
			return rc;
		if (memcmp(key, d, EFUSE_KEY_LEN) != 0)
			return -EEXIST;
		return efuse_key_burn(ef, b, d, purpose, 0);
	}
	if (rc != -ENOENT)
		return rc;
	for (b = 0; b < EFUSE_KEY_BLOCKS; b++) {
		rc = block_fits(ef, b, d, purpose);
		if (rc < 0)
			return rc;
		if (rc == 1)
			return efuse_key_burn(ef, b, d, purpose, 0);
	}
	return -ENOSPC;
}

int secure_boot_first_boot(struct efuse_dev *ef, const uint8_t *own, size_t len,
			   enum secure_boot_chip chip,
			   int (*images_ok)(void *ctx), void *ctx)
{
	const struct secure_boot_chip_rule *rule = secure_boot_chip_rule(chip);
	uint8_t sha256[32], sha384[48];
	uint32_t en;
	unsigned int used = 0, blocks;
	int rc;

	if (rule == NULL)
		return -EINVAL;
	if ((rc = efuse_field_read(ef, EFUSE_SECURE_BOOT_EN, &en)) < 0)
		return rc;
	if (en) /* a cut may have come before the lock: (re)apply it */
		return efuse_write_protect(ef, EFUSE_SECURE_BOOT_EN);
	if (len < SBV2_SECTOR_SIZE || len % SBV2_SECTOR_SIZE != 0 ||
	    crypto_hash_buf(CRYPTO_HASH_SHA256, own, len - SBV2_SECTOR_SIZE, sha256) != 0 ||
	    crypto_hash_buf(CRYPTO_HASH_SHA384, own, len - SBV2_SECTOR_SIZE, sha384) != 0)
		return -EBADMSG;
	/* A chip reads no more blocks than it has digest slots. */
	blocks = rule->sig.blocks < rule->digest_slots ? rule->sig.blocks
						       : rule->digest_slots;
	/* 1. The digest of each block that signs this very image and that
	 * the chip's ROM would accept. */
	for (unsigned int i = 0; i < blocks && i < SBV2_MAX_BLOCKS; i++) {
		const uint8_t *raw = own + len - SBV2_SECTOR_SIZE + i * SBV2_BLOCK_SIZE;
		uint8_t kd[SBV2_KEY_DIGEST_LEN];
		struct sbv2_block b;
		const uint8_t *dg;

		if (sbv2_block_decode(raw, &b) != SBV2_OK ||
		    sbv2_rule_accepts(&rule->sig, &b) != SBV2_OK)
			continue;
		dg = b.digest_len == 48 ? sha384 : sha256;
		if (memcmp(b.digest, dg, b.digest_len) != 0 ||
		    sbv2_block_verify(&b, dg) != SBV2_OK ||
		    sbv2_block_key_digest(&b, kd) != 0)
			continue;
		if ((rc = burn_digest(ef, i, kd)) < 0)
			return rc;
		used |= 1u << i;
	}
	if (used == 0)
		return -EBADMSG;
	/* 2. Unused slots revoked, so no key can be added later (ESP-IDF);
	 * a chip without revoke bits (C2) has no other slot to close. */
	for (unsigned int i = 0; rule->revocable && i < rule->digest_slots; i++)
		if (!(used & (1u << i)) &&
		    (rc = efuse_field_burn(ef, (enum efuse_field)
					   (EFUSE_SECURE_BOOT_KEY_REVOKE0 + i), 1)) < 0)
			return rc;
	/* 3. What will boot must pass before the door closes. */
	if (images_ok && images_ok(ctx) != 0)
		return -EBADMSG;
	/* 4. On, and locked on. */
	if ((rc = efuse_field_burn(ef, EFUSE_SECURE_BOOT_EN, 1)) < 0)
		return rc;
	return efuse_write_protect(ef, EFUSE_SECURE_BOOT_EN);
}
