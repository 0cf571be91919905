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

/* The WDT is arch_wdt_start/arch_wdt_feed (arch/arch.h), 1 to 131072000 ms. */

#endif
