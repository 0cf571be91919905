/* tests/drivers/mtd/test_mtd_window.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* drivers/mtd window: a sub-range that cannot reach outside itself. */
#include "tests/test.h"

#include "drivers/mtd/mtd_window.h"
#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <string.h>

/* 4 x 1 KiB, 2 x 4 KiB, 4 x 1 KiB: 16 KiB. */
static const struct mtd_region regions[] = {
	{ 1024, 4 }, { 4096, 2 }, { 1024, 4 } };
static const struct mtd_geometry geo = { regions, 3, 4, 0xff, 16384 };
static uint8_t mem[16384];
static struct sim_flash fl;

static int setup(void **state)
{
	(void)state;
	memset(mem, 0xff, sizeof(mem));
	return sim_flash_init_ram(&fl, &geo, mem);
}

static void test_init_rules(void **state)
{
	struct mtd_window w;

	(void)state;
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 0, 0), -EINVAL);
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 512, 1024), -EINVAL);
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 4096, 2048), -EINVAL);
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 12288, 8192), -ERANGE);
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 0xfffff000u, 0x2000),
			 -ERANGE);
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 3072, 13312), 0);
}

static void test_submap(void **state)
{
	struct mtd_window w;
	uint32_t start, size;

	(void)state;
	/* last small sector, both big ones, first small one after */
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 3072, 1024 + 8192 + 1024), 0);
	assert_int_equal(w.geo.nregions, 3);
	assert_int_equal(w.geo.size, 10240);
	assert_int_equal(mtd_geometry_check(&w.geo), 0);
	assert_int_equal(mtd_sector_at(&w.geo, 1024, &start, &size), 0);
	assert_int_equal(start, 1024);
	assert_int_equal(size, 4096);
	/* erase boundaries are the real sectors' */
	assert_int_equal(mtd_erase(&w.mtd, 1024, 1024), -EINVAL);
	assert_int_equal(mtd_erase(&w.mtd, 1024, 4096), 0);
}

static void test_cannot_escape(void **state)
{
	struct mtd_window w;
	uint8_t buf[8];

	(void)state;
	memset(buf, 0, sizeof(buf));
	assert_int_equal(mtd_window_init(&w, &fl.mtd, 4096, 4096), 0);
	assert_int_equal(mtd_program(&w.mtd, 4096 - 8, buf, 8), 0);
	assert_int_equal(mtd_program(&w.mtd, 4096 - 4, buf, 8), -ERANGE);
	assert_int_equal(mtd_read(&w.mtd, 4096, buf, 1), -ERANGE);
	assert_int_equal(mtd_erase(&w.mtd, 0, 8192), -ERANGE);
	/* what the window wrote landed at parent offset 4096 + 4088 */
	assert_int_equal(mem[8192 - 8], 0x00);
	assert_int_equal(mem[8192], 0xff);
	assert_int_equal(mem[4095], 0xff);
	/* reads are relative */
	mem[4096] = 0x5a;
	assert_int_equal(mtd_read(&w.mtd, 0, buf, 1), 0);
	assert_int_equal(buf[0], 0x5a);
}

static void test_window_of_window(void **state)
{
	struct mtd_window outer, inner;
	uint8_t b[4] = { 1, 2, 3, 4 };

	(void)state;
	assert_int_equal(mtd_window_init(&outer, &fl.mtd, 12288, 4096), 0);
	assert_int_equal(mtd_window_init(&inner, &outer.mtd, 2048, 1024), 0);
	assert_int_equal(mtd_program(&inner.mtd, 0, b, 4), 0);
	assert_memory_equal(mem + 12288 + 2048, b, 4);
	assert_int_equal(mtd_read(&inner.mtd, 1024, b, 1), -ERANGE);
}

/* A memory-mapped parent: the window adds its offset; the sim flash has no
 * CPU address at all. */
static int mapped_xip(struct mtd_dev *dev, uint32_t off, uintptr_t *addr)
{
	(void)dev;
	*addr = 0x20000000u + off;
	return 0;
}

static void test_xip_address(void **state)
{
	static const struct mtd_ops mapped_ops = { .xip_address = mapped_xip };
	struct mtd_dev mapped = { &mapped_ops, &geo };
	struct mtd_window w, plain;
	uintptr_t addr = 0;

	(void)state;
	assert_int_equal(mtd_window_init(&w, &mapped, 4096, 8192), 0);
	assert_int_equal(mtd_xip_address(&w.mtd, 0x200, &addr), 0);
	assert_int_equal(addr, 0x20001200u);
	assert_int_equal(mtd_xip_address(&w.mtd, 8193, &addr), -ERANGE);
	assert_int_equal(mtd_window_init(&plain, &fl.mtd, 4096, 8192), 0);
	assert_int_equal(mtd_xip_address(&plain.mtd, 0, &addr), -ENOTSUP);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_init_rules, setup),
		cmocka_unit_test_setup(test_submap, setup),
		cmocka_unit_test_setup(test_cannot_escape, setup),
		cmocka_unit_test_setup(test_window_of_window, setup),
		cmocka_unit_test_setup(test_xip_address, setup),
	};

	return cmocka_run_group_tests_name("drivers/mtd window", tests, NULL,
					   NULL);
}
