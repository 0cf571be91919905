/* drivers/efuse/efuse_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/efuse/efuse_kconfig.h"

#include <stddef.h>

#if defined(CONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH)
#include "drivers/efuse/efuse_flash.h"

struct efuse_dev *efuse_kconfig_open(struct mtd_dev *flash)
{
	static struct efuse_flash ef;

	if (flash == NULL || efuse_flash_init(&ef, flash, CONFIG_EFUSE_FLASH_OFFSET) != 0)
		return NULL;
	return &ef.dev;
}
#else
#include "drivers/efuse/efuse_otp.h"

struct efuse_dev *efuse_kconfig_open(struct mtd_dev *flash)
{
	static struct efuse_otp ef;

	(void)flash;
	if (efuse_otp_init(&ef, CONFIG_EFUSE_OTP_FIRST_WORD) != 0)
		return NULL;
	return &ef.dev;
}
#endif
