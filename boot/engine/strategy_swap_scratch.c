/* boot/engine/strategy_swap_scratch.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Swap using a scratch area: each sector i of the two slots is exchanged
 * in three steps through the scratch area (secondary -> scratch, primary
 * -> secondary, scratch -> primary). The slots must be equal in size and
 * sectors, and the scratch area hold one sector. The shared machinery of
 * a swap (trailers, status records, resuming, revert) is in swap.c.
 */
#include "boot/engine/swap.h"

static int scratch_step(struct boot_engine *e, unsigned int img, uint32_t n,
			uint32_t sector, uint32_t k)
{
	struct boot_image *bi = &e->images[img];
	uint32_t off = k / 3 * sector;
	int rc;

	(void)n;
	switch (k % 3) {
	case 0: /* secondary -> scratch */
		rc = flash_area_erase_sectors(e->scratch, 0, sector);
		return rc ? rc : boot_copy(bi->secondary, off, e->scratch, 0, sector);
	case 1: /* primary -> secondary */
		rc = flash_area_erase_sectors(bi->secondary, off, sector);
		return rc ? rc : boot_copy_region(bi->primary, bi->secondary, off, sector);
	default: /* scratch -> primary */
		rc = flash_area_erase_sectors(bi->primary, off, sector);
		return rc ? rc : boot_copy(e->scratch, 0, bi->primary, off, sector);
	}
}

static const struct swap_method scratch_method = {
	.step = scratch_step,
};

static int scratch_resume(struct boot_engine *e, unsigned int img)
{
	return swap_resume(e, img, &scratch_method);
}

static int scratch_upgrade(struct boot_engine *e, unsigned int img,
			   enum boot_swap_type type)
{
	return swap_upgrade(e, img, type, &scratch_method);
}

const struct boot_strategy boot_strategy_swap_scratch = {
	.desc = &boot_strategies[BOOT_UPGRADE_SWAP_SCRATCH],
	.resume = scratch_resume,
	.upgrade = scratch_upgrade,
};
