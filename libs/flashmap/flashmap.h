/* libs/flashmap/flashmap.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Named flash areas. A board's layout is a table of area descriptions (from
 * its Kconfig, flashmap_kconfig.c, or from an ESP-IDF partition table read
 * from flash, flashmap_esp.c). An opened area is a window onto the flash
 * device, so nothing done through it can reach outside the area.
 *
 * The same validation runs at build time (tools/layout: a bad Kconfig
 * layout fails the build) and at boot (a bad partition table boots
 * nothing), and names the areas at fault.
 */
#ifndef SLIPWAY_LIBS_FLASHMAP_FLASHMAP_H
#define SLIPWAY_LIBS_FLASHMAP_FLASHMAP_H

#include "drivers/mtd/mtd_window.h"

#include <stddef.h>
#include <stdint.h>

enum flash_area_role {
	FLASH_AREA_BOOTLOADER,
	FLASH_AREA_PRIMARY,   /* per image: the slot booted from */
	FLASH_AREA_SECONDARY, /* per image: the slot updates are staged in */
	FLASH_AREA_SCRATCH,
	FLASH_AREA_PARTITION_TABLE,
	FLASH_AREA_OTADATA,
	FLASH_AREA_NVS,
	FLASH_AREA_FACTORY,
	FLASH_AREA_OTHER,
};

struct flash_area_desc {
	const char *name;
	uint8_t role;  /* enum flash_area_role */
	uint8_t image; /* image index, for primary and secondary slots */
	uint32_t offset;
	uint32_t size;
};

/* What the upgrade strategy needs of each image's two slots (each
 * strategy's row in libs/bootstate/strategy.h names its rule). */
enum flash_map_slot_rule {
	FLASH_MAP_SLOTS_ANY,
	FLASH_MAP_SLOTS_EQUAL,                 /* swap-scratch */
	FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE, /* swap-move */
	FLASH_MAP_SLOTS_SECONDARY_SAME_OR_ONE_MORE, /* swap-offset */
};

enum flash_map_error {
	FLASH_MAP_OK = 0,
	FLASH_MAP_ERR_EMPTY = -1200,  /* an area of no bytes */
	FLASH_MAP_ERR_OUTSIDE,        /* an area leaves the device */
	FLASH_MAP_ERR_UNALIGNED,      /* an area's start or end is inside a sector */
	FLASH_MAP_ERR_OVERLAP,        /* two areas share bytes */
	FLASH_MAP_ERR_DUPLICATE,      /* two areas with one role and image, or one name */
	FLASH_MAP_ERR_SLOT_SIZES,     /* slot sizes break the strategy's rule */
	FLASH_MAP_ERR_NOT_FOUND,      /* no such area */
};

/* The areas at fault: indexes into the table; b == a when one is enough. */
struct flash_map_fault {
	int code;
	unsigned int a, b;
};

struct flash_map {
	struct mtd_dev *dev;
	const struct flash_area_desc *areas;
	unsigned int count;
};

struct flash_area {
	struct mtd_window win; /* the area as a device: win.mtd */
	const struct flash_area_desc *desc;
};

/*
 * Check `n` areas against a device geometry and a slot rule. Returns
 * FLASH_MAP_OK or the first error, with the areas at fault in `f`.
 */
int flash_map_validate(const struct flash_area_desc *areas, unsigned int n,
		       const struct mtd_geometry *geo,
		       enum flash_map_slot_rule rule,
		       struct flash_map_fault *f);

/* One line naming the fault and the areas, e.g. for the build or the log. */
void flash_map_describe(const struct flash_area_desc *areas,
			const struct flash_map_fault *f, char *buf,
			size_t len);

/* What slot rule `rule` asks, in words ("equal slots", ...). */
const char *flash_map_slot_rule_text(enum flash_map_slot_rule rule);

/* Validate and bind a table to a device. */
int flash_map_init(struct flash_map *map, struct mtd_dev *dev,
		   const struct flash_area_desc *areas, unsigned int n,
		   enum flash_map_slot_rule rule, struct flash_map_fault *f);

/* Open an area by role and image index, or by name, into `fa`. */
int flash_area_open(const struct flash_map *map, enum flash_area_role role,
		    uint8_t image, struct flash_area *fa);
int flash_area_open_name(const struct flash_map *map, const char *name,
			 struct flash_area *fa);

/* Area-relative access; the mtd rules and errors apply. */
int flash_area_read(struct flash_area *fa, uint32_t off, void *buf,
		    size_t len);
int flash_area_program(struct flash_area *fa, uint32_t off, const void *buf,
		       size_t len);
int flash_area_erase(struct flash_area *fa, uint32_t off, size_t len);

/*
 * Erase every sector that [off, off + len) touches, one erase per sector,
 * in address order, as the hardware does: a power cut then lands between
 * two sectors (or tears one). Returns the first error.
 */
int flash_area_erase_sectors(struct flash_area *fa, uint32_t off, uint32_t len);

static inline uint32_t flash_area_size(const struct flash_area *fa)
{
	return fa->desc->size;
}

/* The layout this configuration's Kconfig describes, and the boot flash's
 * geometry as Kconfig states it (uniform sectors). */
extern const struct flash_area_desc flash_map_kconfig[];
extern const unsigned int flash_map_kconfig_count;
extern const struct mtd_geometry flash_kconfig_geometry;

/*
 * 0 when a device's own geometry (`what` names it in the message) agrees
 * with flash_kconfig_geometry: the layout was made for the configured
 * geometry, so a part that differs would put every offset in the wrong
 * place. Otherwise says why and returns -EINVAL.
 */
int flash_kconfig_geometry_check(const struct mtd_geometry *g, const char *what);

#endif
