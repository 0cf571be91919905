/* boot/agent/ota.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "boot/agent/ota.h"

#include <errno.h>
#include <string.h>

static void lock(struct ota *ota)
{
	if (ota->cfg.lock)
		ota->cfg.lock(ota->cfg.lock_arg);
}

static int unlock(struct ota *ota, int rc)
{
	if (ota->cfg.unlock)
		ota->cfg.unlock(ota->cfg.lock_arg);
	return rc;
}

static struct boot_slots slots_of(struct ota *ota, unsigned int image)
{
	struct ota_image_slots *s = &ota->img[image];

	return (struct boot_slots){ &s->primary, &s->secondary,
				    ota->has_scratch ? &ota->scratch : NULL,
				    &s->geo_primary, &s->geo_secondary,
				    boot_stage_offset(&s->secondary,
						      boot_strategy_desc(ota->cfg.upgrade)) };
}

int ota_init(struct ota *ota, const struct ota_config *cfg)
{
	memset(ota, 0, sizeof(*ota));
	if (cfg->nimages == 0 || cfg->nimages > OTA_MAX_IMAGES ||
	    cfg->trailer_geo == NULL || cfg->policy == NULL ||
	    boot_strategy_desc(cfg->upgrade) == NULL)
		return -EINVAL;
	ota->cfg = *cfg;
	for (unsigned int i = 0; i < cfg->nimages; i++) {
		struct ota_image_slots *s = &ota->img[i];

		if (flash_area_open(cfg->map, FLASH_AREA_PRIMARY, i, &s->primary) != 0 ||
		    flash_area_open(cfg->map, FLASH_AREA_SECONDARY, i, &s->secondary) != 0)
			return -ENODEV;
		s->geo_primary = cfg->trailer_geo(&s->primary.win.mtd);
		s->geo_secondary = cfg->trailer_geo(&s->secondary.win.mtd);
		if (boot_trailer_geo_check(&s->geo_primary) != 0 ||
		    boot_trailer_geo_check(&s->geo_secondary) != 0 ||
		    boot_stage_open(&s->secondary, boot_stage_offset(&s->secondary,
				    boot_strategy_desc(cfg->upgrade)), &s->stage) != 0)
			return -EINVAL;
	}
	ota->has_scratch = flash_area_open(cfg->map, FLASH_AREA_SCRATCH, 0,
					   &ota->scratch) == 0;
	return 0;
}

/* An image library refusal as an errno (the reason itself is kept). */
static int errno_of_image_error(int rc)
{
	switch (rc) {
	case IMAGE_OK: return 0;
	case IMAGE_ERR_EMPTY: return -ENODATA;
	case IMAGE_ERR_UNTRUSTED_KEY:
	case IMAGE_ERR_PUBKEY_NOT_ACCEPTED:
	case IMAGE_ERR_KEYHASH_NOT_ACCEPTED: return -EACCES;
	case IMAGE_ERR_IO: return -EIO;
	case IMAGE_ERR_CRYPTO_MEMORY: return -ENOMEM;
	default: return -EBADMSG;
	}
}

static int read_trailer(struct flash_area *fa, const struct boot_trailer_geo *g,
			struct boot_trailer *t)
{
	return boot_trailer_read(&fa->win.mtd, g, t) ? -EIO : 0;
}

static int on_trial(struct ota *ota, unsigned int image)
{
	struct ota_image_slots *s = &ota->img[image];
	struct boot_trailer p;

	int rc = read_trailer(&s->primary, &s->geo_primary, &p);

	return rc ? rc : boot_trailer_on_trial(&p);
}

/* ota_plan, with the lock held. */
static int make_plan(struct ota *ota, const struct boot_plan_ask *ask,
		     struct boot_plan_image out[OTA_MAX_IMAGES])
{
	struct boot_slots slots[OTA_MAX_IMAGES];
	struct boot_plan_flash from = { slots, ota->cfg.policy, ask };
	struct boot_plan_source src = boot_plan_flash_source(&from);
	struct boot_plan plan = { ota->cfg.nimages, { NULL }, &src, &ota->cfg.rules,
				  boot_strategy_desc(ota->cfg.upgrade)->can_revert };

	for (unsigned int i = 0; i < ota->cfg.nimages; i++) {
		slots[i] = slots_of(ota, i);
		memset(&out[i], 0, sizeof(out[i]));
		out[i].max_size = boot_max_image_size(ota->cfg.upgrade, &slots[i]);
		out[i].resumed = BOOT_SWAP_NONE; /* the bootloader finished any */
		plan.img[i] = &out[i];
	}
	return boot_plan_make(&plan) ? -EIO : 0;
}

int ota_plan(struct ota *ota, const struct boot_plan_ask *ask,
	     struct boot_plan_image out[OTA_MAX_IMAGES])
{
	lock(ota);
	return unlock(ota, make_plan(ota, ask, out));
}

/*
 * Would the next boot install image `image`'s secondary slot if it were
 * asked to? The planner says, as it will say to the bootloader. 0 or an
 * errno; `reason` gets the image library's reason, `f` the image's facts.
 */
static int check_update(struct ota *ota, unsigned int image, int *reason,
			struct image_facts *f)
{
	struct boot_plan_ask ask = { image, 0 };
	struct boot_plan_image *pi = &ota->plan[image];
	int rc = make_plan(ota, &ask, ota->plan);

	*reason = IMAGE_OK;
	if (rc != 0)
		return rc;
	*f = pi->update;
	switch (pi->why) {
	case BOOT_PLAN_APPLY:
		return 0;
	case BOOT_PLAN_INVALID:
		*reason = pi->image_error;
		return errno_of_image_error(pi->image_error);
	case BOOT_PLAN_REFUSED:
		return pi->rule == BOOT_RULE_TOO_LARGE ? -EFBIG :
		       pi->rule == BOOT_RULE_DOWNGRADE ? -ERANGE : -EPERM;
	case BOOT_PLAN_DEPENDENCY:
		return -ENOENT;
	default:
		return -EINVAL;
	}
}

int ota_stage_begin(struct ota *ota, unsigned int image, struct ota_stage *st)
{
	struct ota_image_slots *s;
	struct boot_slots slots;
	uint32_t trailer, start;
	int rc;

	if (image >= ota->cfg.nimages)
		return -ENODEV;
	lock(ota);
	s = &ota->img[image];
	if ((ota->open_stages & (1u << image)) || (rc = on_trial(ota, image)) == 1)
		return unlock(ota, -EBUSY);
	if (rc < 0)
		return unlock(ota, rc);
	memset(st, 0, sizeof(*st));
	st->ota = ota;
	st->image = image;
	slots = slots_of(ota, image);
	st->limit = boot_max_image_size(ota->cfg.upgrade, &slots);
	trailer = flash_area_size(&s->secondary) - boot_trailer_size(&s->geo_secondary);
	if (st->limit > trailer - slots.stage_offset)
		st->limit = trailer - slots.stage_offset;
	/* Withdraw any earlier request before anything else changes. */
	start = boot_trailer_sector_start(&s->secondary, &s->geo_secondary);
	if (flash_area_erase_sectors(&s->secondary, start,
				     flash_area_size(&s->secondary) - start) != 0)
		return unlock(ota, -EIO);
	/* Written where the strategy stages; the trailer's sectors were erased. */
	flash_stream_init(&st->out, &s->stage.fa, start - slots.stage_offset);
	ota->open_stages |= 1u << image;
	return unlock(ota, 0);
}

static int stage_open(const struct ota_stage *st)
{
	return st->ota != NULL && !st->finished &&
	       (st->ota->open_stages & (1u << st->image));
}

int ota_stage_write(struct ota_stage *st, const void *data, size_t len)
{
	struct ota *ota = st->ota;
	int rc;

	if (!stage_open(st))
		return -EINVAL;
	lock(ota);
	if (len > st->limit - st->out.written) {
		st->reason = 0;
		return unlock(ota, -EFBIG);
	}
	rc = flash_stream_write(&st->out, data, len);
	return unlock(ota, rc);
}

int ota_stage_finish(struct ota_stage *st)
{
	struct ota *ota = st->ota;
	struct ota_image_slots *s;
	uint8_t raw[IMAGE_HEADER_ENCODED_SIZE];
	struct image_header h;
	int rc;

	if (!stage_open(st))
		return -EINVAL;
	lock(ota);
	s = &ota->img[st->image];
	rc = flash_stream_flush(&st->out);
	if (rc != 0)
		return unlock(ota, rc);
	st->reason = 0;
	if (st->out.written < sizeof(raw))
		return unlock(ota, -ENODATA);
	/* Fewer bytes than the header itself declares: cut short. */
	if (flash_area_read(&s->stage.fa, 0, raw, sizeof(raw)) != 0)
		return unlock(ota, -EIO);
	image_header_decode(&h, raw);
	if (h.magic == IMAGE_MAGIC &&
	    (uint64_t)h.hdr_size + h.img_size + h.protect_tlv_size > st->out.written)
		return unlock(ota, -ENODATA);
	rc = check_update(ota, st->image, &st->reason, &st->facts);
	if (rc == 0 && st->facts.size > st->out.written)
		rc = -ENODATA;
	if (rc == 0)
		st->finished = 1;
	return unlock(ota, rc);
}

void ota_stage_end(struct ota_stage *st)
{
	if (st->ota == NULL)
		return;
	lock(st->ota);
	st->ota->open_stages &= ~(1u << st->image);
	unlock(st->ota, 0);
	st->finished = 1;
}

int ota_stage_abort(struct ota_stage *st)
{
	struct ota *ota = st->ota;
	struct ota_image_slots *s;
	uint32_t start, size;
	int rc;

	if (ota == NULL || !(ota->open_stages & (1u << st->image)))
		return -EINVAL;
	lock(ota);
	s = &ota->img[st->image];
	/* The trailer was erased when the stage began: the header is enough. */
	rc = mtd_sector_at(s->stage.fa.win.mtd.geo, 0, &start, &size) ||
	     flash_area_erase(&s->stage.fa, start, size) ? -EIO : 0;
	ota->open_stages &= ~(1u << st->image);
	st->finished = 1;
	return unlock(ota, rc);
}

int ota_mark_pending(struct ota *ota, unsigned int image, int permanent)
{
	struct ota_image_slots *s;
	struct image_facts f;
	int reason, rc;

	if (image >= ota->cfg.nimages)
		return -ENODEV;
	lock(ota);
	s = &ota->img[image];
	if (ota->open_stages & (1u << image))
		return unlock(ota, -EBUSY);
	rc = check_update(ota, image, &reason, &f);
	if (rc == 0)
		rc = boot_request_upgrade(&s->secondary.win.mtd, &s->geo_secondary,
					  (uint8_t)image, permanent) ? -EIO : 0;
	return unlock(ota, rc);
}

int ota_confirm(struct ota *ota, unsigned int image)
{
	struct ota_image_slots *s;
	struct boot_trailer p;
	int rc;

	if (image >= ota->cfg.nimages)
		return -ENODEV;
	lock(ota);
	s = &ota->img[image];
	rc = read_trailer(&s->primary, &s->geo_primary, &p);
	if (rc == 0 && (p.magic == BOOT_MAGIC_UNSET || p.image_ok != BOOT_FLAG_UNSET))
		rc = -EALREADY;
	if (rc == 0) {
		rc = boot_confirm(&s->primary.win.mtd, &s->geo_primary);
		if (rc != 0 && rc != -EBADMSG)
			rc = -EIO;
	}
	return unlock(ota, rc);
}

static void slot_state(struct ota *ota, struct flash_area *fa,
		       struct ota_slot_state *out)
{
	struct image_facts f;
	int rc = image_validate(&fa->win.mtd, ota->cfg.policy, &f);

	memset(out, 0, sizeof(*out));
	out->content = rc == IMAGE_OK ? OTA_SLOT_VALID :
		       rc == IMAGE_ERR_EMPTY ? OTA_SLOT_EMPTY : OTA_SLOT_INVALID;
	out->reason = rc;
	if (rc == IMAGE_OK) {
		out->version = f.hdr.version;
		memcpy(out->hash, f.digest, f.digest_len);
		out->hash_len = (uint8_t)f.digest_len;
		out->bootable = !(f.hdr.flags & IMAGE_F_NON_BOOTABLE);
	}
}

int ota_read_state(struct ota *ota, struct ota_state *out)
{
	int rc;

	lock(ota);
	memset(out, 0, sizeof(*out));
	out->nimages = ota->cfg.nimages;
	rc = make_plan(ota, NULL, ota->plan);
	for (unsigned int i = 0; i < ota->cfg.nimages && rc == 0; i++) {
		struct ota_image_slots *s = &ota->img[i];
		struct ota_image_state *st = &out->img[i];
		struct boot_trailer p;
		struct image_facts f;

		rc = read_trailer(&s->primary, &s->geo_primary, &p);
		if (rc != 0)
			break;
		st->confirmed = !boot_trailer_on_trial(&p);
		st->pending = ota->plan[i].action;
		st->pending_why = ota->plan[i].why;
		slot_state(ota, &s->primary, &st->primary);
		/*
		 * A staged update, else what a swap left at the secondary's
		 * start (the old image; on trial, what a revert puts back).
		 */
		slot_state(ota, &s->stage.fa, &st->secondary);
		if (st->secondary.content != OTA_SLOT_VALID || !st->confirmed)
			slot_state(ota, &s->secondary, &st->secondary);
		if (image_inspect(&s->primary.win.mtd, &f) == IMAGE_OK)
			st->running = f.hdr.version;
	}
	return unlock(ota, rc);
}

const char *ota_strerror(int err)
{
	switch (err) {
	case 0: return "done";
	case -ENODEV: return "no such image";
	case -EBUSY: return "busy: the image is on trial (confirm it or let it "
			    "revert first), or a stage of it is open";
	case -EFBIG: return "larger than the bootloader can install in this slot";
	case -ENODATA: return "incomplete: nothing, or less than the image's "
			      "size, was staged";
	case -EBADMSG: return "not a valid image (header, TLVs, hash or signature)";
	case -EACCES: return "signed by a key this device does not trust";
	case -ERANGE: return "version lower than the running one (downgrade "
			     "prevention)";
	case -EPERM: return "security counter lower than the device's";
	case -ENOENT: return "depends on an image version this device will not run";
	case -EALREADY: return "nothing to confirm: the running image stays already";
	case -EINVAL: return "invalid call or argument";
	case -ENOMEM: return "the crypto heap is too small";
	case -EIO: return "flash error";
	default: return "unknown error";
	}
}
