/* libs/image/image_header.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * MCUboot image header (../shared/docs/mcuboot-image-format.md section 2).
 * Decoding is byte by byte, little-endian, so it is independent of the host's
 * endianness and alignment; the struct is never overlaid on flash bytes.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_HEADER_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_HEADER_H

#include "libs/image/image_error.h"

#include <stdint.h>

#define IMAGE_MAGIC 0x96f3b83dU
#define IMAGE_MAGIC_V1 0x96f3b83cU /* obsolete, rejected */
#define IMAGE_HEADER_ENCODED_SIZE 32

/* ih_flags bits */
#define IMAGE_F_PIC 0x001
#define IMAGE_F_ENCRYPTED_AES128 0x004
#define IMAGE_F_ENCRYPTED_AES256 0x008
#define IMAGE_F_NON_BOOTABLE 0x010
#define IMAGE_F_RAM_LOAD 0x020
#define IMAGE_F_ROM_FIXED 0x100
#define IMAGE_F_COMPRESSED_LZMA1 0x200
#define IMAGE_F_COMPRESSED_LZMA2 0x400
#define IMAGE_F_COMPRESSED_ARM_THUMB 0x800

struct image_version {
	uint8_t major;
	uint8_t minor;
	uint16_t revision;
	uint32_t build;
};

struct image_header {
	uint32_t magic;
	uint32_t load_addr;
	uint16_t hdr_size;
	uint16_t protect_tlv_size;
	uint32_t img_size;
	uint32_t flags;
	struct image_version version;
};

void image_header_decode(struct image_header *hdr,
			 const uint8_t raw[IMAGE_HEADER_ENCODED_SIZE]);
void image_header_encode(const struct image_header *hdr,
			 uint8_t raw[IMAGE_HEADER_ENCODED_SIZE]);

/*
 * Check the header alone against a slot of `slot_size` bytes: magic, header
 * size, and that header + body + protected TLVs fit with overflow-safe
 * arithmetic. `erased` is the flash's erased value, to tell an empty slot
 * from a corrupt one.
 */
int image_header_check(const struct image_header *hdr,
		       const uint8_t raw[IMAGE_HEADER_ENCODED_SIZE],
		       uint32_t slot_size, uint8_t erased);

/*
 * Parse imgtool's version syntax maj[.min[.rev[+build]]] (decimal, parts
 * in range). Returns 0 or -EINVAL.
 */
int image_version_parse(const char *text, struct image_version *ver);

#endif
