/* tests/drivers/counter/test_moncnt_otp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Monotonic counters on OTP words (thermometer code), on the sim's OTP file. */
#include "tests/test.h"

#include "arch/sim/host/sim.h"
#include "drivers/counter/moncnt.h"
#include "drivers/otp/otp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[] = "/tmp/slipway-test-moncnt-XXXXXX";
static char path[256];

static int setup(void **state)
{
	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(path, sizeof(path), "%s/otp", dir);
	setenv(SIM_ENV_OTP, path, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unlink(path);
	rmdir(dir);
	return 0;
}

static uint32_t value(struct moncnt_dev *d, unsigned int id)
{
	uint32_t v = 0xdead;

	assert_int_equal(moncnt_read(d, id, &v), 0);
	return v;
}

static void test_counts_up_only(void **state)
{
	struct moncnt_otp c;

	(void)state;
	unlink(path);
	assert_int_equal(moncnt_otp_init(&c, 4, 2, 3), 0);
	assert_int_equal(c.dev.max, 64);
	assert_int_equal(value(&c.dev, 0), 0);
	assert_int_equal(moncnt_raise(&c.dev, 1, 5), 0);
	assert_int_equal(value(&c.dev, 1), 5);
	assert_int_equal(value(&c.dev, 0), 0); /* counters are independent */
	assert_int_equal(moncnt_raise(&c.dev, 1, 3), 0);
	assert_int_equal(value(&c.dev, 1), 5); /* never down */
	assert_int_equal(moncnt_raise(&c.dev, 1, 40), 0); /* across words */
	assert_int_equal(value(&c.dev, 1), 40);
	assert_int_equal(moncnt_raise(&c.dev, 1, 64), 0);
	assert_int_equal(value(&c.dev, 1), 64);
	assert_int_equal(value(&c.dev, 2), 0);
}

static void test_range(void **state)
{
	struct moncnt_otp c;
	uint32_t v;

	(void)state;
	unlink(path);
	assert_int_equal(moncnt_otp_init(&c, 0, 2, 2), 0);
	assert_int_equal(moncnt_raise(&c.dev, 0, 65), -ERANGE);
	assert_int_equal(moncnt_read(&c.dev, 2, &v), -ERANGE);
	assert_int_equal(moncnt_raise(&c.dev, 2, 1), -ERANGE);
	assert_int_equal(moncnt_otp_init(&c, otp_word_count() - 1, 2, 1), -ERANGE);
	assert_int_equal(moncnt_otp_init(&c, 0, 0, 1), -ERANGE);
}

/* A torn burn leaves a gap: the value is the unbroken run, never more. */
static void test_torn_burn_reads_low(void **state)
{
	struct moncnt_otp c;

	(void)state;
	unlink(path);
	assert_int_equal(moncnt_otp_init(&c, 0, 2, 1), 0);
	assert_int_equal(otp_burn(0, 0x0b), 0); /* 1011: bit 2 missed */
	assert_int_equal(value(&c.dev, 0), 2);
	assert_int_equal(moncnt_raise(&c.dev, 0, 4), 0);
	assert_int_equal(value(&c.dev, 0), 4);
	assert_int_equal(otp_burn(1, 0x1), 0); /* second word, first not full */
	assert_int_equal(value(&c.dev, 0), 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_up_only),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_torn_burn_reads_low),
	};

	return cmocka_run_group_tests_name("moncnt_otp", tests, setup, teardown);
}
