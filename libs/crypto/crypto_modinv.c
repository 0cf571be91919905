/* libs/crypto/crypto_modinv.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Modular inversion for mbedtls' elliptic-curve code, by Fermat instead of
 * mbedtls 3.6's constant-time binary GCD.
 *
 * mbedtls 3.6.6 inverts through mbedtls_mpi_gcd_modinv_odd(): 2 * 256
 * constant-time steps over the whole number, about 0.76 M host instructions
 * for P-256, six times per ECDSA verification (s^-1, and the
 * normalisations of ecp.c's points): 15 % of a 256 KiB image's validation.
 * A^(N-2) mod N through mbedtls' own exponentiation (Montgomery
 * multiplication, constant time in A) gives the same inverse when N is
 * prime, for a fraction of that (README, "Verification speed").
 *
 * Device programs compile ecp.c and ecdsa.c to call this in place of
 * mbedtls_mpi_gcd_modinv_odd (libs/Make.defs); host tests and benches link
 * with -Wl,--wrap. Either way ecp.c's and ecdsa.c's calls arrive here. Only the
 * form those callers use is taken: the inverse alone (G == NULL), whose
 * modulus is the curve's prime p or its prime order n; in mbedtls 3.6 no
 * other caller asks for the inverse without the GCD (rsa.c and bignum.c
 * ask for G too, to learn whether the inverse exists). Every other form
 * goes to mbedtls' own function. For a prime modulus the contract is
 * unchanged: the inverse when it exists, an indeterminate value when A is
 * 0 (which ecp.c never passes). tests/libs/crypto/test_crypto_modinv.c
 * checks both against mbedtls' result.
 */

#include "libs/crypto/crypto_mbedtls_wrap.h"

int __wrap_mbedtls_mpi_gcd_modinv_odd(mbedtls_mpi *G, mbedtls_mpi *I,
				      const mbedtls_mpi *A, const mbedtls_mpi *N)
{
	mbedtls_mpi exponent;
	int rc;

	if (G != NULL || I == NULL || I == N)
		return __real_mbedtls_mpi_gcd_modinv_odd(G, I, A, N);
	mbedtls_mpi_init(&exponent);
	rc = mbedtls_mpi_sub_int(&exponent, N, 2);
	if (rc == 0)
		rc = mbedtls_mpi_exp_mod(I, A, &exponent, N, NULL);
	mbedtls_mpi_free(&exponent);
	return rc;
}
