/* arch/arm/nrf52840/nrf52840.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * The nrf52840 chip's devices, for its boards.
 */
#ifndef SLIPWAY_ARCH_ARM_NRF52840_NRF52840_H
#define SLIPWAY_ARCH_ARM_NRF52840_NRF52840_H

struct mtd_dev;
struct serial_dev;

/* UARTE0 on the configured pins: the console and the SMP line. */
struct serial_dev *nrf52840_uart0(void);

/* The internal flash behind the NVMC, geometry from the FICR; NULL after
 * printing why not. */
struct mtd_dev *nrf52840_flash(void);

/* Start the watchdog (CONFIG_NRF52840_WDT_TIMEOUT_MS, paused while the
 * core sleeps or is halted by a debugger); it cannot be stopped again. */
void nrf52840_wdt_start(void);

/* Reload the watchdog, if it runs. */
void nrf52840_wdt_feed(void);

#endif
