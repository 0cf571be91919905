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

#if defined(CONFIG_FLASH_ENCRYPTION)
#include "libs/espsecure/flash_encryption.h"
#include <sys/random.h>

/* The sim's random source for the flash-encryption key: the host's. */
static int sim_random(void *buf, size_t len)
{
	return getrandom(buf, len, 0) == (ssize_t)len ? 0 : -EIO;
}
#endif

/* What the CPU sees: the file, through the XTS layer when encrypted. */
static struct mtd_dev *boot_view(void)
{
#if defined(CONFIG_FLASH_ENCRYPTION)
	return flash_encryption_open(&boot_flash.mtd, sim_random);
#else
	return &boot_flash.mtd;
#endif
}

struct mtd_dev *board_boot_flash(void)
{
	const char *path = getenv(SIM_ENV_FLASH);
	int rc;

	if (boot_flash.mem != NULL)
		return boot_view();
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
	return boot_view();
}
