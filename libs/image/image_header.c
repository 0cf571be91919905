/* libs/image/image_header.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/image/image_header.h"
#include "libs/util/le.h"

#include <errno.h>
#include <stddef.h>

void image_header_decode(struct image_header *hdr,
			 const uint8_t raw[IMAGE_HEADER_ENCODED_SIZE])
{
	hdr->magic = get_le32(raw + 0x00);
	hdr->load_addr = get_le32(raw + 0x04);
	hdr->hdr_size = get_le16(raw + 0x08);
	hdr->protect_tlv_size = get_le16(raw + 0x0a);
	hdr->img_size = get_le32(raw + 0x0c);
	hdr->flags = get_le32(raw + 0x10);
	hdr->version.major = raw[0x14];
	hdr->version.minor = raw[0x15];
	hdr->version.revision = get_le16(raw + 0x16);
	hdr->version.build = get_le32(raw + 0x18);
}

void image_header_encode(const struct image_header *hdr,
			 uint8_t raw[IMAGE_HEADER_ENCODED_SIZE])
{
	put_le32(raw + 0x00, hdr->magic);
	put_le32(raw + 0x04, hdr->load_addr);
	put_le16(raw + 0x08, hdr->hdr_size);
	put_le16(raw + 0x0a, hdr->protect_tlv_size);
	put_le32(raw + 0x0c, hdr->img_size);
	put_le32(raw + 0x10, hdr->flags);
	raw[0x14] = hdr->version.major;
	raw[0x15] = hdr->version.minor;
	put_le16(raw + 0x16, hdr->version.revision);
	put_le32(raw + 0x18, hdr->version.build);
	put_le32(raw + 0x1c, 0); /* _pad1: hashed, imgtool writes 0 */
}

int image_header_check(const struct image_header *hdr,
		       const uint8_t raw[IMAGE_HEADER_ENCODED_SIZE],
		       uint32_t slot_size, uint8_t erased)
{
	uint64_t end;

	if (hdr->magic != IMAGE_MAGIC) {
		for (size_t i = 0; i < IMAGE_HEADER_ENCODED_SIZE; i++)
			if (raw[i] != erased)
				return IMAGE_ERR_BAD_MAGIC;
		return IMAGE_ERR_EMPTY;
	}
	if (hdr->hdr_size < IMAGE_HEADER_ENCODED_SIZE)
		return IMAGE_ERR_HDR_SIZE;
	end = (uint64_t)hdr->hdr_size + hdr->img_size + hdr->protect_tlv_size;
	if (end > slot_size)
		return IMAGE_ERR_SIZE_PAST_SLOT;
	return IMAGE_OK;
}

/* One decimal field with no leading zeros, at most `max`; advances *p. */
static int parse_field(const char **p, uint32_t max, uint32_t *out)
{
	const char *s = *p;
	uint64_t v = 0;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	if (s[0] == '0' && s[1] >= '0' && s[1] <= '9')
		return -EINVAL;
	while (*s >= '0' && *s <= '9') {
		v = v * 10 + (uint64_t)(*s - '0');
		if (v > max)
			return -EINVAL;
		s++;
	}
	*out = (uint32_t)v;
	*p = s;
	return 0;
}

int image_version_parse(const char *text, struct image_version *ver)
{
	const char *p = text;
	uint32_t major = 0, minor = 0, revision = 0, build = 0;

	if (text == NULL || parse_field(&p, 0xff, &major) != 0)
		return -EINVAL;
	if (*p == '.') {
		p++;
		if (parse_field(&p, 0xff, &minor) != 0)
			return -EINVAL;
		if (*p == '.') {
			p++;
			if (parse_field(&p, 0xffff, &revision) != 0)
				return -EINVAL;
			if (*p == '+') {
				p++;
				if (parse_field(&p, 0xffffffffU, &build) != 0)
					return -EINVAL;
			}
		}
	}
	if (*p != '\0')
		return -EINVAL;
	ver->major = (uint8_t)major;
	ver->minor = (uint8_t)minor;
	ver->revision = (uint16_t)revision;
	ver->build = build;
	return 0;
}
