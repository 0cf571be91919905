/* arch/sim/host/sim_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Booting on the sim: the payload of the validated image is a host
 * executable. It is copied from flash into an anonymous memory file and
 * executed from there, so what runs is exactly what the flash holds and
 * nothing is written to disk.
 */
#define _GNU_SOURCE
#include "arch/arch.h"
#include "arch/sim/host/sim.h"
#include "drivers/mtd/mtd.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

extern char **environ;

static int copy_payload(int fd, struct mtd_dev *dev, uint32_t off,
			uint32_t size)
{
	uint8_t buf[4096];

	while (size > 0) {
		uint32_t n = size < sizeof(buf) ? size : sizeof(buf);
		int rc = mtd_read(dev, off, buf, n);

		if (rc != 0)
			return rc;
		for (uint32_t done = 0; done < n;) {
			ssize_t w = write(fd, buf + done, n - done);

			if (w < 0)
				return -errno;
			done += (uint32_t)w;
		}
		off += n;
		size -= n;
	}
	return 0;
}

int arch_boot_image(struct mtd_dev *dev, uint32_t off, uint32_t size)
{
	char self[PATH_MAX];
	char *argv[] = { "slipway-image", NULL };
	int rc;
	int fd = memfd_create("slipway-image", MFD_CLOEXEC);

	if (fd < 0)
		return -errno;
	rc = copy_payload(fd, dev, off, size);
	if (rc != 0)
		goto out;
	/* The image's reset re-executes the program that booted it; a
	 * bootloader the ROM stage ran from memory has no path, and the
	 * ROM stage, named already, starts again. */
	if (realpath("/proc/self/exe", self) != NULL) {
		if (setenv(SIM_ENV_LOADER, self, 1) != 0) {
			rc = -errno;
			goto out;
		}
	} else if (getenv(SIM_ENV_LOADER) == NULL) {
		rc = -ENOENT;
		goto out;
	}
	fflush(NULL);
	fexecve(fd, argv, environ);
	rc = -errno;
out:
	close(fd);
	return rc;
}

int arch_reset(void)
{
	const char *loader = getenv(SIM_ENV_LOADER);
	char *argv[] = { "slipway-boot", NULL };

	if (loader == NULL || loader[0] == '\0') {
		fprintf(stderr, "sim: reset: %s is not set; this program was "
				"not started by the sim bootloader\n",
			SIM_ENV_LOADER);
		return -ENOENT;
	}
	fflush(NULL);
	execv(loader, argv);
	return -errno;
}
