/* boards/arm/mps2/common/mps2_board.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Boards mps2-an385 and mps2-an505: the boot flash is the emulated NOR
 * over the file-backed window, and UART0 carries both the console and SMP
 * (the OS and serial recovery pick SMP's marker lines out of the
 * console's traffic).
 */
#include "arch/arm/mps2/mps2.h"
#include "boards/board.h"

struct mtd_dev *board_boot_flash(void)
{
	return mps2_flash();
}

struct serial_dev *board_console(void)
{
	return mps2_uart0();
}

struct serial_dev *board_smp_serial(void)
{
	return mps2_uart0();
}
