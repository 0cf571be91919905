/* arch/sim/host/sim_start.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Start-up of every sim program: the host's main() stands in for the reset
 * vector. stdout is line-buffered so the console reads like a UART, and is
 * flushed before any exec replaces the process. The first program of a run
 * is what a reset starts again: the bootloader, or an OS image run by hand.
 */
#define _GNU_SOURCE
#include "arch/arch.h"
#include "arch/sim/host/sim.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	char self[PATH_MAX];

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (getenv(SIM_ENV_LOADER) == NULL &&
	    realpath("/proc/self/exe", self) != NULL)
		setenv(SIM_ENV_LOADER, self, 1);
	return slipway_main();
}
