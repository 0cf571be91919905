/* boards/risc-v/espressif/common/esp_board.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The Espressif boards here: the boot flash is the SPI flash through the
 * ROM, and UART0 (the boards' USB-UART bridge) carries the console and,
 * by default, SMP (serial recovery and the OS's agent), as on
 * qemu-rv32-virt; CONFIG_ESP_SMP_USB_SERIAL_JTAG moves SMP to the chip's
 * own USB port.
 */
#include "arch/risc-v/espressif/common/esp_chip.h"
#include "boards/board.h"
#include "drivers/mtd/mtd.h"
#include "libs/flashmap/flashmap.h"

struct mtd_dev *board_boot_flash(void)
{
	struct mtd_dev *flash = esp_boot_flash();

	if (flash == NULL ||
	    flash_kconfig_geometry_check(flash->geo, "spi-flash") != 0)
		return NULL;
	return flash;
}

struct serial_dev *board_console(void)
{
	return esp_uart0();
}

struct serial_dev *board_smp_serial(void)
{
#if defined(CONFIG_ESP_SMP_USB_SERIAL_JTAG)
	return esp_usb_serial_jtag();
#else
	return esp_uart0();
#endif
}
