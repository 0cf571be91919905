/* libs/image/image_tlv_enc.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Writing an image's TLV blocks (format doc section 3): the signer's half
 * of image_tlv.c. A block is begun with its info magic, entries are added
 * in order, and ending it writes the block's total length into its info
 * header. Little-endian as MCUboot reads it; big-endian only as imgtool
 * `-e big` writes it (every 16- and 32-bit field, including an entry's
 * type, which imgtool packs as a byte then a zero byte for its own type
 * names and as a 16-bit field for custom ones). Nothing here allocates;
 * once an entry does not fit, the block stays failed.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_TLV_ENC_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_TLV_ENC_H

#include <stddef.h>
#include <stdint.h>

struct image_tlv_enc {
	uint8_t *buf;
	size_t cap, len;
	int big_endian;
	int failed;
};

/* Start a block with info magic `magic` (IMAGE_TLV_INFO_MAGIC or
 * IMAGE_TLV_PROT_INFO_MAGIC) in `buf`. */
void image_tlv_enc_begin(struct image_tlv_enc *e, uint8_t *buf, size_t cap,
			 uint16_t magic, int big_endian);

/* One entry of a type MCUboot defines (below 0x100). */
void image_tlv_enc_add(struct image_tlv_enc *e, uint16_t type,
		       const void *value, size_t len);

/* One entry of a vendor type (imgtool --custom-tlv, 0xa0..0xfffe). */
void image_tlv_enc_add_custom(struct image_tlv_enc *e, uint16_t type,
			      const void *value, size_t len);

/* 16- and 32-bit integers in the block's byte order, for values. */
void image_tlv_enc_u16(const struct image_tlv_enc *e, uint8_t *p, uint16_t v);
void image_tlv_enc_u32(const struct image_tlv_enc *e, uint8_t *p, uint32_t v);

/* Close the block: its length (info header included), 0 when it holds no
 * entry (imgtool writes no empty block), or -1 if anything did not fit or
 * the block passes 0xffff bytes. */
long image_tlv_enc_end(struct image_tlv_enc *e);

/* imgtool's name for a TLV type MCUboot defines ("SHA256", ...), or NULL. */
const char *image_tlv_name(uint16_t type);

#endif
