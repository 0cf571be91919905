/* tests/arch/espressif/test_esp_reset.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The Espressif reset reasons (arch/risc-v/espressif/common/esp_reset.c)
 * against ESP-IDF v5.5.5's soc/<chip>/include/soc/reset_reasons.h: every
 * code one of the four chips defines, with its name and the class the
 * loader decides on; 0 and codes no chip defines are unknown.
 */
#include "tests/test.h"

#include "arch/arch.h"
#include "arch/risc-v/espressif/common/esp_chip.h"

#include <string.h>

struct expect {
	unsigned int code;
	const char *name;
	enum arch_reset_class cls;
};

static const struct expect idf[] = {
	{ 0x01, "CHIP_POWER_ON", ARCH_RESET_POWER_ON },
	{ 0x03, "CORE_SW", ARCH_RESET_SOFTWARE },
	{ 0x05, "CORE_DEEP_SLEEP", ARCH_RESET_DEEP_SLEEP },
	{ 0x06, "CORE_SDIO", ARCH_RESET_HOST },
	{ 0x07, "CORE_MWDT0", ARCH_RESET_WATCHDOG },
	{ 0x08, "CORE_MWDT1", ARCH_RESET_WATCHDOG },
	{ 0x09, "CORE_RTC_WDT", ARCH_RESET_WATCHDOG },
	{ 0x0b, "CPU0_MWDT0", ARCH_RESET_WATCHDOG },
	{ 0x0c, "CPU0_SW", ARCH_RESET_SOFTWARE },
	{ 0x0d, "CPU0_RTC_WDT", ARCH_RESET_WATCHDOG },
	{ 0x0f, "SYS_BROWN_OUT", ARCH_RESET_BROWN_OUT },
	{ 0x10, "SYS_RTC_WDT", ARCH_RESET_WATCHDOG },
	{ 0x11, "CPU0_MWDT1", ARCH_RESET_WATCHDOG },
	{ 0x12, "SYS_SUPER_WDT", ARCH_RESET_WATCHDOG },
	{ 0x13, "SYS_CLK_GLITCH", ARCH_RESET_GLITCH },
	{ 0x14, "CORE_EFUSE_CRC", ARCH_RESET_GLITCH },
	{ 0x15, "CORE_USB_UART", ARCH_RESET_HOST },
	{ 0x16, "CORE_USB_JTAG", ARCH_RESET_HOST },
	{ 0x17, "CORE_PWR_GLITCH", ARCH_RESET_GLITCH },
	{ 0x18, "CPU0_JTAG", ARCH_RESET_HOST },
};

static void test_every_idf_code(void **state)
{
	struct arch_reset_cause c;

	(void)state;
	for (size_t i = 0; i < sizeof(idf) / sizeof(idf[0]); i++) {
		memset(&c, 0xa5, sizeof(c));
		esp_reset_cause_of(idf[i].code, &c);
		assert_int_equal(c.code, idf[i].code);
		assert_string_equal(c.name, idf[i].name);
		assert_int_equal(c.cls, idf[i].cls);
	}
}

/* 0 (no reason latched), the gaps (2, 4, 0x0a, 0x0e) and past the end */
static void test_unknown_codes(void **state)
{
	static const unsigned int gaps[] = { 0, 2, 4, 0x0a, 0x0e, 0x19, 0x3f, 0xffffffffu };
	struct arch_reset_cause c;

	(void)state;
	for (size_t i = 0; i < sizeof(gaps) / sizeof(gaps[0]); i++) {
		esp_reset_cause_of(gaps[i], &c);
		assert_int_equal(c.cls, ARCH_RESET_UNKNOWN);
		assert_int_equal(c.code, gaps[i]);
		assert_string_equal(c.name, "unknown");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_idf_code),
		cmocka_unit_test(test_unknown_codes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
