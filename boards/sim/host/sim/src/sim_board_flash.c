/*
 * The sim board's boot flash: the file named by SLIPWAY_SIM_FLASH, with the
 * geometry this board's Kconfig gives (uniform sectors).
 */
#include "boards/board.h"
#include "arch/sim/host/sim.h"
#include "drivers/mtd/sim_flash.h"

#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <string.h>

static const struct mtd_region sim_regions[] = {
	{ CONFIG_FLASH_SECTOR_SIZE,
	  CONFIG_FLASH_SIZE / CONFIG_FLASH_SECTOR_SIZE },
};

static const struct mtd_geometry sim_geometry = {
	.regions = sim_regions,
	.nregions = 1,
	.program_unit = CONFIG_FLASH_WRITE_ALIGN,
	.erased_value = 0xff,
	.size = CONFIG_FLASH_SIZE,
};

_Static_assert(CONFIG_FLASH_SIZE % CONFIG_FLASH_SECTOR_SIZE == 0,
	       "CONFIG_FLASH_SIZE must be a whole number of sectors");

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
	rc = sim_flash_open_file(&boot_flash, &sim_geometry, path);
	if (rc != 0) {
		printf("sim: flash file %s: %s\n", path,
		       rc == -EFBIG ? "size differs from CONFIG_FLASH_SIZE"
					: strerror(-rc));
		return NULL;
	}
	return &boot_flash.mtd;
}
