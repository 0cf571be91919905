/* tests/libs/espsecure/test_secure_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 with eFuses (kept in simulated flash): the ROM's rule
 * boots anything while secure boot is off, then only espsecure's signed
 * bootloader, refusing with a named reason a tampered, re-keyed,
 * CRC-broken or unsigned one and one whose key is revoked. The first-boot
 * flow (digest, revocation of unused slots, image check, enable and lock)
 * is proven against power cuts in every eFuse flash operation: the
 * repeated flow always ends with the fuses of an uncut run.
 */
#include "tests/test.h"

#include "drivers/efuse/efuse_flash.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/espsecure/secure_boot.h"
#include "libs/espsecure/secure_boot_flash.h"

#include <errno.h>
#include <string.h>

/* espsecure's vectors sign for the ESP32-C3 (RSA-3072). */
#define C3 SECURE_BOOT_CHIP_ESP32C3

static const struct mtd_region region = { 4096, 1 };
static const struct mtd_geometry geo = { &region, 1, 4, 0xff, 4096 };
static uint8_t mem[4096], ref[4096];
static struct sim_flash fl;
static struct efuse_flash ef;
static uint8_t *boot, *digest;
static size_t boot_len;

static int setup(void **state)
{
	size_t n;

	(void)state;
	if (test_shared_missing())
		return -1;
	boot = test_read_shared("vectors/esp/secure/c3_boot_signed.bin", &boot_len);
	digest = test_read_shared("vectors/esp/secure/sbv2_rsa3072_pubkey_digest.bin", &n);
	assert_int_equal(n, 32);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(boot);
	free(digest);
	return 0;
}

static void fresh(void)
{
	memset(mem, 0xff, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(efuse_flash_init(&ef, &fl.mtd, 0), 0);
}

static int refuse(void *ctx)
{
	(void)ctx;
	return -1;
}

static int rom(const uint8_t *img, size_t len, int *enabled)
{
	enum sbv2_status why[SBV2_MAX_BLOCKS];

	return secure_boot_rom_check(&ef.dev, img, len, C3, enabled, why);
}

static void test_first_boot_and_rom(void **state)
{
	uint8_t *img = malloc(boot_len), dg[3][32];
	uint32_t present, revoked, v;
	int enabled;

	(void)state;
	assert_non_null(img);
	fresh();
	/* Off: anything boots, signed or not. */
	memset(img, 0xff, boot_len);
	assert_int_equal(rom(img, boot_len, &enabled), SBV2_OK);
	assert_int_equal(enabled, 0);
	/* The images fail their check: secure boot stays off. */
	assert_int_equal(secure_boot_first_boot(&ef.dev, boot, boot_len, C3, refuse,
						NULL), -EBADMSG);
	assert_int_equal(efuse_field_read(&ef.dev, EFUSE_SECURE_BOOT_EN, &v), 0);
	assert_int_equal(v, 0);
	/* An unsigned bootloader cannot turn it on. */
	assert_int_equal(secure_boot_first_boot(&ef.dev, img, boot_len, C3, NULL,
						NULL), -EBADMSG);
	/* Now for real. */
	assert_int_equal(secure_boot_first_boot(&ef.dev, boot, boot_len, C3, NULL,
						NULL), 0);
	assert_int_equal(efuse_secure_boot_digests(&ef.dev, dg, &present, &revoked), 0);
	assert_int_equal(present, 0x1);
	assert_int_equal(revoked, 0x0);
	assert_memory_equal(dg[0], digest, 32);
	assert_int_equal(efuse_field_read(&ef.dev, EFUSE_SECURE_BOOT_KEY_REVOKE1, &v), 0);
	assert_int_equal(v, 1); /* unused slots revoked */
	assert_int_equal(efuse_is_write_protected(&ef.dev, EFUSE_SECURE_BOOT_EN), 1);
	assert_int_equal(secure_boot_first_boot(&ef.dev, boot, boot_len, C3, NULL,
						NULL), 0);

	/* On: espsecure's signed bootloader boots ... */
	assert_int_equal(rom(boot, boot_len, &enabled), SBV2_OK);
	assert_int_equal(enabled, 1);
	/* ... an unsigned one does not ... */
	memcpy(img, boot, boot_len - SBV2_SECTOR_SIZE);
	memset(img + boot_len - SBV2_SECTOR_SIZE, 0xff, SBV2_SECTOR_SIZE);
	assert_int_equal(rom(img, boot_len, &enabled), SBV2_ERR_UNSIGNED);
	/* ... nor a tampered one ... */
	memcpy(img, boot, boot_len);
	img[0x30] ^= 1;
	assert_int_equal(rom(img, boot_len, &enabled), SBV2_ERR_DIGEST);
	/* ... nor a CRC-broken block ... */
	memcpy(img, boot, boot_len);
	img[boot_len - SBV2_SECTOR_SIZE + 500] ^= 1;
	assert_int_equal(rom(img, boot_len, &enabled), SBV2_ERR_CRC);
	/* ... nor another key (its modulus changed, CRC made right) ... */
	{
		uint8_t *blk = img + boot_len - SBV2_SECTOR_SIZE;
		uint32_t crc;

		memcpy(img, boot, boot_len);
		blk[SBV2_RSA_N + 100] ^= 0x40;
		crc = sbv2_crc32(blk, SBV2_CRC_LEN);
		for (int i = 0; i < 4; i++)
			blk[SBV2_CRC_LEN + i] = (uint8_t)(crc >> (8 * i));
		assert_int_equal(rom(img, boot_len, &enabled), SBV2_ERR_KEY_UNKNOWN);
	}
	/* ... a truncated one ... */
	assert_int_equal(rom(boot, boot_len - 100, &enabled), SBV2_ERR_LENGTH);
	/* ... and once its key is revoked, not even the signed one. */
	assert_int_equal(efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_KEY_REVOKE0, 1), 0);
	assert_int_equal(rom(boot, boot_len, &enabled), SBV2_ERR_KEY_REVOKED);
	free(img);
}

static void test_first_boot_power_cuts(void **state)
{
	static const enum sim_cut_mode modes[] = { SIM_CUT_SKIP, SIM_CUT_DONE,
						   SIM_CUT_TORN };
	unsigned int cuts = 0;
	int enabled;

	(void)state;
	fresh();
	assert_int_equal(secure_boot_first_boot(&ef.dev, boot, boot_len, C3, NULL,
						NULL), 0);
	memcpy(ref, mem, sizeof(ref));
	for (unsigned int m = 0; m < 3; m++) {
		for (uint64_t op = 0;; op++) {
			int rc;

			fresh();
			sim_flash_arm_cut(&fl, op, modes[m], op * 13 + m);
			rc = secure_boot_first_boot(&ef.dev, boot, boot_len, C3, NULL, NULL);
			sim_flash_power_on(&fl);
			if (rc == 0)
				break;
			cuts++;
			/* Never bricked mid-flow: off (anything boots) or on
			 * with the digest already burned. */
			assert_int_equal(rom(boot, boot_len, &enabled), SBV2_OK);
			assert_int_equal(secure_boot_first_boot(&ef.dev, boot, boot_len, C3,
								NULL, NULL), 0);
			assert_memory_equal(mem, ref, sizeof(ref));
			assert_int_equal(rom(boot, boot_len, &enabled), SBV2_OK);
			assert_int_equal(enabled, 1);
		}
	}
	printf("secure boot first boot: %u cut points, 0 failures\n", cuts);
	assert_true(cuts >= 3 * 10);
}

/* The bootloader kept in flash: its length, its read, the first boot on it. */
static void test_image_in_flash(void **state)
{
	static const struct mtd_region area_region = { 4096, 8 };
	static const struct mtd_geometry area_geo = { &area_region, 1, 4, 0xff, 8 * 4096 };
	static uint8_t area[8 * 4096], buf[8 * 4096], b[3 * 4096];
	enum sbv2_status why[SBV2_MAX_BLOCKS];
	struct sim_flash bootfl;
	uint32_t en;
	size_t len;
	int enabled;

	(void)state;
	/* Lengths: erased is 0; the last non-0xff byte's sector ends it. */
	memset(b, 0xff, sizeof(b));
	assert_int_equal(secure_boot_image_len(b, sizeof(b)), 0);
	b[0] = 0;
	b[5000] = 0x12;
	assert_int_equal(secure_boot_image_len(b, sizeof(b)), 8192);
	b[4095] = 0;
	b[5000] = 0xff;
	assert_int_equal(secure_boot_image_len(b, sizeof(b)), 4096);

	fresh();
	memset(area, 0xff, sizeof(area));
	assert_int_equal(sim_flash_init_ram(&bootfl, &area_geo, area), 0);
	assert_int_equal(secure_boot_read_image(&bootfl.mtd, 0, buf, sizeof(buf), &len),
			 -ENOENT);
	assert_int_equal(secure_boot_flash_first_boot(&ef.dev, &bootfl.mtd, 0, buf,
						      sizeof(buf), C3, NULL, NULL), -ENOENT);
	/* espsecure's signed C3 bootloader, 4 KiB into the flash. */
	assert_true(boot_len <= sizeof(area) - 4096);
	memcpy(area + 4096, boot, boot_len);
	assert_int_equal(secure_boot_flash_first_boot(&ef.dev, &bootfl.mtd, 4096, buf,
						      sizeof(buf) - 4096, C3, NULL,
						      NULL), 0);
	assert_int_equal(efuse_field_read(&ef.dev, EFUSE_SECURE_BOOT_EN, &en), 0);
	assert_int_equal(en, 1);
	assert_int_equal(secure_boot_read_image(&bootfl.mtd, 4096, buf, sizeof(buf) - 4096,
						&len), 0);
	assert_int_equal(len, boot_len);
	assert_int_equal(secure_boot_rom_check(&ef.dev, buf, len, C3, &enabled, why), SBV2_OK);
	/* On: the first boot does not read the flash again (an erased one is fine). */
	assert_int_equal(secure_boot_flash_first_boot(&ef.dev, NULL, 0, buf, 0, C3, NULL,
						      NULL), 0);
	/* A byte written after the signature sector: that sector is no longer
	 * the last, and the image is refused. */
	area[4096 + boot_len + 100] = 0;
	assert_int_equal(secure_boot_read_image(&bootfl.mtd, 4096, buf, sizeof(buf) - 4096,
						&len), 0);
	assert_int_equal(len, boot_len + 4096);
	assert_int_not_equal(secure_boot_rom_check(&ef.dev, buf, len, C3, &enabled, why),
			     SBV2_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_boot_and_rom),
		cmocka_unit_test(test_first_boot_power_cuts),
		cmocka_unit_test(test_image_in_flash),
	};

	if (test_shared_missing())
		return 0;
	return cmocka_run_group_tests(tests, setup, teardown);
}
