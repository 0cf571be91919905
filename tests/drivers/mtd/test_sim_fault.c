/* tests/drivers/mtd/test_sim_fault.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Simulated flash power cuts: the documented states of a cut program and a
 * cut erase, dead flash after a cut, ECC write-once, the latency model, and
 * the replay helper visiting every cut point.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_replay.h"

#include <errno.h>
#include <string.h>

static const struct mtd_region regions[] = { { 256, 8 } };
static const struct mtd_geometry geo = { regions, 1, 8, 0xff, 2048 };
static uint8_t mem[2048], before[2048];
static struct sim_flash fl;

static int setup(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(mem); i++)
		mem[i] = (uint8_t)(0xf0 | (i & 0x0f)); /* programmed-ish */
	memset(mem, 0xff, 1024);                    /* first half erased */
	memcpy(before, mem, sizeof(mem));
	return sim_flash_init_ram(&fl, &geo, mem);
}

static void test_skip_and_done(void **state)
{
	uint8_t data[64], got[64];

	(void)state;
	memset(data, 0x11, sizeof(data));
	sim_flash_arm_cut(&fl, 0, SIM_CUT_SKIP, 1);
	assert_int_equal(mtd_program(&fl.mtd, 0, data, 64), -EIO);
	assert_memory_equal(mem, before, sizeof(mem));
	/* everything fails after the cut, reads included */
	assert_int_equal(mtd_read(&fl.mtd, 0, got, 8), -EIO);
	assert_int_equal(mtd_erase(&fl.mtd, 0, 256), -EIO);
	assert_int_equal(mtd_sync(&fl.mtd), -EIO);
	sim_flash_power_on(&fl);
	assert_int_equal(mtd_read(&fl.mtd, 0, got, 8), 0);

	/* the cut lands on the numbered operation, not before */
	sim_flash_arm_cut(&fl, 1, SIM_CUT_DONE, 1);
	assert_int_equal(mtd_program(&fl.mtd, 0, data, 8), 0);
	assert_int_equal(mtd_program(&fl.mtd, 8, data, 64), -EIO);
	sim_flash_power_on(&fl);
	assert_int_equal(mtd_read(&fl.mtd, 8, got, 64), 0);
	assert_memory_equal(got, data, 64);
}

/* Every bit of a torn program is the old bit or the new one. */
static void test_torn_program_states(void **state)
{
	uint8_t data[128];
	int prefix = 0, subset = 0;

	(void)state;
	for (size_t i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(0x0f ^ i);
	for (uint64_t seed = 1; seed <= 200; seed++) {
		uint8_t got[128];
		size_t n = 0;
		int is_prefix = 1;

		memset(mem, 0xff, sizeof(mem));
		sim_flash_power_on(&fl);
		sim_flash_arm_cut(&fl, 0, SIM_CUT_TORN, seed);
		assert_int_equal(mtd_program(&fl.mtd, 256, data, 128), -EIO);
		memcpy(got, mem + 256, 128);
		for (size_t i = 0; i < 128; i++) {
			/* erased 0xff: a bit may only have gone 1 -> 0 where data is 0 */
			assert_int_equal(got[i] & data[i], data[i]);
		}
		/* prefix form: whole bytes then untouched bytes */
		while (n < 128 && got[n] == data[n])
			n++;
		for (size_t i = n; i < 128; i++)
			if (got[i] != 0xff)
				is_prefix = 0;
		if (is_prefix)
			prefix++;
		else
			subset++;
		/* nothing outside the programmed range moved */
		for (size_t i = 0; i < sizeof(mem); i++)
			if (i < 256 || i >= 384)
				assert_int_equal(mem[i], 0xff);
	}
	/* both documented forms occur */
	assert_true(prefix > 10);
	assert_true(subset > 10);
}

static void test_torn_is_reproducible(void **state)
{
	uint8_t data[64], a[64];

	(void)state;
	memset(data, 0, sizeof(data));
	sim_flash_arm_cut(&fl, 0, SIM_CUT_TORN, 42);
	mtd_program(&fl.mtd, 0, data, 64);
	memcpy(a, mem, 64);
	memset(mem, 0xff, 64);
	sim_flash_power_on(&fl);
	sim_flash_arm_cut(&fl, 0, SIM_CUT_TORN, 42);
	mtd_program(&fl.mtd, 0, data, 64);
	assert_memory_equal(a, mem, 64);
}

/* Torn erase: [start, p) erased, rest of p's sector old or random, later sectors old. */
static void test_torn_erase_states(void **state)
{
	int saw_old = 0, saw_random = 0;

	(void)state;
	for (uint64_t seed = 1; seed <= 200; seed++) {
		uint32_t p = 1024;

		for (size_t i = 0; i < sizeof(mem); i++)
			mem[i] = (uint8_t)(i * 7 + 3) & 0x7f; /* no 0xff bytes */
		memcpy(before, mem, sizeof(mem));
		sim_flash_power_on(&fl);
		sim_flash_arm_cut(&fl, 0, SIM_CUT_TORN, seed);
		assert_int_equal(mtd_erase(&fl.mtd, 1024, 768), -EIO);
		while (p < 1024 + 768 && mem[p] == 0xff)
			p++;
		uint32_t sector_end = (p / 256 + 1) * 256;
		int old = memcmp(mem + p, before + p, sector_end - p) == 0;

		if (old)
			saw_old++;
		else
			saw_random++;
		/* later sectors of the range, and everything outside it, are old */
		if (sector_end < 1024 + 768)
			assert_memory_equal(mem + sector_end, before + sector_end,
					    1024 + 768 - sector_end);
		assert_memory_equal(mem, before, 1024);
		assert_memory_equal(mem + 1792, before + 1792, 256);
	}
	assert_true(saw_old > 10);
	assert_true(saw_random > 10);
}

static void test_write_once(void **state)
{
	uint8_t bitmap[2048 / 8 / 8];
	uint8_t ones[8], zeros[8];

	(void)state;
	memset(bitmap, 0, sizeof(bitmap));
	memset(ones, 0xff, 8);
	memset(zeros, 0, 8);
	sim_flash_set_write_once(&fl, bitmap);
	assert_int_equal(mtd_program(&fl.mtd, 0, ones, 8), 0);
	/* NOR would allow this (only clears bits); ECC flash does not */
	assert_int_equal(mtd_program(&fl.mtd, 0, zeros, 8), -EROFS);
	assert_int_equal(mtd_program(&fl.mtd, 8, zeros, 8), 0);
	assert_int_equal(mtd_erase(&fl.mtd, 0, 256), 0);
	assert_int_equal(mtd_program(&fl.mtd, 0, zeros, 8), 0);
}

static void test_timing_model(void **state)
{
	uint8_t buf[64] = { 0 };

	(void)state;
	fl.timing = (struct sim_flash_timing){ 1000, 10, 50 };
	assert_int_equal(mtd_erase(&fl.mtd, 0, 512), 0);
	assert_int_equal(fl.stats.virtual_us, 2000);
	assert_int_equal(mtd_program(&fl.mtd, 0, buf, 64), 0);
	assert_int_equal(fl.stats.virtual_us, 2000 + 8 * 10);
	assert_int_equal(mtd_read(&fl.mtd, 0, buf, 64), 0);
	assert_int_equal(fl.stats.virtual_us, 2080 + 3);
}

/* Replay: a scenario of 4 erases and 8 programs; record the points seen. */
struct visit {
	int seen[64][3];
	int completed;
};

static int scenario(struct mtd_dev *dev, void *ctx)
{
	uint8_t rec[8];
	int rc;

	(void)ctx;
	for (uint32_t s = 0; s < 4; s++) {
		rc = mtd_erase(dev, s * 256, 256);
		if (rc)
			return rc;
		for (uint32_t i = 0; i < 2; i++) {
			memset(rec, (int)(s * 2 + i), sizeof(rec));
			rc = mtd_program(dev, s * 256 + i * 8, rec, 8);
			if (rc)
				return rc;
		}
	}
	return 0;
}

static int check(struct mtd_dev *dev, const struct sim_replay_point *pt,
		 int rc, void *ctx)
{
	struct visit *v = ctx;
	uint8_t b;

	(void)dev;
	v->seen[pt->op][pt->mode]++;
	if (rc == 0)
		v->completed++;
	/* after power-on the flash works again */
	return mtd_read(dev, 0, &b, 1);
}

static void test_replay_visits_every_point(void **state)
{
	static struct visit v;
	struct sim_replay_result res;
	struct sim_replay r = {
		.fl = &fl, .initial = before, .seed = 7, .modes = 0,
		.scenario = scenario, .check = check, .ctx = &v,
	};

	(void)state;
	memset(&v, 0, sizeof(v));
	assert_int_equal(sim_replay_all(&r, &res), 0);
	assert_int_equal(res.ops, 12);
	assert_int_equal(res.cut_points, 13);
	assert_int_equal(res.runs, 12 * 3 + 1);
	for (int op = 0; op < 12; op++)
		for (int m = 0; m < 3; m++)
			assert_int_equal(v.seen[op][m], 1);
	assert_int_equal(v.seen[12][SIM_CUT_DONE], 1);
	assert_int_equal(v.completed, 1); /* only the uncut run completes */
	assert_memory_equal(mem + 1024, before + 1024, 1024);
}

static int failing_check(struct mtd_dev *dev, const struct sim_replay_point *pt,
			 int rc, void *ctx)
{
	(void)dev;
	(void)rc;
	(void)ctx;
	return pt->op == 5 && pt->mode == SIM_CUT_TORN;
}

static void test_replay_reports_failures(void **state)
{
	struct sim_replay_result res;
	struct sim_replay r = {
		.fl = &fl, .initial = before, .seed = 7,
		.modes = 1u << SIM_CUT_TORN,
		.scenario = scenario, .check = failing_check,
	};

	(void)state;
	assert_int_equal(sim_replay_all(&r, &res), -EIO);
	assert_int_equal(res.failures, 1);
	assert_int_equal(res.runs, 12 + 1);
	assert_int_equal(res.first_failure.op, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_skip_and_done, setup),
		cmocka_unit_test_setup(test_torn_program_states, setup),
		cmocka_unit_test_setup(test_torn_is_reproducible, setup),
		cmocka_unit_test_setup(test_torn_erase_states, setup),
		cmocka_unit_test_setup(test_write_once, setup),
		cmocka_unit_test_setup(test_timing_model, setup),
		cmocka_unit_test_setup(test_replay_visits_every_point, setup),
		cmocka_unit_test_setup(test_replay_reports_failures, setup),
	};

	return cmocka_run_group_tests_name("drivers/mtd sim faults", tests,
					   NULL, NULL);
}
