/* arch/risc-v/espressif/esp32c6/esp32c6.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ESP32-C6 facts the common code uses (../shared/docs/esp-formats.md
 * 1.9, 5.2, 5.3, 5.5, 5.6). Registers not in that document say where
 * they come from; only hardware checks them. Plain #defines only: the
 * linker script includes it too. One address for IRAM and DRAM.
 */
#ifndef SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP32C6_H
#define SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP32C6_H

#define ESP_CHIP_TITLE "ESP32-C6"

#define ESP_LOADER_RAM ESP_LOADER_RAM_ESP32C6
#define ESP_ROM_STACK ESP_ROM_STACK_ESP32C6
#define ESP_IRAM_ALIAS 0
#define ESP_APP_IRAM 0x40800000
#define ESP_APP_DRAM 0x40800000
#define ESP_LOADER_CODE_LEN 0x12000
/* 5.2: the flash windows an OS image's IROM and DROM are mapped into */
#define ESP_APP_IROM 0x42000000
#define ESP_APP_DROM 0x42000000
#define ESP_OS_CODE_LEN 0x20000

/* 5.5: LP watchdog; both keys the same; SWD auto-feed is bit 18. */
#define ESP_RWDT_BASE 0x600b1c00
#define ESP_RWDT_CONFIG0 0x00
#define ESP_RWDT_FEED 0x14
#define ESP_RWDT_WPROTECT 0x18
#define ESP_SWD_CONF 0x1c
#define ESP_SWD_WPROTECT 0x20
#define ESP_RWDT_KEY 0x50d83aa1u
#define ESP_SWD_KEY 0x50d83aa1u
#define ESP_SWD_AUTO_FEED (1u << 18)
#define ESP_MWDT0_BASE 0x60008000

/* 5.3: indirect: index to MMU_ITEM_INDEX, value to MMU_ITEM_CONTENT;
 * bit 9 = valid. The page size field (0x60002384) is left at its reset
 * value, 0 = 64 KiB, the size the load map checks against. */
#define ESP_MMU_WRITE(index, page)                                            \
	do {                                                                  \
		*(volatile uint32_t *)(uintptr_t)0x60002380 = (index);        \
		*(volatile uint32_t *)(uintptr_t)0x6000237c =                 \
			((page) & 0x1ff) | (1u << 9);                         \
	} while (0)

/* 5.6: RD_MAC_SPI_SYS_3 */
#define ESP_EFUSE_SYS3 0x600b0850
#define ESP_EFUSE_SYS5 0x600b0850
#define ESP_CHIP_REV_MINOR(s3, s5) (((s3) >> 18) & 0xf)
#define ESP_CHIP_REV_MAJOR(s3, s5) (((s3) >> 22) & 3)

/* UART0 (ESP-IDF v5.5.5's register headers, not in the contract) */
#define ESP_UART0_BASE 0x60000000
#define ESP_UART_FIFO 0x00
#define ESP_UART_STATUS 0x1c
#define ESP_UART_RXFIFO_CNT(status) ((status) & 0xff)

/* GPIO inputs (ESP-IDF v5.5.5's register headers, not in the contract):
 * pad n's IO_MUX register at IO_MUX + 4 + 4n, levels in GPIO_IN. */
#define ESP_GPIO_BASE 0x60091000
#define ESP_IO_MUX_BASE 0x60090000
#define ESP_GPIO_PINS 31

/* USB-Serial-JTAG (ESP-IDF v5.5.5's reg_base.h, not in the contract) */
#define ESP_USJ_BASE 0x6000f000

#endif
