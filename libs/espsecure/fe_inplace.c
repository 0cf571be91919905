/* libs/espsecure/fe_inplace.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/espsecure/fe_inplace.h"

#include <errno.h>
#include <string.h>

#define CHUNK CRYPTO_XTS_UNIT

/* Journal records are one program unit (at least 4 bytes) each. */
static uint32_t record_size(const struct fe_inplace *p)
{
	uint32_t u = p->raw->geo->program_unit;

	return u < 4 ? 4 : u;
}

/* Sector number `k` of the ranges: its offset and size. -ENOENT past the end. */
static int sector_nth(const struct fe_inplace *p, unsigned int k, uint32_t *off,
		      uint32_t *size)
{
	for (unsigned int r = 0; r < p->nranges; r++) {
		uint32_t at = p->ranges[r].start;

		while (at < p->ranges[r].end) {
			uint32_t start, sz;
			int rc = mtd_sector_at(p->raw->geo, at, &start, &sz);

			if (rc < 0)
				return rc;
			if (k-- == 0) {
				*off = at;
				*size = sz;
				return 0;
			}
			at += sz;
		}
	}
	return -ENOENT;
}

static int check_layout(const struct fe_inplace *p, unsigned int *total)
{
	uint32_t s_start, s_size, j_start, j_size, off, size, biggest = 0;
	unsigned int n = 0;

	if (mtd_sector_at(p->raw->geo, p->scratch_off, &s_start, &s_size) < 0 ||
	    mtd_sector_at(p->raw->geo, p->journal_off, &j_start, &j_size) < 0 ||
	    s_start != p->scratch_off || j_start != p->journal_off)
		return -EINVAL;
	if (p->journal_size != 0) {
		uint64_t j_end = (uint64_t)p->journal_off + p->journal_size;
		uint32_t start, sz;

		if (j_end > p->raw->geo->size ||
		    (j_end < p->raw->geo->size &&
		     (mtd_sector_at(p->raw->geo, (uint32_t)j_end, &start, &sz) < 0 ||
		      start != j_end)))
			return -EINVAL;
		j_size = p->journal_size;
	}
	if (s_start < p->journal_off + j_size && s_start + s_size > p->journal_off)
		return -EINVAL;
	for (unsigned int r = 0; r < p->nranges; r++) {
		const struct mtd_xts_range *g = &p->ranges[r];
		uint32_t start, sz;

		if (mtd_sector_at(p->raw->geo, g->start, &start, &sz) < 0 ||
		    start != g->start || g->end <= g->start ||
		    (g->end != p->raw->geo->size &&
		     (mtd_sector_at(p->raw->geo, g->end, &start, &sz) < 0 ||
		      start != g->end)) ||
		    (r > 0 && g->start < p->ranges[r - 1].end))
			return -EINVAL;
		if ((p->scratch_off < g->end && p->scratch_off + s_size > g->start) ||
		    (p->journal_off < g->end && p->journal_off + j_size > g->start))
			return -EINVAL;
	}
	while (sector_nth(p, n, &off, &size) == 0) {
		if (size > biggest)
			biggest = size;
		if (size % CHUNK != 0)
			return -EINVAL;
		n++;
	}
	if (biggest > s_size)
		return -EINVAL;
	if ((uint64_t)n * 2 * record_size(p) > j_size)
		return -ENOSPC;
	*total = n;
	return 0;
}

/* Leading journal records that are not erased. */
static int journal_count(const struct fe_inplace *p, unsigned int max,
			 unsigned int *count)
{
	uint32_t rs = record_size(p);
	uint8_t rec[32];
	unsigned int n;

	for (n = 0; n < max; n++) {
		int rc = mtd_read(p->raw, p->journal_off + n * rs, rec, rs);
		int erased = 1;

		if (rc < 0)
			return rc;
		for (uint32_t i = 0; i < rs; i++)
			erased &= rec[i] == p->raw->geo->erased_value;
		if (erased)
			break;
	}
	*count = n;
	return 0;
}

static int journal_add(const struct fe_inplace *p, unsigned int n)
{
	uint32_t rs = record_size(p);
	uint8_t rec[32];
	int rc;

	memset(rec, p->raw->geo->erased_value ^ 0xa5, rs);
	rc = mtd_program(p->raw, p->journal_off + n * rs, rec, rs);
	return rc < 0 ? rc : mtd_sync(p->raw);
}

/* Step 1: the sector's plaintext into the scratch sector. */
static int copy_to_scratch(const struct fe_inplace *p, uint32_t off,
			   uint32_t size)
{
	uint32_t s_start, s_size;
	uint8_t buf[CHUNK];
	int rc = mtd_sector_at(p->raw->geo, p->scratch_off, &s_start, &s_size);

	if (rc == 0)
		rc = mtd_erase(p->raw, p->scratch_off, s_size);
	for (uint32_t at = 0; rc == 0 && at < size; at += CHUNK) {
		rc = mtd_read(p->raw, off + at, buf, CHUNK);
		if (rc == 0)
			rc = mtd_program(p->raw, p->scratch_off + at, buf, CHUNK);
	}
	memset(buf, 0, sizeof(buf));
	return rc < 0 ? rc : mtd_sync(p->raw);
}

/* Program the granules of `ct` whose plaintext `pt` is not all erased. */
static int program_written(const struct fe_inplace *p, uint32_t off,
			   const uint8_t *pt, const uint8_t *ct)
{
	uint8_t erased = p->raw->geo->erased_value;
	uint32_t run = 0, n = 0;
	int rc = 0;

	for (uint32_t g = 0; g <= CHUNK && rc == 0; g += CRYPTO_XTS_GRANULE) {
		int blank = g < CHUNK;

		for (uint32_t i = 0; blank && i < CRYPTO_XTS_GRANULE; i++)
			blank = pt[g + i] == erased;
		if (g < CHUNK && !blank) {
			if (n == 0)
				run = g;
			n += CRYPTO_XTS_GRANULE;
			continue;
		}
		if (n > 0)
			rc = mtd_program(p->raw, off + run, ct + run, n);
		n = 0;
	}
	return rc;
}

/*
 * Step 2: the sector erased and programmed encrypted from the scratch
 * copy. Erased granules stay erased (mtd_xts reads them as erased), so
 * trailers and unused slot space can still be written after encryption.
 */
static int encrypt_from_scratch(const struct fe_inplace *p, uint32_t off,
				uint32_t size)
{
	uint8_t buf[CHUNK], ct[CHUNK];
	int rc = mtd_erase(p->raw, off, size);

	for (uint32_t at = 0; rc == 0 && at < size; at += CHUNK) {
		rc = mtd_read(p->raw, p->scratch_off + at, buf, CHUNK);
		if (rc == 0)
			rc = crypto_esp_xts_crypt(p->xts, 1, p->flash_base + off + at,
						  buf, ct, CHUNK);
		if (rc == 0)
			rc = program_written(p, off + at, buf, ct);
	}
	memset(ct, 0, sizeof(ct));
	memset(buf, 0, sizeof(buf));
	return rc < 0 ? rc : mtd_sync(p->raw);
}

int fe_inplace_progress(const struct fe_inplace *p, unsigned int *done,
			unsigned int *total)
{
	unsigned int n;
	int rc = check_layout(p, total);

	if (rc == 0)
		rc = journal_count(p, 2 * *total, &n);
	if (rc == 0)
		*done = n / 2;
	return rc;
}

int fe_encrypt_in_place(const struct fe_inplace *p)
{
	unsigned int total, n;
	int rc = check_layout(p, &total);

	if (rc == 0)
		rc = journal_count(p, 2 * total, &n);
	while (rc == 0 && n < 2 * total) {
		uint32_t off, size;

		rc = sector_nth(p, n / 2, &off, &size);
		if (rc == 0)
			rc = n % 2 == 0 ? copy_to_scratch(p, off, size)
					: encrypt_from_scratch(p, off, size);
		if (rc == 0)
			rc = journal_add(p, n);
		n++;
	}
	return rc;
}
