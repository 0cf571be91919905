/* tests/fuzz/fuzz_sbv2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: Secure Boot V2 signature sectors. The input's first byte is
 * how many blocks the chip reads and which trusted digest is revoked; the
 * rest is the signed file. The trusted digest is the first decodable
 * block's own key digest, so the fuzzer reaches the signature checks.
 * Every block must decode or be refused, and the image rule must agree
 * with the per-block statuses it reports.
 */
#include "libs/espsecure/sbv2.h"

#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	uint8_t trusted[2][SBV2_KEY_DIGEST_LEN];
	enum sbv2_status why[SBV2_MAX_BLOCKS], st;
	unsigned int max, ok = 0;
	const uint8_t *img, *sector;
	size_t img_len;

	if (len < 1)
		return 0;
	max = 1 + data[0] % SBV2_MAX_BLOCKS;
	img = data + 1;
	img_len = len - 1;
	memset(trusted, 0xa5, sizeof(trusted));
	if (img_len >= SBV2_SECTOR_SIZE) {
		sector = img + img_len - SBV2_SECTOR_SIZE;
		for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++) {
			struct sbv2_block b;
			enum sbv2_status s = sbv2_block_decode(sector + i * SBV2_BLOCK_SIZE,
							       &b);

			if (s != SBV2_OK)
				continue;
			if (b.digest_len != 32 && b.digest_len != 48)
				abort();
			if (b.version == SBV2_VERSION_ECDSA &&
			    (b.rs + 2 * b.coord_len > b.raw + SBV2_CRC_LEN))
				abort(); /* fields past the CRC'd part */
			if (sbv2_block_key_digest(&b, trusted[1]) != 0)
				abort();
			break;
		}
	}
	st = sbv2_check_image(img, img_len, max,
			      (const uint8_t (*)[SBV2_KEY_DIGEST_LEN])trusted, 2,
			      data[0] & 0x80 ? 0x2 : 0, why);
	for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++)
		ok += why[i] == SBV2_OK;
	if ((st == SBV2_OK) != (ok == 1))
		abort();
	if (sbv2_strerror(st) == NULL)
		abort();
	return 0;
}
