/* arch/arm/mps2/mps2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * QEMU's mps2 machines: the console on UART0, the flash emulated over the
 * file-backed RAM window, power-off through semihosting. Reset is the
 * SCB's (arch/arm/common): QEMU resets in place, keeps the window (it is
 * the file) and reloads the bootloader it was given with -kernel. Unlike
 * the RISC-V virt machine's pflash, the window is RAM, so QEMU drops the
 * code it translated from it when it is rewritten: no restart is needed.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"
#include "arch/arm/mps2/mps2.h"
#include "drivers/mtd/ram_nor.h"
#include "drivers/serial/cmsdk_uart.h"

#include <stdio.h>

/* BAUDDIV 16 is the fastest the CMSDK UART takes; QEMU ignores the rate. */
#define UART0_BAUDDIV 16u

static struct cmsdk_uart uart0;

void arm_chip_init(void)
{
	cmsdk_uart_init(&uart0, CONFIG_MPS2_UART0_BASE, "uart0", UART0_BAUDDIV);
}

void arm_chip_putc(char c)
{
	cmsdk_uart_putc(CONFIG_MPS2_UART0_BASE, (uint8_t)c);
}

/* A status QEMU exits with (it runs with semihosting on: tools/qemu/mps2.sh). */
void arm_chip_halt(int status)
{
	fflush(stdout);
	arm_semihost_exit(status);
}

struct serial_dev *mps2_uart0(void)
{
	return &uart0.dev;
}

struct mtd_dev *mps2_flash(void)
{
	static struct ram_nor window;
	static int state; /* 0 not tried, 1 ready, <0 failed */

	if (state == 0) {
		state = ram_nor_init(&window, CONFIG_ARM_FLASH_XIP_BASE,
				     CONFIG_FLASH_SIZE, CONFIG_FLASH_SECTOR_SIZE,
				     CONFIG_FLASH_WRITE_ALIGN);
		if (state == 0)
			state = 1;
		else
			printf("mps2: flash window at 0x%08x: bad geometry (%d)\n",
			       (unsigned)CONFIG_ARM_FLASH_XIP_BASE, state);
	}
	return state == 1 ? &window.mtd : NULL;
}
