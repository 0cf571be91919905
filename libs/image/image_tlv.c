/* libs/image/image_tlv.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/image/image_tlv.h"
#include "libs/util/le.h"

static int read_info(struct mtd_dev *dev, uint32_t off, uint16_t *magic,
		     uint16_t *tot)
{
	uint8_t b[4];

	if ((uint64_t)off + 4 > dev->geo->size)
		return IMAGE_ERR_TLV_AREA_PAST_END;
	if (mtd_read(dev, off, b, 4) != 0)
		return IMAGE_ERR_IO;
	*magic = get_le16(b);
	*tot = get_le16(b + 2);
	return 0;
}

int image_tlv_init(struct image_tlv_iter *it, struct mtd_dev *dev,
		   const struct image_header *hdr)
{
	uint64_t off = (uint64_t)hdr->hdr_size + hdr->img_size;
	uint16_t magic, tot;
	int rc;

	it->dev = dev;
	if (off > dev->geo->size)
		return IMAGE_ERR_SIZE_PAST_SLOT;
	rc = read_info(dev, (uint32_t)off, &magic, &tot);
	if (rc != 0)
		return rc;
	it->prot_start = it->prot_end = (uint32_t)off;
	if (hdr->protect_tlv_size != 0) {
		/* The header's count and the block's own must agree exactly. */
		if (magic != IMAGE_TLV_PROT_INFO_MAGIC)
			return IMAGE_ERR_PROT_TLV_SIZE;
		if (tot != hdr->protect_tlv_size || tot < 4)
			return IMAGE_ERR_PROT_TLV_SIZE;
		if (off + tot > dev->geo->size)
			return IMAGE_ERR_TLV_AREA_PAST_END;
		it->prot_start = (uint32_t)off + 4;
		it->prot_end = (uint32_t)(off + tot);
		off += tot;
		rc = read_info(dev, (uint32_t)off, &magic, &tot);
		if (rc != 0)
			return rc;
	} else if (magic == IMAGE_TLV_PROT_INFO_MAGIC) {
		return IMAGE_ERR_PROT_TLV_SIZE;
	}
	if (magic != IMAGE_TLV_INFO_MAGIC)
		return IMAGE_ERR_TLV_MAGIC;
	if (tot < 4)
		return IMAGE_ERR_TLV_LEN;
	if (off + tot > dev->geo->size)
		return IMAGE_ERR_TLV_AREA_PAST_END;
	it->start = (uint32_t)off + 4;
	it->end = (uint32_t)(off + tot);
	it->pos = it->prot_start;
	return 0;
}

int image_tlv_next(struct image_tlv_iter *it, struct image_tlv *tlv)
{
	uint32_t block_end;
	uint8_t b[4];

	if (it->pos == it->prot_end && it->pos < it->start)
		it->pos = it->start;
	if (it->pos >= it->end)
		return 0;
	tlv->protected_ = it->pos < it->prot_end;
	block_end = tlv->protected_ ? it->prot_end : it->end;
	if ((uint64_t)it->pos + 4 > block_end)
		return IMAGE_ERR_TLV_LEN;
	if (mtd_read(it->dev, it->pos, b, 4) != 0)
		return IMAGE_ERR_IO;
	tlv->type = get_le16(b);
	tlv->len = get_le16(b + 2);
	tlv->off = it->pos + 4;
	if ((uint64_t)tlv->off + tlv->len > block_end)
		return IMAGE_ERR_TLV_LEN;
	it->pos = tlv->off + tlv->len;
	return 1;
}
