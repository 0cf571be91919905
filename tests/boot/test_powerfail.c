/* tests/boot/test_powerfail.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Power-fail proof of the boot engine. A scenario is a short life of the
 * device: boots, the OS confirming what runs, the OS staging an update.
 * It runs on the simulated flash with power cut at every program and erase
 * (the operation skipped, completed, or torn); then the device recovers:
 * it boots again and again, its OS confirming what the scenario's OS
 * confirms, until a boot changes nothing. For a seeded sample of cut
 * points power is cut once more during recovery.
 *
 * What must hold after every cut:
 *  - every boot of the recovery finds a valid image in each primary slot;
 *  - the end state (each image's version in its primary and secondary
 *    slot, a slot holding no valid image reading as 0, and each image's
 *    security counter) is the one an uninterrupted life reaches from just
 *    before, or just after, the operation power failed in; within a boot,
 *    only the boot's last flash operation may decide between the two (the
 *    boot is the new image's trial run only once it has completed);
 *  - recovery settles: a further boot changes nothing;
 *  - the uninterrupted life ends where the scenario's rules say (checked
 *    once per scenario: e.g. an unconfirmed test upgrade is reverted).
 * A slot's image is never corrupted: a corrupted one would read as 0
 * where the uninterrupted life has a version.
 *
 * Beside power cuts: other geometries (program units 1 to 32, erased 0x00,
 * non-uniform sectors) and flash failures (-EIO on a program, erase or
 * read; a worn-out sector), after which the loader must start exactly
 * what validates (check_verdicts) and end where the life passes.
 * Every boot runs as the loader's does: validating once, through a
 * validation cache that starts empty (boot/engine/validation_cache.h).
 *
 * Prints one line per scenario and
 *   powerfail: <cut points> cut points, <scenarios> scenarios, <failures> failures (...)
 * POWERFAIL_SECTORS sets the slot size in sectors (default 16, 8..1024).
 */
#include "tests/test.h"

#include "boot/engine/engine.h"
#include "boot/engine/validation_cache.h"
#include "drivers/mtd/sim_replay.h"
#include "tests/boot/test_images.h"
#include "tests/boot/powerfail_espidf.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_tlv.h"
#include "libs/util/le.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 4096
#define MAX_IMAGES 3
#define MAX_OPS 12
#define MAX_BOOTS 8

static uint32_t nsect = 16;
/* The flash geometry: program unit, erased value, non-uniform sectors
 * (the primary half 4 KiB, half 8 KiB sectors; the secondary 8 KiB). */
static uint32_t unit = 8;
static uint8_t erased = 0xff;
static int nonuniform;
/* Set by a boot that breaks the loader's rules; reported by check(). */
static const char *broken;
static uint64_t total_cut_points, total_scenarios, total_failures;
static int saved_stdout = -1;

/* ---- the device: flash, slots, counters ---- */

static struct mtd_region regions[2];
static struct mtd_geometry geo;
static uint8_t *mem, *initial, *snap;
static struct sim_flash fl;
static struct flash_area_desc areas[2 * MAX_IMAGES + 1];
static struct flash_map map;
static struct validation_cache vcache; /* the loader's validate-once */
static struct flash_area slots[MAX_IMAGES][2], scratch;
static struct boot_image images[MAX_IMAGES];
static const struct image_policy policy = { .sig = NULL, .hash = CRYPTO_HASH_SHA256 };

static struct test_counter counter = TEST_COUNTER_INIT;
static uint32_t counter_initial[MAX_IMAGES], counter_snap[MAX_IMAGES];

/* ---- scenarios ---- */

/* A boot; the OS confirming what runs (per the scenario); staging. */
enum op_kind { OP_END, OP_BOOT, OP_CONFIRM, OP_STAGE };

struct op {
	enum op_kind kind;
	uint8_t img, major, permanent;
	uint8_t dep_img, dep_major; /* dep_major 0: no dependency */
};

struct scenario {
	const char *name;
	const struct boot_strategy *strategy;
	unsigned int nimages;
	int downgrade_by_version;
	/* Versions in the primaries at the start (the factory state). */
	uint8_t factory[MAX_IMAGES];
	/* Staged before the scenario starts, with power cuts from then on. */
	struct op staged[MAX_IMAGES];
	unsigned int nstaged;
	struct op ops[MAX_OPS]; /* up to the first OP_END */
	unsigned int nops;      /* counted by run() */
	/* The OS confirms a running image whose major has its bit here. */
	uint32_t confirms;
	/* The rules: each image's primary version at the end of the life. */
	uint8_t want[MAX_IMAGES];
};

struct outcome {
	uint8_t primary[MAX_IMAGES], secondary[MAX_IMAGES];
	uint32_t counter[MAX_IMAGES];
};

static const struct scenario *cur;
static uint64_t op_start[MAX_OPS + 1], op_last[MAX_OPS];
static struct outcome before[MAX_OPS + 1]; /* life from just before op p */
static struct outcome erased_sec[MAX_OPS]; /* STAGE ops: the slot already wiped */

/* A hash-only image with a security counter equal to its major. */
static uint32_t build_image(uint8_t *out, const struct op *o, uint32_t body)
{
	struct test_image t = { o->img, o->major, o->major, o->dep_img,
				o->dep_major, body };

	return test_image_build(out, &t);
}

/* Image bodies grow with the version, and stay below the swap limit. */
static uint32_t body_for(uint8_t major)
{
	uint32_t sectors = nsect * (3 + major) / 16;

	if (sectors + 3 > nsect)
		sectors = nsect - 3;
	return sectors * SECTOR + 77 * major;
}

static void setup_device(const struct scenario *sc)
{
	static const char *const names[MAX_IMAGES][2] = {
		{ "image0-primary", "image0-secondary" },
		{ "image1-primary", "image1-secondary" },
		{ "image2-primary", "image2-secondary" },
	};
	uint32_t s = 0, pri = nsect + sc->strategy->desc->spare_sectors;
	unsigned int n = 0;

	for (unsigned int i = 0; i < sc->nimages; i++) {
		areas[n++] = (struct flash_area_desc){ names[i][0], FLASH_AREA_PRIMARY,
						       (uint8_t)i, s * SECTOR, pri * SECTOR };
		s += pri;
		areas[n++] = (struct flash_area_desc){ names[i][1], FLASH_AREA_SECONDARY,
						       (uint8_t)i, s * SECTOR, nsect * SECTOR };
		s += nsect;
	}
	areas[n++] = (struct flash_area_desc){ "scratch", FLASH_AREA_SCRATCH, 0,
					       s * SECTOR, 2 * SECTOR };
	s += 2;
	if (nonuniform) { /* one image, overwrite-only: 4 KiB, then 8 KiB */
		regions[0] = (struct mtd_region){ SECTOR, nsect / 2 };
		regions[1] = (struct mtd_region){ 2 * SECTOR, (s - nsect / 2) / 2 };
	} else {
		regions[0] = (struct mtd_region){ SECTOR, s };
	}
	geo = (struct mtd_geometry){ regions, nonuniform ? 2 : 1, unit, erased,
				     s * SECTOR };
	free(mem);
	free(initial);
	free(snap);
	mem = malloc(geo.size);
	initial = malloc(geo.size);
	snap = malloc(geo.size);
	assert_non_null(mem);
	assert_non_null(initial);
	assert_non_null(snap);
	memset(mem, erased, geo.size);
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(flash_map_init(&map, validation_cache_init(&vcache, &fl.mtd),
					areas, n, FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	for (unsigned int i = 0; i < sc->nimages; i++) {
		struct boot_image *bi = &images[i];

		assert_int_equal(flash_area_open(&map, FLASH_AREA_PRIMARY, i, &slots[i][0]), 0);
		assert_int_equal(flash_area_open(&map, FLASH_AREA_SECONDARY, i, &slots[i][1]), 0);
		*bi = (struct boot_image){ .primary = &slots[i][0], .secondary = &slots[i][1] };
		bi->geo_primary = (struct boot_trailer_geo){ pri * SECTOR,
			unit > 8 ? unit : 8, unit, nsect, 3, erased };
		bi->geo_secondary = bi->geo_primary;
		bi->geo_secondary.slot_size = nsect * SECTOR;
	}
	assert_int_equal(flash_area_open(&map, FLASH_AREA_SCRATCH, 0, &scratch), 0);
}

/* A boot (or the OS) starts with empty RAM: no validation remembered. */
static struct boot_engine engine(void)
{
	validation_cache_init(&vcache, &fl.mtd);
	return (struct boot_engine){ .images = images, .nimages = cur->nimages,
				     .scratch = &scratch, .policy = &policy,
				     .strategy = cur->strategy, .vcache = &vcache,
				     .rules = { cur->downgrade_by_version, &counter.dev } };
}

/* Write an image into a slot as an agent would: erase, program, request. */
static int stage(struct flash_area *fa, const struct boot_trailer_geo *g,
		 const struct op *o, int request)
{
	uint8_t *buf = malloc(g->slot_size);
	/* An update goes where the strategy stages it. */
	uint32_t at = request ? boot_stage_offset(fa, cur->strategy->desc) : 0;
	uint32_t n;
	int rc;

	memset(buf, erased, g->slot_size);
	n = build_image(buf, o, body_for(o->major));
	n = (n + unit - 1) / unit * unit;
	rc = flash_area_erase_sectors(fa, 0, g->slot_size);
	if (rc == 0)
		rc = flash_area_program(fa, at, buf, n);
	free(buf);
	if (rc == 0 && request)
		rc = boot_request_upgrade(&fa->win.mtd, g, o->img, o->permanent);
	return rc;
}

static int os_confirms(struct boot_engine *e)
{
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];
		int rc;

		if (!(cur->confirms & (1u << bi->facts.hdr.version.major)))
			continue;
		rc = boot_confirm(&bi->primary->win.mtd, &bi->geo_primary);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * After a boot whose flash failed (power still on): the loader must start
 * what validates and only that: each image's hardened verdict passes
 * exactly when its primary validates with a counter not below the
 * device's. Anything else is a halt with a valid image, or worse.
 */
static void check_verdicts(struct boot_engine *e)
{
	uint64_t reads = fl.stats.reads, fail = fl.fail_read;

	fl.fail_read = SIM_NO_CUT; /* the check's own reads work */
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct image_facts f;
		int valid = image_validate(&e->images[i].primary->win.mtd, &policy,
					   &f) == IMAGE_OK &&
			    f.sec_cnt >= counter.v[i];

		if (valid != fih_passed(&e->images[i].verdict))
			broken = valid ? "a flash failure left a valid image "
					 "unstarted (the loader would halt)" :
					 "an image that does not validate would start";
	}
	fl.stats.reads = reads;
	fl.fail_read = fail;
}

static int boot_once(struct boot_engine *e)
{
	int rc = boot_engine_run(e);

	if (rc != 0 && !fl.powered_off)
		check_verdicts(e);

	for (unsigned int i = 0; rc == 0 && i < e->nimages; i++)
		if (e->images[i].status != IMAGE_OK)
			rc = -1;
	return rc;
}

static int do_op(const struct op *o)
{
	struct boot_engine e = engine();

	switch (o->kind) {
	case OP_BOOT:
		return boot_once(&e);
	case OP_CONFIRM:
		for (unsigned int i = 0; i < e.nimages; i++)
			if (image_validate(&images[i].primary->win.mtd, &policy,
					   &images[i].facts) != IMAGE_OK)
				return -1;
		return os_confirms(&e);
	default:
		return stage(&slots[o->img][1], &images[o->img].geo_secondary, o, 1);
	}
}

/*
 * The image the secondary holds: at its start (where a swap leaves the
 * old one), else where the strategy stages (an update, or one reverted).
 */
static int secondary_image(unsigned int img, struct image_facts *f)
{
	struct boot_stage_area stage;
	uint32_t at = boot_stage_offset(&slots[img][1], cur->strategy->desc);
	int rc = image_validate(&slots[img][1].win.mtd, &policy, f);

	if (rc == IMAGE_OK || at == 0)
		return rc;
	if (boot_stage_open(&slots[img][1], at, &stage) != 0)
		return IMAGE_ERR_IO;
	return image_validate(&stage.fa.win.mtd, &policy, f);
}

/* Boot until nothing changes, the OS confirming as the scenario's does. */
static int recover(struct outcome *out, const char **why)
{
	struct boot_engine e = engine();
	int settled = 0;

	for (int n = 0; n < MAX_BOOTS && settled < 2; n++) {
		int changed = 0;

		if (boot_once(&e) != 0) {
			*why = "a recovery boot found no valid image";
			return -1;
		}
		for (unsigned int i = 0; i < cur->nimages; i++)
			changed |= images[i].swap != BOOT_SWAP_NONE || images[i].resumed;
		if (os_confirms(&e) != 0) {
			*why = "the OS could not confirm";
			return -1;
		}
		settled = changed ? 0 : settled + 1;
	}
	if (settled < 2) {
		*why = "recovery does not settle";
		return -1;
	}
	memset(out, 0, sizeof(*out));
	for (unsigned int i = 0; i < cur->nimages; i++) {
		struct image_facts f;

		out->primary[i] = images[i].facts.hdr.version.major;
		if (secondary_image(i, &f) == IMAGE_OK)
			out->secondary[i] = f.hdr.version.major;
		out->counter[i] = counter.v[i];
	}
	return 0;
}

static void save_state(void)
{
	memcpy(snap, mem, geo.size);
	memcpy(counter_snap, counter.v, sizeof(counter_snap));
}

static void load_state(void)
{
	memcpy(mem, snap, geo.size);
	memcpy(counter.v, counter_snap, sizeof(counter.v));
	sim_flash_power_on(&fl);
}

static void outcome_text(const struct outcome *o, char *buf, size_t len)
{
	int n = 0;

	for (unsigned int i = 0; i < cur->nimages; i++)
		n += snprintf(buf + n, len - (size_t)n, "%s[%u: v%u, sec v%u, cnt %u]",
			      i ? " " : "", i, o->primary[i], o->secondary[i],
			      (unsigned)o->counter[i]);
}

static int run_ops(struct mtd_dev *dev, void *ctx)
{
	int rc = 0;

	(void)dev;
	(void)ctx;
	memcpy(counter.v, counter_initial, sizeof(counter.v));
	for (unsigned int p = 0; p < cur->nops && rc == 0; p++)
		rc = do_op(&cur->ops[p]);
	return rc;
}

static uint64_t rng_state = 0x5eed;

static uint64_t rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int same(const struct outcome *a, const struct outcome *b, int primaries_only)
{
	for (unsigned int i = 0; i < cur->nimages; i++)
		if (a->primary[i] != b->primary[i] ||
		    (!primaries_only && (a->secondary[i] != b->secondary[i] ||
					 a->counter[i] != b->counter[i])))
			return 0;
	return 1;
}

static int report(const struct sim_replay_point *pt, const char *what,
		  const struct outcome *got)
{
	char buf[160] = "";

	if (got)
		outcome_text(got, buf, sizeof(buf));
	fprintf(stderr, "%s: cut at op %llu mode %d: %s %s\n", cur->name,
		(unsigned long long)pt->op, pt->mode, what, buf);
	return -1;
}

static int check(struct mtd_dev *dev, const struct sim_replay_point *pt, int rc,
		 void *ctx)
{
	struct outcome got, a, b;
	const char *why = "";
	unsigned int p = 0;
	int ok;

	(void)dev;
	(void)rc;
	(void)ctx;
	while (p < cur->nops && pt->op >= op_start[p + 1])
		p++;
	save_state();
	if (recover(&got, &why) != 0)
		return report(pt, why, NULL);
	if (broken != NULL) {
		why = broken;
		broken = NULL;
		return report(pt, why, NULL);
	}
	if (p == cur->nops) { /* the life completed */
		ok = same(&got, &before[p], 0);
	} else if (cur->ops[p].kind == OP_STAGE) {
		/* A cut staging leaves the slot wiped or the update requested. */
		ok = same(&got, &before[p], 1) || same(&got, &erased_sec[p], 1) ||
		     same(&got, &before[p + 1], 0);
	} else if (cur->ops[p].kind == OP_BOOT &&
		   (pt->op < op_last[p] ||
		    (pt->op == op_last[p] && (pt->mode == SIM_CUT_SKIP ||
					      pt->mode == SIM_FAIL_EIO)))) {
		ok = same(&got, &before[p], 0);
	} else {
		ok = same(&got, &before[p], 0) || same(&got, &before[p + 1], 0);
	}
	if (!ok)
		return report(pt, "ends in", &got);
	if (pt->op % 5 != 0)
		return 0;
	/*
	 * Power fails again during recovery: the end state is that of a
	 * recovery from where the first cut left the device, or from one
	 * boot later (the interrupted boot completed, the OS never ran).
	 */
	load_state();
	a = got;
	{
		struct boot_engine e = engine();

		if (boot_engine_run(&e) != 0)
			return report(pt, "first recovery boot failed", NULL);
		if (recover(&b, &why) != 0)
			return report(pt, why, NULL);
	}
	load_state();
	sim_flash_arm_cut(&fl, rnd() % 48, (enum sim_cut_mode)(rnd() % 3), rnd());
	{
		struct boot_engine e = engine();

		if (boot_engine_run(&e) == 0)
			os_confirms(&e);
	}
	sim_flash_power_on(&fl);
	if (recover(&got, &why) != 0)
		return report(pt, why, NULL);
	if (!same(&got, &a, 0) && !same(&got, &b, 0))
		return report(pt, "after a second cut in recovery ends in", &got);
	return 0;
}

/* Reference lives: from before each op, uninterrupted, then recovery. */
static void learn(void)
{
	const char *why = "";

	memcpy(mem, initial, geo.size);
	memcpy(counter.v, counter_initial, sizeof(counter.v));
	sim_flash_power_on(&fl);
	for (unsigned int p = 0; p <= cur->nops; p++) {
		op_start[p] = fl.ops;
		save_state();
		if (recover(&before[p], &why) != 0)
			fail_msg("%s: %s (reference, before op %u)", cur->name, why, p);
		if (p < cur->nops && cur->ops[p].kind == OP_STAGE) {
			load_state();
			assert_int_equal(flash_area_erase_sectors(&slots[cur->ops[p].img][1], 0,
							    nsect * SECTOR), 0);
			if (recover(&erased_sec[p], &why) != 0)
				fail_msg("%s: %s (reference)", cur->name, why);
		}
		load_state();
		fl.ops = op_start[p];
		if (p < cur->nops) {
			assert_int_equal(do_op(&cur->ops[p]), 0);
			op_last[p] = fl.ops - 1;
		}
	}
	for (unsigned int p = 0; p < cur->nops; p++)
		if (op_last[p] + 1 == op_start[p]) /* an op that wrote nothing */
			op_last[p] = op_start[p];
}

/*
 * What a run replays: power cuts (and transient -EIO on program and erase,
 * with modes), a read that fails with -EIO, or a worn-out sector.
 */
enum proof { PROOF_CUTS, PROOF_READS, PROOF_WORN };
static enum proof proof;
static unsigned int replay_modes; /* PROOF_CUTS: sim_replay's; 0: cuts */

/* The end state is one the uninterrupted life passes through. */
static int on_the_way(const struct outcome *got)
{
	for (unsigned int p = 0; p <= cur->nops; p++)
		if (same(got, &before[p], 0) ||
		    (p < cur->nops && cur->ops[p].kind == OP_STAGE &&
		     same(got, &erased_sec[p], 1)))
			return 1;
	return 0;
}

/*
 * Every read of the life in turn (a sample: every `stride`th) fails once
 * with -EIO: the life stops there (its boot validated what it could),
 * recovery must end where the uninterrupted life passes.
 */
static void replay_reads(struct sim_replay_result *res, uint64_t stride)
{
	uint64_t total;
	const char *why = "";

	memcpy(mem, initial, geo.size);
	fl.stats.reads = 0;
	assert_int_equal(run_ops(NULL, NULL), 0);
	total = fl.stats.reads;
	for (uint64_t k = 0; k < total; k += stride) {
		struct outcome got;

		memcpy(mem, initial, geo.size);
		fl.stats.reads = 0;
		fl.fail_read = k;
		run_ops(NULL, NULL);
		fl.fail_read = SIM_NO_CUT;
		res->cut_points++;
		res->runs++;
		if (recover(&got, &why) != 0 || broken != NULL || !on_the_way(&got)) {
			fprintf(stderr, "%s: read %llu fails: %s\n", cur->name,
				(unsigned long long)k, broken ? broken : *why ? why :
				"ends where the life never goes");
			res->failures++;
		}
		broken = NULL;
	}
}

/*
 * Each sector of the device in turn is worn out (erasing it fails, for
 * good) from the start of the life. Nothing may start that does not
 * validate, a valid primary must start, and each image must keep a valid
 * copy in one of its slots: the engine never erases the only one.
 * The swaps cannot keep that last promise: a sector that stops erasing in
 * the middle of a swap leaves both images split across the slots (and the
 * scratch area), every sector of them still somewhere but neither slot
 * whole; the loader then enters recovery (it neither halts nor starts
 * anything invalid). Those are counted, not failed; overwrite-only must
 * keep a whole copy.
 */
static uint64_t worn_split;

static void replay_worn(struct sim_replay_result *res)
{
	const char *why = "";

	for (uint32_t off = 0; off < geo.size;) {
		uint32_t start, size;
		struct outcome got;

		assert_int_equal(mtd_sector_at(&geo, off, &start, &size), 0);
		memcpy(mem, initial, geo.size);
		fl.worn_start = start;
		fl.worn_end = start + size;
		run_ops(NULL, NULL);
		recover(&got, &why); /* may not settle: the work keeps failing */
		res->cut_points++;
		res->runs++;
		for (unsigned int i = 0; i < cur->nimages && broken == NULL; i++) {
			struct image_facts f;

			if (image_validate(&slots[i][0].win.mtd, &policy, &f) == IMAGE_OK ||
			    image_validate(&slots[i][1].win.mtd, &policy, &f) == IMAGE_OK)
				continue;
			if (cur->strategy->desc->status_records)
				worn_split++;
			else
				broken = "no valid copy of an image is left";
		}
		if (broken != NULL) {
			fprintf(stderr, "%s: sector at 0x%x worn out: %s\n", cur->name,
				(unsigned)start, broken);
			res->failures++;
			broken = NULL;
		}
		fl.worn_start = fl.worn_end = 0;
		off = start + size;
	}
}

static void run(struct scenario *sc)
{
	struct sim_replay_result res = { 0 };
	struct sim_replay rp = { .seed = 1234, .scenario = run_ops, .check = check,
				 .modes = replay_modes };
	char buf[160];

	for (sc->nops = 0; sc->nops < MAX_OPS && sc->ops[sc->nops].kind != OP_END;)
		sc->nops++;
	cur = sc;
	setup_device(sc);
	rp.fl = &fl;
	rp.initial = initial;
	memset(counter_initial, 0, sizeof(counter_initial));
	for (unsigned int i = 0; i < sc->nimages; i++) {
		struct op f = { OP_STAGE, (uint8_t)i, sc->factory[i], 0, 0, 0 };

		assert_int_equal(stage(&slots[i][0], &images[i].geo_primary, &f, 0), 0);
		counter_initial[i] = sc->factory[i];
	}
	for (unsigned int k = 0; k < sc->nstaged; k++) {
		const struct op *o = &sc->staged[k];

		assert_int_equal(stage(&slots[o->img][1], &images[o->img].geo_secondary,
				       o, 1), 0);
	}
	memcpy(initial, mem, geo.size);
	learn();
	/* The rules, once: where the uninterrupted life ends. */
	for (unsigned int i = 0; i < sc->nimages; i++) {
		outcome_text(&before[sc->nops], buf, sizeof(buf));
		if (before[sc->nops].primary[i] != sc->want[i])
			fail_msg("%s: image %u ends at v%u, the rules want v%u (%s)",
				 sc->name, i, before[sc->nops].primary[i], sc->want[i], buf);
	}
	if (proof == PROOF_CUTS)
		sim_replay_all(&rp, &res);
	else if (proof == PROOF_READS)
		replay_reads(&res, 7);
	else
		replay_worn(&res);
	total_cut_points += res.cut_points;
	total_scenarios++;
	total_failures += res.failures;
	fprintf(stderr, "  %-58s %6llu cut points, %llu runs, %llu failures\n",
		sc->name, (unsigned long long)res.cut_points,
		(unsigned long long)res.runs, (unsigned long long)res.failures);
	assert_int_equal(res.failures, 0);
}

/* ---- the scenario table ---- */

#define BOOT { OP_BOOT, 0, 0, 0, 0, 0 }
#define OS BOOT, { OP_CONFIRM, 0, 0, 0, 0, 0 }
#define STAGE(i, v, perm) { OP_STAGE, i, v, perm, 0, 0 }
#define STAGE_DEP(i, v, perm, di, dv) { OP_STAGE, i, v, perm, di, dv }
#define V(n) (1u << (n))

struct strategy_case {
	const struct boot_strategy *s;
};

static const struct strategy_case strategies[] = {
	{ &boot_strategy_overwrite_only },
	{ &boot_strategy_swap_scratch },
	{ &boot_strategy_swap_move },
	{ &boot_strategy_swap_offset },
};
#define NSTRATEGIES (sizeof(strategies) / sizeof(strategies[0]))

static void run_named(struct scenario sc, const struct strategy_case *st,
		      const char *what)
{
	char name[96];

	snprintf(name, sizeof(name), "%s, %s", st->s->desc->name, what);
	sc.name = name;
	sc.strategy = st->s;
	run(&sc);
}

static void one_image(const struct strategy_case *st)
{
	/* test upgrade, the new image confirms itself */
	run_named((struct scenario){ .nimages = 1, .factory = { 1 },
		.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
		.ops = { OS, OS }, .confirms = V(2), .want = { 2 } },
		st, "test upgrade, confirmed");
	/* test upgrade that never confirms: reverted (and the revert cut) */
	run_named((struct scenario){ .nimages = 1, .factory = { 1 },
		.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
		.ops = { BOOT, BOOT, BOOT }, .confirms = 0,
		.want = { st->s->desc->can_revert ? 1 : 2 } },
		st, "test upgrade, not confirmed: revert");
	run_named((struct scenario){ .nimages = 1, .factory = { 1 },
		.staged = { STAGE(0, 2, 1) }, .nstaged = 1,
		.ops = { BOOT, BOOT }, .confirms = 0, .want = { 2 } },
		st, "permanent upgrade");
	/* back-to-back: v2 confirmed, then v3 staged and confirmed */
	run_named((struct scenario){ .nimages = 1, .factory = { 1 },
		.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
		.ops = { OS, STAGE(0, 3, 0), OS, OS },
		.confirms = V(2) | V(3), .want = { 3 } },
		st, "back-to-back upgrades");
	/* v3 staged while v2 is still on trial (its swap unconfirmed) */
	run_named((struct scenario){ .nimages = 1, .factory = { 1 },
		.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
		.ops = { BOOT, STAGE(0, 3, 0), OS, OS },
		.confirms = V(3), .want = { 3 } },
		st, "upgrade staged during an unconfirmed one");
	/* a lower version refused (downgrade prevention), v1 keeps booting */
	run_named((struct scenario){ .nimages = 1, .factory = { 2 },
		.staged = { STAGE(0, 1, 0) }, .nstaged = 1, .downgrade_by_version = 1,
		.ops = { OS, OS }, .confirms = V(1) | V(2), .want = { 2 } },
		st, "downgrade refused");
	run_named((struct scenario){ .nimages = 1, .factory = { 1 },
		.ops = { OS }, .confirms = V(1), .want = { 1 } },
		st, "nothing pending");
}

static void two_images(const struct strategy_case *st)
{
	/* both updated together, image 0 needing image 1 v2 */
	run_named((struct scenario){ .nimages = 2, .factory = { 1, 1 },
		.staged = { STAGE_DEP(0, 2, 0, 1, 2), STAGE(1, 2, 0) }, .nstaged = 2,
		.ops = { OS, OS }, .confirms = V(2), .want = { 2, 2 } },
		st, "2 images, test upgrade with dependency, confirmed");
	run_named((struct scenario){ .nimages = 2, .factory = { 1, 1 },
		.staged = { STAGE_DEP(0, 2, 0, 1, 2), STAGE(1, 2, 0) }, .nstaged = 2,
		.ops = { BOOT, BOOT, BOOT }, .confirms = 0,
		.want = { st->s->desc->can_revert ? 1 : 2, st->s->desc->can_revert ? 1 : 2 } },
		st, "2 images, test upgrade, not confirmed: revert");
	run_named((struct scenario){ .nimages = 2, .factory = { 1, 1 },
		.staged = { STAGE(0, 2, 1), STAGE(1, 2, 1) }, .nstaged = 2,
		.ops = { BOOT, BOOT }, .confirms = 0, .want = { 2, 2 } },
		st, "2 images, permanent upgrade");
	/* an unmet dependency: image 0 v2 needs image 1 v3; nothing applied */
	run_named((struct scenario){ .nimages = 2, .factory = { 1, 1 },
		.staged = { STAGE_DEP(0, 2, 1, 1, 3), STAGE(1, 2, 1) }, .nstaged = 2,
		.ops = { OS, OS }, .confirms = V(2), .want = { 1, 2 } },
		st, "2 images, unmet dependency");
}

static void three_images(const struct strategy_case *st)
{
	/* a chain: image 0 needs image 1 v2, which needs image 2 v2 */
	run_named((struct scenario){ .nimages = 3, .factory = { 1, 1, 1 },
		.staged = { STAGE_DEP(0, 2, 0, 1, 2), STAGE_DEP(1, 2, 0, 2, 2),
			    STAGE(2, 2, 0) }, .nstaged = 3,
		.ops = { OS, OS }, .confirms = V(2), .want = { 2, 2, 2 } },
		st, "3 images, chained dependencies, confirmed");
	/* image 1 needs image 2 v3 (not staged): 1 is not applied, and so
	 * neither is 0, which needs 1 v2; image 2 goes in alone */
	run_named((struct scenario){ .nimages = 3, .factory = { 1, 1, 1 },
		.staged = { STAGE_DEP(0, 2, 1, 1, 2), STAGE_DEP(1, 2, 1, 2, 3),
			    STAGE(2, 2, 1) }, .nstaged = 3,
		.ops = { OS, OS }, .confirms = V(2), .want = { 1, 1, 2 } },
		st, "3 images, a broken chain is not applied");
}

static void test_overwrite(void **state)
{
	(void)state;
	one_image(&strategies[0]);
}

static void test_swap_scratch(void **state)
{
	(void)state;
	one_image(&strategies[1]);
}

static void test_swap_move(void **state)
{
	(void)state;
	one_image(&strategies[2]);
}

static void test_swap_offset(void **state)
{
	(void)state;
	one_image(&strategies[3]);
}

static void test_two_images(void **state)
{
	(void)state;
	for (unsigned int s = 0; s < NSTRATEGIES; s++)
		two_images(&strategies[s]);
}

static void test_three_images(void **state)
{
	(void)state;
	for (unsigned int s = 0; s < NSTRATEGIES; s++)
		three_images(&strategies[s]);
}

/*
 * Other flash geometries, on 8-sector slots: each program unit with the
 * erased value 0xff, three with 0x00, and non-uniform sectors (overwrite
 * only: the swaps need uniform, alike sectors). A sample of the scenarios:
 * POWERFAIL_GEOMETRIES=all runs every one-image scenario on each.
 */
static void test_geometries(void **state)
{
	static const struct { uint32_t unit; uint8_t erased; int nonuniform; } g[] = {
		{ 1, 0xff, 0 }, { 4, 0xff, 0 }, { 16, 0xff, 0 }, { 32, 0xff, 0 },
		{ 1, 0x00, 0 }, { 8, 0x00, 0 }, { 32, 0x00, 0 }, { 8, 0xff, 1 },
	};
	const char *env = getenv("POWERFAIL_GEOMETRIES");
	int all = env && strcmp(env, "all") == 0;
	uint32_t saved = nsect;

	(void)state;
	nsect = 8;
	for (unsigned int k = 0; k < sizeof(g) / sizeof(g[0]); k++) {
		char what[64];

		unit = g[k].unit;
		erased = g[k].erased;
		nonuniform = g[k].nonuniform;
		fprintf(stderr, "geometry: program unit %u, erased 0x%02x%s\n",
			(unsigned)unit, erased, nonuniform ? ", non-uniform sectors" : "");
		for (unsigned int s = 0; s < NSTRATEGIES; s++) {
			if (nonuniform && strategies[s].s->desc->status_records)
				continue;
			if (all) {
				one_image(&strategies[s]);
				continue;
			}
			snprintf(what, sizeof(what), "unit %u/0x%02x, test upgrade, "
				 "not confirmed", (unsigned)unit, erased);
			run_named((struct scenario){ .nimages = 1, .factory = { 1 },
				.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
				.ops = { BOOT, BOOT, BOOT }, .confirms = 0,
				.want = { strategies[s].s->desc->can_revert ? 1 : 2 } },
				&strategies[s], what);
		}
	}
	unit = 8;
	erased = 0xff;
	nonuniform = 0;
	nsect = saved;
}

/*
 * Flash failures beside power cuts: each program and erase of a life in
 * turn returns -EIO (changing nothing; the flash works again after), a
 * sample of its reads does, and each sector in turn is worn out.
 */
static void test_flash_failures(void **state)
{
	(void)state;
	for (unsigned int s = 0; s < NSTRATEGIES; s++) {
		proof = PROOF_CUTS;
		replay_modes = 1u << SIM_FAIL_EIO;
		run_named((struct scenario){ .nimages = 1, .factory = { 1 },
			.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
			.ops = { BOOT, BOOT, BOOT }, .confirms = 0,
			.want = { strategies[s].s->desc->can_revert ? 1 : 2 } },
			&strategies[s], "-EIO on program/erase: test, reverted");
		replay_modes = 0;
		proof = PROOF_READS;
		run_named((struct scenario){ .nimages = 1, .factory = { 1 },
			.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
			.ops = { OS, OS }, .confirms = V(2), .want = { 2 } },
			&strategies[s], "-EIO on a read: test, confirmed");
		proof = PROOF_WORN;
		run_named((struct scenario){ .nimages = 1, .factory = { 1 },
			.staged = { STAGE(0, 2, 0) }, .nstaged = 1,
			.ops = { OS, OS }, .confirms = V(2), .want = { 2 } },
			&strategies[s], "a worn-out sector: test, confirmed");
	}
	proof = PROOF_CUTS;
	replay_modes = 1u << SIM_FAIL_EIO;
	run_named((struct scenario){ .nimages = 2, .factory = { 1, 1 },
		.staged = { STAGE_DEP(0, 2, 0, 1, 2), STAGE(1, 2, 0) }, .nstaged = 2,
		.ops = { OS, OS }, .confirms = V(2), .want = { 2, 2 } },
		&strategies[2], "2 images, -EIO on program/erase");
	replay_modes = 0;
}

static int setup(void **state)
{
	const char *env = getenv("POWERFAIL_SECTORS");

	(void)state;
	if (env && atoi(env) >= 8 && atoi(env) <= 1024)
		nsect = (uint32_t)atoi(env);
	/* The engine logs every boot on stdout: thousands of lines here. */
	fflush(stdout);
	saved_stdout = dup(1);
	dup2(open("/dev/null", O_WRONLY), 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fflush(stdout);
	dup2(saved_stdout, 1);
	printf("powerfail: %llu cut points, %llu scenarios, %llu failures "
	       "(%llu worn sectors left a swap split)\n",
	       (unsigned long long)total_cut_points,
	       (unsigned long long)total_scenarios,
	       (unsigned long long)total_failures,
	       (unsigned long long)worn_split);
	free(mem);
	free(initial);
	free(snap);
	return 0;
}

/* The ESP-IDF boot scheme's scenarios (tests/boot/powerfail_espidf.c). */
static void test_espidf_scheme(void **state)
{
	uint64_t failures = 0;

	(void)state;
	powerfail_espidf_run(&total_cut_points, &total_scenarios, &failures);
	total_failures += failures;
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overwrite),
		cmocka_unit_test(test_swap_scratch),
		cmocka_unit_test(test_swap_move),
		cmocka_unit_test(test_swap_offset),
		cmocka_unit_test(test_two_images),
		cmocka_unit_test(test_three_images),
		cmocka_unit_test(test_geometries),
		cmocka_unit_test(test_flash_failures),
		cmocka_unit_test(test_espidf_scheme),
	};

	return cmocka_run_group_tests_name("boot engine power-fail", tests, setup,
					   teardown);
}
