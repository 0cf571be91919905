/* arch/arm/common/arm_main.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * From the start-up to the program: SysTick free-running (delays and
 * timeouts), the chip's console, the C library's stdout on it, then
 * slipway_main. A fault anywhere is reported by arm_fault_report, which
 * resets.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"

#include <stdio.h>

/* picolibc's streams: stdout and stderr are the chip's console, with LF
 * sent as CR LF for terminals. There is no stdin: input is read through
 * board_console(). */
static int console_put(char c, FILE *f)
{
	(void)f;
	if (c == '\n')
		arm_chip_putc('\r');
	arm_chip_putc(c);
	return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &console;
FILE *const stderr = &console;

extern const uint32_t arm_vectors[];

__attribute__((noreturn)) void arm_main(void);

void arm_main(void)
{
#ifndef __ARM_ARCH_6M__
	/* Exceptions to this program's table, whoever started it. */
	SCB_VTOR = (uint32_t)(uintptr_t)arm_vectors;
	__asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
	SYST_RVR = 0x00ffffffu;
	SYST_CVR = 0;
	SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_CLKSOURCE;
	arm_chip_init();
	arm_chip_halt(slipway_main());
}

/* picolibc's exit() ends here. */
__attribute__((noreturn)) void _exit(int status)
{
	arm_chip_halt(status);
}
