/* arch/risc-v/espressif/common/esp_gpio.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * arch_gpio_read for the recovery pin: the pad is made an input through
 * its IO_MUX register (FUN_IE) and pulled to the button's released level
 * (pull-down when the pressed button drives it high,
 * CONFIG_BOOT_SERIAL_ENTRY_LEVEL = 1, else pull-up), so an unwired pin
 * never reads as pressed; then its level is read from GPIO_IN. Register
 * facts: the chip's header (ESP-IDF's register headers; hardware only).
 */
#include "arch/arch.h"
#include "arch/risc-v/espressif/common/esp_rom.h"
#include "arch/risc-v/espressif/common/esp_soc.h"

#include <errno.h>

#define FUN_PD (1u << 7)
#define FUN_PU (1u << 8)
#define FUN_IE (1u << 9)
#define GPIO_IN 0x3c

#if defined(CONFIG_BOOT_SERIAL_ENTRY_GPIO) && CONFIG_BOOT_SERIAL_ENTRY_LEVEL == 1
#define RELEASED_PULL FUN_PD
#else
#define RELEASED_PULL FUN_PU
#endif

int arch_gpio_read(unsigned int pin)
{
	uint32_t pad = ESP_IO_MUX_BASE + 4 + 4 * pin;
	uint32_t v;

	if (pin >= ESP_GPIO_PINS)
		return -EINVAL;
	v = ESP_REG(pad) & ~(FUN_PD | FUN_PU);
	ESP_REG(pad) = v | FUN_IE | RELEASED_PULL;
	esp_rom_delay_us(10); /* the pull settles the pad */
	return (int)((ESP_REG(ESP_GPIO_BASE + GPIO_IN) >> pin) & 1);
}
