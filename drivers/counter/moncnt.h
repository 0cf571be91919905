/* drivers/counter/moncnt.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Monotonic counters: values that can only go up, one per image, for the
 * security-counter rule (an image whose SEC_CNT is below the device's
 * counter is refused). A driver embeds struct moncnt_dev first in its own
 * struct and fills the ops table. Chips back it with eFuse or OTP; the sim
 * with its virtual OTP file (moncnt_otp.c).
 *
 * Every call returns 0 or a negative errno: -ERANGE for a counter that
 * does not exist or a value the counter cannot hold, -EIO when the storage
 * fails.
 */
#ifndef SLIPWAY_DRIVERS_COUNTER_MONCNT_H
#define SLIPWAY_DRIVERS_COUNTER_MONCNT_H

#include <errno.h>
#include <stdint.h>

struct moncnt_dev;

struct moncnt_ops {
	int (*read)(struct moncnt_dev *dev, unsigned int id, uint32_t *value);
	/* Raise to `value`; a value at or below the current one changes nothing. */
	int (*raise)(struct moncnt_dev *dev, unsigned int id, uint32_t value);
};

struct moncnt_dev {
	const struct moncnt_ops *ops;
	unsigned int count;  /* counters 0 .. count-1 */
	uint32_t max;        /* the highest value a counter can hold */
};

static inline int moncnt_read(struct moncnt_dev *dev, unsigned int id,
			      uint32_t *value)
{
	return id < dev->count ? dev->ops->read(dev, id, value) : -ERANGE;
}

static inline int moncnt_raise(struct moncnt_dev *dev, unsigned int id,
			       uint32_t value)
{
	if (id >= dev->count || value > dev->max)
		return -ERANGE;
	return dev->ops->raise(dev, id, value);
}

/*
 * Counters on one-time-programmable words (drivers/otp/otp.h) as a
 * thermometer code: counter `id` owns `words` words from `first_word` on,
 * and its value is the number of bits burnt, lowest first; raising burns
 * more. A torn burn leaves a value between the old and the new, never
 * below the old. Values up to 32 * words.
 */
struct moncnt_otp {
	struct moncnt_dev dev; /* first: a moncnt_otp is a moncnt_dev */
	unsigned int first_word, words;
};

int moncnt_otp_init(struct moncnt_otp *c, unsigned int first_word,
		    unsigned int words, unsigned int count);

#endif
