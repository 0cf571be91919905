/* libs/flashmap/flashmap.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/flashmap/flashmap.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static int on_boundary(const struct mtd_geometry *geo, uint64_t off)
{
	uint32_t start, size;

	if (off == geo->size)
		return 1;
	return mtd_sector_at(geo, (uint32_t)off, &start, &size) == 0 &&
	       start == off;
}

/* Roles there is only one of (per image, for slots). */
static int role_is_unique(uint8_t role)
{
	return role != FLASH_AREA_NVS && role != FLASH_AREA_OTHER;
}

static int fault(struct flash_map_fault *f, int code, unsigned int a,
		 unsigned int b)
{
	f->code = code;
	f->a = a;
	f->b = b;
	return code;
}

static int check_slots(const struct flash_area_desc *areas, unsigned int n,
		       const struct mtd_geometry *geo,
		       enum flash_map_slot_rule rule, struct flash_map_fault *f)
{
	for (unsigned int p = 0; p < n; p++) {
		if (areas[p].role != FLASH_AREA_PRIMARY)
			continue;
		for (unsigned int s = 0; s < n; s++) {
			uint32_t last_start, sector;
			int ok = 1;

			if (areas[s].role != FLASH_AREA_SECONDARY ||
			    areas[s].image != areas[p].image)
				continue;
			if (rule == FLASH_MAP_SLOTS_EQUAL) {
				ok = areas[p].size == areas[s].size;
			} else if (rule == FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE) {
				mtd_sector_at(geo, areas[p].offset + areas[p].size - 1,
					      &last_start, &sector);
				ok = areas[p].size == areas[s].size + sector;
			} else if (rule == FLASH_MAP_SLOTS_SECONDARY_SAME_OR_ONE_MORE) {
				mtd_sector_at(geo, areas[s].offset + areas[s].size - 1,
					      &last_start, &sector);
				ok = areas[s].size == areas[p].size ||
				     areas[s].size == areas[p].size + sector;
			}
			if (!ok)
				return fault(f, FLASH_MAP_ERR_SLOT_SIZES, p, s);
		}
	}
	return FLASH_MAP_OK;
}

int flash_map_validate(const struct flash_area_desc *areas, unsigned int n,
		       const struct mtd_geometry *geo,
		       enum flash_map_slot_rule rule,
		       struct flash_map_fault *f)
{
	for (unsigned int i = 0; i < n; i++) {
		const struct flash_area_desc *a = &areas[i];
		uint64_t end = (uint64_t)a->offset + a->size;

		if (a->size == 0)
			return fault(f, FLASH_MAP_ERR_EMPTY, i, i);
		if (end > geo->size)
			return fault(f, FLASH_MAP_ERR_OUTSIDE, i, i);
		if (!on_boundary(geo, a->offset) || !on_boundary(geo, end))
			return fault(f, FLASH_MAP_ERR_UNALIGNED, i, i);
		for (unsigned int j = 0; j < i; j++) {
			const struct flash_area_desc *b = &areas[j];

			if (a->offset < (uint64_t)b->offset + b->size &&
			    b->offset < end)
				return fault(f, FLASH_MAP_ERR_OVERLAP, j, i);
			if (strcmp(a->name, b->name) == 0 ||
			    (a->role == b->role && a->image == b->image &&
			     role_is_unique(a->role)))
				return fault(f, FLASH_MAP_ERR_DUPLICATE, j, i);
		}
	}
	f->code = FLASH_MAP_OK;
	return check_slots(areas, n, geo, rule, f);
}

const char *flash_map_slot_rule_text(enum flash_map_slot_rule rule)
{
	switch (rule) {
	case FLASH_MAP_SLOTS_EQUAL:
		return "equal slots";
	case FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE:
		return "the primary slot one sector larger than the secondary";
	case FLASH_MAP_SLOTS_SECONDARY_SAME_OR_ONE_MORE:
		return "the secondary slot as large as the primary or one sector larger";
	default:
		return "slots of any size";
	}
}

void flash_map_describe(const struct flash_area_desc *areas,
			const struct flash_map_fault *f, char *buf, size_t len)
{
	const struct flash_area_desc *a = &areas[f->a], *b = &areas[f->b];
	const char *what;

	switch (f->code) {
	case FLASH_MAP_OK:
		snprintf(buf, len, "flash layout is valid");
		return;
	case FLASH_MAP_ERR_EMPTY: what = "has no bytes"; break;
	case FLASH_MAP_ERR_OUTSIDE: what = "runs past the end of the flash"; break;
	case FLASH_MAP_ERR_UNALIGNED: what = "does not start and end on erase-sector boundaries"; break;
	case FLASH_MAP_ERR_OVERLAP: what = "overlaps"; break;
	case FLASH_MAP_ERR_DUPLICATE: what = "has the same name or role as"; break;
	case FLASH_MAP_ERR_SLOT_SIZES: what = "has a size the upgrade strategy cannot use with"; break;
	default: what = "is invalid"; break;
	}
	if (f->a == f->b)
		snprintf(buf, len, "flash area %s [0x%x, +0x%x) %s", a->name,
			 (unsigned)a->offset, (unsigned)a->size, what);
	else
		snprintf(buf, len, "flash area %s [0x%x, +0x%x) %s flash area "
			 "%s [0x%x, +0x%x)", a->name, (unsigned)a->offset,
			 (unsigned)a->size, what, b->name, (unsigned)b->offset,
			 (unsigned)b->size);
}

int flash_map_init(struct flash_map *map, struct mtd_dev *dev,
		   const struct flash_area_desc *areas, unsigned int n,
		   enum flash_map_slot_rule rule, struct flash_map_fault *f)
{
	int rc = flash_map_validate(areas, n, dev->geo, rule, f);

	if (rc != FLASH_MAP_OK)
		return rc;
	map->dev = dev;
	map->areas = areas;
	map->count = n;
	return 0;
}

static int open_desc(const struct flash_map *map,
		     const struct flash_area_desc *d, struct flash_area *fa)
{
	int rc = mtd_window_init(&fa->win, map->dev, d->offset, d->size);

	if (rc == 0)
		fa->desc = d;
	return rc;
}

int flash_area_open(const struct flash_map *map, enum flash_area_role role,
		    uint8_t image, struct flash_area *fa)
{
	for (unsigned int i = 0; i < map->count; i++) {
		const struct flash_area_desc *d = &map->areas[i];

		if (d->role == role && d->image == image)
			return open_desc(map, d, fa);
	}
	return FLASH_MAP_ERR_NOT_FOUND;
}

int flash_area_open_name(const struct flash_map *map, const char *name,
			 struct flash_area *fa)
{
	for (unsigned int i = 0; i < map->count; i++)
		if (strcmp(map->areas[i].name, name) == 0)
			return open_desc(map, &map->areas[i], fa);
	return FLASH_MAP_ERR_NOT_FOUND;
}

int flash_area_read(struct flash_area *fa, uint32_t off, void *buf,
		    size_t len)
{
	return mtd_read(&fa->win.mtd, off, buf, len);
}

int flash_area_program(struct flash_area *fa, uint32_t off, const void *buf,
		       size_t len)
{
	return mtd_program(&fa->win.mtd, off, buf, len);
}

int flash_area_erase(struct flash_area *fa, uint32_t off, size_t len)
{
	return mtd_erase(&fa->win.mtd, off, len);
}

int flash_area_erase_sectors(struct flash_area *fa, uint32_t off, uint32_t len)
{
	const struct mtd_geometry *geo = fa->win.mtd.geo;
	uint64_t end = (uint64_t)off + len;

	while (off < end) {
		uint32_t start, size;
		int rc = mtd_sector_at(geo, off, &start, &size);

		if (rc == 0)
			rc = flash_area_erase(fa, start, size);
		if (rc != 0)
			return rc;
		off = start + size;
	}
	return 0;
}
