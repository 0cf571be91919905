/* tests/libs/crypto/test_crypto_modinv.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libs/crypto/crypto_modinv.c: the inverse by Fermat must be mbedtls' own
 * inverse for every value ECP and ECDSA invert (modulo P-256's and P-384's
 * p and n), aliased or not, and every other form of the call must go to
 * mbedtls' function untouched. The test links without --wrap: it supplies
 * __real_mbedtls_mpi_gcd_modinv_odd itself, counting the calls that reach
 * it, and compares against mbedtls_mpi_gcd_modinv_odd.
 */
#include "tests/test.h"

#include "libs/crypto/crypto_mbedtls_wrap.h"

#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecp.h>

/* mbedtls 3.6's library/bignum_internal.h, not an installed header. */
int mbedtls_mpi_gcd_modinv_odd(mbedtls_mpi *G, mbedtls_mpi *I,
			       const mbedtls_mpi *A, const mbedtls_mpi *N);

static int real_calls;

int __real_mbedtls_mpi_gcd_modinv_odd(mbedtls_mpi *G, mbedtls_mpi *I,
				      const mbedtls_mpi *A, const mbedtls_mpi *N)
{
	real_calls++;
	return mbedtls_mpi_gcd_modinv_odd(G, I, A, N);
}

/* Deterministic bytes: any spread of values will do. */
static void fill(uint8_t *buf, size_t len, uint32_t *state)
{
	for (size_t i = 0; i < len; i++) {
		*state = *state * 1103515245u + 12345u;
		buf[i] = (uint8_t)(*state >> 16);
	}
}

/* A^-1 mod N both ways, A given and then aliased with the result. */
static void check_inverse(const mbedtls_mpi *A, const mbedtls_mpi *N)
{
	mbedtls_mpi expect, got, alias;

	mbedtls_mpi_init(&expect);
	mbedtls_mpi_init(&got);
	mbedtls_mpi_init(&alias);
	assert_int_equal(mbedtls_mpi_gcd_modinv_odd(NULL, &expect, A, N), 0);
	assert_int_equal(__wrap_mbedtls_mpi_gcd_modinv_odd(NULL, &got, A, N), 0);
	assert_int_equal(mbedtls_mpi_cmp_mpi(&got, &expect), 0);
	assert_int_equal(mbedtls_mpi_copy(&alias, A), 0);
	assert_int_equal(__wrap_mbedtls_mpi_gcd_modinv_odd(NULL, &alias, &alias, N), 0);
	assert_int_equal(mbedtls_mpi_cmp_mpi(&alias, &expect), 0);
	mbedtls_mpi_free(&alias);
	mbedtls_mpi_free(&got);
	mbedtls_mpi_free(&expect);
}

static void check_curve(mbedtls_ecp_group_id id)
{
	mbedtls_ecp_group grp;
	const mbedtls_mpi *moduli[2];
	mbedtls_mpi a;
	uint8_t bytes[48];
	uint32_t state = (uint32_t)id;

	mbedtls_ecp_group_init(&grp);
	mbedtls_mpi_init(&a);
	assert_int_equal(mbedtls_ecp_group_load(&grp, id), 0);
	moduli[0] = &grp.P;
	moduli[1] = &grp.N;
	real_calls = 0;
	for (int m = 0; m < 2; m++) {
		const mbedtls_mpi *n = moduli[m];

		/* The ends of the range, then values all over it. */
		assert_int_equal(mbedtls_mpi_lset(&a, 1), 0);
		check_inverse(&a, n);
		assert_int_equal(mbedtls_mpi_sub_int(&a, n, 1), 0);
		check_inverse(&a, n);
		for (int i = 0; i < 16; i++) {
			fill(bytes, mbedtls_mpi_size(n), &state);
			assert_int_equal(mbedtls_mpi_read_binary(&a, bytes,
								 mbedtls_mpi_size(n)), 0);
			assert_int_equal(mbedtls_mpi_mod_mpi(&a, &a, n), 0);
			if (mbedtls_mpi_cmp_int(&a, 0) == 0)
				continue;
			check_inverse(&a, n);
		}
	}
	assert_int_equal(real_calls, 0); /* all by Fermat */
	mbedtls_mpi_free(&a);
	mbedtls_ecp_group_free(&grp);
}

static void test_p256_inverses_match_mbedtls(void **state)
{
	(void)state;
	check_curve(MBEDTLS_ECP_DP_SECP256R1);
}

static void test_p384_inverses_match_mbedtls(void **state)
{
	(void)state;
	check_curve(MBEDTLS_ECP_DP_SECP384R1);
}

/* The GCD, or the GCD alone, is mbedtls' business: a composite modulus
 * (RSA's) must get mbedtls' answer, not Fermat's. */
static void test_gcd_requests_go_to_mbedtls(void **state)
{
	mbedtls_mpi g, i, a, n;

	(void)state;
	mbedtls_mpi_init(&g);
	mbedtls_mpi_init(&i);
	mbedtls_mpi_init(&a);
	mbedtls_mpi_init(&n);
	assert_int_equal(mbedtls_mpi_lset(&n, 3 * 5 * 7 * 11 * 13), 0);
	assert_int_equal(mbedtls_mpi_lset(&a, 2), 0);
	real_calls = 0;
	assert_int_equal(__wrap_mbedtls_mpi_gcd_modinv_odd(&g, &i, &a, &n), 0);
	assert_int_equal(real_calls, 1);
	assert_int_equal(mbedtls_mpi_cmp_int(&g, 1), 0);
	assert_int_equal(mbedtls_mpi_cmp_int(&i, (3 * 5 * 7 * 11 * 13 + 1) / 2), 0);
	assert_int_equal(__wrap_mbedtls_mpi_gcd_modinv_odd(&g, NULL, &a, &n), 0);
	assert_int_equal(real_calls, 2);
	assert_int_equal(mbedtls_mpi_cmp_int(&g, 1), 0);
	mbedtls_mpi_free(&n);
	mbedtls_mpi_free(&a);
	mbedtls_mpi_free(&i);
	mbedtls_mpi_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_p256_inverses_match_mbedtls),
		cmocka_unit_test(test_p384_inverses_match_mbedtls),
		cmocka_unit_test(test_gcd_requests_go_to_mbedtls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
