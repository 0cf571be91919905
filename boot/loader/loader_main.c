/*
 * The bootloader's flow. At this stage: validate image 0 in its primary
 * slot (hash, signature, trusted key) and boot it. Upgrades come with the
 * boot engine.
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_keys.h"
#include "libs/log/log.h"

#include <stdio.h>
#include <string.h>

static void announce_keys(const struct image_policy *pol)
{
	if (pol->sig == NULL) {
		log_warn("boot: WARNING: NO SIGNATURE CHECK: ANY IMAGE WITH A "
			 "MATCHING HASH WILL BOOT");
		return;
	}
	log_info("boot: trusting %u %s key%s", pol->nkeys, pol->sig->name,
		 pol->nkeys == 1 ? "" : "s");
	if (image_trusted_keys_are_test_keys)
		log_warn("boot: WARNING: A TRUSTED KEY IS A PUBLIC TEST KEY FROM "
			 "keys/test: ANYONE CAN SIGN IMAGES THIS BOOTLOADER "
			 "BOOTS");
}

int slipway_main(void)
{
	const struct image_policy *pol = image_policy_kconfig();
	struct image_facts facts;
	struct flash_map map;
	struct flash_map_fault fault;
	struct flash_area primary;
	struct mtd_dev *flash;
	char why[256];
	int rc;

	printf("Slipway bootloader %s (board %s)\n", SLIPWAY_VERSION,
	       CONFIG_BOARD);
	announce_keys(pol);
	flash = board_boot_flash();
	if (flash == NULL)
		return 1;
	rc = flash_map_init(&map, flash, flash_map_kconfig,
			    flash_map_kconfig_count, FLASH_MAP_SLOTS_ANY, &fault);
	if (rc != 0) {
		flash_map_describe(flash_map_kconfig, &fault, why, sizeof(why));
		log_error("boot: %s; booting nothing", why);
		return 1;
	}
	rc = flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &primary);
	if (rc != 0) {
		log_error("boot: no primary slot for image 0");
		return 1;
	}
	log_debug("boot: image 0 primary slot at 0x%x, 0x%x bytes",
		  (unsigned)primary.desc->offset, (unsigned)primary.desc->size);
	rc = image_validate(&primary.win.mtd, pol, &facts);
	if (rc != IMAGE_OK) {
		log_error("boot: image 0 primary slot: %s; not booting it",
			  image_strerror(rc));
		return 1;
	}
	log_info("boot: image 0 primary slot: version %u.%u.%u+%u, %u bytes, "
		 "valid (%s)", facts.hdr.version.major, facts.hdr.version.minor,
		 facts.hdr.version.revision, (unsigned)facts.hdr.version.build,
		 (unsigned)facts.hdr.img_size,
		 pol->sig ? pol->sig->name : "hash only");
	if (facts.hdr.flags & IMAGE_F_NON_BOOTABLE) {
		log_error("boot: image 0 is marked non-bootable; not booting it");
		return 1;
	}
	rc = arch_boot_image(&primary.win.mtd, facts.hdr.hdr_size,
			     facts.hdr.img_size);
	log_error("boot: starting image 0 failed: %s", strerror(-rc));
	return 1;
}
