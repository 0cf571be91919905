/* boot/loader/loader_main.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The bootloader's flow: set up the flash map, let the boot engine finish
 * or apply the upgrades the trailers ask for, and start image 0 once every
 * image's primary slot validates (hash, signature, trusted key, security
 * counter). Serial recovery, when configured, takes over before the engine
 * runs (its button held) or instead of halting (nothing can boot).
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "boards/board_hooks.h"
#include "boot/engine/engine.h"
#include "boot/engine/validation_cache.h"
#include "boot/loader/recovery.h"
#include "boot/loader/scheme_espidf.h"
#include "boot/loader/secure_boot_first.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_keys.h"
#include "libs/log/log.h"

#include <errno.h>
#include <stdio.h>

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

/* The jump boot_engine_start makes once every check has passed. */
static int start_image(void *arg)
{
	struct boot_image *bi = arg;

	board_hook_before_app(bi->primary->desc->offset);
	return arch_boot_image(&bi->primary->win.mtd, bi->facts.hdr.hdr_size,
			       bi->facts.hdr.img_size);
}

static const struct boot_strategy *configured_strategy(void)
{
	return boot_engine_strategy(boot_strategy_kconfig()->kind);
}


static int open_images(const struct flash_map *map, struct boot_image *images)
{
	static struct flash_area slots[CONFIG_BOOT_IMAGE_NUMBER][2];

	for (unsigned int i = 0; i < CONFIG_BOOT_IMAGE_NUMBER; i++) {
		struct boot_image *bi = &images[i];

		if (flash_area_open(map, FLASH_AREA_PRIMARY, i, &slots[i][0]) != 0 ||
		    flash_area_open(map, FLASH_AREA_SECONDARY, i, &slots[i][1]) != 0) {
			log_error("boot: image %u needs a primary and a secondary "
				  "slot", i);
			return -1;
		}
		bi->primary = &slots[i][0];
		bi->secondary = &slots[i][1];
		bi->geo_primary = boot_trailer_geo_kconfig(&bi->primary->win.mtd);
		bi->geo_secondary = boot_trailer_geo_kconfig(&bi->secondary->win.mtd);
		if (boot_trailer_geo_check(&bi->geo_primary) != 0 ||
		    boot_trailer_geo_check(&bi->geo_secondary) != 0) {
			log_error("boot: image %u: the trailer does not fit its "
				  "slots (CONFIG_BOOT_MAX_ALIGN, "
				  "CONFIG_BOOT_MAX_IMG_SECTORS)", i);
			return -1;
		}
		log_debug("boot: image %u primary slot at 0x%x, 0x%x bytes", i,
			  (unsigned)bi->primary->desc->offset,
			  (unsigned)bi->primary->desc->size);
	}
	return 0;
}

/* Nothing can boot: serial recovery when so configured, else halt. */
static int no_bootable_image(struct boot_engine *e)
{
#if defined(CONFIG_BOOT_SERIAL_RECOVERY) && defined(CONFIG_BOOT_SERIAL_NO_APPLICATION)
	log_info("boot: no bootable image: entering serial recovery");
	return recovery_run(e) ? 1 : 0;
#else
	(void)e;
	return 1;
#endif
}

int slipway_main(void)
{
	const struct image_policy *pol = image_policy_kconfig();
	static struct boot_image images[CONFIG_BOOT_IMAGE_NUMBER];
	static struct flash_area scratch;
	static struct validation_cache vcache;
	struct boot_engine engine;
	struct flash_map map;
	struct flash_map_fault fault;
	struct mtd_dev *flash;
	char why[256];
	int rc;

	board_hook_before_init();
	printf("Slipway bootloader %s (board %s)\n", SLIPWAY_VERSION,
	       CONFIG_BOARD);
#if defined(CONFIG_BOOT_SCHEME_ESPIDF)
	return espidf_scheme_main();
#endif
	announce_keys(pol);
#if defined(CONFIG_BOOT_WDT)
	if (arch_wdt_start(CONFIG_BOOT_WDT_TIMEOUT_MS) != 0)
		log_error("boot: the watchdog did not start");
#endif
	flash = board_boot_flash();
	if (flash == NULL)
		return 1;
	flash = validation_cache_init(&vcache, flash);
	rc = flash_map_init(&map, flash, flash_map_kconfig,
			    flash_map_kconfig_count, boot_strategy_kconfig()->slot_rule,
			    &fault);
	if (rc != 0) {
		flash_map_describe(flash_map_kconfig, &fault, why, sizeof(why));
		log_error("boot: %s; booting nothing", why);
		return 1;
	}
	if (open_images(&map, images) != 0)
		return 1;
	board_hook_after_init();
	engine = (struct boot_engine){
		.images = images, .nimages = CONFIG_BOOT_IMAGE_NUMBER,
		.policy = pol, .strategy = configured_strategy(), .vcache = &vcache,
#if defined(CONFIG_BOOT_VALIDATE_PRIMARY_ONCE)
		.validate_primary_once = 1,
#endif
	};
	if (boot_rules_kconfig(&engine.rules, CONFIG_BOOT_IMAGE_NUMBER) != 0) {
		log_error("boot: the security counters do not fit the OTP "
			  "(CONFIG_BOOT_SECURITY_COUNTER_OTP_*)");
		return 1;
	}
	if (flash_area_open(&map, FLASH_AREA_SCRATCH, 0, &scratch) == 0)
		engine.scratch = &scratch;
#if defined(CONFIG_BOOT_SERIAL_RECOVERY)
	if (recovery_requested()) {
		log_info("boot: recovery button held: entering serial recovery");
		return recovery_run(&engine) ? 1 : 0;
	}
#endif
	rc = boot_engine_run(&engine);
	if (rc != 0)
		log_warn("boot: flash error %d; starting image 0 if it validates, "
			 "else recovery", rc);
	for (unsigned int i = 0; i < CONFIG_BOOT_IMAGE_NUMBER; i++) {
		const struct image_facts *f = &images[i].facts;

		if (images[i].status != IMAGE_OK) {
			log_error("boot: image %u primary slot: %s; not booting it",
				  i, image_strerror(images[i].status));
			return no_bootable_image(&engine);
		}
		log_info("boot: image %u primary slot: version %u.%u.%u+%u, %u "
			 "bytes, %s (%s)", i, f->hdr.version.major,
			 f->hdr.version.minor, f->hdr.version.revision,
			 (unsigned)f->hdr.version.build, (unsigned)f->hdr.img_size,
			 images[i].inspected_only ? "confirmed earlier, not "
			 "validated again" : "valid",
			 pol->sig ? pol->sig->name : "hash only");
	}
	if (images[0].facts.hdr.flags & IMAGE_F_NON_BOOTABLE) {
		log_error("boot: image 0 is marked non-bootable; not booting it");
		return no_bootable_image(&engine);
	}
#if defined(CONFIG_SECURE_BOOT)
	if (loader_secure_boot(images, CONFIG_BOOT_IMAGE_NUMBER) != 0)
		return 1;
#endif
	rc = boot_engine_start(&engine, start_image, &images[0]);
	if (rc == -EACCES) {
		log_error("boot: the hardened verdict refuses image 0");
		return no_bootable_image(&engine);
	}
	/* The number, not strerror: its table would be 3 KiB of flash. */
	log_error("boot: starting image 0 failed (error %d)", rc);
	return 1;
}
