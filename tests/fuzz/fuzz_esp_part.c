/* tests/fuzz/fuzz_esp_part.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: ESP-IDF partition table binaries. Whatever parses must verify
 * without fault, and a table that encodes must parse back to itself.
 */
#include "libs/esppart/esp_part.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct esp_part_table t, back;
	static uint8_t out[ESP_PART_TABLE_LEN];
	unsigned int bad, a, b;

	if (esp_part_parse(data, len, &t, &bad) != ESP_PART_OK)
		return 0;
	if (bad >= ESP_PART_TABLE_LEN / ESP_PART_ENTRY_LEN)
		abort();
	if (t.count == 0)
		abort(); /* a table without partitions is not a table */
	if (esp_part_verify(&t, ESP_PART_TABLE_OFFSET, 0x1000000, &a, &b) !=
	    ESP_PART_OK && (a >= t.count || b >= t.count))
		abort();
	if (esp_part_encode(&t, t.has_md5, out) != ESP_PART_OK)
		return 0;
	if (esp_part_parse(out, sizeof(out), &back, &bad) != ESP_PART_OK ||
	    back.count != t.count)
		abort();
	for (unsigned int i = 0; i < t.count; i++)
		if (memcmp(&back.parts[i], &t.parts[i], sizeof(t.parts[i])) != 0)
			abort();
	return 0;
}
