/* drivers/mtd/cfi01_flash.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Parallel NOR flash with the CFI Intel/Sharp extended command set
 * (command set 0x0001, "CFI-01"), on a 32-bit bus made of two x16 chips
 * side by side: every command and status is replicated in both 16-bit
 * lanes. This is QEMU virt's pflash, and the usual pairing of Intel
 * StrataFlash-style parts.
 *
 * The geometry comes from the chips' CFI query, not from configuration.
 * A program never sets a bit that is clear (-EROFS), whether or not the
 * part would refuse it: QEMU's model does not, real NOR cannot. The
 * command sequences run from RAM (section .ramfunc, which the start-up
 * copies with .data): while a command is in progress the bank reads as
 * status, so code executing in place from the same bank would fetch
 * status words as instructions.
 */
#ifndef SLIPWAY_DRIVERS_MTD_CFI01_FLASH_H
#define SLIPWAY_DRIVERS_MTD_CFI01_FLASH_H

#include "drivers/mtd/mtd.h"

#include <stdint.h>

#define CFI01_MAX_BUFFER 1024 /* bytes one buffered program sends at most */

struct cfi01_flash {
	struct mtd_dev mtd; /* first: the flash is an mtd_dev */
	volatile uint32_t *bank;
	uintptr_t base;
	uint32_t buffer_bytes; /* per buffered program, from CFI, capped */
	struct mtd_region region;
	struct mtd_geometry geo;
};

/*
 * Query the bank at CPU address `base` and set up `f`. -ENODEV when it
 * does not answer the CFI query as two x16 chips, -ENOTSUP when its
 * command set is not 0x0001, it has more than one erase region or no
 * write buffer.
 */
int cfi01_flash_init(struct cfi01_flash *f, uintptr_t base);

#endif
