/* tests/fuzz/fuzz_boot_trailer.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: hostile trailers (magic, flags, swap_info, swap_size, status
 * records) at the end of both slots, under each upgrade strategy. The
 * engine must decide, resume or refuse without crashing, reading or
 * writing outside the slots (ASan watches the flash buffer; the windows
 * refuse the rest), or looping, and a second boot must cope with whatever
 * the first left.
 */
#include "boot/engine/engine.h"
#include "drivers/mtd/sim_flash.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 0x1000u
#define NSECT 8u

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dup2(open("/dev/null", O_WRONLY), 1); /* the engine's log */
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct boot_strategy *const strategies[] = {
		&boot_strategy_overwrite_only, &boot_strategy_swap_scratch,
		&boot_strategy_swap_move,
	};
	static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };
	const struct boot_strategy *s;
	uint32_t pri, total;
	struct mtd_region r;
	struct mtd_geometry geo;
	struct flash_area_desc areas[3];
	struct flash_area p, sec, scratch;
	struct flash_map map;
	struct sim_flash fl;
	struct boot_image img;
	struct boot_engine e;
	uint8_t *mem;

	if (len < 1)
		return 0;
	s = strategies[data[0] % 3];
	data++;
	len--;
	pri = NSECT + s->desc->spare_sectors;
	total = pri + NSECT + 1;
	r = (struct mtd_region){ SECTOR, total };
	geo = (struct mtd_geometry){ &r, 1, 8, 0xff, total * SECTOR };
	mem = malloc(geo.size);
	if (mem == NULL)
		return 0;
	memset(mem, 0xff, geo.size);
	/* The input becomes the last sector of each slot: both trailers. */
	memcpy(mem + (pri - 1) * SECTOR, data, len < SECTOR ? len : SECTOR);
	if (len > SECTOR)
		memcpy(mem + (pri + NSECT - 1) * SECTOR, data + SECTOR,
		       len - SECTOR < SECTOR ? len - SECTOR : SECTOR);
	if (sim_flash_init_ram(&fl, &geo, mem) != 0)
		abort();
	areas[0] = (struct flash_area_desc){ "p", FLASH_AREA_PRIMARY, 0, 0, pri * SECTOR };
	areas[1] = (struct flash_area_desc){ "s", FLASH_AREA_SECONDARY, 0, pri * SECTOR,
					     NSECT * SECTOR };
	areas[2] = (struct flash_area_desc){ "x", FLASH_AREA_SCRATCH, 0,
					     (total - 1) * SECTOR, SECTOR };
	if (flash_map_init(&map, &fl.mtd, areas, 3, FLASH_MAP_SLOTS_ANY,
			   &(struct flash_map_fault){ 0 }) != 0 ||
	    flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &p) != 0 ||
	    flash_area_open(&map, FLASH_AREA_SECONDARY, 0, &sec) != 0 ||
	    flash_area_open(&map, FLASH_AREA_SCRATCH, 0, &scratch) != 0)
		abort();
	img = (struct boot_image){ .primary = &p, .secondary = &sec };
	img.geo_primary = (struct boot_trailer_geo){ pri * SECTOR, 8, 8, NSECT, 3, 0xff };
	img.geo_secondary = img.geo_primary;
	img.geo_secondary.slot_size = NSECT * SECTOR;
	e = (struct boot_engine){ .images = &img, .nimages = 1, .scratch = &scratch,
				  .policy = &policy, .strategy = s };
	for (int boot = 0; boot < 2; boot++) {
		int rc = boot_engine_run(&e);

		if (rc > 0)
			abort(); /* 0 or a negative errno */
		/* a swap moves at most the slot's sectors: no runaway */
		if (fl.stats.erases > 8 * (uint64_t)total)
			abort();
	}
	free(mem);
	return 0;
}
