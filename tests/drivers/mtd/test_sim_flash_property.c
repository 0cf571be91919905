/* tests/drivers/mtd/test_sim_flash_property.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Property test: long random sequences of reads, programs and erases (valid
 * and invalid) on the simulated flash, through a window, against a plain
 * model written from the rules alone. Return codes and contents must agree
 * after every operation.
 */
#include "tests/test.h"

#include "drivers/mtd/mtd_window.h"
#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#define SECTOR 256
#define NSECT 16
#define UNIT 4
#define SIZE (SECTOR * NSECT)
#define WIN_OFF (2 * SECTOR)
#define WIN_SIZE (12 * SECTOR)

static uint64_t rng = 88172645463325252ULL;

static uint32_t rnd(uint32_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng % n);
}

/* The model: bytes of the window, and the rules of the interface. */
static uint8_t model[WIN_SIZE];

static int model_range(uint64_t off, uint64_t len)
{
	return off + len > WIN_SIZE ? -ERANGE : 0;
}

static int model_program(uint32_t off, const uint8_t *d, uint32_t len)
{
	if (model_range(off, len))
		return -ERANGE;
	if (off % UNIT || len % UNIT)
		return -EINVAL;
	for (uint32_t i = 0; i < len; i++)
		if ((d[i] | model[off + i]) != model[off + i])
			return -EROFS;
	memcpy(model + off, d, len);
	return 0;
}

static int model_erase(uint32_t off, uint32_t len)
{
	if (model_range(off, len))
		return -ERANGE;
	if (len == 0)
		return 0;
	if (off % SECTOR || len % SECTOR)
		return -EINVAL;
	memset(model + off, 0xff, len);
	return 0;
}

/* A length that is usually aligned and in range, sometimes not. */
static uint32_t pick(uint32_t align, uint32_t max)
{
	switch (rnd(8)) {
	case 0:
		return rnd(max + 64);
	case 1:
		return 0xfffffff0u + rnd(16);
	default:
		return rnd(max / align + 1) * align;
	}
}

static void test_random_sequences(void **state)
{
	static const struct mtd_region r = { SECTOR, NSECT };
	static const struct mtd_geometry g = { &r, 1, UNIT, 0xff, SIZE };
	static uint8_t mem[SIZE];
	struct sim_flash fl;
	struct mtd_window w;
	uint8_t buf[SIZE], got[SIZE];

	(void)state;
	memset(mem, 0xff, sizeof(mem));
	memset(model, 0xff, sizeof(model));
	assert_int_equal(sim_flash_init_ram(&fl, &g, mem), 0);
	assert_int_equal(mtd_window_init(&w, &fl.mtd, WIN_OFF, WIN_SIZE), 0);

	for (int step = 0; step < 200000; step++) {
		uint32_t off, len;
		int want, have;

		switch (rnd(3)) {
		case 0: /* program: data that often needs an erase first */
			off = pick(UNIT, WIN_SIZE);
			len = pick(UNIT, 64);
			if (len > sizeof(buf))
				len = rnd(64);
			for (uint32_t i = 0; i < len; i++)
				buf[i] = rnd(4) ? (uint8_t)rnd(256) : 0;
			want = model_program(off, buf, len);
			have = mtd_program(&w.mtd, off, buf, len);
			break;
		case 1:
			off = pick(SECTOR, WIN_SIZE);
			len = pick(SECTOR, 3 * SECTOR);
			want = model_erase(off, len);
			have = mtd_erase(&w.mtd, off, len);
			break;
		default:
			off = pick(1, WIN_SIZE);
			len = rnd(128);
			want = model_range(off, len);
			have = mtd_read(&w.mtd, off, got, len);
			if (want == 0 && have == 0 &&
			    memcmp(got, model + off, len) != 0) {
				fprintf(stderr, "step %d: read differs\n", step);
				fail();
			}
			break;
		}
		if (want != have) {
			fprintf(stderr, "step %d: off 0x%x len 0x%x: model %d, "
				"flash %d\n", step, off, len, want, have);
			fail();
		}
	}
	assert_memory_equal(mem + WIN_OFF, model, WIN_SIZE);
	/* the window never wrote outside itself */
	for (uint32_t i = 0; i < WIN_OFF; i++)
		assert_int_equal(mem[i], 0xff);
	for (uint32_t i = WIN_OFF + WIN_SIZE; i < SIZE; i++)
		assert_int_equal(mem[i], 0xff);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_random_sequences),
	};

	return cmocka_run_group_tests_name("drivers/mtd property", tests, NULL,
					   NULL);
}
