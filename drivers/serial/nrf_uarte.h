/* drivers/serial/nrf_uarte.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Nordic nRF52 UARTE (UART with EasyDMA), polled: a serial_dev over its
 * register block. EasyDMA reads and writes RAM only, so every transfer
 * goes through a buffer in RAM (a byte on the stack for output, one byte
 * in the driver's struct for input); no interrupt is used. Input is
 * received one byte per DMA transfer, restarted as soon as one ends: the
 * UARTE's receive FIFO holds what arrives meanwhile.
 */
#ifndef SLIPWAY_DRIVERS_SERIAL_NRF_UARTE_H
#define SLIPWAY_DRIVERS_SERIAL_NRF_UARTE_H

#include "drivers/serial/serial.h"

#include <stdint.h>

#define NRF_UARTE_BAUD_115200 0x01d7e000u /* BAUDRATE register value */

struct nrf_uarte {
	struct serial_dev dev; /* first: a UART is a serial_dev */
	uintptr_t base;
	volatile uint8_t rx_byte; /* EasyDMA's target: must be in RAM */
	uint8_t rx_started;
};

/*
 * Connect TXD and RXD to GPIO `tx_pin` and `rx_pin` (port 0 numbering;
 * the caller configures the pins' direction), set `baud` (a BAUDRATE
 * register value), 8N1 without flow control, and enable the UARTE.
 */
void nrf_uarte_init(struct nrf_uarte *u, uintptr_t base, const char *name,
		    uint32_t tx_pin, uint32_t rx_pin, uint32_t baud);

/*
 * One byte out on the UARTE at `base`, waiting until it is sent. Needs
 * only the address and the stack, so a fault report can print with no
 * variable initialised.
 */
void nrf_uarte_putc(uintptr_t base, uint8_t c);

/*
 * Stop the receiver and wait until its DMA has ended, so nothing writes
 * RAM any more (before a jump into another program). A later read starts
 * it again.
 */
void nrf_uarte_stop(struct nrf_uarte *u);

#endif
