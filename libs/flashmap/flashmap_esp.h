/* libs/flashmap/flashmap_esp.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A flash map read from an ESP-IDF partition table in flash. Partitions
 * become areas named by their labels, with roles by type and subtype:
 *   app ota_(2k)          image k primary slot
 *   app ota_(2k+1)        image k secondary slot
 *   app factory           factory app
 *   data ota              otadata
 *   data nvs              NVS
 *   data subtype 0x40     scratch (the MCUboot-on-ESP convention of NuttX)
 *   anything else         other
 * plus "bootloader" for [0, table offset) and "partition-table" for the
 * table's own sector. A table that fails the format's checks or the flash
 * map's validation yields no map at all.
 */
#ifndef SLIPWAY_LIBS_FLASHMAP_FLASHMAP_ESP_H
#define SLIPWAY_LIBS_FLASHMAP_FLASHMAP_ESP_H

#include "libs/esppart/esp_part.h"
#include "libs/flashmap/flashmap.h"

#define FLASH_MAP_ESP_SUBTYPE_SCRATCH 0x40

/* Everything the map points into; the caller keeps it alive. */
struct flash_map_esp {
	uint8_t raw[ESP_PART_TABLE_LEN];
	struct esp_part_table table;
	struct flash_area_desc areas[ESP_PART_MAX + 2];
};

/*
 * Returns 0, an esp_part_error (the partitions at fault in f->a, f->b), a
 * flash_map_error (the areas at fault, indexes into store->areas), or a
 * negative errno from reading the flash.
 */
int flash_map_from_esp_table(struct flash_map *map,
			     struct flash_map_esp *store, struct mtd_dev *dev,
			     uint32_t table_offset,
			     enum flash_map_slot_rule rule,
			     struct flash_map_fault *f);

#endif
