/* arch/arm/common/arm_fault.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The fault handler's report: the exception, where it happened (the
 * stacked pc, lr and xPSR) and the fault status registers the profile has.
 * It writes through the chip's console directly, not printf: the fault may
 * have hit inside the C library, or in an image whose start-up never ran.
 * Then it resets, as a watchdog would, so a device never sits in a fault.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"

#include <stdint.h>

static void put_str(const char *s)
{
	while (*s)
		arm_chip_putc(*s++);
}

static void put_hex(uint32_t v)
{
	put_str("0x");
	for (int shift = 28; shift >= 0; shift -= 4)
		arm_chip_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

static void put_reg(const char *name, uint32_t v)
{
	put_str(name);
	put_hex(v);
}

__attribute__((weak)) int arm_chip_nmi_is_watchdog(void)
{
	return 0;
}

static const char *exception_name(uint32_t n)
{
	static const char *const names[16] = {
		"thread mode", "reset", "NMI", "HardFault", "MemManage",
		"BusFault", "UsageFault", "SecureFault", "reserved",
		"reserved", "reserved", "SVCall", "DebugMonitor", "reserved",
		"PendSV", "SysTick",
	};

	return n < 16 ? names[n] : "interrupt (none is enabled)";
}

__attribute__((noreturn)) void arm_fault_report(uint32_t exception, uint32_t pc,
						uint32_t lr, uint32_t xpsr);

void arm_fault_report(uint32_t exception, uint32_t pc, uint32_t lr, uint32_t xpsr)
{
	put_str("\r\nfault: ");
	put_str(exception_name(exception & 0x1ff));
	put_reg(" (exception ", exception & 0x1ff);
	put_reg(") at pc ", pc);
	put_reg(", lr ", lr);
	put_reg(", xpsr ", xpsr);
#ifndef ARM_BASELINE
	put_reg("; cfsr ", SCB_CFSR);
	put_reg(", hfsr ", SCB_HFSR);
	put_reg(", mmfar ", SCB_MMFAR);
	put_reg(", bfar ", SCB_BFAR);
#endif
#ifdef __ARM_ARCH_8M_MAIN__
	put_reg(", sfsr ", SCB_SFSR);
	put_reg(", sfar ", SCB_SFAR);
#endif
	if ((exception & 0x1ff) == 2 && arm_chip_nmi_is_watchdog()) {
		/* As on the device: the second timeout resets the system. */
		put_str("; the watchdog expired: waiting for its reset\r\n");
		for (;;)
			;
	}
	put_str("; resetting\r\n");
	/* Not arch_reset: its flush of stdout would use the C library's
	 * state, which may be what broke (or was never set up). */
	arm_system_reset();
	put_str("fault: reset failed; halting\r\n");
	arm_chip_halt(1);
}
