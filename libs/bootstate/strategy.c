/* libs/bootstate/strategy.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "libs/bootstate/strategy.h"

#include <stddef.h>
#include <string.h>

/*
 * Weak: the bootloader links its own strategy's work, the OS none, the tests
 * and tools all of them.
 */
#define BOOT_STRATEGY_OPS(K, file, ...)                                       \
	extern const struct boot_strategy boot_strategy_##file                \
		__attribute__((weak));
BOOT_STRATEGY_TABLE(BOOT_STRATEGY_OPS)
#undef BOOT_STRATEGY_OPS

#define BOOT_STRATEGY_ROW(K, file, ...)                                       \
	[BOOT_UPGRADE_##K] = { .kind = BOOT_UPGRADE_##K,                      \
			       .ops = &boot_strategy_##file, __VA_ARGS__ },
const struct boot_strategy_desc boot_strategies[BOOT_UPGRADE_KINDS] = {
	BOOT_STRATEGY_TABLE(BOOT_STRATEGY_ROW)
};
#undef BOOT_STRATEGY_ROW

const struct boot_strategy_desc *boot_strategy_desc(enum boot_upgrade_kind k)
{
	return (unsigned int)k < BOOT_UPGRADE_KINDS ? &boot_strategies[k] : NULL;
}

uint32_t boot_strategy_stage_offset(const struct boot_strategy_desc *p,
				    const struct mtd_geometry *geo, uint32_t base)
{
	uint32_t off = base, start, size;

	for (uint32_t k = 0; k < p->stage_sector; k++) {
		if (mtd_sector_at(geo, off, &start, &size) != 0)
			return 0;
		off = start + size;
	}
	return off - base;
}

const struct boot_strategy_desc *boot_strategy_by_name(const char *name)
{
	for (unsigned int k = 0; k < BOOT_UPGRADE_KINDS; k++)
		if (strcmp(boot_strategies[k].name, name) == 0)
			return &boot_strategies[k];
	return NULL;
}

const struct boot_strategy_desc *boot_strategy_kconfig(void)
{
#if defined(CONFIG_BOOT_UPGRADE_STRATEGY)
	return boot_strategy_by_name(CONFIG_BOOT_UPGRADE_STRATEGY);
#else
	return NULL; /* built without a configuration (fuzz targets) */
#endif
}
