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

#include <stdio.h>

struct mtd_dev *board_boot_flash(void)
{
	struct mtd_dev *flash = nrf52840_flash();
	const struct mtd_geometry *g;

	if (flash == NULL)
		return NULL;
	/* The layout was made for the configured geometry; the part's FICR
	 * must agree, or every offset would be wrong. */
	g = flash->geo;
	if (g->size != CONFIG_FLASH_SIZE ||
	    g->regions[0].sector_size != CONFIG_FLASH_SECTOR_SIZE ||
	    g->program_unit > CONFIG_FLASH_WRITE_ALIGN) {
		printf("board: the flash is %u bytes in %u-byte pages; the "
		       "configuration expects %u in %u (CONFIG_FLASH_SIZE, "
		       "CONFIG_FLASH_SECTOR_SIZE)\n", (unsigned)g->size,
		       (unsigned)g->regions[0].sector_size,
		       (unsigned)CONFIG_FLASH_SIZE,
		       (unsigned)CONFIG_FLASH_SECTOR_SIZE);
		return NULL;
	}
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
