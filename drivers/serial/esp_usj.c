/* drivers/serial/esp_usj.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The USB-Serial-JTAG serial line (esp_usj.h): reads drain the OUT FIFO
 * while it has bytes; writes fill the IN FIFO while it has room, send it
 * (WR_DONE) when it is full and at the end, and give up with -ETIMEDOUT
 * when no host takes the bytes.
 */
#include "drivers/serial/esp_usj.h"

#include "arch/arch.h"

#include <errno.h>

static uint32_t conf(const struct esp_usj *u)
{
	return u->io->read(u->base + ESP_USJ_EP1_CONF);
}

static void send(const struct esp_usj *u)
{
	u->io->write(u->base + ESP_USJ_EP1_CONF, ESP_USJ_WR_DONE);
}

static int esp_usj_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			int timeout_ms)
{
	struct esp_usj *u = (struct esp_usj *)dev;
	size_t n = 0;

	if (len == 0)
		return 0;
	while (!(conf(u) & ESP_USJ_OUT_AVAIL)) {
		if (timeout_ms == 0)
			return 0;
		arch_delay_ms(1);
		if (timeout_ms > 0)
			timeout_ms--;
	}
	while (n < len && (conf(u) & ESP_USJ_OUT_AVAIL))
		buf[n++] = (uint8_t)u->io->read(u->base + ESP_USJ_EP1);
	return (int)n;
}

/* Room in the IN FIFO, sending what it holds while waiting for it. */
static int wait_room(const struct esp_usj *u)
{
	if (conf(u) & ESP_USJ_IN_FREE)
		return 0;
	send(u);
	for (unsigned int t = 0;; t++) {
		if (conf(u) & ESP_USJ_IN_FREE)
			return 0;
		if (t == ESP_USJ_TX_TIMEOUT_MS)
			return -ETIMEDOUT;
		arch_delay_ms(1);
	}
}

static int esp_usj_write(struct serial_dev *dev, const uint8_t *buf, size_t len)
{
	struct esp_usj *u = (struct esp_usj *)dev;

	for (size_t i = 0; i < len; i++) {
		int rc = wait_room(u);

		if (rc != 0)
			return rc;
		u->io->write(u->base + ESP_USJ_EP1, buf[i]);
	}
	if (len != 0)
		send(u);
	return 0;
}

static const struct serial_ops esp_usj_ops = {
	.read = esp_usj_read,
	.write = esp_usj_write,
};

void esp_usj_init(struct esp_usj *u, const struct esp_usj_io *io,
		  uintptr_t base, const char *name)
{
	u->dev.ops = &esp_usj_ops;
	u->dev.name = name;
	u->io = io;
	u->base = base;
}
