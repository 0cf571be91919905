/* drivers/counter/moncnt_otp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/counter/moncnt.h"
#include "drivers/otp/otp.h"

#include <errno.h>

static struct moncnt_otp *otp_of(struct moncnt_dev *dev)
{
	return (struct moncnt_otp *)dev;
}

/*
 * The value is the count of low bits burnt without a gap: a gap can only
 * come from a torn burn, whose lower bits went first, so counting the
 * unbroken run never reports more than was asked for.
 */
static int otp_counter_read(struct moncnt_dev *dev, unsigned int id,
			    uint32_t *value)
{
	struct moncnt_otp *c = otp_of(dev);
	uint32_t v = 0;

	for (unsigned int w = 0; w < c->words; w++) {
		uint32_t bits;
		int rc = otp_read(c->first_word + id * c->words + w, &bits);

		if (rc != 0)
			return rc;
		while (bits & 1) {
			v++;
			bits >>= 1;
		}
		if (v != 32 * (w + 1))
			break;
	}
	*value = v;
	return 0;
}

static int otp_counter_raise(struct moncnt_dev *dev, unsigned int id,
			     uint32_t value)
{
	struct moncnt_otp *c = otp_of(dev);
	uint32_t now;
	int rc = otp_counter_read(dev, id, &now);

	/* Word by word, lowest first, so a cut leaves an unbroken run. */
	for (unsigned int w = now / 32; rc == 0 && w * 32 < value; w++) {
		uint32_t n = value - w * 32 >= 32 ? 32 : value - w * 32;
		uint32_t bits = n == 32 ? 0xffffffffu : (1u << n) - 1;

		rc = otp_burn(c->first_word + id * c->words + w, bits);
	}
	return rc;
}

static const struct moncnt_ops otp_counter_ops = {
	.read = otp_counter_read,
	.raise = otp_counter_raise,
};

int moncnt_otp_init(struct moncnt_otp *c, unsigned int first_word,
		    unsigned int words, unsigned int count)
{
	if (words == 0 || count == 0 ||
	    (uint64_t)first_word + (uint64_t)words * count > otp_word_count())
		return -ERANGE;
	c->dev.ops = &otp_counter_ops;
	c->dev.count = count;
	c->dev.max = 32 * words;
	c->first_word = first_word;
	c->words = words;
	return 0;
}
