/* tests/boot/test_update_plan.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The update agent's prediction against what the boot engine then does,
 * over generated slot states. A state gives each image (N = 1..3) a
 * primary (version 2, maybe depending on another image at version 2), a
 * primary trailer (erased, on trial, confirmed, copy_done torn, permanent
 * without copy_done), a secondary (empty, versions 1 and 3, dependencies
 * on another image and on itself, met and unmet, corrupt, too large, a
 * security counter below the device's) and a secondary trailer (erased,
 * test, permanent, the bootloader's revert request, or asked for through
 * ota_mark_pending: the first such image is asked for, others get a test
 * request), over the four strategies with and without downgrade
 * prevention. N = 1 is enumerated; N = 2 and 3 are sampled (a fixed seed;
 * PLAN_STATES sets the sample).
 *
 * For every state the agent's ota_read_state says what the next boot will
 * do with each image and why; the engine then boots, and what it did is
 * read back from the flash, not from the engine: each primary holds the
 * version predicted, a secondary predicted to be erased is, one predicted
 * to be kept is byte for byte. A request the agent accepted
 * (ota_mark_pending returned 0) must be installed; one it refused is
 * written anyway, and the engine must not install it.
 */
#include "tests/test.h"

#include "boot/agent/ota.h"
#include "boot/engine/engine.h"
#include "drivers/mtd/sim_flash.h"
#include "tests/boot/test_images.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 0x1000u
#define NSECT 8u
#define PRI ((NSECT + 1) * SECTOR)
#define SEC (NSECT * SECTOR)
#define MAX_IMAGES 3
#define BODY 3000u
#define BODY_TOO_LARGE (7 * SECTOR + 200) /* past a swap's 7 sectors */

enum prim_kind { PK_PLAIN, PK_NEEDS_OTHER, PK_COUNT };
enum ptrl_kind { PT_NONE, PT_TRIAL, PT_CONFIRMED, PT_TORN_COPY_DONE,
		 PT_PERM_NO_COPY_DONE, PT_COUNT };
enum sec_kind { SC_EMPTY, SC_V1, SC_V3, SC_V3_NEEDS_OTHER, SC_V3_NEEDS_SELF,
		SC_V3_NEEDS_SELF_4, SC_CORRUPT, SC_TOO_LARGE, SC_COUNTER_LOW,
		SC_COUNT };
enum strl_kind { ST_NONE, ST_TEST, ST_PERM, ST_REVERT, ST_ASK, ST_COUNT };

struct image_state {
	uint8_t prim, ptrl, sec, strl;
};

struct state {
	unsigned int n;
	unsigned int strategy;
	int downgrade;
	struct image_state img[MAX_IMAGES];
};

static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };
static const struct boot_strategy *const strategies[] = {
	&boot_strategy_overwrite_only, &boot_strategy_swap_scratch, &boot_strategy_swap_move,
	&boot_strategy_swap_offset,
};
#define NSTRATEGIES (sizeof(strategies) / sizeof(strategies[0]))

static struct {
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct flash_area_desc areas[2 * MAX_IMAGES + 1];
	struct flash_map map;
	struct ota ota;
	struct test_counter counter;
	uint8_t *mem, *buf;
	uint32_t size;
} d;

static uint8_t before[MAX_IMAGES][SEC]; /* each secondary, before the boot */
static uint64_t states, installs, erasures, asked, refused_asks;

static struct boot_trailer_geo trailer_geo(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){ slot->geo->size, 8, 8, NSECT, 3, 0xff };
}

static uint32_t base_of(unsigned int i)
{
	return i * (PRI + SEC);
}

/* The image the agent asks for (ST_ASK), or s->n for none. */
static unsigned int first_ask(const struct state *s)
{
	unsigned int i = 0;

	while (i < s->n && s->img[i].strl != ST_ASK)
		i++;
	return i;
}

/* Write the image `t` at `off` (the slot's sectors are erased). */
static void put_image(uint32_t off, const struct test_image *t, int corrupt)
{
	uint32_t n = test_image_build(d.buf, t);

	if (corrupt)
		d.buf[32 + 5] ^= 0x40;
	memcpy(d.mem + off, d.buf, n);
}

static void write_primary(const struct state *s, unsigned int i)
{
	const struct image_state *is = &s->img[i];
	struct test_image t = { (uint8_t)i, 2, 2, 0, 0, BODY };
	struct ota_image_slots *sl = &d.ota.img[i];
	struct mtd_dev *m = &sl->primary.win.mtd;
	const struct boot_trailer_geo *g = &sl->geo_primary;
	uint8_t torn[8];

	if (is->prim == PK_NEEDS_OTHER) {
		t.dep_img = (uint8_t)((i + 1) % s->n);
		t.dep_major = 2;
	}
	put_image(base_of(i), &t, 0);
	switch (is->ptrl) {
	case PT_TRIAL:
	case PT_CONFIRMED:
		assert_int_equal(boot_trailer_write_copy_done(m, g), 0);
		if (is->ptrl == PT_CONFIRMED)
			assert_int_equal(boot_trailer_write_image_ok(m, g), 0);
		assert_int_equal(boot_trailer_write_magic(m, g), 0);
		break;
	case PT_TORN_COPY_DONE:
		memset(torn, 0xff, sizeof(torn));
		torn[0] = 0x5a; /* neither erased nor the flag's value */
		assert_int_equal(mtd_program(m, boot_trailer_copy_done_off(g),
					     torn, sizeof(torn)), 0);
		assert_int_equal(boot_trailer_write_magic(m, g), 0);
		break;
	case PT_PERM_NO_COPY_DONE:
		assert_int_equal(boot_trailer_write_image_ok(m, g), 0);
		assert_int_equal(boot_trailer_write_magic(m, g), 0);
		break;
	default:
		break;
	}
}

static void write_secondary(const struct state *s, unsigned int i)
{
	const struct image_state *is = &s->img[i];
	struct test_image t = { (uint8_t)i, 3, 3, 0, 0, BODY };
	struct ota_image_slots *sl = &d.ota.img[i];
	struct mtd_dev *m = &sl->secondary.win.mtd;
	const struct boot_trailer_geo *g = &sl->geo_secondary;

	switch (is->sec) {
	case SC_EMPTY: break;
	case SC_V1: t.major = 1; t.sec_cnt = 1; break;
	case SC_V3_NEEDS_OTHER: t.dep_img = (uint8_t)((i + 1) % MAX_IMAGES);
				t.dep_major = 3; break;
	case SC_V3_NEEDS_SELF: t.dep_img = (uint8_t)i; t.dep_major = 3; break;
	case SC_V3_NEEDS_SELF_4: t.dep_img = (uint8_t)i; t.dep_major = 4; break;
	case SC_TOO_LARGE: t.body = BODY_TOO_LARGE; break; /* less `at` below */
	case SC_COUNTER_LOW: t.sec_cnt = 0; break;
	default: break;
	}
	/*
	 * Where the strategy stages an update; with swap-offset also at the
	 * secondary's start, where a revert finds the old image (the same
	 * image serves as either here), unless it is too large for both.
	 */
	uint32_t at = boot_stage_offset(&sl->secondary,
					strategies[s->strategy]->desc);

	if (is->sec == SC_TOO_LARGE) /* still past what the strategy installs */
		t.body -= at;
	if (is->sec != SC_EMPTY)
		put_image(base_of(i) + PRI + at, &t, is->sec == SC_CORRUPT);
	if (is->sec != SC_EMPTY && at != 0 && is->sec != SC_TOO_LARGE)
		put_image(base_of(i) + PRI, &t, is->sec == SC_CORRUPT);
	switch (is->strl) {
	case ST_ASK: /* the image asked for is asked later; others, like this */
		if (first_ask(s) == i)
			break;
		/* fall through */
	case ST_TEST:
	case ST_PERM:
		assert_int_equal(boot_request_upgrade(m, g, (uint8_t)i,
						      is->strl == ST_PERM), 0);
		break;
	case ST_REVERT: /* as swap.c's step 1 writes it */
		assert_int_equal(boot_trailer_write_image_ok(m, g), 0);
		assert_int_equal(boot_trailer_write_swap_info(m, g, (uint8_t)i,
							      BOOT_SWAP_REVERT), 0);
		assert_int_equal(boot_trailer_write_magic(m, g), 0);
		break;
	default:
		break;
	}
}

static void setup_flash(const struct state *s)
{
	struct ota_config cfg = { .map = &d.map, .nimages = s->n, .policy = &policy,
				  .rules = { s->downgrade, &d.counter.dev },
				  .upgrade = strategies[s->strategy]->desc->kind,
				  .trailer_geo = trailer_geo };
	static const char *const names[MAX_IMAGES][2] = {
		{ "p0", "s0" }, { "p1", "s1" }, { "p2", "s2" },
	};
	unsigned int k = 0;

	memset(d.mem, 0xff, d.size);
	for (unsigned int i = 0; i < s->n; i++) {
		d.areas[k++] = (struct flash_area_desc){ names[i][0], FLASH_AREA_PRIMARY,
			(uint8_t)i, base_of(i), PRI };
		d.areas[k++] = (struct flash_area_desc){ names[i][1], FLASH_AREA_SECONDARY,
			(uint8_t)i, base_of(i) + PRI, SEC };
	}
	d.areas[k++] = (struct flash_area_desc){ "scratch", FLASH_AREA_SCRATCH, 0,
						 base_of(MAX_IMAGES), SECTOR };
	assert_int_equal(flash_map_init(&d.map, &d.fl.mtd, d.areas, k,
					FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(ota_init(&d.ota, &cfg), 0);
	for (unsigned int i = 0; i < MAX_IMAGES; i++)
		d.counter.v[i] = 1;
	for (unsigned int i = 0; i < s->n; i++) {
		write_primary(s, i);
		write_secondary(s, i);
	}
}

static void describe(const struct state *s, unsigned int i, const char *what)
{
	fprintf(stderr, "state: %s, %u images, downgrade %d; image %u: %s\n",
		strategies[s->strategy]->desc->name, s->n, s->downgrade, i, what);
	for (unsigned int j = 0; j < s->n; j++)
		fprintf(stderr, "  image %u: primary %u trailer %u, secondary %u "
			"trailer %u\n", j, s->img[j].prim, s->img[j].ptrl,
			s->img[j].sec, s->img[j].strl);
}

static int slot_major(struct flash_area *fa)
{
	struct image_facts f;

	return image_validate(&fa->win.mtd, &policy, &f) == IMAGE_OK ?
	       f.hdr.version.major : 0;
}

static int all_erased(const uint8_t *p, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		if (p[i] != 0xff)
			return 0;
	return 1;
}

static void check_state(const struct state *s)
{
	struct boot_image imgs[MAX_IMAGES];
	struct boot_engine e = { .images = imgs, .nimages = s->n, .policy = &policy,
				 .strategy = strategies[s->strategy],
				 .scratch = &d.ota.scratch,
				 .rules = { s->downgrade, &d.counter.dev } };
	struct ota_state st;
	unsigned int asking = first_ask(s);
	int ask_rc = 0;
	int want_major[MAX_IMAGES];

	setup_flash(s);
	states++;
	/*
	 * The agent asks for the first image whose state says so (the others
	 * were written as test requests): it may refuse; the request is then
	 * written anyway, so the boot shows whether the refusal was right.
	 */
	if (asking < s->n) {
		asked++;
		ask_rc = ota_mark_pending(&d.ota, asking, 0);
		if (ask_rc != 0) {
			refused_asks++;
			assert_int_equal(boot_request_upgrade(&d.ota.img[asking].secondary.win.mtd,
							      &d.ota.img[asking].geo_secondary,
							      (uint8_t)asking, 0), 0);
		}
	}
	assert_int_equal(ota_read_state(&d.ota, &st), 0);
	for (unsigned int i = 0; i < s->n; i++) {
		enum boot_swap_type p = st.img[i].pending;

		want_major[i] = p == BOOT_SWAP_NONE ? st.img[i].primary.version.major :
				st.img[i].secondary.version.major;
		if (i == asking && (ask_rc == 0) != (p == BOOT_SWAP_TEST)) {
			describe(s, i, "ota_mark_pending disagrees with the prediction");
			fail();
		}
	}
	for (unsigned int i = 0; i < s->n; i++)
		imgs[i] = (struct boot_image){ .primary = &d.ota.img[i].primary,
					       .secondary = &d.ota.img[i].secondary,
					       .geo_primary = d.ota.img[i].geo_primary,
					       .geo_secondary = d.ota.img[i].geo_secondary };
	{
		for (unsigned int i = 0; i < s->n; i++)
			memcpy(before[i], d.mem + base_of(i) + PRI, SEC);
		assert_int_equal(boot_engine_run(&e), 0);
		for (unsigned int i = 0; i < s->n; i++) {
			const uint8_t *after = d.mem + base_of(i) + PRI;
			int erase = st.img[i].pending_why == BOOT_PLAN_INVALID ||
				    st.img[i].pending_why == BOOT_PLAN_REFUSED;

			if (imgs[i].resumed) {
				describe(s, i, "the engine resumed a swap");
				fail();
			}
			if (imgs[i].status != IMAGE_OK ||
			    slot_major(&d.ota.img[i].primary) != want_major[i]) {
				describe(s, i, "the primary is not the predicted image");
				fail();
			}
			if (erase && !all_erased(after, SEC)) {
				describe(s, i, "predicted erased, the secondary is not");
				fail();
			}
			if (st.img[i].pending == BOOT_SWAP_NONE && !erase &&
			    memcmp(after, before[i], SEC) != 0) {
				describe(s, i, "predicted kept, the secondary changed");
				fail();
			}
			if (i == asking && (ask_rc == 0) != (imgs[i].swap == BOOT_SWAP_TEST)) {
				describe(s, i, ask_rc ? "a refused request was installed" :
					 "an accepted request was not installed");
				fail();
			}
			installs += st.img[i].pending != BOOT_SWAP_NONE;
			erasures += erase;
		}
	}
}

/* The n images' states from a number below PT_COUNT... ^ n. */
static void image_state_of(uint32_t v, struct image_state *is)
{
	is->prim = v % PK_COUNT; v /= PK_COUNT;
	is->ptrl = v % PT_COUNT; v /= PT_COUNT;
	is->sec = v % SC_COUNT; v /= SC_COUNT;
	is->strl = v % ST_COUNT;
}

#define IMAGE_STATES (PK_COUNT * PT_COUNT * SC_COUNT * ST_COUNT)

static uint32_t rng = 0x2545f491u;

static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

static void test_agent_predicts_the_engine(void **unused)
{
	const char *env = getenv("PLAN_STATES");
	uint32_t sample = env ? (uint32_t)strtoul(env, NULL, 0) : 1500;
	int saved = dup(1), null = open("/dev/null", O_WRONLY);
	uint64_t by_n[MAX_IMAGES + 1] = { 0 };

	(void)unused;
	d.size = base_of(MAX_IMAGES) + SECTOR;
	d.region = (struct mtd_region){ SECTOR, d.size / SECTOR };
	d.geo = (struct mtd_geometry){ &d.region, 1, 8, 0xff, d.size };
	d.mem = malloc(d.size);
	d.buf = malloc(SEC);
	d.counter = (struct test_counter)TEST_COUNTER_INIT;
	assert_non_null(d.mem);
	assert_int_equal(sim_flash_init_ram(&d.fl, &d.geo, d.mem), 0);
	fflush(stdout);
	dup2(null, 1); /* the engine's log */
	for (unsigned int n = 1; n <= MAX_IMAGES; n++) {
		uint32_t count = n == 1 ? IMAGE_STATES : sample;

		for (unsigned int strat = 0; strat < NSTRATEGIES; strat++)
			for (int dg = 0; dg < 2; dg++)
				for (uint32_t k = 0; k < count; k++) {
					struct state s = { n, strat, dg, { { 0 } } };

					for (unsigned int i = 0; i < n; i++)
						image_state_of(n == 1 ? k :
							       next_random() % IMAGE_STATES,
							       &s.img[i]);
					check_state(&s);
					by_n[n]++;
				}
	}
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(null);
	printf("update plan: %llu states (N=1: %llu, N=2: %llu, N=3: %llu), "
	       "%llu changes, %llu erasures, %llu asks (%llu refused): the "
	       "agent's prediction held in every one\n",
	       (unsigned long long)states, (unsigned long long)by_n[1],
	       (unsigned long long)by_n[2], (unsigned long long)by_n[3],
	       (unsigned long long)installs, (unsigned long long)erasures,
	       (unsigned long long)asked, (unsigned long long)refused_asks);
	free(d.mem);
	free(d.buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agent_predicts_the_engine),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
