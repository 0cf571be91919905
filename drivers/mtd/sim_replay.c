/* drivers/mtd/sim_replay.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/mtd/sim_replay.h"

#include <errno.h>
#include <string.h>

static void restore(struct sim_replay *r)
{
	struct sim_flash *fl = r->fl;

	memcpy(fl->mem, r->initial, fl->mtd.geo->size);
	if (fl->written != NULL)
		memset(fl->written, 0,
		       (fl->mtd.geo->size / fl->mtd.geo->program_unit + 7) / 8);
	sim_flash_power_on(fl);
}

static void run_one(struct sim_replay *r, struct sim_replay_result *res,
		    const struct sim_replay_point *pt, int cut)
{
	int rc;

	restore(r);
	if (cut)
		sim_flash_arm_cut(r->fl, pt->op, pt->mode, pt->seed);
	rc = r->scenario(&r->fl->mtd, r->ctx);
	sim_flash_power_on(r->fl);
	res->runs++;
	if (r->check(&r->fl->mtd, pt, rc, r->ctx) != 0) {
		if (res->failures++ == 0)
			res->first_failure = *pt;
	}
}

int sim_replay_all(struct sim_replay *r, struct sim_replay_result *res)
{
	unsigned int modes = r->modes ? r->modes : 0x7;
	struct sim_replay_point pt = { 0 };
	int rc;

	memset(res, 0, sizeof(*res));
	restore(r);
	rc = r->scenario(&r->fl->mtd, r->ctx);
	if (rc != 0)
		return rc;
	res->ops = r->fl->ops;
	res->cut_points = res->ops + 1;

	for (pt.op = 0; pt.op < res->ops; pt.op++) {
		for (int m = SIM_CUT_SKIP; m <= SIM_FAIL_EIO; m++) {
			if (!(modes & (1u << m)))
				continue;
			pt.mode = (enum sim_cut_mode)m;
			pt.seed = r->seed ^ (pt.op * 0x9e3779b97f4a7c15ULL) ^
				  (uint64_t)m;
			run_one(r, res, &pt, 1);
		}
	}
	/* The point after the last operation: the scenario completed. */
	pt.op = res->ops;
	pt.mode = SIM_CUT_DONE;
	pt.seed = r->seed;
	run_one(r, res, &pt, 0);
	return res->failures ? -EIO : 0;
}
