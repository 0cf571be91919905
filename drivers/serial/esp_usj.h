/* drivers/serial/esp_usj.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The USB-Serial-JTAG controller of the ESP32-C3, C6 and H2 (not the C2,
 * which has none) as a polled serial line: the CDC-ACM port the chip
 * shows a USB host without any external bridge. Two registers (ESP-IDF
 * v5.5.5's usb_serial_jtag_reg.h; not in the contract, checked on
 * hardware only): EP1, whose low byte reads from the OUT (host to chip)
 * FIFO and writes to the IN (chip to host) FIFO, and EP1_CONF, with
 * SERIAL_OUT_EP_DATA_AVAIL (a byte to read), SERIAL_IN_EP_DATA_FREE (room
 * to write) and WR_DONE (send what the IN FIFO holds, as ESP-IDF's
 * usb_serial_jtag_ll_txfifo_flush).
 *
 * The register accesses come in a table, so the same driver runs on the
 * chip (memory-mapped loads and stores) and on the host (a model of the
 * FIFOs, tests/drivers/serial/test_esp_usj.c), as drivers/mtd/
 * esp_rom_flash does with the ROM's functions.
 */
#ifndef SLIPWAY_DRIVERS_SERIAL_ESP_USJ_H
#define SLIPWAY_DRIVERS_SERIAL_ESP_USJ_H

#include "drivers/serial/serial.h"

#include <stdint.h>

#define ESP_USJ_EP1 0x00
#define ESP_USJ_EP1_CONF 0x04
#define ESP_USJ_WR_DONE (1u << 0)
#define ESP_USJ_IN_FREE (1u << 1)
#define ESP_USJ_OUT_AVAIL (1u << 2)

/* How long a write waits for room in the IN FIFO before it gives up: a
 * port no host reads must not stop the loader (ESP-IDF's console drops
 * output the same way). */
#define ESP_USJ_TX_TIMEOUT_MS 50

struct esp_usj_io {
	uint32_t (*read)(uintptr_t addr);
	void (*write)(uintptr_t addr, uint32_t value);
};

struct esp_usj {
	struct serial_dev dev; /* first: the controller is a serial_dev */
	const struct esp_usj_io *io;
	uintptr_t base;
};

/* The controller at `base` through `io`. Nothing is written: the ROM
 * left the USB device enumerated. */
void esp_usj_init(struct esp_usj *u, const struct esp_usj_io *io,
		  uintptr_t base, const char *name);

#endif
