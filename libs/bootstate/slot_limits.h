/* libs/bootstate/slot_limits.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What an upgrade strategy can install into a pair of slots: the geometry
 * rules of each strategy, stated once here for the bootloader's strategies
 * and for the update agent, which must refuse what the bootloader could
 * not install.
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_SLOT_LIMITS_H
#define SLIPWAY_LIBS_BOOTSTATE_SLOT_LIMITS_H

#include "libs/bootstate/bootstate.h"
#include "libs/bootstate/strategy.h"
#include "libs/flashmap/flashmap.h"

/*
 * One image's slots (scratch: the shared scratch area, or NULL); an
 * update is staged at stage_offset in the secondary (boot_stage_offset).
 */
struct boot_slots {
	struct flash_area *primary, *secondary, *scratch;
	const struct boot_trailer_geo *geo_primary, *geo_secondary;
	uint32_t stage_offset;
};

/* Where strategy `p` stages an update in `secondary`: its stage_sector. */
uint32_t boot_stage_offset(struct flash_area *secondary,
			   const struct boot_strategy_desc *p);

/*
 * The secondary from `off` on, as an area of its own (the staged update,
 * header at 0): what the agent writes and the planner validates.
 */
struct boot_stage_area {
	struct flash_area fa;
	struct flash_area_desc desc;
};

int boot_stage_open(struct flash_area *secondary, uint32_t off,
		    struct boot_stage_area *out);

/* The size of an area's sectors when they are all alike, else 0. */
uint32_t boot_uniform_sector(struct flash_area *fa);

/* Start of the first sector holding the slot's trailer. */
uint32_t boot_trailer_sector_start(struct flash_area *fa,
				   const struct boot_trailer_geo *g);

/* The sector size a swap moves: both slots uniform and alike, or 0. */
uint32_t boot_swap_sector(const struct boot_slots *s,
			  const struct boot_strategy_desc *p);

/*
 * How many sectors a swap can exchange: those before each slot's trailer
 * sectors, less the primary's spare and the secondary's stage sectors,
 * within the status records the trailer holds.
 */
uint32_t boot_swap_max_sectors(const struct boot_slots *s,
			       const struct boot_strategy_desc *p, uint32_t sector);

/*
 * The largest image (header, body, TLVs) strategy `k` can install from
 * the secondary into the primary; 0 when the slots rule it out.
 */
uint32_t boot_max_image_size(enum boot_upgrade_kind k, const struct boot_slots *s);

#endif
