/* tests/boot/espidf_signed.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Secure Boot V2 on the ESP-IDF test device (espidf_signed.h). */
#include "tests/boot/espidf_signed.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/otadata/ota_app_sbv2.h"
#include "tools/slipway/esp_secure_key.h"

#include <assert.h>
#include <string.h>

static struct sbv2_key keys[ESPIDF_NKEYS];
static uint8_t efuse_mem[4096];
static const struct mtd_region efuse_region = { 4096, 1 };
static const struct mtd_geometry efuse_geo = { &efuse_region, 1, 4, 0xff, 4096 };
static struct sim_flash efuse_fl;
static struct efuse_flash ef;

void espidf_keys_make(void)
{
	for (int i = 0; i < ESPIDF_NKEYS; i++)
		if (keys[i].fields_len == 0)
			assert(sbv2_key_generate(i == ESPIDF_KEY_E ? SBV2_SCHEME_ECDSA256
							 : SBV2_SCHEME_RSA3072,
						 &keys[i]) == 0);
}

void espidf_keys_free(void)
{
	for (int i = 0; i < ESPIDF_NKEYS; i++)
		if (keys[i].fields_len != 0)
			sbv2_key_free(&keys[i]);
	memset(keys, 0, sizeof(keys));
}

size_t espidf_make_signed(uint8_t *out, const char *tag, uint32_t secure_version,
			  const int *k)
{
	size_t len = espidf_make_app(out, ESPIDF_SIGNED_MAX, tag, secure_version,
				     0x0005);
	size_t data = (len + 4095) & ~(size_t)4095;

	memset(out + len, 0xff, ESPIDF_SIGNED_MAX - len);
	for (unsigned int i = 0; k[i] >= 0; i++)
		assert(sbv2_key_sign_block(&keys[k[i]], out, data,
					   out + data + i * SBV2_BLOCK_SIZE) == 0);
	return data + SBV2_SECTOR_SIZE;
}

void espidf_dev_put_signed(struct espidf_dev *d, uint32_t offset,
			   const char *tag, uint32_t secure_version,
			   const int *k)
{
	static uint8_t img[ESPIDF_SIGNED_MAX];
	size_t len = espidf_make_signed(img, tag, secure_version, k);

	memset(d->mem + offset, 0xff, ESPIDF_DEV_APP_SIZE);
	memcpy(d->mem + offset, img, len);
}

static void burn_digest(int key, unsigned int slot)
{
	uint8_t dg[SBV2_KEY_DIGEST_LEN];

	assert(sbv2_key_digest(&keys[key], dg) == 0);
	assert(efuse_key_burn(&ef.dev, slot, dg, (enum efuse_purpose)
			      (EFUSE_PURPOSE_SECURE_BOOT_DIGEST0 + slot), 0) == 0);
}

struct efuse_dev *espidf_efuse_fresh(int on)
{
	memset(efuse_mem, 0xff, sizeof(efuse_mem));
	assert(sim_flash_init_ram(&efuse_fl, &efuse_geo, efuse_mem) == 0);
	assert(efuse_flash_init(&ef, &efuse_fl.mtd, 0) == 0);
	burn_digest(ESPIDF_KEY_A, 0);
	burn_digest(ESPIDF_KEY_B, 1);
	assert(efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_KEY_REVOKE1, 1) == 0);
	if (on)
		assert(efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_EN, 1) == 0);
	return &ef.dev;
}

struct ota_app_policy espidf_secure_policy(void)
{
	return (struct ota_app_policy){
		.chip = esp_chip_find("esp32c3"), .chip_rev = 3,
		.check_signature = ota_app_sbv2_check, .efuse = &ef.dev,
	};
}
