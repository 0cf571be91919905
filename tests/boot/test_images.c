/* tests/boot/test_images.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "tests/boot/test_images.h"

#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_header.h"
#include "libs/image/image_tlv.h"
#include "libs/util/le.h"

#include <string.h>

static int counter_read(struct moncnt_dev *d, unsigned int id, uint32_t *v)
{
	*v = ((struct test_counter *)d)->v[id];
	return 0;
}

static int counter_raise(struct moncnt_dev *d, unsigned int id, uint32_t v)
{
	struct test_counter *c = (struct test_counter *)d;

	if (v > c->v[id])
		c->v[id] = v;
	return 0;
}

const struct moncnt_ops test_counter_ops = { counter_read, counter_raise };

uint32_t test_image_build(uint8_t *out, const struct test_image *t)
{
	struct image_header h = { .magic = IMAGE_MAGIC, .hdr_size = 32,
				  .img_size = t->body };
	uint32_t prot = 4 + 8 + (t->dep_major ? 16 : 0);
	uint8_t *p = out + 32 + t->body;

	h.version.major = t->major;
	h.protect_tlv_size = (uint16_t)prot;
	image_header_encode(&h, out);
	for (uint32_t i = 0; i < t->body; i++)
		out[32 + i] = (uint8_t)(i * 31 + t->major * 7 + t->img * 101);
	put_le16(p, IMAGE_TLV_PROT_INFO_MAGIC);
	put_le16(p + 2, (uint16_t)prot);
	put_le16(p + 4, IMAGE_TLV_SEC_CNT);
	put_le16(p + 6, 4);
	put_le32(p + 8, t->sec_cnt);
	p += 12;
	if (t->dep_major) {
		put_le16(p, IMAGE_TLV_DEPENDENCY);
		put_le16(p + 2, 12);
		memset(p + 4, 0, 12);
		p[4] = t->dep_img;
		p[8] = t->dep_major;
		p += 16;
	}
	put_le16(p, IMAGE_TLV_INFO_MAGIC);
	put_le16(p + 2, 40);
	put_le16(p + 4, IMAGE_TLV_SHA256);
	put_le16(p + 6, 32);
	crypto_hash_buf(CRYPTO_HASH_SHA256, out, 32 + t->body + prot, p + 8);
	return (uint32_t)(p + 40 - out);
}
