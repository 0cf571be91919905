/* tests/boot/test_agent.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The update agent (boot/agent/ota.c) on the simulated flash, with the
 * boot engine as the judge of what it leaves: streaming in any chunk
 * sizes, the order of calls, the limits, the trial rule, dependencies,
 * and a power cut at every flash operation of a staging run (which must
 * never touch the running image nor leave anything the bootloader would
 * apply before the request is complete).
 */
#include "tests/test.h"

#include "boot/agent/ota.h"
#include "boot/engine/engine.h"
#include "drivers/mtd/sim_replay.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 0x1000u
#define NSECT 80u
#define PRI ((NSECT + 1) * SECTOR) /* swap-move: one spare sector */
#define SEC (NSECT * SECTOR)

static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };

struct dev {
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct flash_area_desc areas[5];
	struct flash_map map;
	struct ota ota;
	uint8_t *mem, *initial;
	uint32_t size;
	unsigned int nimages;
};

static struct boot_trailer_geo trailer_geo(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){ slot->geo->size, 8, 8, NSECT, 3, 0xff };
}

static uint8_t *vector(const char *name, size_t *len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "vectors/imgtool/%s/image.bin", name);
	return test_read_shared(rel, len);
}

/* A device with `n` images, `running` in image 0's primary (and a copy of
 * `other` in image 1's primary when n == 2). */
static void dev_init(struct dev *d, unsigned int n, const char *running,
		     const char *other)
{
	struct ota_config cfg = { .map = &d->map, .nimages = n, .policy = &policy,
				  .upgrade = BOOT_UPGRADE_SWAP_MOVE,
				  .trailer_geo = trailer_geo };
	unsigned int k = 0;
	size_t len;
	uint8_t *img;

	memset(d, 0, sizeof(*d));
	d->nimages = n;
	d->size = n * (PRI + SEC);
	d->region = (struct mtd_region){ SECTOR, d->size / SECTOR };
	d->geo = (struct mtd_geometry){ &d->region, 1, 8, 0xff, d->size };
	d->mem = malloc(d->size);
	d->initial = malloc(d->size);
	assert_non_null(d->mem);
	memset(d->mem, 0xff, d->size);
	assert_int_equal(sim_flash_init_ram(&d->fl, &d->geo, d->mem), 0);
	for (unsigned int i = 0; i < n; i++) {
		uint32_t base = i * (PRI + SEC);

		d->areas[k++] = (struct flash_area_desc){ i ? "p1" : "p0",
			FLASH_AREA_PRIMARY, (uint8_t)i, base, PRI };
		d->areas[k++] = (struct flash_area_desc){ i ? "s1" : "s0",
			FLASH_AREA_SECONDARY, (uint8_t)i, base + PRI, SEC };
	}
	assert_int_equal(flash_map_init(&d->map, &d->fl.mtd, d->areas, k,
					FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	img = vector(running, &len);
	memcpy(d->mem, img, len);
	free(img);
	if (n == 2) {
		img = vector(other, &len);
		memcpy(d->mem + PRI + SEC, img, len);
		free(img);
	}
	assert_int_equal(ota_init(&d->ota, &cfg), 0);
}

static void dev_free(struct dev *d)
{
	free(d->mem);
	free(d->initial);
}

/* One boot of the real engine on this device; its swap type for image 0. */
static enum boot_swap_type boot(struct dev *d, struct image_facts *f)
{
	struct boot_image imgs[2];
	struct boot_engine e = { .images = imgs, .nimages = d->nimages,
				 .policy = &policy, .strategy = &boot_strategy_swap_move };
	int saved = dup(1), null = open("/dev/null", O_WRONLY);

	for (unsigned int i = 0; i < d->nimages; i++)
		imgs[i] = (struct boot_image){ .primary = &d->ota.img[i].primary,
					       .secondary = &d->ota.img[i].secondary,
					       .geo_primary = d->ota.img[i].geo_primary,
					       .geo_secondary = d->ota.img[i].geo_secondary };
	fflush(stdout);
	dup2(null, 1); /* the engine's log */
	assert_int_equal(boot_engine_run(&e), 0);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(null);
	assert_int_equal(imgs[0].status, IMAGE_OK);
	*f = imgs[0].facts;
	return imgs[0].swap;
}

static int stage_chunked(struct dev *d, const uint8_t *img, size_t len, size_t chunk)
{
	struct ota_stage st;
	int rc = ota_stage_begin(&d->ota, 0, &st);

	for (size_t off = 0; rc == 0 && off < len; off += chunk)
		rc = ota_stage_write(&st, img + off, len - off < chunk ? len - off : chunk);
	if (rc == 0)
		rc = ota_stage_finish(&st);
	if (rc == 0)
		ota_stage_end(&st);
	else
		ota_stage_abort(&st);
	return rc;
}

static void test_any_chunk_size(void **state)
{
	static const size_t chunks[] = { 1, 3, 7, 8, 13, 512, 4095, 4096, 5000, 1 << 20 };
	size_t len;
	uint8_t *img = vector("ecdsa-p256", &len);

	(void)state;
	for (size_t i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		struct dev d;
		struct ota_state s;

		dev_init(&d, 1, "hash-only", NULL);
		assert_int_equal(stage_chunked(&d, img, len, chunks[i]), 0);
		assert_memory_equal(d.mem + PRI, img, len);
		assert_int_equal(ota_read_state(&d.ota, &s), 0);
		assert_int_equal(s.img[0].secondary.content, OTA_SLOT_VALID);
		assert_int_equal(s.img[0].secondary.version.minor, 2);
		assert_int_equal(s.img[0].pending, BOOT_SWAP_NONE);
		dev_free(&d);
	}
	free(img);
}

static void test_call_order_and_limits(void **state)
{
	struct dev d;
	struct ota_stage st, st2;
	size_t len;
	uint8_t *img = vector("ecdsa-p256", &len);
	static uint8_t big[SEC];

	(void)state;
	dev_init(&d, 1, "hash-only", NULL);
	assert_int_equal(ota_stage_begin(&d.ota, 1, &st), -ENODEV);
	assert_int_equal(ota_mark_pending(&d.ota, 0, 0), -ENODATA); /* nothing staged */
	assert_int_equal(ota_confirm(&d.ota, 0), -EALREADY);     /* no trailer */
	assert_int_equal(ota_stage_begin(&d.ota, 0, &st), 0);
	assert_int_equal(ota_stage_begin(&d.ota, 0, &st2), -EBUSY);
	assert_int_equal(ota_mark_pending(&d.ota, 0, 0), -EBUSY);
	/* past what the bootloader can install: refused, nothing written */
	memset(big, 0x5a, sizeof(big));
	assert_int_equal(ota_stage_write(&st, big, sizeof(big)), -EFBIG);
	assert_int_equal(st.out.written, 0);
	assert_int_equal(ota_stage_finish(&st), -ENODATA);
	assert_int_equal(ota_stage_write(&st, img, len / 2), 0);
	assert_int_equal(ota_stage_finish(&st), -ENODATA); /* truncated */
	assert_int_equal(ota_stage_abort(&st), 0);
	assert_int_equal(ota_stage_write(&st, img, 8), -EINVAL); /* after abort */
	assert_int_equal(stage_chunked(&d, img, len, 100), 0);
	assert_int_equal(ota_stage_write(&st, img, 8), -EINVAL);
	dev_free(&d);
	free(img);
}

static void test_trial_confirm_revert(void **state)
{
	struct dev d;
	struct ota_stage st;
	struct ota_state s;
	struct image_facts f;
	size_t len;
	uint8_t *img = vector("ecdsa-p256", &len);

	(void)state;
	dev_init(&d, 1, "hash-only", NULL);
	assert_int_equal(stage_chunked(&d, img, len, 1000), 0);
	assert_int_equal(ota_mark_pending(&d.ota, 0, 0), 0);
	assert_int_equal(ota_read_state(&d.ota, &s), 0);
	assert_int_equal(s.img[0].pending, BOOT_SWAP_TEST);
	assert_int_equal(boot(&d, &f), BOOT_SWAP_TEST);
	assert_int_equal(f.hdr.version.minor, 2);
	/* on trial: its secondary holds the way back; nothing is staged over it */
	assert_int_equal(ota_read_state(&d.ota, &s), 0);
	assert_false(s.img[0].confirmed);
	assert_int_equal(s.img[0].pending, BOOT_SWAP_REVERT);
	assert_int_equal(ota_stage_begin(&d.ota, 0, &st), -EBUSY);
	/* not confirmed: the next boot reverts */
	assert_int_equal(boot(&d, &f), BOOT_SWAP_REVERT);
	assert_int_equal(f.hdr.version.major, 1);
	assert_int_equal(f.hdr.version.minor, 0);
	/* again, confirmed this time: it stays */
	assert_int_equal(stage_chunked(&d, img, len, 1000), 0);
	assert_int_equal(ota_mark_pending(&d.ota, 0, 0), 0);
	assert_int_equal(boot(&d, &f), BOOT_SWAP_TEST);
	assert_int_equal(ota_confirm(&d.ota, 0), 0);
	assert_int_equal(ota_confirm(&d.ota, 0), -EALREADY);
	assert_int_equal(boot(&d, &f), BOOT_SWAP_NONE);
	assert_int_equal(f.hdr.version.minor, 2);
	assert_int_equal(ota_stage_begin(&d.ota, 0, &st), 0);
	ota_stage_abort(&st);
	dev_free(&d);
	free(img);
}

static int lock_depth, lock_calls;

static void test_lock(void *arg)
{
	assert_ptr_equal(arg, &lock_depth);
	assert_int_equal(lock_depth, 0); /* never nested, never left held */
	lock_depth++;
	lock_calls++;
}

static void test_unlock(void *arg)
{
	(void)arg;
	assert_int_equal(lock_depth, 1);
	lock_depth--;
}

/* The OS's lock is taken and released around every call, errors included. */
static void test_lock_hook(void **state)
{
	struct dev d;
	struct ota_state s;
	size_t len;
	uint8_t *img = vector("ecdsa-p256", &len);

	(void)state;
	dev_init(&d, 1, "hash-only", NULL);
	d.ota.cfg.lock = test_lock;
	d.ota.cfg.unlock = test_unlock;
	d.ota.cfg.lock_arg = &lock_depth;
	assert_int_equal(stage_chunked(&d, img, len, 333), 0);
	assert_int_equal(ota_mark_pending(&d.ota, 0, 1), 0);
	assert_int_equal(ota_read_state(&d.ota, &s), 0);
	assert_int_equal(ota_confirm(&d.ota, 0), -EALREADY);
	assert_int_equal(stage_chunked(&d, img, len / 2, 333), -ENODATA);
	assert_int_equal(lock_depth, 0);
	assert_true(lock_calls > (int)(len / 333) + 6);
	dev_free(&d);
	free(img);
}

/* ecdsa-p256-seccnt-dep needs image 1 at 2.0.0 or later. */
static void test_dependencies(void **state)
{
	struct dev d;
	size_t len;
	uint8_t *img = vector("ecdsa-p256-seccnt-dep", &len);

	(void)state;
	dev_init(&d, 1, "hash-only", NULL);
	assert_int_equal(stage_chunked(&d, img, len, 4096), -ENOENT); /* no image 1 */
	dev_free(&d);
	dev_init(&d, 2, "hash-only", "hash-only"); /* image 1 runs 1.0.0 */
	assert_int_equal(stage_chunked(&d, img, len, 4096), -ENOENT);
	dev_free(&d);
	dev_init(&d, 2, "hash-only", "rsa-2048"); /* image 1 runs 3.1.0 */
	assert_int_equal(stage_chunked(&d, img, len, 4096), 0);
	dev_free(&d);
	free(img);
}

/* ---- a power cut at every operation of a staging run ---- */

struct staging {
	struct dev *d;
	const uint8_t *img;
	size_t len;
	int permanent;
	int abort;           /* stage half, then abort: no request ever */
	uint64_t request_at; /* ops before the request's first write */
};

static int staging_run(struct mtd_dev *dev, void *ctx)
{
	struct staging *s = ctx;
	int rc;

	(void)dev;
	s->d->ota.open_stages = 0; /* a fresh start of the OS */
	if (s->abort) {
		struct ota_stage st;

		s->request_at = UINT64_MAX;
		rc = ota_stage_begin(&s->d->ota, 0, &st);
		if (rc == 0)
			rc = ota_stage_write(&st, s->img, s->len / 2);
		return rc ? rc : ota_stage_abort(&st);
	}
	rc = stage_chunked(s->d, s->img, s->len, 1000);
	s->request_at = s->d->fl.ops;
	if (rc == 0)
		rc = ota_mark_pending(&s->d->ota, 0, s->permanent);
	return rc;
}

static int staging_check(struct mtd_dev *dev, const struct sim_replay_point *pt,
			 int rc, void *ctx)
{
	struct staging *s = ctx;
	struct image_facts f;
	enum boot_swap_type t;

	(void)dev;
	(void)rc;
	/* the running image's slot is untouched, whatever was cut */
	if (memcmp(s->d->mem, s->d->initial, PRI) != 0) {
		fprintf(stderr, "cut at op %llu mode %d: the primary slot changed\n",
			(unsigned long long)pt->op, pt->mode);
		return -1;
	}
	s->d->ota.open_stages = 0; /* the OS restarted */
	if (pt->op < s->request_at) {
		/* nothing is even asked for: the trailers request no swap */
		struct ota_image_slots *is = &s->d->ota.img[0];
		struct boot_trailer p, q;

		if (boot_trailer_read(&is->primary.win.mtd, &is->geo_primary, &p) ||
		    boot_trailer_read(&is->secondary.win.mtd, &is->geo_secondary, &q) ||
		    boot_swap_type_of(&p, &q) != BOOT_SWAP_NONE) {
			fprintf(stderr, "cut at op %llu mode %d: a request before "
				"the stage was complete\n",
				(unsigned long long)pt->op, pt->mode);
			return -1;
		}
	}
	t = boot(s->d, &f);
	if (pt->op < s->request_at && t != BOOT_SWAP_NONE) {
		fprintf(stderr, "cut at op %llu mode %d (before the request): the "
			"bootloader applied it\n", (unsigned long long)pt->op, pt->mode);
		return -1;
	}
	/* either nothing happened, or exactly the staged image was installed */
	if (!(t == BOOT_SWAP_NONE && f.hdr.version.major == 1 &&
	      f.hdr.version.minor == 0) &&
	    !((t == BOOT_SWAP_TEST || t == BOOT_SWAP_PERM) &&
	      memcmp(s->d->mem, s->img, s->len) == 0)) {
		fprintf(stderr, "cut at op %llu mode %d: boots %d.%d after swap %d\n",
			(unsigned long long)pt->op, pt->mode, f.hdr.version.major,
			f.hdr.version.minor, t);
		return -1;
	}
	return 0;
}

/* Test and permanent requests, and a stage aborted half way. */
static void test_power_cut_while_staging(void **state)
{
	size_t len;
	uint8_t *img = vector("ecdsa-p256-256k", &len);
	uint64_t cut_points = 0, failures = 0;

	(void)state;
	for (int run = 0; run < 3; run++) {
		struct dev d;
		struct staging s = { &d, img, len, run == 1, run == 2, 0 };
		struct sim_replay rp = { .seed = 99, .scenario = staging_run,
					 .check = staging_check, .ctx = &s };
		struct sim_replay_result res;

		dev_init(&d, 1, "hash-only", NULL);
		memcpy(d.initial, d.mem, d.size);
		rp.fl = &d.fl;
		rp.initial = d.initial;
		sim_replay_all(&rp, &res);
		cut_points += res.cut_points;
		failures += res.failures;
		dev_free(&d);
	}
	fprintf(stderr, "  staging power cuts: %llu cut points, %llu failures\n",
		(unsigned long long)cut_points, (unsigned long long)failures);
	assert_true(cut_points > 500);
	assert_int_equal(failures, 0);
	free(img);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_any_chunk_size),
		cmocka_unit_test(test_call_order_and_limits),
		cmocka_unit_test(test_trial_confirm_revert),
		cmocka_unit_test(test_dependencies),
		cmocka_unit_test(test_lock_hook),
		cmocka_unit_test(test_power_cut_while_staging),
	};

	return cmocka_run_group_tests_name("update agent", tests, NULL, NULL);
}
