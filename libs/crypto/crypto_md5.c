/* libs/crypto/crypto_md5.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_md5.h"

#include <errno.h>

#include <mbedtls/md5.h>

int crypto_md5(const void *data, size_t len, uint8_t out[CRYPTO_MD5_SIZE])
{
	return mbedtls_md5(data, len, out) == 0 ? 0 : -EIO;
}
