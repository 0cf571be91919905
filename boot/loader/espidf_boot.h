/* boot/loader/espidf_boot.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF boot scheme's decision: which app partition starts, as
 * ESP-IDF v5.5's second-stage bootloader decides it (esp-formats.md
 * sections 1.8, 3 and 4): the partition table, otadata and its rollback
 * rewrites, the factory-reset and test-app requests, the fallback order,
 * each candidate's ESP image validated completely, the anti-rollback
 * counter. Independent of the configuration (scheme_espidf.c feeds it from
 * Kconfig and the board) so tests and the power-fail proof run it as is.
 */
#ifndef SLIPWAY_BOOT_LOADER_ESPIDF_BOOT_H
#define SLIPWAY_BOOT_LOADER_ESPIDF_BOOT_H

#include "drivers/counter/moncnt.h"
#include "libs/otadata/ota_parts.h"

struct espidf_boot_cfg {
	struct mtd_dev *flash;
	uint32_t table_offset;
	struct ota_app_policy app; /* chip, revision; anti_rollback from counter */
	int rollback;              /* CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE */
	/* Anti-rollback: counter `counter_id` of `counter` (NULL: off). */
	struct moncnt_dev *counter;
	unsigned int counter_id;
	/* Factory reset requested (its pin held for the hold time, and not a
	 * deep-sleep wake): erase the data partitions in `erase_list`
	 * (labels, comma-separated) and otadata when `erase_otadata`. */
	int factory_reset;
	const char *erase_list;
	int erase_otadata;
	int test_app; /* the test-app pin held: boot `test` only */
};

struct espidf_boot_result {
	int candidate;               /* OTA index, OTADATA_FACTORY or _TEST */
	const struct esp_part *part; /* the partition to start */
	struct esp_image img;        /* its image, validated */
	int factory_reset_done;      /* for the app's "factory reset happened" */
	unsigned int refused;        /* candidates refused before it */
};

/*
 * Decide and do the flash writes that go with the decision (otadata
 * rewrites, factory-reset erases, the anti-rollback raise). 0: start
 * r->part; -EINVAL: the partition table is refused (nothing boots, as in
 * ESP-IDF); -ENOENT: no candidate validates. Every refusal is logged with
 * its reason; a refusal never erases anything.
 */
int espidf_boot_select(const struct espidf_boot_cfg *cfg,
		       struct ota_parts *parts, struct espidf_boot_result *r);

/* Is `label` in the comma-separated `list` (spaces around names ignored)? */
int espidf_label_listed(const char *list, const char *label);

#endif
