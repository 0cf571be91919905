/* boot/engine/strategy_swap_move.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Swap by moving: the primary's image sectors first move up by one sector
 * (last first), then for each sector i the secondary's sector i goes to
 * primary i and the old primary sector i, now at i + 1, goes to secondary
 * i. No scratch area, and every sector is erased about as often as with
 * one, but the primary needs one spare sector beyond the largest image.
 * The shared machinery of a swap is in swap.c.
 */
#include "boot/engine/swap.h"

static int move_step(struct boot_engine *e, unsigned int img, uint32_t n,
		     uint32_t sector, uint32_t k)
{
	struct boot_image *bi = &e->images[img];
	uint32_t i;
	int rc;

	if (k < n) { /* move primary sector n-1-k up by one */
		i = n - 1 - k;
		rc = flash_area_erase_sectors(bi->primary, (i + 1) * sector, sector);
		return rc ? rc : boot_copy(bi->primary, i * sector, bi->primary,
					   (i + 1) * sector, sector);
	}
	i = (k - n) / 2;
	if ((k - n) % 2 == 0) { /* secondary i -> primary i */
		rc = flash_area_erase_sectors(bi->primary, i * sector, sector);
		return rc ? rc : boot_copy_region(bi->secondary, bi->primary,
						  i * sector, sector);
	}
	/* old primary i, now at i + 1 -> secondary i */
	rc = flash_area_erase_sectors(bi->secondary, i * sector, sector);
	return rc ? rc : boot_copy(bi->primary, (i + 1) * sector, bi->secondary,
				   i * sector, sector);
}

static const struct swap_method move_method = {
	.step = move_step,
};

static int move_resume(struct boot_engine *e, unsigned int img)
{
	return swap_resume(e, img, &move_method);
}

static int move_upgrade(struct boot_engine *e, unsigned int img,
			enum boot_swap_type type)
{
	return swap_upgrade(e, img, type, &move_method);
}

const struct boot_strategy boot_strategy_swap_move = {
	.desc = &boot_strategies[BOOT_UPGRADE_SWAP_MOVE],
	.resume = move_resume,
	.upgrade = move_upgrade,
};
