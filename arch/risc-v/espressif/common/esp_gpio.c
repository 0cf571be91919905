/* arch/risc-v/espressif/common/esp_gpio.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * arch_gpio_read for the buttons the configuration reads at reset: the
 * recovery pin (CONFIG_BOOT_SERIAL_ENTRY_*) and the ESP-IDF scheme's
 * factory-reset and test-app pins (CONFIG_BOOT_ESPIDF_FACTORY_RESET_*,
 * CONFIG_BOOT_ESPIDF_TEST_APP_*; their hold time is the loader's). The
 * pad is made an input through its IO_MUX register (FUN_IE) and pulled
 * to the button's released level: pull-down for a button active high,
 * else pull-up, so an unwired pin never reads as pressed. ESP-IDF pulls
 * its factory and test pins up whatever their level; for the active-low
 * default that is the same, for an active-high pin it would read an
 * unwired pin as a factory reset at every start. A pin no button uses is
 * pulled up, as ESP-IDF does. Then the level is read from GPIO_IN.
 * Register facts: the chip's header (ESP-IDF's register headers;
 * hardware only).
 */
#include "arch/arch.h"
#include "arch/risc-v/espressif/common/esp_rom.h"
#include "arch/risc-v/espressif/common/esp_soc.h"

#include <errno.h>

#define FUN_PD (1u << 7)
#define FUN_PU (1u << 8)
#define FUN_IE (1u << 9)
#define GPIO_IN 0x3c

/* One pin, two buttons of opposite levels: no pull suits both. */
#if defined(CONFIG_BOOT_SERIAL_ENTRY_GPIO) && defined(CONFIG_BOOT_ESPIDF_FACTORY_RESET) && \
	CONFIG_BOOT_SERIAL_ENTRY_PIN == CONFIG_BOOT_ESPIDF_FACTORY_RESET_PIN &&           \
	CONFIG_BOOT_SERIAL_ENTRY_LEVEL != CONFIG_BOOT_ESPIDF_FACTORY_RESET_LEVEL
#error "the recovery and factory-reset pins are one GPIO with opposite levels"
#endif
#if defined(CONFIG_BOOT_SERIAL_ENTRY_GPIO) && defined(CONFIG_BOOT_ESPIDF_TEST_APP) && \
	CONFIG_BOOT_SERIAL_ENTRY_PIN == CONFIG_BOOT_ESPIDF_TEST_APP_PIN &&                \
	CONFIG_BOOT_SERIAL_ENTRY_LEVEL != CONFIG_BOOT_ESPIDF_TEST_APP_LEVEL
#error "the recovery and test-app pins are one GPIO with opposite levels"
#endif
#if defined(CONFIG_BOOT_ESPIDF_FACTORY_RESET) && defined(CONFIG_BOOT_ESPIDF_TEST_APP) && \
	CONFIG_BOOT_ESPIDF_FACTORY_RESET_PIN == CONFIG_BOOT_ESPIDF_TEST_APP_PIN &&          \
	CONFIG_BOOT_ESPIDF_FACTORY_RESET_LEVEL != CONFIG_BOOT_ESPIDF_TEST_APP_LEVEL
#error "the factory-reset and test-app pins are one GPIO with opposite levels"
#endif

/* The level at which the button on `pin` asks for something; -1: none. */
static int active_level(unsigned int pin)
{
#if defined(CONFIG_BOOT_SERIAL_ENTRY_GPIO)
	if (pin == CONFIG_BOOT_SERIAL_ENTRY_PIN)
		return CONFIG_BOOT_SERIAL_ENTRY_LEVEL;
#endif
#if defined(CONFIG_BOOT_ESPIDF_FACTORY_RESET)
	if (pin == CONFIG_BOOT_ESPIDF_FACTORY_RESET_PIN)
		return CONFIG_BOOT_ESPIDF_FACTORY_RESET_LEVEL;
#endif
#if defined(CONFIG_BOOT_ESPIDF_TEST_APP)
	if (pin == CONFIG_BOOT_ESPIDF_TEST_APP_PIN)
		return CONFIG_BOOT_ESPIDF_TEST_APP_LEVEL;
#endif
	(void)pin;
	return -1;
}

int arch_gpio_read(unsigned int pin)
{
	uint32_t pad = ESP_IO_MUX_BASE + 4 + 4 * pin;
	uint32_t v;

	if (pin >= ESP_GPIO_PINS)
		return -EINVAL;
	v = ESP_REG(pad) & ~(FUN_PD | FUN_PU);
	ESP_REG(pad) = v | FUN_IE | (active_level(pin) == 1 ? FUN_PD : FUN_PU);
	esp_rom_delay_us(10); /* the pull settles the pad */
	return (int)((ESP_REG(ESP_GPIO_BASE + GPIO_IN) >> pin) & 1);
}
