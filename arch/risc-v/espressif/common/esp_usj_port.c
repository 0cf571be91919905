/* arch/risc-v/espressif/common/esp_usj_port.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The chip's USB-Serial-JTAG controller (drivers/serial/esp_usj.c) at its
 * address in the chip's header, through plain memory-mapped accesses.
 */
#include "arch/risc-v/espressif/common/esp_chip.h"
#include "arch/risc-v/espressif/common/esp_soc.h"
#include "drivers/serial/esp_usj.h"

#include <stddef.h>

static uint32_t mmio_read(uintptr_t addr)
{
	return ESP_REG(addr);
}

static void mmio_write(uintptr_t addr, uint32_t value)
{
	ESP_REG(addr) = value;
}

static const struct esp_usj_io mmio = { mmio_read, mmio_write };

struct serial_dev *esp_usb_serial_jtag(void)
{
	static struct esp_usj usj;

	if (usj.io == NULL)
		esp_usj_init(&usj, &mmio, ESP_USJ_BASE, "usb-serial-jtag");
	return &usj.dev;
}
