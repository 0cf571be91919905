/* libs/otadata/ota_parts.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF boot scheme's view of a partition table: where otadata,
 * factory, test and ota_0..ota_15 are, read the way ESP-IDF's bootloader
 * reads it (bootloader_utility_load_partition_table), and the check an app
 * partition's ESP image must pass to boot or to be set as the boot
 * partition. Shared by the loader (boot/loader/espidf_boot.c), the agent
 * (boot/agent/ota_espidf.c) and their tests.
 */
#ifndef SLIPWAY_LIBS_OTADATA_OTA_PARTS_H
#define SLIPWAY_LIBS_OTADATA_OTA_PARTS_H

#include "libs/esppart/esp_part.h"
#include "libs/espimage/esp_image.h"
#include "libs/otadata/otadata.h"

#define OTA_PARTS_SUBTYPE_TEST 0x20

struct ota_parts {
	struct esp_part_table table;
	const struct esp_part *otadata, *factory, *test;
	const struct esp_part *ota[OTADATA_MAX_OTA]; /* by subtype - 0x10 */
	struct otadata_layout layout;                /* rollback left 0 */
};

/*
 * Read, parse and check the table at `table_offset` of `flash` (MD5,
 * magic, order, overlaps, alignment: esp_part_verify). 0, an esp_part_error
 * (why names the partition), or a negative errno from the flash.
 */
int ota_parts_read(struct mtd_dev *flash, uint32_t table_offset,
		   struct ota_parts *p, char *why, size_t why_len);

/* The partition a candidate (OTA index, OTADATA_FACTORY or OTADATA_TEST)
 * names, or NULL when the table has none. */
const struct esp_part *ota_parts_candidate(const struct ota_parts *p, int c);
/* "ota_1", "factory", "test" */
const char *ota_parts_candidate_name(int c, char buf[8]);

struct efuse_dev;

/* What an app's ESP image must satisfy (esp-formats.md 1.8). */
struct ota_app_policy {
	const struct esp_chip *chip; /* its chip id and memory map */
	uint16_t chip_rev;           /* this chip's revision (major*100+minor) */
	int anti_rollback;           /* check secure_version */
	uint32_t secure_version_min; /* the anti-rollback counter */
	/*
	 * The app's signature, after the image checks passed: NULL for none,
	 * or ota_app_sbv2_check (CONFIG_BOOT_ESPIDF_SECURE_BOOT) with the
	 * eFuses holding the enable bit and key digests. A pointer, so what
	 * links ota_parts.c without secure boot links no signature code.
	 */
	int (*check_signature)(const struct ota_app_policy *pol,
			       struct mtd_dev *part, uint32_t part_size,
			       const struct esp_image *img);
	struct efuse_dev *efuse;
};

enum ota_app_error {
	OTA_APP_ERR_SECURE_VERSION = -1400, /* secure_version below the counter */
	OTA_APP_ERR_NO_APP_DESC,            /* anti-rollback needs the descriptor */
	OTA_APP_ERR_WINDOW,                 /* the partition is not a flash window */
	OTA_APP_ERR_EFUSE,                  /* the eFuses cannot be read */
	/* Secure Boot V2 refused the app: OTA_APP_ERR_SIGNATURE - the
	 * sbv2_status (libs/espsecure/sbv2.h), one code per reason. */
	OTA_APP_ERR_SIGNATURE = -1500,
};

/* The error for a Secure Boot V2 refusal `sbv2_status`. */
#define ota_app_signature_error(sbv2_status) \
	(OTA_APP_ERR_SIGNATURE - (int)(sbv2_status))

const char *ota_app_strerror(int err);

/* Validate the ESP image in partition `part` of `flash` completely
 * (format, chip, revision, checksum, appended SHA-256, secure_version,
 * then the signature when the policy checks one). 0, an esp_image_error
 * or an ota_app_error. */
int ota_app_check(struct mtd_dev *flash, const struct esp_part *part,
		  const struct ota_app_policy *pol, struct esp_image *img);

#endif
