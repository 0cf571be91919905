/* boards/sim/host/sim/src/sim_board_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The sim board's boot flash: the file named by SLIPWAY_SIM_FLASH, with the
 * geometry this board's Kconfig gives (flash_kconfig_geometry).
 */
#include "boards/board.h"
#include "arch/sim/host/sim.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/flashmap/flashmap.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

static struct sim_flash boot_flash;

struct mtd_dev *board_boot_flash(void)
{
	const char *path = getenv(SIM_ENV_FLASH);
	int rc;

	if (boot_flash.mem != NULL)
		return &boot_flash.mtd;
	if (path == NULL || path[0] == '\0') {
		printf("sim: %s is not set: name the flash file "
		       "(make run does this)\n", SIM_ENV_FLASH);
		return NULL;
	}
	rc = sim_flash_open_file(&boot_flash, &flash_kconfig_geometry, path);
	if (rc != 0) {
		printf("sim: flash file %s: %s\n", path,
		       rc == -EFBIG ? "size differs from CONFIG_FLASH_SIZE"
					: strerror(-rc));
		return NULL;
	}
	return &boot_flash.mtd;
}
