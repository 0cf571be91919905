/* tests/boot/test_engine_vectors.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * imgtool's padded vectors placed in a secondary slot, through the boot
 * engine itself: the engine does what upstream does with them (a test or
 * permanent upgrade, or nothing when the trailer was written for another
 * max-align), under each strategy, and installs the vector's own bytes.
 */
#include "tests/test.h"

#include "boot/engine/engine.h"
#include "drivers/mtd/sim_flash.h"
#include "tests/libs/bootstate/padded_vectors.h"

#include <string.h>

#define SECTOR 0x1000u

struct rig {
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct flash_area_desc areas[3];
	struct flash_map map;
	struct flash_area pri, sec, scratch;
	struct boot_image img;
	uint8_t *mem;
};

static void rig_init(struct rig *r, const struct boot_strategy *s, uint32_t slot,
		     uint32_t max_align)
{
	uint32_t pri = slot + s->desc->spare_sectors * SECTOR;
	uint32_t total = pri + slot + SECTOR;

	r->region = (struct mtd_region){ SECTOR, total / SECTOR };
	r->geo = (struct mtd_geometry){ &r->region, 1, 8, 0xff, total };
	r->mem = malloc(total);
	assert_non_null(r->mem);
	memset(r->mem, 0xff, total);
	assert_int_equal(sim_flash_init_ram(&r->fl, &r->geo, r->mem), 0);
	r->areas[0] = (struct flash_area_desc){ "p", FLASH_AREA_PRIMARY, 0, 0, pri };
	r->areas[1] = (struct flash_area_desc){ "s", FLASH_AREA_SECONDARY, 0, pri, slot };
	r->areas[2] = (struct flash_area_desc){ "x", FLASH_AREA_SCRATCH, 0, pri + slot, SECTOR };
	assert_int_equal(flash_map_init(&r->map, &r->fl.mtd, r->areas, 3,
					FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(flash_area_open(&r->map, FLASH_AREA_PRIMARY, 0, &r->pri), 0);
	assert_int_equal(flash_area_open(&r->map, FLASH_AREA_SECONDARY, 0, &r->sec), 0);
	assert_int_equal(flash_area_open(&r->map, FLASH_AREA_SCRATCH, 0, &r->scratch), 0);
	r->img = (struct boot_image){ .primary = &r->pri, .secondary = &r->sec };
	/* imgtool's default --max-sectors is 128 */
	r->img.geo_primary = (struct boot_trailer_geo){ pri, max_align, 8, 128, 3, 0xff };
	r->img.geo_secondary = r->img.geo_primary;
	r->img.geo_secondary.slot_size = slot;
}

static void test_padded_vectors_through_the_engine(void **state)
{
	const struct padded_vector_case *cases = padded_vector_cases;
	static const struct boot_strategy *const strategies[] = {
		&boot_strategy_overwrite_only, &boot_strategy_swap_scratch,
		&boot_strategy_swap_move,
	};
	static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };

	(void)state;
	for (size_t s = 0; s < 3; s++) {
		for (size_t i = 0; i < PADDED_VECTOR_CASES; i++) {
			char rel[128];
			size_t len;
			uint8_t *vec;
			struct rig r;
			struct boot_engine e;
			struct image_facts f;

			snprintf(rel, sizeof(rel), "vectors/imgtool/%s/image.bin",
				 cases[i].vector);
			vec = test_read_shared(rel, &len);
			rig_init(&r, strategies[s], cases[i].slot, cases[i].max_align);
			assert_true(len == cases[i].slot);
			memcpy(r.mem + r.areas[1].offset, vec, len);
			e = (struct boot_engine){ .images = &r.img, .nimages = 1,
						  .scratch = &r.scratch, .policy = &policy,
						  .strategy = strategies[s] };
			assert_int_equal(boot_engine_run(&e), 0);
			if (r.img.swap != cases[i].want)
				fail_msg("%s, %s, max-align %u: swap type %d, want %d",
					 strategies[s]->desc->name, cases[i].vector,
					 cases[i].max_align, r.img.swap, cases[i].want);
			if (cases[i].want != BOOT_SWAP_NONE) {
				/* the vector's image now runs, byte for byte */
				assert_int_equal(image_validate(&r.pri.win.mtd, &policy, &f),
						 IMAGE_OK);
				assert_memory_equal(r.mem, vec, f.size);
			} else {
				assert_int_equal(r.img.status, IMAGE_ERR_EMPTY);
				assert_memory_equal(r.mem + r.areas[1].offset, vec, len);
			}
			free(vec);
			free(r.mem);
		}
	}
}

/*
 * The strategy table is the one place a strategy is named: every row finds
 * its work (linked here, all of them) and the work its row, and each row's
 * name is its file's (boot/Make.defs derives the file from the name).
 */
static void test_every_row_finds_its_work(void **state)
{
	(void)state;
	for (unsigned int k = 0; k < BOOT_UPGRADE_KINDS; k++) {
		const struct boot_strategy_desc *p = boot_strategy_desc(k);

		assert_non_null(p->ops);
		assert_ptr_equal(boot_engine_strategy(k), p->ops);
		assert_ptr_equal(p->ops->desc, p);
		assert_int_equal(p->kind, k);
		assert_ptr_equal(boot_strategy_by_name(p->name), p);
		assert_non_null(p->ops->resume);
		assert_non_null(p->ops->upgrade);
	}
	assert_null(boot_engine_strategy(BOOT_UPGRADE_KINDS));
	assert_null(boot_strategy_by_name("swap-sideways"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_row_finds_its_work),
		cmocka_unit_test(test_padded_vectors_through_the_engine),
	};

	return cmocka_run_group_tests_name("boot engine and imgtool's padded vectors",
					   tests, NULL, NULL);
}
