/* libs/cbor/cbor_enc.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/cbor/cbor_enc.h"

#include <string.h>

enum { MAJOR_UINT = 0, MAJOR_NINT = 1, MAJOR_BYTES = 2, MAJOR_TEXT = 3, MAJOR_ARRAY = 4,
       MAJOR_MAP = 5 };

void cbor_enc_init(struct cbor_enc *e, uint8_t *buf, size_t cap)
{
	e->buf = buf;
	e->cap = cap;
	e->len = 0;
	e->failed = 0;
}

static void put(struct cbor_enc *e, const void *data, size_t len)
{
	if (e->failed || len > e->cap - e->len) {
		e->failed = 1;
		return;
	}
	memcpy(e->buf + e->len, data, len);
	e->len += len;
}

/* Initial byte and argument, in the shortest form (preferred serialisation). */
static void head(struct cbor_enc *e, uint8_t major, uint64_t v)
{
	uint8_t b[9];
	size_t n;

	if (v < 24) {
		b[0] = (uint8_t)(major << 5 | v);
		n = 1;
	} else if (v <= 0xff) {
		b[0] = (uint8_t)(major << 5 | 24);
		b[1] = (uint8_t)v;
		n = 2;
	} else if (v <= 0xffff) {
		b[0] = (uint8_t)(major << 5 | 25);
		b[1] = (uint8_t)(v >> 8);
		b[2] = (uint8_t)v;
		n = 3;
	} else if (v <= 0xffffffffu) {
		b[0] = (uint8_t)(major << 5 | 26);
		for (int i = 0; i < 4; i++)
			b[1 + i] = (uint8_t)(v >> (24 - 8 * i));
		n = 5;
	} else {
		b[0] = (uint8_t)(major << 5 | 27);
		for (int i = 0; i < 8; i++)
			b[1 + i] = (uint8_t)(v >> (56 - 8 * i));
		n = 9;
	}
	put(e, b, n);
}

void cbor_put_uint(struct cbor_enc *e, uint64_t v)
{
	head(e, MAJOR_UINT, v);
}

void cbor_put_int(struct cbor_enc *e, int64_t v)
{
	if (v < 0)
		head(e, MAJOR_NINT, (uint64_t)(-(v + 1)));
	else
		head(e, MAJOR_UINT, (uint64_t)v);
}

void cbor_put_bytes(struct cbor_enc *e, const void *data, size_t len)
{
	head(e, MAJOR_BYTES, len);
	put(e, data, len);
}

void cbor_put_text(struct cbor_enc *e, const char *text, size_t len)
{
	head(e, MAJOR_TEXT, len);
	put(e, text, len);
}

void cbor_put_str(struct cbor_enc *e, const char *text)
{
	cbor_put_text(e, text, strlen(text));
}

void cbor_put_bool(struct cbor_enc *e, int v)
{
	uint8_t b = v ? 0xf5 : 0xf4;

	put(e, &b, 1);
}

void cbor_put_map(struct cbor_enc *e, size_t pairs)
{
	head(e, MAJOR_MAP, pairs);
}

void cbor_put_array(struct cbor_enc *e, size_t items)
{
	head(e, MAJOR_ARRAY, items);
}

long cbor_enc_len(const struct cbor_enc *e)
{
	return e->failed ? -1 : (long)e->len;
}
