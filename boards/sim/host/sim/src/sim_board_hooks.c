/* boards/sim/host/sim/src/sim_board_hooks.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The sim board's hooks (boards/board_hooks.h): each says on the console
 * that it ran when SLIPWAY_SIM_HOOKS is set, so a test sees the points
 * and their order in both boot schemes; silent otherwise, so the console
 * other tests read is unchanged.
 */
#include "boards/board_hooks.h"

#include <stdio.h>
#include <stdlib.h>

#define SIM_ENV_HOOKS "SLIPWAY_SIM_HOOKS"

static int hooks_shown(void)
{
	const char *v = getenv(SIM_ENV_HOOKS);

	return v != NULL && v[0] != '\0' && v[0] != '0';
}

void board_hook_before_init(void)
{
	if (hooks_shown())
		printf("sim: hook: before init\n");
}

void board_hook_after_init(void)
{
	if (hooks_shown())
		printf("sim: hook: after init\n");
}

void board_hook_before_app(uint32_t offset)
{
	if (hooks_shown()) {
		printf("sim: hook: before app at 0x%x\n", (unsigned)offset);
		fflush(stdout); /* the app replaces this process */
	}
}
