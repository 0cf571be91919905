/* drivers/serial/ns16550.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * 16550-compatible UART, polled: a serial_dev over the register block at a
 * CPU address (one byte per register). Interrupts stay off; a read waits
 * by polling the line status.
 */
#ifndef SLIPWAY_DRIVERS_SERIAL_NS16550_H
#define SLIPWAY_DRIVERS_SERIAL_NS16550_H

#include "drivers/serial/serial.h"

#include <stdint.h>

struct ns16550 {
	struct serial_dev dev; /* first: a UART is a serial_dev */
	volatile uint8_t *regs;
};

/*
 * Set 8N1 at `baud` from the UART's input `clock_hz` (0: leave the divisor
 * as it is, e.g. when an emulator ignores it), FIFOs on and cleared.
 */
void ns16550_init(struct ns16550 *u, uintptr_t base, const char *name,
		  uint32_t clock_hz, uint32_t baud);

/* One byte out, waiting for room (for the console before anything else). */
void ns16550_putc(struct ns16550 *u, uint8_t c);

#endif
