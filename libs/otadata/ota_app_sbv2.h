/* libs/otadata/ota_app_sbv2.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 on an app partition (esp-formats.md 6.1), as ESP-IDF's
 * bootloader checks each app when secure boot is on: the signed data is
 * the ESP image padded with 0xFF to a 4 KiB multiple, the 4 KiB signature
 * sector follows it in the partition, and one of its blocks must sign
 * that data with a key whose digest is in the eFuses and not revoked.
 * Read straight from flash (hashed in 4 KiB pieces), so an app of any
 * size is checked in the same RAM. Plugged into ota_app_check through
 * struct ota_app_policy's check_signature, so the loader's choice and the
 * agent's `end` apply one rule.
 */
#ifndef SLIPWAY_LIBS_OTADATA_OTA_APP_SBV2_H
#define SLIPWAY_LIBS_OTADATA_OTA_APP_SBV2_H

#include "libs/otadata/ota_parts.h"

/*
 * With SECURE_BOOT_EN clear in pol->efuse: 0 (nothing to check, as the
 * chip). With it set: 0 when a block of the signature sector after `img`
 * in `part` (a window of `part_size` bytes) is accepted, else
 * ota_app_signature_error() of the first present block's refusal
 * (SBV2_ERR_UNSIGNED when none is present), or OTA_APP_ERR_EFUSE.
 */
int ota_app_sbv2_check(const struct ota_app_policy *pol, struct mtd_dev *part,
		       uint32_t part_size, const struct esp_image *img);

#endif
