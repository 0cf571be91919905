/* tools/layout/layout_check.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Build step: validate this configuration's Kconfig flash layout with the
 * flash map's own validation, so a layout the bootloader would refuse never
 * gets built. Compiled for the host against the configuration's autoconf.h.
 */
#include "libs/bootstate/strategy.h"
#include "libs/flashmap/flashmap.h"

#include <stdio.h>

int main(void)
{
	struct flash_map_fault f;
	char msg[256];

	if (flash_map_validate(flash_map_kconfig, flash_map_kconfig_count,
			       &flash_kconfig_geometry, boot_strategy_kconfig()->slot_rule, &f) != 0) {
		flash_map_describe(flash_map_kconfig, &f, msg, sizeof(msg));
		fprintf(stderr, "error: flash layout: %s (see the Flash layout "
			"menu, CONFIG_FLASH_AREA_*)\n", msg);
		return 1;
	}
	return 0;
}
