/* tools/slipway/smp_client.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#define _GNU_SOURCE
#include "tools/slipway/smp_client.h"
#include "libs/smp/smp_img.h"
#include "libs/smp/smp_os.h"
#include "libs/smp/smp_server.h"
#include "tools/slipway/slipway.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

int smp_client_open(struct smp_client *c, const char *port, int timeout_ms,
		    int tries)
{
	struct termios t;

	memset(c, 0, sizeof(*c));
	c->port = port;
	c->timeout_ms = timeout_ms;
	c->tries = tries;
	c->version = 1;
	c->fd = open(port, O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (c->fd < 0)
		return cli_error(-1, "cannot open %s: %s (is the device connected? "
				 "--port or SLIPWAY_SMP_PORT names it)", port,
				 strerror(errno));
	if (tcgetattr(c->fd, &t) != 0) {
		int e = errno;

		close(c->fd);
		return cli_error(-1, "%s is not a serial device: %s", port,
				 strerror(e));
	}
	cfmakeraw(&t);
	cfsetispeed(&t, B115200);
	cfsetospeed(&t, B115200);
	t.c_cc[VMIN] = 0;
	t.c_cc[VTIME] = 0;
	tcsetattr(c->fd, TCSANOW, &t);
	/* Replies to an earlier client are not ours. */
	tcflush(c->fd, TCIFLUSH);
	smp_rx_init(&c->rx, c->rx_buf, sizeof(c->rx_buf));
	return 0;
}

void smp_client_close(struct smp_client *c)
{
	if (c->fd >= 0)
		close(c->fd);
	c->fd = -1;
}

static int write_all(void *arg, const uint8_t *data, size_t len)
{
	struct smp_client *c = arg;

	while (len > 0) {
		ssize_t n = write(c->fd, data, len);

		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN) {
				struct pollfd p = { c->fd, POLLOUT, 0 };

				poll(&p, 1, 100);
				continue;
			}
			return -errno;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

static long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1000L + t.tv_nsec / 1000000L;
}

/* Wait for the reply to `req`; 0 when it came, 1 on timeout, -errno. */
static int await_reply(struct smp_client *c, const struct smp_hdr *req)
{
	long deadline = now_ms() + c->timeout_ms;

	for (;;) {
		long left = deadline - now_ms();
		struct pollfd p = { c->fd, POLLIN, 0 };
		uint8_t buf[512];
		ssize_t n;

		if (left <= 0)
			return 1;
		if (poll(&p, 1, (int)left) <= 0)
			continue;
		n = read(c->fd, buf, sizeof(buf));
		if (n < 0 && errno != EAGAIN && errno != EINTR)
			return -errno;
		for (ssize_t i = 0; i < n; i++) {
			struct smp_hdr h;
			const uint8_t *pkt;
			size_t len;

			if (smp_rx_byte(&c->rx, buf[i]) != SMP_RX_PACKET)
				continue;
			pkt = smp_rx_packet(&c->rx, &len);
			smp_hdr_decode(&h, pkt);
			/* an old reply (an earlier try's) is passed over */
			if (h.seq != req->seq || h.group != req->group ||
			    h.id != req->id || h.op != req->op + 1 ||
			    h.len > len - SMP_HDR_SIZE)
				continue;
			memcpy(c->rsp, pkt + SMP_HDR_SIZE, h.len);
			c->rsp_len = h.len;
			return 0;
		}
	}
}

int smp_client_request(struct smp_client *c, uint8_t op, uint16_t group,
		       uint8_t id, const uint8_t *cbor, size_t len)
{
	static uint8_t pkt[SMP_CLIENT_MAX_PACKET];
	struct smp_hdr h = { .op = op, .ver = (uint8_t)c->version,
			     .len = (uint16_t)len, .group = group,
			     .seq = c->seq++, .id = id };
	char why[256];

	if (len + SMP_HDR_SIZE > sizeof(pkt))
		return cli_error(-1, "request too large (%zu bytes)", len);
	smp_hdr_encode(&h, pkt);
	memcpy(pkt + SMP_HDR_SIZE, cbor, len);
	for (int t = 0; t < c->tries; t++) {
		int rc = smp_tx_frame(pkt, SMP_HDR_SIZE + len, write_all, c);

		if (rc == 0)
			rc = await_reply(c, &h);
		if (rc < 0)
			return cli_error(-1, "%s: %s", c->port, strerror(-rc));
		if (rc == 0) {
			if (smp_client_reply_error(c->rsp, c->rsp_len, why,
						   sizeof(why), NULL) == 0)
				return 0;
			cli_error(1, "device refused: %s", why);
			return 1;
		}
	}
	return cli_error(-1, "no response from %s within %d ms (%d tries); is "
			 "a device serving SMP there?", c->port, c->timeout_ms,
			 c->tries);
}

static const char *mgmt_text(uint64_t rc)
{
	static const char *const names[] = {
		"ok", "unknown error", "out of memory", "invalid request",
		"timeout", "no such entry", "bad state", "message too large",
		"not supported", "corrupt request", "busy", "access denied",
		"SMP version too old", "SMP version too new",
	};

	return rc < sizeof(names) / sizeof(names[0]) ? names[rc] : "error";
}

int smp_client_reply_error(const uint8_t *cbor, size_t len, char *buf,
			   size_t cap, int64_t *off)
{
	struct cbor_field f[] = {
		CBOR_FIELD("rc", CBOR_WANT_UINT), CBOR_FIELD("err", CBOR_WANT_ANY),
		CBOR_FIELD("rsn", CBOR_WANT_TEXT), CBOR_FIELD("off", CBOR_WANT_UINT),
	};
	struct cbor_dec d;
	uint64_t group = 0, rc = 0;
	int n;

	cbor_dec_init(&d, cbor, len);
	if (cbor_read_map(&d, f, 4) != 0) {
		snprintf(buf, cap, "a reply that is not a CBOR map");
		return -1;
	}
	if (off)
		*off = f[3].present ? (int64_t)f[3].item.val : -1;
	if (f[1].present && f[1].item.type == CBOR_MAP) {
		/* v2: {"err": {"group": g, "rc": n}}; read it again in place */
		struct cbor_field e[] = { CBOR_FIELD("group", CBOR_WANT_UINT),
					  CBOR_FIELD("rc", CBOR_WANT_UINT) };
		struct cbor_dec again;

		cbor_dec_init(&again, f[1].raw, f[1].raw_len);
		if (cbor_read_map(&again, e, 2) != 0 || !e[1].present)
			return -1;
		group = e[0].item.val;
		rc = e[1].item.val;
		if (rc == 0)
			return 0;
		n = snprintf(buf, cap, "%s error %llu (%s)",
			     group == SMP_GROUP_IMAGE ? "image" : group == SMP_GROUP_OS ?
			     "os" : "group", (unsigned long long)rc,
			     group == SMP_GROUP_IMAGE ? smp_img_strerror((unsigned)rc) :
			     group == SMP_GROUP_OS && rc == SMP_OS_INVALID_FORMAT ?
			     "invalid format" :
			     group == SMP_GROUP_OS && rc == SMP_OS_QUERY_YIELDS_NO_ANSWER ?
			     "the query yields no answer" : "see the group's codes");
	} else if (f[0].present && f[0].item.val != 0) {
		rc = f[0].item.val;
		n = snprintf(buf, cap, "rc %llu (%s)", (unsigned long long)rc,
			     mgmt_text(rc));
	} else {
		return 0;
	}
	if (f[2].present && n > 0 && (size_t)n < cap)
		snprintf(buf + n, cap - (size_t)n, ": %.*s", (int)f[2].item.val,
			 (const char *)f[2].item.data);
	return 1;
}
