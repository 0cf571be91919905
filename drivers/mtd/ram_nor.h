/* drivers/mtd/ram_nor.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * NOR flash emulated over a memory window: for boards whose "flash" is
 * RAM (QEMU's mps2 machines back their main RAM with a file, which is
 * what persists across runs and power cuts). The driver gives the window
 * NOR behaviour: erase sets whole sectors to 0xff, program only clears
 * bits (a program that would set one is refused with -EROFS and changes
 * nothing), in units of the configured program size, and a sector erase
 * takes CONFIG_MTD_RAM_NOR_ERASE_MS. It is an emulation: no program time,
 * no wear, no torn cells beyond what a cut between two CPU stores leaves.
 * The window is executable in place.
 */
#ifndef SLIPWAY_DRIVERS_MTD_RAM_NOR_H
#define SLIPWAY_DRIVERS_MTD_RAM_NOR_H

#include "drivers/mtd/mtd.h"

#include <stdint.h>

struct ram_nor {
	struct mtd_dev mtd; /* first: the driver is an mtd_dev */
	struct mtd_geometry geo;
	struct mtd_region region;
	volatile uint8_t *base;
};

/* A window of `size` bytes at CPU address `base`, in uniform sectors of
 * `sector_size`, programmed in units of `program_unit`. 0 or -EINVAL. */
int ram_nor_init(struct ram_nor *f, uintptr_t base, uint32_t size,
		 uint32_t sector_size, uint16_t program_unit);

#endif
