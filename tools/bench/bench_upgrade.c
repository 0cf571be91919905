/* tools/bench/bench_upgrade.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `make bench`, upgrade figures, counted by the simulated flash:
 *   bench_upgrade STRATEGY SECTORS OLD.img NEW.img
 * OLD runs in the primary slot; NEW (the same size) is staged in the
 * secondary (where the strategy stages it) and requested as a test
 * upgrade; the one boot that installs it is counted, and for a strategy
 * that can revert, the next boot (nothing confirmed) that reverts it.
 * Prints "erases programs bytes_programmed", then the revert's three.
 *   bench_upgrade stage IMAGE CHUNK
 * Stages IMAGE through the update agent in CHUNK-byte writes, and writes
 * the same bytes straight to the flash (erase, then one program per
 * sector), both under the timing model below. Prints
 * "agent_us raw_us bytes".
 */
#include "boot/agent/ota.h"
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

/* A 4 KiB-sector SPI NOR: 45 ms per sector erase, about 0.7 ms per 256-byte
 * page program, 100 MB/s reads. Only the ratio is reported. */
static const struct sim_flash_timing nor_timing = { 45000, 22, 10 };

static struct boot_trailer_geo agent_geo(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){ slot->geo->size, 8, UNIT, 128, 3, 0xff };
}

static int bench_stage(const char *path, uint32_t chunk)
{
	static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct flash_area_desc areas[2];
	struct flash_map map;
	struct ota ota;
	struct ota_stage st;
	struct ota_config cfg;
	uint64_t agent_us, raw_us;
	long len;
	uint8_t *img = load(path, &len), *mem;
	uint32_t slot = ((uint32_t)len / SECTOR + 3) * SECTOR;
	int rc;

	region = (struct mtd_region){ SECTOR, 2 * slot / SECTOR };
	geo = (struct mtd_geometry){ &region, 1, UNIT, 0xff, 2 * slot };
	mem = malloc(geo.size);
	memset(mem, 0xff, geo.size);
	if (sim_flash_init_ram(&fl, &geo, mem) != 0)
		return 1;
	fl.timing = nor_timing;
	areas[0] = (struct flash_area_desc){ "primary", FLASH_AREA_PRIMARY, 0, 0, slot };
	areas[1] = (struct flash_area_desc){ "secondary", FLASH_AREA_SECONDARY, 0, slot, slot };
	cfg = (struct ota_config){ .map = &map, .nimages = 1, .policy = &policy,
				   .upgrade = BOOT_UPGRADE_OVERWRITE,
				   .trailer_geo = agent_geo };
	if (flash_map_init(&map, &fl.mtd, areas, 2, FLASH_MAP_SLOTS_ANY,
			   &(struct flash_map_fault){ 0 }) != 0 ||
	    ota_init(&ota, &cfg) != 0)
		return 1;
	/* the agent: begin, CHUNK-byte writes, finish (validation included) */
	memset(&fl.stats, 0, sizeof(fl.stats));
	rc = ota_stage_begin(&ota, 0, &st);
	for (long off = 0; rc == 0 && off < len; off += chunk)
		rc = ota_stage_write(&st, img + off,
				     len - off < chunk ? (size_t)(len - off) : chunk);
	if (rc == 0)
		rc = ota_stage_finish(&st);
	if (rc != 0) {
		fprintf(stderr, "bench_upgrade: staging failed: %s\n", ota_strerror(rc));
		return 1;
	}
	agent_us = fl.stats.virtual_us;
	/* raw: the same bytes, erase then one program per sector, no checks */
	memset(mem, 0xff, geo.size);
	memset(&fl.stats, 0, sizeof(fl.stats));
	for (uint32_t off = 0; off < (uint32_t)len; off += SECTOR) {
		uint32_t n = (uint32_t)len - off < SECTOR ? (uint32_t)len - off : SECTOR;

		if (mtd_erase(&fl.mtd, slot + off, SECTOR) != 0 ||
		    mtd_program(&fl.mtd, slot + off, img + off, (n + UNIT - 1) / UNIT * UNIT))
			return 1;
	}
	raw_us = fl.stats.virtual_us;
	printf("%llu %llu %ld\n", (unsigned long long)agent_us,
	       (unsigned long long)raw_us, len);
	return 0;
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
	uint32_t n, t, pslots, sslots, total;
	long olen, nlen;
	uint8_t *old, *new, *mem;

	if (argc == 4 && strcmp(argv[1], "stage") == 0)
		return bench_stage(argv[2], (uint32_t)atoi(argv[3]));
	if (argc != 5) {
		fprintf(stderr, "usage: bench_upgrade STRATEGY SECTORS OLD.img NEW.img\n");
		return 2;
	}
	s = NULL;
	for (int k = 0; k < BOOT_UPGRADE_KINDS && s == NULL; k++)
		if (boot_engine_strategy(k) != NULL &&
		    strcmp(boot_engine_strategy(k)->desc->name, argv[1]) == 0)
			s = boot_engine_strategy(k);
	n = (uint32_t)atoi(argv[2]);
	if (s == NULL || n == 0)
		return 2;
	old = load(argv[3], &olen);
	new = load(argv[4], &nlen);
	/*
	 * Slots of the image's sectors and the trailer's, the primary's spare
	 * (swap-move) and the secondary's stage sectors (swap-offset).
	 */
	g = (struct boot_trailer_geo){ 0, 8, UNIT, n, 3, 0xff };
	t = (boot_trailer_size(&g) + SECTOR - 1) / SECTOR;
	pslots = n + t + s->desc->spare_sectors;
	sslots = n + t + s->desc->stage_sector;
	total = pslots + sslots + 1;
	region = (struct mtd_region){ SECTOR, total };
	geo = (struct mtd_geometry){ &region, 1, UNIT, 0xff, total * SECTOR };
	mem = malloc(geo.size);
	memset(mem, 0xff, geo.size);
	if (sim_flash_init_ram(&fl, &geo, mem) != 0)
		return 1;
	areas[0] = (struct flash_area_desc){ "primary", FLASH_AREA_PRIMARY, 0, 0, pslots * SECTOR };
	areas[1] = (struct flash_area_desc){ "secondary", FLASH_AREA_SECONDARY, 0,
					     pslots * SECTOR, sslots * SECTOR };
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
	img.geo_secondary.slot_size = sslots * SECTOR;
	if (flash_area_program(&pri, 0, old, ((uint32_t)olen + UNIT - 1) / UNIT * UNIT) != 0 ||
	    flash_area_program(&sec, boot_stage_offset(&sec, s->desc), new,
			       ((uint32_t)nlen + UNIT - 1) / UNIT * UNIT) != 0 ||
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
	printf("%llu %llu %llu", (unsigned long long)fl.stats.erases,
	       (unsigned long long)fl.stats.programs,
	       (unsigned long long)fl.stats.bytes_programmed);
	if (s->desc->can_revert) {
		memset(&fl.stats, 0, sizeof(fl.stats));
		if (boot_engine_run(&e) != 0 || img.status != IMAGE_OK ||
		    img.swap != BOOT_SWAP_REVERT) {
			fprintf(stderr, "\nbench_upgrade: %s: the revert did not happen\n",
				argv[1]);
			return 1;
		}
		printf(" %llu %llu %llu", (unsigned long long)fl.stats.erases,
		       (unsigned long long)fl.stats.programs,
		       (unsigned long long)fl.stats.bytes_programmed);
	}
	printf("\n");
	return 0;
}
