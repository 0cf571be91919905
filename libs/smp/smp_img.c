/* libs/smp/smp_img.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/smp/smp_img.h"

#include <stdio.h>
#include <string.h>

enum { CMD_STATE = 0, CMD_UPLOAD = 1, CMD_ERASE = 5 };

#define IMG_ERR(rc) SMP_GROUP_ERR(SMP_IMG_##rc)
#define MIN_FIRST_CHUNK 32 /* an image header (Zephyr's rule) */

const char *smp_img_strerror(unsigned int rc)
{
	switch (rc) {
	case SMP_IMG_UNKNOWN: return "unknown error";
	case SMP_IMG_NO_IMAGE: return "no image";
	case SMP_IMG_INVALID_TLV: return "invalid image (TLVs, hash or signature)";
	case SMP_IMG_HASH_NOT_FOUND: return "no image with that hash";
	case SMP_IMG_NO_FREE_SLOT: return "no free slot";
	case SMP_IMG_FLASH_READ_FAILED: return "flash read failed";
	case SMP_IMG_FLASH_WRITE_FAILED: return "flash write failed";
	case SMP_IMG_FLASH_ERASE_FAILED: return "flash erase failed";
	case SMP_IMG_INVALID_SLOT: return "invalid image or slot number";
	case SMP_IMG_INVALID_OFFSET: return "invalid offset";
	case SMP_IMG_INVALID_LENGTH: return "invalid length";
	case SMP_IMG_INVALID_IMAGE_HEADER: return "invalid image header";
	case SMP_IMG_INVALID_IMAGE_HEADER_MAGIC: return "not an MCUboot image (magic)";
	case SMP_IMG_INVALID_HASH: return "SHA-256 of the upload does not match";
	case SMP_IMG_CURRENT_VERSION_IS_NEWER: return "the running version is newer";
	case SMP_IMG_IMAGE_ALREADY_PENDING: return "an image is already pending";
	case SMP_IMG_INVALID_IMAGE_TOO_LARGE: return "image too large for the slot";
	case SMP_IMG_INVALID_IMAGE_DATA_OVERRUN: return "data past the declared length";
	case SMP_IMG_IMAGE_CONFIRMATION_DENIED: return "confirmation denied";
	case SMP_IMG_IMAGE_SETTING_TEST_TO_ACTIVE_DENIED:
		return "the running image cannot be tested";
	default: return "image error";
	}
}

/* MCUboot's version text: maj.min.rev, and .build when not 0. */
static void version_text(const struct image_version *v, char *buf, size_t len)
{
	if (v->build)
		snprintf(buf, len, "%u.%u.%u.%lu", v->major, v->minor, v->revision,
			 (unsigned long)v->build);
	else
		snprintf(buf, len, "%u.%u.%u", v->major, v->minor, v->revision);
}

static int state_reply(struct smp_req *req)
{
	struct smp_img_ctx *c = req->ctx;
	struct smp_img_slot slots[SMP_IMG_MAX_SLOTS];
	static const struct { unsigned int flag; const char *key; } flags[] = {
		{ SMP_SLOT_BOOTABLE, "bootable" }, { SMP_SLOT_PENDING, "pending" },
		{ SMP_SLOT_CONFIRMED, "confirmed" }, { SMP_SLOT_ACTIVE, "active" },
		{ SMP_SLOT_PERMANENT, "permanent" },
	};
	int n = c->ops->list(c->be, slots, SMP_IMG_MAX_SLOTS);

	if (n < 0 || (n & SMP_GROUP_ERR(0)) || n > SMP_IMG_MAX_SLOTS)
		return n < 0 ? SMP_EUNKNOWN : n;
	smp_out_key(req, "images");
	cbor_put_array(&req->out, (size_t)n);
	for (int i = 0; i < n; i++) {
		const struct smp_img_slot *s = &slots[i];
		unsigned int nflags = 0;
		char v[48];

		for (size_t k = 0; k < sizeof(flags) / sizeof(flags[0]); k++)
			nflags += (s->flags & flags[k].flag) != 0;
		cbor_put_map(&req->out, (c->ops->nimages > 1) + 2 +
					(s->hash_len > 0) + nflags);
		if (c->ops->nimages > 1) {
			cbor_put_str(&req->out, "image");
			cbor_put_uint(&req->out, s->image);
		}
		cbor_put_str(&req->out, "slot");
		cbor_put_uint(&req->out, s->slot);
		version_text(&s->version, v, sizeof(v));
		cbor_put_str(&req->out, "version");
		cbor_put_str(&req->out, v);
		if (s->hash_len > 0) {
			cbor_put_str(&req->out, "hash");
			cbor_put_bytes(&req->out, s->hash, s->hash_len);
		}
		for (size_t k = 0; k < sizeof(flags) / sizeof(flags[0]); k++) {
			if (s->flags & flags[k].flag) {
				cbor_put_str(&req->out, flags[k].key);
				cbor_put_bool(&req->out, 1);
			}
		}
	}
	smp_out_uint(req, "splitStatus", 0);
	return 0;
}

static int state_write(struct smp_req *req)
{
	struct smp_img_ctx *c = req->ctx;
	struct cbor_field f[] = { CBOR_FIELD("hash", CBOR_WANT_BYTES),
				  CBOR_FIELD("confirm", CBOR_WANT_BOOL_INT) };
	int rc;

	if (cbor_read_map(&req->in, f, 2) != 0)
		return SMP_EINVAL;
	if (f[0].present && (f[0].item.val == 0 || f[0].item.val > CRYPTO_HASH_MAX_SIZE))
		return IMG_ERR(INVALID_HASH);
	if (!f[0].present && !cbor_field_true(&f[1]))
		return SMP_EINVAL; /* a test needs the image's hash */
	rc = c->ops->set_state(c->be, f[0].present ? f[0].item.data : NULL,
			       f[0].present ? f[0].item.val : 0,
			       cbor_field_true(&f[1]), &req->rsn);
	return rc != 0 ? rc : state_reply(req);
}

/* Zephyr's upgrade rule: the new image's major.minor.revision must be
 * above the running one's (build numbers are not compared). */
static int version_newer(const struct image_version *a,
			 const struct image_version *b)
{
	if (a->major != b->major)
		return a->major > b->major;
	if (a->minor != b->minor)
		return a->minor > b->minor;
	return a->revision > b->revision;
}

/* An offset-0 chunk: check what it declares and open the upload. Returns
 * 1 when it resumes the unfinished upload of the same file. */
static int upload_first(struct smp_req *req, struct smp_img_ctx *c,
			const struct cbor_field *f, const struct cbor_item *data)
{
	const struct cbor_field *image = &f[0], *len = &f[1], *sha = &f[3];
	unsigned int n = image->present ? (unsigned int)image->item.val : 0;
	static const uint8_t magic[4] = { 0x3d, 0xb8, 0xf3, 0x96 };
	int rc;

	if (!len->present || len->item.val < MIN_FIRST_CHUNK)
		return IMG_ERR(INVALID_LENGTH);
	if (len->item.val > UINT32_MAX)
		return IMG_ERR(INVALID_IMAGE_TOO_LARGE);
	if (image->present && image->item.val >= c->ops->nimages)
		return IMG_ERR(INVALID_SLOT);
	if (sha->present && sha->item.val > sizeof(c->sha))
		return IMG_ERR(INVALID_HASH);
	/* The same file again: resume where it stopped. */
	if (c->active && sha->present && sha->item.val > 0 &&
	    sha->item.val == c->sha_len && memcmp(sha->item.data, c->sha, c->sha_len) == 0 &&
	    n == c->image && len->item.val == c->len)
		return 1;
	if (data->val < MIN_FIRST_CHUNK)
		return IMG_ERR(INVALID_IMAGE_HEADER);
	if (c->ops->magic != NULL
	    ? memcmp(data->data, c->ops->magic, c->ops->magic_len) != 0
	    : memcmp(data->data, magic, sizeof(magic)) != 0)
		return IMG_ERR(INVALID_IMAGE_HEADER_MAGIC);
	if (cbor_field_true(&f[5]) && c->ops->running_version != NULL &&
	    c->ops->magic == NULL) {
		struct image_header hdr;
		struct image_version running;

		rc = c->ops->running_version(c->be, n, &running);
		if (rc != 0)
			return rc;
		image_header_decode(&hdr, data->data);
		if (!version_newer(&hdr.version, &running))
			return IMG_ERR(CURRENT_VERSION_IS_NEWER);
	}
	if (c->active)
		c->ops->upload_abort(c->be);
	c->active = 0;
	rc = c->ops->upload_begin(c->be, n, (uint32_t)len->item.val, &req->rsn);
	if (rc != 0)
		return rc;
	c->active = 1;
	c->image = n;
	c->len = (uint32_t)len->item.val;
	c->off = 0;
	c->sha_len = sha->present ? (size_t)sha->item.val : 0;
	if (c->sha_len)
		memcpy(c->sha, sha->item.data, c->sha_len);
	crypto_hash_start(&c->file_hash, CRYPTO_HASH_SHA256);
	return 0;
}

/* The last byte arrived: the file's hash, then the backend's checks;
 * "match" (only on success, as Zephyr) when a sha was given. */
static int upload_done(struct smp_req *req, struct smp_img_ctx *c)
{
	uint8_t got[32];
	int rc;

	c->active = 0;
	crypto_hash_finish(&c->file_hash, got);
	if (c->sha_len > 0 && memcmp(got, c->sha, c->sha_len) != 0) {
		c->ops->upload_abort(c->be);
		return IMG_ERR(INVALID_HASH);
	}
	rc = c->ops->upload_finish(c->be, &req->rsn);
	if (rc != 0) {
		c->ops->upload_abort(c->be);
		return rc;
	}
	smp_out_uint(req, "off", c->off);
	if (c->sha_len > 0)
		smp_out_bool(req, "match", 1);
	return 0;
}

static int upload(struct smp_req *req)
{
	struct smp_img_ctx *c = req->ctx;
	struct cbor_field f[] = {
		CBOR_FIELD("image", CBOR_WANT_UINT), CBOR_FIELD("len", CBOR_WANT_UINT),
		CBOR_FIELD("off", CBOR_WANT_UINT), CBOR_FIELD("sha", CBOR_WANT_BYTES),
		CBOR_FIELD("data", CBOR_WANT_BYTES), CBOR_FIELD("upgrade", CBOR_WANT_BOOL),
	};
	const struct cbor_item *data = &f[4].item;
	uint64_t off;
	int rc;

	if (cbor_read_map(&req->in, f, 6) != 0 || !f[2].present || !f[4].present)
		return SMP_EINVAL;
	off = f[2].item.val;
	if (off == 0) {
		rc = upload_first(req, c, f, data);
		if (rc == 1) { /* resumed: this chunk was written before */
			smp_out_uint(req, "off", c->off);
			return 0;
		}
		if (rc != 0)
			return rc;
	}
	/* Not where the upload stands (none under way: 0): success with the
	 * offset expected, which the client continues from. */
	if (!c->active || off != c->off) {
		smp_out_uint(req, "off", c->active ? c->off : 0);
		return 0;
	}
	if (data->val > c->len - c->off)
		return IMG_ERR(INVALID_IMAGE_DATA_OVERRUN);
	rc = c->ops->upload_write(c->be, data->data, data->val, &req->rsn);
	if (rc != 0) {
		c->active = 0;
		c->ops->upload_abort(c->be);
		return rc;
	}
	crypto_hash_update(&c->file_hash, data->data, data->val);
	c->off += (uint32_t)data->val;
	if (c->off == c->len)
		return upload_done(req, c);
	smp_out_uint(req, "off", c->off);
	return 0;
}

static int erase(struct smp_req *req)
{
	struct smp_img_ctx *c = req->ctx;
	struct cbor_field f[] = { CBOR_FIELD("slot", CBOR_WANT_UINT) };
	uint64_t slot;

	if (cbor_read_map(&req->in, f, 1) != 0)
		return SMP_EINVAL;
	slot = f[0].present ? f[0].item.val : 1;
	if (slot >= 2u * c->ops->nimages)
		return IMG_ERR(INVALID_SLOT);
	if (c->active && slot / 2 == c->image) {
		c->active = 0;
		c->ops->upload_abort(c->be);
	}
	return c->ops->erase(c->be, (unsigned int)slot, &req->rsn);
}

static const struct smp_cmd img_cmds[] = {
	{ CMD_STATE, state_reply, state_write },
	{ CMD_UPLOAD, NULL, upload },
	{ CMD_ERASE, NULL, erase },
};

/* For v1 requests, Zephyr's translation of image codes to MGMT_ERR
 * (img_mgmt_translate_error_code). */
static int img_v1_rc(unsigned int rc)
{
	switch (rc) {
	case SMP_IMG_NO_IMAGE: case SMP_IMG_NO_TLVS:
		return SMP_ENOENT;
	case SMP_IMG_NO_FREE_SLOT: case SMP_IMG_CURRENT_VERSION_IS_NEWER:
	case SMP_IMG_IMAGE_ALREADY_PENDING:
		return SMP_EBADSTATE;
	case SMP_IMG_NO_FREE_MEMORY:
		return SMP_ENOMEM;
	case SMP_IMG_INVALID_SLOT: case SMP_IMG_INVALID_PAGE_OFFSET:
	case SMP_IMG_INVALID_OFFSET: case SMP_IMG_INVALID_LENGTH:
	case SMP_IMG_INVALID_IMAGE_HEADER: case SMP_IMG_INVALID_HASH:
	case SMP_IMG_INVALID_FLASH_ADDRESS:
		return SMP_EINVAL;
	default:
		return SMP_EUNKNOWN;
	}
}

const struct smp_group smp_img_group = {
	.id = SMP_GROUP_IMAGE,
	.cmds = img_cmds,
	.ncmds = sizeof(img_cmds) / sizeof(img_cmds[0]),
	.v1_rc = img_v1_rc,
};
