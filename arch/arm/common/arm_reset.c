/* arch/arm/common/arm_reset.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A system reset through the SCB (AIRCR.SYSRESETREQ): every Cortex-M has
 * it, and it resets the whole chip, not only the core.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"

#include <errno.h>
#include <stdio.h>

void arm_system_reset(void)
{
	__asm__ volatile("dsb" ::: "memory");
	SCB_AIRCR = AIRCR_SYSRESETREQ;
	__asm__ volatile("dsb" ::: "memory");
	/* The request takes effect within a few cycles. */
	for (unsigned int i = 0; i < 1000000u; i++)
		__asm__ volatile("nop");
}

int arch_reset(void)
{
	fflush(stdout);
	arm_system_reset();
	return -EIO;
}
