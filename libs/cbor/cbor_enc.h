/* libs/cbor/cbor_enc.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A small CBOR (RFC 8949) encoder into a caller's buffer: integers,
 * byte and text strings, booleans, maps and arrays of known size. No allocation.
 * Every call checks room; once a write does not fit, the encoder stays
 * failed and cbor_enc_len() reports it.
 */
#ifndef SLIPWAY_LIBS_CBOR_CBOR_ENC_H
#define SLIPWAY_LIBS_CBOR_CBOR_ENC_H

#include <stddef.h>
#include <stdint.h>

struct cbor_enc {
	uint8_t *buf;
	size_t cap, len;
	int failed;
};

void cbor_enc_init(struct cbor_enc *e, uint8_t *buf, size_t cap);
void cbor_put_uint(struct cbor_enc *e, uint64_t v);
/* A signed integer: major type 0 or 1. */
void cbor_put_int(struct cbor_enc *e, int64_t v);
void cbor_put_bytes(struct cbor_enc *e, const void *data, size_t len);
void cbor_put_text(struct cbor_enc *e, const char *text, size_t len);
/* A NUL-terminated text string (a map key, most often). */
void cbor_put_str(struct cbor_enc *e, const char *text);
void cbor_put_bool(struct cbor_enc *e, int v);
void cbor_put_map(struct cbor_enc *e, size_t pairs);
void cbor_put_array(struct cbor_enc *e, size_t items);

/* Bytes written, or -1 if anything did not fit. */
long cbor_enc_len(const struct cbor_enc *e);

#endif
