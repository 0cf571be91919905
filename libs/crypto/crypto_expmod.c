/* libs/crypto/crypto_expmod.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * RSA's public operation, s^e mod n, as mbedtls 2.28 did it: one Montgomery
 * squaring per bit of e and one multiplication per set bit.
 *
 * mbedtls 3.6.6's mbedtls_mpi_exp_mod_unsafe() uses a window of one bit for
 * a short exponent and still multiplies at every bit (by the Montgomery 1
 * where the bit is clear): 34 multiplications for e = 65537 where 18 do,
 * which made RSA-2048 verification 1.5 times 2.28's. Device programs
 * compile rsa.c to call this in place of mbedtls_mpi_exp_mod_unsafe
 * (libs/Make.defs; host tests and benches link with -Wl,--wrap), so rsa.c's
 * call arrives here; the arithmetic is mbedtls' own (bignum_core.h's
 * Montgomery multiplication and conversions), only the order of the
 * steps is this file's. The exponent is public by definition of the
 * function (mbedtls keeps the constant-time mbedtls_mpi_exp_mod() for
 * secrets), so skipping its clear bits leaks nothing. Anything but a
 * positive exponent of at most 64 bits and a base already reduced below
 * an odd modulus goes to mbedtls' function.
 * tests/libs/crypto/test_crypto_expmod.c compares both.
 */

#include <string.h>

/* The limbs themselves: mbedtls 3 hides them from everything but its own code. */
#define MBEDTLS_ALLOW_PRIVATE_ACCESS
#include <mbedtls/bignum.h>
#include <mbedtls/platform.h>

/* mbedtls-internal (library/), not installed: beside include/ in the source. */
#include "../library/bignum_core.h"

#include "libs/crypto/crypto_mbedtls_wrap.h"


#define MAX_EXPONENT_BITS 64

int __wrap_mbedtls_mpi_exp_mod_unsafe(mbedtls_mpi *X, const mbedtls_mpi *A,
				      const mbedtls_mpi *E, const mbedtls_mpi *N,
				      mbedtls_mpi *prec_RR)
{
	size_t n = N->n, bits = mbedtls_mpi_bitlen(E);
	mbedtls_mpi_uint *t, *base, mm;
	mbedtls_mpi rr;
	int rc;

	if (mbedtls_mpi_cmp_int(N, 0) <= 0 || (N->p[0] & 1) == 0 ||
	    mbedtls_mpi_cmp_int(E, 0) <= 0 || bits > MAX_EXPONENT_BITS ||
	    mbedtls_mpi_cmp_int(A, 0) < 0 || mbedtls_mpi_cmp_mpi(A, N) >= 0 ||
	    X == N || X == E)
		return __real_mbedtls_mpi_exp_mod_unsafe(X, A, E, N, prec_RR);

	/* R^2 mod N, kept in prec_RR for the next call as mbedtls does. */
	mbedtls_mpi_init(&rr);
	if (prec_RR == NULL || prec_RR->p == NULL) {
		rc = mbedtls_mpi_core_get_mont_r2_unsafe(&rr, N);
		if (rc != 0) {
			mbedtls_mpi_free(&rr);
			return rc;
		}
		if (prec_RR != NULL)
			*prec_RR = rr;
	} else {
		rc = mbedtls_mpi_grow(prec_RR, n);
		if (rc != 0)
			return rc;
		rr = *prec_RR;
	}

	/* Montgomery's temporary (2n + 1 limbs), then the base in Montgomery form. */
	t = mbedtls_calloc(3 * n + 1, sizeof(mbedtls_mpi_uint));
	if (t == NULL) {
		rc = MBEDTLS_ERR_MPI_ALLOC_FAILED;
		goto out;
	}
	base = t + 2 * n + 1;
	rc = mbedtls_mpi_copy(X, A);
	if (rc == 0)
		rc = mbedtls_mpi_grow(X, n);
	if (rc == 0) {
		mm = mbedtls_mpi_core_montmul_init(N->p);
		mbedtls_mpi_core_to_mont_rep(base, X->p, N->p, n, mm, rr.p, t);
		memcpy(X->p, base, n * sizeof(mbedtls_mpi_uint));
		for (size_t bit = bits - 1; bit-- > 0;) {
			mbedtls_mpi_core_montmul(X->p, X->p, X->p, n, N->p, n, mm, t);
			if (mbedtls_mpi_get_bit(E, bit))
				mbedtls_mpi_core_montmul(X->p, X->p, base, n, N->p, n,
							 mm, t);
		}
		mbedtls_mpi_core_from_mont_rep(X->p, X->p, N->p, n, mm, t);
	}
	mbedtls_platform_zeroize(t, (3 * n + 1) * sizeof(mbedtls_mpi_uint));
	mbedtls_free(t);
out:
	if (prec_RR == NULL)
		mbedtls_mpi_free(&rr);
	return rc;
}
