/* drivers/efuse/efuse_kconfig.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The eFuses the configuration gives: the OTP words from
 * EFUSE_OTP_FIRST_WORD on (the sim's OTP file), or, with
 * EFUSE_VIRTUAL_KEEP_IN_FLASH, the region at EFUSE_FLASH_OFFSET of the
 * boot flash. The one place a program chooses its eFuse backend.
 */
#ifndef SLIPWAY_DRIVERS_EFUSE_EFUSE_KCONFIG_H
#define SLIPWAY_DRIVERS_EFUSE_EFUSE_KCONFIG_H

#include "drivers/efuse/efuse.h"
#include "drivers/mtd/mtd.h"

/* The device, or NULL when the OTP or the flash cannot hold the words.
 * `flash` is the boot flash (unused with the OTP backend). */
struct efuse_dev *efuse_kconfig_open(struct mtd_dev *flash);

#endif
