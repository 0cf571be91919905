/* arch/arm/mps2/mps2_wdt.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The CMSDK APB watchdog behind arch_wdt_start/arch_wdt_feed (Arm DDI0479
 * and QEMU's cmsdk-apb-watchdog model, which mps2-an385 wires to the NMI):
 * a 32-bit down counter on the 25 MHz system clock; when it reaches zero
 * it raises its interrupt (the NMI) and reloads, and when it reaches zero
 * again with the interrupt still raised it resets the system. So LOAD is
 * half the timeout, the NMI handler leaves the interrupt raised
 * (arch/arm/common/arm_fault.c waits for the reset), and a feed clears it.
 * The registers stay locked between feeds, so a stray store cannot stop it.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"

#include <errno.h>
#include <stdint.h>

#if defined(CONFIG_BOOT_WDT)

#define WDOG(off) (*(volatile uint32_t *)(CONFIG_MPS2_WATCHDOG_BASE + (off)))
#define WDOG_LOAD WDOG(0x000)
#define WDOG_CONTROL WDOG(0x008)
#define WDOG_INTCLR WDOG(0x00c)
#define WDOG_RIS WDOG(0x010)
#define WDOG_LOCK WDOG(0xc00)
#define CONTROL_INTEN 1u
#define CONTROL_RESEN 2u
#define LOCK_KEY 0x1acce551u /* any other value locks */
#define TICKS_PER_MS (CONFIG_ARCH_ARM_CORE_CLOCK_HZ / 1000u)

_Static_assert(CONFIG_MPS2_WATCHDOG_BASE != 0,
	       "CONFIG_BOOT_WDT on an mps2 machine without a watchdog");

int arch_wdt_start(unsigned int timeout_ms)
{
	uint64_t half = (uint64_t)timeout_ms * TICKS_PER_MS / 2u;

	if (half < 1u || half > UINT32_MAX)
		return -EINVAL;
	if (WDOG_CONTROL & CONTROL_INTEN)
		return 0; /* already counting: it cannot be re-armed */
	WDOG_LOCK = LOCK_KEY;
	WDOG_LOAD = (uint32_t)half;
	WDOG_CONTROL = CONTROL_INTEN | CONTROL_RESEN;
	WDOG_LOCK = 0u;
	return 0;
}

void arch_wdt_feed(void)
{
	if (!(WDOG_CONTROL & CONTROL_INTEN))
		return;
	WDOG_LOCK = LOCK_KEY;
	WDOG_INTCLR = 1u; /* clears the interrupt and reloads the counter */
	WDOG_LOCK = 0u;
}

int arm_chip_nmi_is_watchdog(void)
{
	return (WDOG_CONTROL & CONTROL_INTEN) && (WDOG_RIS & 1u);
}

#endif
