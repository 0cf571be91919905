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
/* On the Espressif chips crypto_hash.c hashes SHA-256 on the peripheral
 * through the ROM (libs/crypto/crypto_hash_esp_rom.c), mbedtls' SHA-256
 * when the peripheral is busy with another hash. */
#if defined(CONFIG_CRYPTO_SHA256_ESP_ROM)
#define CRYPTO_SHA256_ESP_ROM
#endif
/* The small SHA-256 (libs/crypto/Kconfig, CONFIG_CRYPTO_SHA256_SMALL). */
#if defined(CONFIG_CRYPTO_SHA256_SMALL)
#define MBEDTLS_SHA256_SMALLER
#endif
#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384)
#define MBEDTLS_SHA384_C /* 3.x: SHA-384 has its own switch */
#define MBEDTLS_SHA512_C
#elif defined(CONFIG_BOOT_ED25519_PURE)
#define MBEDTLS_SHA512_C
#endif
#define MBEDTLS_AES_C
#define MBEDTLS_AES_ROM_TABLES
#define MBEDTLS_CIPHER_MODE_CTR
/* Flash encryption: XTS-AES (libs/crypto/crypto_xts.c). */
#if defined(CONFIG_FLASH_ENCRYPTION)
#define MBEDTLS_CIPHER_MODE_XTS
#endif

/*
 * ECDSA: libs/crypto/crypto_ecdsa.c reads the key's point and the
 * signature's r and s itself (no PK, OID or key parser); the ASN.1 reader
 * takes the signature apart.
 */
#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256) || defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384)
#define MBEDTLS_ASN1_PARSE_C
#endif

#if defined(CONFIG_CRYPTO_P256_P256M)
/* p256-m (3rdparty/p256-m), called directly, not through PSA. */
#define CRYPTO_ECDSA_P256M
#define MBEDTLS_PSA_P256M_DRIVER_ENABLED /* compiles p256-m.c */
#elif defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256) || defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384)
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ASN1_WRITE_C /* ecdsa.c needs it even to verify */
/* Fast modular reduction for the NIST curves: several times faster. */
#define MBEDTLS_ECP_NIST_OPTIM
/*
 * Window 4 for the key's point (mbedtls uses no more for P-256) and the
 * static comb table for the base point, kept in flash by ecp_curves.c: no
 * heap and no time spent computing it. Measured with make bench (host,
 * 256 KiB image): window 2 without the table 39.2M instructions, window 4
 * 36.2M, window 4 with the table 29.7M, and with the inverses by Fermat
 * (libs/crypto/crypto_modinv.c, outside this file: libs/Make.defs)
 * 27.9M. See README, "Verification speed".
 */
#define MBEDTLS_ECP_WINDOW_SIZE 4
#define MBEDTLS_ECP_FIXED_POINT_OPTIM 1
#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256)
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#else
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#endif
#endif

#if defined(CONFIG_BOOT_SIGNATURE_RSA_2048) || defined(CONFIG_BOOT_SIGNATURE_RSA_3072)
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_OID_C
#define MBEDTLS_MD_C
#define MBEDTLS_PK_C
#define MBEDTLS_PK_PARSE_C
#endif

#if defined(CONFIG_BOOT_SIGNATURE_RSA_2048) || defined(CONFIG_BOOT_SIGNATURE_RSA_3072)
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_MPI_MAX_SIZE 384
#endif

/*
 * Secure Boot V2 signature blocks (libs/crypto/crypto_sbv2.c): the ROM stage
 * and the bootloader's first boot (CONFIG_SECURE_BOOT), and app
 * verification in the ESP-IDF scheme (CONFIG_BOOT_ESPIDF_SECURE_BOOT,
 * libs/otadata/ota_app_sbv2.c). A block may be RSA-3072-PSS or ECDSA
 * P-192, P-256 (SHA-256) or P-384 (SHA-384).
 */
#if defined(CONFIG_SECURE_BOOT) || defined(CONFIG_BOOT_ESPIDF_SECURE_BOOT)
#define MBEDTLS_BIGNUM_C
#define MBEDTLS_OID_C
#define MBEDTLS_MD_C
#define MBEDTLS_RSA_C
#define MBEDTLS_PKCS1_V21
#define MBEDTLS_ECP_C
#define MBEDTLS_ECDSA_C
#define MBEDTLS_ECP_NIST_OPTIM
#define MBEDTLS_ASN1_PARSE_C
#define MBEDTLS_ASN1_WRITE_C
#define MBEDTLS_ECP_DP_SECP192R1_ENABLED
#define MBEDTLS_ECP_DP_SECP256R1_ENABLED
#define MBEDTLS_ECP_DP_SECP384R1_ENABLED
#define MBEDTLS_SHA384_C
#define MBEDTLS_SHA512_C
#undef MBEDTLS_MPI_MAX_SIZE
#define MBEDTLS_MPI_MAX_SIZE 384
#endif

#endif
