/* tests/drivers/mtd/test_cfi01_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * drivers/mtd/cfi01_flash on the host. The bank is host memory: filled with
 * a CFI query answer it lets cfi01_flash_init parse the geometry (the
 * query's two commands land on word 0, which the answer does not use);
 * filled with data it stands for flash in read-array mode, so the paths
 * that must not reach the part can be checked: a program that would set a
 * cleared bit is refused with -EROFS and nothing is written. The command
 * sequences themselves run against QEMU's CFI flash
 * (tests/arch/qemu/test_qemu_virt.sh).
 */
#include "tests/test.h"

#include "drivers/mtd/cfi01_flash.h"

#include <errno.h>
#include <string.h>

/* Two x16 chips of 64 KiB each: a 128 KiB bank of 32-bit words. */
static uint32_t bank[32768];

static void put(unsigned int i, uint32_t byte)
{
	bank[i] = byte | byte << 16; /* the same answer in both lanes */
}

/* Each chip: "QRY", command set 1, 2^16 bytes, x16, 2^5-byte write
 * buffer, one region of 2 blocks of 32 KiB. */
static void query_answer(void)
{
	memset(bank, 0, sizeof(bank));
	put(0x10, 'Q'); put(0x11, 'R'); put(0x12, 'Y');
	put(0x13, 1); put(0x14, 0);
	put(0x27, 16);
	put(0x28, 1); put(0x29, 0);
	put(0x2a, 5); put(0x2b, 0);
	put(0x2c, 1);
	put(0x2d, 1); put(0x2e, 0);      /* blocks - 1 */
	put(0x2f, 128); put(0x30, 0);    /* block size / 256 */
}

static void test_geometry_from_query(void **state)
{
	struct cfi01_flash f;

	(void)state;
	query_answer();
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), 0);
	assert_int_equal(f.geo.size, sizeof(bank));
	assert_int_equal(f.geo.nregions, 1);
	assert_int_equal(f.region.sector_size, 65536);
	assert_int_equal(f.region.count, 2);
	assert_int_equal(f.geo.program_unit, 4);
	assert_int_equal(f.buffer_bytes, 64);
	/* The query ended with "read array" on word 0. */
	assert_int_equal(bank[0], 0x00ff00ffu);
}

static void test_bad_answers(void **state)
{
	struct cfi01_flash f;

	(void)state;
	query_answer();
	put(0x11, 'X');
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), -ENODEV);
	query_answer();
	bank[0x27] = 16 | 17 << 16; /* the two chips disagree */
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), -ENODEV);
	query_answer();
	put(0x13, 2); /* AMD/Fujitsu command set */
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), -ENOTSUP);
	query_answer();
	put(0x2c, 2); /* two erase regions */
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), -ENOTSUP);
	query_answer();
	put(0x2a, 0); /* no write buffer */
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), -ENOTSUP);
	query_answer();
	put(0x2d, 3); /* 4 blocks of 32 KiB is not 64 KiB */
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), -ENODEV);
}

static void test_nor_rule_refused_before_any_command(void **state)
{
	struct cfi01_flash f;
	static uint32_t before[32768];
	uint32_t word = 0xffffffffu;
	uint8_t buf[64];

	(void)state;
	query_answer();
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), 0);
	/* Flash content in read-array mode: programmed words, some erased. */
	for (unsigned int i = 0; i < 32768; i++)
		bank[i] = i % 3 == 0 ? 0xffffffffu : 0x12345678u * i;
	memcpy(before, bank, sizeof(bank));
	/* Setting bits of a programmed word: refused, nothing touched. */
	bank[10] = 0x0f0f0f0fu;
	before[10] = bank[10];
	assert_int_equal(mtd_program(&f.mtd, 40, &word, 4), -EROFS);
	/* The last word of a 64-byte chunk is the one that would set bits. */
	memset(buf, 0, sizeof(buf));
	bank[32 + 15] = 0;
	before[32 + 15] = 0;
	buf[63] = 1;
	assert_int_equal(mtd_program(&f.mtd, 128, buf, sizeof(buf)), -EROFS);
	assert_memory_equal(bank, before, sizeof(bank));
	/* Misalignment never reaches the driver. */
	assert_int_equal(mtd_program(&f.mtd, 2, &word, 4), -EINVAL);
}

static void test_read_and_xip_address(void **state)
{
	struct cfi01_flash f;
	uint8_t buf[8];
	uintptr_t addr;

	(void)state;
	query_answer();
	assert_int_equal(cfi01_flash_init(&f, (uintptr_t)bank), 0);
	bank[100] = 0x44332211u;
	bank[101] = 0x88776655u;
	assert_int_equal(mtd_read(&f.mtd, 400, buf, 8), 0);
	assert_memory_equal(buf, &bank[100], 8);
	assert_int_equal(mtd_xip_address(&f.mtd, 0x1000, &addr), 0);
	assert_int_equal(addr, (uintptr_t)bank + 0x1000);
	assert_int_equal(mtd_xip_address(&f.mtd, sizeof(bank) + 4, &addr), -ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_geometry_from_query),
		cmocka_unit_test(test_bad_answers),
		cmocka_unit_test(test_nor_rule_refused_before_any_command),
		cmocka_unit_test(test_read_and_xip_address),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
