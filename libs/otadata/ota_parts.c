/* libs/otadata/ota_parts.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The partition table as the ESP-IDF scheme reads it; app image checks. */
#include "libs/otadata/ota_parts.h"

#include "drivers/mtd/mtd_window.h"
#include "libs/espsecure/sbv2.h" /* its status numbers only */

#include <errno.h>
#include <stdio.h>
#include <string.h>

int ota_parts_read(struct mtd_dev *flash, uint32_t table_offset,
		   struct ota_parts *p, char *why, size_t why_len)
{
	static uint8_t raw[ESP_PART_TABLE_LEN];
	unsigned int bad, a, b;
	int rc;

	memset(p, 0, sizeof(*p));
	rc = mtd_read(flash, table_offset, raw, sizeof(raw));
	if (rc < 0) {
		snprintf(why, why_len, "reading it failed (%d)", rc);
		return rc;
	}
	rc = esp_part_parse(raw, sizeof(raw), &p->table, &bad);
	if (rc != ESP_PART_OK) {
		snprintf(why, why_len, "entry %u: %s", bad, esp_part_strerror(rc));
		return rc;
	}
	rc = esp_part_verify(&p->table, table_offset, flash->geo->size, &a, &b);
	if (rc != ESP_PART_OK) {
		snprintf(why, why_len, "'%s': %s", p->table.parts[a].label,
			 esp_part_strerror(rc));
		return rc;
	}
	for (unsigned int i = 0; i < p->table.count; i++) {
		const struct esp_part *e = &p->table.parts[i];
		int k = esp_part_ota_index(e);

		if (e->type == ESP_PART_TYPE_DATA &&
		    e->subtype == ESP_PART_SUBTYPE_DATA_OTA) {
			p->otadata = e;
		} else if (e->type != ESP_PART_TYPE_APP) {
			continue;
		} else if (e->subtype == ESP_PART_SUBTYPE_APP_FACTORY) {
			p->factory = e;
		} else if (e->subtype == OTA_PARTS_SUBTYPE_TEST) {
			p->test = e;
		} else if (k >= 0 && p->ota[k] == NULL) {
			p->ota[k] = e;
			p->layout.ota_count++;
		}
	}
	p->layout.has_otadata = p->otadata != NULL;
	p->layout.has_factory = p->factory != NULL;
	p->layout.has_test = p->test != NULL;
	return 0;
}

const struct esp_part *ota_parts_candidate(const struct ota_parts *p, int c)
{
	if (c == OTADATA_FACTORY)
		return p->factory;
	if (c == OTADATA_TEST)
		return p->test;
	if (c < 0 || c >= OTADATA_MAX_OTA)
		return NULL;
	return p->ota[c];
}

const char *ota_parts_candidate_name(int c, char buf[8])
{
	if (c == OTADATA_FACTORY)
		return "factory";
	if (c == OTADATA_TEST)
		return "test";
	snprintf(buf, 8, "ota_%d", c & 0xf);
	return buf;
}

/*
 * Secure Boot V2's refusals by sbv2_status, in the loader's words:
 * kept here rather than calling sbv2_strerror so that configurations
 * without secure boot link no signature code (see check_signature).
 */
static const char *signature_strerror(int status)
{
	static const char *const names[] = {
		[SBV2_ERR_ABSENT] = "Secure Boot V2: no signature block",
		[SBV2_ERR_CRC] = "Secure Boot V2: signature block CRC mismatch",
		[SBV2_ERR_FORMAT] = "Secure Boot V2: malformed signature block",
		[SBV2_ERR_DIGEST] = "Secure Boot V2: tampered (image digest mismatch)",
		[SBV2_ERR_SIGNATURE] = "Secure Boot V2: signature does not verify",
		[SBV2_ERR_KEY_UNKNOWN] = "Secure Boot V2: signed by a key not in the eFuses",
		[SBV2_ERR_KEY_REVOKED] = "Secure Boot V2: signed by a revoked key",
		[SBV2_ERR_UNSIGNED] = "Secure Boot V2: unsigned (no signature block)",
		[SBV2_ERR_LENGTH] = "Secure Boot V2: no room for the signature sector",
		[SBV2_ERR_CRYPTO] = "Secure Boot V2: crypto backend failure",
		[SBV2_ERR_SCHEME] = "Secure Boot V2: a signature scheme this chip does not accept",
		[SBV2_ERR_CURVE] = "Secure Boot V2: an ECDSA curve this chip does not accept",
	};

	if (status > 0 && (size_t)status < sizeof(names) / sizeof(names[0]))
		return names[status];
	return "Secure Boot V2: refused";
}

const char *ota_app_strerror(int err)
{
	switch (err) {
	case OTA_APP_ERR_SECURE_VERSION:
		return "secure_version below the anti-rollback counter";
	case OTA_APP_ERR_NO_APP_DESC:
		return "no app descriptor (anti-rollback needs its secure_version)";
	case OTA_APP_ERR_WINDOW:
		return "partition is not a window of the flash";
	case OTA_APP_ERR_EFUSE:
		return "the eFuses cannot be read (secure boot state unknown)";
	default:
		if (err <= OTA_APP_ERR_SIGNATURE && err > OTA_APP_ERR_SIGNATURE - 16)
			return signature_strerror(OTA_APP_ERR_SIGNATURE - err);
		return esp_image_strerror(err);
	}
}

int ota_app_check(struct mtd_dev *flash, const struct esp_part *part,
		  const struct ota_app_policy *pol, struct esp_image *img)
{
	const struct esp_image_policy ipol = {
		.chip = pol->chip, .check_mapping = 1,
		.require_app_desc = pol->chip && pol->chip->app_desc_required,
	};
	struct mtd_window w;
	int rc;

	if (mtd_window_init(&w, flash, part->offset, part->size) != 0)
		return OTA_APP_ERR_WINDOW;
	rc = esp_image_read(&w.mtd, part->size, &ipol, img);
	if (rc != ESP_IMAGE_OK)
		return rc;
	rc = esp_image_check_chip_rev(img, pol->chip_rev, 1);
	if (rc != ESP_IMAGE_OK)
		return rc;
	if (pol->anti_rollback) {
		if (!img->has_app_desc)
			return OTA_APP_ERR_NO_APP_DESC;
		if (img->app.secure_version < pol->secure_version_min)
			return OTA_APP_ERR_SECURE_VERSION;
	}
	if (pol->check_signature != NULL)
		return pol->check_signature(pol, &w.mtd, part->size, img);
	return 0;
}
