/* tests/drivers/mtd/test_esp_rom_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * drivers/mtd/esp_rom_flash on the host, against a model of the ROM's
 * esp_rom_spiflash_read/write/erase_sector over the simulated flash. The
 * model keeps the ROM's contract (esp-formats.md 5.4: raw offsets,
 * word-aligned buffers, offsets and lengths; 0 on success) and counts
 * every call that breaks it, and programs as SPI NOR does (bits only
 * cleared). Checked: reads and programs of any alignment from any buffer
 * never break the contract; the NOR rule refuses a program before a word
 * is written, even when the offending word is in the last bounce chunk;
 * erases name the right sectors; ROM failures become -EIO; every ROM
 * call (unlock included) runs with the cache suspended, suspends and
 * resumes pair up, and the resume gets the suspend's state back.
 */
#include "tests/test.h"

#include "drivers/mtd/esp_rom_flash.h"
#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <string.h>

#define SIZE 0x10000u

static const struct mtd_region sim_region = { 4096, SIZE / 4096 };
static const struct mtd_geometry sim_geo = { &sim_region, 1, 1, 0xff, SIZE };
static uint8_t mem[SIZE], shadow[SIZE];
static struct sim_flash sim;
static unsigned int contract_broken, writes, erases, unlocks;
static int fail_next; /* the next ROM call returns 1 (ESP_ROM_SPIFLASH_RESULT_ERR) */
static uint32_t last_sector;
static int cache_suspended;

#define CACHE_STATE 0x5a5au /* what the model's suspend returns */

static uint32_t model_cache_suspend(void)
{
	if (cache_suspended)
		contract_broken++;
	cache_suspended = 1;
	return CACHE_STATE;
}

static void model_cache_resume(uint32_t state)
{
	if (!cache_suspended || state != CACHE_STATE)
		contract_broken++;
	cache_suspended = 0;
}

/* The ROM may drive the SPI bus only while nothing is fetched from flash. */
static void cache_must_be_off(void)
{
	if (!cache_suspended)
		contract_broken++;
}

static int aligned(uint32_t off, const void *p, int32_t len)
{
	cache_must_be_off();
	if ((off & 3) || ((uintptr_t)p & 3) || (len & 3) || len <= 0 ||
	    off + (uint32_t)len > SIZE) {
		contract_broken++;
		return 0;
	}
	return 1;
}

static int model_read(uint32_t off, uint32_t *dst, int32_t len)
{
	if (fail_next) {
		fail_next = 0;
		return 1;
	}
	if (!aligned(off, dst, len))
		return 1;
	return mtd_read(&sim.mtd, off, dst, (size_t)len) == 0 ? 0 : 1;
}

/* SPI NOR: a program clears the bits that are 0 in the data. */
static int model_write(uint32_t off, const uint32_t *src, int32_t len)
{
	uint8_t cur[ESP_ROM_FLASH_BOUNCE];

	if (fail_next) {
		fail_next = 0;
		return 1;
	}
	if (!aligned(off, src, len) || len > (int32_t)sizeof(cur))
		return 1;
	writes++;
	if (mtd_read(&sim.mtd, off, cur, (size_t)len) != 0)
		return 1;
	for (int32_t i = 0; i < len; i++)
		cur[i] &= ((const uint8_t *)src)[i];
	return mtd_program(&sim.mtd, off, cur, (size_t)len) == 0 ? 0 : 1;
}

static int model_erase_sector(uint32_t sector)
{
	cache_must_be_off();
	if (fail_next) {
		fail_next = 0;
		return 1;
	}
	if (sector >= SIZE / 4096) {
		contract_broken++;
		return 1;
	}
	erases++;
	last_sector = sector;
	return mtd_erase(&sim.mtd, sector * 4096, 4096) == 0 ? 0 : 1;
}

static int model_unlock(void)
{
	cache_must_be_off();
	unlocks++;
	return 0;
}

static const struct esp_rom_flash_rom model = {
	model_read, model_write, model_erase_sector, model_unlock,
	model_cache_suspend, model_cache_resume,
};

static struct esp_rom_flash dev;

static int setup(void **state)
{
	(void)state;
	memset(mem, 0xff, sizeof(mem));
	contract_broken = writes = erases = unlocks = 0;
	fail_next = cache_suspended = 0;
	if (sim_flash_init_ram(&sim, &sim_geo, mem) != 0 ||
	    esp_rom_flash_init(&dev, &model, SIZE) != 0)
		return -1;
	return 0;
}

static void test_init(void **state)
{
	struct esp_rom_flash f;

	(void)state;
	assert_int_equal(unlocks, 1);
	assert_int_equal(contract_broken, 0); /* unlock with the cache off */
	assert_int_equal(dev.geo.size, SIZE);
	assert_int_equal(dev.geo.program_unit, 4);
	assert_int_equal(dev.region.sector_size, 4096);
	assert_int_equal(esp_rom_flash_init(&f, &model, SIZE + 100), -EINVAL);
	assert_int_equal(esp_rom_flash_init(&f, &model, 0), -EINVAL);
}

static void test_read_any_alignment(void **state)
{
	uint8_t buf[700 + 3];

	(void)state;
	for (unsigned int i = 0; i < SIZE; i++)
		mem[i] = (uint8_t)(i * 7 + (i >> 8));
	for (uint32_t off = 0; off < 9; off++)
		for (uint32_t len = 1; len < 700; len += 37) {
			uint8_t *out = buf + (off % 3) + 1; /* never word-aligned */

			assert_int_equal(mtd_read(&dev.mtd, 0x1000 - 5 + off, out, len), 0);
			assert_memory_equal(out, mem + 0x1000 - 5 + off, len);
		}
	/* the device's last bytes */
	assert_int_equal(mtd_read(&dev.mtd, SIZE - 3, buf + 1, 3), 0);
	assert_memory_equal(buf + 1, mem + SIZE - 3, 3);
	assert_int_equal(contract_broken, 0);
}

static void test_program_and_nor_rule(void **state)
{
	uint8_t data[1000 + 1], back[1000];

	(void)state;
	for (unsigned int i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i ^ 0x5a);
	/* from an unaligned buffer, over four bounce chunks */
	assert_int_equal(mtd_program(&dev.mtd, 0x2004, data + 1, 1000), 0);
	assert_int_equal(mtd_read(&dev.mtd, 0x2004, back, 1000), 0);
	assert_memory_equal(back, data + 1, 1000);
	/* programming the same bytes again clears nothing: allowed */
	assert_int_equal(mtd_program(&dev.mtd, 0x2004, data + 1, 1000), 0);
	/* one bit raised in the last chunk: refused, nothing written */
	memcpy(shadow, mem, SIZE);
	writes = 0;
	memset(data, 0x00, sizeof(data));
	data[1 + 999] = mem[0x2004 + 999] | 0x01 | (uint8_t)~mem[0x2004 + 999];
	assert_int_equal(mtd_program(&dev.mtd, 0x2004, data + 1, 1000), -EROFS);
	assert_int_equal(writes, 0);
	assert_memory_equal(mem, shadow, SIZE);
	/* clearing bits is fine */
	assert_int_equal(mtd_program(&dev.mtd, 0x2004, data + 1, 996), 0);
	assert_int_equal(mem[0x2004], 0);
	assert_int_equal(contract_broken, 0);
}

static void test_erase(void **state)
{
	uint8_t zero[8] = { 0 }, back[8];

	(void)state;
	assert_int_equal(mtd_program(&dev.mtd, 0x3000, zero, 8), 0);
	assert_int_equal(mtd_program(&dev.mtd, 0x5ff8, zero, 8), 0);
	assert_int_equal(mtd_erase(&dev.mtd, 0x3000, 0x3000), 0);
	assert_int_equal(erases, 3);
	assert_int_equal(last_sector, 5);
	assert_int_equal(mtd_read(&dev.mtd, 0x5ff8, back, 8), 0);
	assert_int_equal(back[0], 0xff);
	assert_int_equal(mtd_read(&dev.mtd, 0x3000, back, 8), 0);
	assert_int_equal(back[7], 0xff);
	assert_int_equal(contract_broken, 0);
}

static void test_rom_failures(void **state)
{
	uint8_t buf[16] = { 0 };

	(void)state;
	fail_next = 1;
	assert_int_equal(mtd_read(&dev.mtd, 0, buf, 16), -EIO);
	fail_next = 1;
	assert_int_equal(mtd_erase(&dev.mtd, 0, 4096), -EIO);
	fail_next = 1; /* the NOR check's read */
	assert_int_equal(mtd_program(&dev.mtd, 0, buf, 16), -EIO);
	assert_int_equal(mem[0], 0xff);
	assert_int_equal(cache_suspended, 0); /* resumed after each failure */
	assert_int_equal(contract_broken, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_init, setup),
		cmocka_unit_test_setup(test_read_any_alignment, setup),
		cmocka_unit_test_setup(test_program_and_nor_rule, setup),
		cmocka_unit_test_setup(test_erase, setup),
		cmocka_unit_test_setup(test_rom_failures, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
