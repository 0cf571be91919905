/* boot/romstage/romstage.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What a chip provides to the ROM stage (boot/romstage/romstage.c), the
 * program that plays the chip's ROM before the bootloader.
 */
#ifndef SLIPWAY_BOOT_ROMSTAGE_ROMSTAGE_H
#define SLIPWAY_BOOT_ROMSTAGE_ROMSTAGE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Start the bootloader whose image is `img` (`len` bytes, in RAM: the
 * very bytes the ROM stage checked, never read from flash again). Does
 * not return on success; a negative errno otherwise. The sim executes
 * the image (a host program) from an anonymous memory file.
 */
int arch_rom_start(const uint8_t *img, size_t len);

#endif
