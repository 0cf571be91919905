/*
 * Simulated NOR flash: the flash of the sim target and of every unit test.
 * Backed by RAM the caller provides, or by a file mapped shared so that every
 * program or erase reaches the file at once and survives the sim's exec of
 * the next program (bootloader -> OS image -> bootloader).
 *
 * It enforces what real NOR enforces: a program may only move bits away from
 * the erased value (-EROFS otherwise), and erased bytes read as the erased
 * value. It counts operations and bytes, for tests and benchmarks.
 */
#ifndef SLIPWAY_DRIVERS_MTD_SIM_FLASH_H
#define SLIPWAY_DRIVERS_MTD_SIM_FLASH_H

#include "drivers/mtd/mtd.h"

struct sim_flash_stats {
	uint64_t reads, programs, erases;
	uint64_t bytes_read, bytes_programmed, bytes_erased;
};

struct sim_flash {
	struct mtd_dev mtd; /* first: a sim_flash is an mtd_dev */
	uint8_t *mem;
	int mapped; /* mem is a file mapping to unmap on close */
	struct sim_flash_stats stats;
};

/* RAM-backed; `mem` holds geo->size bytes, its contents are kept. */
int sim_flash_init_ram(struct sim_flash *fl, const struct mtd_geometry *geo,
		       uint8_t *mem);

/*
 * File-backed; the file must exist and be exactly geo->size bytes.
 * -ENOENT: no such file; -EFBIG: wrong size; other negative errno as the
 * system reports it.
 */
int sim_flash_open_file(struct sim_flash *fl, const struct mtd_geometry *geo,
			const char *path);
void sim_flash_close(struct sim_flash *fl);

#endif
