/* tests/libs/crypto/test_crypto_expmod.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libs/crypto/crypto_expmod.c: RSA's public operation must give mbedtls'
 * own result for RSA-sized odd moduli and the exponents keys use, keep
 * R^2 mod N where mbedtls keeps it, and hand every other form to mbedtls.
 * The test links without --wrap: it supplies
 * __real_mbedtls_mpi_exp_mod_unsafe, counting the calls that reach it.
 */
#include "tests/test.h"

#include "libs/crypto/crypto_mbedtls_wrap.h"

#include <mbedtls/bignum.h>

/* mbedtls 3.6's library/bignum_internal.h, not an installed header. */
int mbedtls_mpi_exp_mod_unsafe(mbedtls_mpi *X, const mbedtls_mpi *A,
			       const mbedtls_mpi *E, const mbedtls_mpi *N,
			       mbedtls_mpi *prec_RR);

static int real_calls;

int __real_mbedtls_mpi_exp_mod_unsafe(mbedtls_mpi *X, const mbedtls_mpi *A,
				      const mbedtls_mpi *E, const mbedtls_mpi *N,
				      mbedtls_mpi *prec_RR)
{
	real_calls++;
	return mbedtls_mpi_exp_mod_unsafe(X, A, E, N, prec_RR);
}

static void fill(uint8_t *buf, size_t len, uint32_t *state)
{
	for (size_t i = 0; i < len; i++) {
		*state = *state * 1103515245u + 12345u;
		buf[i] = (uint8_t)(*state >> 16);
	}
}

/* A random odd modulus of `bytes` bytes, top bit set, and a base below it. */
static void make_operands(mbedtls_mpi *n, mbedtls_mpi *a, size_t bytes,
			  uint32_t *state)
{
	uint8_t buf[384];

	fill(buf, bytes, state);
	buf[0] |= 0x80;
	buf[bytes - 1] |= 1;
	assert_int_equal(mbedtls_mpi_read_binary(n, buf, bytes), 0);
	fill(buf, bytes, state);
	assert_int_equal(mbedtls_mpi_read_binary(a, buf, bytes), 0);
	assert_int_equal(mbedtls_mpi_mod_mpi(a, a, n), 0);
}

static void test_public_exponents_match_mbedtls(void **state)
{
	static const int exponents[] = { 3, 17, 65537, 0x7fffffff };
	static const size_t sizes[] = { 256, 384, 8 };
	mbedtls_mpi n, a, e, expect, got, rr;
	uint32_t seed = 7;

	(void)state;
	mbedtls_mpi_init(&n);
	mbedtls_mpi_init(&a);
	mbedtls_mpi_init(&e);
	mbedtls_mpi_init(&expect);
	mbedtls_mpi_init(&got);
	mbedtls_mpi_init(&rr);
	real_calls = 0;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (int i = 0; i < 3; i++) {
			make_operands(&n, &a, sizes[s], &seed);
			mbedtls_mpi_free(&rr);
			mbedtls_mpi_init(&rr);
			for (size_t k = 0; k < sizeof(exponents) / sizeof(exponents[0]); k++) {
				assert_int_equal(mbedtls_mpi_lset(&e, exponents[k]), 0);
				assert_int_equal(mbedtls_mpi_exp_mod_unsafe(&expect, &a, &e,
									   &n, NULL), 0);
				/* R^2 computed on the first call, reused on the next. */
				assert_int_equal(__wrap_mbedtls_mpi_exp_mod_unsafe(&got, &a, &e,
										   &n, &rr), 0);
				assert_int_equal(mbedtls_mpi_cmp_mpi(&got, &expect), 0);
				/* In place, as rsa.c calls it. */
				assert_int_equal(mbedtls_mpi_copy(&got, &a), 0);
				assert_int_equal(__wrap_mbedtls_mpi_exp_mod_unsafe(&got, &got, &e,
										   &n, NULL), 0);
				assert_int_equal(mbedtls_mpi_cmp_mpi(&got, &expect), 0);
			}
		}
	}
	assert_int_equal(real_calls, 0);
	mbedtls_mpi_free(&rr);
	mbedtls_mpi_free(&got);
	mbedtls_mpi_free(&expect);
	mbedtls_mpi_free(&e);
	mbedtls_mpi_free(&a);
	mbedtls_mpi_free(&n);
}

/* A long exponent, an unreduced base, an even modulus: mbedtls' business. */
static void test_other_forms_go_to_mbedtls(void **state)
{
	mbedtls_mpi n, a, e, x;
	uint32_t seed = 11;

	(void)state;
	mbedtls_mpi_init(&n);
	mbedtls_mpi_init(&a);
	mbedtls_mpi_init(&e);
	mbedtls_mpi_init(&x);
	make_operands(&n, &a, 32, &seed);
	real_calls = 0;
	assert_int_equal(mbedtls_mpi_sub_int(&e, &n, 2), 0); /* 256 bits */
	assert_int_equal(__wrap_mbedtls_mpi_exp_mod_unsafe(&x, &a, &e, &n, NULL), 0);
	assert_int_equal(real_calls, 1);
	assert_int_equal(mbedtls_mpi_lset(&e, 65537), 0);
	assert_int_equal(mbedtls_mpi_add_mpi(&a, &a, &n), 0); /* not reduced */
	assert_int_equal(__wrap_mbedtls_mpi_exp_mod_unsafe(&x, &a, &e, &n, NULL), 0);
	assert_int_equal(real_calls, 2);
	assert_int_equal(mbedtls_mpi_lset(&n, 1000), 0); /* even */
	assert_int_equal(mbedtls_mpi_lset(&a, 7), 0);
	assert_int_not_equal(__wrap_mbedtls_mpi_exp_mod_unsafe(&x, &a, &e, &n, NULL), 0);
	assert_int_equal(real_calls, 3);
	mbedtls_mpi_free(&x);
	mbedtls_mpi_free(&e);
	mbedtls_mpi_free(&a);
	mbedtls_mpi_free(&n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_public_exponents_match_mbedtls),
		cmocka_unit_test(test_other_forms_go_to_mbedtls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
