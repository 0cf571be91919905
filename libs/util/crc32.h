/* libs/util/crc32.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The reflected CRC-32 (polynomial 0xedb88320) that both ESP-IDF's otadata
 * and Secure Boot V2's signature block use, as the ROM's crc32_le computes
 * it: one bitwise core here; each format states its own seed and final
 * inversion where it calls it. Bitwise, no table: a few bytes at a time.
 */

#ifndef SLIPWAY_LIBS_UTIL_CRC32_H
#define SLIPWAY_LIBS_UTIL_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* The register after `len` more bytes, no pre- or post-inversion. */
static inline uint32_t crc32_le_update(uint32_t crc, const uint8_t *data,
				       size_t len)
{
	while (len--) {
		crc ^= *data++;
		for (int b = 0; b < 8; b++)
			crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
	}
	return crc;
}

#endif
