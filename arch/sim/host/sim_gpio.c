/* arch/sim/host/sim_gpio.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* GPIO inputs of the sim, read from SLIPWAY_SIM_GPIO on every call. */
#include "arch/arch.h"
#include "arch/sim/host/sim.h"

#include <errno.h>
#include <stdlib.h>

int sim_gpio_parse(const char *spec, unsigned int pin, unsigned int count)
{
	const char *p = spec;
	int level = 0;

	if (pin >= count)
		return -ERANGE;
	if (p == NULL)
		return 0;
	while (*p != '\0') {
		char *end;
		unsigned long n = strtoul(p, &end, 10);

		if (*p < '0' || *p > '9' || *end != '=' || (end[1] != '0' && end[1] != '1'))
			return -EINVAL;
		if (n >= count)
			return -ERANGE;
		if (n == pin)
			level = end[1] - '0';
		p = end + 2;
		if (*p == ',' && p[1] != '\0')
			p++;
		else if (*p != '\0')
			return -EINVAL;
	}
	return level;
}

int arch_gpio_read(unsigned int pin)
{
	return sim_gpio_parse(getenv(SIM_ENV_GPIO), pin, CONFIG_SIM_GPIO_COUNT);
}
