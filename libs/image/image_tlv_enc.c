/* libs/image/image_tlv_enc.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "libs/image/image_tlv_enc.h"
#include "libs/image/image_tlv.h"

#include <string.h>

#define INFO_SIZE 4

void image_tlv_enc_u16(const struct image_tlv_enc *e, uint8_t *p, uint16_t v)
{
	p[e->big_endian ? 0 : 1] = (uint8_t)(v >> 8);
	p[e->big_endian ? 1 : 0] = (uint8_t)v;
}

void image_tlv_enc_u32(const struct image_tlv_enc *e, uint8_t *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[e->big_endian ? 3 - i : i] = (uint8_t)(v >> (8 * i));
}

void image_tlv_enc_begin(struct image_tlv_enc *e, uint8_t *buf, size_t cap,
			 uint16_t magic, int big_endian)
{
	e->buf = buf;
	e->cap = cap;
	e->big_endian = big_endian;
	e->failed = cap < INFO_SIZE;
	e->len = INFO_SIZE;
	if (!e->failed)
		image_tlv_enc_u16(e, buf, magic);
}

static uint8_t *room(struct image_tlv_enc *e, size_t len)
{
	if (e->failed || len > 0xffff || 4 + len > e->cap - e->len) {
		e->failed = 1;
		return NULL;
	}
	return e->buf + e->len;
}

void image_tlv_enc_add(struct image_tlv_enc *e, uint16_t type,
		       const void *value, size_t len)
{
	uint8_t *p = room(e, len);

	if (p == NULL)
		return;
	/* imgtool: struct 'BBH' (type, 0, length) */
	p[0] = (uint8_t)type;
	p[1] = 0;
	image_tlv_enc_u16(e, p + 2, (uint16_t)len);
	memcpy(p + 4, value, len);
	e->len += 4 + len;
}

void image_tlv_enc_add_custom(struct image_tlv_enc *e, uint16_t type,
			      const void *value, size_t len)
{
	uint8_t *p = room(e, len);

	if (p == NULL)
		return;
	/* imgtool: struct 'HH' (type, length) */
	image_tlv_enc_u16(e, p, type);
	image_tlv_enc_u16(e, p + 2, (uint16_t)len);
	memcpy(p + 4, value, len);
	e->len += 4 + len;
}

long image_tlv_enc_end(struct image_tlv_enc *e)
{
	if (e->failed || e->len > 0xffff)
		return -1;
	if (e->len == INFO_SIZE)
		return 0;
	image_tlv_enc_u16(e, e->buf + 2, (uint16_t)e->len);
	return (long)e->len;
}

const char *image_tlv_name(uint16_t type)
{
	switch (type) {
	case IMAGE_TLV_KEYHASH: return "KEYHASH";
	case IMAGE_TLV_PUBKEY: return "PUBKEY";
	case IMAGE_TLV_SHA256: return "SHA256";
	case IMAGE_TLV_SHA384: return "SHA384";
	case IMAGE_TLV_SHA512: return "SHA512";
	case IMAGE_TLV_RSA2048_PSS: return "RSA2048";
	case IMAGE_TLV_ECDSA_SIG: return "ECDSASIG";
	case IMAGE_TLV_RSA3072_PSS: return "RSA3072";
	case IMAGE_TLV_ED25519: return "ED25519";
	case IMAGE_TLV_SIG_PURE: return "SIG_PURE";
	case IMAGE_TLV_ENC_RSA2048: return "ENCRSA2048";
	case IMAGE_TLV_ENC_KW: return "ENCKW";
	case IMAGE_TLV_ENC_EC256: return "ENCEC256";
	case IMAGE_TLV_ENC_X25519: return "ENCX25519";
	case IMAGE_TLV_ENC_X25519_SHA512: return "ENCX25519_SHA512";
	case IMAGE_TLV_DEPENDENCY: return "DEPENDENCY";
	case IMAGE_TLV_SEC_CNT: return "SEC_CNT";
	case IMAGE_TLV_BOOT_RECORD: return "BOOT_RECORD";
	case IMAGE_TLV_DECOMP_SIZE: return "DECOMP_SIZE";
	case IMAGE_TLV_DECOMP_SHA: return "DECOMP_SHA";
	case IMAGE_TLV_DECOMP_SIGNATURE: return "DECOMP_SIGNATURE";
	case IMAGE_TLV_COMP_DEC_SIZE: return "COMP_DEC_SIZE";
	case IMAGE_TLV_UUID_VID: return "UUID_VID";
	case IMAGE_TLV_UUID_CID: return "UUID_CID";
	default: return NULL;
	}
}
