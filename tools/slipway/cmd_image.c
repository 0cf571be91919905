/* tools/slipway/cmd_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway image`: MCUboot images, following imgtool's interface. The header
 * encoding, TLV walk and validation are libs/image's, shared with the
 * bootloader; hashes and signatures come from libs/crypto and keys.c.
 */
#include "tools/slipway/keys.h"
#include "tools/slipway/slipway.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/bootstate/bootstate.h"
#include "libs/bootstate/strategy.h"
#include "libs/cbor/cbor_enc.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_header.h"
#include "libs/image/image_tlv.h"
#include "libs/image/image_tlv_enc.h"
#include "libs/image/image_validate.h"
#include "tools/slipway/image_encrypt.h"
#include "libs/util/le.h"

#include <ctype.h>
#include <getopt.h>
#include <mbedtls/base64.h>
#include <mbedtls/md.h>
#include <sodium/utils.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPS 8
#define MAX_CUSTOM_TLVS 16
#define UUID_SIZE 16
#define ECDSA_P256_PADDED_SIG 72
#define ECDSA_P384_PADDED_SIG 103

/* imgtool --custom-tlv TAG VALUE: a vendor TLV of the protected block. */
struct custom_tlv {
	uint16_t tag;
	const uint8_t *value;
	size_t len;
};

struct sign_opts {
	const char *in, *out, *key_path, *boot_record;
	const char *fix_sig, *fix_sig_pubkey, *vid, *cid;
	struct image_version version;
	uint32_t header_size, slot_size, align, max_align, max_sectors;
	uint32_t load_addr, rom_fixed, sec_cnt;
	uint8_t erased;
	int pad_header, pad, confirm, test, overwrite_only, pad_sig, pure, full_key;
	int have_sec_cnt, sec_cnt_auto, sha, non_bootable, big_endian;
	/* -E: encrypt for this key; --clear keeps the body in plaintext */
	const char *enc_path;
	uint32_t enc_keylen;
	int hmac512, clear;
	struct image_encryption *enc;
	unsigned int ndeps, ncustom;
	struct image_dependency deps[MAX_DEPS];
	struct custom_tlv custom[MAX_CUSTOM_TLVS];
};

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) / a * a;
}

static uint32_t max_align_of(const struct sign_opts *o)
{
	return o->max_align ? o->max_align : (o->align > 8 ? o->align : 8);
}

/* imgtool's trailer budget for the fit check (format doc, section 4.5). */
static uint32_t trailer_budget(const struct sign_opts *o)
{
	uint32_t a = max_align_of(o), magic = align_up(16, a);

	/* imgtool: two AES keys' room (16 bytes each, aligned) when encrypted */
	uint32_t keys = o->enc ? 2 * align_up(16, a) : 0;

	if (o->overwrite_only)
		return 2 * a + magic;
	return o->max_sectors * boot_strategies[BOOT_UPGRADE_SWAP_MOVE].trailer_records *
	       o->align + keys + 4 * a + magic;
}

/* "(1, 2.0.0+0), (2, 3.1.2)" */
static int parse_deps(const char *text, struct sign_opts *o)
{
	const char *p = text;

	while (*p) {
		char ver[64];
		char *end;
		unsigned long id;
		size_t n = 0;

		while (*p == ' ' || *p == ',')
			p++;
		if (*p == '\0')
			break;
		if (*p++ != '(' || o->ndeps == MAX_DEPS)
			return -1;
		while (*p == ' ')
			p++;
		id = strtoul(p, &end, 10);
		if (end == p || id > 255)
			return -1;
		p = end;
		while (*p == ' ')
			p++;
		if (*p++ != ',')
			return -1;
		while (*p == ' ')
			p++;
		while (*p && *p != ')' && *p != ' ' && n + 1 < sizeof(ver))
			ver[n++] = *p++;
		ver[n] = '\0';
		while (*p == ' ')
			p++;
		if (*p++ != ')')
			return -1;
		o->deps[o->ndeps].image = (uint8_t)id;
		if (image_version_parse(ver, &o->deps[o->ndeps].min) != 0)
			return -1;
		o->ndeps++;
	}
	return o->ndeps ? 0 : -1;
}

static enum crypto_hash_alg choose_hash(const struct sign_opts *o,
					const struct tool_key *k)
{
	if (o->sha == 384) return CRYPTO_HASH_SHA384;
	if (o->sha == 512) return CRYPTO_HASH_SHA512;
	if (o->sha == 256) return CRYPTO_HASH_SHA256;
	if (o->pure) return CRYPTO_HASH_SHA512;
	if (k && k->type == KEY_ECDSA_P384) return CRYPTO_HASH_SHA384;
	return CRYPTO_HASH_SHA256;
}

static int check_key_hash(const struct sign_opts *o, const struct tool_key *k,
			  enum crypto_hash_alg h)
{
	if (k == NULL)
		return o->pure ? cli_error(-1, "--pure needs an Ed25519 key") : 0;
	if (o->pure && k->type != KEY_ED25519)
		return cli_error(-1, "--pure needs an Ed25519 key");
	if (k->type == KEY_X25519)
		return cli_error(-1, "an X25519 key encrypts, it cannot sign");
	if (!k->has_private && !o->fix_sig)
		return cli_error(-1, "%s: a public key cannot sign", o->key_path);
	if ((k->type == KEY_ECDSA_P256 || k->type == KEY_RSA2048 ||
	     k->type == KEY_RSA3072) && h != CRYPTO_HASH_SHA256)
		return cli_error(-1, "%s keys sign SHA-256 images only",
				 key_type_name(k->type));
	if (k->type == KEY_ECDSA_P384 && h != CRYPTO_HASH_SHA384)
		return cli_error(-1, "ecdsa-p384 keys sign SHA-384 images only");
	if (k->type == KEY_ED25519 && h == CRYPTO_HASH_SHA384)
		return cli_error(-1, "ed25519 keys sign SHA-256 or SHA-512 images");
	return 0;
}

static const char *hash_name(enum crypto_hash_alg h)
{
	return h == CRYPTO_HASH_SHA384 ? "SHA384" :
	       h == CRYPTO_HASH_SHA512 ? "SHA512" : "SHA256";
}

/* A name-based (version 5, SHA-1) UUID of `name` in `ns` (RFC 9562). */
static int uuid_v5(const uint8_t ns[UUID_SIZE], const char *name,
		   uint8_t out[UUID_SIZE])
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(MBEDTLS_MD_SHA1);
	mbedtls_md_context_t ctx;
	uint8_t digest[20];
	int rc;

	mbedtls_md_init(&ctx);
	rc = md == NULL || mbedtls_md_setup(&ctx, md, 0) ||
	     mbedtls_md_starts(&ctx) || mbedtls_md_update(&ctx, ns, UUID_SIZE) ||
	     mbedtls_md_update(&ctx, (const uint8_t *)name, strlen(name)) ||
	     mbedtls_md_finish(&ctx, digest);
	mbedtls_md_free(&ctx);
	if (rc)
		return -1;
	memcpy(out, digest, UUID_SIZE);
	out[6] = (uint8_t)((out[6] & 0x0f) | 0x50);
	out[8] = (uint8_t)((out[8] & 0x3f) | 0x80);
	return 0;
}

static int hex_bytes(const char *hex, uint8_t *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned int v;

		if (!isxdigit((unsigned char)hex[2 * i]) ||
		    !isxdigit((unsigned char)hex[2 * i + 1]) ||
		    sscanf(hex + 2 * i, "%2x", &v) != 1)
			return -1;
		out[i] = (uint8_t)v;
	}
	return 0;
}

/* imgtool's --vid/--cid: a UUID written out (with or without dashes), or a
 * printable name turned into a UUID v5 in namespace `ns` (NULL: none). */
static int parse_uuid(const char *opt, const char *text, const uint8_t *ns,
		      uint8_t out[UUID_SIZE])
{
	char hex[33];
	size_t n = 0, len = strlen(text);

	if (len == 36 && text[8] == '-' && text[13] == '-' && text[18] == '-' &&
	    text[23] == '-') {
		for (size_t i = 0; i < len; i++)
			if (text[i] != '-')
				hex[n++] = text[i];
		hex[n] = '\0';
		if (n == 32 && hex_bytes(hex, out, UUID_SIZE) == 0)
			return 0;
	}
	if (len == 32 && hex_bytes(text, out, UUID_SIZE) == 0)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!isprint((unsigned char)text[i]))
			return cli_error(EXIT_USAGE, "%s: '%s' is not a UUID or a "
					 "printable name", opt, text);
	if (ns == NULL)
		return cli_error(EXIT_USAGE, "%s: '%s' is a name, and a name needs "
				 "--vid for its namespace", opt, text);
	if (uuid_v5(ns, text, out) != 0)
		return cli_error(1, "SHA-1 failed");
	return 0;
}

/* The protected block: SEC_CNT, BOOT_RECORD, DEPENDENCY..., UUID_VID,
 * UUID_CID, then custom TLVs, as imgtool orders them. */
static int build_protected(const struct sign_opts *o, const struct tool_key *k,
			   enum crypto_hash_alg h, uint8_t *p, size_t cap,
			   size_t *len)
{
	static const uint8_t dns_ns[UUID_SIZE] = {
		0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
		0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
	};
	struct image_tlv_enc e;
	uint8_t v[256], vid[UUID_SIZE];
	long n;

	image_tlv_enc_begin(&e, p, cap, IMAGE_TLV_PROT_INFO_MAGIC, o->big_endian);
	if (o->have_sec_cnt) {
		uint32_t c = o->sec_cnt_auto ?
			((uint32_t)o->version.major << 24 |
			 (uint32_t)o->version.minor << 16 | o->version.revision) :
			o->sec_cnt;

		image_tlv_enc_u32(&e, v, c);
		image_tlv_enc_add(&e, IMAGE_TLV_SEC_CNT, v, 4);
	}
	if (o->boot_record) {
		uint8_t signer[CRYPTO_HASH_MAX_SIZE], zero[CRYPTO_HASH_MAX_SIZE] = { 0 };
		size_t hl = crypto_hash_size(h);
		char ver[32];
		struct cbor_enc c;

		if (k == NULL)
			return cli_error(-1, "--boot-record needs a signing key");
		if (strlen(o->boot_record) > 12)
			return cli_error(-1, "--boot-record: at most 12 characters");
		crypto_hash_buf(h, k->enc, k->enc_len, signer);
		snprintf(ver, sizeof(ver), "%u.%u.%u", o->version.major,
			 o->version.minor, o->version.revision);
		cbor_enc_init(&c, v, sizeof(v));
		cbor_put_map(&c, 5);
		cbor_put_uint(&c, 1);
		cbor_put_text(&c, o->boot_record, strlen(o->boot_record));
		cbor_put_uint(&c, 4);
		cbor_put_text(&c, ver, strlen(ver));
		cbor_put_uint(&c, 5);
		cbor_put_bytes(&c, signer, hl);
		cbor_put_uint(&c, 6);
		cbor_put_text(&c, hash_name(h), 6);
		cbor_put_uint(&c, 2); /* last: the bootloader fills in the digest */
		cbor_put_bytes(&c, zero, hl);
		n = cbor_enc_len(&c);
		if (n < 0)
			return cli_error(-1, "boot record too large");
		image_tlv_enc_add(&e, IMAGE_TLV_BOOT_RECORD, v, (size_t)n);
	}
	for (unsigned int i = 0; i < o->ndeps; i++) {
		memset(v, 0, 12);
		v[0] = o->deps[i].image;
		v[4] = o->deps[i].min.major;
		v[5] = o->deps[i].min.minor;
		image_tlv_enc_u16(&e, v + 6, o->deps[i].min.revision);
		image_tlv_enc_u32(&e, v + 8, o->deps[i].min.build);
		image_tlv_enc_add(&e, IMAGE_TLV_DEPENDENCY, v, 12);
	}
	if (o->vid) {
		if (parse_uuid("--vid", o->vid, dns_ns, vid) != 0)
			return -1;
		image_tlv_enc_add(&e, IMAGE_TLV_UUID_VID, vid, UUID_SIZE);
	}
	if (o->cid) {
		if (parse_uuid("--cid", o->cid, o->vid ? vid : NULL, v) != 0)
			return -1;
		image_tlv_enc_add(&e, IMAGE_TLV_UUID_CID, v, UUID_SIZE);
	}
	for (unsigned int i = 0; i < o->ncustom; i++)
		image_tlv_enc_add_custom(&e, o->custom[i].tag, o->custom[i].value,
					 o->custom[i].len);
	n = image_tlv_enc_end(&e);
	if (n < 0)
		return cli_error(-1, "the protected TLVs exceed 0x%zx bytes", cap);
	*len = (size_t)n;
	return 0;
}

static uint16_t sig_type_of(const struct tool_key *k)
{
	switch (k->type) {
	case KEY_RSA2048: return IMAGE_TLV_RSA2048_PSS;
	case KEY_RSA3072: return IMAGE_TLV_RSA3072_PSS;
	case KEY_ED25519: return IMAGE_TLV_ED25519;
	default: return IMAGE_TLV_ECDSA_SIG;
	}
}

/* imgtool --pad: the magic; --confirm: image_ok too (not overwrite-only);
 * --test leaves image_ok erased. -e big writes the magic's alignment
 * field big-endian. */
static void write_trailer(const struct sign_opts *o, uint8_t *img)
{
	struct boot_trailer_geo g = { .slot_size = o->slot_size,
				      .max_align = max_align_of(o) };
	uint8_t *magic = img + o->slot_size - BOOT_MAGIC_SIZE;

	boot_magic_bytes(g.max_align, magic);
	if (o->big_endian && g.max_align != 8) {
		uint8_t lo = magic[0];

		magic[0] = magic[1];
		magic[1] = lo;
	}
	if (o->confirm && !o->overwrite_only)
		img[boot_trailer_image_ok_off(&g)] = 0x01;
}

/* imgtool -e big: the header's fields, written little-endian by
 * image_header_encode(), turned big-endian. */
static void header_to_big_endian(uint8_t *raw)
{
	static const uint8_t widths[] = { 4, 4, 2, 2, 4, 4, 1, 1, 2, 4, 4 };
	uint8_t *p = raw;

	for (size_t i = 0; i < sizeof(widths); i++) {
		for (int j = 0; j < widths[i] / 2; j++) {
			uint8_t t = p[j];

			p[j] = p[widths[i] - 1 - j];
			p[widths[i] - 1 - j] = t;
		}
		p += widths[i];
	}
}

/* The signature: made with `k`, or --fix-sig's (base64, as imgtool reads
 * it) for the key --fix-sig-pubkey names. */
static int make_signature(const struct sign_opts *o, struct tool_key *k,
			  enum crypto_hash_alg h, const uint8_t *img, size_t off,
			  const uint8_t *digest, uint8_t *sig, size_t cap,
			  size_t *sig_len)
{
	if (o->fix_sig) {
		uint8_t *text;
		size_t len, n = 0;
		int rc;

		if (cli_read_file(o->fix_sig, &text, &len) != 0)
			return -1;
		for (size_t i = 0; i < len; i++) /* as b64decode: skip spaces */
			if (!isspace(text[i]))
				text[n++] = text[i];
		rc = mbedtls_base64_decode(sig, cap, sig_len, text, n);
		free(text);
		if (rc != 0 || *sig_len == 0)
			return cli_error(-1, "%s: not a base64 signature", o->fix_sig);
		return 0;
	}
	if (key_sign(k, h, o->pure ? img : digest, o->pure ? off : crypto_hash_size(h),
		     sig, sig_len) != 0)
		return cli_error(-1, "signing failed");
	if (o->pad_sig && k->type == KEY_ECDSA_P256)
		for (; *sig_len < ECDSA_P256_PADDED_SIG; (*sig_len)++)
			sig[*sig_len] = 0;
	if (o->pad_sig && k->type == KEY_ECDSA_P384)
		for (; *sig_len < ECDSA_P384_PADDED_SIG; (*sig_len)++)
			sig[*sig_len] = 0;
	return 0;
}

/* The unprotected block: hash, [SIG_PURE], key or its hash, signature. */
static int build_unprotected(const struct sign_opts *o, struct tool_key *k,
			     enum crypto_hash_alg h, const uint8_t *img,
			     size_t off, uint8_t *out, size_t cap, size_t *len)
{
	uint8_t digest[CRYPTO_HASH_MAX_SIZE], sig[600], one = 1;
	size_t hl = crypto_hash_size(h), sig_len;
	struct image_tlv_enc e;
	long n;

	crypto_hash_buf(h, img, off, digest);
	image_tlv_enc_begin(&e, out, cap, IMAGE_TLV_INFO_MAGIC, o->big_endian);
	image_tlv_enc_add(&e, image_hash_tlv_type(h), digest, hl);
	if (o->pure)
		image_tlv_enc_add(&e, IMAGE_TLV_SIG_PURE, &one, 1);
	if (k) {
		if (o->full_key) {
			image_tlv_enc_add(&e, IMAGE_TLV_PUBKEY, k->enc, k->enc_len);
		} else {
			uint8_t kh[CRYPTO_HASH_MAX_SIZE];

			crypto_hash_buf(h, k->enc, k->enc_len, kh);
			image_tlv_enc_add(&e, IMAGE_TLV_KEYHASH, kh, hl);
		}
		if (make_signature(o, k, h, img, off, digest, sig, sizeof(sig),
				   &sig_len) != 0)
			return -1;
		image_tlv_enc_add(&e, sig_type_of(k), sig, sig_len);
	}
	if (o->enc) /* last, as imgtool */
		image_tlv_enc_add(&e, o->enc->tlv_type, o->enc->tlv, o->enc->tlv_len);
	n = image_tlv_enc_end(&e);
	if (n <= 0)
		return cli_error(-1, "the TLVs exceed 0x%zx bytes", cap);
	*len = (size_t)n;
	return 0;
}

static int build_image(const struct sign_opts *o, struct tool_key *k,
		       const uint8_t *in, size_t in_len, uint8_t **out,
		       size_t *out_len)
{
	enum crypto_hash_alg h = choose_hash(o, k);
	size_t body_len, prot_len = 0, unprot_len = 0, off, total, enc_pad = 0;
	uint8_t prot[0x4000];
	struct image_header hdr = { 0 };
	uint8_t *img;

	if (check_key_hash(o, k, h) != 0)
		return 1;
	if (o->pad_header) {
		body_len = in_len;
	} else {
		/* imgtool: the input must already hold the header's room. */
		if (in_len < o->header_size)
			return cli_error(1, "%s: shorter than the header size "
					 "0x%x", o->in, o->header_size);
		for (size_t i = 0; i < o->header_size; i++)
			if (in[i] != 0)
				return cli_error(1, "%s: does not start with "
						 "0x%x zero bytes; use "
						 "--pad-header", o->in,
						 o->header_size);
		body_len = in_len - o->header_size;
	}
	if (body_len > 0x7fffffff)
		return cli_error(1, "%s: too large", o->in);
	/* imgtool zero-pads what it holds (the body, or header room and
	 * body without --pad-header) to 16 bytes before encrypting. */
	if (o->enc)
		enc_pad = (16 - (o->pad_header ? body_len : o->header_size + body_len) % 16) % 16;
	if (build_protected(o, k, h, prot, sizeof(prot), &prot_len) != 0)
		return 1;

	hdr.magic = IMAGE_MAGIC;
	hdr.hdr_size = (uint16_t)o->header_size;
	hdr.img_size = (uint32_t)(body_len + enc_pad);
	hdr.protect_tlv_size = (uint16_t)prot_len;
	hdr.version = o->version;
	/* imgtool: a flag only for a non-zero address */
	hdr.load_addr = o->rom_fixed ? o->rom_fixed : o->load_addr;
	if (o->load_addr)
		hdr.flags |= IMAGE_F_RAM_LOAD;
	if (o->rom_fixed)
		hdr.flags |= IMAGE_F_ROM_FIXED;
	if (o->non_bootable)
		hdr.flags |= IMAGE_F_NON_BOOTABLE;
	if (o->enc)
		hdr.flags |= o->enc->flag;

	/* Header area, body and protected block: the hashed region; then
	 * the unprotected block, then the padding to the slot. */
	off = o->header_size + body_len + enc_pad + prot_len;
	total = off + 0x10000 + (o->pad ? o->slot_size : 0);
	img = malloc(total);
	if (img == NULL)
		return cli_error(1, "out of memory");
	/* --pad-header fills the header's room with the erased value;
	 * otherwise the input's own (zero) bytes stay under the header. */
	if (o->pad_header) {
		memset(img, o->erased, o->header_size);
		memcpy(img + o->header_size, in, body_len);
	} else {
		memcpy(img, in, o->header_size + body_len);
	}
	memset(img + o->header_size + body_len, 0, enc_pad);
	body_len += enc_pad;
	image_header_encode(&hdr, img);
	if (o->big_endian)
		header_to_big_endian(img);
	memcpy(img + o->header_size + body_len, prot, prot_len);
	if (build_unprotected(o, k, h, img, off, img + off, 0x10000,
			      &unprot_len) != 0) {
		free(img);
		return 1;
	}
	/* Hashed and signed in plaintext; then the body is encrypted. */
	if (o->enc && !o->clear &&
	    image_enc_body(o->enc, img + o->header_size, body_len) != 0) {
		free(img);
		return cli_error(1, "encrypting the body failed");
	}
	total = off + unprot_len;
	/* imgtool checks the fit only for a slot size above 0 */
	if (o->slot_size > 0 &&
	    (uint64_t)total + trailer_budget(o) > o->slot_size) {
		free(img);
		return cli_error(1, "image (0x%zx bytes) and trailer (0x%x "
				 "bytes) exceed the slot size 0x%x", total,
				 trailer_budget(o), o->slot_size);
	}
	if (o->pad) {
		memset(img + total, o->erased, o->slot_size - total);
		write_trailer(o, img);
		total = o->slot_size;
	}
	*out = img;
	*out_len = total;
	return 0;
}

static int sign_usage_error(const char *opt, const char *arg, const char *what)
{
	return cli_error(EXIT_USAGE, "%s: '%s' is not %s", opt, arg, what);
}

/* imgtool's --custom-tlv TAG VALUE: VALUE "0x..." is bytes in hex (decoded
 * in place: the argument's own storage), anything else its UTF-8 text. */
static int add_custom_tlv(struct sign_opts *o, const char *tag_text,
			  char *value)
{
	uint32_t tag;
	size_t len = strlen(value);

	if (cli_parse_u32(tag_text, UINT32_MAX, &tag))
		return sign_usage_error("--custom-tlv", tag_text, "a TLV type");
	for (unsigned int i = 0; i < o->ncustom; i++)
		if (o->custom[i].tag == tag)
			return cli_error(EXIT_USAGE, "Custom TLV 0x%x already "
					 "exists.", tag);
	if (tag < 0x100 && image_tlv_name(tag) != NULL)
		return cli_error(EXIT_USAGE, "Custom TLV 0x%x conflicts with "
				 "predefined TLV.", tag);
	if (tag < 0xa0 || tag > 0xfffe)
		return cli_error(EXIT_USAGE, "Invalid custom TLV type value "
				 "'0x%04x', allowed value should be between "
				 "0x00a0 and 0xfffe", tag);
	if (o->ncustom == MAX_CUSTOM_TLVS)
		return cli_error(EXIT_USAGE, "at most %d --custom-tlv options",
				 MAX_CUSTOM_TLVS);
	if (strncmp(value, "0x", 2) == 0) {
		if ((len - 2) % 2)
			return cli_error(EXIT_USAGE, "Custom TLV length is odd.");
		if (hex_bytes(value + 2, (uint8_t *)value, (len - 2) / 2) != 0)
			return sign_usage_error("--custom-tlv", value, "hex bytes");
		len = (len - 2) / 2;
	}
	o->custom[o->ncustom++] = (struct custom_tlv){ (uint16_t)tag,
						       (const uint8_t *)value, len };
	return 0;
}

/* The combinations imgtool refuses. */
static int check_sign_opts(const struct sign_opts *o)
{
	if (o->pure && o->sha)
		return cli_error(EXIT_USAGE, "--pure signs SHA-512 and forbids "
				 "--sha (as imgtool: pure signatures enforce the "
				 "preferred hash)");
	if (o->load_addr && o->rom_fixed)
		return cli_error(EXIT_USAGE, "--load-addr and --rom-fixed cannot "
				 "be used together");
	if (o->fix_sig && o->key_path)
		return cli_error(EXIT_USAGE, "--fix-sig and --key cannot be used "
				 "together: the signature is given or made");
	if (o->fix_sig && !o->fix_sig_pubkey)
		return cli_error(EXIT_USAGE, "--fix-sig needs --fix-sig-pubkey "
				 "(the key the signature is for)");
	if (o->fix_sig_pubkey && !o->fix_sig)
		return cli_error(EXIT_USAGE, "--fix-sig-pubkey goes with --fix-sig");
	if (o->pad && o->slot_size == 0)
		return cli_error(EXIT_USAGE, "--pad, --confirm and --test need a "
				 "--slot-size above 0");
	return 0;
}

/* -E: imgtool's key-family rule, then the wrapped body key. */
static int setup_encryption(struct sign_opts *o, const struct tool_key *k,
			    struct image_encryption *enc)
{
	struct tool_key r;
	int rc;

	if (key_load(o->enc_path, &r) != 0)
		return 1;
	if (k && ((k->type == KEY_ECDSA_P256 && r.type != KEY_ECDSA_P256) ||
		  k->type == KEY_ECDSA_P384 || k->type == KEY_RSA2048 ||
		  k->type == KEY_RSA3072)) {
		key_free(&r);
		return cli_error(EXIT_USAGE, "signing and encryption must use the "
				 "same type of key (as imgtool: a P-256 signer "
				 "encrypts for P-256; P-384 and RSA encryption "
				 "are not implemented)");
	}
	rc = image_enc_setup(&r, o->enc_keylen, o->hmac512, enc);
	key_free(&r);
	if (rc != 0)
		return 1;
	o->enc = enc;
	return 0;
}

static int image_sign(int argc, char **argv)
{
	enum { O_PAD_HEADER = 256, O_ALIGN, O_MAX_ALIGN, O_PAD, O_CONFIRM,
	       O_OVERWRITE_ONLY, O_PAD_SIG, O_BOOT_RECORD, O_PKFORMAT, O_SHA,
	       O_PURE, O_TEST, O_NON_BOOTABLE, O_CUSTOM_TLV, O_FIX_SIG,
	       O_FIX_SIG_PUBKEY, O_VID, O_CID, O_ENC_KEYLEN, O_HMAC_SHA, O_CLEAR };
	static const struct option longopts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "version", required_argument, NULL, 'v' },
		{ "header-size", required_argument, NULL, 'H' },
		{ "pad-header", no_argument, NULL, O_PAD_HEADER },
		{ "slot-size", required_argument, NULL, 'S' },
		{ "align", required_argument, NULL, O_ALIGN },
		{ "max-align", required_argument, NULL, O_MAX_ALIGN },
		{ "max-sectors", required_argument, NULL, 'M' },
		{ "erased-val", required_argument, NULL, 'R' },
		{ "pad", no_argument, NULL, O_PAD },
		{ "confirm", no_argument, NULL, O_CONFIRM },
		{ "overwrite-only", no_argument, NULL, O_OVERWRITE_ONLY },
		{ "pad-sig", no_argument, NULL, O_PAD_SIG },
		{ "security-counter", required_argument, NULL, 's' },
		{ "dependencies", required_argument, NULL, 'd' },
		{ "boot-record", required_argument, NULL, O_BOOT_RECORD },
		{ "load-addr", required_argument, NULL, 'L' },
		{ "public-key-format", required_argument, NULL, O_PKFORMAT },
		{ "sha", required_argument, NULL, O_SHA },
		{ "pure", no_argument, NULL, O_PURE },
		{ "test", no_argument, NULL, O_TEST },
		{ "non-bootable", no_argument, NULL, O_NON_BOOTABLE },
		{ "custom-tlv", required_argument, NULL, O_CUSTOM_TLV },
		{ "fix-sig", required_argument, NULL, O_FIX_SIG },
		{ "fix-sig-pubkey", required_argument, NULL, O_FIX_SIG_PUBKEY },
		{ "rom-fixed", required_argument, NULL, 'F' },
		{ "endian", required_argument, NULL, 'e' },
		{ "vid", required_argument, NULL, O_VID },
		{ "cid", required_argument, NULL, O_CID },
		{ "encrypt", required_argument, NULL, 'E' },
		{ "encrypt-keylen", required_argument, NULL, O_ENC_KEYLEN },
		{ "hmac-sha", required_argument, NULL, O_HMAC_SHA },
		{ "clear", no_argument, NULL, O_CLEAR },
		{ NULL, 0, NULL, 0 },
	};
	struct sign_opts o = { .align = 1, .erased = 0xff, .max_sectors = 128,
			       .enc_keylen = 128 };
	struct image_encryption enc;
	struct tool_key key, *k = NULL;
	const char *version = NULL;
	int have_hdr = 0, have_slot = 0;
	uint8_t *in = NULL, *img = NULL;
	size_t in_len = 0, img_len = 0;
	uint32_t v;
	int c, rc;

	while ((c = getopt_long(argc, argv, "k:v:H:S:M:R:s:d:L:F:e:E:", longopts,
				NULL)) != -1) {
		switch (c) {
		case 'E': o.enc_path = optarg; break;
		case O_ENC_KEYLEN:
			if (cli_parse_u32(optarg, 256, &o.enc_keylen) ||
			    (o.enc_keylen != 128 && o.enc_keylen != 256))
				return sign_usage_error("--encrypt-keylen", optarg,
							"128 or 256");
			break;
		case O_HMAC_SHA:
			if (strcmp(optarg, "auto") != 0 && strcmp(optarg, "256") != 0 &&
			    strcmp(optarg, "512") != 0)
				return sign_usage_error("--hmac-sha", optarg,
							"auto, 256 or 512");
			o.hmac512 = strcmp(optarg, "512") == 0;
			break;
		case O_CLEAR: o.clear = 1; break;
		case 'k': o.key_path = optarg; break;
		case 'v': version = optarg; break;
		case 'H':
			if (cli_parse_u32(optarg, 0xffff, &o.header_size) ||
			    o.header_size < IMAGE_HEADER_ENCODED_SIZE)
				return sign_usage_error("--header-size", optarg,
							"a number from 32 to 0xffff");
			have_hdr = 1;
			break;
		case O_PAD_HEADER: o.pad_header = 1; break;
		case 'S':
			if (cli_parse_u32(optarg, 0x7fffffff, &o.slot_size))
				return sign_usage_error("--slot-size", optarg, "a number");
			have_slot = 1;
			break;
		case O_ALIGN:
		case O_MAX_ALIGN:
			if (cli_parse_u32(optarg, 32, &v) || v == 0 || (v & (v - 1)))
				return sign_usage_error(c == O_ALIGN ? "--align" :
							"--max-align", optarg,
							"1, 2, 4, 8, 16 or 32");
			if (c == O_MAX_ALIGN && v < 8)
				return sign_usage_error("--max-align", optarg,
							"8, 16 or 32");
			if (c == O_ALIGN)
				o.align = v;
			else
				o.max_align = v;
			break;
		case 'M': /* 0 as imgtool: a trailer without a status area */
			if (cli_parse_u32(optarg, 0x10000, &o.max_sectors))
				return sign_usage_error("--max-sectors", optarg,
							"a sector count");
			break;
		case 'R':
			if (cli_parse_u32(optarg, 0xff, &v) || (v != 0 && v != 0xff))
				return sign_usage_error("--erased-val", optarg,
							"0 or 0xff");
			o.erased = (uint8_t)v;
			break;
		case O_PAD: o.pad = 1; break;
		case O_CONFIRM: o.confirm = o.pad = 1; break;
		case O_TEST: o.test = o.pad = 1; break;
		case O_NON_BOOTABLE: o.non_bootable = 1; break;
		case O_CUSTOM_TLV:
			/* two operands: TAG here, VALUE next */
			if (optind >= argc)
				return cli_error(EXIT_USAGE, "--custom-tlv needs TAG "
						 "and VALUE");
			rc = add_custom_tlv(&o, optarg, argv[optind++]);
			if (rc != 0)
				return rc;
			break;
		case O_FIX_SIG: o.fix_sig = optarg; break;
		case O_FIX_SIG_PUBKEY: o.fix_sig_pubkey = optarg; break;
		case 'F':
			if (cli_parse_u32(optarg, UINT32_MAX, &o.rom_fixed))
				return sign_usage_error("--rom-fixed", optarg,
							"an address");
			break;
		case 'e':
			if (strcmp(optarg, "little") != 0 && strcmp(optarg, "big") != 0)
				return sign_usage_error("--endian", optarg,
							"'little' or 'big'");
			o.big_endian = strcmp(optarg, "big") == 0;
			break;
		case O_VID: o.vid = optarg; break;
		case O_CID: o.cid = optarg; break;
		case O_OVERWRITE_ONLY: o.overwrite_only = 1; break;
		case O_PAD_SIG: o.pad_sig = 1; break;
		case 's':
			o.have_sec_cnt = 1;
			if (strcmp(optarg, "auto") == 0)
				o.sec_cnt_auto = 1;
			else if (cli_parse_u32(optarg, UINT32_MAX, &o.sec_cnt))
				return sign_usage_error("--security-counter",
							optarg, "a number or 'auto'");
			break;
		case 'd':
			if (parse_deps(optarg, &o) != 0)
				return sign_usage_error("--dependencies", optarg,
							"\"(image, version), ...\"");
			break;
		case O_BOOT_RECORD: o.boot_record = optarg; break;
		case 'L':
			if (cli_parse_u32(optarg, UINT32_MAX, &o.load_addr))
				return sign_usage_error("--load-addr", optarg,
							"an address");
			break;
		case O_PKFORMAT:
			if (strcmp(optarg, "hash") != 0 && strcmp(optarg, "full") != 0)
				return sign_usage_error("--public-key-format",
							optarg, "'hash' or 'full'");
			o.full_key = strcmp(optarg, "full") == 0;
			break;
		case O_SHA:
			if (strcmp(optarg, "auto") == 0)
				o.sha = 0; /* the default, which --pure allows */
			else if (cli_parse_u32(optarg, 512, &v) ||
				 (v != 256 && v != 384 && v != 512))
				return sign_usage_error("--sha", optarg,
							"256, 384, 512 or auto");
			else
				o.sha = (int)v;
			break;
		case O_PURE: o.pure = 1; break;
		default:
			return EXIT_USAGE;
		}
	}
	if (version == NULL || !have_hdr || !have_slot)
		return cli_error(EXIT_USAGE, "--version, --header-size and "
				 "--slot-size are required");
	if (image_version_parse(version, &o.version) != 0)
		return sign_usage_error("--version", version,
					"major[.minor[.revision[+build]]]");
	if (argc - optind != 2)
		return cli_error(EXIT_USAGE, "expected INFILE and OUTFILE");
	rc = check_sign_opts(&o);
	if (rc != 0)
		return rc;
	o.in = argv[optind];
	o.out = argv[optind + 1];
	if (o.key_path || o.fix_sig_pubkey) {
		if (key_load(o.key_path ? o.key_path : o.fix_sig_pubkey, &key) != 0)
			return 1;
		k = &key;
	}
	if (o.enc_path) {
		rc = setup_encryption(&o, k, &enc);
		if (rc != 0) {
			if (k)
				key_free(k);
			return rc;
		}
	}
	rc = cli_read_file(o.in, &in, &in_len) != 0;
	if (rc == 0)
		rc = build_image(&o, k, in, in_len, &img, &img_len);
	free(in);
	if (rc == 0)
		rc = cli_write_file(o.out, img, img_len) != 0;
	free(img);
	if (o.enc)
		image_enc_wipe(o.enc);
	if (k)
		key_free(k);
	return rc;
}

/* A file as a slot: a RAM flash of exactly its bytes. */
struct file_slot {
	struct sim_flash fl;
	struct mtd_region region;
	struct mtd_geometry geo;
	uint8_t *data;
	size_t len;
};

static int policy_for(const struct tool_key *k, const struct file_slot *s,
		      struct image_policy *pol)
{
	struct image_tlv_iter it;
	struct image_tlv t;
	struct image_header hdr;
	int has[3] = { 0 }, pure = 0, rc;

	image_header_decode(&hdr, s->data);
	rc = image_tlv_init(&it, (struct mtd_dev *)&s->fl.mtd, &hdr);
	while (rc == 0 && image_tlv_next(&it, &t) == 1) {
		if (t.type >= IMAGE_TLV_SHA256 && t.type <= IMAGE_TLV_SHA512)
			has[t.type - IMAGE_TLV_SHA256] = 1;
		if (t.type == IMAGE_TLV_SIG_PURE)
			pure = 1;
	}
	pol->hash = has[0] ? CRYPTO_HASH_SHA256 : has[1] ? CRYPTO_HASH_SHA384 :
		    has[2] ? CRYPTO_HASH_SHA512 : CRYPTO_HASH_SHA256;
	pol->sig = NULL;
	if (k == NULL)
		return 0;
	switch (k->type) {
	case KEY_ECDSA_P256: pol->sig = &image_sig_ecdsa_p256; break;
	case KEY_ECDSA_P384: pol->sig = &image_sig_ecdsa_p384; break;
	case KEY_RSA2048: pol->sig = &image_sig_rsa2048; break;
	case KEY_RSA3072: pol->sig = &image_sig_rsa3072; break;
	case KEY_ED25519:
		pol->sig = &image_sig_ed25519;
		pol->pure = pure;
		pol->hash = (pure || (has[2] && !has[0])) ? CRYPTO_HASH_SHA512
							   : CRYPTO_HASH_SHA256;
		break;
	default:
		return -1;
	}
	if (k->type != KEY_ED25519)
		pol->hash = pol->sig->hash;
	return 0;
}

/* validate_encrypted's refusal that it printed itself (image errors are
 * negative). */
#define VERIFY_REPORTED 1

/* The type of the image's ENC TLV (0x30..0x34), or 0. */
static uint16_t enc_tlv_type(const struct file_slot *s)
{
	struct image_tlv_iter it;
	struct image_tlv t;
	struct image_header hdr;

	image_header_decode(&hdr, s->data);
	if (image_tlv_init(&it, (struct mtd_dev *)&s->fl.mtd, &hdr) != 0)
		return 0;
	while (image_tlv_next(&it, &t) == 1)
		if (!t.protected_ && t.type >= IMAGE_TLV_ENC_RSA2048 &&
		    t.type <= IMAGE_TLV_ENC_X25519_SHA512)
			return t.type;
	return 0;
}

static const char *enc_tlv_name(uint16_t type)
{
	switch (type) {
	case IMAGE_TLV_ENC_RSA2048: return "ENC_RSA2048";
	case IMAGE_TLV_ENC_KW: return "ENC_KW";
	case IMAGE_TLV_ENC_EC256: return "ENC_EC256";
	case IMAGE_TLV_ENC_X25519: return "ENC_X25519";
	case IMAGE_TLV_ENC_X25519_SHA512: return "ENC_X25519_SHA512";
	default: return "no ENC TLV";
	}
}

/*
 * An ENCRYPTED image: with --decrypt its body is decrypted before hashing
 * (a download slot's form); a body that is already plaintext (a primary
 * slot's form, imgtool's image-decrypted.bin) is valid as it is. Without
 * a key, a body that does not hash is named encrypted, not "mismatch".
 */
static int validate_encrypted(struct file_slot *s, struct image_policy *pol,
			      struct image_facts *f, struct tool_key *dec,
			      const char **how)
{
	struct image_enc_key ek;
	uint8_t der[512];
	int rc;

	*how = "";
	if (dec) {
		if (image_enc_decrypt_key(dec, enc_tlv_type(s), &ek, der,
					  sizeof(der)) != 0)
			return VERIFY_REPORTED;
		pol->encrypted_body = 1;
		pol->enc_key = &ek;
		rc = image_validate(&s->fl.mtd, pol, f);
		pol->encrypted_body = 0;
		pol->enc_key = NULL;
		sodium_memzero(der, sizeof(der));
		if (rc != IMAGE_ERR_HASH_MISMATCH) {
			*how = rc == IMAGE_OK ? " (body decrypted)" : "";
			return rc;
		}
	}
	rc = image_validate(&s->fl.mtd, pol, f);
	if (rc == IMAGE_OK)
		*how = " (flagged encrypted, body in plaintext as a primary "
		       "slot holds it)";
	else if (rc == IMAGE_ERR_HASH_MISMATCH && dec == NULL)
		rc = IMAGE_ERR_ENCRYPTED;
	return rc;
}

/* Check one image file against the loaded keys: 0 valid, 1 not. */
static int verify_file(const char *path, struct tool_key *keys,
		       struct image_key *trusted, const char *const *paths,
		       unsigned int nkeys, struct tool_key *dec)
{
	struct image_policy pol = { 0 };
	struct image_facts f;
	struct file_slot s;
	const char *how = "";
	struct image_header hdr;
	int rc, encrypted;

	memset(&s, 0, sizeof(s));
	if (cli_read_file(path, &s.data, &s.len) != 0)
		return 1;
	if (s.len < IMAGE_HEADER_ENCODED_SIZE) {
		free(s.data);
		printf("%s: invalid: shorter than an image header\n", path);
		return 1;
	}
	s.region = (struct mtd_region){ 1, (uint32_t)s.len };
	s.geo = (struct mtd_geometry){ &s.region, 1, 1, 0xff, (uint32_t)s.len };
	sim_flash_init_ram(&s.fl, &s.geo, s.data);
	policy_for(nkeys ? &keys[0] : NULL, &s, &pol);
	pol.keys = trusted;
	pol.nkeys = nkeys;
	if (pol.pure) {
		pol.pure_buf = malloc(s.len);
		pol.pure_buf_len = s.len;
	}
	image_header_decode(&hdr, s.data);
	encrypted = (hdr.flags & (IMAGE_F_ENCRYPTED_AES128 | IMAGE_F_ENCRYPTED_AES256)) != 0;
	if (encrypted)
		rc = validate_encrypted(&s, &pol, &f, dec, &how);
	else
		rc = image_validate(&s.fl.mtd, &pol, &f);
	if (rc == IMAGE_ERR_PUBKEY_NOT_ACCEPTED) {
		pol.hw_key = 1; /* the image carries its key: check that key's hash */
		rc = encrypted ? validate_encrypted(&s, &pol, &f, dec, &how)
			       : image_validate(&s.fl.mtd, &pol, &f);
	}
	if (rc == IMAGE_ERR_ENCRYPTED)
		printf("%s: invalid: encrypted image (%s, AES-%d): its body is "
		       "ciphertext; give --decrypt KEY to verify it\n", path,
		       enc_tlv_name(enc_tlv_type(&s)),
		       hdr.flags & IMAGE_F_ENCRYPTED_AES256 ? 256 : 128);
	else if (rc == VERIFY_REPORTED)
		; /* why was printed */
	else if (rc != IMAGE_OK)
		printf("%s: invalid: %s\n", path, image_strerror(rc));
	else if (nkeys == 0)
		printf("%s: hash valid (%s)%s; signature NOT checked (no --key "
		       "given)\n", path, hash_name(pol.hash), how);
	else
		printf("%s: valid: %s%s signature by %s, %s%s\n", path,
		       key_type_name(keys[0].type), pol.pure ? " (pure)" : "",
		       paths[f.key_index], hash_name(pol.hash), how);
	free(pol.pure_buf);
	free(s.data);
	return rc == IMAGE_OK ? 0 : 1;
}

static int image_verify(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "decrypt", required_argument, NULL, 'D' },
		{ NULL, 0, NULL, 0 },
	};
	struct tool_key keys[8], dec;
	struct image_key trusted[8];
	const char *paths[8], *dec_path = NULL;
	unsigned int nkeys = 0;
	int c, rc;

	while ((c = getopt_long(argc, argv, "k:", longopts, NULL)) != -1) {
		if (c == 'D') {
			dec_path = optarg;
			continue;
		}
		if (c != 'k')
			return EXIT_USAGE;
		if (nkeys == 8)
			return cli_error(EXIT_USAGE, "at most 8 --key options");
		paths[nkeys++] = optarg;
	}
	if (argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected IMAGE");
	for (unsigned int i = 0; i < nkeys; i++) {
		if (key_load(paths[i], &keys[i]) != 0) {
			rc = 1;
			nkeys = i; /* free what was loaded */
			goto out;
		}
		trusted[i] = (struct image_key){ keys[i].enc, keys[i].enc_len };
		if (keys[i].type != keys[0].type) {
			rc = cli_error(1, "all --key options must be of one type");
			nkeys = i + 1;
			goto out;
		}
	}
	if (dec_path && key_load(dec_path, &dec) != 0) {
		rc = 1;
		goto out;
	}
	rc = verify_file(argv[optind], keys, trusted, paths, nkeys,
			 dec_path ? &dec : NULL);
	if (dec_path)
		key_free(&dec);
out:
	for (unsigned int i = 0; i < nkeys; i++)
		key_free(&keys[i]);
	return rc;
}

static int image_getpub(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "encoding", required_argument, NULL, 'e' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *key_path = NULL, *enc = "c", *out = NULL;
	struct tool_key k;
	char pem[4096];
	FILE *f = stdout;
	int c, rc = 0;

	while ((c = getopt_long(argc, argv, "k:e:o:", longopts, NULL)) != -1) {
		if (c == 'k') key_path = optarg;
		else if (c == 'e') enc = optarg;
		else if (c == 'o') out = optarg;
		else return EXIT_USAGE;
	}
	if (key_path == NULL || optind != argc)
		return cli_error(EXIT_USAGE, "expected --key KEY");
	if (strcmp(enc, "lang-c") == 0)
		enc = "c";
	if (strcmp(enc, "c") != 0 && strcmp(enc, "pem") != 0 &&
	    strcmp(enc, "raw") != 0)
		return cli_error(EXIT_USAGE, "--encoding: '%s' is not c, pem or raw",
				 enc);
	if (key_load(key_path, &k) != 0)
		return 1;
	if (strcmp(enc, "raw") == 0) {
		rc = out ? cli_write_file(out, k.enc, k.enc_len) != 0
			 : fwrite(k.enc, 1, k.enc_len, stdout) != k.enc_len;
		key_free(&k);
		return rc;
	}
	if (out && (f = fopen(out, "w")) == NULL) {
		key_free(&k);
		return cli_error(1, "%s: cannot write", out);
	}
	if (strcmp(enc, "pem") == 0) {
		if (key_public_pem(&k, pem, sizeof(pem)) != 0)
			rc = cli_error(1, "PEM encoding failed");
		else
			fputs(pem, f);
	} else {
		const char *name = key_type_name(k.type);

		fprintf(f, "/* Generated by slipway image getpub; do not edit. */\n"
			   "/* %s public key as MCUboot embeds it. */\n"
			   "const unsigned char slipway_pub_key[] = {", name);
		for (size_t i = 0; i < k.enc_len; i++)
			fprintf(f, "%s0x%02x,", i % 8 ? " " : "\n\t", k.enc[i]);
		fprintf(f, "\n};\nconst unsigned int slipway_pub_key_len = %zu;\n",
			k.enc_len);
	}
	if (out && fclose(f) != 0)
		rc = cli_error(1, "%s: write failed", out);
	key_free(&k);
	return rc;
}

static int image_keygen(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "type", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 },
	};
	const char *path = NULL, *type = NULL;
	enum key_type t;
	struct tool_key k;
	char pem[8192];
	int c, rc;

	while ((c = getopt_long(argc, argv, "k:t:", longopts, NULL)) != -1) {
		if (c == 'k') path = optarg;
		else if (c == 't') type = optarg;
		else return EXIT_USAGE;
	}
	if (path == NULL || type == NULL || optind != argc)
		return cli_error(EXIT_USAGE, "expected --key FILE --type TYPE");
	if (key_type_parse(type, &t) != 0)
		return cli_error(EXIT_USAGE, "--type: '%s' is not ecdsa-p256, "
				 "ecdsa-p384, rsa-2048, rsa-3072, ed25519 or "
				 "x25519", type);
	if (key_generate(t, &k) != 0)
		return 1;
	rc = key_private_pem(&k, pem, sizeof(pem));
	key_free(&k);
	if (rc != 0)
		return cli_error(1, "PEM encoding failed");
	rc = cli_write_file(path, (const uint8_t *)pem, strlen(pem)) != 0;
	memset(pem, 0, sizeof(pem));
	return rc;
}

/* The build's trusted-key table: C source from key files. */
static int image_keytable(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "type", required_argument, NULL, 't' },
		{ "test-keys", required_argument, NULL, 'T' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *type = NULL, *out = NULL, *tests[16];
	unsigned int ntests = 0;
	enum key_type want = KEY_ECDSA_P256;
	struct tool_key k, t;
	int is_test = 0, c, n;
	FILE *f;

	while ((c = getopt_long(argc, argv, "t:T:o:", longopts, NULL)) != -1) {
		if (c == 't') type = optarg;
		else if (c == 'T' && ntests < 16) tests[ntests++] = optarg;
		else if (c == 'o') out = optarg;
		else return EXIT_USAGE;
	}
	if (out == NULL || (type && key_type_parse(type, &want) != 0))
		return cli_error(EXIT_USAGE, "expected [--type T] [--test-keys K]... "
				 "--output FILE [KEY...]");
	n = argc - optind;
	f = fopen(out, "w");
	if (f == NULL)
		return cli_error(1, "%s: cannot write", out);
	fprintf(f, "/* Generated by slipway image keytable; do not edit. */\n"
		   "#include \"libs/image/image_keys.h\"\n\n");
	for (int i = 0; i < n; i++) {
		const char *path = argv[optind + i];

		if (key_load(path, &k) != 0)
			goto fail;
		if (type && k.type != want) {
			cli_error(1, "%s: a %s key; this configuration's "
				  "signature is %s", path,
				  key_type_name(k.type), key_type_name(want));
			key_free(&k);
			goto fail;
		}
		for (unsigned int j = 0; j < ntests; j++) {
			if (key_load(tests[j], &t) != 0) {
				key_free(&k);
				goto fail;
			}
			if (t.enc_len == k.enc_len &&
			    memcmp(t.enc, k.enc, k.enc_len) == 0)
				is_test = 1;
			key_free(&t);
		}
		fprintf(f, "/* %s: %s */\nstatic const unsigned char key%d[] = {",
			path, key_type_name(k.type), i);
		for (size_t b = 0; b < k.enc_len; b++)
			fprintf(f, "%s0x%02x,", b % 8 ? " " : "\n\t", k.enc[b]);
		fprintf(f, "\n};\n\n");
		key_free(&k);
	}
	fprintf(f, "const struct image_key image_trusted_keys[] = {\n");
	for (int i = 0; i < n; i++)
		fprintf(f, "\t{ key%d, sizeof(key%d) },\n", i, i);
	if (n == 0)
		fprintf(f, "\t{ 0, 0 },\n");
	fprintf(f, "};\n\nconst unsigned int image_trusted_key_count = %d;\n"
		   "const int image_trusted_keys_are_test_keys = %d;\n", n, is_test);
	if (fclose(f) != 0) {
		remove(out);
		return cli_error(1, "%s: write failed", out);
	}
	return 0;
fail:
	fclose(f);
	remove(out);
	return 1;
}

static const struct slipway_cmd image_cmds[] = {
	{ "sign", "make an MCUboot image from a binary (imgtool sign)",
	  "[options] INFILE OUTFILE\n\n"
	  "Wrap INFILE in an MCUboot header and TLVs and sign it, as imgtool sign\n"
	  "does with the same options: every byte that is not random equals\n"
	  "imgtool's output. Without --key the image carries only its hash.\n\n"
	  "  -k, --key KEY             signing key (PEM or DER private key)\n"
	  "  -v, --version V           image version, major[.minor[.rev[+build]]]\n"
	  "  -H, --header-size N       bytes reserved for the header (>= 32)\n"
	  "      --pad-header          add the header's room in front of INFILE;\n"
	  "                            without it INFILE must start with N zeros\n"
	  "  -S, --slot-size N         slot size; image and trailer must fit (0: no\n"
	  "                            check, no --pad)\n"
	  "      --align N             flash write size: 1, 2, 4, 8, 16, 32\n"
	  "      --max-align N         the bootloader's BOOT_MAX_ALIGN: 8, 16, 32\n"
	  "  -M, --max-sectors N       sectors budgeted for swap status (128; 0\n"
	  "                            as imgtool: no status area)\n"
	  "  -R, --erased-val V        erased value of the flash, 0 or 0xff\n"
	  "      --pad                 pad to the slot size, trailer magic at the end\n"
	  "      --confirm             --pad, and mark the image confirmed\n"
	  "      --test                --pad, image_ok left erased (as imgtool)\n"
	  "      --overwrite-only      trailer for overwrite-only bootloaders\n"
	  "  -s, --security-counter N  protected security counter, or 'auto'\n"
	  "  -d, --dependencies D      \"(image, min-version), ...\"\n"
	  "      --boot-record TYPE    protected measured-boot record\n"
	  "  -L, --load-addr ADDR      RAM-load the image at ADDR\n"
	  "  -F, --rom-fixed ADDR      the flash address the image is built for\n"
	  "      --non-bootable        flag the image non-bootable\n"
	  "      --custom-tlv TAG VAL  a protected vendor TLV (0xa0..0xfffe); VAL\n"
	  "                            '0x..' is hex bytes, else text; repeatable\n"
	  "      --vid ID, --cid ID    UUID_VID/UUID_CID TLVs: a UUID, or a name\n"
	  "                            (vid: a domain; cid: in the vid's namespace)\n"
	  "  -e, --endian E            'little' (MCUboot) or 'big'\n"
	  "      --fix-sig FILE        a signature made elsewhere (base64), with\n"
	  "      --fix-sig-pubkey KEY  the public key it is for (no --key)\n"
	  "      --pad-sig             zero-pad ECDSA signatures (MCUboot < 1.5)\n"
	  "      --public-key-format F 'hash' (KEYHASH) or 'full' (PUBKEY)\n"
	  "      --sha N               256, 384, 512 or auto (from the key)\n"
	  "      --pure                Ed25519 over the image itself (SHA-512; no\n"
	  "                            --sha, as imgtool)\n"
	  "  -E, --encrypt KEY         encrypt the body for KEY's private half:\n"
	  "                            P-256 (ENC_EC256) or X25519 (ENC_X25519)\n"
	  "      --encrypt-keylen N    AES key: 128 (default) or 256 bits\n"
	  "      --hmac-sha N          auto, 256 or 512 (X25519 only: TLV 0x34)\n"
	  "      --clear               ENCRYPTED flag and ENC TLV, body in clear\n",
	  image_sign },
	{ "verify", "check an image's hash and signature",
	  "[--key KEY]... [--decrypt KEY] IMAGE\n\n"
	  "An image is valid when its KEYHASH or PUBKEY names one of the keys\n"
	  "and its signature checks. With no --key only the hash is checked,\n"
	  "and the output says so. Exit status 0 only for a valid image.\n"
	  "An ENCRYPTED image's body is decrypted with --decrypt's private key\n"
	  "(P-256 for ENC_EC256, X25519 for ENC_X25519[_SHA512]) before hashing;\n"
	  "without it the image is named encrypted. A body already in plaintext\n"
	  "(as a primary slot holds it after the upgrade) is valid either way.\n",
	  image_verify },
	{ "dumpinfo", "print an image's header, TLVs and trailer (imgtool dumpinfo)",
	  "[--json] IMAGE\n\n"
	  "Print what the bytes of IMAGE say, valid or not, in imgtool dumpinfo's\n"
	  "layout, or with --json as imgtool's JSON output. Values cut short by\n"
	  "the end of the file are shown as far as they go and named on stderr.\n",
	  image_dumpinfo },
	{ "getpub", "print a key's public part (imgtool getpub)",
	  "--key KEY [--encoding c|pem|raw] [--output FILE]\n\n"
	  "raw is the encoding a bootloader embeds and KEYHASH hashes\n"
	  "(SubjectPublicKeyInfo DER; PKCS#1 RSAPublicKey DER for RSA); c is that\n"
	  "as a C array; pem is SubjectPublicKeyInfo PEM.\n",
	  image_getpub },
	{ "keygen", "generate a key (imgtool keygen)",
	  "--key FILE --type ecdsa-p256|ecdsa-p384|rsa-2048|rsa-3072|ed25519|x25519\n\n"
	  "Write a new private key as PKCS#8 PEM. x25519 keys are for encryption.\n",
	  image_keygen },
	{ "keytable", "C table of trusted keys, for the build",
	  "[--type T] [--test-keys KEY]... --output FILE [KEY...]\n\n"
	  "Write the trusted-key table a bootloader embeds. Refuses a key file\n"
	  "that is missing, malformed, or not of type T. The table records\n"
	  "whether any key equals one of the --test-keys.\n",
	  image_keytable },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group image_group = {
	"image", "MCUboot images: sign, verify, dumpinfo, getpub, keygen",
	image_cmds,
};
