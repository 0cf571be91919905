/* boot/agent/ota_espidf.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ESP-IDF's OTA API (esp_ota_ops.c, v5.5) on libs/otadata: the decisions
 * and the bytes are the library's, shared with the loader and `slipway
 * otadata`; this file holds the API's own rules (which partition may be
 * written, when, and what validates).
 */
#include "boot/agent/ota_espidf.h"

#include "drivers/mtd/mtd_window.h"

#include <errno.h>
#include <string.h>

static int is_ota(const struct ota_espidf *o, const struct esp_part *p)
{
	int k = p ? esp_part_ota_index(p) : -1;

	return k >= 0 && o->parts.ota[k] == p;
}

int ota_espidf_init(struct ota_espidf *o, const struct ota_espidf_config *cfg)
{
	char why[96];
	int rc;

	memset(o, 0, sizeof(*o));
	o->cfg = *cfg;
	rc = ota_parts_read(cfg->flash, cfg->table_offset, &o->parts, why,
			    sizeof(why));
	if (rc != 0)
		return rc < 0 && rc > -200 ? rc : -EINVAL;
	o->parts.layout.rollback = cfg->rollback;
	for (unsigned int i = 0; i < o->parts.table.count; i++)
		if (o->parts.table.parts[i].type == ESP_PART_TYPE_APP &&
		    o->parts.table.parts[i].offset == cfg->running_offset)
			o->running = &o->parts.table.parts[i];
	return o->running ? 0 : -ENOENT;
}

const struct esp_part *ota_espidf_running(const struct ota_espidf *o)
{
	return o->running;
}

static int read_entries(const struct ota_espidf *o, struct mtd_window *w,
			struct otadata_entry e[2])
{
	int rc;

	if (o->parts.otadata == NULL)
		return -ENOENT;
	rc = mtd_window_init(w, o->cfg.flash, o->parts.otadata->offset,
			     o->parts.otadata->size);
	return rc ? rc : otadata_read(&w->mtd, e);
}

const struct esp_part *ota_espidf_boot_partition(const struct ota_espidf *o)
{
	struct otadata_entry e[2];
	struct mtd_window w;
	int k;

	if (read_entries(o, &w, e) != 0)
		return o->parts.factory;
	k = otadata_active_slot(e, o->parts.layout.ota_count);
	if (k < 0)
		return o->parts.factory ? o->parts.factory : o->parts.ota[0];
	return o->parts.ota[k];
}

const struct esp_part *ota_espidf_next_update(const struct ota_espidf *o,
					      const struct esp_part *from)
{
	int k;

	if (from == NULL)
		from = o->running;
	k = is_ota(o, from) ? esp_part_ota_index(from) + 1 : 0;
	for (int i = 0; i < OTADATA_MAX_OTA; i++) {
		const struct esp_part *p = o->parts.ota[(k + i) % OTADATA_MAX_OTA];

		if (p != NULL && p != o->running)
			return p;
	}
	return NULL;
}

int ota_espidf_state(const struct ota_espidf *o, const struct esp_part *part,
		     uint32_t *state)
{
	struct otadata_entry e[2];
	struct mtd_window w;
	unsigned int n = o->parts.layout.ota_count;
	int rc;

	if (!is_ota(o, part))
		return -EINVAL;
	rc = read_entries(o, &w, e);
	if (rc != 0)
		return rc;
	for (int i = 0; i < 2; i++) {
		if (e[i].seq != OTADATA_SEQ_ERASED &&
		    e[i].crc == otadata_crc(e[i].seq) &&
		    (int)((e[i].seq - 1u) % n) == esp_part_ota_index(part)) {
			*state = e[i].state;
			return 0;
		}
	}
	return -ENOENT;
}

int ota_espidf_begin(struct ota_espidf *o, const struct esp_part *part,
		     uint32_t image_size, struct ota_espidf_handle *h)
{
	uint32_t state, erase;
	int rc;

	memset(h, 0, sizeof(*h));
	if (!is_ota(o, part))
		return -EINVAL;
	if (part == o->running)
		return -EBUSY;
	if (o->cfg.rollback && is_ota(o, o->running) &&
	    ota_espidf_state(o, o->running, &state) == 0 &&
	    state == OTADATA_STATE_PENDING_VERIFY)
		return -EBUSY; /* confirm or reject the running app first */
	if (image_size != OTA_ESPIDF_SIZE_UNKNOWN && image_size > part->size)
		return -EFBIG;
	rc = mtd_window_init(&h->fa.win, o->cfg.flash, part->offset, part->size);
	if (rc != 0)
		return rc;
	h->desc = (struct flash_area_desc){ .name = part->label,
		.role = FLASH_AREA_OTHER, .offset = part->offset,
		.size = part->size };
	h->fa.desc = &h->desc;
	/* Erase ahead, rounded up to whole sectors. */
	erase = image_size == OTA_ESPIDF_SIZE_UNKNOWN ? part->size
		: (image_size + 0xfffu) & ~0xfffu;
	if (erase > 0) {
		rc = flash_area_erase_sectors(&h->fa, 0, erase);
		if (rc != 0)
			return rc;
	}
	flash_stream_init(&h->stream, &h->fa, part->size);
	h->stream.erased_to = erase;
	h->o = o;
	h->part = part;
	h->open = 1;
	return 0;
}

int ota_espidf_write(struct ota_espidf_handle *h, const void *data, size_t len)
{
	if (!h->open)
		return -EINVAL;
	if (h->stream.written == 0 && len > 0 &&
	    ((const uint8_t *)data)[0] != ESP_IMAGE_MAGIC) {
		h->reason = ESP_IMAGE_ERR_MAGIC;
		return -EBADMSG;
	}
	if ((uint64_t)h->stream.written + len > h->part->size)
		return -EFBIG;
	return flash_stream_write(&h->stream, data, len);
}

static int validate(struct ota_espidf *o, const struct esp_part *part,
		    int *reason)
{
	struct ota_app_policy pol = o->cfg.app;
	struct esp_image img;
	int rc;

	pol.anti_rollback = o->cfg.counter != NULL;
	if (o->cfg.counter != NULL &&
	    moncnt_read(o->cfg.counter, o->cfg.counter_id,
			&pol.secure_version_min) != 0)
		return -EIO;
	rc = ota_app_check(o->cfg.flash, part, &pol, &img);
	if (reason)
		*reason = rc;
	if (rc == ESP_IMAGE_ERR_IO)
		return -EIO;
	return rc == 0 ? 0 : -EBADMSG;
}

int ota_espidf_end(struct ota_espidf_handle *h)
{
	int rc;

	if (!h->open)
		return -EINVAL;
	h->open = 0;
	rc = flash_stream_flush(&h->stream);
	if (rc != 0)
		return rc;
	if (h->stream.written == 0)
		return -EBADMSG;
	return validate(h->o, h->part, &h->reason);
}

void ota_espidf_abort(struct ota_espidf_handle *h)
{
	h->open = 0;
}

int ota_espidf_set_boot(struct ota_espidf *o, const struct esp_part *part)
{
	struct otadata_entry e[2], out;
	struct mtd_window w;
	int rc, sector;

	if (part == NULL || (part != o->parts.factory && !is_ota(o, part)))
		return -EINVAL;
	rc = validate(o, part, NULL);
	if (rc != 0)
		return rc;
	rc = read_entries(o, &w, e);
	if (rc != 0)
		return rc;
	if (part == o->parts.factory)
		return otadata_erase(&w.mtd);
	rc = otadata_set_boot(e, (unsigned int)esp_part_ota_index(part),
			      o->parts.layout.ota_count, o->cfg.rollback,
			      &sector, &out);
	if (rc != 0)
		return rc;
	return otadata_write_entry(&w.mtd, sector, &out);
}

/* The running app's secure_version raises the anti-rollback counter. */
static int raise_counter(struct ota_espidf *o)
{
	struct ota_app_policy pol = o->cfg.app;
	struct esp_image img;

	if (o->cfg.counter == NULL)
		return 0;
	pol.anti_rollback = 0;
	if (ota_app_check(o->cfg.flash, o->running, &pol, &img) != 0 ||
	    !img.has_app_desc)
		return -EBADMSG;
	return moncnt_raise(o->cfg.counter, o->cfg.counter_id,
			    img.app.secure_version);
}

int ota_espidf_mark_valid(struct ota_espidf *o)
{
	struct otadata_entry e[2], out;
	struct mtd_window w;
	int rc, sector;

	rc = read_entries(o, &w, e);
	if (rc != 0)
		return rc;
	rc = otadata_mark(e, 1, &sector, &out);
	if (rc < 0)
		return rc;
	/* Without rollback the loader treats UNDEFINED as VALID: rewriting
	 * the entry in place would only open a window in which a cut boots
	 * the older entry's app. */
	if (rc == 0 && o->cfg.rollback) {
		rc = otadata_write_entry(&w.mtd, sector, &out);
		if (rc != 0)
			return rc;
	}
	return raise_counter(o);
}

/* Something else that validates: what the loader would fall back to. */
static int rollback_possible(struct ota_espidf *o)
{
	const struct esp_part *c = o->parts.factory;

	if (c != NULL && validate(o, c, NULL) == 0)
		return 1;
	for (int k = 0; k < OTADATA_MAX_OTA; k++) {
		c = o->parts.ota[k];
		if (c != NULL && c != o->running && validate(o, c, NULL) == 0)
			return 1;
	}
	return 0;
}

int ota_espidf_mark_invalid(struct ota_espidf *o)
{
	struct otadata_entry e[2], out;
	struct mtd_window w;
	int rc, sector;

	rc = read_entries(o, &w, e);
	if (rc != 0)
		return rc;
	rc = otadata_mark(e, 0, &sector, &out);
	if (rc < 0)
		return rc;
	if (!rollback_possible(o))
		return -ECANCELED;
	return otadata_write_entry(&w.mtd, sector, &out);
}

const struct esp_part *ota_espidf_last_invalid(const struct ota_espidf *o)
{
	struct otadata_entry e[2];
	struct mtd_window w;
	unsigned int n = o->parts.layout.ota_count;

	if (read_entries(o, &w, e) != 0 || n == 0)
		return NULL;
	for (int i = 0; i < 2; i++)
		if ((e[i].state == OTADATA_STATE_INVALID ||
		     e[i].state == OTADATA_STATE_ABORTED) &&
		    e[i].seq != OTADATA_SEQ_ERASED &&
		    e[i].crc == otadata_crc(e[i].seq))
			return o->parts.ota[(e[i].seq - 1u) % n];
	return NULL;
}
