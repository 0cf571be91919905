/* libs/espimage/esp_load_map.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What an OS image's load header may use on each chip, as data: the RAM
 * and flash windows of ../shared/docs/esp-formats.md 5.2, the MMU of 5.3,
 * and the bootloader's own RAM. The bootloader occupies SRAM from
 * ESP_LOADER_RAM_<chip> (DRAM address) to the ROM's stack (1.9's "usable
 * end"), and the ROM's stack and data lie above it to the end of SRAM: the
 * whole span is reserved. The chips' linker scripts
 * (arch/risc-v/espressif/<chip>/<chip>.ld.S) link the bootloader into the
 * same span; test_esp_load_header checks both against the document.
 */
#include "libs/espimage/esp_load_header.h"
#include "libs/espimage/esp_load_map.h"

#include <string.h>

static const struct esp_load_map maps[] = {
	{
		.name = "esp32c3",
		/* IRAM from 0x40380000: 0x4037c000.. is the 16 KiB I-cache. */
		.iram = { 0x40380000, 0x403e0000 },
		.dram = { 0x3fc80000, 0x3fce0000 },
		.lp = { 0x50000000, 0x50002000 },
		.iram_alias = 0x700000,
		.irom = { 0x42000000, 0x42800000 },
		.drom = { 0x3c000000, 0x3c800000 },
		.mmu_page = 0x10000,
		.mmu_entries = 128,
		.reserved = { { ESP_LOADER_RAM_ESP32C3, 0x3fce0000 } },
		.nreserved = 1,
	},
	{
		.name = "esp32c2",
		.iram = { 0x40380000, 0x403c0000 },
		.dram = { 0x3fca0000, 0x3fce0000 },
		.lp = { 0, 0 }, /* no RTC RAM */
		.iram_alias = 0x6e0000,
		.irom = { 0x42000000, 0x42400000 },
		.drom = { 0x3c000000, 0x3c400000 },
		.mmu_page = 0x10000,
		.mmu_entries = 64,
		.reserved = { { ESP_LOADER_RAM_ESP32C2, 0x3fce0000 } },
		.nreserved = 1,
	},
	{
		.name = "esp32c6",
		.iram = { 0x40800000, 0x40880000 },
		.dram = { 0x40800000, 0x40880000 },
		.lp = { 0x50000000, 0x50004000 },
		.iram_alias = 0,
		/* One window for code and data: 256 pages of 64 KiB. */
		.irom = { 0x42000000, 0x43000000 },
		.drom = { 0x42000000, 0x43000000 },
		.mmu_page = 0x10000,
		.mmu_entries = 256,
		.reserved = { { ESP_LOADER_RAM_ESP32C6, 0x40880000 } },
		.nreserved = 1,
	},
	{
		.name = "esp32h2",
		.iram = { 0x40800000, 0x40850000 },
		.dram = { 0x40800000, 0x40850000 },
		.lp = { 0x50000000, 0x50001000 },
		.iram_alias = 0,
		.irom = { 0x42000000, 0x43000000 },
		.drom = { 0x42000000, 0x43000000 },
		.mmu_page = 0x10000,
		.mmu_entries = 256,
		.reserved = { { ESP_LOADER_RAM_ESP32H2, 0x40850000 } },
		.nreserved = 1,
	},
};

const struct esp_load_map *esp_load_map_find(const char *chip)
{
	for (size_t i = 0; i < sizeof(maps) / sizeof(maps[0]); i++)
		if (strcmp(maps[i].name, chip) == 0)
			return &maps[i];
	return NULL;
}
