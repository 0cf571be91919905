/* arch/sim/host/sim_rom.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The sim's ROM stage hand-over: the bootloader the ROM stage checked is
 * a host executable in RAM; it is written to an anonymous memory file and
 * executed from there. SLIPWAY_SIM_LOADER keeps naming the ROM stage, so
 * a reset starts at the ROM again, as on a chip.
 */
#define _GNU_SOURCE
#include "boot/romstage/romstage.h"

#include <errno.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

extern char **environ;

int arch_rom_start(const uint8_t *img, size_t len)
{
	char *argv[] = { "slipway-boot", NULL };
	int rc, fd = memfd_create("slipway-boot", MFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	for (size_t done = 0; done < len;) {
		ssize_t w = write(fd, img + done, len - done);

		if (w < 0) {
			rc = -errno;
			close(fd);
			return rc;
		}
		done += (size_t)w;
	}
	fflush(NULL);
	fexecve(fd, argv, environ);
	rc = -errno;
	close(fd);
	return rc;
}
