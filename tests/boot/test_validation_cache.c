/* tests/boot/test_validation_cache.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Validate once per boot (boot/engine/validation_cache.c): a boot with
 * nothing to do validates the primary once; any program or erase that
 * touches a cached slot drops its result, also inside a boot that upgrades;
 * a write elsewhere keeps it; refusals (a failed read among them), slots
 * off the cache's device and entries that do not check are validated again.
 */
#include "tests/test.h"

#include "boot/engine/engine.h"
#include "boot/engine/validation_cache.h"
#include "drivers/mtd/sim_flash.h"
#include "tests/boot/test_images.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 0x1000u
#define NSECT 16u
#define PRI ((NSECT + 1) * SECTOR) /* swap-move: one spare sector */
#define SEC (NSECT * SECTOR)
#define BODY (6 * SECTOR)

static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };

struct dev {
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct validation_cache cache;
	struct flash_area_desc areas[2];
	struct flash_map map;
	struct flash_area pri, sec;
	struct boot_image img;
	struct boot_engine e;
	uint8_t mem[PRI + SEC];
};

static struct boot_trailer_geo geo_of(const struct flash_area *fa)
{
	return (struct boot_trailer_geo){ fa->win.mtd.geo->size, 8, 8, NSECT, 3, 0xff };
}

static uint32_t image_of(uint8_t *out, uint8_t major)
{
	struct test_image t = { 0, major, 0, 0, 0, BODY };

	return test_image_build(out, &t);
}

/* A device with v1 in the primary; the map on the cache when `cached`. */
static struct dev *dev_new(int cached)
{
	struct dev *d = calloc(1, sizeof(*d));
	struct mtd_dev *flash;

	assert_non_null(d);
	memset(d->mem, 0xff, sizeof(d->mem));
	image_of(d->mem, 1);
	d->region = (struct mtd_region){ SECTOR, (PRI + SEC) / SECTOR };
	d->geo = (struct mtd_geometry){ &d->region, 1, 8, 0xff, PRI + SEC };
	assert_int_equal(sim_flash_init_ram(&d->fl, &d->geo, d->mem), 0);
	flash = cached ? validation_cache_init(&d->cache, &d->fl.mtd) : &d->fl.mtd;
	d->areas[0] = (struct flash_area_desc){ "p0", FLASH_AREA_PRIMARY, 0, 0, PRI };
	d->areas[1] = (struct flash_area_desc){ "s0", FLASH_AREA_SECONDARY, 0, PRI, SEC };
	assert_int_equal(flash_map_init(&d->map, flash, d->areas, 2, FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(flash_area_open(&d->map, FLASH_AREA_PRIMARY, 0, &d->pri), 0);
	assert_int_equal(flash_area_open(&d->map, FLASH_AREA_SECONDARY, 0, &d->sec), 0);
	d->img = (struct boot_image){ .primary = &d->pri, .secondary = &d->sec,
				      .geo_primary = geo_of(&d->pri),
				      .geo_secondary = geo_of(&d->sec) };
	d->e = (struct boot_engine){ .images = &d->img, .nimages = 1, .policy = &policy,
				     .strategy = &boot_strategy_swap_move,
				     .vcache = cached ? &d->cache : NULL };
	return d;
}

/* One boot of the engine, its log silenced; the bytes it read. A
 * boot starts with empty RAM: nothing remembered. */
static uint64_t boot(struct dev *d)
{
	uint64_t bytes = d->fl.stats.bytes_read;
	int saved = dup(1), null = open("/dev/null", O_WRONLY);

	if (d->e.vcache != NULL)
		validation_cache_init(&d->cache, &d->fl.mtd);

	fflush(stdout);
	dup2(null, 1);
	assert_int_equal(boot_engine_run(&d->e), 0);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(null);
	return d->fl.stats.bytes_read - bytes;
}

static void test_one_validation_per_boot(void **state)
{
	struct dev *plain = dev_new(0), *cached = dev_new(1);
	uint64_t twice, once;

	(void)state;
	twice = boot(plain);
	once = boot(cached);
	assert_int_equal(plain->img.status, IMAGE_OK);
	assert_int_equal(cached->img.status, IMAGE_OK);
	assert_int_equal(cached->img.facts.hdr.version.major, 1);
	assert_memory_equal(&plain->img.facts, &cached->img.facts,
			    sizeof(plain->img.facts));
	/* The planner's validation is reused by the engine's verdict. */
	assert_int_equal(cached->cache.hits, 1);
	/* The image's bytes read once fewer. */
	assert_true(twice - once >= BODY);
	free(plain);
	free(cached);
}

static void test_write_to_the_slot_forgets(void **state)
{
	struct dev *d = dev_new(1);
	struct image_facts f;
	uint8_t zero[8] = { 0 };

	(void)state;
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(d->cache.hits, 1);
	/* A write elsewhere (the secondary) keeps the primary's result. */
	assert_int_equal(flash_area_erase_sectors(&d->sec, 0, SECTOR), 0);
	assert_int_equal(flash_area_program(&d->sec, 0, zero, sizeof(zero)), 0);
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(d->cache.hits, 2);
	/* A program inside the primary's body: validated again, and refused. */
	assert_int_equal(flash_area_program(&d->pri, 0x1000, zero, sizeof(zero)), 0);
	assert_int_not_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			     IMAGE_OK);
	assert_int_equal(d->cache.hits, 2);
	/* A refusal is not kept: asked again, validated again. */
	assert_int_not_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			     IMAGE_OK);
	assert_int_equal(d->cache.hits, 2);
	free(d);
}

/* A read that fails once is not remembered as a refusal. */
static void test_failed_read_is_not_kept(void **state)
{
	struct dev *d = dev_new(1);
	struct image_facts f;

	(void)state;
	d->fl.fail_read = d->fl.stats.reads + 3;
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_ERR_IO);
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(d->cache.hits, 1);
	/* An erase of the slot's last sector forgets the pass. */
	assert_int_equal(flash_area_erase_sectors(&d->pri, PRI - SECTOR, SECTOR), 0);
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(d->cache.hits, 1);
	free(d);
}

/* A write through another path onto the same flash is not seen: such a
 * slot is not cached at all (its window is not on the cache's device). */
static void test_slot_off_the_cache_is_not_cached(void **state)
{
	struct dev *d = dev_new(1);
	struct flash_area direct = d->pri;
	struct image_facts f;

	(void)state;
	assert_int_equal(mtd_window_init(&direct.win, &d->fl.mtd, 0, PRI), 0);
	assert_int_equal(validation_cache_validate(&d->cache, &direct, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(validation_cache_validate(&d->cache, &direct, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(d->cache.hits, 0);
	assert_int_equal(validation_cache_validate(NULL, &d->pri, &policy, &f), IMAGE_OK);
	free(d);
}

/* An entry whose status does not match its check word is a miss. */
static void test_damaged_entry_is_a_miss(void **state)
{
	struct dev *d = dev_new(1);
	struct image_facts f;

	(void)state;
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	d->cache.entries[0].status = IMAGE_OK + 1;
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri, &policy, &f),
			 IMAGE_OK);
	assert_int_equal(d->cache.hits, 0);
	/* Another policy is another question. */
	assert_int_equal(validation_cache_validate(&d->cache, &d->pri,
						   &(struct image_policy){ .hash = CRYPTO_HASH_SHA256 },
						   &f), IMAGE_OK);
	assert_int_equal(d->cache.hits, 0);
	free(d);
}

/* The planner validates v1; the test upgrade writes the primary, so the
 * verdict is v2's own validation, not v1's remembered one. */
static void test_upgrade_in_the_boot_validates_the_new_image(void **state)
{
	struct dev *d = dev_new(1);
	uint8_t *v2 = malloc(BODY + 128);
	uint32_t len;

	(void)state;
	assert_non_null(v2);
	len = image_of(v2, 2);
	assert_int_equal(flash_area_erase_sectors(&d->sec, 0, SEC), 0);
	assert_int_equal(flash_area_program(&d->sec, 0, v2, (len + 7) & ~7u), 0);
	assert_int_equal(boot_request_upgrade(&d->sec.win.mtd, &d->img.geo_secondary,
					      0, 0), 0);
	boot(d);
	assert_int_equal(d->img.swap, BOOT_SWAP_TEST);
	assert_int_equal(d->img.status, IMAGE_OK);
	assert_int_equal(d->img.facts.hdr.version.major, 2);
	assert_int_equal(d->cache.hits, 0);
	/* Next boot, unconfirmed: the revert, and v1 validated again. */
	boot(d);
	assert_int_equal(d->img.swap, BOOT_SWAP_REVERT);
	assert_int_equal(d->img.status, IMAGE_OK);
	assert_int_equal(d->img.facts.hdr.version.major, 1);
	free(v2);
	free(d);
}

/* CONFIG_BOOT_VALIDATE_PRIMARY_ONCE: a confirmed primary is only inspected,
 * by the planner as by the verdict; an unconfirmed one is validated once. */
static void test_validate_once_hashes_nothing_confirmed(void **state)
{
	struct dev *d = dev_new(1);
	uint8_t *v2 = malloc(BODY + 128);
	uint64_t reads;
	uint32_t len;

	(void)state;
	assert_non_null(v2);
	d->e.validate_primary_once = 1;
	reads = boot(d); /* the factory image: no trailer, not confirmed */
	assert_int_equal(d->img.status, IMAGE_OK);
	assert_false(d->img.inspected_only);
	assert_int_equal(d->cache.hits, 1);
	assert_true(reads >= BODY);
	/* v2 by a test upgrade, then confirmed by its OS. */
	len = image_of(v2, 2);
	assert_int_equal(flash_area_erase_sectors(&d->sec, 0, SEC), 0);
	assert_int_equal(flash_area_program(&d->sec, 0, v2, (len + 7) & ~7u), 0);
	assert_int_equal(boot_request_upgrade(&d->sec.win.mtd, &d->img.geo_secondary,
					      0, 0), 0);
	boot(d);
	assert_int_equal(d->img.swap, BOOT_SWAP_TEST);
	assert_false(d->img.inspected_only);
	assert_int_equal(boot_confirm(&d->pri.win.mtd, &d->img.geo_primary), 0);
	/* The same boot without the option validates once; with it, never. */
	d->e.validate_primary_once = 0;
	assert_true(boot(d) >= BODY);
	assert_int_equal(d->cache.hits, 1);
	d->e.validate_primary_once = 1;
	reads = boot(d); /* headers, TLVs and trailers only */
	assert_int_equal(d->img.swap, BOOT_SWAP_NONE);
	assert_int_equal(d->img.status, IMAGE_OK);
	assert_true(d->img.inspected_only);
	assert_int_equal(d->img.facts.hdr.version.major, 2);
	assert_int_equal(d->cache.hits, 0);
	assert_true(reads < BODY / 8);
	free(v2);
	free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_validation_per_boot),
		cmocka_unit_test(test_write_to_the_slot_forgets),
		cmocka_unit_test(test_failed_read_is_not_kept),
		cmocka_unit_test(test_slot_off_the_cache_is_not_cached),
		cmocka_unit_test(test_damaged_entry_is_a_miss),
		cmocka_unit_test(test_upgrade_in_the_boot_validates_the_new_image),
		cmocka_unit_test(test_validate_once_hashes_nothing_confirmed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
