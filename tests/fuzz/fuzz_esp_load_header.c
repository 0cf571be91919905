/* tests/fuzz/fuzz_esp_load_header.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: a hostile load header (96 bytes) and image size, checked
 * against every chip's map. Every refusal must be a named one, and an
 * accepted header must keep each copied region inside its RAM, clear of
 * the loader's RAM and inside the image, and the entry inside IRAM:
 * re-derived here in 64-bit arithmetic, independently of the checker.
 */
#include "libs/espimage/esp_load_header.h"
#include "libs/util/le.h"

#include <stdlib.h>
#include <string.h>

static void require_sane(const struct esp_load_header *h,
			 const struct esp_load_map *m, uint32_t payload_off,
			 uint32_t end)
{
	const struct esp_load_region *ir = &h->r[ESP_LOAD_IRAM];

	if (ir->size == 0 || h->entry < ir->addr ||
	    (uint64_t)h->entry >= (uint64_t)ir->addr + ir->size)
		abort();
	for (unsigned int i = 0; i < ESP_LOAD_NREGIONS; i++) {
		const struct esp_load_region *r = &h->r[i];
		uint64_t a = r->addr, n = r->size;

		if (n == 0)
			continue;
		if (r->flash_off < (uint64_t)payload_off + ESP_LOAD_HEADER_LEN ||
		    (uint64_t)r->flash_off + n > end)
			abort();
		if (i >= ESP_LOAD_NCOPIED)
			continue;
		if (i == ESP_LOAD_IRAM)
			a -= m->iram_alias;
		for (unsigned int k = 0; k < m->nreserved; k++)
			if (a < m->reserved[k].end && m->reserved[k].start < a + n)
				abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const char *const chips[] = { "esp32c3", "esp32c2", "esp32c6",
					     "esp32h2" };
	uint8_t raw[ESP_LOAD_HEADER_LEN];
	struct esp_load_header h;
	uint32_t payload_off, end;

	if (len < ESP_LOAD_HEADER_LEN + 8)
		return 0;
	memcpy(raw, data, sizeof(raw));
	put_le32(raw, ESP_LOAD_HEADER_MAGIC); /* get past the magic */
	payload_off = get_le32(data + ESP_LOAD_HEADER_LEN) & 0xffff;
	end = get_le32(data + ESP_LOAD_HEADER_LEN + 4);
	if (esp_load_header_parse(raw, &h) != ESP_LOAD_OK)
		abort();
	for (size_t i = 0; i < sizeof(chips) / sizeof(chips[0]); i++) {
		const struct esp_load_map *m = esp_load_map_find(chips[i]);
		enum esp_load_region_id bad;
		int rc = esp_load_header_check(&h, m, payload_off, end, &bad);

		if (rc == ESP_LOAD_OK)
			require_sane(&h, m, payload_off, end);
		else if (strcmp(esp_load_strerror(rc), "unknown load header error") == 0 ||
			 (unsigned int)bad >= ESP_LOAD_NREGIONS)
			abort();
	}
	return 0;
}
