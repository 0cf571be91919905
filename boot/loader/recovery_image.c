/* boot/loader/recovery_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Serial recovery's image backend. Uploads go to the configured slot of
 * the image named in the first chunk, written through the same
 * flash_stream the update agent stages with. Its trailer sectors are
 * erased first, so a cut upload never leaves an old request or swap status
 * next to half an image; the rest of the slot is erased at once, or sector
 * by sector ahead of the data (CONFIG_BOOT_SERIAL_ERASE_PROGRESSIVELY).
 * Nothing outside that slot is written. The upload is validated on its
 * last chunk, and again by the next boot. In the secondary slot an upload
 * goes where the strategy stages an update (swap-offset: one sector in),
 * and slot 1 is what is staged there: what the strategy would install.
 */
#include "boot/loader/recovery.h"
#include "libs/bootstate/slot_limits.h"
#include "libs/image/image_error.h"

#include <errno.h>
#include <string.h>

#define IMG_ERR(rc) SMP_GROUP_ERR(SMP_IMG_##rc)

struct flash_area *recovery_target(struct boot_engine *e, unsigned int image)
{
#if defined(CONFIG_BOOT_SERIAL_UPLOAD_SECONDARY)
	return e->images[image].secondary;
#else
	return e->images[image].primary;
#endif
}

static const struct boot_trailer_geo *target_geo(struct recovery_image *r,
						 unsigned int image)
{
	struct boot_image *bi = &r->engine->images[image];

	return recovery_target(r->engine, image) == bi->primary ?
	       &bi->geo_primary : &bi->geo_secondary;
}

static int slot_facts(struct recovery_image *r, struct flash_area *fa,
		      struct image_facts *f)
{
	return image_validate(&fa->win.mtd, r->engine->policy, f);
}

/* Image `image`'s secondary from its stage offset on (in r->stage). */
static struct flash_area *staged(struct recovery_image *r, unsigned int image)
{
	struct boot_slots s = boot_engine_slots(r->engine, image);

	if (s.stage_offset == 0)
		return s.secondary;
	return boot_stage_open(s.secondary, s.stage_offset, &r->stage) == 0 ?
	       &r->stage.fa : NULL;
}

/* The image where slot 1's upload and request go, validated. */
static int staged_facts(struct recovery_image *r, unsigned int image,
			struct image_facts *f)
{
	struct flash_area *fa = staged(r, image);

	return fa ? slot_facts(r, fa, f) : IMAGE_ERR_IO;
}

static void add_slot(struct smp_img_slot *out, unsigned int image,
		     unsigned int slot, const struct image_facts *f)
{
	memset(out, 0, sizeof(*out));
	out->image = (uint8_t)image;
	out->slot = (uint8_t)slot;
	out->version = f->hdr.version;
	memcpy(out->hash, f->digest, f->digest_len);
	out->hash_len = (uint8_t)f->digest_len;
	if (!(f->hdr.flags & IMAGE_F_NON_BOOTABLE))
		out->flags |= SMP_SLOT_BOOTABLE;
}

static int list(void *be, struct smp_img_slot *out, unsigned int max)
{
	struct recovery_image *r = be;
	unsigned int n = 0;

	for (unsigned int i = 0; i < r->engine->nimages && n + 2 <= max; i++) {
		struct boot_image *bi = &r->engine->images[i];
		struct image_facts f;

		if (slot_facts(r, bi->primary, &f) == IMAGE_OK)
			add_slot(&out[n++], i, 0, &f);
		if (staged_facts(r, i, &f) == IMAGE_OK)
			add_slot(&out[n++], i, 1, &f);
	}
	return (int)n;
}

static int set_state(void *be, const uint8_t *hash, size_t hash_len,
		     int confirm, const char **rsn)
{
	struct recovery_image *r = be;

	if (hash == NULL)
		return 0; /* nothing runs that could be on trial */
	for (unsigned int i = 0; i < r->engine->nimages; i++) {
		struct boot_image *bi = &r->engine->images[i];
		struct image_facts f;

		if (slot_facts(r, bi->primary, &f) == IMAGE_OK &&
		    f.digest_len == hash_len && !memcmp(f.digest, hash, hash_len))
			return confirm ? 0 : IMG_ERR(IMAGE_SETTING_TEST_TO_ACTIVE_DENIED);
		if (staged_facts(r, i, &f) == IMAGE_OK &&
		    f.digest_len == hash_len && !memcmp(f.digest, hash, hash_len)) {
			if (boot_request_upgrade(&bi->secondary->win.mtd,
						 &bi->geo_secondary, (uint8_t)i,
						 confirm) != 0) {
				*rsn = "flash error";
				return IMG_ERR(FLASH_WRITE_FAILED);
			}
			return 0;
		}
	}
	return IMG_ERR(HASH_NOT_FOUND);
}

static int erase_all(struct flash_area *fa)
{
	return flash_area_erase_sectors(fa, 0, flash_area_size(fa));
}

static void upload_abort(void *be)
{
	struct recovery_image *r = be;

	/* The slot's first sector and trailer are erased already or soon
	 * overwritten; an aborted upload is just an invalid image. */
	r->target = NULL;
}

static int upload_begin(void *be, unsigned int image, uint32_t len,
			const char **rsn)
{
	struct recovery_image *r = be;
	struct flash_area *fa = recovery_target(r->engine, image);
	struct flash_area *to = fa;
	uint32_t trailer, at = 0;

	r->target = NULL;
	if (fa == r->engine->images[image].secondary) {
		at = boot_engine_slots(r->engine, image).stage_offset;
		if ((to = staged(r, image)) == NULL)
			return IMG_ERR(FLASH_OPEN_FAILED);
	}
	if (len > boot_engine_max_image_size(r->engine, image)) {
		*rsn = "larger than the bootloader can install in this slot";
		return IMG_ERR(INVALID_IMAGE_TOO_LARGE);
	}
	trailer = boot_trailer_sector_start(fa, target_geo(r, image));
#if defined(CONFIG_BOOT_SERIAL_ERASE_PROGRESSIVELY)
	if (flash_area_erase_sectors(fa, trailer, flash_area_size(fa) - trailer))
		return IMG_ERR(FLASH_ERASE_FAILED);
	flash_stream_init(&r->out, to, trailer - at);
#else
	(void)trailer;
	(void)at;
	if (erase_all(fa) != 0)
		return IMG_ERR(FLASH_ERASE_FAILED);
	flash_stream_init(&r->out, to, 0);
#endif
	r->target = to;
	return 0;
}

static int upload_write(void *be, const uint8_t *data, size_t len,
			const char **rsn)
{
	struct recovery_image *r = be;

	(void)rsn;
	if (r->target == NULL)
		return SMP_EINVAL;
	return flash_stream_write(&r->out, data, len) ? IMG_ERR(FLASH_WRITE_FAILED) : 0;
}

static int upload_finish(void *be, const char **rsn)
{
	struct recovery_image *r = be;
	struct image_facts f;
	int rc;

	if (r->target == NULL)
		return SMP_EINVAL;
	if (flash_stream_flush(&r->out) != 0)
		return IMG_ERR(FLASH_WRITE_FAILED);
	rc = slot_facts(r, r->target, &f);
	r->target = NULL;
	if (rc != IMAGE_OK) {
		*rsn = image_strerror(rc);
		return IMG_ERR(INVALID_TLV);
	}
	return 0;
}

static int erase(void *be, unsigned int slot, const char **rsn)
{
	struct recovery_image *r = be;
	struct boot_image *bi = &r->engine->images[slot / 2];
	struct flash_area *fa = slot % 2 ? bi->secondary : bi->primary;

	if (fa != recovery_target(r->engine, slot / 2)) {
		*rsn = "serial recovery erases only the slot uploads go to";
		return IMG_ERR(INVALID_SLOT);
	}
	r->target = NULL;
	return erase_all(fa) ? IMG_ERR(FLASH_ERASE_FAILED) : 0;
}

void recovery_image_init(struct recovery_image *r, struct boot_engine *e)
{
	memset(r, 0, sizeof(*r));
	r->engine = e;
	r->ops = (struct smp_img_ops){
		.nimages = e->nimages, .list = list, .set_state = set_state,
		.upload_begin = upload_begin, .upload_write = upload_write,
		.upload_finish = upload_finish, .upload_abort = upload_abort,
		.erase = erase,
	};
}
