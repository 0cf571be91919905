/* boards/board.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* What every board provides. */
#ifndef SLIPWAY_BOARDS_BOARD_H
#define SLIPWAY_BOARDS_BOARD_H

#include <stdint.h>

struct mtd_dev;
struct serial_dev;

/*
 * The flash device holding the bootloader and the image slots, ready for
 * use, or NULL after printing why it is not available.
 */
struct mtd_dev *board_boot_flash(void);

/*
 * The console's input (the shell reads it), or NULL when the board has none.
 * Output goes through the C library's stdout.
 */
struct serial_dev *board_console(void);

/*
 * The serial line SMP (mcumgr) requests arrive on, or NULL after printing
 * why there is none. It may be the console's line.
 */
struct serial_dev *board_smp_serial(void);

#if defined(CONFIG_BOOT_ESPIDF_RAM_APPS)
/* The ESP-IDF scheme where apps are RAM images (QEMU virt): the offset of
 * the app partition the loader started, as it handed it over in RAM;
 * 0xffffffff when it handed nothing over. */
uint32_t board_espidf_handoff(void);
#endif

#endif
