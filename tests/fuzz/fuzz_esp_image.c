/* tests/fuzz/fuzz_esp_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: a hostile ESP image in a flash area, read for each chip and
 * for no chip. The device below aborts on any read past the area the
 * parser was given (the device itself is larger, as a real partition's
 * is), every refusal must be a named one, and an accepted image must lie
 * inside the area with its segments in order.
 */
#include "libs/espimage/esp_image.h"

#include <stdlib.h>
#include <string.h>

struct area_dev {
	struct mtd_dev mtd; /* first: an area_dev is an mtd_dev */
	const uint8_t *data;
	size_t len;
};

static int area_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct area_dev *a = (struct area_dev *)dev;

	if (off > a->len || len > a->len - off)
		abort(); /* read past the area the parser was given */
	memcpy(buf, a->data + off, len);
	return 0;
}

static const struct mtd_ops area_ops = { .read = area_read };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct mtd_region r = { 0x1000, 0x1000 };
	static const struct mtd_geometry geo = { &r, 1, 1, 0xff, 0x1000000 };
	static const char *const chips[] = { "esp32c3", "esp32c2", "esp32c6",
					     "esp32h2", NULL };
	struct area_dev a = { { &area_ops, &geo }, data, len };
	static struct esp_image img;

	if (len > geo.size)
		return 0;
	for (size_t i = 0; i < sizeof(chips) / sizeof(chips[0]); i++) {
		struct esp_image_policy pol = {
			chips[i] ? esp_chip_find(chips[i]) : NULL, 1, 1,
		};
		int rc = esp_image_read(&a.mtd, (uint32_t)len, &pol, &img);

		if (strcmp(esp_image_strerror(rc), "unknown ESP image error") == 0)
			abort(); /* every refusal is a named one */
		if (rc != ESP_IMAGE_OK)
			continue;
		if (img.image_len > len || img.segment_count > ESP_IMAGE_MAX_SEGMENTS ||
		    img.image_len % 16 != 0 || img.bad_seg != -1)
			abort();
		for (unsigned int s = 1; s < img.segment_count; s++)
			if (img.segs[s].offset <= img.segs[s - 1].offset)
				abort();
	}
	return 0;
}
