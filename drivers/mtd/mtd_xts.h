/* drivers/mtd/mtd_xts.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Flash encryption as the ESP32-C3/C6 flash controller does it
 * (esp-formats.md 6.2), as an mtd layer: programs into the encrypted
 * ranges are XTS-AES encrypted with the tweak of the data's physical
 * address, reads there are decrypted; everything else passes through.
 * Writes are 16-byte granules (the device's program unit becomes 16), the
 * data unit is 128 bytes; reads may start and end anywhere. Erases pass
 * through. A granule that is still erased reads as erased (the chip would
 * return the decryption of 0xFF bytes; MCUboot's Espressif port reads raw
 * to test for erased flash, which comes to the same). The key context
 * belongs to the caller (from the eFuses).
 */
#ifndef SLIPWAY_DRIVERS_MTD_MTD_XTS_H
#define SLIPWAY_DRIVERS_MTD_MTD_XTS_H

#include "drivers/mtd/mtd.h"
#include "libs/crypto/crypto_xts.h"

#define MTD_XTS_MAX_REGIONS 4

/* [start, end) of the lower device, 16-byte aligned. */
struct mtd_xts_range {
	uint32_t start, end;
};

struct mtd_xts {
	struct mtd_dev mtd; /* first: an mtd_xts is an mtd_dev */
	struct mtd_dev *lower;
	struct crypto_esp_xts *xts;
	uint32_t flash_base; /* physical address of the lower device's 0 */
	const struct mtd_xts_range *ranges;
	unsigned int nranges;
	struct mtd_geometry geo;
};

/*
 * 0, or -EINVAL: a range misaligned, out of order or past the device, or
 * a lower program unit above 16.
 */
int mtd_xts_init(struct mtd_xts *x, struct mtd_dev *lower,
		 struct crypto_esp_xts *xts, uint32_t flash_base,
		 const struct mtd_xts_range *ranges, unsigned int nranges);

#endif
