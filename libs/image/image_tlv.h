/* libs/image/image_tlv.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Walking an image's TLV area in flash (format doc section 3). The blocks
 * are located and bounds-checked once; every entry is then checked to lie
 * inside its own block before it is returned. Offsets are image-relative
 * and never assumed aligned.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_TLV_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_TLV_H

#include "drivers/mtd/mtd.h"
#include "libs/image/image_header.h"

#include <stdint.h>

#define IMAGE_TLV_INFO_MAGIC 0x6907
#define IMAGE_TLV_PROT_INFO_MAGIC 0x6908

enum image_tlv_type {
	IMAGE_TLV_KEYHASH = 0x01,
	IMAGE_TLV_PUBKEY = 0x02,
	IMAGE_TLV_SHA256 = 0x10,
	IMAGE_TLV_SHA384 = 0x11,
	IMAGE_TLV_SHA512 = 0x12,
	IMAGE_TLV_RSA2048_PSS = 0x20,
	IMAGE_TLV_ECDSA_SIG = 0x22,
	IMAGE_TLV_RSA3072_PSS = 0x23,
	IMAGE_TLV_ED25519 = 0x24,
	IMAGE_TLV_SIG_PURE = 0x25,
	IMAGE_TLV_ENC_RSA2048 = 0x30,
	IMAGE_TLV_ENC_KW = 0x31,
	IMAGE_TLV_ENC_EC256 = 0x32,
	IMAGE_TLV_ENC_X25519 = 0x33,
	IMAGE_TLV_ENC_X25519_SHA512 = 0x34,
	IMAGE_TLV_DEPENDENCY = 0x40,
	IMAGE_TLV_SEC_CNT = 0x50,
	IMAGE_TLV_BOOT_RECORD = 0x60,
	IMAGE_TLV_DECOMP_SIZE = 0x70,
	IMAGE_TLV_DECOMP_SHA = 0x71,
	IMAGE_TLV_DECOMP_SIGNATURE = 0x72,
	IMAGE_TLV_COMP_DEC_SIZE = 0x73,
	IMAGE_TLV_UUID_VID = 0x74,
	IMAGE_TLV_UUID_CID = 0x75,
};

struct image_tlv_iter {
	struct mtd_dev *dev;
	uint32_t prot_start, prot_end; /* entries of the protected block */
	uint32_t start, end;           /* entries of the unprotected block */
	uint32_t pos;
};

struct image_tlv {
	uint16_t type;
	uint16_t len;
	uint32_t off; /* of the value, image-relative */
	int protected_;
};

/*
 * Locate the TLV blocks of the image `hdr` describes on `dev` (offset 0 =
 * image start; the device's size bounds everything).
 */
int image_tlv_init(struct image_tlv_iter *it, struct mtd_dev *dev,
		   const struct image_header *hdr);

/* 1 with the next entry in `tlv`, 0 at the end, or a negative error. */
int image_tlv_next(struct image_tlv_iter *it, struct image_tlv *tlv);

/* End of the unprotected block: the bytes the image occupies. */
static inline uint32_t image_tlv_area_end(const struct image_tlv_iter *it)
{
	return it->end;
}

#endif
