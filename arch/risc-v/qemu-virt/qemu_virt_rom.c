/* arch/risc-v/qemu-virt/qemu_virt_rom.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * QEMU virt's ROM stage hand-over: the bootloader runs in place from
 * pflash, linked for its area, so the ROM stage jumps to the start of the
 * area. The checked copy is compared with the flash right before the
 * jump, so what runs is what was checked unless the flash changes in the
 * instructions between (a chip's ROM loads the bootloader into RAM
 * instead; QEMU's bootloader is linked to run from flash).
 */
#include "boot/romstage/romstage.h"
#include "boards/board.h"
#include "drivers/mtd/mtd.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

int arch_rom_start(const uint8_t *img, size_t len)
{
	uintptr_t entry;
	int rc = mtd_xip_address(board_boot_flash(), CONFIG_FLASH_AREA_BOOTLOADER_OFFSET,
				 &entry);

	if (rc != 0)
		return rc;
	if (memcmp((const void *)entry, img, len) != 0)
		return -EIO;
	fflush(stdout);
	__asm__ volatile("fence.i" ::: "memory");
	((void (*)(void))entry)();
	return -EFAULT;
}
