/* boards/arm/nrf52840/nrf52840dk/src/nrf52840dk_board.c
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Board nrf52840dk: the boot flash is the internal flash behind the NVMC,
 * and UARTE0 (the DK's USB serial port through its debugger) carries both
 * the console and SMP (the OS and serial recovery pick SMP's marker lines
 * out of the console's traffic).
 */
#include "arch/arm/nrf52840/nrf52840.h"
#include "boards/board.h"
#include "drivers/mtd/mtd.h"
#include "libs/flashmap/flashmap.h"

struct mtd_dev *board_boot_flash(void)
{
	struct mtd_dev *flash = nrf52840_flash();

	if (flash == NULL ||
	    flash_kconfig_geometry_check(flash->geo, "the flash") != 0)
		return NULL;
	return flash;
}

struct serial_dev *board_console(void)
{
	return nrf52840_uart0();
}

struct serial_dev *board_smp_serial(void)
{
	return nrf52840_uart0();
}
