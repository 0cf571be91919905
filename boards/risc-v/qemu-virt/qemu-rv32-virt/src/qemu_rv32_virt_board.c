/* boards/risc-v/qemu-virt/qemu-rv32-virt/src/qemu_rv32_virt_board.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Board qemu-rv32-virt: the boot flash is pflash unit 0, and the one UART
 * carries both the console and SMP (the OS and serial recovery pick SMP's
 * marker lines out of the console's traffic).
 */
#include "arch/risc-v/qemu-virt/qemu_virt.h"
#include "boards/board.h"
#include "drivers/mtd/mtd.h"

#include <stdio.h>

struct mtd_dev *board_boot_flash(void)
{
	struct mtd_dev *flash = qemu_virt_pflash0();
	const struct mtd_geometry *g;

	if (flash == NULL)
		return NULL;
	/* The layout was made for the configured geometry; the part's own
	 * answer must agree, or every offset would be wrong. */
	g = flash->geo;
	if (g->size != CONFIG_FLASH_SIZE ||
	    g->regions[0].sector_size != CONFIG_FLASH_SECTOR_SIZE ||
	    g->program_unit > CONFIG_FLASH_WRITE_ALIGN) {
		printf("board: pflash0 is %u bytes in %u-byte sectors; the "
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
	return qemu_virt_uart0();
}

struct serial_dev *board_smp_serial(void)
{
	return qemu_virt_uart0();
}
