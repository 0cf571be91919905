/* boot/engine/validation_cache.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Validate once per boot. The planner needs each primary's facts (its
 * version and dependencies) and the engine then needs the same primary's
 * verdict before the jump: without a cache the 256 KiB hash and the
 * signature ran twice. The cache keeps the first full validation's facts
 * for each primary slot that passed, until anything writes the slot. A
 * refusal is not kept: it may come from a read that failed once
 * (IMAGE_ERR_IO) or a heap too small; a slot that fails is validated
 * again, for its reason.
 *
 * It knows about writes because it is the flash: the loader puts the
 * cache's device between the board's flash and the flash map, and every
 * program or erase that overlaps a cached slot drops that slot's entry
 * before the write reaches the flash (so a write cut short, or one that
 * fails, still drops it). Only slots whose window sits directly on the
 * cache's device are cached; anything else is validated every time, which
 * is also what a NULL cache does. The cache is RAM: a power cut forgets it.
 */
#ifndef SLIPWAY_BOOT_ENGINE_VALIDATION_CACHE_H
#define SLIPWAY_BOOT_ENGINE_VALIDATION_CACHE_H

#include "drivers/mtd/mtd.h"
#include "libs/bootstate/update_plan.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_validate.h"

#ifndef CONFIG_BOOT_IMAGE_NUMBER
#define CONFIG_BOOT_IMAGE_NUMBER 1
#endif

struct validation_cache_entry {
	const struct mtd_window *slot;   /* NULL: free */
	const struct image_policy *policy;
	int status;
	uint32_t status_check;           /* ~status: a glitched entry misses */
	struct image_facts facts;
};

struct validation_cache {
	struct mtd_dev mtd;              /* first: the watched flash */
	struct mtd_dev *parent;
	unsigned int hits;               /* results reused (tests, bench) */
	struct validation_cache_entry entries[CONFIG_BOOT_IMAGE_NUMBER];
};

/* Watch `flash`: returns the device to build the flash map on. */
struct mtd_dev *validation_cache_init(struct validation_cache *c,
				      struct mtd_dev *flash);

/*
 * image_validate of slot `fa` under `pol`, or the pass remembered from an
 * earlier call for the same slot and policy that no write has touched
 * since. `c` may be NULL (no cache).
 */
int validation_cache_validate(struct validation_cache *c, struct flash_area *fa,
			      const struct image_policy *pol,
			      struct image_facts *facts);

/*
 * The planner's flash source with its primary validations going through
 * the cache: `flash` as boot_plan_flash_source takes it; `hold` keeps the
 * state the returned source points to and must outlive its use.
 */
struct validation_cache_source {
	struct validation_cache *cache;
	struct boot_plan_source inner;
	const struct boot_plan_flash *flash;
	/* When set and true for an image, its primary is only inspected
	 * (image_inspect, not kept): validate-once's confirmed primary. */
	int (*inspect_only)(void *arg, unsigned int img);
	void *inspect_arg;
};

struct boot_plan_source validation_cache_source(struct validation_cache *c,
						struct boot_plan_flash *flash,
						struct validation_cache_source *hold);

#endif
