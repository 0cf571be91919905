/* drivers/mtd/esp_rom_flash.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The SPI flash of an Espressif chip through the ROM's esp_rom_spiflash_*
 * functions (../shared/docs/esp-formats.md 5.4), as an mtd device. The
 * ROM takes raw flash offsets, word-aligned buffers and lengths in words,
 * and returns 0 on success: every transfer goes through a word-aligned
 * bounce buffer, so callers may pass any buffer. Programs follow the NOR
 * rule as every driver here does: a program that would turn a 0 bit back
 * into a 1 is refused (-EROFS) before anything is written, and each
 * program is read back.
 *
 * The functions come in a table, so the same driver runs on the chip (the
 * ROM's addresses, from the chip's linker script) and on the host (a
 * model of the ROM over the simulated flash, tests/drivers/mtd). Each ROM
 * call runs in one function placed in IRAM (.ramfunc) with the cache
 * suspended, touching only its stack: the rest of the driver may run
 * from flash.
 */
#ifndef SLIPWAY_DRIVERS_MTD_ESP_ROM_FLASH_H
#define SLIPWAY_DRIVERS_MTD_ESP_ROM_FLASH_H

#include "drivers/mtd/mtd.h"

#define ESP_ROM_FLASH_SECTOR 4096u
#define ESP_ROM_FLASH_BOUNCE 256u /* bytes per ROM call */

/* The ROM's prototypes (ESP-IDF esp_rom_spiflash.h). */
struct esp_rom_flash_rom {
	int (*read)(uint32_t flash_off, uint32_t *dst, int32_t len);
	int (*write)(uint32_t flash_off, const uint32_t *src, int32_t len);
	int (*erase_sector)(uint32_t sector_index);
	int (*unlock)(void); /* may be NULL */
	/* Around each read, write and erase: the flash cache suspended,
	 * then resumed (ESP-IDF disables it around flash operations), so
	 * nothing mapped from flash (an OS image's IROM and DROM) is fetched
	 * while the ROM drives the SPI bus. Both NULL: no cache (the host). */
	uint32_t (*cache_suspend)(void);
	void (*cache_resume)(uint32_t state);
};

struct esp_rom_flash {
	struct mtd_dev mtd; /* first: an esp_rom_flash is an mtd_dev */
	const struct esp_rom_flash_rom *rom;
	struct mtd_region region;
	struct mtd_geometry geo;
	uint32_t bounce[ESP_ROM_FLASH_BOUNCE / 4];
	uint32_t check[ESP_ROM_FLASH_BOUNCE / 4];
};

/*
 * A device of `size` bytes (a multiple of 4 KiB, as the image header
 * says) over the ROM functions in `rom`; clears the flash's block
 * protection when the table has unlock. 0, -EINVAL for a size the
 * geometry cannot hold, or -EIO when unlock fails.
 */
int esp_rom_flash_init(struct esp_rom_flash *f,
		       const struct esp_rom_flash_rom *rom, uint32_t size);

#endif
