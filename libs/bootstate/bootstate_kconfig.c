/* libs/bootstate/bootstate_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Trailer geometry, upgrade strategy and update rules from Kconfig. */
#include "libs/bootstate/bootstate.h"
#include "libs/bootstate/strategy.h"

struct boot_trailer_geo boot_trailer_geo_kconfig(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){
		.slot_size = slot->geo->size,
		.max_align = CONFIG_BOOT_MAX_ALIGN,
		.write_size = slot->geo->program_unit,
		.max_sectors = CONFIG_BOOT_MAX_IMG_SECTORS,
		.records = boot_strategy_kconfig()->trailer_records,
		.erased = slot->geo->erased_value,
	};
}

#include "libs/bootstate/update_rules.h"

int boot_rules_kconfig(struct boot_rules *r, unsigned int nimages)
{
	*r = (struct boot_rules){ 0 };
#if defined(CONFIG_BOOT_DOWNGRADE_PREVENTION)
	r->downgrade_by_version = 1;
#endif
#if defined(CONFIG_BOOT_SECURITY_COUNTER)
	static struct moncnt_otp counter;
	int rc = moncnt_otp_init(&counter, CONFIG_BOOT_SECURITY_COUNTER_OTP_WORD,
				 CONFIG_BOOT_SECURITY_COUNTER_OTP_WORDS, nimages);

	if (rc != 0)
		return rc;
	r->counter = &counter.dev;
#else
	(void)nimages;
#endif
	return 0;
}
