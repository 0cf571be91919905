/* libs/cbor/cbor_dec.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A small CBOR (RFC 8949) decoder over a caller's buffer, for SMP: it
 * reads one data item head at a time and skips whole items, definite or
 * indefinite, without recursion or allocation. Strings point into the
 * buffer. What SMP never sends is refused as malformed: indefinite-length
 * strings, nesting deeper than CBOR_MAX_DEPTH, and the reserved encodings.
 */
#ifndef SLIPWAY_LIBS_CBOR_CBOR_DEC_H
#define SLIPWAY_LIBS_CBOR_CBOR_DEC_H

#include <stddef.h>
#include <stdint.h>

#define CBOR_MAX_DEPTH 8

enum cbor_type {
	CBOR_UINT, CBOR_NINT, CBOR_BYTES, CBOR_TEXT, CBOR_ARRAY, CBOR_MAP,
	CBOR_TAG, CBOR_FALSE, CBOR_TRUE, CBOR_NULL, CBOR_UNDEFINED,
	CBOR_SIMPLE, CBOR_FLOAT, CBOR_BREAK,
};

struct cbor_item {
	enum cbor_type type;
	/* UINT: the value; NINT: -1 - val; BYTES/TEXT: the length;
	 * ARRAY: items, MAP: pairs (when definite); TAG: the tag */
	uint64_t val;
	const uint8_t *data; /* BYTES/TEXT */
	int indefinite;      /* ARRAY/MAP of indefinite length */
};

struct cbor_dec {
	const uint8_t *p, *end;
};

void cbor_dec_init(struct cbor_dec *d, const void *buf, size_t len);

/* Bytes not read yet. */
static inline size_t cbor_dec_left(const struct cbor_dec *d)
{
	return (size_t)(d->end - d->p);
}

/*
 * Read the next item's head (and a string's bytes). 0, or -EBADMSG for a
 * malformed or truncated item.
 */
int cbor_get(struct cbor_dec *d, struct cbor_item *it);

/*
 * After cbor_get() returned `it`, move past everything it contains (a
 * container's items, a tag's item), so the next cbor_get() reads the item
 * after it. 0 or -EBADMSG.
 */
int cbor_skip(struct cbor_dec *d, const struct cbor_item *it);

/* What cbor_read_map() can require of a value. */
enum cbor_want {
	CBOR_WANT_ANY, CBOR_WANT_UINT, CBOR_WANT_BYTES, CBOR_WANT_TEXT,
	CBOR_WANT_BOOL,      /* true or false */
	CBOR_WANT_BOOL_INT,  /* true, false or an unsigned integer */
};

struct cbor_field {
	const char *key;
	enum cbor_want want;
	int present;
	struct cbor_item item; /* the value (its head; strings complete) */
	const uint8_t *raw;    /* the whole encoded value, to decode again */
	size_t raw_len;
};

#define CBOR_FIELD(k, w) { .key = (k), .want = (w) }

/*
 * Read one map at `d` with text keys into `fields`: known keys fill their
 * field (wrong type: -EBADMSG), unknown ones and their values are skipped,
 * and a key seen twice is -EBADMSG. A container value (matched only by
 * CBOR_WANT_ANY) is skipped; its field keeps the head and, in raw, the
 * whole value for a decoder of its own. 0 or -EBADMSG.
 */
int cbor_read_map(struct cbor_dec *d, struct cbor_field *fields, size_t n);

/* A field's value as a boolean (true, false, or a nonzero integer). */
int cbor_field_true(const struct cbor_field *f);

#endif
