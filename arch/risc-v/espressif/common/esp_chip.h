/* arch/risc-v/espressif/common/esp_chip.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* What the Espressif chips' common code offers their boards. */
#ifndef SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_CHIP_H
#define SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_CHIP_H

#include <stdint.h>

struct arch_reset_cause;
struct mtd_dev;
struct serial_dev;

/* Clear the flash-boot watchdogs, SWD auto-feed (esp_wdt.c). */
void esp_wdt_boot_init(void);

/* The SPI flash through the ROM, CONFIG_FLASH_SIZE bytes; NULL after
 * printing why not. */
struct mtd_dev *esp_boot_flash(void);

/* UART0: output through the ROM, input from the RX FIFO. */
struct serial_dev *esp_uart0(void);

/* The USB-Serial-JTAG port (C3, C6, H2; CONFIG_ESP_SMP_USB_SERIAL_JTAG). */
struct serial_dev *esp_usb_serial_jtag(void);

/* major * 100 + minor, from eFuse (esp-formats.md 5.6). */
unsigned int esp_chip_revision(void);

/* The class and name of the ROM's reset reason `code` (esp_reset.c);
 * ARCH_RESET_UNKNOWN, "unknown" for a code no chip here defines. */
void esp_reset_cause_of(unsigned int code, struct arch_reset_cause *cause);

#endif
