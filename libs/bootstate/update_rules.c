/* libs/bootstate/update_rules.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/bootstate/update_rules.h"

#include <stdio.h>

void boot_version_text(const struct image_version *v, char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u+%u", v->major, v->minor, v->revision,
		 (unsigned)v->build);
}

int boot_rules_counter(const struct boot_rules *r, unsigned int img, uint32_t *v)
{
	*v = 0;
	return r->counter ? moncnt_read(r->counter, img, v) : 0;
}

int boot_rules_check(const struct boot_rules *r, unsigned int img,
		     const struct image_facts *update,
		     const struct image_facts *running, uint32_t max_size,
		     int revert, char *why, size_t why_len)
{
	char have[48], want[48];
	uint32_t dev, cnt = update->has_sec_cnt ? update->sec_cnt : 0;
	int rc;

	if (update->size > max_size) {
		snprintf(why, why_len, "%u bytes, but at most %u can be installed "
			 "here", (unsigned)update->size, (unsigned)max_size);
		return BOOT_RULE_TOO_LARGE;
	}
	if (r->downgrade_by_version && !revert && running->size != 0 &&
	    image_version_cmp(&update->hdr.version, &running->hdr.version, 0) < 0) {
		boot_version_text(&update->hdr.version, have, sizeof(have));
		boot_version_text(&running->hdr.version, want, sizeof(want));
		snprintf(why, why_len, "version %s is lower than the running %s",
			 have, want);
		return BOOT_RULE_DOWNGRADE;
	}
	rc = boot_rules_counter(r, img, &dev);
	if (rc != 0)
		return rc;
	if (r->counter && cnt < dev) {
		snprintf(why, why_len, "security counter %u is lower than the "
			 "device's %u", (unsigned)cnt, (unsigned)dev);
		return BOOT_RULE_ROLLBACK;
	}
	return BOOT_RULE_OK;
}

int boot_rules_dependency_met(const struct image_dependency *dep,
			      const struct image_facts *have)
{
	return have != NULL && have->size != 0 &&
	       image_version_cmp(&have->hdr.version, &dep->min, 0) >= 0;
}
