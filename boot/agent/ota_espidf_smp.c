/* boot/agent/ota_espidf_smp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* SMP image management on the ESP-IDF OTA API (ota_espidf_smp.h). */
#include "boot/agent/ota_espidf_smp.h"

#include <errno.h>
#include <string.h>

#define IMG_ERR(rc) SMP_GROUP_ERR(SMP_IMG_##rc)

static int fail(int err, const char **rsn)
{
	switch (err) {
	case 0: return 0;
	case -EBUSY: *rsn = "partition busy (running, or the running app is "
			    "unconfirmed)"; return IMG_ERR(NO_FREE_SLOT);
	case -EFBIG: return IMG_ERR(INVALID_IMAGE_TOO_LARGE);
	case -EBADMSG: *rsn = "not a valid app image"; return IMG_ERR(INVALID_TLV);
	case -EINVAL: return IMG_ERR(INVALID_SLOT);
	case -EIO: return IMG_ERR(FLASH_WRITE_FAILED);
	default: return IMG_ERR(UNKNOWN);
	}
}

/* The partition SMP calls slot `slot`. */
static const struct esp_part *slot_part(const struct ota_espidf *o,
					unsigned int slot)
{
	unsigned int n = o->parts.layout.ota_count;

	if (slot < n)
		return o->parts.ota[slot];
	return slot == n ? o->parts.factory : NULL;
}

static int describe(struct ota_espidf *o, const struct esp_part *p,
		    struct smp_img_slot *out, unsigned int slot)
{
	struct ota_app_policy pol = o->cfg.app;
	const struct esp_part *boot = ota_espidf_boot_partition(o);
	struct esp_image img;
	uint32_t st;

	pol.anti_rollback = 0;
	if (p == NULL || ota_app_check(o->cfg.flash, p, &pol, &img) != 0)
		return 0;
	memset(out, 0, sizeof(*out));
	out->slot = (uint8_t)slot;
	if (img.has_app_desc)
		image_version_parse(img.app.version, &out->version);
	if (img.hash_appended) {
		memcpy(out->hash, img.digest, ESP_IMAGE_DIGEST_LEN);
		out->hash_len = ESP_IMAGE_DIGEST_LEN;
	}
	out->flags = SMP_SLOT_BOOTABLE;
	if (p == o->running) {
		out->flags |= SMP_SLOT_ACTIVE;
		if (ota_espidf_state(o, p, &st) != 0 ||
		    (st != OTADATA_STATE_PENDING_VERIFY && st != OTADATA_STATE_NEW))
			out->flags |= SMP_SLOT_CONFIRMED;
	} else if (p == boot) {
		out->flags |= SMP_SLOT_PENDING;
	}
	return 1;
}

static int list(void *be, struct smp_img_slot *out, unsigned int max)
{
	struct ota_espidf_smp *o = be;
	unsigned int n = 0;

	for (unsigned int s = 0; s <= o->ota->parts.layout.ota_count && n < max; s++)
		n += (unsigned int)describe(o->ota, slot_part(o->ota, s), &out[n], s);
	return (int)n;
}

static int set_state(void *be, const uint8_t *hash, size_t hash_len,
		     int confirm, const char **rsn)
{
	struct ota_espidf_smp *o = be;
	struct smp_img_slot s;
	int rc;

	for (unsigned int k = 0; hash != NULL && k <= o->ota->parts.layout.ota_count; k++) {
		const struct esp_part *p = slot_part(o->ota, k);

		if (!describe(o->ota, p, &s, k) || s.hash_len != hash_len ||
		    memcmp(s.hash, hash, hash_len) != 0)
			continue;
		if (p != o->ota->running)
			return fail(ota_espidf_set_boot(o->ota, p), rsn);
		if (!confirm)
			return IMG_ERR(IMAGE_SETTING_TEST_TO_ACTIVE_DENIED);
		hash = NULL;
		break;
	}
	if (hash != NULL)
		return IMG_ERR(HASH_NOT_FOUND);
	rc = ota_espidf_mark_valid(o->ota);
	return rc == -ENOENT ? 0 : fail(rc, rsn); /* factory: nothing to do */
}

static void upload_abort(void *be)
{
	struct ota_espidf_smp *o = be;

	ota_espidf_abort(&o->h);
}

static int upload_begin(void *be, unsigned int image, uint32_t len,
			const char **rsn)
{
	struct ota_espidf_smp *o = be;

	upload_abort(o);
	if (image != 0)
		return IMG_ERR(INVALID_SLOT);
	return fail(ota_espidf_begin(o->ota, ota_espidf_next_update(o->ota, NULL),
				     len, &o->h), rsn);
}

static int upload_write(void *be, const uint8_t *data, size_t len,
			const char **rsn)
{
	struct ota_espidf_smp *o = be;

	return fail(ota_espidf_write(&o->h, data, len), rsn);
}

static int upload_finish(void *be, const char **rsn)
{
	struct ota_espidf_smp *o = be;
	int rc = ota_espidf_end(&o->h);

	if (rc == -EBADMSG)
		*rsn = ota_app_strerror(o->h.reason);
	return rc == -EBADMSG ? IMG_ERR(INVALID_TLV) : fail(rc, rsn);
}

static int running_version(void *be, unsigned int image,
			   struct image_version *out)
{
	struct ota_espidf_smp *o = be;
	struct smp_img_slot s;

	if (image != 0 || !describe(o->ota, o->ota->running, &s, 0))
		return IMG_ERR(NO_IMAGE);
	*out = s.version;
	return 0;
}

static int erase(void *be, unsigned int slot, const char **rsn)
{
	struct ota_espidf_smp *o = be;
	const struct esp_part *p = slot_part(o->ota, slot);

	if (p == NULL)
		return IMG_ERR(INVALID_SLOT);
	if (p == o->ota->running || p == o->ota->parts.factory)
		return fail(-EBUSY, rsn);
	return mtd_erase(o->ota->cfg.flash, p->offset, p->size) == 0 ? 0
	       : IMG_ERR(FLASH_ERASE_FAILED);
}

static const uint8_t esp_magic[] = { ESP_IMAGE_MAGIC };

void ota_espidf_smp_init(struct ota_espidf_smp *o, struct ota_espidf *ota)
{
	memset(o, 0, sizeof(*o));
	o->ota = ota;
	o->ops = (struct smp_img_ops){
		.nimages = 1, .list = list, .set_state = set_state,
		.upload_begin = upload_begin, .upload_write = upload_write,
		.upload_finish = upload_finish, .upload_abort = upload_abort,
		.running_version = running_version, .erase = erase,
		.magic = esp_magic, .magic_len = sizeof(esp_magic),
	};
}
