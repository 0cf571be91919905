/* tests/libs/espsecure/test_fe_inplace.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Power-fail proof of the first boot's in-place flash encryption: power is
 * cut in every flash operation (skip, done, torn), once and - sampled -
 * twice; the repeated call finishes, and then every sector of the ranges
 * holds exactly the XTS ciphertext of its original plaintext (nothing
 * lost, nothing encrypted twice) with erased granules left erased,
 * everything else is untouched, and the
 * encryption layer reads the plaintext back. Layout refusals too.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/espsecure/fe_inplace.h"

#include <errno.h>
#include <string.h>

#define FLASH_SIZE 0x10000
#define SCRATCH 0xe000
#define JOURNAL 0xf000

static const struct mtd_region regions[] = { { 4096, FLASH_SIZE / 4096 } };
static struct mtd_geometry geo = { regions, 1, 8, 0xff, FLASH_SIZE };
static const struct mtd_xts_range ranges[] = { { 0x0, 0x3000 }, { 0x8000, 0xa000 } };
static uint8_t mem[FLASH_SIZE], orig[FLASH_SIZE], expect[FLASH_SIZE];
static struct sim_flash fl;
static struct crypto_esp_xts xts;
static struct fe_inplace job = { &fl.mtd, &xts, 0x0, ranges, 2, SCRATCH, JOURNAL, 0 };

static int in_ranges(uint32_t off)
{
	return off < 0x3000 || (off >= 0x8000 && off < 0xa000);
}

static int setup(void **state)
{
	uint8_t key[32];

	(void)state;
	for (unsigned int i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(i * 11 + 5);
	assert_int_equal(crypto_esp_xts_init(&xts, key, sizeof(key)), 0);
	for (uint32_t i = 0; i < FLASH_SIZE; i++)
		orig[i] = (uint8_t)((i * 2654435761u) >> 13);
	memset(orig + SCRATCH, 0xff, 0x2000); /* scratch and journal erased */
	memset(orig + 0x1000, 0xff, 0x110);   /* erased granules in a range */
	memset(orig + 0x9fc0, 0xff, 0x40);    /* a slot's unwritten end */
	memcpy(expect, orig, sizeof(expect));
	assert_int_equal(crypto_esp_xts_crypt(&xts, 1, 0, orig, expect, 0x3000), 0);
	assert_int_equal(crypto_esp_xts_crypt(&xts, 1, 0x8000, orig + 0x8000,
					      expect + 0x8000, 0x2000), 0);
	/* Erased granules stay erased. */
	for (uint32_t g = 0; g < FLASH_SIZE; g += 16) {
		int blank = 1;

		for (int i = 0; i < 16; i++)
			blank &= orig[g + i] == 0xff;
		if (blank)
			memset(expect + g, 0xff, 16);
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	crypto_esp_xts_free(&xts);
	return 0;
}

static void fresh(void)
{
	memcpy(mem, orig, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
}

static void check_done(void)
{
	unsigned int done, total;
	struct mtd_xts x;
	uint8_t back[256];

	for (uint32_t off = 0; off < FLASH_SIZE; off += 4096) {
		if (in_ranges(off))
			assert_memory_equal(mem + off, expect + off, 4096);
		else if (off < SCRATCH)
			assert_memory_equal(mem + off, orig + off, 4096);
	}
	assert_int_equal(fe_inplace_progress(&job, &done, &total), 0);
	assert_int_equal(done, 5);
	assert_int_equal(total, 5);
	assert_int_equal(mtd_xts_init(&x, &fl.mtd, &xts, 0, ranges, 2), 0);
	assert_int_equal(mtd_read(&x.mtd, 0x8f80, back, sizeof(back)), 0);
	assert_memory_equal(back, orig + 0x8f80, sizeof(back));
	assert_int_equal(mtd_read(&x.mtd, 0x9f00, back, sizeof(back)), 0);
	assert_memory_equal(back, orig + 0x9f00, sizeof(back));
	assert_int_equal(mtd_read(&x.mtd, 0x1000, back, sizeof(back)), 0);
	assert_memory_equal(back, orig + 0x1000, sizeof(back));
}

static void test_uncut(void **state)
{
	(void)state;
	fresh();
	assert_int_equal(fe_encrypt_in_place(&job), 0);
	check_done();
	/* Done is done: a second run changes nothing. */
	assert_int_equal(fe_encrypt_in_place(&job), 0);
	check_done();
}

static void test_every_cut(void **state)
{
	static const enum sim_cut_mode modes[] = { SIM_CUT_SKIP, SIM_CUT_DONE,
						   SIM_CUT_TORN };
	unsigned int cuts = 0, twice = 0;

	(void)state;
	for (unsigned int m = 0; m < 3; m++) {
		for (uint64_t op = 0;; op++) {
			int rc;

			fresh();
			sim_flash_arm_cut(&fl, op, modes[m], op * 31 + m);
			rc = fe_encrypt_in_place(&job);
			sim_flash_power_on(&fl);
			if (rc == 0)
				break; /* no operation left to cut */
			assert_int_equal(rc, -EIO);
			cuts++;
			if (op % 17 == 0) {
				/* A second cut while resuming. */
				sim_flash_arm_cut(&fl, op % 5, SIM_CUT_TORN, op);
				rc = fe_encrypt_in_place(&job);
				sim_flash_power_on(&fl);
				twice += rc != 0;
			}
			assert_int_equal(fe_encrypt_in_place(&job), 0);
			check_done();
		}
	}
	printf("fe_inplace: %u cut points, %u resumed runs cut again, 0 failures\n",
	       cuts, twice);
	assert_true(cuts > 3 * 5 * 4);
}

static void test_layout_refusals(void **state)
{
	static const struct mtd_xts_range odd[] = { { 0x100, 0x3000 } };
	static const struct mtd_xts_range over[] = { { 0xd000, 0xf000 } };
	struct fe_inplace bad = job;

	(void)state;
	fresh();
	bad.ranges = odd;
	bad.nranges = 1;
	assert_int_equal(fe_encrypt_in_place(&bad), -EINVAL);
	bad.ranges = over; /* covers the scratch sector */
	assert_int_equal(fe_encrypt_in_place(&bad), -EINVAL);
	bad = job;
	bad.journal_off = SCRATCH;
	assert_int_equal(fe_encrypt_in_place(&bad), -EINVAL);
	bad = job;
	bad.journal_off = 0xd000; /* two sectors: the second is the scratch */
	bad.journal_size = 0x2000;
	assert_int_equal(fe_encrypt_in_place(&bad), -EINVAL);
	bad = job;
	bad.scratch_off = SCRATCH + 8;
	assert_int_equal(fe_encrypt_in_place(&bad), -EINVAL);
	assert_memory_equal(mem, orig, sizeof(mem)); /* nothing touched */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_uncut),
		cmocka_unit_test(test_every_cut),
		cmocka_unit_test(test_layout_refusals),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
