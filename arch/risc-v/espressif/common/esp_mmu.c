/* arch/risc-v/espressif/common/esp_mmu.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The load header's IROM and DROM regions through the flash MMU
 * (esp-formats.md 5.3): whole pages, flash_off & ~(page - 1) at
 * addr & ~(page - 1), entry index and flash page from
 * esp_load_mmu_entry (unit-tested against the document), written with
 * the instruction cache suspended, then invalidated. The header was
 * checked against this chip's map (riscv_load_map) before this runs.
 */
#include "arch/risc-v/common/riscv_ramload.h"
#include "arch/risc-v/espressif/common/esp_rom.h"
#include "arch/risc-v/espressif/common/esp_soc.h"
#include "drivers/mtd/mtd_window.h"

#include <errno.h>

const struct esp_load_map *riscv_load_map(void)
{
	return esp_load_map_find(CONFIG_ESP_CHIP_NAME);
}

/* `slot`: the slot's offset in the flash (the MMU takes flash pages). */
static int map_region(const struct esp_load_map *map, uint32_t slot,
		      const struct esp_load_region *r)
{
	uint32_t page = map->mmu_page;
	uint32_t first = r->addr & ~(page - 1), last = (r->addr + r->size - 1) & ~(page - 1);
	uint32_t flash = (slot + r->flash_off) & ~(page - 1);

	for (uint32_t a = first;; a += page, flash += page) {
		uint32_t index, fpage;

		if (esp_load_mmu_entry(map, a, flash, &index, &fpage) != 0)
			return -EINVAL;
		ESP_MMU_WRITE(index, fpage); /* the chip's entry format */
		if (a == last)
			return 0;
	}
}

int riscv_load_map_flash(struct mtd_dev *dev, const struct esp_load_header *h)
{
	const struct esp_load_map *map = riscv_load_map();
	uint32_t autoload;
	int rc = 0;

	/* The boot hook is given the slot's window onto the boot flash,
	 * which starts at flash offset 0; the slot must start on a page
	 * for the header's congruence check to hold in the flash too. */
	const struct mtd_window *slot = (const struct mtd_window *)dev;

	if (slot->offset % map->mmu_page != 0)
		return -EINVAL;
	if (h->r[ESP_LOAD_IROM].size == 0 && h->r[ESP_LOAD_DROM].size == 0)
		return 0;
	autoload = Cache_Suspend_ICache();
	for (unsigned int i = ESP_LOAD_IROM; i <= ESP_LOAD_DROM && rc == 0; i++)
		if (h->r[i].size != 0)
			rc = map_region(map, slot->offset, &h->r[i]);
	Cache_Invalidate_ICache_All();
	Cache_Resume_ICache(autoload);
	return rc;
}
