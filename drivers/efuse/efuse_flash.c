/* drivers/efuse/efuse_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/efuse/efuse_flash.h"

#include <errno.h>
#include <string.h>

/* Fuse bits as flash bits: set fuses are the non-erased value. */
static uint32_t to_fuses(const struct efuse_flash *e, uint32_t stored)
{
	return e->mtd->geo->erased_value == 0xff ? ~stored : stored;
}

static int flash_efuse_read(struct efuse_dev *dev, unsigned int word, uint32_t *v)
{
	struct efuse_flash *e = (struct efuse_flash *)dev;
	uint8_t b[4];
	int rc;

	if (word >= EFUSE_WORDS)
		return -ERANGE;
	rc = mtd_read(e->mtd, e->off + word * 4, b, sizeof(b));
	if (rc < 0)
		return rc;
	*v = to_fuses(e, (uint32_t)b[0] | (uint32_t)b[1] << 8 |
			 (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24);
	return 0;
}

static int flash_efuse_burn(struct efuse_dev *dev, unsigned int word, uint32_t bits)
{
	struct efuse_flash *e = (struct efuse_flash *)dev;
	uint32_t unit = e->mtd->geo->program_unit;
	uint32_t at = e->off + word * 4, start = at / unit * unit;
	uint32_t len = unit > 4 ? unit : 4; /* whole units around the word */
	uint8_t buf[32];
	uint32_t now, want;
	int rc;

	if (word >= EFUSE_WORDS)
		return -ERANGE;
	rc = flash_efuse_read(dev, word, &now);
	if (rc < 0 || (now | bits) == now)
		return rc;
	/* The whole program unit around the word, with only this word changed. */
	rc = mtd_read(e->mtd, start, buf, len);
	if (rc < 0)
		return rc;
	want = to_fuses(e, now | bits); /* the stored form: same mapping */
	buf[at - start] = (uint8_t)want;
	buf[at - start + 1] = (uint8_t)(want >> 8);
	buf[at - start + 2] = (uint8_t)(want >> 16);
	buf[at - start + 3] = (uint8_t)(want >> 24);
	rc = mtd_program(e->mtd, start, buf, len);
	return rc < 0 ? rc : mtd_sync(e->mtd);
}

static const struct efuse_ops flash_efuse_ops = {
	.read = flash_efuse_read,
	.burn = flash_efuse_burn,
};

int efuse_flash_init(struct efuse_flash *e, struct mtd_dev *mtd, uint32_t off)
{
	uint32_t unit = mtd->geo->program_unit;

	if (unit > 32 || off % unit != 0 || off % 4 != 0 || EFUSE_FLASH_SIZE % unit != 0)
		return -EINVAL;
	if ((uint64_t)off + EFUSE_FLASH_SIZE > mtd->geo->size)
		return -ERANGE;
	e->dev.ops = &flash_efuse_ops;
	e->mtd = mtd;
	e->off = off;
	return 0;
}
