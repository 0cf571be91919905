/* drivers/mtd/mtd_window.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A window onto a parent flash device, as NuttX's mtd_partition: a device
 * of its own whose offset 0 is `offset` on the parent and which cannot reach
 * outside [offset, offset + size). Its geometry is the part of the parent's
 * sector map it covers, so erase rules stay those of the real sectors.
 */
#ifndef SLIPWAY_DRIVERS_MTD_MTD_WINDOW_H
#define SLIPWAY_DRIVERS_MTD_MTD_WINDOW_H

#include "drivers/mtd/mtd.h"

#define MTD_WINDOW_MAX_REGIONS 4

struct mtd_window {
	struct mtd_dev mtd; /* first: a window is an mtd_dev */
	struct mtd_dev *parent;
	uint32_t offset;
	struct mtd_geometry geo;
	struct mtd_region regions[MTD_WINDOW_MAX_REGIONS];
};

/*
 * -EINVAL: the window does not start and end on parent sector boundaries,
 * or is empty; -ERANGE: it leaves the parent; -E2BIG: it spans more than
 * MTD_WINDOW_MAX_REGIONS runs of the parent's sector map.
 */
int mtd_window_init(struct mtd_window *w, struct mtd_dev *parent,
		    uint32_t offset, uint32_t size);

#endif
