/* libs/bootstate/strategy.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The upgrade strategies as one table: for each, what the engine, the
 * flash map's layout check (which the build runs on the board's layout),
 * the update agent, the slot limits, the trailer geometry, the signer and
 * SMP's bootloader info need to know of it, and where its work (resume,
 * upgrade) is.
 *
 * Adding a strategy is one file and one row: its work in
 * boot/engine/strategy_<file>.c, defining `struct boot_strategy
 * boot_strategy_<file>`, and its row in BOOT_STRATEGY_TABLE below. The row
 * gives the kind (enum boot_upgrade_kind's BOOT_UPGRADE_<KIND>), <file>,
 * and the facts (struct boot_strategy_desc); `name` is what
 * CONFIG_BOOT_UPGRADE_STRATEGY says, with '-' where <file> has '_'.
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_STRATEGY_H
#define SLIPWAY_LIBS_BOOTSTATE_STRATEGY_H

#include "libs/flashmap/flashmap.h"

#include <stdint.h>

/*
 * The table. trailer_records is 3 for every row, overwrite-only included:
 * the swap modes' layout (format doc 4.4), so that a slot's trailer sits
 * in one place whichever of these bootloaders reads it.
 */
#define BOOT_STRATEGY_TABLE(ROW)                                              \
	ROW(OVERWRITE, overwrite_only,                                        \
	    .name = "overwrite-only", .slot_rule = FLASH_MAP_SLOTS_ANY,       \
	    .can_revert = 0, .status_records = 0, .spare_sectors = 0,         \
	    .needs_scratch = 0, .trailer_records = 3, .stage_sector = 0,      \
	    .mcumgr_mode = 2)                                                 \
	ROW(SWAP_SCRATCH, swap_scratch,                                       \
	    .name = "swap-scratch", .slot_rule = FLASH_MAP_SLOTS_EQUAL,       \
	    .can_revert = 1, .status_records = 3, .spare_sectors = 0,         \
	    .needs_scratch = 1, .trailer_records = 3, .stage_sector = 0,      \
	    .mcumgr_mode = 1)                                                 \
	ROW(SWAP_MOVE, swap_move,                                             \
	    .name = "swap-move",                                              \
	    .slot_rule = FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE,             \
	    .can_revert = 1, .status_records = 3, .spare_sectors = 1,         \
	    .needs_scratch = 0, .trailer_records = 3, .stage_sector = 0,      \
	    .mcumgr_mode = 3)                                                 \
	ROW(SWAP_OFFSET, swap_offset,                                         \
	    .name = "swap-offset",                                            \
	    .slot_rule = FLASH_MAP_SLOTS_SECONDARY_SAME_OR_ONE_MORE,          \
	    .can_revert = 1, .status_records = 2, .spare_sectors = 0,         \
	    .needs_scratch = 0, .trailer_records = 3, .stage_sector = 1,      \
	    .mcumgr_mode = 9)

#define BOOT_STRATEGY_KIND(K, file, ...) BOOT_UPGRADE_##K,
enum boot_upgrade_kind {
	BOOT_STRATEGY_TABLE(BOOT_STRATEGY_KIND)
	BOOT_UPGRADE_KINDS,
};
#undef BOOT_STRATEGY_KIND

/* Its work, in boot/engine (engine.h); absent where it is not linked. */
struct boot_strategy;

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
	/*
	 * Its work (boot_strategy_<file>), NULL where it is not linked: a
	 * bootloader links only its configured strategy, the OS none.
	 */
	const struct boot_strategy *ops;
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

/* The row named `name` ("swap-move"), NULL when there is none. */
const struct boot_strategy_desc *boot_strategy_by_name(const char *name);

/*
 * This configuration's strategy: the row CONFIG_BOOT_UPGRADE_STRATEGY
 * names (the build refuses a name with no row: tools/layout).
 */
const struct boot_strategy_desc *boot_strategy_kconfig(void);

#endif
