/* drivers/mtd/ram_nor.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "drivers/mtd/ram_nor.h"

#include "arch/arch.h"

#include <errno.h>
#include <string.h>

static struct ram_nor *to_ram_nor(struct mtd_dev *dev)
{
	return (struct ram_nor *)dev;
}

static int ram_nor_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct ram_nor *f = to_ram_nor(dev);

	memcpy(buf, (const void *)(f->base + off), len);
	return 0;
}

/* NOR: a program can only clear bits. Checked over the whole request
 * first, so a refused program writes nothing; then byte stores in address
 * order, as a part programs (a power cut leaves a prefix). */
static int ram_nor_program(struct mtd_dev *dev, uint32_t off, const void *buf,
			   size_t len)
{
	struct ram_nor *f = to_ram_nor(dev);
	const uint8_t *src = buf;
	volatile uint8_t *dst = f->base + off;

	for (size_t i = 0; i < len; i++)
		if ((src[i] & ~dst[i]) != 0)
			return -EROFS;
	for (size_t i = 0; i < len; i++)
		dst[i] = src[i] & dst[i];
	return 0;
}

static int ram_nor_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct ram_nor *f = to_ram_nor(dev);
	volatile uint32_t *p = (volatile uint32_t *)(f->base + off);

	/* Sector-aligned (mtd_erase checked), so whole words; each sector
	 * takes the configured erase time, then reads erased. */
	for (size_t s = 0; s < len; s += f->region.sector_size) {
		arch_delay_ms(CONFIG_MTD_RAM_NOR_ERASE_MS);
		for (size_t i = 0; i < f->region.sector_size / 4; i++)
			*p++ = 0xffffffffu;
	}
	return 0;
}

static int ram_nor_xip_address(struct mtd_dev *dev, uint32_t off, uintptr_t *addr)
{
	*addr = (uintptr_t)(to_ram_nor(dev)->base + off);
	return 0;
}

static const struct mtd_ops ram_nor_ops = {
	.read = ram_nor_read,
	.program = ram_nor_program,
	.erase = ram_nor_erase,
	.xip_address = ram_nor_xip_address,
};

int ram_nor_init(struct ram_nor *f, uintptr_t base, uint32_t size,
		 uint32_t sector_size, uint16_t program_unit)
{
	if (sector_size < 4 || sector_size % 4 != 0 || size % sector_size != 0)
		return -EINVAL;
	f->region.sector_size = sector_size;
	f->region.count = size / sector_size;
	f->geo.regions = &f->region;
	f->geo.nregions = 1;
	f->geo.program_unit = program_unit;
	f->geo.erased_value = 0xff;
	f->geo.size = size;
	f->mtd.ops = &ram_nor_ops;
	f->mtd.geo = &f->geo;
	f->base = (volatile uint8_t *)base;
	return mtd_geometry_check(&f->geo);
}
