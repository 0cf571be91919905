/* boot/engine/engine.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The boot engine: for each image it finishes any upgrade an earlier boot
 * left half done, decides from the trailers what this boot must do,
 * validates an update before anything is erased, applies the version,
 * security-counter and dependency rules, has the configured strategy do
 * the work, and validates what each primary slot then holds. What to do
 * is decided by the update planner (libs/bootstate/update_plan.h), the
 * same one the update agent consults; the engine carries the plan out.
 *
 * The strategies live one per file behind struct boot_strategy; the engine
 * never looks inside them.
 *
 * Multi-image: images are upgraded one after another, each with its own
 * slots and its own trailer state, so an interrupted swap of image 1 is
 * finished at the next boot whatever became of image 0's. Dependencies are
 * checked as a set before any image is touched; the set is not atomic: if
 * power fails after image 0's swap and before image 1's has begun, the
 * next boot still applies image 1 (its request is still in its secondary
 * slot) and its dependencies are then checked against image 0 as now
 * installed.
 */
#ifndef SLIPWAY_BOOT_ENGINE_ENGINE_H
#define SLIPWAY_BOOT_ENGINE_ENGINE_H

#include "libs/bootstate/bootstate.h"
#include "libs/bootstate/fih.h"
#include "libs/bootstate/slot_limits.h"
#include "libs/bootstate/update_plan.h"
#include "libs/bootstate/update_rules.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_validate.h"

struct boot_engine;
struct validation_cache;

struct boot_strategy {
	/* What it is and needs: its row in libs/bootstate/strategy.h. */
	const struct boot_strategy_desc *desc;
	/*
	 * Finish work an earlier boot left half done, if the flash shows any;
	 * then set the image's .swap to the finished swap's type and .resumed.
	 * 0 when nothing needed finishing or it was finished; negative errno
	 * on a flash error.
	 */
	int (*resume)(struct boot_engine *e, unsigned int img);
	/*
	 * Install the validated secondary (TEST or PERM) or put the old image
	 * back (REVERT, only when desc->can_revert).
	 */
	int (*upgrade)(struct boot_engine *e, unsigned int img,
		       enum boot_swap_type type);
};

/* One image's slots, and what a run found out about them. */
struct boot_image {
	struct flash_area *primary, *secondary;
	struct boot_trailer_geo geo_primary, geo_secondary;
	/* Filled by boot_engine_run: */
	enum boot_swap_type swap;        /* what this boot did */
	int resumed;                     /* ... finishing an interrupted swap */
	int inspected_only;              /* validate-once: not hashed this boot */
	int status;                      /* IMAGE_OK when the primary may boot */
	/* The same, hardened (fih.h): what boot_engine_start checks. */
	struct fih_verdict verdict;
	struct image_facts facts;        /* the primary's, after the run */
	/* This boot's plan: the action, why, and both slots' facts before it. */
	struct boot_plan_image plan;
};

struct boot_engine {
	struct boot_image *images;
	unsigned int nimages;
	struct flash_area *scratch;     /* swap-scratch only */
	const struct image_policy *policy;
	const struct boot_strategy *strategy;
	/*
	 * A confirmed primary (its trailer's image_ok set, which happens only
	 * after a validated install and a good boot) is only inspected, not
	 * hashed and verified again, when no upgrade happened in this boot.
	 */
	int validate_primary_once;
	/* Validate once per boot (validation_cache.h); NULL: every time. */
	struct validation_cache *vcache;
	/* Version and security-counter rules (and the counters). */
	struct boot_rules rules;
};

/*
 * Run one boot's decisions and work for every image. 0, or a negative
 * errno from the flash (or the counter device). The per-image outcome is
 * in e->images[i].swap / .status / .facts / .verdict, valid even after an
 * error: the primaries are validated whatever the work came to.
 */
int boot_engine_run(struct boot_engine *e);

/*
 * Start image 0 through `jump` (the architecture's jump, given `arg`)
 * if every image's verdict passes: checked, then after a random delay
 * checked again from the verdicts, right before the jump. Returns what
 * `jump` returns (it does not, on a device), or -EACCES when refused.
 */
int boot_engine_start(struct boot_engine *e, int (*jump)(void *arg), void *arg);

/*
 * Copy `len` bytes from `from`+src to `to`+dst (erased), in program units;
 * units that read as erased are not programmed.
 */
int boot_copy(struct flash_area *from, uint32_t src, struct flash_area *to,
	      uint32_t dst, uint32_t len);

/* The same offsets in both areas. */
int boot_copy_region(struct flash_area *from, struct flash_area *to,
		     uint32_t off, uint32_t len);

/* Image `img`'s slots, as libs/bootstate/slot_limits.h sees them. */
struct boot_slots boot_engine_slots(struct boot_engine *e, unsigned int img);

/* The largest image the strategy can install for image `img`. */
uint32_t boot_engine_max_image_size(struct boot_engine *e, unsigned int img);

const char *boot_swap_type_name(enum boot_swap_type t);

/* Each row's work, boot_strategy_<file> (what tests and tools name). */
#define BOOT_STRATEGY_DECLARE(K, file, ...)                                \
	extern const struct boot_strategy boot_strategy_##file;
BOOT_STRATEGY_TABLE(BOOT_STRATEGY_DECLARE)
#undef BOOT_STRATEGY_DECLARE

/*
 * The work of strategy `k`: its row's ops (libs/bootstate/strategy.h), or
 * NULL when it is not linked in (a bootloader links only its configured
 * strategy: boot/Make.defs).
 */
const struct boot_strategy *boot_engine_strategy(enum boot_upgrade_kind k);

#endif
