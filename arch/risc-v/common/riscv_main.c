/* arch/risc-v/common/riscv_main.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * From the start-up to the program: the chip's console, the C library's
 * stdout on it, then slipway_main. A fault anywhere is reported by
 * riscv_trap_report, which resets.
 */
#include "arch/arch.h"
#include "arch/risc-v/common/riscv.h"

#include <stdio.h>

/* picolibc's streams: stdout and stderr are the chip's console, with LF
 * sent as CR LF for terminals. There is no stdin: input is read through
 * board_console(). */
static int console_put(char c, FILE *f)
{
	(void)f;
	if (c == '\n')
		riscv_chip_putc('\r');
	riscv_chip_putc(c);
	return (unsigned char)c;
}

static FILE console = FDEV_SETUP_STREAM(console_put, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdout = &console;
FILE *const stderr = &console;

__attribute__((noreturn)) void riscv_main(void);

void riscv_main(void)
{
	riscv_chip_init();
	riscv_chip_halt(slipway_main());
}

/* picolibc's exit() ends here. */
__attribute__((noreturn)) void _exit(int status)
{
	riscv_chip_halt(status);
}
