/* tests/drivers/mtd/test_mtd.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* drivers/mtd: argument checks at the interface and the sim flash's NOR rules. */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* 4 x 1 KiB then 2 x 4 KiB: a non-uniform map, 12 KiB in all. */
static const struct mtd_region mixed_regions[] = { { 1024, 4 }, { 4096, 2 } };
static const struct mtd_geometry mixed = {
	.regions = mixed_regions, .nregions = 2, .program_unit = 8,
	.erased_value = 0xff, .size = 12288,
};

static uint8_t mem[12288];
static struct sim_flash fl;

static int setup(void **state)
{
	(void)state;
	memset(mem, 0xff, sizeof(mem));
	return sim_flash_init_ram(&fl, &mixed, mem);
}

static void test_geometry_check(void **state)
{
	struct mtd_region r = { 1024, 4 };
	struct mtd_geometry g = { &r, 1, 8, 0xff, 4096 };

	(void)state;
	assert_int_equal(mtd_geometry_check(&g), 0);
	g.size = 4095;
	assert_int_equal(mtd_geometry_check(&g), -EINVAL);
	g.size = 4096;
	g.program_unit = 3;
	assert_int_equal(mtd_geometry_check(&g), -EINVAL);
	g.program_unit = 64;
	assert_int_equal(mtd_geometry_check(&g), -EINVAL);
	g.program_unit = 8;
	g.erased_value = 0x55;
	assert_int_equal(mtd_geometry_check(&g), -EINVAL);
	g.erased_value = 0x00;
	r.sector_size = 1020; /* not a multiple of the program unit */
	g.size = 4080;
	assert_int_equal(mtd_geometry_check(&g), -EINVAL);
}

static void test_sector_at(void **state)
{
	uint32_t start, size;

	(void)state;
	assert_int_equal(mtd_sector_at(&mixed, 0, &start, &size), 0);
	assert_int_equal(start, 0);
	assert_int_equal(size, 1024);
	assert_int_equal(mtd_sector_at(&mixed, 4095, &start, &size), 0);
	assert_int_equal(start, 3072);
	assert_int_equal(mtd_sector_at(&mixed, 4096, &start, &size), 0);
	assert_int_equal(start, 4096);
	assert_int_equal(size, 4096);
	assert_int_equal(mtd_sector_at(&mixed, 12287, &start, &size), 0);
	assert_int_equal(start, 8192);
	assert_int_equal(mtd_sector_at(&mixed, 12288, &start, &size), -ERANGE);
}

static void test_read_bounds(void **state)
{
	uint8_t buf[16];

	(void)state;
	assert_int_equal(mtd_read(&fl.mtd, 12288 - 16, buf, 16), 0);
	assert_int_equal(mtd_read(&fl.mtd, 12288 - 15, buf, 16), -ERANGE);
	/* offset + length wraps 32 bits: must not pass as small */
	assert_int_equal(mtd_read(&fl.mtd, 0xfffffff0u, buf, 0x20), -ERANGE);
	assert_int_equal(mtd_read(&fl.mtd, 0, NULL, 4), -EINVAL);
	assert_int_equal(mtd_read(&fl.mtd, 0, buf, 0), 0);
	assert_int_equal(fl.stats.reads, 1);
}

static void test_program_alignment(void **state)
{
	uint8_t buf[16] = { 0 };

	(void)state;
	assert_int_equal(mtd_program(&fl.mtd, 4, buf, 8), -EINVAL);
	assert_int_equal(mtd_program(&fl.mtd, 8, buf, 12), -EINVAL);
	assert_int_equal(mtd_program(&fl.mtd, 12288, buf, 8), -ERANGE);
	assert_int_equal(mtd_program(&fl.mtd, 8, NULL, 8), -EINVAL);
	assert_int_equal(fl.stats.programs, 0);
	assert_int_equal(mtd_program(&fl.mtd, 8, buf, 16), 0);
	assert_int_equal(fl.stats.programs, 1);
	assert_int_equal(fl.stats.bytes_programmed, 16);
}

static void test_nor_rule(void **state)
{
	uint8_t a[8], b[8], got[8];

	(void)state;
	memset(a, 0xf0, 8);
	memset(b, 0x0f, 8);
	assert_int_equal(mtd_program(&fl.mtd, 0, a, 8), 0);
	/* 0xf0 -> 0x00 only clears bits: allowed */
	memset(got, 0x00, 8);
	assert_int_equal(mtd_program(&fl.mtd, 0, got, 8), 0);
	/* 0x00 -> 0x0f would set bits: refused, nothing changes */
	assert_int_equal(mtd_program(&fl.mtd, 0, b, 8), -EROFS);
	assert_int_equal(mtd_read(&fl.mtd, 0, got, 8), 0);
	assert_int_equal(got[0], 0x00);
	/* a refused program changes no byte, even the ones it could */
	memset(a, 0xff, 8);
	a[7] = 0x00;
	assert_int_equal(mtd_program(&fl.mtd, 8, a, 8), 0);
	memset(b, 0x00, 8);
	b[7] = 0x01;
	assert_int_equal(mtd_program(&fl.mtd, 8, b, 8), -EROFS);
	assert_int_equal(mtd_read(&fl.mtd, 8, got, 8), 0);
	assert_int_equal(got[0], 0xff);
}

static void test_erase_boundaries(void **state)
{
	uint8_t zero[8] = { 0 }, got[8];

	(void)state;
	assert_int_equal(mtd_program(&fl.mtd, 1024, zero, 8), 0);
	assert_int_equal(mtd_erase(&fl.mtd, 1024, 512), -EINVAL);
	assert_int_equal(mtd_erase(&fl.mtd, 512, 512), -EINVAL);
	/* across the region change: 3 KiB of small sectors + a 4 KiB one */
	assert_int_equal(mtd_erase(&fl.mtd, 1024, 3072 + 4096), 0);
	assert_int_equal(mtd_erase(&fl.mtd, 4096, 4095), -EINVAL);
	assert_int_equal(mtd_erase(&fl.mtd, 8192, 8192), -ERANGE);
	assert_int_equal(mtd_erase(&fl.mtd, 8192, 4096), 0);
	assert_int_equal(mtd_read(&fl.mtd, 1024, got, 8), 0);
	assert_int_equal(got[0], 0xff);
	assert_int_equal(fl.stats.erases, 2);
	assert_int_equal(fl.stats.bytes_erased, 3072 + 4096 + 4096);
}

static void test_erased_zero_part(void **state)
{
	static const struct mtd_region r = { 256, 2 };
	static const struct mtd_geometry g = { &r, 1, 4, 0x00, 512 };
	uint8_t m[512], buf[4] = { 0x81, 0, 0, 0 }, clr[4] = { 0x01, 0, 0, 0 };
	struct sim_flash z;

	(void)state;
	memset(m, 0x55, sizeof(m));
	assert_int_equal(sim_flash_init_ram(&z, &g, m), 0);
	assert_int_equal(mtd_erase(&z.mtd, 0, 256), 0);
	assert_int_equal(m[0], 0x00);
	/* erased 0x00: programming sets bits, clearing one needs an erase */
	assert_int_equal(mtd_program(&z.mtd, 0, buf, 4), 0);
	assert_int_equal(mtd_program(&z.mtd, 0, clr, 4), -EROFS);
	assert_int_equal(m[0], 0x81);
}

static void test_file_backed(void **state)
{
	static const struct mtd_region r = { 4096, 4 };
	static const struct mtd_geometry g = { &r, 1, 8, 0xff, 16384 };
	char path[] = "/tmp/slipway-test-mtd-XXXXXX";
	uint8_t data[8] = { 1, 2, 3, 4, 5, 6, 7, 8 }, got[8];
	struct sim_flash f;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	/* wrong size is refused */
	assert_int_equal(ftruncate(fd, 4096), 0);
	assert_int_equal(sim_flash_open_file(&f, &g, path), -EFBIG);
	assert_int_equal(ftruncate(fd, 16384), 0);
	assert_int_equal(sim_flash_open_file(&f, &g, path), 0);
	assert_int_equal(mtd_erase(&f.mtd, 0, 16384), 0);
	assert_int_equal(mtd_program(&f.mtd, 4096, data, 8), 0);
	assert_int_equal(mtd_sync(&f.mtd), 0);
	sim_flash_close(&f);
	/* the bytes reached the file */
	assert_int_equal(pread(fd, got, 8, 4096), 8);
	assert_memory_equal(got, data, 8);
	assert_int_equal(pread(fd, got, 8, 0), 8);
	assert_int_equal(got[0], 0xff);
	close(fd);
	unlink(path);
	assert_int_equal(sim_flash_open_file(&f, &g, path), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_check),
		cmocka_unit_test(test_sector_at),
		cmocka_unit_test_setup(test_read_bounds, setup),
		cmocka_unit_test_setup(test_program_alignment, setup),
		cmocka_unit_test_setup(test_nor_rule, setup),
		cmocka_unit_test_setup(test_erase_boundaries, setup),
		cmocka_unit_test(test_erased_zero_part),
		cmocka_unit_test(test_file_backed),
	};

	return cmocka_run_group_tests_name("drivers/mtd", tests, NULL, NULL);
}
