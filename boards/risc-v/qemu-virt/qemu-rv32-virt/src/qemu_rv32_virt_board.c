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
#include "libs/flashmap/flashmap.h"

#if defined(CONFIG_FLASH_ENCRYPTION)
#include "libs/espsecure/flash_encryption.h"
#endif

#if defined(CONFIG_QEMU_VIRT_RAM_NOR)
#include "drivers/mtd/ram_nor.h"

#include <stdio.h>

/* The ESP-IDF scheme's flash: the file-backed RAM window at
 * QEMU_VIRT_PFLASH_BASE in 4 KiB NOR sectors (Kconfig says why). */
struct mtd_dev *board_boot_flash(void)
{
	static struct ram_nor window;
	static int state; /* 0 not tried, 1 ready, <0 failed */

	if (state == 0) {
		state = ram_nor_init(&window, CONFIG_QEMU_VIRT_PFLASH_BASE,
				     CONFIG_FLASH_SIZE, CONFIG_FLASH_SECTOR_SIZE,
				     CONFIG_FLASH_WRITE_ALIGN);
		if (state == 0)
			state = 1;
		else
			printf("qemu-virt: RAM NOR window at 0x%08x: bad geometry (%d)\n",
			       (unsigned)CONFIG_QEMU_VIRT_PFLASH_BASE, state);
	}
	return state == 1 ? &window.mtd : NULL;
}
#else
struct mtd_dev *board_boot_flash(void)
{
	struct mtd_dev *flash = qemu_virt_pflash0();

	if (flash == NULL ||
	    flash_kconfig_geometry_check(flash->geo, "pflash0") != 0)
		return NULL;
#if defined(CONFIG_FLASH_ENCRYPTION)
	/* What the CPU reads: decrypted through the XTS layer (the key from
	 * the Zkr entropy source on the first boot). */
	return flash_encryption_open(flash, qemu_virt_random);
#else
	return flash;
#endif
}
#endif

struct serial_dev *board_console(void)
{
	return qemu_virt_uart0();
}

struct serial_dev *board_smp_serial(void)
{
	return qemu_virt_uart0();
}
