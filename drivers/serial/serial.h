/* drivers/serial/serial.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A serial line (a UART, or the sim's stand-ins): a table of operations
 * first in the driver's own struct, as drivers/mtd does. Negative errno
 * returns.
 */
#ifndef SLIPWAY_DRIVERS_SERIAL_SERIAL_H
#define SLIPWAY_DRIVERS_SERIAL_SERIAL_H

#include <stddef.h>
#include <stdint.h>

struct serial_dev;

struct serial_ops {
	/*
	 * Up to `len` received bytes, waiting at most `timeout_ms` for the
	 * first (0: do not wait; negative: wait as long as it takes). The
	 * count read, 0 when none came in time,
	 * -EPIPE when the line is gone for good (the sim's input closed).
	 */
	int (*read)(struct serial_dev *dev, uint8_t *buf, size_t len,
		    int timeout_ms);
	/* Send all `len` bytes. 0 or a negative errno. */
	int (*write)(struct serial_dev *dev, const uint8_t *buf, size_t len);
};

struct serial_dev {
	const struct serial_ops *ops;
	const char *name;
};

static inline int serial_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			      int timeout_ms)
{
	return dev->ops->read(dev, buf, len, timeout_ms);
}

static inline int serial_write(struct serial_dev *dev, const uint8_t *buf,
			       size_t len)
{
	return dev->ops->write(dev, buf, len);
}

#endif
