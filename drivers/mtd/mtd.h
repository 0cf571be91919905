/* drivers/mtd/mtd.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Flash device interface shared by the bootloader, the update agent and the
 * host tools. A driver embeds `struct mtd_dev` first in its own struct and
 * fills `ops`; callers use the mtd_* wrappers, which check every argument
 * against the geometry before a driver sees it, so drivers only handle
 * requests that are in bounds and aligned.
 *
 * All functions return 0 or a negative errno:
 *   -EINVAL  misaligned offset/length, or a NULL buffer with a length
 *   -ERANGE  the range leaves the device (overflow-safe check)
 *   -EIO     the device failed (or power is gone, on the simulated flash)
 *   -EROFS   a program would set a bit an erase did not (NOR rule)
 */
#ifndef SLIPWAY_DRIVERS_MTD_MTD_H
#define SLIPWAY_DRIVERS_MTD_MTD_H

#include <stddef.h>
#include <stdint.h>

/* A run of `count` equal sectors. A geometry lists runs in address order. */
struct mtd_region {
	uint32_t sector_size;
	uint32_t count;
};

struct mtd_geometry {
	const struct mtd_region *regions;
	uint16_t nregions;
	uint16_t program_unit; /* 1..32 bytes; every program is aligned to it */
	uint8_t erased_value;  /* 0xff on most NOR, 0x00 on some parts */
	uint32_t size;         /* sum of the regions */
};

struct mtd_dev;

struct mtd_ops {
	int (*read)(struct mtd_dev *dev, uint32_t off, void *buf, size_t len);
	int (*program)(struct mtd_dev *dev, uint32_t off, const void *buf,
		       size_t len);
	/* Erase whole sectors covering exactly [off, off + len). */
	int (*erase)(struct mtd_dev *dev, uint32_t off, size_t len);
	int (*sync)(struct mtd_dev *dev); /* may be NULL */
	/*
	 * The CPU address `off` reads at, for devices the CPU can execute in
	 * place (NuttX's MTDIOC_XIPBASE). NULL when the device is not
	 * memory-mapped.
	 */
	int (*xip_address)(struct mtd_dev *dev, uint32_t off, uintptr_t *addr);
};

struct mtd_dev {
	const struct mtd_ops *ops;
	const struct mtd_geometry *geo;
};

/* Check a geometry for internal consistency (sizes, program unit). */
int mtd_geometry_check(const struct mtd_geometry *geo);

/* Sector containing `off`: its start and size. -ERANGE past the end. */
int mtd_sector_at(const struct mtd_geometry *geo, uint32_t off,
		  uint32_t *start, uint32_t *size);

int mtd_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len);
int mtd_program(struct mtd_dev *dev, uint32_t off, const void *buf,
		size_t len);
/* `off` and `off + len` must both fall on sector boundaries. */
int mtd_erase(struct mtd_dev *dev, uint32_t off, size_t len);
int mtd_sync(struct mtd_dev *dev);
/* The CPU address of `off`: -ENOTSUP when the device is not memory-mapped. */
int mtd_xip_address(struct mtd_dev *dev, uint32_t off, uintptr_t *addr);

#endif
