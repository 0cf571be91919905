/* arch/risc-v/espressif/esp32c3/esp32c3.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ESP32-C3 facts the common code uses (../shared/docs/esp-formats.md
 * 1.9, 5.2, 5.3, 5.5, 5.6). Registers not in that document say where
 * they come from; only hardware checks them. Plain #defines only: the
 * linker script includes it too (with libs/espimage/esp_load_map.h
 * before it).
 */
#ifndef SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP32C3_H
#define SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP32C3_H

#define ESP_CHIP_TITLE "ESP32-C3"

/* 1.9 and esp_load_map.h: the bootloader's RAM, the OS image's RAM. */
#define ESP_LOADER_RAM ESP_LOADER_RAM_ESP32C3
#define ESP_ROM_STACK ESP_ROM_STACK_ESP32C3
#define ESP_IRAM_ALIAS 0x700000
#define ESP_APP_IRAM 0x40380000
#define ESP_APP_DRAM 0x3fc80000
/* The linker script's split of each program's RAM: code bytes first. */
#define ESP_LOADER_CODE_LEN 0x12000
/* 5.2: the flash windows an OS image's IROM and DROM are mapped into */
#define ESP_APP_IROM 0x42000000
#define ESP_APP_DROM 0x3c000000
#define ESP_OS_CODE_LEN 0x20000

/* 5.5: RTC watchdog, super watchdog, timer group 0's watchdog. */
#define ESP_RWDT_BASE 0x60008000
#define ESP_RWDT_CONFIG0 0x90
#define ESP_RWDT_FEED 0xa4
#define ESP_RWDT_WPROTECT 0xa8
#define ESP_SWD_CONF 0xac
#define ESP_SWD_WPROTECT 0xb0
#define ESP_RWDT_KEY 0x50d83aa1u
#define ESP_SWD_KEY 0x8f1d312au
#define ESP_SWD_AUTO_FEED (1u << 31)
#define ESP_MWDT0_BASE 0x6001f000

/* 5.3: one memory-mapped table for both windows; bit 8 = invalid, so a
 * valid entry is the flash page number alone. */
#define ESP_MMU_WRITE(index, page) \
	(*(volatile uint32_t *)(uintptr_t)(0x600c5000 + 4 * (index)) = (page) & 0xff)

/* 5.6: chip revision from eFuse. */
#define ESP_EFUSE_SYS3 0x60008850
#define ESP_EFUSE_SYS5 0x60008858
#define ESP_CHIP_REV_MINOR(s3, s5) ((((s5) >> 23) & 1) << 3 | (((s3) >> 18) & 7))
#define ESP_CHIP_REV_MAJOR(s3, s5) (((s5) >> 24) & 3)

/* UART0 (ESP-IDF v5.5.5's register headers, not in the contract): RX
 * FIFO read port and status (RXFIFO_CNT bits 9:0). */
#define ESP_UART0_BASE 0x60000000
#define ESP_UART_FIFO 0x00
#define ESP_UART_STATUS 0x1c
#define ESP_UART_RXFIFO_CNT(status) ((status) & 0x3ff)

/* GPIO inputs (ESP-IDF v5.5.5's register headers, not in the contract):
 * pad n's IO_MUX register at IO_MUX + 4 + 4n, levels in GPIO_IN. */
#define ESP_GPIO_BASE 0x60004000
#define ESP_IO_MUX_BASE 0x60009000
#define ESP_GPIO_PINS 22

/* USB-Serial-JTAG (ESP-IDF v5.5.5's reg_base.h, not in the contract) */
#define ESP_USJ_BASE 0x60043000

#endif
