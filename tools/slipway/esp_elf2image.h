/* tools/slipway/esp_elf2image.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ELF to ESP image, the way esptool v4.8.1 `elf2image` lays one out
 * (../shared/docs/esp-formats.md sections 1.5 to 1.7), so the bytes match.
 */
#ifndef SLIPWAY_TOOLS_SLIPWAY_ESP_ELF2IMAGE_H
#define SLIPWAY_TOOLS_SLIPWAY_ESP_ELF2IMAGE_H

#include "libs/espimage/esp_image.h"

#include <stddef.h>
#include <stdint.h>

struct esp_elf2image_opts {
	const struct esp_chip *chip;
	uint8_t flash_mode;
	uint8_t flash_size_freq;
	uint8_t min_rev;
	uint16_t min_rev_full, max_rev_full;
	uint32_t elf_sha256_offset; /* 0: do not patch */
	uint32_t pad_to_size;       /* 0: no padding */
	uint32_t page;              /* flash MMU page */
	int secure_pad_v2, ram_only_header, use_segments, append_digest;
};

/*
 * Build the image of `elf` into a malloc'd buffer. 0, or 1 after printing
 * the reason (cli_error).
 */
int esp_elf2image(const uint8_t *elf, size_t elf_len,
		  const struct esp_elf2image_opts *o, uint8_t **out,
		  size_t *out_len);

#endif
