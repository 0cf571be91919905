/* drivers/serial/cmsdk_uart.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Arm CMSDK APB UART (the mps2 boards' UARTs), polled: a serial_dev over
 * the register block at a CPU address. One byte each way is buffered;
 * interrupts stay off. Arm-only: its timeouts use arch/arm's SysTick time.
 */
#ifndef SLIPWAY_DRIVERS_SERIAL_CMSDK_UART_H
#define SLIPWAY_DRIVERS_SERIAL_CMSDK_UART_H

#include "drivers/serial/serial.h"

#include <stdint.h>

struct cmsdk_uart {
	struct serial_dev dev; /* first: a UART is a serial_dev */
	volatile uint32_t *regs;
};

/* Transmit and receive on, at baud = clock_hz / bauddiv (16 at least). */
void cmsdk_uart_init(struct cmsdk_uart *u, uintptr_t base, const char *name,
		     uint32_t bauddiv);

/* One byte out, waiting for room, on the UART at `base` (needs no state:
 * the fault handler prints through it). */
void cmsdk_uart_putc(uintptr_t base, uint8_t c);

#endif
