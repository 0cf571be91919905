/*
 * MCUboot image header (../shared/docs/mcuboot-image-format.md section 2).
 * Decoding is byte by byte, little-endian, so it is independent of the host's
 * endianness and alignment; the struct is never overlaid on flash bytes.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_HEADER_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_HEADER_H

#include <stdint.h>

#define IMAGE_MAGIC 0x96f3b83dU
#define IMAGE_MAGIC_V1 0x96f3b83cU /* obsolete, rejected */
#define IMAGE_HEADER_ENCODED_SIZE 32

#define IMAGE_TLV_INFO_MAGIC 0x6907
#define IMAGE_TLV_PROT_INFO_MAGIC 0x6908
#define IMAGE_TLV_SHA256 0x10

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

/* Image rejection reasons; image_strerror() names them. */
enum image_error {
	IMAGE_OK = 0,
	IMAGE_ERR_EMPTY = -1000,   /* slot reads as erased */
	IMAGE_ERR_BAD_MAGIC,       /* neither an image nor erased */
	IMAGE_ERR_HDR_SIZE,        /* header smaller than its 32 bytes */
	IMAGE_ERR_SIZE_PAST_SLOT,  /* header + body + TLVs leave the slot */
};

const char *image_strerror(int err);

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
