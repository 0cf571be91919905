/* boot/loader/scheme_espidf.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The loader's flow in the ESP-IDF boot scheme (CONFIG_BOOT_SCHEME_ESPIDF). */
#ifndef SLIPWAY_BOOT_LOADER_SCHEME_ESPIDF_H
#define SLIPWAY_BOOT_LOADER_SCHEME_ESPIDF_H

#include <stdint.h>

struct esp_image;
struct mtd_dev;

/*
 * A target whose apps are RAM images (CONFIG_BOOT_ESPIDF_RAM_APPS, QEMU
 * virt) starts one here instead of through arch_boot_image: copy the
 * validated image's segments from `part` (the app partition) to their
 * load addresses, which esp_image_read checked against the chip's map,
 * and jump to its entry. `part_offset` is the partition's flash offset,
 * for the app to learn which partition runs. Returns only on failure.
 */
int board_espidf_start_ram_app(struct mtd_dev *part, uint32_t part_offset,
			       const struct esp_image *img);

/* Choose, validate and start an app; returns only when nothing starts. */
int espidf_scheme_main(void);

#endif
