/* drivers/mtd/nrf_nvmc.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * The Nordic nRF51/nRF52 internal flash behind its NVMC (non-volatile
 * memory controller): reads are plain loads from the flash's CPU mapping;
 * writes go through the controller, which must be switched to write or
 * erase enable first and back to read-only after, and which reports
 * READY when an operation is done. Programming is by 32-bit word and can
 * only clear bits; erase is by page.
 *
 * The driver refuses a program that would set a cleared bit (-EROFS)
 * before it writes anything, so a request is all or nothing. A word whose
 * value would not change is not written at all: the part allows each word
 * only a limited number of writes between erases (nWRITE: 2 on the nRF51
 * and nRF52). The CPU stalls while the NVMC works, so code may run from
 * the same flash. The geometry comes from the part's FICR (CODEPAGESIZE,
 * CODESIZE), not from configuration.
 */
#ifndef SLIPWAY_DRIVERS_MTD_NRF_NVMC_H
#define SLIPWAY_DRIVERS_MTD_NRF_NVMC_H

#include "drivers/mtd/mtd.h"

#include <stdint.h>

#define NRF_NVMC_BASE 0x4001e000u /* nRF51 and nRF52 */
#define NRF_FICR_BASE 0x10000000u

struct nrf_nvmc {
	struct mtd_dev mtd; /* first: the flash is an mtd_dev */
	uintptr_t nvmc;     /* controller registers */
	uintptr_t flash;    /* CPU address of flash offset 0 */
	struct mtd_region region;
	struct mtd_geometry geo;
};

/*
 * Set up `f` for the controller at `nvmc` and the flash mapped at `flash`,
 * with the page size and count the FICR at `ficr` gives. -ENODEV when the
 * FICR's numbers do not make a flash (a page size that is not a power of
 * two from 256 bytes to 64 KiB, no pages).
 */
int nrf_nvmc_init(struct nrf_nvmc *f, uintptr_t nvmc, uintptr_t ficr,
		  uintptr_t flash);

#endif
