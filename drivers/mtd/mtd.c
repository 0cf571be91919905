/* drivers/mtd/mtd.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Argument checking for every flash access. Drivers trust these checks, so
 * they are the one place that bounds, alignment and overflow are decided.
 */
#include "drivers/mtd/mtd.h"

#include <errno.h>

int mtd_geometry_check(const struct mtd_geometry *geo)
{
	uint64_t total = 0;

	if (geo == NULL || geo->regions == NULL || geo->nregions == 0)
		return -EINVAL;
	if (geo->program_unit == 0 || geo->program_unit > 32 ||
	    (geo->program_unit & (geo->program_unit - 1)) != 0)
		return -EINVAL;
	if (geo->erased_value != 0xff && geo->erased_value != 0x00)
		return -EINVAL;
	for (uint16_t i = 0; i < geo->nregions; i++) {
		const struct mtd_region *r = &geo->regions[i];

		if (r->count == 0 || r->sector_size == 0 ||
		    r->sector_size % geo->program_unit != 0)
			return -EINVAL;
		total += (uint64_t)r->sector_size * r->count;
	}
	if (total != geo->size)
		return -EINVAL;
	return 0;
}

int mtd_sector_at(const struct mtd_geometry *geo, uint32_t off,
		  uint32_t *start, uint32_t *size)
{
	uint32_t base = 0;

	for (uint16_t i = 0; i < geo->nregions; i++) {
		const struct mtd_region *r = &geo->regions[i];
		uint64_t span = (uint64_t)r->sector_size * r->count;

		if (off - base < span) {
			uint32_t idx = (off - base) / r->sector_size;

			*start = base + idx * r->sector_size;
			*size = r->sector_size;
			return 0;
		}
		base += (uint32_t)span;
	}
	return -ERANGE;
}

static int check_range(const struct mtd_dev *dev, uint32_t off, size_t len)
{
	if ((uint64_t)off + len > dev->geo->size)
		return -ERANGE;
	return 0;
}

int mtd_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	int rc = check_range(dev, off, len);

	if (rc != 0)
		return rc;
	if (len == 0)
		return 0;
	if (buf == NULL)
		return -EINVAL;
	return dev->ops->read(dev, off, buf, len);
}

int mtd_program(struct mtd_dev *dev, uint32_t off, const void *buf,
		size_t len)
{
	uint16_t unit = dev->geo->program_unit;
	int rc = check_range(dev, off, len);

	if (rc != 0)
		return rc;
	if (off % unit != 0 || len % unit != 0)
		return -EINVAL;
	if (len == 0)
		return 0;
	if (buf == NULL)
		return -EINVAL;
	return dev->ops->program(dev, off, buf, len);
}

int mtd_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	uint32_t start;
	uint32_t size;
	int rc = check_range(dev, off, len);

	if (rc != 0)
		return rc;
	if (len == 0)
		return 0;
	if (mtd_sector_at(dev->geo, off, &start, &size) != 0 || start != off)
		return -EINVAL;
	/* The end must be a boundary too: the device's end, or a sector start. */
	if ((uint64_t)off + len < dev->geo->size) {
		rc = mtd_sector_at(dev->geo, (uint32_t)(off + len), &start,
				   &size);
		if (rc != 0 || start != off + len)
			return -EINVAL;
	}
	return dev->ops->erase(dev, off, len);
}

int mtd_sync(struct mtd_dev *dev)
{
	if (dev->ops->sync == NULL)
		return 0;
	return dev->ops->sync(dev);
}

int mtd_xip_address(struct mtd_dev *dev, uint32_t off, uintptr_t *addr)
{
	int rc = check_range(dev, off, 0);

	if (rc != 0)
		return rc;
	if (dev->ops->xip_address == NULL)
		return -ENOTSUP;
	return dev->ops->xip_address(dev, off, addr);
}
