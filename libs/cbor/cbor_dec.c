/* libs/cbor/cbor_dec.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/cbor/cbor_dec.h"

#include <errno.h>
#include <string.h>

void cbor_dec_init(struct cbor_dec *d, const void *buf, size_t len)
{
	d->p = buf;
	d->end = d->p + len;
}

static int take(struct cbor_dec *d, size_t n, const uint8_t **out)
{
	if (n > cbor_dec_left(d))
		return -EBADMSG;
	*out = d->p;
	d->p += n;
	return 0;
}

int cbor_get(struct cbor_dec *d, struct cbor_item *it)
{
	const uint8_t *b;
	unsigned int major, ai;
	uint64_t v = 0;

	memset(it, 0, sizeof(*it));
	if (take(d, 1, &b))
		return -EBADMSG;
	major = b[0] >> 5;
	ai = b[0] & 0x1f;
	if (ai < 24) {
		v = ai;
	} else if (ai <= 27) {
		size_t n = (size_t)1 << (ai - 24);

		if (take(d, n, &b))
			return -EBADMSG;
		for (size_t i = 0; i < n; i++)
			v = v << 8 | b[i];
	} else if (ai != 31) {
		return -EBADMSG; /* 28..30 are reserved */
	}
	it->val = v;
	switch (major) {
	case 0: it->type = CBOR_UINT; break;
	case 1: it->type = CBOR_NINT; break;
	case 2:
	case 3:
		if (ai == 31)
			return -EBADMSG; /* indefinite strings: not for SMP */
		it->type = major == 2 ? CBOR_BYTES : CBOR_TEXT;
		if (take(d, v, &it->data))
			return -EBADMSG;
		break;
	case 4:
	case 5:
		it->type = major == 4 ? CBOR_ARRAY : CBOR_MAP;
		it->indefinite = ai == 31;
		break;
	case 6:
		if (ai == 31)
			return -EBADMSG;
		it->type = CBOR_TAG;
		break;
	default:
		if (ai == 31)
			it->type = CBOR_BREAK;
		else if (ai >= 25)
			it->type = CBOR_FLOAT;
		else if (ai == 24 && v < 32)
			return -EBADMSG; /* a two-byte simple value below 32 */
		else
			it->type = v == 20 ? CBOR_FALSE : v == 21 ? CBOR_TRUE :
				   v == 22 ? CBOR_NULL : v == 23 ? CBOR_UNDEFINED :
				   CBOR_SIMPLE;
		break;
	}
	if (ai == 31 && major != 7 && major != 4 && major != 5)
		return -EBADMSG;
	return 0;
}

/* Items still owed at each open level; UINT64_MAX: until a break. */
#define UNTIL_BREAK UINT64_MAX

static int push(uint64_t *owed, unsigned int *depth, const struct cbor_item *it)
{
	uint64_t n;

	if (it->type == CBOR_TAG) {
		n = 1;
	} else if (it->type == CBOR_ARRAY || it->type == CBOR_MAP) {
		if (it->indefinite)
			n = UNTIL_BREAK;
		else if (it->type == CBOR_MAP && it->val > UINT64_MAX / 2 - 1)
			return -EBADMSG;
		else
			n = it->type == CBOR_MAP ? it->val * 2 : it->val;
	} else {
		return 0;
	}
	if (n == 0)
		return 0;
	if (*depth == CBOR_MAX_DEPTH)
		return -EBADMSG;
	owed[(*depth)++] = n;
	return 0;
}

int cbor_skip(struct cbor_dec *d, const struct cbor_item *it)
{
	uint64_t owed[CBOR_MAX_DEPTH];
	unsigned int depth = 0;
	struct cbor_item cur;

	if (it->type == CBOR_BREAK || push(owed, &depth, it))
		return -EBADMSG;
	while (depth > 0) {
		if (cbor_get(d, &cur))
			return -EBADMSG;
		if (cur.type == CBOR_BREAK) {
			if (owed[depth - 1] != UNTIL_BREAK)
				return -EBADMSG;
			depth--;
		} else {
			if (owed[depth - 1] != UNTIL_BREAK)
				owed[depth - 1]--;
			/* A tag's item is consumed when that item is. */
			if (push(owed, &depth, &cur))
				return -EBADMSG;
		}
		while (depth > 0 && owed[depth - 1] == 0)
			depth--;
	}
	return 0;
}

static int wanted(enum cbor_want w, const struct cbor_item *it)
{
	switch (w) {
	case CBOR_WANT_ANY: return 1;
	case CBOR_WANT_UINT: return it->type == CBOR_UINT;
	case CBOR_WANT_BYTES: return it->type == CBOR_BYTES;
	case CBOR_WANT_TEXT: return it->type == CBOR_TEXT;
	case CBOR_WANT_BOOL: return it->type == CBOR_TRUE || it->type == CBOR_FALSE;
	case CBOR_WANT_BOOL_INT:
		return it->type == CBOR_TRUE || it->type == CBOR_FALSE ||
		       it->type == CBOR_UINT;
	}
	return 0;
}

int cbor_read_map(struct cbor_dec *d, struct cbor_field *fields, size_t n)
{
	struct cbor_item map, key, val;
	uint64_t left;

	for (size_t i = 0; i < n; i++)
		fields[i].present = 0;
	if (cbor_get(d, &map) || map.type != CBOR_MAP)
		return -EBADMSG;
	left = map.val;
	for (;;) {
		struct cbor_field *f = NULL;
		const uint8_t *at;

		if (!map.indefinite && left-- == 0)
			return 0;
		if (cbor_get(d, &key))
			return -EBADMSG;
		if (key.type == CBOR_BREAK)
			return map.indefinite ? 0 : -EBADMSG;
		if (key.type == CBOR_TEXT) {
			for (size_t i = 0; i < n && f == NULL; i++)
				if (strlen(fields[i].key) == key.val &&
				    memcmp(fields[i].key, key.data, key.val) == 0)
					f = &fields[i];
		} else if (cbor_skip(d, &key)) {
			return -EBADMSG;
		}
		at = d->p;
		if (cbor_get(d, &val) || val.type == CBOR_BREAK)
			return -EBADMSG;
		if (f != NULL && (f->present || !wanted(f->want, &val)))
			return -EBADMSG;
		if (cbor_skip(d, &val))
			return -EBADMSG;
		if (f != NULL) {
			f->present = 1;
			f->item = val;
			f->raw = at;
			f->raw_len = (size_t)(d->p - at);
		}
	}
}

int cbor_field_true(const struct cbor_field *f)
{
	return f->present && (f->item.type == CBOR_TRUE ||
			      (f->item.type == CBOR_UINT && f->item.val != 0));
}
