/* drivers/mtd/mtd_xts.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/mtd/mtd_xts.h"

#include <errno.h>
#include <string.h>

#define GRANULE CRYPTO_XTS_GRANULE
#define UNIT CRYPTO_XTS_UNIT

static struct mtd_xts *xts_of(struct mtd_dev *dev)
{
	return (struct mtd_xts *)dev;
}

/*
 * How far from `off` the same treatment goes (at most `len`), and whether
 * it is encrypted.
 */
static size_t span_at(const struct mtd_xts *x, uint32_t off, size_t len,
		      int *encrypted)
{
	uint64_t end = (uint64_t)off + len;

	*encrypted = 0;
	for (unsigned int i = 0; i < x->nranges; i++) {
		const struct mtd_xts_range *r = &x->ranges[i];

		if (off >= r->start && off < r->end) {
			*encrypted = 1;
			return (size_t)((end < r->end ? end : r->end) - off);
		}
		if (off < r->start && end > r->start)
			end = r->start;
	}
	return (size_t)(end - off);
}

/*
 * A granule still erased in the raw flash reads as erased, not as the
 * decryption of 0xFF bytes: what MCUboot's Espressif port gets by reading
 * raw in flash_area_read_is_empty, so trailers and the erased-slot checks
 * work unchanged. (A real ciphertext granule of all erased bytes has
 * probability 2^-128.)
 */
static void keep_erased(const struct mtd_xts *x, const uint8_t *raw,
			uint8_t *plain, size_t len)
{
	uint8_t erased = x->lower->geo->erased_value;

	for (size_t g = 0; g < len; g += GRANULE) {
		size_t i = 0;

		while (i < GRANULE && raw[g + i] == erased)
			i++;
		if (i == GRANULE)
			memset(plain + g, erased, GRANULE);
	}
}

static int xts_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct mtd_xts *x = xts_of(dev);
	uint8_t *out = buf, raw[UNIT], plain[UNIT];
	int rc = 0, enc;

	while (len > 0 && rc == 0) {
		size_t n = span_at(x, off, len, &enc);

		if (!enc) {
			rc = mtd_read(x->lower, off, out, n);
		} else {
			/* The granules covering [off, off + n), one unit at most. */
			uint32_t a = off & ~(GRANULE - 1);
			uint32_t lim = (a & ~(UNIT - 1)) + UNIT;
			size_t take = n < lim - off ? n : lim - off;
			uint32_t b = (off + (uint32_t)take + GRANULE - 1) & ~(GRANULE - 1);

			rc = mtd_read(x->lower, a, raw, b - a);
			if (rc == 0)
				rc = crypto_esp_xts_crypt(x->xts, 0, x->flash_base + a,
							  raw, plain, b - a);
			if (rc == 0) {
				keep_erased(x, raw, plain, b - a);
				memcpy(out, plain + (off - a), take);
			}
			n = take;
		}
		off += (uint32_t)n;
		out += n;
		len -= n;
	}
	memset(plain, 0, sizeof(plain));
	return rc;
}

static int xts_program(struct mtd_dev *dev, uint32_t off, const void *buf,
		       size_t len)
{
	struct mtd_xts *x = xts_of(dev);
	const uint8_t *in = buf;
	uint8_t ct[UNIT];
	int rc = 0, enc;

	while (len > 0 && rc == 0) {
		size_t n = span_at(x, off, len, &enc);

		if (!enc) {
			rc = mtd_program(x->lower, off, in, n);
		} else {
			uint32_t lim = (off & ~(UNIT - 1)) + UNIT;

			if (n > lim - off)
				n = lim - off;
			rc = crypto_esp_xts_crypt(x->xts, 1, x->flash_base + off, in,
						  ct, n);
			if (rc == 0)
				rc = mtd_program(x->lower, off, ct, n);
		}
		off += (uint32_t)n;
		in += n;
		len -= n;
	}
	memset(ct, 0, sizeof(ct));
	return rc;
}

static int xts_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	return mtd_erase(xts_of(dev)->lower, off, len);
}

static int xts_sync(struct mtd_dev *dev)
{
	return mtd_sync(xts_of(dev)->lower);
}

static const struct mtd_ops xts_ops = {
	.read = xts_read,
	.program = xts_program,
	.erase = xts_erase,
	.sync = xts_sync,
	.xip_address = NULL, /* raw ciphertext is not executable */
};

int mtd_xts_init(struct mtd_xts *x, struct mtd_dev *lower,
		 struct crypto_esp_xts *xts, uint32_t flash_base,
		 const struct mtd_xts_range *ranges, unsigned int nranges)
{
	uint32_t prev = 0;

	if (lower->geo->program_unit > GRANULE || flash_base % GRANULE != 0)
		return -EINVAL;
	for (unsigned int i = 0; i < nranges; i++) {
		const struct mtd_xts_range *r = &ranges[i];

		if (r->start % GRANULE || r->end % GRANULE || r->start >= r->end ||
		    r->start < prev || r->end > lower->geo->size)
			return -EINVAL;
		prev = r->end;
	}
	x->mtd.ops = &xts_ops;
	x->lower = lower;
	x->xts = xts;
	x->flash_base = flash_base;
	x->ranges = ranges;
	x->nranges = nranges;
	x->geo = *lower->geo;
	x->geo.program_unit = GRANULE;
	x->mtd.geo = &x->geo;
	return 0;
}
