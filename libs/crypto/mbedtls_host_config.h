/* libs/crypto/mbedtls_host_config.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * mbedtls 3.6 configuration of the host programs (the slipway tool, unit
 * tests, fuzz targets, benches): what the tool does with keys and images
 * (generate, read and write keys, sign, verify, wrap and unwrap image keys,
 * SMP's base64, the namespace UUIDs' SHA-1, ESP partition tables' MD5),
 * nothing of TLS, X.509 or PSA. The library is compiled once per build
 * directory (Makefile, HOST_MBEDTLS_LIB), so less here is a faster build.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_MBEDTLS_HOST_CONFIG_H
#define SLIPWAY_LIBS_CRYPTO_MBEDTLS_HOST_CONFIG_H

#define MBEDTLS_HAVE_ASM
#define MBEDTLS_PLATFORM_C

/* Random numbers from the operating system, for key generation and signing. */
#define MBEDTLS_ENTROPY_C
#define MBEDTLS_CTR_DRBG_C
#define MBEDTLS_HMAC_DRBG_C

/* Hashes: images (SHA-256, -384, -512), UUIDs (SHA-1), partition tables (MD5). */
#define MBEDTLS_MD_C
#define MBEDTLS_MD5_C
#define MBEDTLS_SHA1_C
#define MBEDTLS_SHA224_C
#define MBEDTLS_SHA256_C
#define MBEDTLS_SHA384_C
#define MBEDTLS_SHA512_C
#define MBEDTLS_HKDF_C

/* Image encryption: AES-CTR, and the ECIES key wrap over P-256. */
#define MBEDTLS_AES_C
#define MBEDTLS_CIPHER_MODE_CTR
/* Flash encryption: XTS-AES (libs/crypto/crypto_xts.c, slipway esp secure). */
#define MBEDTLS_CIPHER_MODE_XTS
#define MBEDTLS_ECDH_C

/* Keys: PEM and DER, PKCS#8, SEC1, PKCS#1; EC and RSA. */
#define MBEDTLS_BASE64_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_OID_C
#define MBEDTLS_PEM_PARSE_C
#define MBEDTLS_PEM_WRITE_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#define MBEDTLS_PK_WRITE_C
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_GENPRIME
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V15
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_ECP_C
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
/* Secure Boot V2 on the ESP32-C2: ECDSA P-192 (slipway esp secure). */
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECDSA_C
/* ECDSA signatures as RFC 6979 makes them, as Debian's library did. */
#define MBEDTLS_ECDSA_DETERMINISTIC

#endif
