/* arch/arm/nrf52840/nrf52840.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * The nrf52840 chip's devices, for its boards.
 */
#ifndef SLIPWAY_ARCH_ARM_NRF52840_NRF52840_H
#define SLIPWAY_ARCH_ARM_NRF52840_NRF52840_H

#include <stdint.h>

struct mtd_dev;
struct serial_dev;

/* UARTE0 on the configured pins: the console and the SMP line. */
struct serial_dev *nrf52840_uart0(void);

/* The internal flash behind the NVMC, geometry from the FICR; NULL after
 * printing why not. */
struct mtd_dev *nrf52840_flash(void);

/*
 * Start the watchdog with `timeout_ms` (1 to 131072000), paused while the
 * core sleeps or a debugger halts it; it cannot be stopped again, and it
 * keeps running in the OS image. Nothing calls it yet: a bootloader that
 * starts it must feed it inside every long flash loop (a swap), or a
 * slow upgrade would be reset over and over (no CONFIG_BOOT_WDT yet).
 */
void nrf52840_wdt_start(uint32_t timeout_ms);

/* Reload the watchdog, if it runs. */
void nrf52840_wdt_feed(void);

#endif
