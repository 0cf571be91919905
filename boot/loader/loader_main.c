/*
 * The bootloader's flow. At this stage it boots image 0 from its primary slot
 * after checking the header against the slot; hash and signature validation
 * and upgrades come from libs/image and the boot engine.
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_header.h"

#include <stdio.h>
#include <string.h>

int slipway_main(void)
{
	uint8_t raw[IMAGE_HEADER_ENCODED_SIZE];
	struct image_header hdr;
	struct flash_map map;
	struct flash_map_fault fault;
	struct flash_area primary;
	struct mtd_dev *flash;
	char why[256];
	int rc;

	printf("Slipway bootloader %s (board %s)\n", SLIPWAY_VERSION,
	       CONFIG_BOARD);
	flash = board_boot_flash();
	if (flash == NULL)
		return 1;
	rc = flash_map_init(&map, flash, flash_map_kconfig,
			    flash_map_kconfig_count, FLASH_MAP_SLOTS_ANY, &fault);
	if (rc != 0) {
		flash_map_describe(flash_map_kconfig, &fault, why, sizeof(why));
		printf("boot: %s; booting nothing\n", why);
		return 1;
	}
	rc = flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &primary);
	if (rc == 0)
		rc = flash_area_read(&primary, 0, raw, sizeof(raw));
	if (rc != 0) {
		printf("boot: reading image 0 primary slot: error %d\n", rc);
		return 1;
	}
	image_header_decode(&hdr, raw);
	rc = image_header_check(&hdr, raw, flash_area_size(&primary),
				flash->geo->erased_value);
	if (rc != IMAGE_OK) {
		printf("boot: image 0 primary slot: %s; nothing to boot\n",
		       image_strerror(rc));
		return 1;
	}
	printf("boot: image 0 primary slot: version %u.%u.%u+%u, %u bytes\n",
	       hdr.version.major, hdr.version.minor, hdr.version.revision,
	       (unsigned)hdr.version.build, (unsigned)hdr.img_size);
	printf("boot: WARNING: this build checks the image header only, not "
	       "its hash or signature\n");
	rc = arch_boot_image(&primary.win.mtd, hdr.hdr_size, hdr.img_size);
	printf("boot: starting image 0 failed: %s\n", strerror(-rc));
	return 1;
}
