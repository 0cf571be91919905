/* libs/flashmap/flash_stream.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Writing a stream of bytes of any chunk sizes into a flash area from its
 * start: each sector is erased just before the cursor enters it, and bytes
 * short of a whole program unit wait for the next chunk or for the flush.
 * The update agent stages through it and serial recovery uploads through
 * it, so both erase and program a slot the same way.
 */
#ifndef SLIPWAY_LIBS_FLASHMAP_FLASH_STREAM_H
#define SLIPWAY_LIBS_FLASHMAP_FLASH_STREAM_H

#include "libs/flashmap/flashmap.h"

#define FLASH_STREAM_MAX_UNIT 32 /* the largest mtd program unit */

struct flash_stream {
	struct flash_area *fa;
	uint32_t written;    /* bytes accepted so far */
	uint32_t erased_to;  /* [0, erased_to) is erased or written */
	uint32_t erase_end;  /* sectors from here on need no erasing */
	uint8_t tail[FLASH_STREAM_MAX_UNIT]; /* bytes short of a unit */
	uint32_t tail_len;
};

/*
 * Start at offset 0 of `fa`. Sectors at or past `erase_end` are never
 * erased by the stream (the caller erased them, or leaves them alone).
 */
void flash_stream_init(struct flash_stream *s, struct flash_area *fa,
		       uint32_t erase_end);

/* Append `len` bytes. -EIO when the flash fails. */
int flash_stream_write(struct flash_stream *s, const void *data, size_t len);

/* Program the bytes still short of a unit, padded with the erased value. */
int flash_stream_flush(struct flash_stream *s);

#endif
