/* tests/arch/sim/host/test_sim_gpio.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The sim's GPIO inputs: SLIPWAY_SIM_GPIO parsing, good and bad. */
#include "tests/test.h"

#include "arch/arch.h"
#include "arch/sim/host/sim.h"

#include <errno.h>
#include <stdlib.h>

static void test_levels(void **state)
{
	(void)state;
	assert_int_equal(sim_gpio_parse(NULL, 3, 8), 0);
	assert_int_equal(sim_gpio_parse("", 3, 8), 0);
	assert_int_equal(sim_gpio_parse("3=1", 3, 8), 1);
	assert_int_equal(sim_gpio_parse("2=1,5=0", 2, 8), 1);
	assert_int_equal(sim_gpio_parse("2=1,5=0", 5, 8), 0);
	assert_int_equal(sim_gpio_parse("2=1,5=0", 4, 8), 0);
	/* the last assignment of a pin wins */
	assert_int_equal(sim_gpio_parse("2=1,2=0", 2, 8), 0);
}

static void test_malformed(void **state)
{
	const char *bad[] = { "x", "2", "2=", "2=2", "2=1;3=1", "2=1,", ",2=1",
			      "=1", "-1=1", " 2=1", "2=10" };

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(sim_gpio_parse(bad[i], 2, 8), -EINVAL);
	assert_int_equal(sim_gpio_parse("9=1", 2, 8), -ERANGE);
	assert_int_equal(sim_gpio_parse("1=1", 8, 8), -ERANGE);
}

static void test_from_environment(void **state)
{
	(void)state;
	setenv(SIM_ENV_GPIO, "1=1", 1);
	assert_int_equal(arch_gpio_read(1), 1);
	assert_int_equal(arch_gpio_read(0), 0);
	assert_int_equal(arch_gpio_read(CONFIG_SIM_GPIO_COUNT), -ERANGE);
	unsetenv(SIM_ENV_GPIO);
	assert_int_equal(arch_gpio_read(1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_from_environment),
	};

	return cmocka_run_group_tests_name("arch/sim gpio", tests, NULL, NULL);
}
