/* arch/risc-v/qemu-virt/qemu_virt.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * QEMU's RISC-V virt machine: the console UART, pflash unit 0, reset and
 * power-off through the SiFive test device, and time from the CLINT's
 * mtime (10 MHz). Addresses are QEMU 7.2's virt memory map.
 *
 * A reset is a power cycle: QEMU exits with QEMU_VIRT_EXIT_RESET and the
 * runner (tools/qemu/virt.sh) starts it again on the same flash file. An
 * in-process reset would be cheaper but is wrong: QEMU 7.2 keeps the code
 * it translated from flash across a reset, and its pflash model does not
 * invalidate that code when the flash is reprogrammed, so after an upgrade
 * the new image would run the old image's instructions.
 */
#include "arch/arch.h"
#include "arch/risc-v/common/riscv.h"
#include "arch/risc-v/qemu-virt/qemu_virt.h"
#include "drivers/mtd/cfi01_flash.h"
#include "drivers/serial/ns16550.h"

#include <errno.h>
#include <stdio.h>

#define UART0_BASE 0x10000000u
#define UART0_CLOCK_HZ 3686400u /* the device tree's clock-frequency */
#define UART0_BAUD 115200u

#define TEST_DEVICE ((volatile uint32_t *)0x00100000u)
#define TEST_PASS 0x5555u  /* power off, QEMU exits with status 0 */
#define TEST_FAIL 0x3333u  /* with (code << 16): QEMU exits with code */
#define QEMU_VIRT_EXIT_RESET 82 /* 'R': the runner restarts QEMU */

#define CLINT_MTIME_LO ((volatile uint32_t *)0x0200bff8u)
#define CLINT_MTIME_HI ((volatile uint32_t *)0x0200bffcu)
#define MTIME_HZ 10000000u

static struct ns16550 uart0;

void riscv_chip_init(void)
{
	ns16550_init(&uart0, UART0_BASE, "uart0", UART0_CLOCK_HZ, UART0_BAUD);
}

void riscv_chip_putc(char c)
{
	ns16550_putc(&uart0, (uint8_t)c);
}

struct serial_dev *qemu_virt_uart0(void)
{
	return &uart0.dev;
}

struct mtd_dev *qemu_virt_pflash0(void)
{
	static struct cfi01_flash pflash0;
	static int state; /* 0 not tried, 1 ready, <0 failed */

	if (state == 0) {
		state = cfi01_flash_init(&pflash0, CONFIG_QEMU_VIRT_PFLASH_BASE);
		if (state == 0)
			state = 1;
		else
			printf("qemu-virt: pflash unit 0 at 0x%08x: no usable "
			       "CFI-01 flash (%d)\n",
			       (unsigned)CONFIG_QEMU_VIRT_PFLASH_BASE, state);
	}
	return state == 1 ? &pflash0.mtd : NULL;
}

/* A status QEMU exits with: 0 powers off; others exit with that code
 * (the programs return 0 or 1, never QEMU_VIRT_EXIT_RESET). */
void riscv_chip_halt(int status)
{
	fflush(stdout);
	if (status == 0)
		*TEST_DEVICE = TEST_PASS;
	else
		*TEST_DEVICE = ((uint32_t)(status & 0xffff) << 16) | TEST_FAIL;
	for (;;)
		__asm__ volatile("wfi");
}

int arch_reset(void)
{
	fflush(stdout);
	*TEST_DEVICE = ((uint32_t)QEMU_VIRT_EXIT_RESET << 16) | TEST_FAIL;
	return -EIO;
}

static uint64_t mtime(void)
{
	uint32_t hi, lo;

	do {
		hi = *CLINT_MTIME_HI;
		lo = *CLINT_MTIME_LO;
	} while (hi != *CLINT_MTIME_HI);
	return ((uint64_t)hi << 32) | lo;
}

void arch_delay_ms(unsigned int ms)
{
	uint64_t end = mtime() + (uint64_t)ms * (MTIME_HZ / 1000);

	while (mtime() < end)
		;
}
