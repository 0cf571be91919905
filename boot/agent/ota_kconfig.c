/* boot/agent/ota_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The agent's configuration from this .config: the bootloader's own. */
#include "boot/agent/ota.h"
#include "boards/board.h"
#include "libs/image/image_keys.h"

#include <errno.h>

int ota_config_kconfig(struct ota_config *cfg)
{
	static struct flash_map map;
	struct flash_map_fault fault;
	struct mtd_dev *flash = board_boot_flash();

	if (flash == NULL)
		return -ENODEV;
	if (flash_map_init(&map, flash, flash_map_kconfig, flash_map_kconfig_count,
			   boot_strategy_kconfig()->slot_rule, &fault) != 0)
		return -EINVAL;
	*cfg = (struct ota_config){
		.map = &map,
		.nimages = CONFIG_BOOT_IMAGE_NUMBER,
		.policy = image_policy_kconfig(),
		.upgrade = boot_strategy_kconfig()->kind,
		.trailer_geo = boot_trailer_geo_kconfig,
	};
	return boot_rules_kconfig(&cfg->rules, CONFIG_BOOT_IMAGE_NUMBER);
}
