/* tests/boot/test_glitch.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * A simulated glitch: each named decision on the path from validation to
 * the jump (libs/bootstate/fih.h) is flipped, one at a time, on devices
 * whose images fail validation in different ways: a corrupt primary, a
 * corrupt primary confirmed earlier (validate-once off), a corrupt update,
 * a primary whose security counter is below the device's, an update below
 * it. The boot engine runs and boot_engine_start is asked to jump; if it
 * jumps, the primary must validate (checked here, unglitched) and its
 * counter be the device's or above. Unglitched, a valid primary starts
 * and an invalid one does not.
 *
 * The decisions inside image_validate are flipped the same way on
 * imgtool's signed image (../shared) and its corruptions: a payload byte,
 * the hash TLV, the signature, an untrusted key. No one flip may give
 * what the engine requires to boot (IMAGE_OK and a passing verdict).
 */
#include "tests/test.h"

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

static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };

enum scenario {
	GOOD,              /* valid primary: starts */
	GOOD_UPDATE,       /* valid update over a valid primary: starts */
	CORRUPT_PRIMARY,
	CORRUPT_CONFIRMED, /* confirmed earlier, validate-once off */
	CORRUPT_UPDATE,    /* a test request for a corrupt update */
	PRIMARY_ROLLBACK,  /* primary's counter below the device's */
	UPDATE_ROLLBACK,   /* a request for an update below it */
	SCENARIOS,
};

static const char *const names[SCENARIOS] = {
	"good", "good update", "corrupt primary", "corrupt, confirmed",
	"corrupt update", "primary below the counter", "update below the counter",
};

static struct {
	struct sim_flash fl;
	struct mtd_geometry geo;
	struct mtd_region region;
	struct flash_map map;
	struct flash_area_desc areas[2];
	struct flash_area pri, sec;
	struct boot_image img;
	struct test_counter counter;
	uint8_t *mem, *buf;
} d;

static int jumped;

static int record_jump(void *arg)
{
	(void)arg;
	jumped = 1;
	return 0;
}

static void put(uint32_t off, uint8_t major, uint32_t cnt, int corrupt)
{
	struct test_image t = { 0, major, cnt, 0, 0, 3000 };
	uint32_t n = test_image_build(d.buf, &t);

	if (corrupt)
		d.buf[100] ^= 1;
	memcpy(d.mem + off, d.buf, n);
}

static void setup(enum scenario sc)
{
	struct mtd_dev *pm, *sm;

	memset(d.mem, 0xff, PRI + SEC);
	d.areas[0] = (struct flash_area_desc){ "p0", FLASH_AREA_PRIMARY, 0, 0, PRI };
	d.areas[1] = (struct flash_area_desc){ "s0", FLASH_AREA_SECONDARY, 0, PRI, SEC };
	assert_int_equal(flash_map_init(&d.map, &d.fl.mtd, d.areas, 2,
					FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(flash_area_open(&d.map, FLASH_AREA_PRIMARY, 0, &d.pri), 0);
	assert_int_equal(flash_area_open(&d.map, FLASH_AREA_SECONDARY, 0, &d.sec), 0);
	d.img = (struct boot_image){ .primary = &d.pri, .secondary = &d.sec,
		.geo_primary = { PRI, 8, 8, NSECT, 3, 0xff },
		.geo_secondary = { SEC, 8, 8, NSECT, 3, 0xff } };
	pm = &d.pri.win.mtd;
	sm = &d.sec.win.mtd;
	d.counter.v[0] = 2;
	put(0, 2, sc == PRIMARY_ROLLBACK ? 1 : 2,
	    sc == CORRUPT_PRIMARY || sc == CORRUPT_CONFIRMED);
	if (sc == CORRUPT_CONFIRMED) {
		assert_int_equal(boot_trailer_write_copy_done(pm, &d.img.geo_primary), 0);
		assert_int_equal(boot_trailer_write_image_ok(pm, &d.img.geo_primary), 0);
		assert_int_equal(boot_trailer_write_magic(pm, &d.img.geo_primary), 0);
	}
	if (sc == GOOD_UPDATE || sc == CORRUPT_UPDATE || sc == UPDATE_ROLLBACK) {
		put(PRI, 3, sc == UPDATE_ROLLBACK ? 1 : 3, sc == CORRUPT_UPDATE);
		assert_int_equal(boot_request_upgrade(sm, &d.img.geo_secondary, 0, 0), 0);
	}
}

/* The primary validates, unglitched, and its counter is not below. */
static int primary_really_valid(void)
{
	struct image_facts f;

	fih_glitch_at = -1;
	return image_validate(&d.pri.win.mtd, &policy, &f) == IMAGE_OK &&
	       f.has_sec_cnt && f.sec_cnt >= d.counter.v[0];
}

static int boot(enum scenario sc, int glitch)
{
	struct boot_engine e = { .images = &d.img, .nimages = 1, .policy = &policy,
				 .strategy = &boot_strategy_swap_move,
				 .validate_primary_once = 0,
				 .rules = { 0, &d.counter.dev } };
	int rc;

	setup(sc);
	jumped = 0;
	fih_glitch_at = glitch;
	rc = boot_engine_run(&e);
	if (rc == 0)
		boot_engine_start(&e, record_jump, NULL);
	fih_glitch_at = -1;
	return rc;
}

static void test_no_single_glitch_starts_an_invalid_image(void **unused)
{
	int saved = dup(1), null = open("/dev/null", O_WRONLY);
	unsigned int runs = 0, refused = 0;

	(void)unused;
	d.region = (struct mtd_region){ SECTOR, (PRI + SEC) / SECTOR };
	d.geo = (struct mtd_geometry){ &d.region, 1, 8, 0xff, PRI + SEC };
	d.mem = malloc(PRI + SEC);
	d.buf = malloc(SEC);
	d.counter = (struct test_counter)TEST_COUNTER_INIT;
	assert_int_equal(sim_flash_init_ram(&d.fl, &d.geo, d.mem), 0);
	fflush(stdout);
	dup2(null, 1); /* the engine's log */
	for (int sc = 0; sc < SCENARIOS; sc++) {
		/* Unglitched: a valid primary starts (a bad update is erased). */
		int starts = sc != CORRUPT_PRIMARY && sc != CORRUPT_CONFIRMED &&
			     sc != PRIMARY_ROLLBACK;

		assert_int_equal(boot(sc, -1), 0);
		if (jumped != starts) {
			dup2(saved, 1);
			fail_msg("%s, no glitch: %s", names[sc],
				 jumped ? "started" : "did not start");
		}
		for (int g = 0; g < FIH_DECISIONS; g++) {
			runs++;
			if (boot(sc, g) != 0)
				continue; /* a flash error: nothing started */
			if (jumped && !primary_really_valid()) {
				dup2(saved, 1);
				fail_msg("%s, decision %d flipped: an image that "
					 "fails validation was started", names[sc], g);
			}
			refused += !jumped;
		}
	}
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(null);
	printf("glitch: %u decisions x %u devices = %u glitched boots, %u "
	       "refused to start, none started an invalid image\n",
	       (unsigned)FIH_DECISIONS, (unsigned)SCENARIOS, runs, refused);
	free(d.mem);
	free(d.buf);
}

/* The verdict words: one flipped bit in either word fails. */
static void test_verdict_bits(void **unused)
{
	struct fih_verdict ok = fih_verdict_of(IMAGE_OK);

	(void)unused;
	assert_true(fih_passed(&ok));
	assert_false(fih_passed(&(struct fih_verdict){ 0, 0 }));
	for (int b = 0; b < 32; b++) {
		struct fih_verdict v = ok;

		v.word ^= 1u << b;
		assert_false(fih_passed(&v));
		v = ok;
		v.check ^= 1u << b;
		assert_false(fih_passed(&v));
	}
	for (int s = -1100; s < 0; s++) {
		struct fih_verdict v = fih_verdict_of(s);

		assert_false(fih_passed(&v));
		assert_false(fih_passed(&(struct fih_verdict){ fih_both(ok, v).word,
							       fih_both(ok, v).check }));
	}
}

enum signed_case { SIGNED_GOOD, SIGNED_PAYLOAD, SIGNED_HASH, SIGNED_SIG,
		   SIGNED_UNTRUSTED, SIGNED_CASES };

static const char *const signed_names[SIGNED_CASES] = {
	"signed image", "payload byte flipped", "hash TLV flipped",
	"signature flipped", "untrusted key",
};

/* What the engine requires of a primary before it may start it. */
static int boots(struct mtd_dev *dev, const struct image_policy *pol, int glitch)
{
	struct image_facts f;
	int rc;

	fih_glitch_at = glitch;
	rc = image_validate(dev, pol, &f);
	fih_glitch_at = -1;
	return rc == IMAGE_OK && fih_passed(&f.verdict);
}

static void test_no_single_glitch_passes_a_bad_signed_image(void **unused)
{
	size_t klen, glen, ulen;
	uint8_t *key = test_read_shared("vectors/imgtool/keys/ecdsa-p256.pub.der", &klen);
	uint8_t *good = test_read_shared("vectors/imgtool/ecdsa-p256/image.bin", &glen);
	uint8_t *untrusted = test_read_shared("vectors/imgtool/neg-untrusted-key/image.bin",
					      &ulen);
	const struct image_key k = { key, klen };
	const struct image_policy pol = { .sig = &image_sig_ecdsa_p256,
					  .hash = CRYPTO_HASH_SHA256,
					  .keys = &k, .nkeys = 1 };
	uint32_t size = (uint32_t)((glen > ulen ? glen : ulen) + SECTOR - 1) / SECTOR * SECTOR;
	struct mtd_region region = { SECTOR, size / SECTOR };
	struct mtd_geometry geo = { &region, 1, 8, 0xff, size };
	uint8_t *mem = malloc(size);
	struct sim_flash fl;
	struct image_facts f;
	unsigned int runs = 0;

	(void)unused;
	assert_non_null(mem);
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	for (int c = 0; c < SIGNED_CASES; c++) {
		memset(mem, 0xff, size);
		if (c == SIGNED_UNTRUSTED) {
			memcpy(mem, untrusted, ulen);
		} else {
			memcpy(mem, good, glen);
			assert_int_equal(image_validate(&fl.mtd, &pol, &f), IMAGE_OK);
		}
		if (c == SIGNED_PAYLOAD)
			mem[f.hdr.hdr_size + 7] ^= 1;
		if (c == SIGNED_HASH) /* the digest: imgtool writes it first */
			mem[f.hdr.hdr_size + f.hdr.img_size + f.hdr.protect_tlv_size + 4 + 4] ^= 1;
		if (c == SIGNED_SIG)
			mem[f.size - 1] ^= 1;
		if (boots(&fl.mtd, &pol, -1) != (c == SIGNED_GOOD))
			fail_msg("%s, no glitch: %s", signed_names[c],
				 c == SIGNED_GOOD ? "refused" : "passed");
		for (int g = 0; g < FIH_DECISIONS; g++, runs++)
			if (c != SIGNED_GOOD && boots(&fl.mtd, &pol, g))
				fail_msg("%s, decision %d flipped: passed", signed_names[c], g);
	}
	printf("glitch: %u decisions x %u signed images (4 bad) = %u glitched "
	       "validations, none passed a bad one\n", (unsigned)FIH_DECISIONS,
	       (unsigned)SIGNED_CASES, runs);
	free(mem);
	free(key);
	free(good);
	free(untrusted);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_verdict_bits),
		cmocka_unit_test(test_no_single_glitch_passes_a_bad_signed_image),
		cmocka_unit_test(test_no_single_glitch_starts_an_invalid_image),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
