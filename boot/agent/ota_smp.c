/* boot/agent/ota_smp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "boot/agent/ota_smp.h"

#include <errno.h>
#include <string.h>

#define IMG_ERR(rc) SMP_GROUP_ERR(SMP_IMG_##rc)

int ota_smp_err(int err)
{
	switch (err) {
	case 0:
	case -EALREADY: return 0;
	case -ENODEV: return IMG_ERR(INVALID_SLOT);
	case -EBUSY: return IMG_ERR(NO_FREE_SLOT);
	case -EFBIG: return IMG_ERR(INVALID_IMAGE_TOO_LARGE);
	case -ENODATA: return IMG_ERR(INVALID_LENGTH);
	case -EBADMSG:
	case -EACCES: return IMG_ERR(INVALID_TLV);
	case -ERANGE:
	case -EPERM: return IMG_ERR(CURRENT_VERSION_IS_NEWER);
	case -EIO: return IMG_ERR(FLASH_WRITE_FAILED);
	case -EINVAL: return SMP_EINVAL;
	case -ENOMEM: return SMP_ENOMEM;
	default: return IMG_ERR(UNKNOWN);
	}
}

static int fail(int err, const char **rsn)
{
	if (err != 0 && err != -EALREADY)
		*rsn = ota_strerror(err);
	return ota_smp_err(err);
}

static void add_slot(struct smp_img_slot *out, unsigned int image,
		     unsigned int slot, const struct ota_slot_state *s,
		     unsigned int flags)
{
	memset(out, 0, sizeof(*out));
	out->image = (uint8_t)image;
	out->slot = (uint8_t)slot;
	out->version = s->version;
	memcpy(out->hash, s->hash, s->hash_len);
	out->hash_len = s->hash_len;
	out->flags = flags | (s->bootable ? SMP_SLOT_BOOTABLE : 0);
}

static int list(void *be, struct smp_img_slot *out, unsigned int max)
{
	struct ota_smp *o = be;
	struct ota_state st;
	unsigned int n = 0;
	int rc = ota_read_state(o->ota, &st);

	if (rc != 0)
		return ota_smp_err(rc);
	for (unsigned int i = 0; i < st.nimages && n + 2 <= max; i++) {
		const struct ota_image_state *is = &st.img[i];

		if (is->primary.content == OTA_SLOT_VALID)
			add_slot(&out[n++], i, 0, &is->primary, SMP_SLOT_ACTIVE |
				 (is->confirmed ? SMP_SLOT_CONFIRMED : 0));
		if (is->secondary.content == OTA_SLOT_VALID)
			add_slot(&out[n++], i, 1, &is->secondary,
				 (is->pending == BOOT_SWAP_TEST ? SMP_SLOT_PENDING : 0) |
				 (is->pending == BOOT_SWAP_PERM ?
				  SMP_SLOT_PENDING | SMP_SLOT_PERMANENT : 0));
	}
	return (int)n;
}

static int same_hash(const struct ota_slot_state *s, const uint8_t *hash,
		     size_t len)
{
	return s->content == OTA_SLOT_VALID && s->hash_len == len &&
	       memcmp(s->hash, hash, len) == 0;
}

static int set_state(void *be, const uint8_t *hash, size_t hash_len,
		     int confirm, const char **rsn)
{
	struct ota_smp *o = be;
	struct ota_state st;
	int rc;

	if (hash == NULL) {
		/* confirm what runs: every image on trial */
		for (unsigned int i = 0; i < o->ota->cfg.nimages; i++) {
			rc = ota_confirm(o->ota, i);
			if (rc != 0 && rc != -EALREADY)
				return fail(rc, rsn);
		}
		return 0;
	}
	rc = ota_read_state(o->ota, &st);
	if (rc != 0)
		return fail(rc, rsn);
	for (unsigned int i = 0; i < st.nimages; i++) {
		if (same_hash(&st.img[i].primary, hash, hash_len)) {
			if (!confirm)
				return IMG_ERR(IMAGE_SETTING_TEST_TO_ACTIVE_DENIED);
			return fail(ota_confirm(o->ota, i), rsn);
		}
		if (same_hash(&st.img[i].secondary, hash, hash_len))
			return fail(ota_mark_pending(o->ota, i, confirm), rsn);
	}
	return IMG_ERR(HASH_NOT_FOUND);
}

static void upload_abort(void *be)
{
	struct ota_smp *o = be;

	if (o->stage_open)
		ota_stage_abort(&o->stage);
	o->stage_open = 0;
}

static int upload_begin(void *be, unsigned int image, uint32_t len,
			const char **rsn)
{
	struct ota_smp *o = be;
	int rc;

	upload_abort(o);
	rc = ota_stage_begin(o->ota, image, &o->stage);
	if (rc != 0)
		return fail(rc, rsn);
	o->stage_open = 1;
	if (len > o->stage.limit) {
		upload_abort(o);
		return fail(-EFBIG, rsn);
	}
	return 0;
}

static int upload_write(void *be, const uint8_t *data, size_t len,
			const char **rsn)
{
	struct ota_smp *o = be;

	if (!o->stage_open)
		return SMP_EINVAL;
	return fail(ota_stage_write(&o->stage, data, len), rsn);
}

static int upload_finish(void *be, const char **rsn)
{
	struct ota_smp *o = be;
	int rc;

	if (!o->stage_open)
		return SMP_EINVAL;
	rc = ota_stage_finish(&o->stage);
	if (rc != 0)
		return fail(rc, rsn);
	ota_stage_end(&o->stage);
	o->stage_open = 0;
	return 0;
}

static int erase(void *be, unsigned int slot, const char **rsn)
{
	struct ota_smp *o = be;
	struct ota_stage st;
	int rc;

	if (slot % 2 == 0) {
		*rsn = "the primary slot holds the running image";
		return SMP_EBADSTATE;
	}
	upload_abort(o);
	/* A stage begun and given up leaves the slot without an image. */
	rc = ota_stage_begin(o->ota, slot / 2, &st);
	if (rc == 0)
		rc = ota_stage_abort(&st);
	if (rc == -EBUSY) {
		*rsn = ota_strerror(rc);
		return SMP_EBADSTATE;
	}
	return fail(rc, rsn);
}

static int running_version(void *be, unsigned int image,
			   struct image_version *out)
{
	struct ota_smp *o = be;
	struct ota_state st;
	int rc = ota_read_state(o->ota, &st);

	if (rc != 0)
		return ota_smp_err(rc);
	if (image >= st.nimages)
		return IMG_ERR(INVALID_SLOT);
	*out = st.img[image].running;
	return 0;
}

void ota_smp_init(struct ota_smp *o, struct ota *ota)
{
	memset(o, 0, sizeof(*o));
	o->ota = ota;
	o->ops = (struct smp_img_ops){
		.nimages = ota->cfg.nimages, .list = list, .set_state = set_state,
		.upload_begin = upload_begin, .upload_write = upload_write,
		.upload_finish = upload_finish, .upload_abort = upload_abort,
		.running_version = running_version, .erase = erase,
	};
}
