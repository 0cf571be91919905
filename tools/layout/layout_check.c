/* tools/layout/layout_check.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Build step: validate this configuration's Kconfig flash layout with the
 * flash map's own validation, so a layout the bootloader would refuse never
 * gets built. Compiled for the host against the configuration's autoconf.h.
 *
 * On success it prints, per image, the room an update has where the
 * strategy stages it ("<image> <bytes>": the secondary slot less its
 * stage offset), which the build gives the signer as its slot size.
 */
#include "libs/bootstate/strategy.h"
#include "libs/flashmap/flashmap.h"

#include <stdio.h>

int main(void)
{
	const struct boot_strategy_desc *strategy = boot_strategy_kconfig();
	struct flash_map_fault f;
	char msg[256];

	if (strategy == NULL) {
		fprintf(stderr, "error: CONFIG_BOOT_UPGRADE_STRATEGY=\"%s\" has no "
			"row in libs/bootstate/strategy.h; choose one of:",
			CONFIG_BOOT_UPGRADE_STRATEGY);
		for (unsigned int k = 0; k < BOOT_UPGRADE_KINDS; k++)
			fprintf(stderr, " %s", boot_strategies[k].name);
		fprintf(stderr, "\n");
		return 1;
	}
	if (flash_map_validate(flash_map_kconfig, flash_map_kconfig_count,
			       &flash_kconfig_geometry, strategy->slot_rule, &f) != 0) {
		flash_map_describe(flash_map_kconfig, &f, msg, sizeof(msg));
		fprintf(stderr, "error: flash layout: %s (see the Flash layout "
			"menu, CONFIG_FLASH_AREA_*)\n", msg);
		if (f.code == FLASH_MAP_ERR_SLOT_SIZES)
			fprintf(stderr, "error: the upgrade strategy %s needs %s\n",
				strategy->name,
				flash_map_slot_rule_text(strategy->slot_rule));
		return 1;
	}
	for (unsigned int i = 0; i < flash_map_kconfig_count; i++) {
		const struct flash_area_desc *d = &flash_map_kconfig[i];

		if (d->role == FLASH_AREA_SECONDARY)
			printf("%u %u\n", d->image, (unsigned)(d->size -
			       boot_strategy_stage_offset(strategy,
							  &flash_kconfig_geometry,
							  d->offset)));
	}
	return 0;
}
