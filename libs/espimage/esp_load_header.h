/* libs/espimage/esp_load_header.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The load header of MCUboot's Espressif port: the first 96 bytes of an OS
 * image's payload (magic 0xace637d3) say where the image's RAM regions
 * are copied from and to, which flash ranges the MMU maps for code (IROM)
 * and read-only data (DROM), and where execution starts. Every flash
 * offset counts from the first byte of the slot (the MCUboot header's), as
 * MCUboot's esp_loader reads them.
 *
 * A header is hostile until esp_load_header_check has compared every
 * region with the memory map of the chip the loader runs on: each RAM
 * region inside the RAM of its kind and clear of the loader's own RAM,
 * regions clear of each other, each source inside the image's hashed
 * bytes, the entry inside the copied IRAM, the mapped windows congruent
 * with their flash offsets modulo the MMU page. Only then may anything be
 * copied. The chip's map is data (esp_load_map); the check is the same
 * for every chip and for QEMU's RAM-load configuration.
 */
#ifndef SLIPWAY_LIBS_ESPIMAGE_ESP_LOAD_HEADER_H
#define SLIPWAY_LIBS_ESPIMAGE_ESP_LOAD_HEADER_H

#include <stdint.h>

#define ESP_LOAD_HEADER_MAGIC 0xace637d3u
#define ESP_LOAD_HEADER_LEN 96 /* 20 words and 4 reserved */
#define ESP_LOAD_MAP_MAX_RESERVED 4

/* A region: copied (RAM) or mapped (IROM/DROM) from `flash_off`. */
struct esp_load_region {
	uint32_t addr;      /* destination (RAM) or mapped address */
	uint32_t flash_off; /* from the slot's first byte */
	uint32_t size;      /* 0: absent */
};

enum esp_load_region_id {
	ESP_LOAD_IRAM,
	ESP_LOAD_DRAM,
	ESP_LOAD_LP_IRAM, /* RTC / LP RAM, code */
	ESP_LOAD_LP_DRAM, /* RTC / LP RAM, data */
	ESP_LOAD_IROM,    /* mapped code */
	ESP_LOAD_DROM,    /* mapped read-only data */
	ESP_LOAD_NREGIONS,
};
#define ESP_LOAD_NCOPIED 4 /* the first four are copied */

struct esp_load_header {
	uint32_t entry;
	struct esp_load_region r[ESP_LOAD_NREGIONS];
};

struct esp_load_range {
	uint32_t start, end; /* [start, end); end == start: none */
};

/*
 * What one chip lets an image use. RAM ranges in the address the header
 * uses for each kind; `iram_alias` is what an IRAM address less a DRAM
 * address of the same byte is (C3 0x700000, C2 0x6e0000, others 0), so
 * that overlaps are found between IRAM and DRAM views of one SRAM.
 * `reserved` holds the loader's RAM (its code, data, stack and the ROM's
 * data it relies on) in DRAM addresses: no region may touch it.
 */
struct esp_load_map {
	const char *name;
	struct esp_load_range iram, dram, lp;
	uint32_t iram_alias;
	struct esp_load_range irom, drom; /* flash windows; none: no MMU */
	uint32_t mmu_page;                /* power of two; 0: no MMU */
	uint32_t mmu_entries;             /* entries of the table */
	struct esp_load_range reserved[ESP_LOAD_MAP_MAX_RESERVED];
	unsigned int nreserved;
};

enum esp_load_error {
	ESP_LOAD_OK = 0,
	ESP_LOAD_ERR_MAGIC = -1400,   /* no load header: magic is not 0xace637d3 */
	ESP_LOAD_ERR_SIZE_WRAP,       /* a region's address or offset + size wraps */
	ESP_LOAD_ERR_SOURCE,          /* a region's bytes are not inside the image */
	ESP_LOAD_ERR_IRAM_RANGE,      /* IRAM region outside the chip's IRAM */
	ESP_LOAD_ERR_DRAM_RANGE,      /* DRAM region outside the chip's DRAM */
	ESP_LOAD_ERR_LP_RANGE,        /* LP/RTC region outside the chip's LP RAM */
	ESP_LOAD_ERR_OVER_LOADER,     /* a region would overwrite the running loader */
	ESP_LOAD_ERR_OVERLAP,         /* two regions load to the same bytes */
	ESP_LOAD_ERR_ENTRY,           /* entry not inside the copied IRAM region */
	ESP_LOAD_ERR_MAP_RANGE,       /* IROM/DROM outside the flash window (or no MMU) */
	ESP_LOAD_ERR_MAP_ALIGN,       /* mapped address and offset disagree mod page */
	ESP_LOAD_ERR_NO_IRAM,         /* no IRAM region: nothing to start */
};

const char *esp_load_strerror(int err);
const char *esp_load_region_name(enum esp_load_region_id id);

/* Decode 96 bytes. ESP_LOAD_OK or ESP_LOAD_ERR_MAGIC. */
int esp_load_header_parse(const uint8_t raw[ESP_LOAD_HEADER_LEN],
			  struct esp_load_header *h);

/*
 * Check a decoded header against `map`, for an image whose hashed bytes
 * are slot offsets [0, image_end) (header + payload; the TLVs after it are
 * not covered by the hash, so nothing is loaded from them) and whose load
 * header sits at `payload_off`. ESP_LOAD_OK or the first refusal; *bad
 * (when not NULL) gets the region it concerns.
 */
int esp_load_header_check(const struct esp_load_header *h,
			  const struct esp_load_map *map, uint32_t payload_off,
			  uint32_t image_end, enum esp_load_region_id *bad);

/* The load maps of the chips (esp32c3, esp32c2, esp32c6, esp32h2), or NULL. */
const struct esp_load_map *esp_load_map_find(const char *chip);

/*
 * The MMU entry index of a mapped address and the flash page number it
 * gets (ESP-IDF maps whole pages: flash_off & ~(page - 1) to
 * addr & ~(page - 1)). -EINVAL when addr is outside the map's windows.
 */
int esp_load_mmu_entry(const struct esp_load_map *map, uint32_t addr,
		       uint32_t flash_off, uint32_t *index, uint32_t *page);

#endif
