/* tests/fuzz/fuzz_part_csv.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: partition table CSV text. A table the parser accepts and the
 * rules pass must encode and decode back to the same partitions.
 */
#include "tools/slipway/part_csv.h"
#include "tools/slipway/slipway.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static struct esp_part_table t, back;
	static uint8_t out[ESP_PART_TABLE_LEN];
	static const struct part_csv_layout layout = {
		ESP_PART_TABLE_OFFSET, 0x1000, 0x4000 /* bootloader rows too */
	};
	unsigned int a, b, bad;

	cli_quiet = 1;
	if (part_csv_parse((const char *)data, len, &layout, &t) != 0)
		return 0;
	if (t.count == 0 || t.count > ESP_PART_MAX)
		abort();
	if (esp_part_verify(&t, ESP_PART_TABLE_OFFSET, 0, &a, &b) != ESP_PART_OK)
		return 0;
	if (esp_part_encode(&t, 1, out) != ESP_PART_OK)
		return 0;
	if (esp_part_parse(out, sizeof(out), &back, &bad) != ESP_PART_OK ||
	    back.count != t.count)
		abort();
	return 0;
}
