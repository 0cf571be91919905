/* boards/board_hooks.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Board hooks: a product's own code at three named points of the
 * bootloader, the same points in both boot schemes (MCUboot slots,
 * boot/loader/loader_main.c; ESP-IDF partitions,
 * boot/loader/scheme_espidf.c), in this order:
 *
 *   board_hook_before_init  first thing the loader does, before it
 *                           touches the flash or starts its watchdog
 *                           (the arch's own start-up, stack and console,
 *                           has run): clocks, power rails, a pin to hold.
 *   board_hook_after_init   the boot flash is open (and, with MCUboot, the
 *                           flash map checked), nothing chosen yet.
 *   board_hook_before_app   an image has been chosen and validated, just
 *                           before the jump: `offset` is where it lies in
 *                           the boot flash (MCUboot: the primary slot;
 *                           ESP-IDF: the app partition). Quiesce what the
 *                           app must find idle.
 *
 * ESP-IDF's bootloader_before_init() and bootloader_after_init() are the
 * first two; before_app has no ESP-IDF name (MCUboot's closest is its
 * boot_go hook). A hook cannot veto the boot: one that must stop it
 * resets the chip.
 *
 * Weak defaults (boot/loader/board_hooks.c) that do nothing, as ESP-IDF's
 * hooks are: a board without hooks writes nothing and pays nothing, and
 * a board with them defines the functions it needs. Chosen over an ops
 * table in struct board because a board has no such struct here
 * (boards/board.h is a set of functions) and a table would make every
 * board name the hooks it does not have. A board's hooks file goes in
 * LOADER_SRCS, not COMMON_SRCS: linked as an object, its definitions win
 * over the weak ones; from the archive they might never be pulled in.
 */
#ifndef SLIPWAY_BOARDS_BOARD_HOOKS_H
#define SLIPWAY_BOARDS_BOARD_HOOKS_H

#include <stdint.h>

void board_hook_before_init(void);
void board_hook_after_init(void);
void board_hook_before_app(uint32_t offset);

#endif
