/* tests/fuzz/fuzz_otadata_choice.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: the loader's slot choice. The first byte picks the table's
 * shape (OTA count 0..16, factory, test, rollback, otadata present), the
 * next 64 bytes are the two entries. The choice must name a partition the
 * table has or start a search, never leave a PENDING_VERIFY entry behind
 * with rollback on, only change entries' states, and the fallback order
 * must list each existing candidate once, the start first.
 */
#include "libs/otadata/otadata.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	uint8_t buf[1 + 2 * OTADATA_ENTRY_LEN];
	struct otadata_layout l;
	struct otadata_entry e[2];
	struct otadata_choice c;
	int order[OTADATA_MAX_OTA + 2], seen[OTADATA_MAX_OTA + 3] = { 0 };
	unsigned int n, want;

	memset(buf, 0xff, sizeof(buf));
	memcpy(buf, data, len < sizeof(buf) ? len : sizeof(buf));
	l.ota_count = buf[0] % 17;
	l.has_factory = (buf[0] >> 5) & 1;
	l.has_test = (buf[0] >> 6) & 1;
	l.rollback = (buf[0] >> 7) & 1;
	l.has_otadata = (buf[0] & 0x10) == 0;
	otadata_entry_decode(buf + 1, &e[0]);
	otadata_entry_decode(buf + 1 + OTADATA_ENTRY_LEN, &e[1]);
	otadata_choose(e, &l, &c);
	if (c.start < OTADATA_FACTORY ||
	    (c.start >= 0 && l.ota_count != 0 && (unsigned int)c.start >= l.ota_count))
		abort();
	for (int i = 0; i < 2; i++) {
		if (c.new_entry[i].seq != e[i].seq || c.new_entry[i].crc != e[i].crc ||
		    memcmp(c.new_entry[i].label, e[i].label, OTADATA_LABEL_LEN) != 0)
			abort();
		if (!c.write[i] && c.new_entry[i].state != e[i].state)
			abort();
		if (l.rollback && l.has_otadata &&
		    c.new_entry[i].state == OTADATA_STATE_PENDING_VERIFY &&
		    !(c.active == i && e[i].state == OTADATA_STATE_NEW))
			abort();
	}
	if (c.active >= 0 && otadata_active(c.new_entry) != c.active)
		abort();
	n = otadata_candidates(c.start, &l, order);
	want = l.ota_count + (l.has_factory != 0) + (l.has_test != 0);
	if (n != want || n > OTADATA_MAX_OTA + 2)
		abort();
	for (unsigned int i = 0; i < n; i++) {
		if (order[i] < OTADATA_TEST || order[i] >= (int)l.ota_count ||
		    seen[order[i] + 2]++)
			abort();
	}
	if (n > 0 && c.start >= 0 && (unsigned int)c.start < l.ota_count &&
	    order[0] != c.start)
		abort();
	return 0;
}
