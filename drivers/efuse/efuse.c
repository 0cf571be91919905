/* drivers/efuse/efuse.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/efuse/efuse.h"

#include <errno.h>
#include <string.h>

/* Where each field lives: word, first bit, width, and its WR_DIS bit. */
struct field_def {
	const char *name;
	uint8_t word, bit, width, wr_dis;
};

#define WP_NONE 0xff
#define KEY_WR_DIS(n) (23 + (n)) /* WR_DIS bit of key block n */

static const struct field_def fields[EFUSE_FIELD_COUNT] = {
	[EFUSE_WR_DIS] = { "WR_DIS", 0, 0, 32, WP_NONE },
	[EFUSE_RD_DIS] = { "RD_DIS", 1, 0, 6, 0 },
	[EFUSE_DIS_PAD_JTAG] = { "DIS_PAD_JTAG", 2, 0, 1, 2 },
	[EFUSE_DIS_DOWNLOAD_MODE] = { "DIS_DOWNLOAD_MODE", 2, 1, 1, 18 },
	[EFUSE_SPI_BOOT_CRYPT_CNT] = { "SPI_BOOT_CRYPT_CNT", 2, 2, 3, 4 },
	[EFUSE_SECURE_BOOT_KEY_REVOKE0] = { "SECURE_BOOT_KEY_REVOKE0", 2, 5, 1, 5 },
	[EFUSE_SECURE_BOOT_KEY_REVOKE1] = { "SECURE_BOOT_KEY_REVOKE1", 2, 6, 1, 6 },
	[EFUSE_SECURE_BOOT_KEY_REVOKE2] = { "SECURE_BOOT_KEY_REVOKE2", 2, 7, 1, 7 },
	[EFUSE_SECURE_BOOT_EN] = { "SECURE_BOOT_EN", 2, 8, 1, 15 },
	[EFUSE_DIS_DOWNLOAD_MANUAL_ENCRYPT] = { "DIS_DOWNLOAD_MANUAL_ENCRYPT", 2, 9, 1, 2 },
	[EFUSE_KEY_PURPOSE_0] = { "KEY_PURPOSE_0", 3, 0, 4, 8 },
	[EFUSE_KEY_PURPOSE_1] = { "KEY_PURPOSE_1", 3, 4, 4, 9 },
	[EFUSE_KEY_PURPOSE_2] = { "KEY_PURPOSE_2", 3, 8, 4, 10 },
	[EFUSE_KEY_PURPOSE_3] = { "KEY_PURPOSE_3", 3, 12, 4, 11 },
	[EFUSE_KEY_PURPOSE_4] = { "KEY_PURPOSE_4", 3, 16, 4, 12 },
	[EFUSE_KEY_PURPOSE_5] = { "KEY_PURPOSE_5", 3, 20, 4, 13 },
	[EFUSE_SECURE_VERSION] = { "SECURE_VERSION", 4, 0, 16, 18 },
};

const char *efuse_field_name(enum efuse_field f)
{
	return (unsigned int)f < EFUSE_FIELD_COUNT ? fields[f].name : "?";
}

static uint32_t mask_of(const struct field_def *d)
{
	return d->width == 32 ? 0xffffffffu : ((1u << d->width) - 1u);
}

static int wp_bit_set(struct efuse_dev *dev, unsigned int bit)
{
	uint32_t wr_dis;
	int rc;

	if (bit == WP_NONE)
		return 0;
	rc = dev->ops->read(dev, 0, &wr_dis);
	return rc < 0 ? rc : (int)((wr_dis >> bit) & 1u);
}

int efuse_field_read(struct efuse_dev *dev, enum efuse_field f, uint32_t *value)
{
	const struct field_def *d;
	uint32_t w;
	int rc;

	if ((unsigned int)f >= EFUSE_FIELD_COUNT)
		return -EINVAL;
	d = &fields[f];
	rc = dev->ops->read(dev, d->word, &w);
	if (rc < 0)
		return rc;
	*value = (w >> d->bit) & mask_of(d);
	return 0;
}

int efuse_field_burn(struct efuse_dev *dev, enum efuse_field f, uint32_t value)
{
	const struct field_def *d;
	uint32_t now;
	int rc;

	if ((unsigned int)f >= EFUSE_FIELD_COUNT)
		return -EINVAL;
	d = &fields[f];
	if ((value & ~mask_of(d)) != 0)
		return -ERANGE;
	rc = efuse_field_read(dev, f, &now);
	if (rc < 0)
		return rc;
	if (now == value)
		return 0;
	if ((now & ~value) != 0)
		return -EROFS; /* a fuse cannot be un-blown */
	rc = wp_bit_set(dev, d->wr_dis);
	if (rc != 0)
		return rc < 0 ? rc : -EACCES;
	return dev->ops->burn(dev, d->word, (value & ~now) << d->bit);
}

int efuse_write_protect(struct efuse_dev *dev, enum efuse_field f)
{
	if ((unsigned int)f >= EFUSE_FIELD_COUNT || fields[f].wr_dis == WP_NONE)
		return -EINVAL;
	return dev->ops->burn(dev, 0, 1u << fields[f].wr_dis);
}

int efuse_is_write_protected(struct efuse_dev *dev, enum efuse_field f)
{
	if ((unsigned int)f >= EFUSE_FIELD_COUNT)
		return -EINVAL;
	return wp_bit_set(dev, fields[f].wr_dis);
}

static unsigned int key_word(unsigned int block, unsigned int i)
{
	return EFUSE_BLOCK0_WORDS + block * EFUSE_KEY_WORDS + i;
}

static int key_raw(struct efuse_dev *dev, unsigned int block,
		   uint8_t key[EFUSE_KEY_LEN])
{
	for (unsigned int i = 0; i < EFUSE_KEY_WORDS; i++) {
		uint32_t w;
		int rc = dev->ops->read(dev, key_word(block, i), &w);

		if (rc < 0)
			return rc;
		key[4 * i] = (uint8_t)w;
		key[4 * i + 1] = (uint8_t)(w >> 8);
		key[4 * i + 2] = (uint8_t)(w >> 16);
		key[4 * i + 3] = (uint8_t)(w >> 24);
	}
	return 0;
}

int efuse_key_burn(struct efuse_dev *dev, unsigned int block,
		   const uint8_t key[EFUSE_KEY_LEN], enum efuse_purpose purpose,
		   int read_protect)
{
	enum efuse_field pf = (enum efuse_field)(EFUSE_KEY_PURPOSE_0 + block);
	uint8_t now[EFUSE_KEY_LEN];
	uint32_t p, rd;
	int rc;

	if (block >= EFUSE_KEY_BLOCKS || (unsigned int)purpose > 15)
		return -EINVAL;
	if ((rc = efuse_field_read(dev, pf, &p)) < 0 ||
	    (rc = efuse_field_read(dev, EFUSE_RD_DIS, &rd)) < 0)
		return rc;
	/* Part of `purpose` is a purpose burn cut short: finish it. */
	if ((p & ~(uint32_t)purpose) != 0)
		return -EEXIST;
	/* Step 1: the key, unless a cut came after it was whole. */
	if ((rc = key_raw(dev, block, now)) < 0)
		return rc;
	if (memcmp(now, key, EFUSE_KEY_LEN) != 0) {
		if ((rd >> block) & 1u)
			return -EEXIST;
		rc = wp_bit_set(dev, KEY_WR_DIS(block));
		if (rc != 0)
			return rc < 0 ? rc : -EACCES;
		for (unsigned int i = 0; i < EFUSE_KEY_WORDS; i++) {
			uint32_t want = (uint32_t)key[4 * i] |
					(uint32_t)key[4 * i + 1] << 8 |
					(uint32_t)key[4 * i + 2] << 16 |
					(uint32_t)key[4 * i + 3] << 24;
			uint32_t have = (uint32_t)now[4 * i] |
					(uint32_t)now[4 * i + 1] << 8 |
					(uint32_t)now[4 * i + 2] << 16 |
					(uint32_t)now[4 * i + 3] << 24;

			if ((have & ~want) != 0)
				return -EEXIST; /* another key's bits */
			if (have != want &&
			    (rc = dev->ops->burn(dev, key_word(block, i), want)) < 0)
				return rc;
		}
	}
	/* Steps 2-4: purpose, write protection, read protection. */
	if ((rc = efuse_field_burn(dev, pf, (uint32_t)purpose)) < 0 ||
	    (rc = dev->ops->burn(dev, 0, 1u << KEY_WR_DIS(block))) < 0 ||
	    (rc = efuse_write_protect(dev, pf)) < 0)
		return rc;
	if (read_protect)
		return dev->ops->burn(dev, 1, 1u << block);
	return 0;
}

int efuse_key_read(struct efuse_dev *dev, unsigned int block,
		   uint8_t key[EFUSE_KEY_LEN])
{
	uint32_t rd;
	int rc;

	if (block >= EFUSE_KEY_BLOCKS)
		return -EINVAL;
	if ((rc = efuse_field_read(dev, EFUSE_RD_DIS, &rd)) < 0)
		return rc;
	if ((rd >> block) & 1u)
		return -EACCES;
	return key_raw(dev, block, key);
}

int efuse_key_find(struct efuse_dev *dev, enum efuse_purpose purpose,
		   unsigned int *block)
{
	for (unsigned int b = 0; b < EFUSE_KEY_BLOCKS; b++) {
		uint32_t p;
		int rc = efuse_field_read(dev, (enum efuse_field)(EFUSE_KEY_PURPOSE_0 + b),
					  &p);

		if (rc < 0)
			return rc;
		if (p == (uint32_t)purpose) {
			*block = b;
			return 0;
		}
	}
	return -ENOENT;
}

int efuse_key_for_hw(struct efuse_dev *dev, enum efuse_purpose purpose,
		     uint8_t key[EFUSE_KEY_LEN])
{
	unsigned int block = 0; /* set when rc == 0 (for -O2's flow analysis) */
	int rc = efuse_key_find(dev, purpose, &block);

	return rc < 0 ? rc : key_raw(dev, block, key);
}

int efuse_flash_encryption_enabled(struct efuse_dev *dev)
{
	uint32_t cnt;
	int rc = efuse_field_read(dev, EFUSE_SPI_BOOT_CRYPT_CNT, &cnt);

	if (rc < 0)
		return rc;
	return (int)(((cnt >> 0) ^ (cnt >> 1) ^ (cnt >> 2)) & 1u);
}

int efuse_secure_boot_digests(struct efuse_dev *dev, uint8_t digests[3][32],
			      uint32_t *present, uint32_t *revoked)
{
	*present = 0;
	*revoked = 0;
	for (unsigned int n = 0; n < 3; n++) {
		unsigned int block = 0; /* set when found */
		uint32_t r;
		int rc = efuse_key_find(dev, (enum efuse_purpose)
					(EFUSE_PURPOSE_SECURE_BOOT_DIGEST0 + n), &block);

		if (rc == -ENOENT)
			continue;
		if (rc < 0 || (rc = key_raw(dev, block, digests[n])) < 0 ||
		    (rc = efuse_field_read(dev, (enum efuse_field)
					   (EFUSE_SECURE_BOOT_KEY_REVOKE0 + n), &r)) < 0)
			return rc;
		*present |= 1u << n;
		*revoked |= r << n;
	}
	return 0;
}
