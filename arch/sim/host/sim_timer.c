/* arch/sim/host/sim_timer.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Time on the sim: the host's. */
#include "arch/arch.h"

#include <errno.h>
#include <time.h>

void arch_delay_ms(unsigned int ms)
{
	struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&t, &t) != 0 && errno == EINTR)
		;
}
