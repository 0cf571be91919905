/* arch/risc-v/espressif/common/esp_reset.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The reset reason codes the ROM's rtc_get_reset_reason returns
 * (esp_rom_get_reset_reason, esp-formats.md 5.4), named and classed. The
 * codes and names are ESP-IDF v5.5.5's soc/<chip>/include/soc/
 * reset_reasons.h (RESET_REASON_*, not in the contract). One table serves
 * the four chips: a code that two of them define means the same on both;
 * a chip that lacks a code never returns it. Pure data, so the host tests
 * it (tests/arch/espressif/test_esp_reset.c).
 */
#include "arch/arch.h"
#include "arch/risc-v/espressif/common/esp_chip.h"

#include <stddef.h>

static const struct arch_reset_cause reasons[] = {
	/* also CHIP_BROWN_OUT and, on the C3, CHIP_SUPER_WDT: one code */
	{ ARCH_RESET_POWER_ON, 0x01, "CHIP_POWER_ON" },
	{ ARCH_RESET_SOFTWARE, 0x03, "CORE_SW" },
	{ ARCH_RESET_DEEP_SLEEP, 0x05, "CORE_DEEP_SLEEP" },
	{ ARCH_RESET_HOST, 0x06, "CORE_SDIO" },
	{ ARCH_RESET_WATCHDOG, 0x07, "CORE_MWDT0" },
	{ ARCH_RESET_WATCHDOG, 0x08, "CORE_MWDT1" },
	{ ARCH_RESET_WATCHDOG, 0x09, "CORE_RTC_WDT" },
	{ ARCH_RESET_WATCHDOG, 0x0b, "CPU0_MWDT0" },
	{ ARCH_RESET_SOFTWARE, 0x0c, "CPU0_SW" },
	{ ARCH_RESET_WATCHDOG, 0x0d, "CPU0_RTC_WDT" },
	{ ARCH_RESET_BROWN_OUT, 0x0f, "SYS_BROWN_OUT" },
	{ ARCH_RESET_WATCHDOG, 0x10, "SYS_RTC_WDT" },
	{ ARCH_RESET_WATCHDOG, 0x11, "CPU0_MWDT1" },
	{ ARCH_RESET_WATCHDOG, 0x12, "SYS_SUPER_WDT" },
	{ ARCH_RESET_GLITCH, 0x13, "SYS_CLK_GLITCH" },
	{ ARCH_RESET_GLITCH, 0x14, "CORE_EFUSE_CRC" },
	{ ARCH_RESET_HOST, 0x15, "CORE_USB_UART" },
	{ ARCH_RESET_HOST, 0x16, "CORE_USB_JTAG" },
	{ ARCH_RESET_GLITCH, 0x17, "CORE_PWR_GLITCH" },
	{ ARCH_RESET_HOST, 0x18, "CPU0_JTAG" },
};

void esp_reset_cause_of(unsigned int code, struct arch_reset_cause *cause)
{
	for (size_t i = 0; i < sizeof(reasons) / sizeof(reasons[0]); i++)
		if (reasons[i].code == code) {
			*cause = reasons[i];
			return;
		}
	cause->cls = ARCH_RESET_UNKNOWN;
	cause->code = code;
	cause->name = "unknown";
}
