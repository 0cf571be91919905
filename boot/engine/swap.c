/* boot/engine/swap.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "arch/arch.h"
#include "boot/engine/swap.h"
#include "libs/log/log.h"

#include <errno.h>
#include <string.h>

#define RECORD_DONE 0x01

static uint32_t record_off(const struct boot_trailer_geo *g, uint32_t k)
{
	return g->slot_size - boot_trailer_size(g) + k * g->write_size;
}

/* 1 when record k reads as anything but erased, 0, or a negative errno. */
static int record_done(struct boot_image *bi, uint32_t k)
{
	const struct boot_trailer_geo *g = &bi->geo_primary;
	uint8_t buf[32];
	int rc = mtd_read(&bi->primary->win.mtd, record_off(g, k), buf,
			  g->write_size);

	if (rc != 0)
		return rc;
	for (uint32_t i = 0; i < g->write_size; i++)
		if (buf[i] != g->erased)
			return 1;
	return 0;
}

static int record_write(struct boot_image *bi, uint32_t k)
{
	const struct boot_trailer_geo *g = &bi->geo_primary;
	uint8_t buf[32];

	memset(buf, g->erased, g->write_size);
	buf[0] = RECORD_DONE;
	return mtd_program(&bi->primary->win.mtd, record_off(g, k), buf,
			   g->write_size);
}

static int erase_trailer(struct flash_area *fa, const struct boot_trailer_geo *g)
{
	uint32_t start = boot_trailer_sector_start(fa, g);

	return flash_area_erase_sectors(fa, start, g->slot_size - start);
}

/* 1 when the slot's trailer sectors read as erased, 0, or a negative errno. */
static int trailer_erased(struct flash_area *fa, const struct boot_trailer_geo *g)
{
	uint8_t buf[64];
	uint32_t off = boot_trailer_sector_start(fa, g);

	while (off < g->slot_size) {
		uint32_t n = g->slot_size - off < sizeof(buf) ?
			     g->slot_size - off : (uint32_t)sizeof(buf);
		int rc = flash_area_read(fa, off, buf, n);

		if (rc != 0)
			return rc;
		for (uint32_t i = 0; i < n; i++)
			if (buf[i] != g->erased)
				return 0;
		off += n;
	}
	return 1;
}

static int in_progress(const struct boot_trailer *p)
{
	return p->magic == BOOT_MAGIC_GOOD && p->copy_done == BOOT_FLAG_UNSET &&
	       (p->swap_type == BOOT_SWAP_TEST || p->swap_type == BOOT_SWAP_PERM ||
		p->swap_type == BOOT_SWAP_REVERT);
}

/* Steps 3 to 5 of a swap whose primary trailer is written (swap.h). */
static int swap_continue(struct boot_engine *e, unsigned int img,
			 const struct swap_method *m, const struct boot_trailer *p)
{
	struct boot_image *bi = &e->images[img];
	const struct boot_strategy_desc *sp = e->strategy->desc;
	struct boot_slots slots = boot_engine_slots(e, img);
	uint32_t sector = boot_swap_sector(&slots, sp);
	uint32_t limit, n, steps, k = 0;
	int rc = 0;

	if (sector == 0)
		return -EINVAL;
	limit = boot_swap_max_sectors(&slots, sp, sector);
	n = (p->swap_size + sector - 1) / sector;
	if (n > limit)
		n = limit; /* only this bootloader writes swap_size; be sure regardless */
	steps = n * sp->status_records;
	while (k < steps && (rc = record_done(bi, k)) == 1)
		k++;
	if (rc < 0)
		return rc;
	if (k == 0 && (rc = erase_trailer(bi->secondary, &bi->geo_secondary)) != 0)
		return rc;
	for (; k < steps; k++) {
		arch_wdt_feed();
		if ((rc = m->step(e, img, n, sector, k)) != 0 ||
		    (rc = record_write(bi, k)) != 0)
			return rc;
	}
	return boot_trailer_write_copy_done(&bi->primary->win.mtd, &bi->geo_primary);
}

int swap_resume(struct boot_engine *e, unsigned int img, const struct swap_method *m)
{
	struct boot_image *bi = &e->images[img];
	struct boot_trailer p;
	int rc = boot_trailer_read(&bi->primary->win.mtd, &bi->geo_primary, &p);

	if (rc != 0 || !in_progress(&p))
		return rc;
	log_info("boot: image %u: finishing an interrupted %s swap",
		 img, boot_swap_type_name(p.swap_type));
	bi->swap = p.swap_type;
	bi->resumed = 1;
	return swap_continue(e, img, m, &p);
}

/*
 * Step 1: make the revert survive the erasing of the primary's trailer.
 * image_ok and swap_info go before the magic, so until the magic is there
 * the slot asks for nothing. The swap being reverted erased the
 * secondary's trailer (its step 3): erased again only when it is not, so
 * a revert costs no more erases than the upgrade.
 */
static int write_revert_request(struct boot_image *bi, unsigned int img)
{
	struct mtd_dev *s = &bi->secondary->win.mtd;
	int rc = trailer_erased(bi->secondary, &bi->geo_secondary);

	if (rc >= 0)
		rc = rc == 1 ? 0 : erase_trailer(bi->secondary, &bi->geo_secondary);

	if (rc == 0)
		rc = boot_trailer_write_image_ok(s, &bi->geo_secondary);
	if (rc == 0)
		rc = boot_trailer_write_swap_info(s, &bi->geo_secondary, img,
						  BOOT_SWAP_REVERT);
	if (rc == 0)
		rc = boot_trailer_write_magic(s, &bi->geo_secondary);
	return rc;
}

int swap_upgrade(struct boot_engine *e, unsigned int img,
		 enum boot_swap_type type, const struct swap_method *m)
{
	struct boot_image *bi = &e->images[img];
	struct mtd_dev *pri = &bi->primary->win.mtd;
	const struct boot_trailer_geo *g = &bi->geo_primary;
	struct boot_trailer s, p;
	uint32_t size = bi->plan.update.size;
	uint32_t limit = boot_engine_max_image_size(e, img);
	int rc;

	if (bi->plan.running.size > size)
		size = bi->plan.running.size;
	if (size > limit) {
		log_warn("boot: image %u: the running image does not fit a swap; "
			 "its last %u bytes will not survive in the secondary "
			 "slot", img, (unsigned)(size - limit));
		size = limit;
	}
	rc = boot_trailer_read(&bi->secondary->win.mtd, &bi->geo_secondary, &s);
	if (rc != 0)
		return rc;
	/* A revert restarted after a cut finds its request already there. */
	if (type == BOOT_SWAP_REVERT &&
	    !(s.magic == BOOT_MAGIC_GOOD && s.image_ok == BOOT_FLAG_SET &&
	      s.swap_type == BOOT_SWAP_REVERT)) {
		rc = write_revert_request(bi, img);
		if (rc == 0)
			rc = boot_trailer_read(&bi->secondary->win.mtd,
					       &bi->geo_secondary, &s);
		if (rc != 0)
			return rc;
	}
	rc = erase_trailer(bi->primary, g);
	if (rc == 0)
		rc = boot_trailer_write_swap_info(pri, g, img, type);
	if (rc == 0 && s.image_ok == BOOT_FLAG_SET)
		rc = boot_trailer_write_image_ok(pri, g);
	if (rc == 0)
		rc = boot_trailer_write_swap_size(pri, g, size);
	if (rc == 0)
		rc = boot_trailer_write_magic(pri, g);
	if (rc == 0)
		rc = boot_trailer_read(pri, g, &p);
	if (rc != 0)
		return rc;
	return swap_continue(e, img, m, &p);
}
