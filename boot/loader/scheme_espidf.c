/* boot/loader/scheme_espidf.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF boot scheme on a board: the settings from Kconfig, the
 * factory-reset and test-app pins read with their hold time, then
 * espidf_boot_select's choice started. The app's flash-mapped segment is
 * addressed in place: on the sim it carries the host program, after the
 * app descriptor, and arch_boot_image executes it.
 */
#include "boot/loader/scheme_espidf.h"

#include "arch/arch.h"
#include "boards/board.h"
#include "boot/loader/espidf_boot.h"
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
	if (r->img.segment_count == 0 || seg->len + 8u <= skip)
		return -ENOEXEC;
	handoff(r);
	return arch_boot_image(&w.mtd, seg->offset + skip, seg->len + 8u - skip);
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
	rc = espidf_boot_select(&cfg, &parts, &r);
	if (rc != 0)
		return 1;
	log_info("boot: starting %s", r.part->label);
	rc = start(cfg.flash, &r);
	log_error("boot: starting %s failed: %s", r.part->label, strerror(-rc));
	return 1;
}
