/* libs/espimage/esp_load_header.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Decoding the load header and checking it against a memory map before
 * anything is copied (esp_load_header.h). All arithmetic is on 64-bit
 * values, so no sum of a hostile address and a hostile size can wrap into
 * an accepted range.
 */
#include "libs/espimage/esp_load_header.h"
#include "libs/util/le.h"

#include <errno.h>
#include <stddef.h>

const char *esp_load_strerror(int err)
{
	static const char *const why[] = {
		"no load header (magic is not 0xace637d3)",
		"a region's address or flash offset plus its size wraps",
		"a region's bytes are not inside the image's hashed bytes",
		"the IRAM region is outside the chip's IRAM",
		"the DRAM region is outside the chip's DRAM",
		"the LP/RTC region is outside the chip's LP/RTC RAM",
		"a region would overwrite the running bootloader's RAM",
		"two regions load to the same bytes",
		"the entry address is not inside the copied IRAM region",
		"a mapped region is outside the chip's flash window",
		"a mapped region's address and flash offset disagree modulo the MMU page",
		"no IRAM region: nothing to start",
	};

	if (err == ESP_LOAD_OK)
		return "ok";
	if (err < ESP_LOAD_ERR_MAGIC ||
	    err >= ESP_LOAD_ERR_MAGIC + (int)(sizeof(why) / sizeof(why[0])))
		return "unknown load header error";
	return why[err - ESP_LOAD_ERR_MAGIC];
}

const char *esp_load_region_name(enum esp_load_region_id id)
{
	static const char *const names[ESP_LOAD_NREGIONS] = {
		"IRAM", "DRAM", "LP IRAM", "LP DRAM", "IROM", "DROM",
	};

	return (unsigned int)id < ESP_LOAD_NREGIONS ? names[id] : "?";
}

int esp_load_header_parse(const uint8_t raw[ESP_LOAD_HEADER_LEN],
			  struct esp_load_header *h)
{
	if (get_le32(raw) != ESP_LOAD_HEADER_MAGIC)
		return ESP_LOAD_ERR_MAGIC;
	h->entry = get_le32(raw + 4);
	/* Words 2..19: six (address, offset, size) triples in header order. */
	for (unsigned int i = 0; i < ESP_LOAD_NREGIONS; i++) {
		const uint8_t *p = raw + 8 + 12 * i;

		h->r[i].addr = get_le32(p);
		h->r[i].flash_off = get_le32(p + 4);
		h->r[i].size = get_le32(p + 8);
	}
	return ESP_LOAD_OK;
}

/* [start, start + size) inside [r.start, r.end), in 64-bit arithmetic. */
static int inside(uint64_t start, uint64_t size, struct esp_load_range r)
{
	return r.end > r.start && start >= r.start && start + size <= r.end;
}

static int overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
	return alen != 0 && blen != 0 && a < b + blen && b < a + alen;
}

/* A copied region's first byte in DRAM addresses (one view of SRAM). */
static uint64_t dram_view(const struct esp_load_map *map,
			  enum esp_load_region_id id, uint32_t addr)
{
	if (id == ESP_LOAD_IRAM && map->iram_alias != 0)
		return (uint64_t)addr - map->iram_alias;
	return addr;
}

static int check_copied(const struct esp_load_header *h,
			const struct esp_load_map *map,
			enum esp_load_region_id id)
{
	static const int range_err[ESP_LOAD_NCOPIED] = {
		ESP_LOAD_ERR_IRAM_RANGE, ESP_LOAD_ERR_DRAM_RANGE,
		ESP_LOAD_ERR_LP_RANGE, ESP_LOAD_ERR_LP_RANGE,
	};
	const struct esp_load_region *r = &h->r[id];
	struct esp_load_range ram = id == ESP_LOAD_IRAM ? map->iram :
				    id == ESP_LOAD_DRAM ? map->dram : map->lp;

	if (!inside(r->addr, r->size, ram))
		return range_err[id];
	for (unsigned int k = 0; k < map->nreserved; k++) {
		const struct esp_load_range *res = &map->reserved[k];

		if (overlaps(dram_view(map, id, r->addr), r->size, res->start,
			     (uint64_t)res->end - res->start))
			return ESP_LOAD_ERR_OVER_LOADER;
	}
	for (unsigned int j = 0; j < (unsigned int)id; j++)
		if (overlaps(dram_view(map, id, r->addr), r->size,
			     dram_view(map, j, h->r[j].addr), h->r[j].size))
			return ESP_LOAD_ERR_OVERLAP;
	return ESP_LOAD_OK;
}

static int check_mapped(const struct esp_load_header *h,
			const struct esp_load_map *map,
			enum esp_load_region_id id)
{
	const struct esp_load_region *r = &h->r[id];
	struct esp_load_range win = id == ESP_LOAD_IROM ? map->irom : map->drom;

	if (map->mmu_page == 0 || !inside(r->addr, r->size, win))
		return ESP_LOAD_ERR_MAP_RANGE;
	if ((r->addr & (map->mmu_page - 1)) != (r->flash_off & (map->mmu_page - 1)))
		return ESP_LOAD_ERR_MAP_ALIGN;
	/* Whole pages are mapped: those of IROM and DROM must not share an
	 * MMU entry (C3 and C2 index both windows into one table). */
	if (id == ESP_LOAD_DROM && h->r[ESP_LOAD_IROM].size != 0) {
		uint32_t a0, a1, b0, b1, p;

		if (esp_load_mmu_entry(map, r->addr, r->flash_off, &a0, &p) != 0 ||
		    esp_load_mmu_entry(map, r->addr + r->size - 1,
				       r->flash_off + r->size - 1, &a1, &p) != 0 ||
		    esp_load_mmu_entry(map, h->r[ESP_LOAD_IROM].addr, 0, &b0, &p) != 0 ||
		    esp_load_mmu_entry(map, h->r[ESP_LOAD_IROM].addr +
				       h->r[ESP_LOAD_IROM].size - 1, 0, &b1, &p) != 0)
			return ESP_LOAD_ERR_MAP_RANGE;
		if (a0 <= b1 && b0 <= a1)
			return ESP_LOAD_ERR_OVERLAP;
	}
	return ESP_LOAD_OK;
}

int esp_load_header_check(const struct esp_load_header *h,
			  const struct esp_load_map *map, uint32_t payload_off,
			  uint32_t image_end, enum esp_load_region_id *bad)
{
	int rc = ESP_LOAD_OK;
	unsigned int i;

	for (i = 0; i < ESP_LOAD_NREGIONS && rc == ESP_LOAD_OK; i++) {
		const struct esp_load_region *r = &h->r[i];

		if (r->size == 0)
			continue;
		if ((uint64_t)r->addr + r->size > UINT32_MAX + (uint64_t)1 ||
		    (uint64_t)r->flash_off + r->size > UINT32_MAX + (uint64_t)1)
			rc = ESP_LOAD_ERR_SIZE_WRAP;
		/* Loaded bytes come from the payload past the load header and
		 * before the TLVs: only hashed bytes reach RAM or the MMU. */
		else if (r->flash_off < (uint64_t)payload_off + ESP_LOAD_HEADER_LEN ||
			 (uint64_t)r->flash_off + r->size > image_end)
			rc = ESP_LOAD_ERR_SOURCE;
		else if (i < ESP_LOAD_NCOPIED)
			rc = check_copied(h, map, i);
		else
			rc = check_mapped(h, map, i);
	}
	if (rc != ESP_LOAD_OK) {
		if (bad != NULL)
			*bad = i - 1;
		return rc;
	}
	if (bad != NULL)
		*bad = ESP_LOAD_IRAM;
	if (h->r[ESP_LOAD_IRAM].size == 0)
		return ESP_LOAD_ERR_NO_IRAM;
	if (h->entry < h->r[ESP_LOAD_IRAM].addr ||
	    (uint64_t)h->entry >= (uint64_t)h->r[ESP_LOAD_IRAM].addr + h->r[ESP_LOAD_IRAM].size ||
	    (h->entry & 1) != 0)
		return ESP_LOAD_ERR_ENTRY;
	return ESP_LOAD_OK;
}

int esp_load_mmu_entry(const struct esp_load_map *map, uint32_t addr,
		       uint32_t flash_off, uint32_t *index, uint32_t *page)
{
	const struct esp_load_range *win;
	uint32_t shift = 0;

	if (map->mmu_page == 0)
		return -EINVAL;
	if (inside(addr, 1, map->irom))
		win = &map->irom;
	else if (inside(addr, 1, map->drom))
		win = &map->drom;
	else
		return -EINVAL;
	while ((1u << shift) < map->mmu_page)
		shift++;
	*index = (addr - win->start) >> shift;
	if (*index >= map->mmu_entries)
		return -EINVAL;
	*page = flash_off >> shift;
	return 0;
}
