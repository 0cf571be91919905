/*
 * Build step: validate this configuration's Kconfig flash layout with the
 * flash map's own validation, so a layout the bootloader would refuse never
 * gets built. Compiled for the host against the configuration's autoconf.h.
 */
#include "libs/flashmap/flashmap.h"

#include <stdio.h>

static const struct mtd_region regions[] = {
	{ CONFIG_FLASH_SECTOR_SIZE,
	  CONFIG_FLASH_SIZE / CONFIG_FLASH_SECTOR_SIZE },
};

static const struct mtd_geometry geometry = {
	.regions = regions,
	.nregions = 1,
	.program_unit = CONFIG_FLASH_WRITE_ALIGN,
	.erased_value = 0xff,
	.size = CONFIG_FLASH_SIZE,
};

int main(void)
{
	struct flash_map_fault f;
	char msg[256];

	if (CONFIG_FLASH_SIZE % CONFIG_FLASH_SECTOR_SIZE != 0) {
		fprintf(stderr, "error: CONFIG_FLASH_SIZE 0x%x is not a whole "
			"number of 0x%x-byte sectors\n", CONFIG_FLASH_SIZE,
			CONFIG_FLASH_SECTOR_SIZE);
		return 1;
	}
	if (flash_map_validate(flash_map_kconfig, flash_map_kconfig_count,
			       &geometry, FLASH_MAP_SLOTS_ANY, &f) != 0) {
		flash_map_describe(flash_map_kconfig, &f, msg, sizeof(msg));
		fprintf(stderr, "error: flash layout: %s (see the Flash layout "
			"menu, CONFIG_FLASH_AREA_*)\n", msg);
		return 1;
	}
	return 0;
}
