/* arch/risc-v/qemu-virt/qemu_virt_ramload.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * qemu-virt with CONFIG_QEMU_VIRT_RAMLOAD: the OS image is copied from
 * flash into RAM through its load header (arch/risc-v/common/
 * riscv_ramload.c), so that the Espressif ports' start path runs here.
 * The machine's RAM is both IRAM and DRAM; there is no MMU, so a header
 * with IROM or DROM regions is refused; the bootloader's own RAM (data,
 * bss, stack, .ramfunc) is reserved.
 */
#include "arch/risc-v/common/riscv_ramload.h"

#define RAM_USABLE_END (CONFIG_QEMU_VIRT_RAM_BASE + 0x7e00000u) /* below QEMU's device tree */

static const struct esp_load_map qemu_virt_load_map = {
	.name = "qemu-virt",
	.iram = { CONFIG_QEMU_VIRT_RAM_BASE, RAM_USABLE_END },
	.dram = { CONFIG_QEMU_VIRT_RAM_BASE, RAM_USABLE_END },
	.reserved = { { CONFIG_QEMU_VIRT_RAM_BASE,
			CONFIG_QEMU_VIRT_RAM_BASE + CONFIG_QEMU_VIRT_RAM_SIZE } },
	.nreserved = 1,
};

const struct esp_load_map *riscv_load_map(void)
{
	return &qemu_virt_load_map;
}

int riscv_load_map_flash(struct mtd_dev *dev, const struct esp_load_header *h)
{
	(void)dev;
	(void)h; /* the map admits no IROM/DROM region */
	return 0;
}
