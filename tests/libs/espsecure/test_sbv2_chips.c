/* tests/libs/espsecure/test_sbv2_chips.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The chips' Secure Boot V2 ROM rules (secure_boot_chip_rule,
 * esp-formats.md 6.1) through the ROM check and the first boot: the C2
 * reads block 0 only, ECDSA P-192/P-256 against one digest without revoke
 * bits, refusing RSA-3072 and P-384 by name; the C3 is RSA only; the C6
 * and H2 take RSA or P-256. RSA blocks are espsecure's (the C3 vector);
 * ECDSA blocks are signed here by the tool's signer with fresh keys.
 */
#include "tests/test.h"

#include "drivers/efuse/efuse_flash.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/espsecure/secure_boot.h"
#include "tools/slipway/esp_secure_key.h"

#include <errno.h>
#include <string.h>

#define C2 SECURE_BOOT_CHIP_ESP32C2
#define C3 SECURE_BOOT_CHIP_ESP32C3
#define C6 SECURE_BOOT_CHIP_ESP32C6
#define H2 SECURE_BOOT_CHIP_ESP32H2

enum { K192, K256, K256B, K384, NKEYS };

static const struct mtd_region region = { 4096, 1 };
static const struct mtd_geometry geo = { &region, 1, 4, 0xff, 4096 };
static uint8_t mem[4096], ref[4096];
static struct sim_flash fl;
static struct efuse_flash ef;
static struct sbv2_key keys[NKEYS];
static uint8_t *boot, *rsa_digest, *img;
static size_t boot_len, data_len;

static int setup(void **state)
{
	static const enum sbv2_scheme schemes[NKEYS] = {
		SBV2_SCHEME_ECDSA192, SBV2_SCHEME_ECDSA256, SBV2_SCHEME_ECDSA256,
		SBV2_SCHEME_ECDSA384,
	};
	size_t n;

	(void)state;
	if (test_shared_missing())
		return -1;
	boot = test_read_shared("vectors/esp/secure/c3_boot_signed.bin", &boot_len);
	rsa_digest = test_read_shared("vectors/esp/secure/sbv2_rsa3072_pubkey_digest.bin",
				      &n);
	assert_int_equal(n, 32);
	data_len = boot_len - SBV2_SECTOR_SIZE;
	img = malloc(boot_len);
	assert_non_null(img);
	for (int i = 0; i < NKEYS; i++)
		assert_int_equal(sbv2_key_generate(schemes[i], &keys[i]), 0);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	for (int i = 0; i < NKEYS; i++)
		sbv2_key_free(&keys[i]);
	free(boot);
	free(rsa_digest);
	free(img);
	return 0;
}

static uint8_t *block(unsigned int i)
{
	return img + data_len + i * SBV2_BLOCK_SIZE;
}

/* The vector's bootloader data with an empty signature sector. */
static void unsigned_image(void)
{
	memcpy(img, boot, data_len);
	memset(img + data_len, 0xff, SBV2_SECTOR_SIZE);
}

/* Block i: espsecure's RSA-3072 block (key < 0) or one of our keys'. */
static void sign(unsigned int i, int key)
{
	if (key < 0)
		memcpy(block(i), boot + data_len, SBV2_BLOCK_SIZE);
	else
		assert_int_equal(sbv2_key_sign_block(&keys[key], img, data_len,
						     block(i)), 0);
}

static void digest_of(int key, uint8_t d[32])
{
	if (key < 0)
		memcpy(d, rsa_digest, 32);
	else
		assert_int_equal(sbv2_key_digest(&keys[key], d), 0);
}

static void fresh(void)
{
	memset(mem, 0xff, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(efuse_flash_init(&ef, &fl.mtd, 0), 0);
}

/* Secure boot on, trusting `key`'s digest in slot `slot`. */
static void trust(int key, unsigned int slot)
{
	uint8_t d[32];

	digest_of(key, d);
	assert_int_equal(efuse_key_burn(&ef.dev, slot, d,
					(enum efuse_purpose)
					(EFUSE_PURPOSE_SECURE_BOOT_DIGEST0 + slot), 0), 0);
	assert_int_equal(efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_EN, 1), 0);
}

/* The ROM's verdict on `img` for `chip` with `key` trusted in slot 0. */
static int rom(enum secure_boot_chip chip, int key,
	       enum sbv2_status why[SBV2_MAX_BLOCKS])
{
	int enabled = 0, rc;

	fresh();
	trust(key, 0);
	rc = secure_boot_rom_check(&ef.dev, img, boot_len, chip, &enabled, why);
	assert_int_equal(enabled, 1);
	return rc;
}

/* A one-block image signed by `key`, under `chip`, trusting that key. */
static int one_block(enum secure_boot_chip chip, int key)
{
	enum sbv2_status why[SBV2_MAX_BLOCKS];

	unsigned_image();
	sign(0, key);
	return rom(chip, key, why);
}

static void test_table(void **state)
{
	const struct secure_boot_chip_rule *c2 = secure_boot_chip_rule(C2);
	const struct secure_boot_chip_rule *c3 = secure_boot_chip_rule(C3);

	(void)state;
	fresh();
	assert_int_equal(c2->sig.blocks, 1);
	assert_int_equal(c2->digest_slots, 1);
	assert_int_equal(c2->revocable, 0);
	assert_int_equal(c3->sig.blocks, 3);
	assert_int_equal(c3->digest_slots, 3);
	assert_null(secure_boot_chip_rule(SECURE_BOOT_CHIP_COUNT));
	assert_int_equal(secure_boot_rom_check(&ef.dev, boot, boot_len,
					       SECURE_BOOT_CHIP_COUNT, &(int){ 0 },
					       NULL), -EINVAL);
	assert_string_equal(sbv2_strerror(SBV2_ERR_SCHEME),
			    "signature scheme this chip's ROM does not accept");
	assert_string_equal(sbv2_strerror(SBV2_ERR_CURVE),
			    "ECDSA curve this chip's ROM does not accept");
}

/* espsecure's vector verifies under the chip it was made for (C3), and
 * under the C6 and H2; the C2 refuses it by name. */
static void test_vector_per_chip(void **state)
{
	enum sbv2_status why[SBV2_MAX_BLOCKS];

	(void)state;
	memcpy(img, boot, boot_len);
	assert_int_equal(rom(C3, -1, why), SBV2_OK);
	assert_int_equal(rom(C6, -1, why), SBV2_OK);
	assert_int_equal(rom(H2, -1, why), SBV2_OK);
	assert_int_equal(rom(C2, -1, why), SBV2_ERR_SCHEME);
	assert_int_equal(why[0], SBV2_ERR_SCHEME);
}

static void test_schemes_and_curves(void **state)
{
	(void)state;
	/* C2: P-192 and P-256 in block 0; no RSA, no P-384. */
	assert_int_equal(one_block(C2, K192), SBV2_OK);
	assert_int_equal(one_block(C2, K256), SBV2_OK);
	assert_int_equal(one_block(C2, K384), SBV2_ERR_CURVE);
	assert_int_equal(one_block(C2, -1), SBV2_ERR_SCHEME);
	/* C3: RSA only. */
	assert_int_equal(one_block(C3, -1), SBV2_OK);
	assert_int_equal(one_block(C3, K256), SBV2_ERR_SCHEME);
	assert_int_equal(one_block(C3, K192), SBV2_ERR_SCHEME);
	/* C6 and H2: RSA or P-256. */
	for (enum secure_boot_chip c = C6; c <= H2; c++) {
		assert_int_equal(one_block(c, -1), SBV2_OK);
		assert_int_equal(one_block(c, K256), SBV2_OK);
		assert_int_equal(one_block(c, K192), SBV2_ERR_CURVE);
		assert_int_equal(one_block(c, K384), SBV2_ERR_CURVE);
	}
}

/* The C2 reads block 0 and digest slot 0 only, and has no revoke bits. */
static void test_c2_one_block_one_key(void **state)
{
	enum sbv2_status why[SBV2_MAX_BLOCKS];
	int enabled;

	(void)state;
	/* A valid block 1 behind a CRC-broken block 0. */
	unsigned_image();
	sign(0, K256);
	sign(1, K256);
	block(0)[100] ^= 1;
	assert_int_equal(rom(C2, K256, why), SBV2_ERR_CRC);
	assert_int_equal(why[1], SBV2_ERR_ABSENT); /* not read */
	assert_int_equal(rom(C6, K256, why), SBV2_OK); /* a C6 reads it */
	assert_int_equal(why[1], SBV2_OK);
	/* Block 0 of an unaccepted scheme, block 1 fine: still refused. */
	sign(0, -1);
	assert_int_equal(rom(C2, K256, why), SBV2_ERR_SCHEME);
	/* The key trusted in slot 1 only: unknown to a C2. */
	sign(0, K256);
	fresh();
	trust(K256, 1);
	assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C2, &enabled,
					       why), SBV2_ERR_KEY_UNKNOWN);
	assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C6, &enabled,
					       why), SBV2_OK);
	/* Revoke bit 0 (which a C2 lacks) does not apply to it; a C6 obeys it. */
	fresh();
	trust(K256, 0);
	assert_int_equal(efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_KEY_REVOKE0, 1), 0);
	assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C2, &enabled,
					       why), SBV2_OK);
	assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C6, &enabled,
					       why), SBV2_ERR_KEY_REVOKED);
}

/* The digests, which slots hold one, and the three revoke bits (each
 * read alone: efuse_secure_boot_digests reports present slots' only). */
static void fuses(uint8_t dg[3][32], uint32_t *present, uint32_t *revoked)
{
	uint32_t unused, v;

	assert_int_equal(efuse_secure_boot_digests(&ef.dev, dg, present, &unused), 0);
	*revoked = 0;
	for (unsigned int i = 0; i < 3; i++) {
		assert_int_equal(efuse_field_read(&ef.dev, (enum efuse_field)
						  (EFUSE_SECURE_BOOT_KEY_REVOKE0 + i),
						  &v), 0);
		*revoked |= (v & 1u) << i;
	}
}

static void test_first_boot_per_chip(void **state)
{
	uint8_t dg[3][32], d[32];
	uint32_t present, revoked, en;
	int enabled;

	(void)state;
	/* C2: block 0's key in slot 0; block 1 ignored; nothing revoked. */
	unsigned_image();
	sign(0, K256);
	sign(1, K256B);
	fresh();
	assert_int_equal(secure_boot_first_boot(&ef.dev, img, boot_len, C2, NULL, NULL), 0);
	fuses(dg, &present, &revoked);
	assert_int_equal(present, 0x1);
	assert_int_equal(revoked, 0x0);
	digest_of(K256, d);
	assert_memory_equal(dg[0], d, 32);
	assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C2, &enabled,
					       NULL), SBV2_OK);
	/* C2 with an RSA block 0 (and a P-256 block 1): nothing to burn,
	 * secure boot stays off. */
	sign(0, -1);
	fresh();
	assert_int_equal(secure_boot_first_boot(&ef.dev, img, boot_len, C2, NULL, NULL),
			 -EBADMSG);
	fuses(dg, &present, &revoked);
	assert_int_equal(present | revoked, 0);
	assert_int_equal(efuse_field_read(&ef.dev, EFUSE_SECURE_BOOT_EN, &en), 0);
	assert_int_equal(en, 0);
	/* C3 with a P-256 block 0 and the RSA block 1: only slot 1 burned,
	 * 0 and 2 revoked; the ROM then boots it by block 1. */
	unsigned_image();
	sign(0, K256);
	sign(1, -1);
	fresh();
	assert_int_equal(secure_boot_first_boot(&ef.dev, img, boot_len, C3, NULL, NULL), 0);
	fuses(dg, &present, &revoked);
	assert_int_equal(present, 0x2);
	assert_int_equal(revoked, 0x5);
	assert_memory_equal(dg[1], rsa_digest, 32);
	assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C3, &enabled,
					       NULL), SBV2_OK);
}

/* The C2's first boot against power cuts in every eFuse operation. */
static void test_c2_first_boot_power_cuts(void **state)
{
	static const enum sim_cut_mode modes[] = { SIM_CUT_SKIP, SIM_CUT_DONE,
						   SIM_CUT_TORN };
	unsigned int cuts = 0;
	int enabled;

	(void)state;
	unsigned_image();
	sign(0, K192);
	fresh();
	assert_int_equal(secure_boot_first_boot(&ef.dev, img, boot_len, C2, NULL, NULL), 0);
	memcpy(ref, mem, sizeof(ref));
	for (unsigned int m = 0; m < 3; m++) {
		for (uint64_t op = 0;; op++) {
			int rc;

			fresh();
			sim_flash_arm_cut(&fl, op, modes[m], op * 13 + m);
			rc = secure_boot_first_boot(&ef.dev, img, boot_len, C2, NULL, NULL);
			sim_flash_power_on(&fl);
			if (rc == 0)
				break;
			cuts++;
			assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C2,
							       &enabled, NULL), SBV2_OK);
			assert_int_equal(secure_boot_first_boot(&ef.dev, img, boot_len,
								C2, NULL, NULL), 0);
			assert_memory_equal(mem, ref, sizeof(ref));
			assert_int_equal(secure_boot_rom_check(&ef.dev, img, boot_len, C2,
							       &enabled, NULL), SBV2_OK);
			assert_int_equal(enabled, 1);
		}
	}
	printf("C2 secure boot first boot: %u cut points, 0 failures\n", cuts);
	assert_true(cuts >= 3 * 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_vector_per_chip),
		cmocka_unit_test(test_schemes_and_curves),
		cmocka_unit_test(test_c2_one_block_one_key),
		cmocka_unit_test(test_first_boot_per_chip),
		cmocka_unit_test(test_c2_first_boot_power_cuts),
	};

	if (test_shared_missing())
		return 0;
	return cmocka_run_group_tests(tests, setup, teardown);
}
