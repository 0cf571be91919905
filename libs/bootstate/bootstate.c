/* libs/bootstate/bootstate.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/bootstate/bootstate.h"
#include "libs/util/le.h"

#include <errno.h>
#include <string.h>

#define MAGIC_SIZE 16
#define FLAG_SET 0x01
#define MAX_FIELD 32 /* the largest field: the magic with max_align 32 */

static const uint8_t magic_legacy[MAGIC_SIZE] = {
	0x77, 0xc2, 0x95, 0xf3, 0x60, 0xd2, 0xef, 0x7f,
	0x35, 0x52, 0x50, 0x0f, 0x2c, 0xb6, 0x79, 0x80,
};
static const uint8_t magic_tail[MAGIC_SIZE - 2] = {
	0x2d, 0xe1, 0x5d, 0x29, 0x41, 0x0b, 0x8d, 0x77,
	0x67, 0x9c, 0x11, 0x0f, 0x1f, 0x8a,
};

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) / a * a;
}

/* The magic field: erased padding, then the 16 magic bytes at the very end. */
static uint32_t magic_field(const struct boot_trailer_geo *g)
{
	return align_up(MAGIC_SIZE, g->max_align);
}

void boot_magic_bytes(uint32_t max_align, uint8_t out[MAGIC_SIZE])
{
	if (max_align == 8) {
		memcpy(out, magic_legacy, MAGIC_SIZE);
	} else {
		put_le16(out, (uint16_t)max_align);
		memcpy(out + 2, magic_tail, sizeof(magic_tail));
	}
}

uint32_t boot_magic_max_align(const uint8_t m[MAGIC_SIZE])
{
	if (memcmp(m, magic_legacy, MAGIC_SIZE) == 0)
		return 8;
	if (memcmp(m + 2, magic_tail, sizeof(magic_tail)) == 0)
		return get_le16(m);
	return 0;
}

static void magic_bytes(const struct boot_trailer_geo *g, uint8_t out[MAGIC_SIZE])
{
	boot_magic_bytes(g->max_align, out);
}

int boot_trailer_geo_check(const struct boot_trailer_geo *g)
{
	if ((g->max_align != 8 && g->max_align != 16 && g->max_align != 32) ||
	    g->write_size == 0 || g->write_size > g->max_align ||
	    g->max_align % g->write_size != 0 || g->slot_size % g->max_align ||
	    g->records == 0 || g->max_sectors == 0 ||
	    (uint64_t)g->max_sectors * g->records * g->write_size +
		    4 * g->max_align + MAX_FIELD >= g->slot_size)
		return -EINVAL;
	return 0;
}

uint32_t boot_trailer_size(const struct boot_trailer_geo *g)
{
	return g->max_sectors * g->records * g->write_size + 4 * g->max_align +
	       magic_field(g);
}

uint32_t boot_trailer_magic_off(const struct boot_trailer_geo *g)
{
	return g->slot_size - magic_field(g);
}

uint32_t boot_trailer_image_ok_off(const struct boot_trailer_geo *g)
{
	return boot_trailer_magic_off(g) - g->max_align;
}

uint32_t boot_trailer_copy_done_off(const struct boot_trailer_geo *g)
{
	return boot_trailer_magic_off(g) - 2 * g->max_align;
}

uint32_t boot_trailer_swap_info_off(const struct boot_trailer_geo *g)
{
	return boot_trailer_magic_off(g) - 3 * g->max_align;
}

uint32_t boot_trailer_swap_size_off(const struct boot_trailer_geo *g)
{
	return boot_trailer_magic_off(g) - 4 * g->max_align;
}

static enum boot_flag_state flag_of(uint8_t v, uint8_t erased)
{
	if (v == erased)
		return BOOT_FLAG_UNSET;
	return v == FLAG_SET ? BOOT_FLAG_SET : BOOT_FLAG_BAD;
}

int boot_trailer_read(struct mtd_dev *slot, const struct boot_trailer_geo *g,
		      struct boot_trailer *t)
{
	uint8_t m[MAGIC_SIZE], want[MAGIC_SIZE], b[4];
	int rc, all_erased = 1;

	rc = mtd_read(slot, g->slot_size - MAGIC_SIZE, m, MAGIC_SIZE);
	if (rc != 0)
		return rc;
	magic_bytes(g, want);
	for (int i = 0; i < MAGIC_SIZE; i++)
		all_erased &= m[i] == g->erased;
	t->magic = all_erased ? BOOT_MAGIC_UNSET :
		   memcmp(m, want, MAGIC_SIZE) == 0 ? BOOT_MAGIC_GOOD :
		   BOOT_MAGIC_BAD;
	if ((rc = mtd_read(slot, boot_trailer_image_ok_off(g), b, 1)) != 0)
		return rc;
	t->image_ok = flag_of(b[0], g->erased);
	if ((rc = mtd_read(slot, boot_trailer_copy_done_off(g), b, 1)) != 0)
		return rc;
	t->copy_done = flag_of(b[0], g->erased);
	if ((rc = mtd_read(slot, boot_trailer_swap_info_off(g), b, 1)) != 0)
		return rc;
	/* An erased byte, or a type beyond REVERT, means no swap. */
	t->swap_type = b[0] == g->erased || (b[0] & 0x0f) > BOOT_SWAP_REVERT ||
		       (b[0] & 0x0f) == 0 ? BOOT_SWAP_NONE : (b[0] & 0x0f);
	t->image = b[0] == g->erased ? 0 : b[0] >> 4;
	if ((rc = mtd_read(slot, boot_trailer_swap_size_off(g), b, 4)) != 0)
		return rc;
	t->swap_size = get_le32(b);
	return 0;
}

/* Program `len` value bytes at `off`, padded with erased bytes to whole write units. */
static int write_field(struct mtd_dev *slot, const struct boot_trailer_geo *g,
		       uint32_t off, const uint8_t *value, uint32_t len)
{
	uint8_t buf[MAX_FIELD];
	uint32_t n = align_up(len, g->write_size);

	memset(buf, g->erased, n);
	memcpy(buf, value, len);
	return mtd_program(slot, off, buf, n);
}

int boot_trailer_write_magic(struct mtd_dev *slot, const struct boot_trailer_geo *g)
{
	uint8_t buf[MAX_FIELD];
	uint32_t field = magic_field(g);

	/* The whole field at once: erased padding, then the magic. */
	memset(buf, g->erased, field);
	magic_bytes(g, buf + field - MAGIC_SIZE);
	return write_field(slot, g, boot_trailer_magic_off(g), buf, field);
}

int boot_trailer_write_image_ok(struct mtd_dev *slot, const struct boot_trailer_geo *g)
{
	uint8_t v = FLAG_SET;

	return write_field(slot, g, boot_trailer_image_ok_off(g), &v, 1);
}

int boot_trailer_write_copy_done(struct mtd_dev *slot, const struct boot_trailer_geo *g)
{
	uint8_t v = FLAG_SET;

	return write_field(slot, g, boot_trailer_copy_done_off(g), &v, 1);
}

int boot_trailer_write_swap_info(struct mtd_dev *slot, const struct boot_trailer_geo *g,
				 uint8_t image, uint8_t swap_type)
{
	uint8_t v = (uint8_t)(image << 4 | (swap_type & 0x0f));

	if (image > 0x0f || swap_type < BOOT_SWAP_NONE || swap_type > BOOT_SWAP_REVERT)
		return -EINVAL;
	return write_field(slot, g, boot_trailer_swap_info_off(g), &v, 1);
}

int boot_trailer_write_swap_size(struct mtd_dev *slot, const struct boot_trailer_geo *g,
				 uint32_t swap_size)
{
	uint8_t v[4];

	put_le32(v, swap_size);
	return write_field(slot, g, boot_trailer_swap_size_off(g), v, 4);
}

enum boot_swap_type boot_swap_type_of(const struct boot_trailer *p,
				      const struct boot_trailer *s)
{
	if (s->magic == BOOT_MAGIC_GOOD && s->image_ok == BOOT_FLAG_UNSET)
		return BOOT_SWAP_TEST;
	if (s->magic == BOOT_MAGIC_GOOD && s->image_ok == BOOT_FLAG_SET)
		return BOOT_SWAP_PERM;
	if (p->magic == BOOT_MAGIC_GOOD && p->image_ok == BOOT_FLAG_UNSET &&
	    p->copy_done == BOOT_FLAG_SET)
		return BOOT_SWAP_REVERT;
	return BOOT_SWAP_NONE;
}

int boot_trailer_on_trial(const struct boot_trailer *p)
{
	return p->magic == BOOT_MAGIC_GOOD && p->copy_done != BOOT_FLAG_UNSET &&
	       p->image_ok == BOOT_FLAG_UNSET;
}

int boot_request_upgrade(struct mtd_dev *secondary, const struct boot_trailer_geo *g,
			 uint8_t image, int permanent)
{
	int rc = boot_trailer_write_magic(secondary, g);

	if (rc == 0 && permanent)
		rc = boot_trailer_write_image_ok(secondary, g);
	if (rc == 0)
		rc = boot_trailer_write_swap_info(secondary, g, image,
						  permanent ? BOOT_SWAP_PERM
							    : BOOT_SWAP_TEST);
	return rc;
}

int boot_confirm(struct mtd_dev *primary, const struct boot_trailer_geo *g)
{
	struct boot_trailer t;
	int rc = boot_trailer_read(primary, g, &t);

	if (rc != 0)
		return rc;
	/* Upstream's rules (boot_set_confirmed): no trailer = nothing to do. */
	if (t.magic == BOOT_MAGIC_UNSET)
		return 0;
	if (t.magic == BOOT_MAGIC_BAD || t.copy_done == BOOT_FLAG_UNSET)
		return -EBADMSG;
	if (t.image_ok != BOOT_FLAG_UNSET)
		return 0;
	return boot_trailer_write_image_ok(primary, g);
}
