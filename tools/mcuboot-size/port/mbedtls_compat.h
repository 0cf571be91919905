/* tools/mcuboot-size/port/mbedtls_compat.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * MCUboot calls mbedtls 3's SHA-256 functions, which return int; Debian's
 * mbedtls 2.28 has them under their _ret names (the same code).
 */
#include "mbedtls/version.h"
#include "mbedtls/sha256.h"
#if MBEDTLS_VERSION_NUMBER < 0x03000000
#define mbedtls_sha256_starts mbedtls_sha256_starts_ret
#define mbedtls_sha256_update mbedtls_sha256_update_ret
#define mbedtls_sha256_finish mbedtls_sha256_finish_ret
#endif
