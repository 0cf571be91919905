/* tests/drivers/mtd/test_nrf_nvmc.c
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * drivers/mtd/nrf_nvmc on the host: the controller's registers, the FICR
 * and the flash are host memory, so what only a broken part can do is
 * checked here: FICR numbers that make no flash, a controller that never
 * gets ready (the driver gives up with -EIO and still puts it back to
 * read-only), and a program refused by the NOR rule before the controller
 * is touched. The controller's real behaviour (erase, program ANDs,
 * write enable) runs on QEMU's micro:bit (tests/arch/arm).
 */
#include "tests/test.h"

#include "drivers/mtd/nrf_nvmc.h"

#include <errno.h>
#include <string.h>

#define PAGE 1024u
#define PAGES 4u
#define REG_READY (0x400 / 4)
#define REG_CONFIG (0x504 / 4)
#define REG_ERASEPAGE (0x508 / 4)
#define UNTOUCHED 0x55555555u

static uint32_t regs[0x600 / 4];
static uint32_t ficr[8];
static uint32_t flash[PAGE * PAGES / 4];

static void part(uint32_t page, uint32_t pages, uint32_t ready)
{
	memset(regs, 0, sizeof(regs));
	memset(ficr, 0, sizeof(ficr));
	memset(flash, 0xff, sizeof(flash));
	ficr[4] = page;  /* CODEPAGESIZE */
	ficr[5] = pages; /* CODESIZE */
	regs[REG_READY] = ready;
	regs[REG_CONFIG] = UNTOUCHED;
}

static int init(struct nrf_nvmc *f)
{
	return nrf_nvmc_init(f, (uintptr_t)regs, (uintptr_t)ficr, (uintptr_t)flash);
}

static void test_geometry_from_ficr(void **state)
{
	struct nrf_nvmc f;

	(void)state;
	part(PAGE, PAGES, 1);
	assert_int_equal(init(&f), 0);
	assert_int_equal(f.geo.size, PAGE * PAGES);
	assert_int_equal(f.region.sector_size, PAGE);
	assert_int_equal(f.region.count, PAGES);
	assert_int_equal(f.geo.program_unit, 4);
	assert_int_equal(f.geo.erased_value, 0xff);
}

static void test_bad_ficr(void **state)
{
	static const uint32_t bad[][2] = {
		{ 0, 4 }, { 1000, 4 }, { 128, 4 }, { 0x20000, 4 },
		{ 1024, 0 }, { 0x10000, 0x10000 },
	};
	struct nrf_nvmc f;

	(void)state;
	for (unsigned int i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		part(bad[i][0], bad[i][1], 1);
		assert_int_equal(init(&f), -ENODEV);
	}
}

static void test_program_leaves_read_only(void **state)
{
	struct nrf_nvmc f;
	uint32_t w[2] = { 0x12345678u, 0xffff0000u };

	(void)state;
	part(PAGE, PAGES, 1);
	assert_int_equal(init(&f), 0);
	assert_int_equal(mtd_program(&f.mtd, PAGE, w, sizeof(w)), 0);
	assert_memory_equal(&flash[PAGE / 4], w, sizeof(w));
	assert_int_equal(regs[REG_CONFIG], 0); /* REN */
}

static void test_nor_rule_refused_before_the_controller(void **state)
{
	struct nrf_nvmc f;
	uint32_t w[2] = { 0x00000000u, 0x0000ffffu };

	(void)state;
	part(PAGE, PAGES, 1);
	assert_int_equal(init(&f), 0);
	flash[1] = 0xffff0000u; /* the second word would need bits set */
	assert_int_equal(mtd_program(&f.mtd, 0, w, sizeof(w)), -EROFS);
	assert_int_equal(flash[0], 0xffffffffu);
	assert_int_equal(flash[1], 0xffff0000u);
	assert_int_equal(regs[REG_CONFIG], UNTOUCHED);
}

static void test_erase_pages(void **state)
{
	struct nrf_nvmc f;

	(void)state;
	part(PAGE, PAGES, 1);
	assert_int_equal(init(&f), 0);
	assert_int_equal(mtd_erase(&f.mtd, PAGE, 2 * PAGE), 0);
	/* The last page asked for, by its CPU address. */
	assert_int_equal(regs[REG_ERASEPAGE], (uint32_t)((uintptr_t)flash + 2 * PAGE));
	assert_int_equal(regs[REG_CONFIG], 0);
	assert_int_equal(mtd_erase(&f.mtd, 1, PAGE), -EINVAL);
}

static void test_never_ready(void **state)
{
	struct nrf_nvmc f;
	uint32_t w = 0;

	(void)state;
	part(PAGE, PAGES, 0);
	assert_int_equal(init(&f), 0);
	assert_int_equal(mtd_program(&f.mtd, 0, &w, 4), -EIO);
	assert_int_equal(regs[REG_CONFIG], 0); /* back to read-only anyway */
	assert_int_equal(flash[0], 0xffffffffu);
	regs[REG_CONFIG] = UNTOUCHED;
	assert_int_equal(mtd_erase(&f.mtd, 0, PAGE), -EIO);
	assert_int_equal(regs[REG_CONFIG], 0);
	assert_int_equal(regs[REG_ERASEPAGE], 0); /* no erase was started */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_from_ficr),
		cmocka_unit_test(test_bad_ficr),
		cmocka_unit_test(test_program_leaves_read_only),
		cmocka_unit_test(test_nor_rule_refused_before_the_controller),
		cmocka_unit_test(test_erase_pages),
		cmocka_unit_test(test_never_ready),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
