/* boot/agent/ota_espidf.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The update agent in the ESP-IDF boot scheme: ESP-IDF's OTA API
 * (esp_ota_ops.h) on this project's objects: the flash device, the
 * partition table and otadata read by libs/otadata, ESP images checked by
 * libs/espimage exactly as the loader checks them, the anti-rollback
 * counter the loader reads (drivers/counter).
 *
 * | this API                      | ESP-IDF                                      |
 * |-------------------------------|----------------------------------------------|
 * | ota_espidf_init               | (esp_ota_ops reads the table on first use)   |
 * | ota_espidf_running            | esp_ota_get_running_partition                |
 * | ota_espidf_boot_partition     | esp_ota_get_boot_partition                   |
 * | ota_espidf_next_update        | esp_ota_get_next_update_partition            |
 * | ota_espidf_begin              | esp_ota_begin (erases the image size ahead)  |
 * | ota_espidf_write              | esp_ota_write                                |
 * | ota_espidf_end                | esp_ota_end (validates the whole image)      |
 * | ota_espidf_abort              | esp_ota_abort                                |
 * | ota_espidf_set_boot           | esp_ota_set_boot_partition                   |
 * | ota_espidf_state              | esp_ota_get_state_partition                  |
 * | ota_espidf_mark_valid         | esp_ota_mark_app_valid_cancel_rollback       |
 * | ota_espidf_mark_invalid       | esp_ota_mark_app_invalid_rollback_and_reboot |
 * |                               | (the caller resets: arch_reset)              |
 * | ota_espidf_last_invalid       | esp_ota_get_last_invalid_partition           |
 *
 * Errors are negative errnos, each standing for ESP-IDF's code:
 *   -EINVAL   ESP_ERR_INVALID_ARG (not an OTA app partition, out of order)
 *   -EBUSY    ESP_ERR_OTA_PARTITION_CONFLICT (the running partition) or
 *             ESP_ERR_OTA_ROLLBACK_INVALID_STATE (running app unconfirmed)
 *   -EFBIG    ESP_ERR_INVALID_SIZE (larger than the partition)
 *   -EBADMSG  ESP_ERR_OTA_VALIDATE_FAILED (handle->reason says why)
 *   -ENOENT   ESP_ERR_NOT_FOUND / ESP_FAIL (no otadata entry; factory runs)
 *   -ECANCELED ESP_ERR_OTA_ROLLBACK_FAILED (nothing valid to roll back to)
 *   -EOVERFLOW no sequence number left (ESP-IDF loops forever there)
 *   -EIO      the flash failed
 * Power may fail in any call: otadata is written as ESP-IDF writes it (one
 * sector erased, one entry programmed), so what boots after a cut is what
 * boots before or after the call; tests/boot/powerfail_espidf.c proves it.
 */
#ifndef SLIPWAY_BOOT_AGENT_OTA_ESPIDF_H
#define SLIPWAY_BOOT_AGENT_OTA_ESPIDF_H

#include "drivers/counter/moncnt.h"
#include "libs/flashmap/flash_stream.h"
#include "libs/otadata/ota_parts.h"

/* esp_ota_begin's image_size for "unknown": the whole partition erased. */
#define OTA_ESPIDF_SIZE_UNKNOWN 0xffffffffu

struct ota_espidf_config {
	struct mtd_dev *flash;
	uint32_t table_offset;
	struct ota_app_policy app;   /* as the loader's */
	int rollback;                /* CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE */
	struct moncnt_dev *counter;  /* anti-rollback counter, or NULL */
	unsigned int counter_id;
	uint32_t running_offset;     /* where the running app's partition is */
};

struct ota_espidf {
	struct ota_espidf_config cfg;
	struct ota_parts parts;
	const struct esp_part *running;
};

struct ota_espidf_handle {
	struct ota_espidf *o;
	const struct esp_part *part;
	struct flash_area fa;
	struct flash_area_desc desc;
	struct flash_stream stream;
	int open;
	int reason; /* esp_image_error / ota_app_error of a refused end */
};

int ota_espidf_init(struct ota_espidf *o, const struct ota_espidf_config *cfg);

const struct esp_part *ota_espidf_running(const struct ota_espidf *o);
/* What the loader will choose from otadata (factory, or ota_0 without
 * one, when no entry is valid). NULL when nothing fits. */
const struct esp_part *ota_espidf_boot_partition(const struct ota_espidf *o);
/* The OTA partition after `from` (NULL: the running one), wrapping;
 * ota_0 after factory or test. */
const struct esp_part *ota_espidf_next_update(const struct ota_espidf *o,
					      const struct esp_part *from);

int ota_espidf_begin(struct ota_espidf *o, const struct esp_part *part,
		     uint32_t image_size, struct ota_espidf_handle *h);
int ota_espidf_write(struct ota_espidf_handle *h, const void *data, size_t len);
int ota_espidf_end(struct ota_espidf_handle *h);
void ota_espidf_abort(struct ota_espidf_handle *h);

/* Validate the image in `part`, then point otadata at it (factory:
 * otadata erased). */
int ota_espidf_set_boot(struct ota_espidf *o, const struct esp_part *part);
/* The state of the otadata entry naming `part` (an OTA partition). */
int ota_espidf_state(const struct ota_espidf *o, const struct esp_part *part,
		     uint32_t *state);
int ota_espidf_mark_valid(struct ota_espidf *o);
int ota_espidf_mark_invalid(struct ota_espidf *o);
const struct esp_part *ota_espidf_last_invalid(const struct ota_espidf *o);

#endif
