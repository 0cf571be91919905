/* boards/sim/host/sim/src/sim_board_serial.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The sim board's serial lines: the console on stdin/stdout, SMP on a pty. */
#include "arch/sim/host/sim.h"
#include "boards/board.h"

#include <stdio.h>

struct serial_dev *board_console(void)
{
	return sim_console_serial();
}

struct serial_dev *board_smp_serial(void)
{
	struct serial_dev *dev = sim_pty_serial();

	if (dev == NULL)
		printf("sim: no SMP serial: set " SIM_ENV_SMP_PTY " to the path "
		       "where its pty should appear\n");
	return dev;
}
