/* drivers/efuse/efuse_flash.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * eFuses kept in a flash region (ESP-IDF's CONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH),
 * for targets without fuses of their own (QEMU). A fuse bit is a flash bit
 * moved away from its erased value, so burning is programming: it never
 * needs an erase, and no erase is ever issued (a blown fuse stays blown; a
 * cut during a burn leaves some of the requested bits blown, as real
 * fuses). The region is EFUSE_WORDS * 4 bytes, aligned to the program
 * unit; words are programmed again as bits are added, so the flash must
 * allow re-programming a unit (NOR without ECC; not STM32-style ECC flash).
 */
#ifndef SLIPWAY_DRIVERS_EFUSE_EFUSE_FLASH_H
#define SLIPWAY_DRIVERS_EFUSE_EFUSE_FLASH_H

#include "drivers/efuse/efuse.h"
#include "drivers/mtd/mtd.h"

/* The words, rounded up to 32 bytes (any program unit up to 32 divides it). */
#define EFUSE_FLASH_SIZE ((EFUSE_WORDS * 4 + 31) / 32 * 32)

struct efuse_flash {
	struct efuse_dev dev; /* first: an efuse_flash is an efuse_dev */
	struct mtd_dev *mtd;
	uint32_t off;
};

/* 0, -EINVAL (misaligned, or a program unit above 32) or -ERANGE. */
int efuse_flash_init(struct efuse_flash *e, struct mtd_dev *mtd, uint32_t off);

#endif
