/* boot/engine/strategy_swap_offset.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Swap using an offset (MCUboot's MCUBOOT_SWAP_USING_OFFSET): the update
 * is staged from the secondary's sector 1, so no sector has to be moved
 * out of the way first. For each sector i, in two steps:
 *  0. the secondary's sector i (free: the update starts one sector on,
 *     and its sector i went into the primary at step 1 of i - 1) takes
 *     the old primary sector i;
 *  1. the primary's sector i takes the update's sector i, which is the
 *     secondary's sector i + 1.
 * The old image ends at the secondary's start, which is where a revert
 * finds it (the planner's BOOT_PLAN_REVERT_IMAGE). A revert runs the same
 * two steps in mirror order, last sector first: the secondary's sector
 * i + 1 takes the primary's sector i, then the primary's sector i takes
 * the secondary's sector i; the update ends where it was staged.
 *
 * Each step reads a sector no earlier step of the swap has overwritten
 * and that it does not overwrite itself, so a step cut short is redone
 * (swap.h). Each image sector of each slot is erased and programmed once
 * per swap: 2N erases, against swap-move's 3N. The secondary needs one
 * sector more than the image; the trailer sectors never move (swap.h).
 *
 * Unlike MCUboot, the header's place in the secondary is never guessed
 * from what sector 0 holds: it follows from the trailers (a revert reads
 * the secondary's start, anything else the stage sector), so a revert
 * does not need to scramble the secondary's sector 0 afterwards.
 */
#include "boot/engine/swap.h"

static int offset_step(struct boot_engine *e, unsigned int img, uint32_t n,
		       uint32_t sector, uint32_t k)
{
	struct boot_image *bi = &e->images[img];
	int revert = bi->swap == BOOT_SWAP_REVERT;
	uint32_t i = revert ? n - 1 - k / 2 : k / 2;
	uint32_t pri = i * sector, sec = (revert ? i + 1 : i) * sector;
	int rc;

	if (k % 2 == 0) { /* primary i -> the free secondary sector */
		rc = flash_area_erase_sectors(bi->secondary, sec, sector);
		return rc ? rc : boot_copy(bi->primary, pri, bi->secondary, sec,
					   sector);
	}
	/* the other image's sector i -> primary i */
	sec = (revert ? i : i + 1) * sector;
	rc = flash_area_erase_sectors(bi->primary, pri, sector);
	return rc ? rc : boot_copy(bi->secondary, sec, bi->primary, pri, sector);
}

static const struct swap_method offset_method = {
	.step = offset_step,
};

static int offset_resume(struct boot_engine *e, unsigned int img)
{
	return swap_resume(e, img, &offset_method);
}

static int offset_upgrade(struct boot_engine *e, unsigned int img,
			  enum boot_swap_type type)
{
	return swap_upgrade(e, img, type, &offset_method);
}

const struct boot_strategy boot_strategy_swap_offset = {
	.desc = &boot_strategies[BOOT_UPGRADE_SWAP_OFFSET],
	.resume = offset_resume,
	.upgrade = offset_upgrade,
};
