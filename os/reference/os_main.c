/*
 * The reference OS image: the program the bootloader boots in this tree, a
 * stand-in for a product's own OS. Its banner names the image version the
 * build signed it with, so a boot log shows which image runs; it then reads
 * its slot through the same flash map and drivers as the bootloader.
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_header.h"

#include <stdio.h>

static void report_slot(void)
{
	uint8_t raw[IMAGE_HEADER_ENCODED_SIZE];
	struct image_header hdr;
	struct flash_map map;
	struct flash_map_fault fault;
	struct flash_area primary;
	struct mtd_dev *flash = board_boot_flash();

	if (flash == NULL ||
	    flash_map_init(&map, flash, flash_map_kconfig,
			   flash_map_kconfig_count, FLASH_MAP_SLOTS_ANY,
			   &fault) != 0 ||
	    flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &primary) != 0 ||
	    flash_area_read(&primary, 0, raw, sizeof(raw)) != 0) {
		printf("os: cannot read the primary slot\n");
		return;
	}
	image_header_decode(&hdr, raw);
	printf("os: running from %s at 0x%x, header version %u.%u.%u+%u\n",
	       primary.desc->name, (unsigned)primary.desc->offset,
	       hdr.version.major, hdr.version.minor, hdr.version.revision,
	       (unsigned)hdr.version.build);
}

int slipway_main(void)
{
	printf("Slipway OS %s\n", CONFIG_OS_IMAGE_VERSION);
	report_slot();
	return 0;
}
