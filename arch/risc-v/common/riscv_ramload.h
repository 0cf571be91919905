/* arch/risc-v/common/riscv_ramload.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What a chip that starts images through the load header
 * (riscv_ramload.c) provides: the memory map a header is checked against,
 * and the mapping of its IROM/DROM regions (the Espressif MMU; a chip
 * without one refuses mapped regions in its map and never gets here).
 */
#ifndef SLIPWAY_ARCH_RISCV_COMMON_RISCV_RAMLOAD_H
#define SLIPWAY_ARCH_RISCV_COMMON_RISCV_RAMLOAD_H

#include "libs/espimage/esp_load_header.h"

struct mtd_dev;

const struct esp_load_map *riscv_load_map(void);

/*
 * Map the checked header's IROM and DROM regions (slot offsets on `dev`)
 * and invalidate the cache: 0 or a negative errno.
 */
int riscv_load_map_flash(struct mtd_dev *dev, const struct esp_load_header *h);

#endif
