/* boot/loader/scheme_espidf.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF boot scheme on a board: the settings from Kconfig, the
 * factory-reset and test-app pins read with their hold time, then
 * espidf_boot_select's choice started. The app's flash-mapped segment is
 * addressed in place: on the sim it carries the host program, after the
 * app descriptor, and arch_boot_image executes it. Where apps are RAM
 * images (CONFIG_BOOT_ESPIDF_RAM_APPS, QEMU virt) the board copies their
 * segments and jumps (board_espidf_start_ram_app).
 */
#include "boot/loader/scheme_espidf.h"

#include "arch/arch.h"
#include "boards/board.h"
#include "boards/board_hooks.h"
#include "boot/loader/espidf_boot.h"
#include "drivers/efuse/efuse.h"
#include "drivers/mtd/mtd_window.h"
#include "libs/log/log.h"
#include "libs/otadata/ota_parts_kconfig.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define POLL_MS 10

/* Held at `level` for the whole hold time (ESP-IDF's GPIO_LONG_HOLD). */
static int held(unsigned int pin, int level)
{
#if defined(CONFIG_BOOT_ESPIDF_FACTORY_RESET) || defined(CONFIG_BOOT_ESPIDF_TEST_APP)
	for (unsigned int t = 0;; t += POLL_MS) {
		if (arch_gpio_read(pin) != level)
			return 0;
		if (t >= CONFIG_BOOT_ESPIDF_HOLD_TIME_MS)
			return 1;
		arch_delay_ms(POLL_MS);
	}
#else
	(void)pin;
	(void)level;
	return 0;
#endif
}

static void handoff(const struct espidf_boot_result *r)
{
#if defined(CONFIG_ARCH_SIM)
	char v[32];

	snprintf(v, sizeof(v), "%x,%d", (unsigned)r->part->offset,
		 r->factory_reset_done);
	setenv(OTA_ESPIDF_HANDOFF_ENV, v, 1);
#else
	(void)r;
#endif
}

static int start(struct mtd_dev *flash, const struct espidf_boot_result *r)
{
	static struct mtd_window w;
	const struct esp_image_seg *seg = &r->img.segs[0];
	uint32_t skip = 8u + (r->img.has_app_desc ? ESP_APP_DESC_LEN : 0u);
	int rc = mtd_window_init(&w, flash, r->part->offset, r->part->size);

	if (rc != 0)
		return rc;
#if defined(CONFIG_BOOT_ESPIDF_RAM_APPS)
	(void)seg;
	(void)skip;
	handoff(r);
	board_hook_before_app(r->part->offset);
	return board_espidf_start_ram_app(&w.mtd, r->part->offset, &r->img);
#else
	if (r->img.segment_count == 0 || seg->len + 8u <= skip)
		return -ENOEXEC;
	handoff(r);
	board_hook_before_app(r->part->offset);
	return arch_boot_image(&w.mtd, seg->offset + skip, seg->len + 8u - skip);
#endif
}

/*
 * A wake from deep sleep with the last started app remembered: start it
 * again without validating it (CONFIG_BOOT_ESPIDF_FAST_BOOT_DEEP_SLEEP).
 * The image is still parsed to find its segments; a checksum or SHA-256
 * mismatch is not looked at. Returns only when that is not possible: the
 * normal boot follows.
 */
static void fast_boot_from_deep_sleep(struct mtd_dev *flash,
				      struct ota_parts *parts,
				      struct espidf_boot_result *r)
{
#if defined(CONFIG_BOOT_ESPIDF_FAST_BOOT_DEEP_SLEEP) && defined(CONFIG_ARCH_SIM)
	const char *wake = getenv(OTA_ESPIDF_WAKE_ENV);
	const char *last = getenv(OTA_ESPIDF_HANDOFF_ENV);
	const struct esp_image_policy ipol = { NULL, 0, 0 };
	struct mtd_window w;
	char why[96];
	uint32_t off;
	int rc;

	if (wake == NULL || strcmp(wake, "deepsleep") != 0 || last == NULL ||
	    last[0] == '\0')
		return;
	unsetenv(OTA_ESPIDF_WAKE_ENV);
	off = (uint32_t)strtoul(last, NULL, 16);
	if (ota_parts_read(flash, CONFIG_BOOT_ESPIDF_TABLE_OFFSET, parts, why,
			   sizeof(why)) != 0)
		return;
	memset(r, 0, sizeof(*r));
	for (unsigned int i = 0; i < parts->table.count; i++)
		if (parts->table.parts[i].type == ESP_PART_TYPE_APP &&
		    parts->table.parts[i].offset == off)
			r->part = &parts->table.parts[i];
	if (r->part == NULL ||
	    mtd_window_init(&w, flash, r->part->offset, r->part->size) != 0)
		return;
	rc = esp_image_read(&w.mtd, r->part->size, &ipol, &r->img);
	if (rc != ESP_IMAGE_OK && rc != ESP_IMAGE_ERR_CHECKSUM &&
	    rc != ESP_IMAGE_ERR_DIGEST)
		return;
	log_info("boot: deep-sleep wake: starting %s again, not validated",
		 r->part->label);
	rc = start(flash, r);
	log_error("boot: starting %s failed: %s", r->part->label, strerror(-rc));
#else
	(void)flash;
	(void)parts;
	(void)r;
#endif
}

/* Say whether apps must be signed: the eFuse bit decides (ota_app_sbv2.h). */
static void announce_secure_boot(const struct ota_app_policy *pol)
{
#if defined(CONFIG_BOOT_ESPIDF_SECURE_BOOT)
	uint32_t en = 0;

	if (pol->efuse == NULL ||
	    efuse_field_read(pol->efuse, EFUSE_SECURE_BOOT_EN, &en) != 0)
		log_error("boot: the eFuses cannot be read: every app is refused");
	else
		log_info("boot: Secure Boot V2 %s", en ? "on: apps must be signed"
			 : "off in the eFuses: apps are not checked");
#else
	(void)pol;
#endif
}

int espidf_scheme_main(void)
{
	struct espidf_boot_cfg cfg = {
		.table_offset = CONFIG_BOOT_ESPIDF_TABLE_OFFSET,
		.app = ota_app_policy_kconfig(),
		.rollback = OTA_ESPIDF_ROLLBACK,
		.counter = ota_anti_rollback_counter_kconfig(),
	};
	static struct ota_parts parts;
	static struct espidf_boot_result r;
	int rc;

#if defined(CONFIG_BOOT_WDT)
	/* From here to the app's start (ESP-IDF's RTC watchdog's span). */
	if (arch_wdt_start(CONFIG_BOOT_WDT_TIMEOUT_MS) != 0)
		log_error("boot: the watchdog did not start");
#endif
	cfg.flash = board_boot_flash();
	if (cfg.flash == NULL || cfg.app.chip == NULL)
		return 1;
	board_hook_after_init();
	fast_boot_from_deep_sleep(cfg.flash, &parts, &r);
#if defined(CONFIG_BOOT_ESPIDF_ANTI_ROLLBACK)
	if (cfg.counter == NULL) {
		log_error("boot: the anti-rollback counter does not fit the OTP");
		return 1;
	}
#endif
#if defined(CONFIG_BOOT_ESPIDF_FACTORY_RESET)
	cfg.factory_reset = held(CONFIG_BOOT_ESPIDF_FACTORY_RESET_PIN,
				 CONFIG_BOOT_ESPIDF_FACTORY_RESET_LEVEL);
	cfg.erase_list = CONFIG_BOOT_ESPIDF_DATA_FACTORY_RESET;
#if defined(CONFIG_BOOT_ESPIDF_OTA_DATA_ERASE)
	cfg.erase_otadata = 1;
#endif
	if (cfg.factory_reset)
		log_info("boot: factory reset pin held");
#endif
#if defined(CONFIG_BOOT_ESPIDF_TEST_APP)
	cfg.test_app = !cfg.factory_reset &&
		       held(CONFIG_BOOT_ESPIDF_TEST_APP_PIN,
					 CONFIG_BOOT_ESPIDF_TEST_APP_LEVEL);
#endif
	(void)held;
	log_info("boot: ESP-IDF scheme: partition table at 0x%x, rollback %s, "
		 "anti-rollback %s", (unsigned)cfg.table_offset,
		 cfg.rollback ? "on" : "off", cfg.counter ? "on" : "off");
	announce_secure_boot(&cfg.app);
	rc = espidf_boot_select(&cfg, &parts, &r);
	if (rc != 0)
		return 1;
	log_info("boot: starting %s", r.part->label);
	rc = start(cfg.flash, &r);
	log_error("boot: starting %s failed: %s", r.part->label, strerror(-rc));
	return 1;
}
