/* boot/agent/ota_espidf_smp.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF OTA API as an SMP image-management backend (mcumgr, `slipway
 * smp`), in the ESP-IDF boot scheme. Slots are the app partitions: slot k
 * is ota_k, and factory follows the OTA partitions. An upload goes to the
 * next update partition (esp_ota_begin/write/end); "test" or "confirm" of
 * its hash sets it as the boot partition (on trial when rollback is on:
 * ESP-IDF has no permanent switch, the app confirms itself); "confirm" of
 * the running app (or without a hash) marks it valid.
 */
#ifndef SLIPWAY_BOOT_AGENT_OTA_ESPIDF_SMP_H
#define SLIPWAY_BOOT_AGENT_OTA_ESPIDF_SMP_H

#include "boot/agent/ota_espidf.h"
#include "libs/smp/smp_img.h"

struct ota_espidf_smp {
	struct smp_img_ops ops; /* smp_img_ctx.ops points here */
	struct ota_espidf *ota;
	struct ota_espidf_handle h;
};

void ota_espidf_smp_init(struct ota_espidf_smp *o, struct ota_espidf *ota);

#endif
