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

struct serial_dev *board_console(void)
{
	return qemu_virt_uart0();
}

struct serial_dev *board_smp_serial(void)
{
	return qemu_virt_uart0();
}
