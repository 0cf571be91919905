/* tests/drivers/mtd/test_mtd_xts.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The flash-encryption layer: plaintext programmed through it lands as
 * espsecure's ciphertext (fe_plain_256 at 0x8040 and 0x10000, the
 * partition table at 0x8000), reads at any offset and length give the
 * plaintext back, unencrypted ranges pass through, writes keep the
 * 16-byte granule, and the raw flash holds no plaintext.
 */
#include "tests/test.h"

#include "drivers/mtd/mtd_xts.h"
#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <string.h>

#define SEC "vectors/esp/secure/"
#define FLASH_SIZE 0x20000

static const struct mtd_region regions[] = { { 4096, FLASH_SIZE / 4096 } };
static const struct mtd_geometry geo = { regions, 1, 4, 0xff, FLASH_SIZE };
/* Bootloader, partition table and an app: encrypted; 0xa000.. (nvs) not. */
static const struct mtd_xts_range ranges[] = {
	{ 0x0, 0x9000 }, { 0x10000, 0x20000 },
};
static uint8_t mem[FLASH_SIZE];
static struct sim_flash fl;
static struct crypto_esp_xts xts;
static struct mtd_xts x;

static int setup(void **state)
{
	size_t len;
	uint8_t *key;

	(void)state;
	if (test_shared_missing())
		return -1;
	key = test_read_shared(SEC "fe_xts128_key.bin", &len);
	assert_int_equal(crypto_esp_xts_init(&xts, key, len), 0);
	free(key);
	memset(mem, 0xff, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	return mtd_xts_init(&x, &fl.mtd, &xts, 0, ranges, 2);
}

static int teardown(void **state)
{
	(void)state;
	crypto_esp_xts_free(&xts);
	return 0;
}

static void check_vector(const char *plain_rel, const char *enc_rel, uint32_t at)
{
	size_t plen, elen;
	uint8_t *plain = test_read_shared(plain_rel, &plen);
	uint8_t *enc = test_read_shared(enc_rel, &elen);
	uint8_t back[4096];

	assert_int_equal(plen, elen);
	assert_int_equal(mtd_erase(&x.mtd, at & ~4095u, 4096), 0);
	assert_int_equal(mtd_program(&x.mtd, at, plain, plen), 0);
	assert_memory_equal(mem + at, enc, elen); /* raw flash = espsecure's */
	assert_int_equal(mtd_read(&x.mtd, at, back, plen), 0);
	assert_memory_equal(back, plain, plen);
	/* Reads that start and end mid-granule, mid-unit. */
	for (size_t off = 0; off < plen; off += 13) {
		size_t n = (plen - off) < 77 ? plen - off : 77;

		assert_int_equal(mtd_read(&x.mtd, at + (uint32_t)off, back, n), 0);
		assert_memory_equal(back, plain + off, n);
	}
	free(plain);
	free(enc);
}

static void test_vectors(void **state)
{
	(void)state;
	check_vector(SEC "fe_plain_256.bin", SEC "fe_plain_256_at_0x10000.enc.bin",
		     0x10000);
	check_vector(SEC "fe_plain_256.bin", SEC "fe_plain_256_at_0x8040.enc.bin",
		     0x8040);
	check_vector("vectors/esp/part/pt_factory_two_ota.bin",
		     SEC "pt_factory_two_ota_at_0x8000.enc.bin", 0x8000);
}

static void test_plain_range_and_granule(void **state)
{
	uint8_t data[48], back[48];

	(void)state;
	for (unsigned int i = 0; i < sizeof(data); i++)
		data[i] = (uint8_t)(i + 1);
	/* nvs at 0xa000 is not encrypted: bytes land as given. */
	assert_int_equal(mtd_program(&x.mtd, 0xa000, data, sizeof(data)), 0);
	assert_memory_equal(mem + 0xa000, data, sizeof(data));
	/* A program across the end of an encrypted range: each side its way. */
	assert_int_equal(mtd_erase(&x.mtd, 0x8000, 0x2000), 0);
	assert_int_equal(mtd_program(&x.mtd, 0x9000 - 16, data, 32), 0);
	assert_memory_equal(mem + 0x9000, data + 16, 16);
	assert_memory_not_equal(mem + 0x9000 - 16, data, 16);
	assert_int_equal(mtd_read(&x.mtd, 0x9000 - 16, back, 32), 0);
	assert_memory_equal(back, data, 32);
	/* Erased granules read erased through the layer (MCUboot's
	 * read_is_empty view); written ones never do. */
	assert_int_equal(mtd_read(&x.mtd, 0x9000 - 48, back, 32), 0);
	for (unsigned int i = 0; i < 32; i++)
		assert_int_equal(back[i], 0xff);
	/* 16-byte granule: smaller or misaligned writes are refused. */
	assert_int_equal(x.mtd.geo->program_unit, 16);
	assert_int_equal(mtd_program(&x.mtd, 0x10100, data, 8), -EINVAL);
	assert_int_equal(mtd_program(&x.mtd, 0x10108, data, 16), -EINVAL);
}

static void test_no_plaintext_in_flash(void **state)
{
	static uint8_t image[0x4000];

	(void)state;
	/* A recognisable "image": repeated text. */
	for (size_t i = 0; i < sizeof(image); i++)
		image[i] = (uint8_t)"SLIPWAY-PLAINTEXT-MARKER"[i % 24];
	assert_int_equal(mtd_erase(&x.mtd, 0x10000, sizeof(image)), 0);
	assert_int_equal(mtd_program(&x.mtd, 0x10000, image, sizeof(image)), 0);
	for (size_t i = 0; i + 8 <= sizeof(image); i++)
		assert_true(memcmp(mem + 0x10000 + i, "PLAINTEX", 8) != 0);
}

static void test_bad_ranges(void **state)
{
	static const struct mtd_xts_range bad1[] = { { 0x8, 0x100 } };
	static const struct mtd_xts_range bad2[] = { { 0x100, 0x200 }, { 0x0, 0x80 } };
	static const struct mtd_xts_range bad3[] = { { 0x0, FLASH_SIZE + 16 } };
	struct mtd_xts y;

	(void)state;
	assert_int_equal(mtd_xts_init(&y, &fl.mtd, &xts, 0, bad1, 1), -EINVAL);
	assert_int_equal(mtd_xts_init(&y, &fl.mtd, &xts, 0, bad2, 2), -EINVAL);
	assert_int_equal(mtd_xts_init(&y, &fl.mtd, &xts, 0, bad3, 1), -EINVAL);
	assert_int_equal(mtd_xts_init(&y, &fl.mtd, &xts, 8, ranges, 2), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_plain_range_and_granule),
		cmocka_unit_test(test_no_plaintext_in_flash),
		cmocka_unit_test(test_bad_ranges),
	};

	if (test_shared_missing())
		return 0;
	return cmocka_run_group_tests(tests, setup, teardown);
}
