/* tests/fuzz/fuzz_esp_elf2image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: hostile ELF files through `slipway esp elf2image`'s builder,
 * from sections and from program headers, normal and ROM-direct layouts.
 * Whatever it accepts must come out as an image the device's parser reads
 * back whole: header, every segment, checksum and SHA-256 consistent.
 */
#include "libs/espimage/esp_image.h"
#include "tools/slipway/esp_elf2image.h"
#include "tools/slipway/slipway.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct buf_dev {
	struct mtd_dev mtd; /* first: a buf_dev is an mtd_dev */
	const uint8_t *data;
	size_t len;
};

static int buf_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct buf_dev *b = (struct buf_dev *)dev;

	if (off > b->len || len > b->len - off)
		abort();
	memcpy(buf, b->data + off, len);
	return 0;
}

static const struct mtd_ops buf_ops = { .read = buf_read };

static void check_image(const struct esp_chip *chip, const uint8_t *img,
			size_t len, int ram_only)
{
	static const struct mtd_region r = { 0x1000, 0x10000 };
	static struct mtd_geometry geo = { &r, 1, 1, 0xff, 0 };
	struct buf_dev d = { { &buf_ops, &geo }, img, len };
	struct esp_image_policy pol = { NULL, 0, 0 };
	static struct esp_image e;
	int rc;

	if (len > 0x10000000)
		abort();
	geo.size = (uint32_t)len;
	rc = esp_image_read(&d.mtd, (uint32_t)len, &pol, &e);
	/* the builder's own bookkeeping: none of these may be wrong */
	switch (rc) {
	case ESP_IMAGE_ERR_MAGIC: case ESP_IMAGE_ERR_TRUNC_HEADER:
	case ESP_IMAGE_ERR_SEG_COUNT: case ESP_IMAGE_ERR_HASH_FLAG:
	case ESP_IMAGE_ERR_TRUNC_SEG_HEADER: case ESP_IMAGE_ERR_SEG_LEN_ALIGN:
	case ESP_IMAGE_ERR_SEG_PAST_END: case ESP_IMAGE_ERR_TRUNC_CHECKSUM:
	case ESP_IMAGE_ERR_TRUNC_DIGEST: case ESP_IMAGE_ERR_CHECKSUM:
	case ESP_IMAGE_ERR_DIGEST: case ESP_IMAGE_ERR_IO:
		abort();
	default:
		break;
	}
	if (rc == ESP_IMAGE_OK && e.chip_id != chip->chip_id)
		abort();
	if (rc == ESP_IMAGE_OK && ram_only && e.hash_appended)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const char *const chips[] = { "esp32c3", "esp32c6" };
	uint8_t *out;
	size_t out_len;

	static int quiet;

	if (!quiet) { /* the builder's progress lines, as esptool's, go to stdout */
		cli_quiet = quiet = 1;
		if (freopen("/dev/null", "w", stdout) == NULL)
			abort();
	}
	for (unsigned int v = 0; v < 8; v++) {
		struct esp_elf2image_opts o = {
			.chip = esp_chip_find(chips[v >> 2]),
			.max_rev_full = 0xffff,
			.page = 0x10000,
			.use_segments = v & 1,
			/* as the command line: ROM-direct images carry no hash */
			.ram_only_header = (v >> 1) & 1,
			.append_digest = !((v >> 1) & 1),
		};

		if (esp_elf2image(data, len, &o, &out, &out_len) != 0)
			continue;
		check_image(o.chip, out, out_len, o.ram_only_header);
		free(out);
	}
	return 0;
}
