/* tests/arch/sim/host/test_sim_otp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The sim's virtual OTP: a state file whose bits only ever go 0 -> 1. */
#include "tests/test.h"

#include "arch/sim/host/sim.h"
#include "drivers/otp/otp.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/slipway-test-otp-XXXXXX";
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

static void test_fresh_is_zero(void **state)
{
	struct stat st;
	uint32_t v = 1;

	(void)state;
	assert_int_equal(otp_read(0, &v), 0);
	assert_int_equal(v, 0);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_size, CONFIG_SIM_OTP_WORDS * 4);
	assert_int_equal(otp_word_count(), CONFIG_SIM_OTP_WORDS);
}

static void test_bits_only_set(void **state)
{
	uint32_t v;

	(void)state;
	assert_int_equal(otp_burn(3, 0x0000000f), 0);
	assert_int_equal(otp_burn(3, 0x00000100), 0);
	assert_int_equal(otp_read(3, &v), 0);
	assert_int_equal(v, 0x10f);
	/* asking for fewer bits cannot clear any */
	assert_int_equal(otp_burn(3, 0x1), 0);
	assert_int_equal(otp_read(3, &v), 0);
	assert_int_equal(v, 0x10f);
	/* neighbours untouched */
	assert_int_equal(otp_read(2, &v), 0);
	assert_int_equal(v, 0);
}

static void test_bad_arguments(void **state)
{
	uint32_t v;
	FILE *f;

	(void)state;
	assert_int_equal(otp_read(CONFIG_SIM_OTP_WORDS, &v), -ERANGE);
	assert_int_equal(otp_burn(CONFIG_SIM_OTP_WORDS, 1), -ERANGE);
	assert_int_equal(otp_read(0, NULL), -EINVAL);
	/* a state file of the wrong size is refused, not reinterpreted */
	f = fopen(path, "ab");
	assert_non_null(f);
	fputc(0, f);
	fclose(f);
	assert_int_equal(otp_read(0, &v), -EFBIG);
	unsetenv(SIM_ENV_OTP);
	unsetenv(SIM_ENV_FLASH);
	assert_int_equal(otp_read(0, &v), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fresh_is_zero),
		cmocka_unit_test(test_bits_only_set),
		cmocka_unit_test(test_bad_arguments),
	};

	return cmocka_run_group_tests_name("arch/sim otp", tests, setup,
					   teardown);
}
