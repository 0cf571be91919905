/* libs/flashmap/flashmap_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The layout and boot-flash geometry from Kconfig: the board's defaults, or
 * what the user changed in menuconfig. An area of size 0 is absent.
 */
#include "libs/flashmap/flashmap.h"

#include <errno.h>
#include <stdio.h>

_Static_assert(CONFIG_FLASH_SIZE % CONFIG_FLASH_SECTOR_SIZE == 0,
	       "CONFIG_FLASH_SIZE must be a whole number of sectors");

static const struct mtd_region kconfig_regions[] = {
	{ CONFIG_FLASH_SECTOR_SIZE,
	  CONFIG_FLASH_SIZE / CONFIG_FLASH_SECTOR_SIZE },
};

const struct mtd_geometry flash_kconfig_geometry = {
	.regions = kconfig_regions,
	.nregions = 1,
	.program_unit = CONFIG_FLASH_WRITE_ALIGN,
	.erased_value = 0xff,
	.size = CONFIG_FLASH_SIZE,
};

#define IMAGE_SLOTS(n)                                                        \
	{ "image" #n "-primary", FLASH_AREA_PRIMARY, n,                       \
	  CONFIG_FLASH_AREA_IMAGE##n##_PRIMARY_OFFSET,                        \
	  CONFIG_FLASH_AREA_IMAGE##n##_PRIMARY_SIZE },                        \
	{ "image" #n "-secondary", FLASH_AREA_SECONDARY, n,                   \
	  CONFIG_FLASH_AREA_IMAGE##n##_SECONDARY_OFFSET,                      \
	  CONFIG_FLASH_AREA_IMAGE##n##_SECONDARY_SIZE }

const struct flash_area_desc flash_map_kconfig[] = {
	{ "bootloader", FLASH_AREA_BOOTLOADER, 0,
	  CONFIG_FLASH_AREA_BOOTLOADER_OFFSET, CONFIG_FLASH_AREA_BOOTLOADER_SIZE },
	IMAGE_SLOTS(0),
#if defined(CONFIG_BOOT_IMAGE_NUMBER) && CONFIG_BOOT_IMAGE_NUMBER >= 2
	IMAGE_SLOTS(1),
#endif
#if defined(CONFIG_BOOT_IMAGE_NUMBER) && CONFIG_BOOT_IMAGE_NUMBER >= 3
	IMAGE_SLOTS(2),
#endif
#if CONFIG_FLASH_AREA_SCRATCH_SIZE > 0
	{ "scratch", FLASH_AREA_SCRATCH, 0, CONFIG_FLASH_AREA_SCRATCH_OFFSET,
	  CONFIG_FLASH_AREA_SCRATCH_SIZE },
#endif
};

const unsigned int flash_map_kconfig_count =
	sizeof(flash_map_kconfig) / sizeof(flash_map_kconfig[0]);

int flash_kconfig_geometry_check(const struct mtd_geometry *g, const char *what)
{
	if (g->size == CONFIG_FLASH_SIZE &&
	    g->regions[0].sector_size == CONFIG_FLASH_SECTOR_SIZE &&
	    g->program_unit <= CONFIG_FLASH_WRITE_ALIGN)
		return 0;
	printf("board: %s is %u bytes in %u-byte sectors; the configuration "
	       "expects %u in %u (CONFIG_FLASH_SIZE, CONFIG_FLASH_SECTOR_SIZE)\n",
	       what, (unsigned)g->size, (unsigned)g->regions[0].sector_size,
	       (unsigned)CONFIG_FLASH_SIZE, (unsigned)CONFIG_FLASH_SECTOR_SIZE);
	return -EINVAL;
}
