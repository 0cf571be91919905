/* boot/engine/strategy_overwrite_only.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Overwrite-only: the secondary's image is copied over the primary, then
 * the secondary is erased. No revert, and nothing to resume: until the
 * secondary is erased its trailer still asks for the upgrade, and the copy
 * is simply done again. The secondary is erased header first, so a cut
 * during its erasing leaves an image the engine refuses (and erases).
 */
#include "boot/engine/engine.h"

static int overwrite_resume(struct boot_engine *e, unsigned int img)
{
	(void)e;
	(void)img;
	return 0;
}

static int overwrite_upgrade(struct boot_engine *e, unsigned int img,
			     enum boot_swap_type type)
{
	struct boot_image *bi = &e->images[img];
	uint32_t size = bi->plan.update.size;
	uint32_t trailer = boot_engine_max_image_size(e, img);
	int rc;

	if (type == BOOT_SWAP_REVERT)
		return 0;
	if (size > trailer)
		size = trailer; /* the engine bounds it; be sure regardless */
	/* The primary's image sectors, and its trailer: no stale state left. */
	rc = flash_area_erase_sectors(bi->primary, 0, size);
	if (rc == 0)
		rc = flash_area_erase_sectors(bi->primary, trailer,
					flash_area_size(bi->primary) - trailer);
	if (rc == 0)
		rc = boot_copy_region(bi->secondary, bi->primary, 0, size);
	if (rc == 0)
		rc = flash_area_erase_sectors(bi->secondary, 0,
					flash_area_size(bi->secondary));
	return rc;
}

const struct boot_strategy boot_strategy_overwrite_only = {
	.desc = &boot_strategies[BOOT_UPGRADE_OVERWRITE],
	.resume = overwrite_resume,
	.upgrade = overwrite_upgrade,
};
