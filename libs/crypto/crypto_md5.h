/* libs/crypto/crypto_md5.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * MD5 glue over mbedtls, for the ESP-IDF partition table's checksum entry
 * (an integrity check the format defines, not a security measure).
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_MD5_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_MD5_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_MD5_SIZE 16

/* 0, or -EIO when the backend fails. */
int crypto_md5(const void *data, size_t len, uint8_t out[CRYPTO_MD5_SIZE]);

#endif
