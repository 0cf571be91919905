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
 * With CONFIG_BOOT_WDT the bootloader then re-arms the RWDT as ESP-IDF's
 * bootloader does (arch_wdt_start): stage 0 resets the chip (RTC reset)
 * after CONFIG_BOOT_WDT_TIMEOUT_MS of the RC slow clock, counted at its
 * nominal 136 kHz (ESP-IDF's SOC_CLK_RC_SLOW_FREQ_APPROX on all four;
 * the oscillator is not calibrated here, so the timeout is approximate).
 * The OS image runs this start-up too: a watchdog the bootloader armed
 * has no flash-boot bit, so it is left running, as arch/arch.h requires.
 * Field positions (stage 0 action bits 30:28, CONFIG1 = stage 0 ticks,
 * FEED bit 31) are ESP-IDF v5.5.5's register headers', not the
 * contract's: only hardware checks them.
 */
#include "arch/arch.h"
#include "arch/risc-v/espressif/common/esp_chip.h"
#include "arch/risc-v/espressif/common/esp_soc.h"

#include <errno.h>

#define WDT_EN (1u << 31)
#define RWDT_FLASHBOOT (1u << 12)
#define MWDT_CONFIG0 0x48
#define MWDT_WPROTECT 0x64
#define MWDT_FLASHBOOT (1u << 14)
#define MWDT_KEY 0x50d83aa1u

#define WDT_STAGES (0xfffu << 19) /* actions of stages 0..3, bits 30:19 */
#define WDT_STG0_RESET_RTC (4u << 28)
#define WDT_FEED (1u << 31)
#define RC_SLOW_TICKS_PER_MS 136u

/* Clear `bits`, but only while the flash-boot protection is on: a
 * watchdog armed by the bootloader has it off and keeps running. */
static void clear_flashboot(uint32_t base, uint32_t reg, uint32_t wprotect,
			    uint32_t key, uint32_t flashboot)
{
	if ((ESP_REG(base + reg) & flashboot) == 0)
		return;
	ESP_REG(base + wprotect) = key;
	ESP_REG(base + reg) &= ~(WDT_EN | flashboot);
	ESP_REG(base + wprotect) = 0;
}

void esp_wdt_boot_init(void)
{
	clear_flashboot(ESP_RWDT_BASE, ESP_RWDT_CONFIG0, ESP_RWDT_WPROTECT,
			ESP_RWDT_KEY, RWDT_FLASHBOOT);
	clear_flashboot(ESP_MWDT0_BASE, MWDT_CONFIG0, MWDT_WPROTECT, MWDT_KEY,
			MWDT_FLASHBOOT);
	ESP_REG(ESP_RWDT_BASE + ESP_SWD_WPROTECT) = ESP_SWD_KEY;
	ESP_REG(ESP_RWDT_BASE + ESP_SWD_CONF) |= ESP_SWD_AUTO_FEED;
	ESP_REG(ESP_RWDT_BASE + ESP_SWD_WPROTECT) = 0;
}

#if defined(CONFIG_BOOT_WDT)
int arch_wdt_start(unsigned int timeout_ms)
{
	uint64_t ticks = (uint64_t)timeout_ms * RC_SLOW_TICKS_PER_MS;
	uint32_t cfg;

	if (timeout_ms == 0 || ticks > UINT32_MAX)
		return -EINVAL;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_WPROTECT) = ESP_RWDT_KEY;
	cfg = ESP_REG(ESP_RWDT_BASE + ESP_RWDT_CONFIG0);
	cfg &= ~(WDT_EN | WDT_STAGES | RWDT_FLASHBOOT);
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_CONFIG0) = cfg;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_CONFIG0 + 4) = (uint32_t)ticks;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_FEED) = WDT_FEED;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_CONFIG0) = cfg | WDT_STG0_RESET_RTC | WDT_EN;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_WPROTECT) = 0;
	return 0;
}

void arch_wdt_feed(void)
{
	if ((ESP_REG(ESP_RWDT_BASE + ESP_RWDT_CONFIG0) & WDT_EN) == 0)
		return; /* not running */
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_WPROTECT) = ESP_RWDT_KEY;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_FEED) = WDT_FEED;
	ESP_REG(ESP_RWDT_BASE + ESP_RWDT_WPROTECT) = 0;
}
#endif
