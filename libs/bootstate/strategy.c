/* libs/bootstate/strategy.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "libs/bootstate/strategy.h"

#include <stddef.h>

/*
 * trailer_records is 3 for every row, overwrite-only included: the
 * swap modes' layout (format doc 4.4), so that a slot's trailer sits in
 * one place whichever of these bootloaders reads it.
 */
const struct boot_strategy_desc boot_strategies[BOOT_UPGRADE_KINDS] = {
	[BOOT_UPGRADE_OVERWRITE] = {
		.name = "overwrite-only", .kind = BOOT_UPGRADE_OVERWRITE,
		.slot_rule = FLASH_MAP_SLOTS_ANY, .can_revert = 0,
		.status_records = 0, .spare_sectors = 0, .needs_scratch = 0,
		.trailer_records = 3, .stage_sector = 0, .mcumgr_mode = 2,
	},
	[BOOT_UPGRADE_SWAP_SCRATCH] = {
		.name = "swap-scratch", .kind = BOOT_UPGRADE_SWAP_SCRATCH,
		.slot_rule = FLASH_MAP_SLOTS_EQUAL, .can_revert = 1,
		.status_records = 3, .spare_sectors = 0, .needs_scratch = 1,
		.trailer_records = 3, .stage_sector = 0, .mcumgr_mode = 1,
	},
	[BOOT_UPGRADE_SWAP_MOVE] = {
		.name = "swap-move", .kind = BOOT_UPGRADE_SWAP_MOVE,
		.slot_rule = FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE, .can_revert = 1,
		.status_records = 3, .spare_sectors = 1, .needs_scratch = 0,
		.trailer_records = 3, .stage_sector = 0, .mcumgr_mode = 3,
	},
	[BOOT_UPGRADE_SWAP_OFFSET] = {
		.name = "swap-offset", .kind = BOOT_UPGRADE_SWAP_OFFSET,
		.slot_rule = FLASH_MAP_SLOTS_SECONDARY_SAME_OR_ONE_MORE,
		.can_revert = 1,
		.status_records = 2, .spare_sectors = 0, .needs_scratch = 0,
		.trailer_records = 3, .stage_sector = 1, .mcumgr_mode = 9,
	},
};

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

const struct boot_strategy_desc *boot_strategy_kconfig(void)
{
#if defined(CONFIG_BOOT_UPGRADE_SWAP_SCRATCH)
	return &boot_strategies[BOOT_UPGRADE_SWAP_SCRATCH];
#elif defined(CONFIG_BOOT_UPGRADE_SWAP_MOVE)
	return &boot_strategies[BOOT_UPGRADE_SWAP_MOVE];
#elif defined(CONFIG_BOOT_UPGRADE_SWAP_OFFSET)
	return &boot_strategies[BOOT_UPGRADE_SWAP_OFFSET];
#else
	return &boot_strategies[BOOT_UPGRADE_OVERWRITE];
#endif
}
