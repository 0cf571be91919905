/* arch/sim/host/sim_serial.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The sim's serial lines. The console's input is stdin. The SMP line is a
 * pseudo-terminal: the first process of a run creates it and links its
 * device name to $SLIPWAY_SIM_SMP_PTY, where a host client opens it as it
 * would a USB serial adapter; its file descriptors pass to every later
 * process of the run (bootloader, OS, bootloader again after a reset)
 * through $SLIPWAY_SIM_SMP_FD, so the line stays up across resets as a
 * real UART does. The sim keeps the terminal side open too, so a client
 * may come and go.
 */
#define _GNU_SOURCE
#include "arch/sim/host/sim.h"
#include "drivers/serial/serial.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

struct sim_serial {
	struct serial_dev dev;
	int in, out;
	int is_pty;
};

static int wait_fd(int fd, short events, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = events };
	int rc;

	do
		rc = poll(&p, 1, timeout_ms);
	while (rc < 0 && errno == EINTR);
	if (rc < 0)
		return -errno;
	return rc > 0 ? p.revents : 0;
}

static int sim_serial_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			   int timeout_ms)
{
	struct sim_serial *s = (struct sim_serial *)dev;
	int ev = wait_fd(s->in, POLLIN, timeout_ms);
	ssize_t n;

	if (ev <= 0)
		return ev;
	n = read(s->in, buf, len);
	if (n > 0)
		return (int)n;
	if (n == 0 && !s->is_pty)
		return -EPIPE; /* end of the console's input */
	if (n < 0 && errno != EIO && errno != EAGAIN && errno != EINTR)
		return -errno;
	return 0;
}

static int sim_serial_write(struct serial_dev *dev, const uint8_t *buf,
			    size_t len)
{
	struct sim_serial *s = (struct sim_serial *)dev;

	while (len > 0) {
		ssize_t n;

		/* A line nobody drains must not hang the device. */
		if (wait_fd(s->out, POLLOUT, 1000) <= 0)
			return -EAGAIN;
		n = write(s->out, buf, len);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -errno;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

static const struct serial_ops sim_serial_ops = {
	.read = sim_serial_read,
	.write = sim_serial_write,
};

struct serial_dev *sim_console_serial(void)
{
	static struct sim_serial console = {
		.dev = { &sim_serial_ops, "console" }, .in = 0, .out = 1,
	};

	return &console.dev;
}

/* Create the pty and its link; returns the master, or -1 after a message. */
static int create_pty(const char *link, int *slave)
{
	char tmp[4096], fds[32];
	struct termios t;
	const char *name;
	int m = posix_openpt(O_RDWR | O_NOCTTY);

	if (m < 0 || grantpt(m) != 0 || unlockpt(m) != 0 ||
	    (name = ptsname(m)) == NULL) {
		fprintf(stderr, "sim: cannot create a pty: %s\n", strerror(errno));
		return -1;
	}
	*slave = open(name, O_RDWR | O_NOCTTY);
	if (*slave < 0 || tcgetattr(*slave, &t) != 0) {
		fprintf(stderr, "sim: cannot open %s: %s\n", name, strerror(errno));
		return -1;
	}
	cfmakeraw(&t);
	tcsetattr(*slave, TCSANOW, &t);
	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", link, (long)getpid());
	unlink(tmp);
	if (symlink(name, tmp) != 0 || rename(tmp, link) != 0) {
		fprintf(stderr, "sim: cannot link %s to %s: %s\n", link, name,
			strerror(errno));
		return -1;
	}
	snprintf(fds, sizeof(fds), "%d,%d", m, *slave);
	setenv(SIM_ENV_SMP_FD, fds, 1);
	printf("sim: SMP serial on %s (%s)\n", name, link);
	return m;
}

struct serial_dev *sim_pty_serial(void)
{
	static struct sim_serial pty = { .dev = { &sim_serial_ops, "smp-pty" },
					 .in = -1, .is_pty = 1 };
	const char *link = getenv(SIM_ENV_SMP_PTY);
	const char *fds = getenv(SIM_ENV_SMP_FD);
	int m, slave;

	if (pty.in >= 0)
		return &pty.dev;
	if (link == NULL || link[0] == '\0')
		return NULL;
	if (fds == NULL || sscanf(fds, "%d,%d", &m, &slave) != 2 ||
	    fcntl(m, F_GETFD) < 0 || fcntl(slave, F_GETFD) < 0)
		m = create_pty(link, &slave);
	if (m < 0)
		return NULL;
	pty.in = pty.out = m;
	return &pty.dev;
}
