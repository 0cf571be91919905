/* libs/otadata/ota_parts_kconfig.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The ESP-IDF scheme's settings from this configuration. */
#ifndef SLIPWAY_LIBS_OTADATA_OTA_PARTS_KCONFIG_H
#define SLIPWAY_LIBS_OTADATA_OTA_PARTS_KCONFIG_H

#include "libs/otadata/ota_parts.h"

struct moncnt_dev;

/* CONFIG_BOOT_ESPIDF_CHIP and _CHIP_REV. */
struct ota_app_policy ota_app_policy_kconfig(void);
/* The anti-rollback counter (CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK), or NULL. */
struct moncnt_dev *ota_anti_rollback_counter_kconfig(void);

#if defined(CONFIG_BOOT_ESPIDF_APP_ROLLBACK)
#define OTA_ESPIDF_ROLLBACK 1
#else
#define OTA_ESPIDF_ROLLBACK 0
#endif

/* The loader hands the app what ESP-IDF keeps in RTC memory: which
 * partition it started and whether a factory reset happened. On the sim
 * the environment carries it across the exec (retained RAM's stand-in):
 * "<partition offset in hex>,<factory reset 0|1>". */
#define OTA_ESPIDF_HANDOFF_ENV "SLIPWAY_SIM_ESPIDF_HANDOFF"
/* The reset reason on the sim: "deepsleep" when the app went to deep
 * sleep (its `sleep` command) rather than reset. */
#define OTA_ESPIDF_WAKE_ENV "SLIPWAY_SIM_WAKE"

#endif
