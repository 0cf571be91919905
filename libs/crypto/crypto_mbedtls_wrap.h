/* libs/crypto/crypto_mbedtls_wrap.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The mbedtls functions this tree replaces: __wrap_f is this tree's,
 * __real_f mbedtls' own. Device programs compile the calling mbedtls files
 * to call __wrap_f and this tree's to call f as __real_f (libs/Make.defs:
 * LTO would hide the calls from -Wl,--wrap); host tests and benches use
 * -Wl,--wrap. Their
 * contracts are mbedtls' (library/bignum_internal.h).
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_MBEDTLS_WRAP_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_MBEDTLS_WRAP_H

#include <mbedtls/bignum.h>

/* I = A^-1 mod N (and/or G = gcd(A, N)): libs/crypto/crypto_modinv.c. */
int __wrap_mbedtls_mpi_gcd_modinv_odd(mbedtls_mpi *G, mbedtls_mpi *I,
				      const mbedtls_mpi *A, const mbedtls_mpi *N);
int __real_mbedtls_mpi_gcd_modinv_odd(mbedtls_mpi *G, mbedtls_mpi *I,
				      const mbedtls_mpi *A, const mbedtls_mpi *N);

/* X = A^E mod N, E public: libs/crypto/crypto_expmod.c. */
int __wrap_mbedtls_mpi_exp_mod_unsafe(mbedtls_mpi *X, const mbedtls_mpi *A,
				      const mbedtls_mpi *E, const mbedtls_mpi *N,
				      mbedtls_mpi *prec_RR);
int __real_mbedtls_mpi_exp_mod_unsafe(mbedtls_mpi *X, const mbedtls_mpi *A,
				      const mbedtls_mpi *E, const mbedtls_mpi *N,
				      mbedtls_mpi *prec_RR);

#endif
