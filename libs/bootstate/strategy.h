/* libs/bootstate/strategy.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The upgrade strategies as one table: for each, what the engine, the
 * flash map's layout check, the update agent, the slot limits, the trailer
 * geometry and the signer need to know of it. The work itself (resume,
 * upgrade) is one file per strategy in boot/engine, found by kind.
 *
 * Adding a strategy: a row here (strategy.c), its file in boot/engine, and
 * its Kconfig symbol in boot/Kconfig with its line in boot/Make.defs and in
 * boot_strategy_kconfig().
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_STRATEGY_H
#define SLIPWAY_LIBS_BOOTSTATE_STRATEGY_H

#include "libs/flashmap/flashmap.h"

#include <stdint.h>

enum boot_upgrade_kind {
	BOOT_UPGRADE_OVERWRITE,
	BOOT_UPGRADE_SWAP_SCRATCH,
	BOOT_UPGRADE_SWAP_MOVE,
	BOOT_UPGRADE_SWAP_OFFSET,
	BOOT_UPGRADE_KINDS,
};

struct boot_strategy_desc {
	const char *name;                  /* as the log and the README say it */
	enum boot_upgrade_kind kind;
	enum flash_map_slot_rule slot_rule; /* what it needs of the two slots */
	int can_revert;                    /* the old image survives, swapped */
	/*
	 * Swaps only (status_records > 0): sectors move in steps, one status
	 * record after each, in the primary's trailer.
	 */
	uint32_t status_records;  /* per sector, 0: copies, no status area */
	uint32_t spare_sectors;   /* primary sectors beyond the image's */
	int needs_scratch;        /* a scratch area of at least one sector */
	/* The trailer's status area: records per sector it reserves. */
	uint32_t trailer_records;
	/*
	 * The secondary's sector an update is staged from (0: its start). A
	 * revert finds the old image at the secondary's start whatever it is.
	 */
	uint32_t stage_sector;
	/*
	 * What SMP's bootloader info reports as "mode": MCUboot's number for
	 * this upgrade mode, as Zephyr's mcumgr clients know them.
	 */
	int mcumgr_mode;
};

/* The table, indexed by kind. */
extern const struct boot_strategy_desc boot_strategies[BOOT_UPGRADE_KINDS];

/* The row of strategy `k` (NULL when there is none). */
const struct boot_strategy_desc *boot_strategy_desc(enum boot_upgrade_kind k);

/*
 * Where strategy `p` stages an update in a secondary slot starting at
 * `base` on a device of geometry `geo`: the size of its first
 * stage_sector sectors (0 for most strategies, or on a bad geometry).
 */
uint32_t boot_strategy_stage_offset(const struct boot_strategy_desc *p,
				    const struct mtd_geometry *geo, uint32_t base);

/* This configuration's strategy (CONFIG_BOOT_UPGRADE_*): the one mapping. */
const struct boot_strategy_desc *boot_strategy_kconfig(void);

#endif
