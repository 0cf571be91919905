/* libs/crypto/mbedtls_config.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * mbedtls 3.6 configuration of Slipway's device programs (bootloader, OS
 * image), derived from the .config: only what the chosen algorithm needs is
 * compiled in. Host programs link the same source configured by
 * libs/crypto/mbedtls_host_config.h. mbedtls checks the result itself
 * (mbedtls/build_info.h includes check_config.h after this file).
 */
#ifndef SLIPWAY_LIBS_CRYPTO_MBEDTLS_CONFIG_H
#define SLIPWAY_LIBS_CRYPTO_MBEDTLS_CONFIG_H

/* No OS below us: a static heap, no file system, no entropy (verification needs none). */
#define MBEDTLS_PLATFORM_C
#define MBEDTLS_PLATFORM_MEMORY
#define MBEDTLS_MEMORY_BUFFER_ALLOC_C
#define MBEDTLS_NO_PLATFORM_ENTROPY
/* Until crypto_heap_init() hands mbedtls the static heap, allocations fail:
 * the C library's malloc is never linked (there is no heap to give it). */
#include <stddef.h>
void *crypto_heap_unset_calloc(size_t n, size_t size);
void crypto_heap_unset_free(void *p);
#define MBEDTLS_PLATFORM_STD_CALLOC crypto_heap_unset_calloc
#define MBEDTLS_PLATFORM_STD_FREE crypto_heap_unset_free
/* Inline assembly for bignum multiplication where mbedtls has it (x86-64,
 * Arm, ...); a portable C fallback elsewhere. */
#define MBEDTLS_HAVE_ASM

/* SMP's serial framing (libs/smp) is base64. */
#if defined(CONFIG_SMP)
#define MBEDTLS_BASE64_C
#endif

/* Image hashes, and AES-CTR for encrypted image bodies. */
#define MBEDTLS_SHA256_C
#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384)
#define MBEDTLS_SHA384_C /* 3.x: SHA-384 has its own switch */
#define MBEDTLS_SHA512_C
#elif defined(CONFIG_BOOT_ED25519_PURE)
#define MBEDTLS_SHA512_C
#endif
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES
#define MBEDTLS_CIPHER_MODE_CTR

#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256) || \
	defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384) || \
	defined(CONFIG_BOOT_SIGNATURE_RSA_2048) || \
	defined(CONFIG_BOOT_SIGNATURE_RSA_3072)
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_OID_C
#define MBEDTLS_MD_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#endif

#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256) || defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384)
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ASN1_WRITE_C /* ecdsa.c needs it even to verify */
/* Fast modular reduction for the NIST curves: several times faster. */
#define MBEDTLS_ECP_NIST_OPTIM
/*
 * Small tables: a bootloader has more time than RAM. Measured with make
 * bench and the sim (P-256 verify, NIST_OPTIM on): window 2 needs <= 5 KiB
 * of heap for 22.6M instructions; window 3, 6 KiB and 20.3M; window 4,
 * 8 KiB and 19.4M. Without NIST_OPTIM window 2 takes 83M.
 */
#define MBEDTLS_ECP_WINDOW_SIZE 2
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 0
#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256)
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#else
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#endif
#endif

#if defined(CONFIG_BOOT_SIGNATURE_RSA_2048) || defined(CONFIG_BOOT_SIGNATURE_RSA_3072)
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_MPI_MAX_SIZE 384
#endif

#endif
