/*
 * `make bench`, upgrade figures: the erases, programs and bytes programmed
 * by one test upgrade, counted by the simulated flash, for each strategy.
 * Usage: bench_upgrade STRATEGY SECTORS OLD.img NEW.img
 * OLD runs in the primary slot; NEW (the same size) is staged in the
 * secondary and requested as a test upgrade; the one boot that installs
 * it is counted. Prints "erases programs bytes_programmed".
 */
#include "boot/engine/engine.h"
#include "drivers/mtd/sim_flash.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SECTOR 4096u
#define UNIT 8u

static uint8_t *load(const char *path, long *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (*len = ftell(f)) <= 0) {
		fprintf(stderr, "bench_upgrade: cannot read %s\n", path);
		exit(1);
	}
	rewind(f);
	buf = malloc((size_t)*len + UNIT);
	memset(buf, 0xff, (size_t)*len + UNIT);
	if (fread(buf, 1, (size_t)*len, f) != (size_t)*len)
		exit(1);
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };
	const struct boot_strategy *s;
	struct flash_area_desc areas[3];
	struct flash_area pri, sec, scratch;
	struct boot_image img;
	struct boot_engine e;
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct flash_map map;
	struct boot_trailer_geo g;
	uint32_t n, t, pslots, total;
	long olen, nlen;
	uint8_t *old, *new, *mem;

	if (argc != 5) {
		fprintf(stderr, "usage: bench_upgrade STRATEGY SECTORS OLD.img NEW.img\n");
		return 2;
	}
	s = !strcmp(argv[1], "overwrite-only") ? &boot_strategy_overwrite :
	    !strcmp(argv[1], "swap-scratch") ? &boot_strategy_swap_scratch :
	    !strcmp(argv[1], "swap-move") ? &boot_strategy_swap_move : NULL;
	n = (uint32_t)atoi(argv[2]);
	if (s == NULL || n == 0)
		return 2;
	old = load(argv[3], &olen);
	new = load(argv[4], &nlen);
	/* Slots of the image's sectors, the trailer's, and swap-move's spare. */
	g = (struct boot_trailer_geo){ 0, 8, UNIT, n, 3, 0xff };
	t = (boot_trailer_size(&g) + SECTOR - 1) / SECTOR;
	pslots = n + t + (s == &boot_strategy_swap_move);
	total = pslots + n + t + 1;
	region = (struct mtd_region){ SECTOR, total };
	geo = (struct mtd_geometry){ &region, 1, UNIT, 0xff, total * SECTOR };
	mem = malloc(geo.size);
	memset(mem, 0xff, geo.size);
	if (sim_flash_init_ram(&fl, &geo, mem) != 0)
		return 1;
	areas[0] = (struct flash_area_desc){ "primary", FLASH_AREA_PRIMARY, 0, 0, pslots * SECTOR };
	areas[1] = (struct flash_area_desc){ "secondary", FLASH_AREA_SECONDARY, 0,
					     pslots * SECTOR, (n + t) * SECTOR };
	areas[2] = (struct flash_area_desc){ "scratch", FLASH_AREA_SCRATCH, 0,
					     (total - 1) * SECTOR, SECTOR };
	if (flash_map_init(&map, &fl.mtd, areas, 3, FLASH_MAP_SLOTS_ANY,
			   &(struct flash_map_fault){ 0 }) != 0 ||
	    flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &pri) != 0 ||
	    flash_area_open(&map, FLASH_AREA_SECONDARY, 0, &sec) != 0 ||
	    flash_area_open(&map, FLASH_AREA_SCRATCH, 0, &scratch) != 0)
		return 1;
	img = (struct boot_image){ .primary = &pri, .secondary = &sec };
	img.geo_primary = g;
	img.geo_primary.slot_size = pslots * SECTOR;
	img.geo_secondary = g;
	img.geo_secondary.slot_size = (n + t) * SECTOR;
	if (flash_area_program(&pri, 0, old, ((uint32_t)olen + UNIT - 1) / UNIT * UNIT) != 0 ||
	    flash_area_program(&sec, 0, new, ((uint32_t)nlen + UNIT - 1) / UNIT * UNIT) != 0 ||
	    boot_request_upgrade(&sec.win.mtd, &img.geo_secondary, 0, 0) != 0)
		return 1;
	e = (struct boot_engine){ .images = &img, .nimages = 1, .scratch = &scratch,
				  .policy = &policy, .strategy = s };
	memset(&fl.stats, 0, sizeof(fl.stats));
	if (boot_engine_run(&e) != 0 || img.status != IMAGE_OK ||
	    img.swap != BOOT_SWAP_TEST) {
		fprintf(stderr, "bench_upgrade: %s: the upgrade did not happen\n", argv[1]);
		return 1;
	}
	printf("%llu %llu %llu\n", (unsigned long long)fl.stats.erases,
	       (unsigned long long)fl.stats.programs,
	       (unsigned long long)fl.stats.bytes_programmed);
	return 0;
}
