/* libs/espimage/esp_chip.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The chips' memory maps and flash frequency codes, as data: the tables of
 * ../shared/docs/esp-formats.md sections 1.2, 1.4 and 5.2, in the order
 * esptool v4.8.1 lists them (that order names a segment's memory types).
 */
#include "libs/espimage/esp_image.h"

#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define KIB(k) ((uint32_t)(k) * 1024)

static const struct esp_mem_range c3_map[] = {
	{ 0x00000000, 0x00010000, ESP_MEM_PADDING },
	{ 0x3c000000, 0x3c800000, ESP_MEM_DROM },
	{ 0x3fc80000, 0x3fce0000, ESP_MEM_DRAM },
	{ 0x3fc88000, 0x3fd00000, ESP_MEM_BYTE_ACCESSIBLE },
	{ 0x3ff00000, 0x3ff20000, ESP_MEM_DROM_MASK },
	{ 0x40000000, 0x40060000, ESP_MEM_IROM_MASK },
	{ 0x42000000, 0x42800000, ESP_MEM_IROM },
	{ 0x4037c000, 0x403e0000, ESP_MEM_IRAM },
	{ 0x50000000, 0x50002000, ESP_MEM_RTC_IRAM },
	{ 0x50000000, 0x50002000, ESP_MEM_RTC_DRAM },
	{ 0x600fe000, 0x60100000, ESP_MEM_INTERNAL2 },
};

static const struct esp_mem_range c2_map[] = {
	{ 0x00000000, 0x00010000, ESP_MEM_PADDING },
	{ 0x3c000000, 0x3c400000, ESP_MEM_DROM },
	{ 0x3fca0000, 0x3fce0000, ESP_MEM_DRAM },
	{ 0x3fc88000, 0x3fd00000, ESP_MEM_BYTE_ACCESSIBLE },
	{ 0x3ff00000, 0x3ff50000, ESP_MEM_DROM_MASK },
	{ 0x40000000, 0x40090000, ESP_MEM_IROM_MASK },
	{ 0x42000000, 0x42400000, ESP_MEM_IROM },
	{ 0x4037c000, 0x403c0000, ESP_MEM_IRAM },
};

/* esptool gives the H2 the C6's map. */
static const struct esp_mem_range c6_map[] = {
	{ 0x00000000, 0x00010000, ESP_MEM_PADDING },
	{ 0x42800000, 0x43000000, ESP_MEM_DROM },
	{ 0x40800000, 0x40880000, ESP_MEM_DRAM },
	{ 0x40800000, 0x40880000, ESP_MEM_BYTE_ACCESSIBLE },
	{ 0x4004ac00, 0x40050000, ESP_MEM_DROM_MASK },
	{ 0x40000000, 0x4004ac00, ESP_MEM_IROM_MASK },
	{ 0x42000000, 0x42800000, ESP_MEM_IROM },
	{ 0x40800000, 0x40880000, ESP_MEM_IRAM },
	{ 0x50000000, 0x50004000, ESP_MEM_RTC_IRAM },
	{ 0x50000000, 0x50004000, ESP_MEM_RTC_DRAM },
	{ 0x600fe000, 0x60100000, ESP_MEM_INTERNAL2 },
};

/*
 * Not an Espressif chip: QEMU's RISC-V virt machine in the ESP-IDF boot
 * scheme (qemu-rv32-virt_espidf_defconfig). Its apps are RAM images: the
 * one loadable range is the RAM the OS may use (the board's
 * QEMU_VIRT_ESPIDF_OS_BASE window, 0x80800000 up to QEMU's device tree in
 * the top 2 MiB of 16 MiB), so a segment over the flash window
 * (0x80000000) or the loader's RAM (0x80400000) is refused by
 * esp_image_read before a byte is copied. No flash-mapped ranges: virt
 * has no MMU.
 */
static const struct esp_mem_range qemu_virt_map[] = {
	{ 0x00000000, 0x00010000, ESP_MEM_PADDING },
	{ 0x80800000, 0x80e00000, ESP_MEM_DRAM },
	{ 0x80800000, 0x80e00000, ESP_MEM_BYTE_ACCESSIBLE },
	{ 0x80800000, 0x80e00000, ESP_MEM_IRAM },
};

static const struct esp_flash_freq c3_freqs[] = {
	{ "80m", 0xf }, { "40m", 0x0 }, { "26m", 0x1 }, { "20m", 0x2 },
};
static const struct esp_flash_freq c2_freqs[] = {
	{ "60m", 0xf }, { "30m", 0x0 }, { "20m", 0x1 }, { "15m", 0x2 },
};
/* The C6 ROM's divider quirk: 80m is written as 0, like 40m. */
static const struct esp_flash_freq c6_freqs[] = {
	{ "80m", 0x0 }, { "40m", 0x0 }, { "20m", 0x2 },
};
static const struct esp_flash_freq h2_freqs[] = {
	{ "48m", 0xf }, { "24m", 0x0 }, { "16m", 0x1 }, { "12m", 0x2 },
};

static const struct esp_chip chips[] = {
	{ "esp32c3", "ESP32-C3", 5, c3_map, N(c3_map), c3_freqs, N(c3_freqs),
	  KIB(64), 0, 0 },
	{ "esp32c2", "ESP32-C2", 12, c2_map, N(c2_map), c2_freqs, N(c2_freqs),
	  KIB(16) | KIB(32) | KIB(64), 0, 1 },
	{ "esp32c6", "ESP32-C6", 13, c6_map, N(c6_map), c6_freqs, N(c6_freqs),
	  KIB(8) | KIB(16) | KIB(32) | KIB(64), 0, 1 },
	{ "esp32h2", "ESP32-H2", 16, c6_map, N(c6_map), h2_freqs, N(h2_freqs),
	  KIB(8) | KIB(16) | KIB(32) | KIB(64), 0, 1 },
	/* A project-private chip id: no Espressif chip uses it. */
	{ "qemu-virt", "QEMU virt (rv32)", ESP_CHIP_ID_QEMU_VIRT, qemu_virt_map,
	  N(qemu_virt_map), c3_freqs, N(c3_freqs), KIB(64), 0, 0 },
};

const struct esp_chip *esp_chip_find(const char *name)
{
	for (size_t i = 0; i < N(chips); i++)
		if (strcmp(chips[i].name, name) == 0)
			return &chips[i];
	return NULL;
}

const struct esp_chip *esp_chip_by_id(uint16_t chip_id)
{
	for (size_t i = 0; i < N(chips); i++)
		if (chips[i].chip_id == chip_id)
			return &chips[i];
	return NULL;
}

const char *esp_chip_id_name(uint16_t chip_id)
{
	static const struct {
		uint16_t id;
		const char *name;
	} ids[] = {
		{ 0, "ESP32" }, { 2, "ESP32-S2" }, { 5, "ESP32-C3" },
		{ 9, "ESP32-S3" }, { 12, "ESP32-C2" }, { 13, "ESP32-C6" },
		{ 16, "ESP32-H2" }, { 18, "ESP32-P4" }, { 20, "ESP32-C61" },
		{ 23, "ESP32-C5" },
	};

	for (size_t i = 0; i < N(ids); i++)
		if (ids[i].id == chip_id)
			return ids[i].name;
	return NULL;
}

const char *esp_mem_type_name(enum esp_mem_type t)
{
	static const char *const names[ESP_MEM_NTYPES] = {
		"PADDING", "DROM", "DRAM", "BYTE_ACCESSIBLE", "DROM_MASK",
		"IROM_MASK", "IROM", "IRAM", "RTC_IRAM", "RTC_DRAM",
		"MEM_INTERNAL2",
	};

	return (unsigned int)t < ESP_MEM_NTYPES ? names[t] : "?";
}

uint32_t esp_chip_mem_types(const struct esp_chip *chip, uint32_t addr)
{
	uint32_t m = 0;

	for (unsigned int i = 0; i < chip->nmap; i++)
		if (chip->map[i].start <= addr && addr < chip->map[i].end)
			m |= 1u << chip->map[i].type;
	return m;
}

int esp_chip_is_flash(const struct esp_chip *chip, uint32_t addr)
{
	return (esp_chip_mem_types(chip, addr) &
		((1u << ESP_MEM_IROM) | (1u << ESP_MEM_DROM))) != 0;
}

int esp_chip_freq_code(const struct esp_chip *chip, const char *name)
{
	for (unsigned int i = 0; i < chip->nfreqs; i++)
		if (strcmp(chip->freqs[i].name, name) == 0)
			return chip->freqs[i].code;
	return -1;
}

const char *esp_chip_freq_name(const struct esp_chip *chip, uint8_t code)
{
	for (unsigned int i = 0; i < chip->nfreqs; i++)
		if (chip->freqs[i].code == code)
			return chip->freqs[i].name;
	return NULL;
}
