/* arch/risc-v/espressif/common/esp_boot_desc.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * esp_bootloader_desc_t (esp-formats.md 2.2): 80 bytes at the start of
 * the bootloader image's DRAM segment (section .dram0.bootdesc, first in
 * DRAM by the linker script, first in the image by elf2image), where
 * esptool image_info and ESP-IDF's tools read the bootloader's version.
 * The date is left empty: the image is then the same for the same
 * sources (ESP-IDF's reproducible builds do the same).
 */
#include <stdint.h>

struct esp_bootloader_desc {
	uint8_t magic_byte;   /* 0x50 */
	uint8_t reserved[2];
	uint8_t secure_version;
	uint32_t version;
	char idf_ver[32];
	char date_time[24];
	uint32_t reserved2[4];
};

_Static_assert(sizeof(struct esp_bootloader_desc) == 80,
	       "esp_bootloader_desc_t is 80 bytes");

__attribute__((used, section(".dram0.bootdesc")))
const struct esp_bootloader_desc esp_bootloader_desc = {
	.magic_byte = 0x50,
	.secure_version = 0,
	.version = 1,
	.idf_ver = "slipway-" SLIPWAY_VERSION,
};
