/* tests/libs/bootstate/test_bootstate.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libs/bootstate: trailer offsets and encodings against imgtool's padded
 * vectors, the swap-type table (format doc section 5) including the
 * max-align mismatch, and the writes an update agent makes.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/bootstate/bootstate.h"
#include "tests/libs/bootstate/padded_vectors.h"

#include <errno.h>
#include <string.h>

struct slot {
	struct sim_flash fl;
	struct mtd_region region;
	struct mtd_geometry geo;
	uint8_t *mem;
};

static void slot_init(struct slot *s, uint32_t size, uint16_t unit)
{
	s->mem = malloc(size);
	assert_non_null(s->mem);
	memset(s->mem, 0xff, size);
	s->region = (struct mtd_region){ 0x1000, size / 0x1000 };
	s->geo = (struct mtd_geometry){ &s->region, 1, unit, 0xff, size };
	assert_int_equal(sim_flash_init_ram(&s->fl, &s->geo, s->mem), 0);
}

static void slot_load(struct slot *s, const char *vector, uint32_t size)
{
	char rel[128];
	size_t len;
	uint8_t *img;

	snprintf(rel, sizeof(rel), "vectors/imgtool/%s/image.bin", vector);
	img = test_read_shared(rel, &len);
	slot_init(s, size, 8);
	assert_true(len <= size);
	memcpy(s->mem, img, len);
	free(img);
}

static struct boot_trailer_geo geo(uint32_t size, uint32_t max_align)
{
	return (struct boot_trailer_geo){ size, max_align, 8, 128, 3, 0xff };
}

static void test_offsets(void **state)
{
	struct boot_trailer_geo g8 = geo(0x20000, 8), g16 = geo(0x20000, 16),
				g32 = geo(0x20000, 32);

	(void)state;
	/* format doc 4.1 and 4.5 */
	assert_int_equal(0x20000 - boot_trailer_image_ok_off(&g8), 24);
	assert_int_equal(0x20000 - boot_trailer_image_ok_off(&g16), 32);
	assert_int_equal(0x20000 - boot_trailer_image_ok_off(&g32), 64);
	assert_int_equal(0x20000 - boot_trailer_copy_done_off(&g32), 96);
	assert_int_equal(0x20000 - boot_trailer_swap_info_off(&g32), 128);
	assert_int_equal(0x20000 - boot_trailer_swap_size_off(&g32), 160);
	assert_int_equal(0x20000 - boot_trailer_swap_size_off(&g8), 48);
	assert_int_equal(boot_trailer_size(&g8), 3120);  /* align 8 / A 8: 0xc30 */
	g32.write_size = 8;
	assert_int_equal(boot_trailer_size(&g32), 3232); /* align 8 / A 32 */
	g32.write_size = 32;
	assert_int_equal(boot_trailer_size(&g32), 12448);
	assert_int_equal(boot_trailer_geo_check(&g8), 0);
	g8.max_align = 12;
	assert_int_equal(boot_trailer_geo_check(&g8), -EINVAL);
	g8 = geo(0x800, 8); /* 3120 bytes of trailer do not fit in 2 KiB */
	assert_int_equal(boot_trailer_geo_check(&g8), -EINVAL);
}

/* The padded vectors as secondary slots: upstream's swap types. */
static void check_padded(const char *vector, uint32_t slot, uint32_t max_align,
			 enum boot_swap_type want)
{
	struct boot_trailer empty = { BOOT_MAGIC_UNSET, BOOT_FLAG_UNSET,
				      BOOT_FLAG_UNSET, BOOT_SWAP_NONE, 0, 0 };
	struct boot_trailer_geo g = geo(slot, max_align);
	struct boot_trailer t;
	struct slot s;

	slot_load(&s, vector, slot);
	assert_int_equal(boot_trailer_read(&s.fl.mtd, &g, &t), 0);
	if (boot_swap_type_of(&empty, &t) != want)
		fail_msg("%s with max-align %u: swap type %d, want %d", vector,
			 max_align, boot_swap_type_of(&empty, &t), want);
	/* imgtool writes neither swap_info nor copy_done */
	assert_int_equal(t.swap_type, BOOT_SWAP_NONE);
	assert_int_equal(t.copy_done, BOOT_FLAG_UNSET);
	free(s.mem);
}

static void test_padded_vectors(void **state)
{
	(void)state;
	for (size_t i = 0; i < PADDED_VECTOR_CASES; i++)
		check_padded(padded_vector_cases[i].vector, padded_vector_cases[i].slot,
			     padded_vector_cases[i].max_align,
			     padded_vector_cases[i].want);
	/* not padded: no trailer */
	check_padded("ecdsa-p256", 0x20000, 8, BOOT_SWAP_NONE);
}

/* Our request writes give the bytes imgtool --pad / --pad --confirm give. */
static void test_request_matches_imgtool(void **state)
{
	static const struct {
		const char *vector;
		uint32_t slot, max_align;
		int permanent;
	} cases[] = {
		{ "ecdsa-p256-pad-test", 0x8000, 8, 0 },
		{ "ecdsa-p256-pad-confirm-a8", 0x20000, 8, 1 },
		{ "ecdsa-p256-pad-confirm-ma32", 0x20000, 32, 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct boot_trailer_geo g = geo(cases[i].slot, cases[i].max_align);
		uint32_t from = cases[i].slot - boot_trailer_size(&g);
		struct slot v, ours;

		slot_load(&v, cases[i].vector, cases[i].slot);
		slot_init(&ours, cases[i].slot, 8);
		assert_int_equal(boot_trailer_write_magic(&ours.fl.mtd, &g), 0);
		if (cases[i].permanent)
			assert_int_equal(boot_trailer_write_image_ok(&ours.fl.mtd, &g), 0);
		/* imgtool writes no swap_info; everything else must match */
		assert_memory_equal(ours.mem + from, v.mem + from,
				    cases[i].slot - from);
		free(v.mem);
		free(ours.mem);
	}
}

static void test_swap_type_table(void **state)
{
	struct boot_trailer p = { BOOT_MAGIC_UNSET, BOOT_FLAG_UNSET, BOOT_FLAG_UNSET,
				  BOOT_SWAP_NONE, 0, 0xffffffff };
	struct boot_trailer s = p;

	(void)state;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_NONE);
	s.magic = BOOT_MAGIC_GOOD;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_TEST);
	s.copy_done = BOOT_FLAG_SET; /* row 1 ignores copy_done */
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_TEST);
	s.image_ok = BOOT_FLAG_SET;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_PERM);
	s.image_ok = BOOT_FLAG_BAD; /* neither row 1 nor 2 */
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_NONE);
	s.magic = BOOT_MAGIC_BAD;
	s.image_ok = BOOT_FLAG_UNSET;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_NONE);
	/* row 3: the primary ran a test upgrade and was not confirmed */
	p.magic = BOOT_MAGIC_GOOD;
	p.copy_done = BOOT_FLAG_SET;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_REVERT);
	p.image_ok = BOOT_FLAG_SET;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_NONE);
	p.image_ok = BOOT_FLAG_UNSET;
	p.copy_done = BOOT_FLAG_UNSET;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_NONE);
	/* the secondary's request wins over a revert */
	p.copy_done = BOOT_FLAG_SET;
	s.magic = BOOT_MAGIC_GOOD;
	assert_int_equal(boot_swap_type_of(&p, &s), BOOT_SWAP_TEST);
}

static void test_agent_writes(void **state)
{
	struct boot_trailer_geo g = geo(0x20000, 16);
	struct boot_trailer t, none = { 0 };
	struct slot s;

	(void)state;
	none.magic = BOOT_MAGIC_UNSET;
	slot_init(&s, 0x20000, 8);
	assert_int_equal(boot_request_upgrade(&s.fl.mtd, &g, 1, 0), 0);
	assert_int_equal(boot_trailer_read(&s.fl.mtd, &g, &t), 0);
	assert_int_equal(t.magic, BOOT_MAGIC_GOOD);
	assert_int_equal(t.swap_type, BOOT_SWAP_TEST);
	assert_int_equal(t.image, 1);
	assert_int_equal(boot_swap_type_of(&none, &t), BOOT_SWAP_TEST);
	/* each field is one program of whole units, value then erased filler */
	assert_int_equal(s.fl.stats.programs, 2);
	assert_int_equal(s.mem[boot_trailer_swap_info_off(&g)], 0x12);
	assert_int_equal(s.mem[boot_trailer_swap_info_off(&g) + 1], 0xff);
	free(s.mem);

	slot_init(&s, 0x20000, 8);
	assert_int_equal(boot_request_upgrade(&s.fl.mtd, &g, 0, 1), 0);
	assert_int_equal(boot_trailer_read(&s.fl.mtd, &g, &t), 0);
	assert_int_equal(boot_swap_type_of(&none, &t), BOOT_SWAP_PERM);
	assert_int_equal(t.swap_type, BOOT_SWAP_PERM);
	assert_int_equal(s.fl.stats.programs, 3);
	/* swap_size round trip, and invalid swap_info refused */
	assert_int_equal(boot_trailer_write_swap_size(&s.fl.mtd, &g, 0x12345), 0);
	assert_int_equal(boot_trailer_read(&s.fl.mtd, &g, &t), 0);
	assert_int_equal(t.swap_size, 0x12345);
	assert_int_equal(boot_trailer_write_swap_info(&s.fl.mtd, &g, 16, 2), -EINVAL);
	assert_int_equal(boot_trailer_write_swap_info(&s.fl.mtd, &g, 0, 7), -EINVAL);
	free(s.mem);
}

static void test_confirm_rules(void **state)
{
	struct boot_trailer_geo g = geo(0x20000, 8);
	struct boot_trailer t;
	struct slot s;

	(void)state;
	slot_init(&s, 0x20000, 8);
	/* no trailer: nothing to confirm, nothing written */
	assert_int_equal(boot_confirm(&s.fl.mtd, &g), 0);
	assert_int_equal(s.fl.stats.programs, 0);
	/* magic but the swap never completed: refused */
	assert_int_equal(boot_trailer_write_magic(&s.fl.mtd, &g), 0);
	assert_int_equal(boot_confirm(&s.fl.mtd, &g), -EBADMSG);
	/* after a completed test swap: image_ok written once */
	assert_int_equal(boot_trailer_write_copy_done(&s.fl.mtd, &g), 0);
	assert_int_equal(boot_confirm(&s.fl.mtd, &g), 0);
	assert_int_equal(boot_trailer_read(&s.fl.mtd, &g, &t), 0);
	assert_int_equal(t.image_ok, BOOT_FLAG_SET);
	assert_int_equal(s.fl.stats.programs, 3);
	assert_int_equal(boot_confirm(&s.fl.mtd, &g), 0);
	assert_int_equal(s.fl.stats.programs, 3);
	/* a corrupt magic is refused */
	s.mem[0x20000 - 1] ^= 0x40;
	assert_int_equal(boot_confirm(&s.fl.mtd, &g), -EBADMSG);
	free(s.mem);
}

/* Torn or partial writes read as BAD or UNSET, never as a wrong GOOD state. */
static void test_torn_fields(void **state)
{
	struct boot_trailer_geo g = geo(0x20000, 8);
	struct boot_trailer t;
	struct slot s;
	int seen_bad = 0;

	(void)state;
	for (uint64_t seed = 1; seed < 64; seed++) {
		slot_init(&s, 0x20000, 8);
		sim_flash_arm_cut(&s.fl, 0, SIM_CUT_TORN, seed);
		boot_trailer_write_magic(&s.fl.mtd, &g);
		sim_flash_power_on(&s.fl);
		assert_int_equal(boot_trailer_read(&s.fl.mtd, &g, &t), 0);
		assert_true(t.magic == BOOT_MAGIC_UNSET || t.magic == BOOT_MAGIC_BAD ||
			    t.magic == BOOT_MAGIC_GOOD);
		seen_bad += t.magic == BOOT_MAGIC_BAD;
		/* a BAD secondary magic never asks for an upgrade */
		if (t.magic != BOOT_MAGIC_GOOD) {
			struct boot_trailer p = t;

			assert_int_equal(boot_swap_type_of(&p, &t), BOOT_SWAP_NONE);
		}
		free(s.mem);
	}
	assert_true(seen_bad > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_padded_vectors),
		cmocka_unit_test(test_request_matches_imgtool),
		cmocka_unit_test(test_swap_type_table),
		cmocka_unit_test(test_agent_writes),
		cmocka_unit_test(test_confirm_rules),
		cmocka_unit_test(test_torn_fields),
	};

	return cmocka_run_group_tests_name("libs/bootstate", tests, NULL, NULL);
}
