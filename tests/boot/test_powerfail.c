/*
 * Power-fail proof of the boot engine: each scenario runs on the simulated
 * flash with power cut at every program and erase (the operation skipped,
 * completed, or torn), then the device reboots and recovers; for a seeded
 * sample, power is cut again during recovery. After every run: a valid
 * image boots, it is the image the scenario's rules require, and a further
 * boot changes nothing. Prints
 *   powerfail: <cut points> cut points, <scenarios> scenarios, <failures> failures
 * POWERFAIL_SECTORS sets the slot size in sectors (default 16).
 */
#include "tests/test.h"

#include "boot/engine/engine.h"
#include "drivers/mtd/sim_replay.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_tlv.h"
#include "libs/util/le.h"

#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 4096
#define UNIT 8

static uint32_t nsect = 16;
static uint64_t total_cut_points, total_scenarios, total_failures;
static int saved_stdout = -1;

static struct mtd_region region;
static struct mtd_geometry geo;
static uint8_t *mem, *initial;
static struct sim_flash fl;
static struct flash_area_desc areas[2];
static struct flash_map map;
static struct flash_area primary, secondary;
static const struct image_policy policy = { .sig = NULL, .hash = CRYPTO_HASH_SHA256 };

/* A hash-only MCUboot image of `body` bytes whose content depends on `seed`. */
static uint32_t build_image(uint8_t *out, uint8_t major, uint32_t body, uint8_t seed)
{
	struct image_header h = { .magic = IMAGE_MAGIC, .hdr_size = 32,
				  .img_size = body };
	uint8_t *p = out + 32 + body;

	h.version.major = major;
	image_header_encode(&h, out);
	for (uint32_t i = 0; i < body; i++)
		out[32 + i] = (uint8_t)(i * 31 + seed);
	put_le16(p, IMAGE_TLV_INFO_MAGIC);
	put_le16(p + 2, 40);
	put_le16(p + 4, IMAGE_TLV_SHA256);
	put_le16(p + 6, 32);
	crypto_hash_buf(CRYPTO_HASH_SHA256, out, 32 + body, p + 8);
	return 32 + body + 40;
}

static void setup_flash(void)
{
	uint32_t slot = nsect * SECTOR;

	region = (struct mtd_region){ SECTOR, 2 * nsect };
	geo = (struct mtd_geometry){ &region, 1, UNIT, 0xff, 2 * slot };
	mem = malloc(2 * slot);
	initial = malloc(2 * slot);
	assert_non_null(mem);
	assert_non_null(initial);
	memset(mem, 0xff, 2 * slot);
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	areas[0] = (struct flash_area_desc){ "primary", FLASH_AREA_PRIMARY, 0, 0, slot };
	areas[1] = (struct flash_area_desc){ "secondary", FLASH_AREA_SECONDARY, 0, slot, slot };
	assert_int_equal(flash_map_init(&map, &fl.mtd, areas, 2, FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &primary), 0);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_SECONDARY, 0, &secondary), 0);
}

static struct boot_engine engine(const struct boot_strategy *s)
{
	struct boot_engine e = { .primary = &primary, .secondary = &secondary,
				 .policy = &policy, .strategy = s };

	e.geo_primary = (struct boot_trailer_geo){ nsect * SECTOR, 8, UNIT, nsect, 3, 0xff };
	e.geo_secondary = e.geo_primary;
	return e;
}

/* Place an image at offset 0 of an area (programmed, as an agent would). */
static void put_image(struct flash_area *fa, uint8_t major, uint32_t body, uint8_t seed)
{
	uint32_t cap = nsect * SECTOR;
	uint8_t *buf = malloc(cap);
	uint32_t n;

	memset(buf, 0xff, cap);
	n = build_image(buf, major, body, seed);
	n = (n + UNIT - 1) / UNIT * UNIT;
	assert_int_equal(flash_area_program(fa, 0, buf, n), 0);
	free(buf);
}

struct scenario {
	const char *name;
	const struct boot_strategy *strategy;
	uint8_t want;        /* major version that must end up booting */
	uint8_t also_ok;     /* another acceptable one while a later stage is cut, or 0 */
	uint64_t settled_at; /* from this op on, only `want` is acceptable */
	int stage_after;     /* scenario stages v3 after its first boot */
	uint64_t staged_at;  /* ops done when the v3 request is complete */
};

static int boot_once(struct boot_engine *e, struct boot_result *r)
{
	int rc = boot_engine_run(e, r);

	if (rc == 0 && r->status != IMAGE_OK)
		rc = -1;
	return rc;
}

static int run_scenario(struct mtd_dev *dev, void *ctx)
{
	struct scenario *sc = ctx;
	struct boot_engine e = engine(sc->strategy);
	struct boot_result r;
	int rc;

	(void)dev;
	rc = boot_engine_run(&e, &r);
	if (rc != 0 || !sc->stage_after)
		return rc;
	/* the OS image stages the next update, then the device reboots */
	rc = boot_erase_sectors(&secondary, 0, nsect * SECTOR);
	if (rc == 0) {
		uint32_t cap = nsect * SECTOR;
		uint8_t *buf = malloc(cap);
		uint32_t n;

		memset(buf, 0xff, cap);
		n = build_image(buf, 3, 7 * SECTOR + 100, 0x33);
		n = (n + UNIT - 1) / UNIT * UNIT;
		rc = flash_area_program(&secondary, 0, buf, n);
		free(buf);
	}
	if (rc == 0)
		rc = boot_request_upgrade(&secondary.win.mtd, &e.geo_secondary, 0, 0);
	sc->staged_at = fl.ops;
	if (rc == 0)
		rc = boot_engine_run(&e, &r);
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

static int check(struct mtd_dev *dev, const struct sim_replay_point *pt, int rc,
		 void *ctx)
{
	struct scenario *sc = ctx;
	struct boot_engine e = engine(sc->strategy);
	struct boot_result r;
	uint8_t major;

	(void)dev;
	(void)rc;
	/* A sample of cut points: power fails again during recovery. */
	if (pt->op % 5 == 0) {
		sim_flash_arm_cut(&fl, rnd() % 64, (enum sim_cut_mode)(rnd() % 3), rnd());
		boot_engine_run(&e, &r);
		sim_flash_power_on(&fl);
	}
	if (boot_once(&e, &r) != 0) {
		fprintf(stderr, "%s: cut at op %llu mode %d: recovery boot failed "
			"(status %s)\n", sc->name, (unsigned long long)pt->op, pt->mode,
			image_strerror(r.status));
		return -1;
	}
	major = r.facts.hdr.version.major;
	if (major != sc->want &&
	    !(sc->also_ok && major == sc->also_ok && pt->op < sc->settled_at)) {
		fprintf(stderr, "%s: cut at op %llu mode %d: boots v%u, want v%u\n",
			sc->name, (unsigned long long)pt->op, pt->mode, major, sc->want);
		return -1;
	}
	/* Settled: another boot changes nothing. */
	if (boot_once(&e, &r) != 0 || r.swap != BOOT_SWAP_NONE ||
	    r.facts.hdr.version.major != major) {
		fprintf(stderr, "%s: cut at op %llu: not settled after recovery\n",
			sc->name, (unsigned long long)pt->op);
		return -1;
	}
	return 0;
}

static void run(struct scenario *sc)
{
	struct sim_replay_result res;
	struct sim_replay rp = { .fl = &fl, .initial = initial, .seed = 1234,
				 .scenario = run_scenario, .check = check, .ctx = sc };

	memcpy(initial, mem, geo.size);
	if (sc->stage_after) {
		/*
		 * Learn when the v3 request is complete: a cut before then may
		 * leave v2 (v3 not yet asked for); from then on only v3 will do.
		 */
		memcpy(mem, initial, geo.size);
		sim_flash_power_on(&fl);
		run_scenario(&fl.mtd, sc);
		sc->settled_at = sc->staged_at;
		assert_true(sc->settled_at > 0 && sc->settled_at < fl.ops);
	}
	sim_replay_all(&rp, &res);
	total_cut_points += res.cut_points;
	total_scenarios++;
	total_failures += res.failures;
	fprintf(stderr, "  %-40s %6llu cut points, %llu runs, %llu failures\n",
		sc->name, (unsigned long long)res.cut_points,
		(unsigned long long)res.runs, (unsigned long long)res.failures);
	assert_int_equal(res.failures, 0);
}

static void fresh(void)
{
	memset(mem, 0xff, geo.size);
	sim_flash_power_on(&fl);
	put_image(&primary, 1, 5 * SECTOR + 77, 0x11);
}

static void test_overwrite_test_upgrade(void **state)
{
	struct boot_engine e = engine(&boot_strategy_overwrite);
	struct scenario sc = { .name = "overwrite-only, test upgrade",
			       .strategy = &boot_strategy_overwrite, .want = 2 };

	(void)state;
	fresh();
	put_image(&secondary, 2, 6 * SECTOR + 5, 0x22);
	assert_int_equal(boot_request_upgrade(&secondary.win.mtd, &e.geo_secondary, 0, 0), 0);
	run(&sc);
}

static void test_overwrite_permanent_upgrade(void **state)
{
	struct boot_engine e = engine(&boot_strategy_overwrite);
	struct scenario sc = { .name = "overwrite-only, permanent upgrade",
			       .strategy = &boot_strategy_overwrite, .want = 2 };

	(void)state;
	fresh();
	put_image(&secondary, 2, 9 * SECTOR, 0x22);
	assert_int_equal(boot_request_upgrade(&secondary.win.mtd, &e.geo_secondary, 0, 1), 0);
	run(&sc);
}

static void test_overwrite_invalid_secondary(void **state)
{
	struct boot_engine e = engine(&boot_strategy_overwrite);
	struct scenario sc = { .name = "overwrite-only, invalid update refused",
			       .strategy = &boot_strategy_overwrite, .want = 1 };

	(void)state;
	fresh();
	put_image(&secondary, 2, 6 * SECTOR, 0x22);
	mem[nsect * SECTOR + 32 + 1000] ^= 0x01; /* a flipped body bit: flash allows 1->0 */
	assert_int_equal(boot_request_upgrade(&secondary.win.mtd, &e.geo_secondary, 0, 0), 0);
	run(&sc);
}

static void test_overwrite_back_to_back(void **state)
{
	struct boot_engine e = engine(&boot_strategy_overwrite);
	struct scenario sc = { .name = "overwrite-only, back-to-back upgrades",
			       .strategy = &boot_strategy_overwrite, .want = 3,
			       .also_ok = 2, .stage_after = 1 };

	(void)state;
	fresh();
	put_image(&secondary, 2, 6 * SECTOR, 0x22);
	assert_int_equal(boot_request_upgrade(&secondary.win.mtd, &e.geo_secondary, 0, 0), 0);
	run(&sc);
}

static void test_no_upgrade_pending(void **state)
{
	struct scenario sc = { .name = "overwrite-only, nothing pending",
			       .strategy = &boot_strategy_overwrite, .want = 1 };

	(void)state;
	fresh();
	run(&sc);
}

static int setup(void **state)
{
	const char *env = getenv("POWERFAIL_SECTORS");

	(void)state;
	if (env && atoi(env) >= 12 && atoi(env) <= 1024)
		nsect = (uint32_t)atoi(env);
	setup_flash();
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
	printf("powerfail: %llu cut points, %llu scenarios, %llu failures\n",
	       (unsigned long long)total_cut_points,
	       (unsigned long long)total_scenarios,
	       (unsigned long long)total_failures);
	free(mem);
	free(initial);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overwrite_test_upgrade),
		cmocka_unit_test(test_overwrite_permanent_upgrade),
		cmocka_unit_test(test_overwrite_invalid_secondary),
		cmocka_unit_test(test_overwrite_back_to_back),
		cmocka_unit_test(test_no_upgrade_pending),
	};

	return cmocka_run_group_tests_name("boot engine power-fail", tests, setup,
					   teardown);
}
