/* drivers/mtd/sim_replay.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Exhaustive power-cut replay on the simulated flash. A scenario (any code
 * that changes flash) is first run without a fault to count its programs
 * and erases, N. Then, from the same initial contents, it is run once for
 * every cut point 0..N-1 and every chosen cut mode, and once more with the
 * cut after its last operation (point N, i.e. the scenario completed). After
 * each run power comes back and `check` decides whether the flash is in an
 * acceptable state; it may run recovery code, and may arm further cuts.
 */
#ifndef SLIPWAY_DRIVERS_MTD_SIM_REPLAY_H
#define SLIPWAY_DRIVERS_MTD_SIM_REPLAY_H

#include "drivers/mtd/sim_flash.h"

struct sim_replay_point {
	uint64_t op;            /* the cut operation; == ops: no cut */
	enum sim_cut_mode mode;
	uint64_t seed;          /* what torn contents were drawn from */
};

struct sim_replay {
	struct sim_flash *fl;   /* RAM- or file-backed; restored every run */
	const uint8_t *initial; /* fl's contents before every run */
	uint64_t seed;
	unsigned int modes;     /* bit (1 << SIM_CUT_*) per mode; 0: all */
	/* 0, or a negative errno (-EIO once power is cut). */
	int (*scenario)(struct mtd_dev *dev, void *ctx);
	/* 0 when the state after `pt` is acceptable. */
	int (*check)(struct mtd_dev *dev, const struct sim_replay_point *pt,
		     int scenario_rc, void *ctx);
	void *ctx;
};

struct sim_replay_result {
	uint64_t ops;        /* programs + erases of the uncut scenario */
	uint64_t cut_points; /* ops + 1 */
	uint64_t runs;       /* scenario runs, all modes */
	uint64_t failures;   /* runs whose check failed */
	struct sim_replay_point first_failure;
};

/*
 * Run every cut point. Returns 0 when every check passed, -EIO when some
 * failed (details in `res`), or the uncut scenario's own error.
 */
int sim_replay_all(struct sim_replay *r, struct sim_replay_result *res);

#endif
