#include "libs/bootstate/slot_limits.h"

static const struct boot_swap_params scratch_params = { 0, 1, 3 };
static const struct boot_swap_params move_params = { 1, 0, 3 };

const struct boot_swap_params *boot_swap_params(enum boot_upgrade_kind k)
{
	switch (k) {
	case BOOT_UPGRADE_SWAP_SCRATCH: return &scratch_params;
	case BOOT_UPGRADE_SWAP_MOVE: return &move_params;
	default: return NULL;
	}
}

int boot_upgrade_can_revert(enum boot_upgrade_kind k)
{
	return boot_swap_params(k) != NULL; /* the old image is kept: swapped */
}

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
			  const struct boot_swap_params *p)
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
			       const struct boot_swap_params *p, uint32_t sector)
{
	const struct boot_trailer_geo *g = s->geo_primary;
	uint32_t pri = boot_trailer_sector_start(s->primary, g) / sector;
	uint32_t n = boot_trailer_sector_start(s->secondary, s->geo_secondary) / sector;

	if (pri < p->spare_sectors)
		return 0;
	if (pri - p->spare_sectors < n)
		n = pri - p->spare_sectors;
	if ((uint64_t)n * p->steps_per_sector > (uint64_t)g->max_sectors * g->records)
		n = g->max_sectors * g->records / p->steps_per_sector;
	return n;
}

uint32_t boot_max_image_size(enum boot_upgrade_kind k, const struct boot_slots *s)
{
	const struct boot_swap_params *p = boot_swap_params(k);
	uint32_t sector;

	if (p == NULL) /* overwrite: all but the primary's trailer */
		return flash_area_size(s->primary) - boot_trailer_size(s->geo_primary);
	sector = boot_swap_sector(s, p);
	return sector ? boot_swap_max_sectors(s, p, sector) * sector : 0;
}
