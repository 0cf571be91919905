/* tests/fuzz/fuzz_otadata.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: otadata partitions (up to 8 KiB, the rest blank). Entries
 * decode and encode back to the same bytes; the active entry is a valid
 * one with the largest sequence; what the OTA API would write keeps the
 * rules of section 4 (the other sector, a larger-or-equal sequence naming
 * the slot asked for).
 */
#include "libs/otadata/otadata.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static uint8_t buf[OTADATA_SIZE];
	uint8_t again[OTADATA_ENTRY_LEN];
	struct otadata_entry e[2], out;
	int active, sector;

	memset(buf, 0xff, sizeof(buf));
	memcpy(buf, data, len < sizeof(buf) ? len : sizeof(buf));
	otadata_decode(buf, e);
	for (int i = 0; i < 2; i++) {
		otadata_entry_encode(&e[i], again);
		if (memcmp(again, buf + i * OTADATA_SECTOR, sizeof(again)) != 0)
			abort();
		if (otadata_entry_valid(&e[i]) && otadata_entry_invalid(&e[i]))
			abort();
	}
	active = otadata_active(e);
	if (active >= 0 && (!otadata_entry_valid(&e[active]) ||
			    (otadata_entry_valid(&e[!active]) &&
			     e[!active].seq > e[active].seq)))
		abort();
	if (active < 0 && (otadata_entry_valid(&e[0]) ||
			   otadata_entry_valid(&e[1])))
		abort();
	for (unsigned int n = 1; n <= OTADATA_MAX_OTA; n++) {
		for (unsigned int k = 0; k < n; k++) {
			struct otadata_entry w[2];

			if (otadata_set_boot(e, k, n, k & 1, &sector, &out) != 0)
				continue;
			if (!otadata_entry_valid(&out) || (out.seq - 1) % n != k)
				abort();
			if (active >= 0 && (sector == active || out.seq < e[active].seq))
				abort();
			memcpy(w, e, sizeof(w));
			w[sector] = out;
			if (otadata_active_slot(w, n) != (int)k)
				abort();
		}
	}
	if (otadata_mark(e, 0, &sector, &out) == 0) {
		struct otadata_entry w[2];

		memcpy(w, e, sizeof(w));
		w[sector] = out;
		if (otadata_active(w) == sector)
			abort();
	}
	return 0;
}
