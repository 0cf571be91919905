/* libs/bootstate/update_rules.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The rules an update must pass besides being a valid image, stated once
 * for the bootloader (which refuses and erases) and the update agent
 * (which refuses before asking for the upgrade): it fits what the strategy
 * can install, its version is not below the running one's (when
 * configured), its security counter is not below the device's, and the
 * image versions it depends on are there.
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_UPDATE_RULES_H
#define SLIPWAY_LIBS_BOOTSTATE_UPDATE_RULES_H

#include "drivers/counter/moncnt.h"
#include "libs/image/image_validate.h"

#include <stddef.h>

struct boot_rules {
	int downgrade_by_version;   /* refuse a version below the running one */
	struct moncnt_dev *counter; /* counter i for image i, or NULL */
};

enum boot_rule_verdict {
	BOOT_RULE_OK = 0,
	BOOT_RULE_TOO_LARGE,  /* larger than the strategy can install */
	BOOT_RULE_DOWNGRADE,  /* version below the running image's */
	BOOT_RULE_ROLLBACK,   /* security counter below the device's */
};

/*
 * Check `update` for image `img` against the running image (`running`,
 * size 0 when there is none) and the device. A revert is exempt from the
 * version rule (it puts back what ran before). Returns a verdict, with a
 * sentence saying why in `why` when it is not BOOT_RULE_OK, or a negative
 * errno when the counter cannot be read.
 */
int boot_rules_check(const struct boot_rules *r, unsigned int img,
		     const struct image_facts *update,
		     const struct image_facts *running, uint32_t max_size,
		     int revert, char *why, size_t why_len);

/* The device's security counter for image `img` (0 without a counter). */
int boot_rules_counter(const struct boot_rules *r, unsigned int img, uint32_t *v);

/*
 * Whether `have` (what image dep->image will run; NULL or size 0: nothing
 * valid) meets the dependency.
 */
int boot_rules_dependency_met(const struct image_dependency *dep,
			      const struct image_facts *have);

/*
 * This configuration's rules (CONFIG_BOOT_DOWNGRADE_PREVENTION,
 * CONFIG_BOOT_SECURITY_COUNTER and its OTP words), for the bootloader and
 * the agent alike: 0, or -ERANGE when the counters do not fit the OTP.
 */
int boot_rules_kconfig(struct boot_rules *r, unsigned int nimages);

/* "major.minor.revision+build" */
void boot_version_text(const struct image_version *v, char *buf, size_t len);

#endif
