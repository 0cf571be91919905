/* tests/fuzz/fuzz_cbor.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Fuzz the CBOR decoder: walk every item with cbor_get/cbor_skip, and read
 * the input as an SMP request map with cbor_read_map. Each call must
 * return within the buffer; a string never points past it; a container
 * value's raw bytes decode again to the same head.
 */
#include "libs/cbor/cbor_dec.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cbor_dec d;
	struct cbor_item it;
	struct cbor_field f[] = {
		CBOR_FIELD("image", CBOR_WANT_UINT), CBOR_FIELD("len", CBOR_WANT_UINT),
		CBOR_FIELD("off", CBOR_WANT_UINT), CBOR_FIELD("sha", CBOR_WANT_BYTES),
		CBOR_FIELD("data", CBOR_WANT_BYTES), CBOR_FIELD("d", CBOR_WANT_TEXT),
		CBOR_FIELD("confirm", CBOR_WANT_BOOL_INT), CBOR_FIELD("x", CBOR_WANT_ANY),
	};

	cbor_dec_init(&d, data, size);
	while (cbor_dec_left(&d) > 0) {
		const uint8_t *before = d.p;

		if (cbor_get(&d, &it) != 0)
			break;
		if ((it.type == CBOR_BYTES || it.type == CBOR_TEXT) &&
		    (it.data < data || it.data + it.val > data + size))
			abort();
		if (cbor_skip(&d, &it) != 0)
			break;
		if (d.p <= before || d.p > data + size)
			abort();
	}
	cbor_dec_init(&d, data, size);
	if (cbor_read_map(&d, f, sizeof(f) / sizeof(f[0])) == 0) {
		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++) {
			struct cbor_dec again;
			struct cbor_item head;

			if (!f[i].present)
				continue;
			if (f[i].raw < data || f[i].raw + f[i].raw_len > data + size)
				abort();
			cbor_dec_init(&again, f[i].raw, f[i].raw_len);
			if (cbor_get(&again, &head) != 0 || head.type != f[i].item.type ||
			    head.val != f[i].item.val || cbor_skip(&again, &head) != 0 ||
			    cbor_dec_left(&again) != 0)
				abort();
		}
	}
	return 0;
}
