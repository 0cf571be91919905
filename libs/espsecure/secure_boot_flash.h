/* libs/espsecure/secure_boot_flash.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 with the bootloader kept in flash: where its signed
 * image ends, reading it, and the bootloader's first boot over it. The
 * ROM stage and the bootloader take the same length, so the bytes the
 * ROM checks are the bytes whose key the first boot burns.
 *
 * The image is the bootloader area up to the end of its last sector that
 * is not erased: a signed bootloader ends with its signature sector
 * (espsecure pads the data to 4 KiB and appends it), an unsigned one
 * with its last data. Anything written after the signature sector makes
 * that sector no longer the last one, and the image is refused.
 */
#ifndef SLIPWAY_LIBS_ESPSECURE_SECURE_BOOT_FLASH_H
#define SLIPWAY_LIBS_ESPSECURE_SECURE_BOOT_FLASH_H

#include "drivers/efuse/efuse.h"
#include "drivers/mtd/mtd.h"
#include "libs/espsecure/secure_boot.h"

#include <stddef.h>
#include <stdint.h>

/* The chip whose ROM rule the ROM stage and the first boot play
 * (CONFIG_SECURE_BOOT_ROM_CHIP_*; the ESP32-C3 when none is set). */
#if defined(CONFIG_SECURE_BOOT_ROM_CHIP_ESP32C2)
#define SECURE_BOOT_ROM_CHIP SECURE_BOOT_CHIP_ESP32C2
#elif defined(CONFIG_SECURE_BOOT_ROM_CHIP_ESP32C6)
#define SECURE_BOOT_ROM_CHIP SECURE_BOOT_CHIP_ESP32C6
#elif defined(CONFIG_SECURE_BOOT_ROM_CHIP_ESP32H2)
#define SECURE_BOOT_ROM_CHIP SECURE_BOOT_CHIP_ESP32H2
#else
#define SECURE_BOOT_ROM_CHIP SECURE_BOOT_CHIP_ESP32C3
#endif

/* The image's length in `area` (`size` bytes, whole 4 KiB sectors
 * expected): the end of its last sector holding a non-0xff byte; 0 when
 * the whole area is erased. */
size_t secure_boot_image_len(const uint8_t *area, size_t size);

/*
 * Read the bootloader area [off, off + size) of `flash` into `buf`
 * (`size` bytes) and give its image length. 0, -ENOENT when the area is
 * erased, or the flash's error.
 */
int secure_boot_read_image(struct mtd_dev *flash, uint32_t off, uint8_t *buf,
			   size_t size, size_t *len);

/*
 * The bootloader's first boot on every start: nothing to do (but finish
 * the lock a cut may have left) when SECURE_BOOT_EN is set; else read
 * its own image from [off, off + size), hand it to secure_boot_first_boot
 * with `chip` and `images_ok`. `buf` holds `size` bytes. Returns as
 * secure_boot_first_boot does; -ENOENT when the area is erased.
 */
int secure_boot_flash_first_boot(struct efuse_dev *ef, struct mtd_dev *flash,
				 uint32_t off, uint8_t *buf, size_t size,
				 enum secure_boot_chip chip,
				 int (*images_ok)(void *ctx), void *ctx);

#endif
