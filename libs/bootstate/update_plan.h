/* libs/bootstate/update_plan.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The update planner: "what will the next boot do with each image, and
 * why", decided once. The boot engine executes the plan; the update agent
 * makes the same plan to predict it (ota_read_state's pending, and
 * whether a staged update would be installed before asking for it), so
 * the two cannot disagree.
 *
 * The planner only reads: trailers and image facts come in through a
 * source (boot_plan_flash_source reads them from the slots, for both), the
 * rules and dependencies are applied here, and each image gets an action
 * (NONE, TEST, PERM or REVERT), a reason, and whether its secondary slot
 * is to be erased (an update that is invalid or breaks a rule). Writing
 * any of it is the engine's job.
 *
 * The decisions, in order:
 *  1. an image whose interrupted swap the engine has just finished keeps
 *     that swap's type (RESUMED) and is not planned again;
 *  2. updates (TEST, PERM requests in the secondary trailer): the update
 *     must validate, else it is erased (INVALID); it must pass the rules
 *     of update_rules.h, else it is erased (REFUSED);
 *  3. dependencies are checked over the planned set; where one is unmet
 *     the change that breaks it is called off (DEPENDENCY; it stays
 *     staged): the dependent image's own change if it has one, else the
 *     change of the image depended on; repeated until consistent. A
 *     dependency of an image on itself is checked against the image as
 *     planned like any other;
 *  4. reverts (a primary on trial, or a revert the bootloader itself
 *     began): kept when the strategy cannot revert (NO_REVERT), postponed
 *     when another image's update is applied in this boot (HELD), kept
 *     when the secondary holds nothing valid to go back to or the old
 *     image breaks the counter rule (NOTHING_TO_REVERT); then the
 *     dependency check again.
 * A copy_done that reads torn counts as written: it is programmed only
 * once a copy is complete (else a torn one would make a test permanent).
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_UPDATE_PLAN_H
#define SLIPWAY_LIBS_BOOTSTATE_UPDATE_PLAN_H

#include "libs/bootstate/error_domains.h"
#include "libs/bootstate/bootstate.h"
#include "libs/bootstate/slot_limits.h"
#include "libs/bootstate/update_rules.h"
#include "libs/image/image_validate.h"

enum boot_plan_reason {
	BOOT_PLAN_NO_REQUEST,        /* nothing asked for */
	BOOT_PLAN_RESUMED,           /* an interrupted swap was finished */
	BOOT_PLAN_APPLY,             /* the request is carried out */
	BOOT_PLAN_INVALID,           /* the update does not validate: erased */
	BOOT_PLAN_REFUSED,           /* the update breaks a rule: erased */
	BOOT_PLAN_DEPENDENCY,        /* called off, a dependency unmet: kept */
	BOOT_PLAN_NO_REVERT,         /* on trial, the strategy cannot revert */
	BOOT_PLAN_REVERT_HELD,       /* revert waits: another image updates */
	BOOT_PLAN_NOTHING_TO_REVERT, /* on trial, nothing valid to go back to */
};

enum boot_plan_slot {
	BOOT_PLAN_PRIMARY,
	BOOT_PLAN_STAGED,
	BOOT_PLAN_REVERT_IMAGE,
};

/* Where the planner reads the slots from. */
struct boot_plan_source {
	/* Image `img`'s primary and secondary trailers: 0 or a negative errno. */
	int (*trailers)(void *arg, unsigned int img, struct boot_trailer *p,
			struct boot_trailer *s);
	/*
	 * Validate image `img`'s primary (BOOT_PLAN_PRIMARY), the update
	 * staged in its secondary (BOOT_PLAN_STAGED) or the old image a
	 * revert puts back (BOOT_PLAN_REVERT_IMAGE: at the secondary's start,
	 * where a swap leaves it): an image_error.
	 */
	int (*validate)(void *arg, unsigned int img, enum boot_plan_slot which,
			struct image_facts *f);
	void *arg;
};

struct boot_plan_image {
	/* In: */
	uint32_t max_size;             /* the largest the strategy installs */
	enum boot_swap_type resumed;   /* a finished interrupted swap, or NONE */
	/* Out: */
	enum boot_swap_type action;    /* NONE, TEST, PERM or REVERT */
	enum boot_plan_reason why;
	int erase_secondary;           /* INVALID (not unreadable) or REFUSED */
	int revert_started;            /* REVERT of a test not yet reverted */
	int image_error;               /* INVALID: the image library's reason */
	int rule;                      /* REFUSED: an enum boot_rule_verdict */
	char detail[112];              /* a sentence for the log, or "" */
	/* Facts the planner found (size 0: not read, or not valid): */
	struct image_facts running, update;
	/* Private to the planner: */
	int running_known;
	int request;                   /* the trailers' swap type */
	int revert;                    /* the request is a revert */
};

/* Images a plan can hold (MCUboot's BOOT_IMAGE_NUMBER is smaller). */
#define BOOT_PLAN_MAX_IMAGES 8

struct boot_plan {
	unsigned int nimages;          /* at most BOOT_PLAN_MAX_IMAGES */
	struct boot_plan_image *img[BOOT_PLAN_MAX_IMAGES]; /* inputs filled */
	const struct boot_plan_source *src;
	const struct boot_rules *rules;
	int supports_revert;
};

/*
 * Plan the next boot (or this one, for the engine after resuming): 0,
 * -EINVAL for too many images, or a negative errno from the source or the
 * counter device.
 */
int boot_plan_make(struct boot_plan *plan);

/* What image `img` will run once the plan is carried out (size 0: none). */
const struct image_facts *boot_plan_next_run(struct boot_plan *plan,
					     unsigned int img);

/* A short name for a reason ("apply", "invalid", ...). */
const char *boot_plan_reason_name(enum boot_plan_reason r);

/*
 * The source both the engine and the agent use: trailers and images read
 * from each image's slots. `ask` (when not NULL) is the request the agent
 * is considering: image ask->image's secondary trailer reads as if
 * boot_request_upgrade had written it.
 */
struct boot_plan_ask {
	unsigned int image;
	int permanent;
};

struct boot_plan_flash {
	const struct boot_slots *slots;  /* one per image */
	const struct image_policy *policy;
	const struct boot_plan_ask *ask;
};

/* A source reading `f` (which must outlive it). */
struct boot_plan_source boot_plan_flash_source(struct boot_plan_flash *f);

#endif
