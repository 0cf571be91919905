/* drivers/mtd/mtd_window.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/mtd/mtd_window.h"

#include <errno.h>
#include <string.h>

/* Requests reach these already checked against the window's own geometry. */
static struct mtd_window *to_window(struct mtd_dev *dev)
{
	return (struct mtd_window *)dev;
}

static int window_read(struct mtd_dev *dev, uint32_t off, void *buf,
		       size_t len)
{
	struct mtd_window *w = to_window(dev);

	return mtd_read(w->parent, w->offset + off, buf, len);
}

static int window_program(struct mtd_dev *dev, uint32_t off, const void *buf,
			  size_t len)
{
	struct mtd_window *w = to_window(dev);

	return mtd_program(w->parent, w->offset + off, buf, len);
}

static int window_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct mtd_window *w = to_window(dev);

	return mtd_erase(w->parent, w->offset + off, len);
}

static int window_sync(struct mtd_dev *dev)
{
	return mtd_sync(to_window(dev)->parent);
}

static int window_xip_address(struct mtd_dev *dev, uint32_t off,
			      uintptr_t *addr)
{
	struct mtd_window *w = to_window(dev);

	return mtd_xip_address(w->parent, w->offset + off, addr);
}

static const struct mtd_ops window_ops = {
	.read = window_read,
	.program = window_program,
	.erase = window_erase,
	.sync = window_sync,
	.xip_address = window_xip_address,
};

static int is_boundary(const struct mtd_geometry *geo, uint32_t off)
{
	uint32_t start, size;

	if (off == geo->size)
		return 1;
	return mtd_sector_at(geo, off, &start, &size) == 0 && start == off;
}

int mtd_window_init(struct mtd_window *w, struct mtd_dev *parent,
		    uint32_t offset, uint32_t size)
{
	const struct mtd_geometry *pg = parent->geo;
	uint32_t end = offset + size;
	uint32_t base = 0;
	uint16_t n = 0;

	if (size == 0)
		return -EINVAL;
	if ((uint64_t)offset + size > pg->size)
		return -ERANGE;
	if (!is_boundary(pg, offset) || !is_boundary(pg, end))
		return -EINVAL;
	memset(w, 0, sizeof(*w));
	for (uint16_t i = 0; i < pg->nregions; i++) {
		const struct mtd_region *r = &pg->regions[i];
		uint32_t r_end = base + r->sector_size * r->count;
		uint32_t lo = offset > base ? offset : base;
		uint32_t hi = end < r_end ? end : r_end;

		if (lo < hi) {
			if (n == MTD_WINDOW_MAX_REGIONS)
				return -E2BIG;
			w->regions[n].sector_size = r->sector_size;
			w->regions[n].count = (hi - lo) / r->sector_size;
			n++;
		}
		base = r_end;
	}
	w->mtd.ops = &window_ops;
	w->mtd.geo = &w->geo;
	w->parent = parent;
	w->offset = offset;
	w->geo.regions = w->regions;
	w->geo.nregions = n;
	w->geo.program_unit = pg->program_unit;
	w->geo.erased_value = pg->erased_value;
	w->geo.size = size;
	return 0;
}
