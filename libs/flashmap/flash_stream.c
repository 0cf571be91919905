/* libs/flashmap/flash_stream.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/flashmap/flash_stream.h"

#include <errno.h>
#include <string.h>

void flash_stream_init(struct flash_stream *s, struct flash_area *fa,
		       uint32_t erase_end)
{
	memset(s, 0, sizeof(*s));
	s->fa = fa;
	s->erase_end = erase_end;
}

/* Erase every sector the range [.., end) enters that is not erased yet. */
static int erase_ahead(struct flash_stream *s, uint32_t end)
{
	uint32_t start, size, upto = end < s->erase_end ? end : s->erase_end;

	if (s->erased_to < upto) {
		if (mtd_sector_at(s->fa->win.mtd.geo, upto - 1, &start, &size) ||
		    flash_area_erase_sectors(s->fa, s->erased_to,
					     upto - s->erased_to))
			return -EIO;
		s->erased_to = start + size;
	}
	if (s->erased_to < end)
		s->erased_to = end;
	return 0;
}

static int program(struct flash_stream *s, uint32_t at, const uint8_t *data,
		   uint32_t len)
{
	if (len == 0)
		return 0;
	if (erase_ahead(s, at + len) != 0 ||
	    flash_area_program(s->fa, at, data, len) != 0)
		return -EIO;
	return 0;
}

int flash_stream_write(struct flash_stream *s, const void *data, size_t len)
{
	const uint8_t *p = data;
	uint32_t unit = s->fa->win.mtd.geo->program_unit;
	uint32_t at = s->written - s->tail_len, whole;
	int rc = 0;

	s->written += (uint32_t)len;
	/* Complete a unit begun by an earlier call. */
	if (s->tail_len > 0) {
		uint32_t n = unit - s->tail_len < len ? unit - s->tail_len : (uint32_t)len;

		memcpy(s->tail + s->tail_len, p, n);
		s->tail_len += n;
		p += n;
		len -= n;
		if (s->tail_len < unit)
			return 0;
		rc = program(s, at, s->tail, unit);
		at += unit;
		s->tail_len = 0;
	}
	/* The whole units straight from the caller's buffer. */
	whole = (uint32_t)len / unit * unit;
	if (rc == 0)
		rc = program(s, at, p, whole);
	memcpy(s->tail, p + whole, len - whole);
	s->tail_len = (uint32_t)len - whole;
	return rc;
}

int flash_stream_flush(struct flash_stream *s)
{
	uint32_t unit = s->fa->win.mtd.geo->program_unit;
	int rc;

	if (s->tail_len == 0)
		return 0;
	memset(s->tail + s->tail_len, s->fa->win.mtd.geo->erased_value,
	       unit - s->tail_len);
	rc = program(s, s->written - s->tail_len, s->tail, unit);
	s->tail_len = 0;
	return rc;
}
