/* tests/fuzz/fuzz_ota_app_sbv2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: an app partition checked with Secure Boot V2 on
 * (ota_app_check with ota_app_sbv2_check), as the ESP-IDF loader and the
 * agent check one. The input is the partition's bytes; the eFuses trust
 * the key of the first block that decodes in the sector after the image
 * (so the fuzzer reaches the signature checks), or a fixed digest. The
 * check must end in 0 or a named refusal, never read outside the
 * partition (the flash is exactly the partition, rounded to 4 KiB).
 */
#include "drivers/efuse/efuse_flash.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/espsecure/sbv2.h"
#include "libs/otadata/ota_app_sbv2.h"

#include <stdlib.h>
#include <string.h>

#define MAX_PART (256 * 1024)

static uint8_t part_mem[MAX_PART], efuse_mem[4096];

/* The key digest of the first block that decodes at a 4 KiB boundary. */
static void first_key(const uint8_t *data, size_t len, uint8_t d[32])
{
	memset(d, 0xa5, 32);
	for (size_t off = 4096; off + SBV2_SECTOR_SIZE <= len; off += 4096) {
		struct sbv2_block b;

		if (sbv2_block_decode(data + off, &b) == SBV2_OK &&
		    sbv2_block_key_digest(&b, d) == 0)
			return;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct mtd_region eregion = { 4096, 1 };
	static const struct mtd_geometry egeo = { &eregion, 1, 4, 0xff, 4096 };
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl, efl;
	struct efuse_flash ef;
	struct ota_app_policy pol = { .check_signature = ota_app_sbv2_check };
	struct esp_part part = { .offset = 0 };
	struct esp_image img;
	uint8_t digest[32];
	size_t size = (len + 4095) & ~(size_t)4095;
	int rc;

	if (len == 0 || size > MAX_PART)
		return 0;
	memset(part_mem, 0xff, size);
	memcpy(part_mem, data, len);
	region = (struct mtd_region){ 4096, (uint32_t)(size / 4096) };
	geo = (struct mtd_geometry){ &region, 1, 4, 0xff, (uint32_t)size };
	memset(efuse_mem, 0xff, sizeof(efuse_mem));
	if (sim_flash_init_ram(&fl, &geo, part_mem) != 0 ||
	    sim_flash_init_ram(&efl, &egeo, efuse_mem) != 0 ||
	    efuse_flash_init(&ef, &efl.mtd, 0) != 0)
		abort();
	first_key(part_mem, size, digest);
	if (efuse_key_burn(&ef.dev, 0, digest, EFUSE_PURPOSE_SECURE_BOOT_DIGEST0, 0) != 0 ||
	    efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_EN, 1) != 0)
		abort();
	pol.efuse = &ef.dev;
	/* The chip the image names (its extended header's chip id), so that
	 * every chip's signature rule is reached; the C3 when it names none. */
	pol.chip = len >= 14 ? esp_chip_by_id((uint16_t)(data[12] | data[13] << 8)) : NULL;
	if (pol.chip == NULL)
		pol.chip = esp_chip_find("esp32c3");
	part.size = (uint32_t)size;
	rc = ota_app_check(&fl.mtd, &part, &pol, &img);
	/* Every refusal has a name of its own. */
	if (rc != 0 && strncmp(ota_app_strerror(rc), "unknown", 7) == 0)
		abort();
	if (rc <= OTA_APP_ERR_SIGNATURE &&
	    (strncmp(ota_app_strerror(rc), "Secure Boot V2: ", 16) != 0 ||
	     strcmp(ota_app_strerror(rc), "Secure Boot V2: refused") == 0))
		abort();
	return 0;
}
