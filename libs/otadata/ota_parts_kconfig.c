/* libs/otadata/ota_parts_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The ESP-IDF scheme's settings from this configuration, one place for
 * the loader (boot/loader/scheme_espidf.c) and the OS's agent. */
#include "libs/otadata/ota_parts_kconfig.h"

#include "drivers/counter/moncnt.h"

struct ota_app_policy ota_app_policy_kconfig(void)
{
	return (struct ota_app_policy){
		.chip = esp_chip_find(CONFIG_BOOT_ESPIDF_CHIP),
		.chip_rev = CONFIG_BOOT_ESPIDF_CHIP_REV,
	};
}

struct moncnt_dev *ota_anti_rollback_counter_kconfig(void)
{
#if defined(CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK)
	static struct moncnt_otp counter;

	if (moncnt_otp_init(&counter, CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK_OTP_WORD,
			    2, 1) != 0)
		return NULL;
	return &counter.dev;
#else
	return NULL;
#endif
}
