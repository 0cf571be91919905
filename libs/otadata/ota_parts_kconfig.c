/* libs/otadata/ota_parts_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The ESP-IDF scheme's settings from this configuration, one place for
 * the loader (boot/loader/scheme_espidf.c) and the OS's agent. */
#include "libs/otadata/ota_parts_kconfig.h"

#include "drivers/counter/moncnt.h"
#if defined(CONFIG_BOOT_ESPIDF_SECURE_BOOT)
#include "drivers/efuse/efuse_otp.h"
#include "libs/otadata/ota_app_sbv2.h"

/* Two users of the OTP words: the build refuses a layout where they meet. */
#if defined(CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK) && \
	CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK_OTP_WORD + 2 > CONFIG_EFUSE_OTP_FIRST_WORD && \
	CONFIG_EFUSE_OTP_FIRST_WORD + EFUSE_WORDS > CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK_OTP_WORD
#error "the eFuses (EFUSE_OTP_FIRST_WORD, 53 words) overlap the anti-rollback counter (BOOT_ESPIDF_ANTI_ROLLBACK_OTP_WORD, 2 words)"
#endif
#if defined(CONFIG_SIM_OTP_WORDS) && \
	CONFIG_EFUSE_OTP_FIRST_WORD + EFUSE_WORDS > CONFIG_SIM_OTP_WORDS
#error "the eFuses (EFUSE_OTP_FIRST_WORD + 53 words) do not fit the sim's OTP (SIM_OTP_WORDS)"
#endif

/* The eFuses on the OTP words CONFIG_EFUSE_OTP_FIRST_WORD on, or NULL. */
static struct efuse_dev *secure_boot_efuse(void)
{
	static struct efuse_otp fuses;

	if (fuses.dev.ops == NULL &&
	    efuse_otp_init(&fuses, CONFIG_EFUSE_OTP_FIRST_WORD) != 0)
		return NULL;
	return &fuses.dev;
}
#endif

struct ota_app_policy ota_app_policy_kconfig(void)
{
	return (struct ota_app_policy){
		.chip = esp_chip_find(CONFIG_BOOT_ESPIDF_CHIP),
		.chip_rev = CONFIG_BOOT_ESPIDF_CHIP_REV,
#if defined(CONFIG_BOOT_ESPIDF_SECURE_BOOT)
		.check_signature = ota_app_sbv2_check,
		.efuse = secure_boot_efuse(),
#endif
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
