/* arch/risc-v/espressif/common/esp_wdt.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The watchdogs at start-up, as ESP-IDF's bootloader leaves them
 * (esp-formats.md 5.5): the hardware arms the flash-boot protection of
 * the RTC/LP watchdog (RWDT) and of timer group 0's (MWDT0), and the super
 * watchdog (SWD) runs. Both flash-boot protections are cleared and the
 * SWD is set to feed itself; each register is written between its
 * write-protect key and 0.
 *
 * Re-arming the RWDT with CONFIG_BOOT_WDT_TIMEOUT_MS needs its stage
 * registers and the slow clock's frequency, which the contract does not
 * give: the Espressif chips do not select ARCH_HAVE_WDT yet, so no
 * watchdog runs after this (README: what only hardware can check).
 */
#include "arch/risc-v/espressif/common/esp_chip.h"
#include "arch/risc-v/espressif/common/esp_soc.h"

#define WDT_EN (1u << 31)
#define RWDT_FLASHBOOT (1u << 12)
#define MWDT_CONFIG0 0x48
#define MWDT_WPROTECT 0x64
#define MWDT_FLASHBOOT (1u << 14)
#define MWDT_KEY 0x50d83aa1u

static void clear_bits(uint32_t base, uint32_t reg, uint32_t wprotect,
		       uint32_t key, uint32_t bits)
{
	ESP_REG(base + wprotect) = key;
	ESP_REG(base + reg) &= ~bits;
	ESP_REG(base + wprotect) = 0;
}

void esp_wdt_boot_init(void)
{
	clear_bits(ESP_RWDT_BASE, ESP_RWDT_CONFIG0, ESP_RWDT_WPROTECT,
		   ESP_RWDT_KEY, WDT_EN | RWDT_FLASHBOOT);
	clear_bits(ESP_MWDT0_BASE, MWDT_CONFIG0, MWDT_WPROTECT, MWDT_KEY,
		   WDT_EN | MWDT_FLASHBOOT);
	ESP_REG(ESP_RWDT_BASE + ESP_SWD_WPROTECT) = ESP_SWD_KEY;
	ESP_REG(ESP_RWDT_BASE + ESP_SWD_CONF) |= ESP_SWD_AUTO_FEED;
	ESP_REG(ESP_RWDT_BASE + ESP_SWD_WPROTECT) = 0;
}
