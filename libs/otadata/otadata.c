/* libs/otadata/otadata.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * otadata entries and the decisions made on them, as ESP-IDF v5.5's
 * bootloader_utility.c and esp_ota_ops.c make them (section 4 of
 * ../shared/docs/esp-formats.md). Pure functions except the three I/O
 * calls at the end.
 */
#include "libs/otadata/otadata.h"

#include "drivers/mtd/mtd.h"
#include "libs/util/crc32.h"
#include "libs/util/le.h"

#include <errno.h>
#include <string.h>

uint32_t otadata_crc(uint32_t seq)
{
	/* The sequence number's 4 bytes, register seeded with ~0xffffffff =
	 * 0 by the ROM's pre-inversion, output inverted. */
	uint8_t b[4];

	put_le32(b, seq);
	return ~crc32_le_update(0, b, sizeof(b));
}

void otadata_entry_decode(const uint8_t buf[OTADATA_ENTRY_LEN],
			  struct otadata_entry *e)
{
	e->seq = get_le32(buf);
	memcpy(e->label, buf + 4, OTADATA_LABEL_LEN);
	e->state = get_le32(buf + 24);
	e->crc = get_le32(buf + 28);
}

void otadata_entry_encode(const struct otadata_entry *e,
			  uint8_t buf[OTADATA_ENTRY_LEN])
{
	put_le32(buf, e->seq);
	memcpy(buf + 4, e->label, OTADATA_LABEL_LEN);
	put_le32(buf + 24, e->state);
	put_le32(buf + 28, e->crc);
}

void otadata_entry_blank(struct otadata_entry *e)
{
	memset(e, 0xff, sizeof(*e));
}

void otadata_decode(const uint8_t *buf, struct otadata_entry e[2])
{
	otadata_entry_decode(buf, &e[0]);
	otadata_entry_decode(buf + OTADATA_SECTOR, &e[1]);
}

int otadata_entry_invalid(const struct otadata_entry *e)
{
	return e->seq == OTADATA_SEQ_ERASED ||
	       e->state == OTADATA_STATE_INVALID ||
	       e->state == OTADATA_STATE_ABORTED;
}

int otadata_entry_valid(const struct otadata_entry *e)
{
	return !otadata_entry_invalid(e) && e->crc == otadata_crc(e->seq);
}

int otadata_active(const struct otadata_entry e[2])
{
	int v0 = otadata_entry_valid(&e[0]), v1 = otadata_entry_valid(&e[1]);

	if (v0 && v1)
		return e[0].seq >= e[1].seq ? 0 : 1;
	if (v0)
		return 0;
	if (v1)
		return 1;
	return -1;
}

const char *otadata_state_name(uint32_t state)
{
	switch (state) {
	case OTADATA_STATE_NEW: return "NEW";
	case OTADATA_STATE_PENDING_VERIFY: return "PENDING_VERIFY";
	case OTADATA_STATE_VALID: return "VALID";
	case OTADATA_STATE_INVALID: return "INVALID";
	case OTADATA_STATE_ABORTED: return "ABORTED";
	case OTADATA_STATE_UNDEFINED: return "UNDEFINED";
	default: return "unknown";
	}
}

/* Erased seq or a CRC that does not match: what "initial contents" means
 * to ESP-IDF's bootloader (state not looked at). */
static int entry_blank_or_bad_crc(const struct otadata_entry *e)
{
	return e->seq == OTADATA_SEQ_ERASED || e->crc != otadata_crc(e->seq);
}

void otadata_choose(const struct otadata_entry e[2],
		    const struct otadata_layout *l, struct otadata_choice *c)
{
	struct otadata_entry *w = c->new_entry;

	memset(c, 0, sizeof(*c));
	memcpy(w, e, 2 * sizeof(*w));
	c->active = -1;
	if (!l->has_otadata) {
		c->start = OTADATA_FACTORY;
		c->why = OTADATA_WHY_NO_OTADATA;
		return;
	}
	/* Step 2: an app that did not confirm itself on its trial boot. */
	for (int i = 0; l->rollback && i < 2; i++) {
		if (w[i].state == OTADATA_STATE_PENDING_VERIFY) {
			w[i].state = OTADATA_STATE_ABORTED;
			c->write[i] = 1;
		}
	}
	/* Step 3. */
	if ((otadata_entry_invalid(&w[0]) && otadata_entry_invalid(&w[1])) ||
	    l->ota_count == 0) {
		c->why = l->ota_count == 0 ? OTADATA_WHY_NO_OTA_APPS
					   : OTADATA_WHY_BOTH_INVALID;
		if (l->has_factory) {
			c->start = OTADATA_FACTORY;
		} else {
			c->start = 0;
			c->init_on_boot = entry_blank_or_bad_crc(&w[0]) &&
					  entry_blank_or_bad_crc(&w[1]);
		}
		return;
	}
	/* Steps 4-6. */
	c->active = otadata_active(w);
	if (c->active < 0) {
		c->why = OTADATA_WHY_NO_ACTIVE;
		c->start = OTADATA_FACTORY; /* or every app in order */
		return;
	}
	c->why = OTADATA_WHY_ACTIVE;
	c->start = (int)((w[c->active].seq - 1u) % l->ota_count);
	if (l->rollback && w[c->active].state == OTADATA_STATE_NEW) {
		w[c->active].state = OTADATA_STATE_PENDING_VERIFY;
		c->write[c->active] = 1;
	}
	c->active_was_valid = w[c->active].state == OTADATA_STATE_VALID;
}

unsigned int otadata_candidates(int start, const struct otadata_layout *l,
				int out[OTADATA_MAX_OTA + 2])
{
	unsigned int n = 0;
	int count = (int)(l->ota_count > OTADATA_MAX_OTA ? OTADATA_MAX_OTA
							  : l->ota_count);

	for (int i = start; i >= OTADATA_FACTORY; i--)
		if (i == OTADATA_FACTORY ? l->has_factory : i < count)
			out[n++] = i;
	for (int i = start + 1; i < count; i++)
		if (i >= 0)
			out[n++] = i;
	if (l->has_test)
		out[n++] = OTADATA_TEST;
	return n;
}

void otadata_initial(unsigned int k, struct otadata_entry *e)
{
	otadata_entry_blank(e);
	e->seq = k + 1u;
	e->state = OTADATA_STATE_VALID;
	e->crc = otadata_crc(e->seq);
}

int otadata_set_boot(const struct otadata_entry e[2], unsigned int k,
		     unsigned int ota_count, int rollback, int *sector,
		     struct otadata_entry *out)
{
	int active = otadata_active(e);
	uint64_t seq;

	if (ota_count == 0 || k >= ota_count)
		return -EINVAL;
	if (active >= 0) {
		uint64_t base = (k + 1u) % ota_count, s = e[active].seq;

		/* A valid seq 0 (CRC 0xffffffff) would give seq 0 for the last
		 * slot, which names slot 0xffffffff mod N: start at 1. */
		if (s == 0)
			s = 1;
		uint64_t i = s <= base ? 0 : (s - base + ota_count - 1) / ota_count;

		seq = base + i * ota_count;
		*sector = !active;
	} else {
		seq = k + 1u;
		*sector = 0;
	}
	if (seq >= OTADATA_SEQ_ERASED)
		return -EOVERFLOW;
	*out = e[*sector];
	out->seq = (uint32_t)seq;
	out->state = rollback ? OTADATA_STATE_NEW : OTADATA_STATE_UNDEFINED;
	out->crc = otadata_crc(out->seq);
	return 0;
}

int otadata_mark(const struct otadata_entry e[2], int valid, int *sector,
		 struct otadata_entry *out)
{
	int active = otadata_active(e);

	if (active < 0)
		return -ENOENT;
	if (valid && e[active].state == OTADATA_STATE_VALID)
		return 1;
	*sector = active;
	*out = e[active];
	out->state = valid ? OTADATA_STATE_VALID : OTADATA_STATE_INVALID;
	out->crc = otadata_crc(out->seq);
	return 0;
}

int otadata_active_slot(const struct otadata_entry e[2],
			unsigned int ota_count)
{
	int active = otadata_active(e);

	if (active < 0 || ota_count == 0)
		return -1;
	return (int)((e[active].seq - 1u) % ota_count);
}

int otadata_read(struct mtd_dev *dev, struct otadata_entry e[2])
{
	uint8_t buf[OTADATA_ENTRY_LEN];

	for (int i = 0; i < 2; i++) {
		int rc = mtd_read(dev, (uint32_t)i * OTADATA_SECTOR, buf,
				  sizeof(buf));

		if (rc < 0)
			return rc;
		otadata_entry_decode(buf, &e[i]);
	}
	return 0;
}

int otadata_write_entry(struct mtd_dev *dev, int sector,
			const struct otadata_entry *e)
{
	uint8_t buf[OTADATA_ENTRY_LEN];
	uint32_t off = (uint32_t)sector * OTADATA_SECTOR;
	int rc;

	if (sector != 0 && sector != 1)
		return -EINVAL;
	rc = mtd_erase(dev, off, OTADATA_SECTOR);
	if (rc < 0)
		return rc;
	/* The CRC last, in a program of its own: an entry whose program
	 * was torn keeps an erased CRC (no seq this library writes has CRC
	 * 0xffffffff: that is seq 0), so it never reads as valid with a
	 * half-written state. The bytes end as ESP-IDF's one program
	 * leaves them. */
	otadata_entry_encode(e, buf);
	memset(buf + OTADATA_ENTRY_LEN - 4, 0xff, 4);
	rc = mtd_program(dev, off, buf, sizeof(buf));
	if (rc < 0)
		return rc;
	otadata_entry_encode(e, buf);
	return mtd_program(dev, off, buf, sizeof(buf));
}

int otadata_erase(struct mtd_dev *dev)
{
	return mtd_erase(dev, 0, OTADATA_SIZE);
}
