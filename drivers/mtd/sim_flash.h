/* drivers/mtd/sim_flash.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

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
	uint64_t virtual_us; /* time the operations would take (timing model) */
};

/* Optional latency model: time is added up, never slept. */
struct sim_flash_timing {
	uint32_t erase_us_per_sector;
	uint32_t program_us_per_unit;
	uint32_t read_ns_per_byte;
};

/*
 * What happens to the program or erase during which power is cut:
 *  SIM_CUT_SKIP  the operation does not happen at all;
 *  SIM_CUT_DONE  it completes, then power goes;
 *  SIM_CUT_TORN  it is interrupted part way:
 *    program: either a prefix of the bytes is programmed (a random number
 *      of whole bytes, possibly none), or each bit the program would change
 *      changes with probability 1/2 (a random subset); either way every
 *      stored bit is one the program could have produced, as on real NOR;
 *    erase: bytes [start, p) of the range are erased for a random p; the
 *      rest of the sector holding p is either left as it was or filled with
 *      random bytes; sectors after it are left as they were.
 * Every operation after the cut (reads included) fails with -EIO, as if
 * the CPU had stopped; the cut operation itself returns -EIO too.
 *
 * Not a power cut but a flash failure:
 *  SIM_FAIL_EIO  the operation returns -EIO and changes nothing; power
 *    stays on and later operations work (a transient failure).
 * sim_replay's default modes are the three cuts; ask for this one by bit.
 */
enum sim_cut_mode {
	SIM_CUT_SKIP,
	SIM_CUT_DONE,
	SIM_CUT_TORN,
	SIM_FAIL_EIO,
};

#define SIM_NO_CUT UINT64_MAX

struct sim_flash {
	struct mtd_dev mtd; /* first: a sim_flash is an mtd_dev */
	uint8_t *mem;
	int mapped; /* mem is a file mapping to unmap on close */
	struct sim_flash_stats stats;
	struct sim_flash_timing timing;
	/* ECC-style parts: a program unit is written once between erases. */
	uint8_t *written; /* NULL, or one bit per program unit */
	/* Fault injection: programs and erases are numbered from 0. */
	uint64_t ops;        /* program and erase operations attempted */
	uint64_t cut_at;     /* number of the operation power is cut in */
	enum sim_cut_mode cut_mode;
	uint64_t rng;        /* state of the seeded generator for torn data */
	int powered_off;
	/* Flash failures: the read numbered fail_read (stats.reads) returns
	 * -EIO; an erase touching [worn_start, worn_end) returns -EIO and
	 * leaves the bytes as they were (a worn-out sector). */
	uint64_t fail_read;  /* SIM_NO_CUT: none */
	uint32_t worn_start, worn_end;
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

/*
 * Enforce "one program per unit between erases" (ECC flash). `bitmap`
 * holds one bit per program unit (geo->size / program_unit bits), all
 * clear; programming a unit already written then fails with -EROFS.
 */
void sim_flash_set_write_once(struct sim_flash *fl, uint8_t *bitmap);

/*
 * Cut power in program/erase number `op` (counted from 0 from now on)
 * with `mode`; `seed` makes torn contents reproducible. SIM_NO_CUT as
 * `op` disarms.
 */
void sim_flash_arm_cut(struct sim_flash *fl, uint64_t op,
		       enum sim_cut_mode mode, uint64_t seed);

/* Power back on: operations work again; nothing is armed. */
void sim_flash_power_on(struct sim_flash *fl);

#endif
