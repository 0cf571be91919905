/*
 * The bootloader's flow: set up the flash map, let the boot engine
 * upgrade image 0 if its trailers ask for it, and boot the primary slot
 * once it validates (hash, signature, trusted key).
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "boot/engine/engine.h"
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

static const struct boot_strategy *configured_strategy(void)
{
#if defined(CONFIG_BOOT_UPGRADE_OVERWRITE_ONLY)
	return &boot_strategy_overwrite;
#endif
}

int slipway_main(void)
{
	const struct image_policy *pol = image_policy_kconfig();
	static struct flash_area primary, secondary;
	struct boot_engine engine;
	struct boot_result result;
	struct flash_map map;
	struct flash_map_fault fault;
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
	if (flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &primary) != 0 ||
	    flash_area_open(&map, FLASH_AREA_SECONDARY, 0, &secondary) != 0) {
		log_error("boot: image 0 needs a primary and a secondary slot");
		return 1;
	}
	log_debug("boot: image 0 primary slot at 0x%x, 0x%x bytes",
		  (unsigned)primary.desc->offset, (unsigned)primary.desc->size);
	engine = (struct boot_engine){
		.primary = &primary, .secondary = &secondary,
		.geo_primary = boot_trailer_geo_kconfig(&primary.win.mtd),
		.geo_secondary = boot_trailer_geo_kconfig(&secondary.win.mtd),
		.policy = pol, .strategy = configured_strategy(),
	};
	rc = boot_engine_run(&engine, &result);
	if (rc != 0) {
		log_error("boot: flash error %d during the upgrade; halting", rc);
		return 1;
	}
	if (result.status != IMAGE_OK) {
		log_error("boot: image 0 primary slot: %s; not booting it",
			  image_strerror(result.status));
		return 1;
	}
	log_info("boot: image 0 primary slot: version %u.%u.%u+%u, %u bytes, "
		 "valid (%s)", result.facts.hdr.version.major,
		 result.facts.hdr.version.minor, result.facts.hdr.version.revision,
		 (unsigned)result.facts.hdr.version.build,
		 (unsigned)result.facts.hdr.img_size,
		 pol->sig ? pol->sig->name : "hash only");
	if (result.facts.hdr.flags & IMAGE_F_NON_BOOTABLE) {
		log_error("boot: image 0 is marked non-bootable; not booting it");
		return 1;
	}
	rc = arch_boot_image(&primary.win.mtd, result.facts.hdr.hdr_size,
			     result.facts.hdr.img_size);
	log_error("boot: starting image 0 failed: %s", strerror(-rc));
	return 1;
}
