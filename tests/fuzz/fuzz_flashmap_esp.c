/* tests/fuzz/fuzz_flashmap_esp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: a hostile partition table in flash, as the bootloader reads
 * it. Whatever map results must keep every area inside the device, and an
 * opened area must not reach outside itself.
 */
#include "drivers/mtd/sim_flash.h"
#include "libs/flashmap/flashmap_esp.h"

#include <stdlib.h>
#include <string.h>

#define FLASH_SIZE 0x400000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct mtd_region r = { 0x1000, FLASH_SIZE / 0x1000 };
	static const struct mtd_geometry geo = { &r, 1, 4, 0xff, FLASH_SIZE };
	static uint8_t mem[FLASH_SIZE];
	static struct flash_map_esp store;
	struct sim_flash fl;
	struct flash_map map;
	struct flash_map_fault f;
	struct flash_area fa;
	uint8_t b[4];

	memset(mem + 0x8000, 0xff, ESP_PART_TABLE_LEN);
	memcpy(mem + 0x8000, data, len < ESP_PART_TABLE_LEN ? len : ESP_PART_TABLE_LEN);
	if (sim_flash_init_ram(&fl, &geo, mem) != 0)
		abort();
	if (flash_map_from_esp_table(&map, &store, &fl.mtd, 0x8000,
				     FLASH_MAP_SLOTS_ANY, &f) != 0)
		return 0;
	for (unsigned int i = 0; i < map.count; i++) {
		const struct flash_area_desc *d = &map.areas[i];

		if ((uint64_t)d->offset + d->size > FLASH_SIZE || d->size == 0)
			abort();
		if (flash_area_open_name(&map, d->name, &fa) != 0)
			continue; /* a duplicate name was refused earlier */
		if (flash_area_read(&fa, flash_area_size(&fa) - 4, b, 4) != 0 ||
		    flash_area_read(&fa, flash_area_size(&fa) - 3, b, 4) == 0)
			abort();
	}
	return 0;
}
