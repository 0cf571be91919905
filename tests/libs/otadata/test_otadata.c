/* tests/libs/otadata/test_otadata.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libs/otadata: the CRC, the slot choice on a table of otadata states
 * written from section 4 of esp-formats.md (not from the code under test),
 * the fallback order, the OTA API's writes, the upstream vectors and the
 * flash I/O.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/otadata/otadata.h"

#include <errno.h>
#include <string.h>

/* An entry: seq, state, CRC right or wrong. BLANK is all 0xff. */
struct ent {
	uint32_t seq, state;
	int bad_crc;
};

#define E(s, st) { (s), OTADATA_STATE_##st, 0 }
#define B(s, st) { (s), OTADATA_STATE_##st, 1 }
#define R(s, st) { (s), (st), 0 } /* a raw state value */
#define X { OTADATA_SEQ_ERASED, OTADATA_STATE_UNDEFINED, 2 }

#define F OTADATA_FACTORY
#define NONE 0xffffffffu /* no write */
#define PV OTADATA_STATE_PENDING_VERIFY
#define AB OTADATA_STATE_ABORTED

struct row {
	struct ent e[2];
	unsigned int n;          /* OTA app partitions */
	int factory, test, rollback, no_otadata;
	int start, active;       /* expected */
	uint32_t w0, w1;         /* state written to each entry, or NONE */
	int init;                /* entry 0 initialised after an OTA boot */
	int why;
};

#define ACT OTADATA_WHY_ACTIVE
#define BOTH OTADATA_WHY_BOTH_INVALID
#define NOACT OTADATA_WHY_NO_ACTIVE
#define NOAPP OTADATA_WHY_NO_OTA_APPS
#define NOOTA OTADATA_WHY_NO_OTADATA

static const struct row rows[] = {
	/* blank otadata */
	{ { X, X }, 2, 1, 0, 0, 0, F, -1, NONE, NONE, 0, BOTH },
	{ { X, X }, 2, 0, 0, 0, 0, 0, -1, NONE, NONE, 1, BOTH },
	{ { X, X }, 2, 0, 0, 1, 0, 0, -1, NONE, NONE, 1, BOTH },
	{ { X, X }, 1, 0, 1, 0, 0, 0, -1, NONE, NONE, 1, BOTH },
	{ { X, X }, 4, 1, 1, 1, 0, F, -1, NONE, NONE, 0, BOTH },
	{ { X, X }, 0, 1, 0, 0, 0, F, -1, NONE, NONE, 0, NOAPP },
	{ { X, X }, 0, 0, 1, 0, 0, 0, -1, NONE, NONE, 1, NOAPP },
	{ { E(1, VALID), X }, 0, 1, 0, 0, 0, F, -1, NONE, NONE, 0, NOAPP },
	/* no otadata partition */
	{ { E(1, VALID), X }, 2, 1, 0, 0, 1, F, -1, NONE, NONE, 0, NOOTA },
	/* one valid entry */
	{ { E(1, UNDEFINED), X }, 2, 1, 0, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { X, E(1, UNDEFINED) }, 2, 1, 0, 0, 0, 0, 1, NONE, NONE, 0, ACT },
	{ { X, E(2, VALID) }, 2, 0, 0, 1, 0, 1, 1, NONE, NONE, 0, ACT },
	{ { E(5, VALID), X }, 4, 0, 0, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { E(1, VALID), X }, 1, 1, 1, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	/* both valid, every sequence order */
	{ { E(1, VALID), E(2, VALID) }, 2, 1, 0, 0, 0, 1, 1, NONE, NONE, 0, ACT },
	{ { E(2, VALID), E(1, VALID) }, 2, 1, 0, 0, 0, 1, 0, NONE, NONE, 0, ACT },
	{ { E(3, VALID), E(2, VALID) }, 2, 1, 0, 1, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { E(2, VALID), E(3, VALID) }, 2, 1, 0, 1, 0, 0, 1, NONE, NONE, 0, ACT },
	{ { E(5, VALID), E(5, VALID) }, 2, 1, 0, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { E(1, VALID), E(2, VALID) }, 1, 0, 0, 0, 0, 0, 1, NONE, NONE, 0, ACT },
	{ { E(2, VALID), E(3, VALID) }, 3, 0, 0, 0, 0, 2, 1, NONE, NONE, 0, ACT },
	{ { E(4, VALID), E(3, VALID) }, 3, 1, 1, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { E(7, VALID), E(6, VALID) }, 4, 1, 0, 0, 0, 2, 0, NONE, NONE, 0, ACT },
	{ { E(4, VALID), E(8, VALID) }, 4, 0, 1, 1, 0, 3, 1, NONE, NONE, 0, ACT },
	{ { E(0xfffffffe, VALID), E(1, VALID) }, 2, 0, 0, 0, 0, 1, 0, NONE, NONE, 0, ACT },
	{ { E(0, VALID), X }, 2, 0, 0, 0, 0, 1, 0, NONE, NONE, 0, ACT },
	{ { E(0, VALID), X }, 3, 0, 0, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	/* bad CRC */
	{ { E(1, VALID), B(2, VALID) }, 2, 1, 0, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { B(1, VALID), B(2, VALID) }, 2, 1, 0, 0, 0, F, -1, NONE, NONE, 0, NOACT },
	{ { B(1, VALID), B(2, VALID) }, 2, 0, 0, 0, 0, F, -1, NONE, NONE, 0, NOACT },
	{ { B(1, VALID), X }, 2, 0, 1, 0, 0, F, -1, NONE, NONE, 0, NOACT },
	{ { B(1, INVALID), X }, 2, 0, 0, 0, 0, 0, -1, NONE, NONE, 1, BOTH },
	{ { B(2, PENDING_VERIFY), E(1, VALID) }, 2, 1, 0, 1, 0, 0, 1, AB, NONE, 0, ACT },
	/* each state value */
	{ { E(1, INVALID), X }, 2, 0, 0, 0, 0, 0, -1, NONE, NONE, 0, BOTH },
	{ { E(1, VALID), E(2, INVALID) }, 2, 1, 0, 0, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { E(1, VALID), E(2, ABORTED) }, 2, 1, 0, 1, 0, 0, 0, NONE, NONE, 0, ACT },
	{ { E(1, INVALID), E(2, ABORTED) }, 2, 1, 1, 0, 0, F, -1, NONE, NONE, 0, BOTH },
	{ { E(1, VALID), E(2, NEW) }, 2, 1, 0, 0, 0, 1, 1, NONE, NONE, 0, ACT },
	{ { E(1, VALID), E(2, NEW) }, 2, 1, 0, 1, 0, 1, 1, NONE, PV, 0, ACT },
	{ { E(2, NEW), E(1, VALID) }, 2, 0, 0, 1, 0, 1, 0, PV, NONE, 0, ACT },
	{ { E(1, NEW), X }, 3, 0, 0, 1, 0, 0, 0, PV, NONE, 0, ACT },
	{ { E(1, VALID), E(2, PENDING_VERIFY) }, 2, 1, 0, 0, 0, 1, 1, NONE, NONE, 0, ACT },
	{ { E(1, VALID), E(2, PENDING_VERIFY) }, 2, 1, 0, 1, 0, 0, 0, NONE, AB, 0, ACT },
	{ { E(3, PENDING_VERIFY), E(2, VALID) }, 2, 0, 0, 1, 0, 1, 1, AB, NONE, 0, ACT },
	{ { E(1, PENDING_VERIFY), E(2, PENDING_VERIFY) }, 2, 1, 0, 1, 0, F, -1, AB, AB, 0, BOTH },
	{ { E(1, PENDING_VERIFY), E(2, PENDING_VERIFY) }, 2, 0, 1, 1, 0, 0, -1, AB, AB, 0, BOTH },
	{ { E(1, PENDING_VERIFY), E(2, NEW) }, 2, 0, 0, 1, 0, 1, 1, AB, PV, 0, ACT },
	{ { E(1, VALID), E(2, UNDEFINED) }, 2, 1, 0, 1, 0, 1, 1, NONE, NONE, 0, ACT },
	{ { E(1, VALID), R(2, 7) }, 2, 1, 0, 1, 0, 1, 1, NONE, NONE, 0, ACT },
	{ { { OTADATA_SEQ_ERASED, OTADATA_STATE_VALID, 0 }, X }, 2, 1, 0, 0, 0, F, -1, NONE, NONE, 0, BOTH },
};

static void make_entry(const struct ent *s, struct otadata_entry *e)
{
	otadata_entry_blank(e);
	if (s->bad_crc == 2)
		return;
	e->seq = s->seq;
	e->state = s->state;
	e->crc = otadata_crc(s->seq) ^ (s->bad_crc ? 0x100u : 0u);
}

static void test_choice_table(void **state)
{
	(void)state;
	assert_true(sizeof(rows) / sizeof(rows[0]) >= 40);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		struct otadata_layout l = {
			.ota_count = r->n, .has_otadata = !r->no_otadata,
			.has_factory = r->factory, .has_test = r->test,
			.rollback = r->rollback,
		};
		struct otadata_entry e[2];
		struct otadata_choice c;
		uint32_t want[2] = { r->w0, r->w1 };

		make_entry(&r->e[0], &e[0]);
		make_entry(&r->e[1], &e[1]);
		otadata_choose(e, &l, &c);
		if (c.start != r->start || c.active != r->active ||
		    c.init_on_boot != r->init || (int)c.why != r->why)
			fail_msg("row %zu: start %d active %d init %d why %d", i,
				 c.start, c.active, c.init_on_boot, c.why);
		for (int k = 0; k < 2; k++) {
			assert_int_equal(c.write[k], want[k] != NONE);
			if (want[k] != NONE) {
				assert_int_equal(c.new_entry[k].state, want[k]);
				/* Only the state changes. */
				assert_int_equal(c.new_entry[k].seq, e[k].seq);
				assert_int_equal(c.new_entry[k].crc, e[k].crc);
			}
		}
	}
}

static void test_crc(void **state)
{
	(void)state;
	/* The values section 4 lists. */
	assert_int_equal(otadata_crc(1), 0x4743989a);
	assert_int_equal(otadata_crc(2), 0x55f63774);
	assert_int_equal(otadata_crc(3), 0xed4a5011);
	assert_int_equal(otadata_crc(4), 0x709d68a8);
	assert_int_equal(otadata_crc(7), 0x6228c746);
	assert_int_equal(otadata_crc(0xffffffff), 0x2144df1c);
}

static void expect_order(int start, unsigned int n, int factory, int test,
			 const int *want, unsigned int count)
{
	struct otadata_layout l = { .ota_count = n, .has_otadata = 1,
				    .has_factory = factory, .has_test = test };
	int out[OTADATA_MAX_OTA + 2];

	assert_int_equal(otadata_candidates(start, &l, out), count);
	assert_memory_equal(out, want, count * sizeof(int));
}

static void test_candidates(void **state)
{
	static const int a[] = { 1, 0, F, 2, 3, OTADATA_TEST };
	static const int b[] = { F, 0, 1, 2 };
	static const int c[] = { 0, 1 };
	static const int d[] = { OTADATA_TEST };
	static const int e[] = { 3, 2, 1, 0 };
	static const int f[] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
				 13, 14, 15, OTADATA_TEST };

	(void)state;
	expect_order(1, 4, 1, 1, a, 6);
	expect_order(F, 3, 1, 0, b, 4);
	expect_order(F, 2, 0, 0, c, 2);
	expect_order(0, 0, 0, 1, d, 1);
	expect_order(3, 4, 0, 0, e, 4);
	expect_order(F, 40, 0, 1, f, 17); /* never past ota_15 */
}

static void entries(uint32_t s0, uint32_t st0, uint32_t s1, uint32_t st1,
		    struct otadata_entry e[2])
{
	otadata_entry_blank(&e[0]);
	otadata_entry_blank(&e[1]);
	if (s0 != OTADATA_SEQ_ERASED) {
		e[0].seq = s0;
		e[0].state = st0;
		e[0].crc = otadata_crc(s0);
	}
	if (s1 != OTADATA_SEQ_ERASED) {
		e[1].seq = s1;
		e[1].state = st1;
		e[1].crc = otadata_crc(s1);
	}
}

static void test_set_boot(void **state)
{
	struct otadata_entry e[2], out;
	int sector;

	(void)state;
	entries(OTADATA_SEQ_ERASED, 0, OTADATA_SEQ_ERASED, 0, e);
	assert_int_equal(otadata_set_boot(e, 1, 2, 0, &sector, &out), 0);
	assert_int_equal(sector, 0);
	assert_int_equal(out.seq, 2);
	assert_int_equal(out.state, OTADATA_STATE_UNDEFINED);
	assert_int_equal(out.crc, otadata_crc(2));

	entries(5, OTADATA_STATE_VALID, OTADATA_SEQ_ERASED, 0, e);
	/* Already active: the same sequence, into the other sector. */
	assert_int_equal(otadata_set_boot(e, 0, 2, 1, &sector, &out), 0);
	assert_int_equal(sector, 1);
	assert_int_equal(out.seq, 5);
	assert_int_equal(out.state, OTADATA_STATE_NEW);
	assert_int_equal(otadata_set_boot(e, 1, 2, 1, &sector, &out), 0);
	assert_int_equal(out.seq, 6);

	entries(3, OTADATA_STATE_VALID, 4, OTADATA_STATE_VALID, e);
	memset(e[0].label, 0x41, sizeof(e[0].label));
	assert_int_equal(otadata_set_boot(e, 2, 3, 0, &sector, &out), 0);
	assert_int_equal(sector, 0);
	assert_int_equal(out.seq, 6);
	assert_int_equal((out.seq - 1) % 3, 2);
	assert_int_equal(out.label[0], 0x41); /* the sector's old fields kept */

	assert_int_equal(otadata_set_boot(e, 3, 3, 0, &sector, &out), -EINVAL);
	assert_int_equal(otadata_set_boot(e, 0, 0, 0, &sector, &out), -EINVAL);
	entries(0xfffffffe, OTADATA_STATE_VALID, OTADATA_SEQ_ERASED, 0, e);
	assert_int_equal(otadata_set_boot(e, 0, 3, 0, &sector, &out), -EOVERFLOW);
	/* A valid seq 0 (its CRC is 0xffffffff): never written back as 0. */
	entries(0, OTADATA_STATE_VALID, OTADATA_SEQ_ERASED, 0, e);
	assert_int_equal(e[0].crc, 0xffffffff);
	assert_int_equal(otadata_set_boot(e, 2, 3, 0, &sector, &out), 0);
	assert_int_equal(out.seq, 3);
}

static void test_mark(void **state)
{
	struct otadata_entry e[2], out;
	int sector;

	(void)state;
	entries(1, OTADATA_STATE_VALID, 2, OTADATA_STATE_PENDING_VERIFY, e);
	assert_int_equal(otadata_mark(e, 1, &sector, &out), 0);
	assert_int_equal(sector, 1);
	assert_int_equal(out.seq, 2);
	assert_int_equal(out.state, OTADATA_STATE_VALID);
	assert_int_equal(otadata_mark(e, 0, &sector, &out), 0);
	assert_int_equal(out.state, OTADATA_STATE_INVALID);
	e[1] = out;
	assert_int_equal(otadata_active(e), 0);
	assert_int_equal(otadata_mark(e, 1, &sector, &out), 1); /* VALID */
	entries(OTADATA_SEQ_ERASED, 0, OTADATA_SEQ_ERASED, 0, e);
	assert_int_equal(otadata_mark(e, 1, &sector, &out), -ENOENT);
	assert_int_equal(otadata_active_slot(e, 2), -1);
}

/* The upstream samples: entry 0 / 1 fields and the choice on the table
 * they were made for (pt_factory_two_ota: factory, ota_0, ota_1). */
struct sample {
	const char *name;
	int off_start, on_start;
	uint32_t on_w1;
};

static const struct sample samples[] = {
	{ "otadata_blank", F, F, NONE },
	{ "otadata_seq1_seq2_valid", 1, 1, NONE },
	{ "otadata_seq1_only", 0, 0, NONE },
	{ "otadata_seq2_badcrc", 0, 0, NONE },
	{ "otadata_seq2_pending_verify", 1, 0, AB },
	{ "otadata_seq2_new", 1, 1, PV },
	{ "otadata_seq3_wrap", 0, 0, NONE },
};

static uint8_t *load(const char *name, size_t *len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "vectors/esp/otadata/%s.bin", name);
	return test_read_shared(rel, len);
}

static void test_vectors_choice(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		const struct sample *s = &samples[i];
		struct otadata_layout l = { .ota_count = 2, .has_otadata = 1,
					    .has_factory = 1 };
		struct otadata_entry e[2];
		struct otadata_choice c;
		uint8_t again[OTADATA_ENTRY_LEN];
		size_t len;
		uint8_t *bin = load(s->name, &len);

		assert_int_equal(len, OTADATA_SIZE);
		otadata_decode(bin, e);
		otadata_entry_encode(&e[1], again);
		assert_memory_equal(again, bin + OTADATA_SECTOR, sizeof(again));
		otadata_choose(e, &l, &c);
		assert_int_equal(c.start, s->off_start);
		assert_false(c.write[0] || c.write[1]);
		l.rollback = 1;
		otadata_choose(e, &l, &c);
		assert_int_equal(c.start, s->on_start);
		assert_int_equal(c.write[1], s->on_w1 != NONE);
		if (s->on_w1 != NONE)
			assert_int_equal(c.new_entry[1].state, s->on_w1);
		free(bin);
	}
}

/* otatool switch_ota_partition 0, 1, 0 from blank: byte-identical. */
static void test_vectors_otatool_steps(void **state)
{
	static const char *const steps[] = {
		"otatool_step0_blank", "otatool_step1_switch_ota0",
		"otatool_step2_switch_ota1", "otatool_step3_switch_ota0",
	};
	static const unsigned int slot[] = { 0, 1, 0 };
	size_t len;
	uint8_t *cur = load(steps[0], &len);

	(void)state;
	for (int i = 1; i < 4; i++) {
		struct otadata_entry e[2], out;
		uint8_t *want = load(steps[i], &len);
		int sector;

		otadata_decode(cur, e);
		assert_int_equal(otadata_set_boot(e, slot[i - 1], 2, 0, &sector,
						  &out), 0);
		memset(cur + sector * OTADATA_SECTOR, 0xff, OTADATA_SECTOR);
		otadata_entry_encode(&out, cur + sector * OTADATA_SECTOR);
		assert_memory_equal(cur, want, OTADATA_SIZE);
		free(want);
	}
	free(cur);
}

/* Read and write through a flash device; erase; errors passed up. */
static void test_flash_io(void **state)
{
	static uint8_t mem[0x4000];
	static const struct mtd_region reg = { 0x1000, 4 };
	const struct mtd_geometry geo = { &reg, 1, 4, 0xff, 0x4000 };
	struct otadata_entry e[2], w;
	struct sim_flash fl;

	(void)state;
	memset(mem, 0, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	otadata_initial(1, &w);
	assert_int_equal(otadata_write_entry(&fl.mtd, 1, &w), 0);
	assert_int_equal(otadata_read(&fl.mtd, e), 0);
	assert_int_equal(e[1].seq, 2);
	assert_int_equal(e[1].state, OTADATA_STATE_VALID);
	assert_int_equal(otadata_active(e), 1);
	assert_int_equal(mem[0x1000 + 32], 0xff); /* rest of the sector */
	assert_int_equal(mem[0], 0); /* sector 0 untouched */
	assert_int_equal(otadata_write_entry(&fl.mtd, 2, &w), -EINVAL);
	assert_int_equal(otadata_erase(&fl.mtd), 0);
	assert_int_equal(otadata_read(&fl.mtd, e), 0);
	assert_int_equal(otadata_active(e), -1);
	sim_flash_arm_cut(&fl, 0, SIM_CUT_SKIP, 1);
	assert_int_equal(otadata_write_entry(&fl.mtd, 0, &w), -EIO);
	assert_int_equal(otadata_read(&fl.mtd, e), -EIO);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc),
		cmocka_unit_test(test_choice_table),
		cmocka_unit_test(test_candidates),
		cmocka_unit_test(test_set_boot),
		cmocka_unit_test(test_mark),
		cmocka_unit_test(test_vectors_choice),
		cmocka_unit_test(test_vectors_otatool_steps),
		cmocka_unit_test(test_flash_io),
	};

	return cmocka_run_group_tests_name("otadata", tests, NULL, NULL);
}
