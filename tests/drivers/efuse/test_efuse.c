/* tests/drivers/efuse/test_efuse.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Virtual eFuses on both backends (the sim's OTP file, and flash with
 * erased value 0xff or 0x00 and program units 1 to 16): fields only go
 * from 0 to 1, write protection refuses burns, read protection hides keys
 * from software but not from the crypto path, the encryption counter's
 * parity, the Secure Boot digests and revocations; and a key burn cut at
 * every flash operation (skip, done, torn) finishes when repeated, with
 * the same fuses as an uncut burn.
 */
#include "tests/test.h"

#include "drivers/efuse/efuse_flash.h"
#include "drivers/efuse/efuse_otp.h"
#include "drivers/mtd/sim_flash.h"
#include "drivers/otp/otp.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static struct mtd_region region = { 4096, 1 };
static struct mtd_geometry geo = { &region, 1, 4, 0xff, 4096 };
static uint8_t mem[4096];
static struct sim_flash fl;
static struct efuse_flash ef;
static struct efuse_otp eo;

static struct efuse_dev *flash_backend(uint8_t erased, uint16_t unit)
{
	geo.erased_value = erased;
	geo.program_unit = unit;
	memset(mem, erased, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(efuse_flash_init(&ef, &fl.mtd, 1024), 0);
	return &ef.dev;
}

static struct efuse_dev *otp_backend(void)
{
	static char path[] = "/tmp/slipway-efuse-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	close(fd);
	unlink(path); /* sim_otp creates it afresh, all zero */
	setenv("SLIPWAY_SIM_OTP", path, 1);
	assert_int_equal(efuse_otp_init(&eo, 4), 0);
	return &eo.dev;
}

static void exercise(struct efuse_dev *d)
{
	uint8_t key[EFUSE_KEY_LEN], got[EFUSE_KEY_LEN], dg[3][32];
	uint32_t v, present, revoked;
	unsigned int block;

	for (int f = 0; f < EFUSE_FIELD_COUNT; f++) {
		assert_int_equal(efuse_field_read(d, (enum efuse_field)f, &v), 0);
		assert_int_equal(v, 0);
	}
	/* The encryption counter: odd = on; bits never return to 0. */
	assert_int_equal(efuse_flash_encryption_enabled(d), 0);
	assert_int_equal(efuse_field_burn(d, EFUSE_SPI_BOOT_CRYPT_CNT, 1), 0);
	assert_int_equal(efuse_flash_encryption_enabled(d), 1);
	assert_int_equal(efuse_field_burn(d, EFUSE_SPI_BOOT_CRYPT_CNT, 3), 0);
	assert_int_equal(efuse_flash_encryption_enabled(d), 0);
	assert_int_equal(efuse_field_burn(d, EFUSE_SPI_BOOT_CRYPT_CNT, 1), -EROFS);
	assert_int_equal(efuse_field_burn(d, EFUSE_SPI_BOOT_CRYPT_CNT, 8), -ERANGE);
	assert_int_equal(efuse_field_burn(d, EFUSE_SPI_BOOT_CRYPT_CNT, 7), 0);
	assert_int_equal(efuse_flash_encryption_enabled(d), 1);
	/* Write protection. */
	assert_int_equal(efuse_is_write_protected(d, EFUSE_SECURE_BOOT_EN), 0);
	assert_int_equal(efuse_write_protect(d, EFUSE_SECURE_BOOT_EN), 0);
	assert_int_equal(efuse_is_write_protected(d, EFUSE_SECURE_BOOT_EN), 1);
	assert_int_equal(efuse_field_burn(d, EFUSE_SECURE_BOOT_EN, 1), -EACCES);
	assert_int_equal(efuse_field_burn(d, EFUSE_SECURE_BOOT_EN, 0), 0);
	assert_int_equal(efuse_write_protect(d, EFUSE_WR_DIS), -EINVAL);
	assert_int_equal(efuse_field_burn(d, EFUSE_SECURE_VERSION, 0x7), 0);
	assert_int_equal(efuse_field_read(d, EFUSE_SECURE_VERSION, &v), 0);
	assert_int_equal(v, 0x7);
	/* A read-protected flash-encryption key. */
	for (unsigned int i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(0xa5 ^ (i * 37));
	assert_int_equal(efuse_key_burn(d, 0, key, EFUSE_PURPOSE_XTS_AES_128_KEY, 1), 0);
	assert_int_equal(efuse_key_read(d, 0, got), -EACCES);
	assert_int_equal(efuse_key_for_hw(d, EFUSE_PURPOSE_XTS_AES_128_KEY, got), 0);
	assert_memory_equal(got, key, sizeof(key));
	assert_int_equal(efuse_key_burn(d, 0, key, EFUSE_PURPOSE_XTS_AES_128_KEY, 1), 0);
	key[3] ^= 0x10;
	assert_int_equal(efuse_key_burn(d, 0, key, EFUSE_PURPOSE_XTS_AES_128_KEY, 1), -EEXIST);
	assert_int_equal(efuse_key_burn(d, 0, key, EFUSE_PURPOSE_SECURE_BOOT_DIGEST0, 0), -EEXIST);
	assert_int_equal(efuse_is_write_protected(d, EFUSE_KEY_PURPOSE_0), 1);
	/* Secure Boot digests 0 and 1, digest 1 revoked. */
	memset(key, 0x11, sizeof(key));
	assert_int_equal(efuse_key_burn(d, 1, key, EFUSE_PURPOSE_SECURE_BOOT_DIGEST0, 0), 0);
	assert_int_equal(efuse_key_read(d, 1, got), 0);
	assert_memory_equal(got, key, sizeof(key));
	memset(key, 0x22, sizeof(key));
	assert_int_equal(efuse_key_burn(d, 3, key, EFUSE_PURPOSE_SECURE_BOOT_DIGEST1, 0), 0);
	assert_int_equal(efuse_field_burn(d, EFUSE_SECURE_BOOT_KEY_REVOKE1, 1), 0);
	assert_int_equal(efuse_secure_boot_digests(d, dg, &present, &revoked), 0);
	assert_int_equal(present, 0x3);
	assert_int_equal(revoked, 0x2);
	assert_memory_equal(dg[1], key, 32);
	assert_int_equal(efuse_key_find(d, EFUSE_PURPOSE_SECURE_BOOT_DIGEST2, &block), -ENOENT);
	assert_int_equal(efuse_key_find(d, EFUSE_PURPOSE_SECURE_BOOT_DIGEST1, &block), 0);
	assert_int_equal(block, 3);
	assert_int_equal(efuse_key_burn(d, 6, key, EFUSE_PURPOSE_USER, 0), -EINVAL);
}

static void test_otp_backend(void **state)
{
	(void)state;
	exercise(otp_backend());
	assert_int_equal(efuse_otp_init(&eo, otp_word_count() - EFUSE_WORDS + 1),
			 -ERANGE);
	unlink(getenv("SLIPWAY_SIM_OTP"));
}

static void test_flash_backends(void **state)
{
	static const uint16_t units[] = { 1, 4, 8, 16 };

	(void)state;
	for (unsigned int i = 0; i < 4; i++) {
		exercise(flash_backend(0xff, units[i]));
		exercise(flash_backend(0x00, units[i]));
	}
	/* Never an erase: the region is only programmed. */
	assert_int_equal(fl.stats.erases, 0);
	flash_backend(0xff, 4);
	assert_int_equal(efuse_flash_init(&ef, &fl.mtd, 4096 - 16), -ERANGE);
	assert_int_equal(efuse_flash_init(&ef, &fl.mtd, 2), -EINVAL);
}

/* Fuse words after an uncut burn of key, purpose, protections. */
static void burn_reference(uint8_t *fuses)
{
	uint8_t key[EFUSE_KEY_LEN];

	memset(key, 0x5c, sizeof(key));
	flash_backend(0xff, 8);
	assert_int_equal(efuse_key_burn(&ef.dev, 2, key,
					EFUSE_PURPOSE_XTS_AES_128_KEY, 1), 0);
	memcpy(fuses, mem + 1024, EFUSE_FLASH_SIZE);
}

static void test_key_burn_power_cuts(void **state)
{
	static const enum sim_cut_mode modes[] = { SIM_CUT_SKIP, SIM_CUT_DONE,
						   SIM_CUT_TORN };
	uint8_t ref[EFUSE_FLASH_SIZE], key[EFUSE_KEY_LEN];
	unsigned int cuts = 0;

	(void)state;
	memset(key, 0x5c, sizeof(key));
	burn_reference(ref);
	for (unsigned int m = 0; m < 3; m++) {
		for (uint64_t op = 0;; op++) {
			int rc;

			flash_backend(0xff, 8);
			sim_flash_arm_cut(&fl, op, modes[m], op * 7 + m);
			rc = efuse_key_burn(&ef.dev, 2, key,
					    EFUSE_PURPOSE_XTS_AES_128_KEY, 1);
			sim_flash_power_on(&fl);
			if (rc == 0)
				break; /* past the last operation */
			cuts++;
			assert_int_equal(efuse_key_burn(&ef.dev, 2, key,
							EFUSE_PURPOSE_XTS_AES_128_KEY, 1), 0);
			assert_memory_equal(mem + 1024, ref, sizeof(ref));
		}
	}
	assert_true(cuts >= 3 * 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_otp_backend),
		cmocka_unit_test(test_flash_backends),
		cmocka_unit_test(test_key_burn_power_cuts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
