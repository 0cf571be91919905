/* libs/bootstate/slot_limits.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/bootstate/slot_limits.h"

#include <errno.h>

uint32_t boot_uniform_sector(struct flash_area *fa)
{
	const struct mtd_geometry *geo = fa->win.mtd.geo;
	uint32_t first = 0, start, size;

	for (uint32_t off = 0; off < geo->size; off = start + size) {
		if (mtd_sector_at(geo, off, &start, &size) != 0)
			return 0;
		if (first == 0)
			first = size;
		else if (size != first)
			return 0;
	}
	return first;
}

uint32_t boot_trailer_sector_start(struct flash_area *fa,
				   const struct boot_trailer_geo *g)
{
	uint32_t start = 0, size;

	mtd_sector_at(fa->win.mtd.geo, g->slot_size - boot_trailer_size(g),
		      &start, &size);
	return start;
}

uint32_t boot_swap_sector(const struct boot_slots *s,
			  const struct boot_strategy_desc *p)
{
	uint32_t sector = boot_uniform_sector(s->primary);

	if (sector == 0 || boot_uniform_sector(s->secondary) != sector)
		return 0;
	if (p->needs_scratch &&
	    (s->scratch == NULL || flash_area_size(s->scratch) < sector))
		return 0;
	return sector;
}

uint32_t boot_swap_max_sectors(const struct boot_slots *s,
			       const struct boot_strategy_desc *p, uint32_t sector)
{
	const struct boot_trailer_geo *g = s->geo_primary;
	uint32_t pri = boot_trailer_sector_start(s->primary, g) / sector;
	uint32_t n = boot_trailer_sector_start(s->secondary, s->geo_secondary) / sector;

	if (pri < p->spare_sectors || n < p->stage_sector)
		return 0;
	n -= p->stage_sector;
	if (pri - p->spare_sectors < n)
		n = pri - p->spare_sectors;
	if ((uint64_t)n * p->status_records > (uint64_t)g->max_sectors * g->records)
		n = g->max_sectors * g->records / p->status_records;
	return n;
}

uint32_t boot_max_image_size(enum boot_upgrade_kind k, const struct boot_slots *s)
{
	const struct boot_strategy_desc *p = boot_strategy_desc(k);
	uint32_t sector;

	if (p == NULL)
		return 0;
	if (p->status_records == 0) /* a copy: all but the primary's trailer */
		return flash_area_size(s->primary) - boot_trailer_size(s->geo_primary);
	sector = boot_swap_sector(s, p);
	return sector ? boot_swap_max_sectors(s, p, sector) * sector : 0;
}

uint32_t boot_stage_offset(struct flash_area *secondary,
			   const struct boot_strategy_desc *p)
{
	return boot_strategy_stage_offset(p, secondary->win.mtd.geo, 0);
}

int boot_stage_open(struct flash_area *secondary, uint32_t off,
		    struct boot_stage_area *out)
{
	uint32_t size = flash_area_size(secondary);

	if (off >= size)
		return -EINVAL;
	out->desc = *secondary->desc;
	out->desc.offset += off;
	out->desc.size = size - off;
	out->fa.desc = &out->desc;
	return mtd_window_init(&out->fa.win, secondary->win.parent,
			       secondary->win.offset + off, size - off);
}
