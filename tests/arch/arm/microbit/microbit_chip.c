/* tests/arch/arm/microbit/microbit_chip.c
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * What arch/arm/common needs from a chip, for the micro:bit test firmware
 * on QEMU: the nRF51's UART0 as the console (polled, no state, so the
 * fault report can use it), and a halt that ends QEMU through semihosting
 * with the program's status.
 */
#include "arch/arm/common/arm.h"

#define UART 0x40002000u
#define UART_STARTTX (UART + 0x008)
#define UART_TXDRDY (UART + 0x11c)
#define UART_ENABLE (UART + 0x500)
#define UART_TXD (UART + 0x51c)

#define UART_ENABLE_UART 4u

void arm_chip_init(void)
{
	ARM_REG(UART_ENABLE) = UART_ENABLE_UART;
	ARM_REG(UART_STARTTX) = 1;
}

void arm_chip_putc(char c)
{
	ARM_REG(UART_TXDRDY) = 0;
	ARM_REG(UART_TXD) = (uint8_t)c;
	while (ARM_REG(UART_TXDRDY) == 0)
		;
}

void arm_chip_halt(int status)
{
	arm_semihost_exit(status);
}
