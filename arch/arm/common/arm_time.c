/* arch/arm/common/arm_time.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Time from SysTick, free-running from the core clock with its largest
 * reload (arm_main starts it): delays and serial timeouts poll it. Its
 * interrupt stays off, so each reader folds the ticks since its last look
 * into a count; a gap longer than one wrap (2^24 clocks) loses time.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"

#define TICKS_PER_US (CONFIG_ARCH_ARM_CORE_CLOCK_HZ / 1000000u)

static uint32_t clocks, clocks_unconverted, us;

static void fold(void)
{
	static uint32_t last;
	uint32_t now = SYST_CVR;
	uint32_t d = (last - now) & 0x00ffffffu; /* it counts down */

	last = now;
	clocks += d;
	clocks_unconverted += d;
	us += clocks_unconverted / TICKS_PER_US;
	clocks_unconverted %= TICKS_PER_US;
}

uint32_t arm_uptime_us(void)
{
	fold();
	return us;
}

uint32_t arm_core_clocks(void)
{
	fold();
	return clocks;
}

void arch_delay_ms(unsigned int ms)
{
	uint32_t start = arm_uptime_us();

	while (arm_uptime_us() - start < ms * 1000u)
		;
}
