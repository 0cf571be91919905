/*
 * The boot engine: decides from the trailers whether image 0 needs an
 * upgrade, validates the secondary before anything is erased, has the
 * configured strategy do the work, and validates what the primary then
 * holds. The strategies live one per file behind struct boot_strategy; the
 * engine never looks inside them.
 */
#ifndef SLIPWAY_BOOT_ENGINE_ENGINE_H
#define SLIPWAY_BOOT_ENGINE_ENGINE_H

#include "libs/bootstate/bootstate.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_validate.h"

struct boot_engine;

struct boot_strategy {
	const char *name;
	int supports_revert;
	/*
	 * Finish work an earlier boot left half done, if the flash shows any.
	 * 0 when nothing needed finishing or it was finished; negative errno
	 * on a flash error.
	 */
	int (*resume)(struct boot_engine *e);
	/*
	 * Install the validated secondary (TEST or PERM) or put the old image
	 * back (REVERT). The secondary's facts are in e->secondary_facts.
	 */
	int (*upgrade)(struct boot_engine *e, enum boot_swap_type type);
};

struct boot_engine {
	struct flash_area *primary, *secondary;
	struct boot_trailer_geo geo_primary, geo_secondary;
	const struct image_policy *policy;
	const struct boot_strategy *strategy;
	struct image_facts secondary_facts;
};

struct boot_result {
	enum boot_swap_type swap;  /* what this boot did */
	int status;                /* IMAGE_OK when the primary may be booted */
	struct image_facts facts;  /* the primary's */
};

/* Run one boot's decision and work. 0, or a negative errno from the flash. */
int boot_engine_run(struct boot_engine *e, struct boot_result *r);

/* Erase [off, off + len) of an area one sector at a time. */
int boot_erase_sectors(struct flash_area *fa, uint32_t off, uint32_t len);

/* Copy `len` bytes between areas at the same offsets, in program units. */
int boot_copy_region(struct flash_area *from, struct flash_area *to,
		     uint32_t off, uint32_t len);

const char *boot_swap_type_name(enum boot_swap_type t);

extern const struct boot_strategy boot_strategy_overwrite;

#endif
