/* arch/sim/host/sim_otp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Virtual OTP of the sim: a file of CONFIG_SIM_OTP_WORDS little-endian
 * 32-bit words, created all-zero on first use. The path is
 * SLIPWAY_SIM_OTP, or the flash file's path with ".otp" appended. Each call
 * opens the file afresh, so the state is shared by every process of a run.
 */
#include "drivers/otp/otp.h"
#include "arch/sim/host/sim.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define OTP_BYTES (CONFIG_SIM_OTP_WORDS * 4)

static int otp_open(void)
{
	char path[PATH_MAX];
	const char *env = getenv(SIM_ENV_OTP);
	const char *flash = getenv(SIM_ENV_FLASH);
	struct stat st;
	int fd;

	if (env != NULL && env[0] != '\0')
		snprintf(path, sizeof(path), "%s", env);
	else if (flash != NULL && flash[0] != '\0')
		snprintf(path, sizeof(path), "%s.otp", flash);
	else
		return -ENOENT;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0 ||
	    (st.st_size == 0 && ftruncate(fd, OTP_BYTES) != 0)) {
		close(fd);
		return -EIO;
	}
	if (st.st_size != 0 && st.st_size != OTP_BYTES) {
		close(fd);
		return -EFBIG;
	}
	return fd;
}

/*
 * SLIPWAY_SIM_OTP_CUT=N: the power fails as this process's burn number N
 * (from 0; burns that change no bit do not count) is about to take
 * effect: the process is killed, as a power cut would stop the chip.
 * The fault-injection tests cut a first boot this way.
 */
static void otp_cut_point(void)
{
	static unsigned long burns;
	const char *env = getenv(SIM_ENV_OTP_CUT);

	if (env != NULL && env[0] != '\0' && strtoul(env, NULL, 0) == burns++) {
		fflush(NULL);
		raise(SIGKILL);
	}
}

static int otp_access(unsigned int word, uint32_t *value, uint32_t burn)
{
	uint8_t b[4];
	uint32_t v;
	int fd;

	if (word >= CONFIG_SIM_OTP_WORDS)
		return -ERANGE;
	fd = otp_open();
	if (fd < 0)
		return fd;
	if (pread(fd, b, 4, (off_t)word * 4) != 4)
		goto fail;
	v = (uint32_t)b[0] | ((uint32_t)b[1] << 8) | ((uint32_t)b[2] << 16) |
	    ((uint32_t)b[3] << 24);
	if (burn != 0 && (v | burn) != v) {
		otp_cut_point();
		v |= burn; /* fuses only blow: bits go 0 -> 1, never back */
		b[0] = (uint8_t)v;
		b[1] = (uint8_t)(v >> 8);
		b[2] = (uint8_t)(v >> 16);
		b[3] = (uint8_t)(v >> 24);
		if (pwrite(fd, b, 4, (off_t)word * 4) != 4 || fsync(fd) != 0)
			goto fail;
	}
	close(fd);
	if (value != NULL)
		*value = v;
	return 0;
fail:
	close(fd);
	return -EIO;
}

unsigned int otp_word_count(void)
{
	return CONFIG_SIM_OTP_WORDS;
}

int otp_read(unsigned int word, uint32_t *value)
{
	if (value == NULL)
		return -EINVAL;
	return otp_access(word, value, 0);
}

int otp_burn(unsigned int word, uint32_t bits)
{
	return otp_access(word, NULL, bits);
}
