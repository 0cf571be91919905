/* tools/mcuboot-size/port/mcuboot_config/mcuboot_logging.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * No logging (the comparison is against Slipway at CONFIG_LOG_LEVEL_NONE).
 */
#include "bootutil/ignore.h"
#define MCUBOOT_LOG_MODULE_DECLARE(domain)
#define MCUBOOT_LOG_MODULE_REGISTER(domain)
#define MCUBOOT_LOG_ERR(...) IGNORE(__VA_ARGS__)
#define MCUBOOT_LOG_WRN(...) IGNORE(__VA_ARGS__)
#define MCUBOOT_LOG_INF(...) IGNORE(__VA_ARGS__)
#define MCUBOOT_LOG_DBG(...) IGNORE(__VA_ARGS__)
#define MCUBOOT_LOG_SIM(...) IGNORE(__VA_ARGS__)
