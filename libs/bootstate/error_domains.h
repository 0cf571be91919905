/* libs/bootstate/error_domains.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * How the boot code says what went wrong: one convention, three domains,
 * whose numbers never overlap, so a value can always be told apart.
 *
 *  - errno (negative, above BOOT_ERRNO_FLOOR): the flash, the counter device,
 *    a bad argument. -EIO from the flash is the only thing that stops
 *    the boot engine (boot_engine_run); everything below is a decision.
 *  - image reasons (enum image_error, libs/image/image_error.h, counting
 *    up from -1000): why an image is not valid, one name each, said by
 *    image_strerror(); the flash map's faults (enum flash_map_error,
 *    counting up from -1200) are the same kind of named reason for a
 *    layout.
 *  - rule outcomes (positive): enum boot_rule_verdict (update_rules.h,
 *    0 = passes) and, per image, enum boot_plan_reason
 *    (update_plan.h): what the next boot does and why.
 *
 * Functions return 0 or one value of their own domain, or a negative
 * errno; the planner carries image reasons and verdicts in its plan
 * (image_error, rule) rather than in its return value. Where a caller
 * outside the boot code needs one domain only (the OTA API and SMP speak
 * errno), the conversion is made at that API, once (boot/agent/ota.c).
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_ERROR_DOMAINS_H
#define SLIPWAY_LIBS_BOOTSTATE_ERROR_DOMAINS_H

#include "libs/bootstate/update_rules.h"
#include "libs/flashmap/flashmap.h"
#include "libs/image/image_error.h"

/* errno values stay above this; image reasons and map faults below. */
#define BOOT_ERRNO_FLOOR (-200)

/* The last of each enum: a reason added after it must keep these true. */
_Static_assert(IMAGE_ERR_ROLLBACK < BOOT_ERRNO_FLOOR,
	       "image reasons must not overlap errno");
_Static_assert((int)FLASH_MAP_ERR_NOT_FOUND < (int)IMAGE_ERR_EMPTY,
	       "flash map faults must not overlap image reasons");
_Static_assert(BOOT_RULE_OK == 0 && BOOT_RULE_TOO_LARGE > 0,
	       "rule outcomes are 0 or positive");

/* Which domain a negative return value belongs to. */
static inline int boot_is_errno(int rc)
{
	return rc < 0 && rc > BOOT_ERRNO_FLOOR;
}

#endif
