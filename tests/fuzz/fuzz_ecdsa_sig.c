/* tests/fuzz/fuzz_ecdsa_sig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: crypto_ecdsa_verify's own parsing, the key's
 * SubjectPublicKeyInfo and the DER signature, on hostile bytes. The first
 * byte picks the curve and whether the key also comes from the input (its
 * length in the second byte); the rest is the signature. Nothing may be
 * read outside the input, and the result is one of the documented codes.
 */
#include "libs/crypto/crypto_sig.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A P-256 SubjectPublicKeyInfo whose point is the curve's generator. */
static const uint8_t p256_spki[91] = {
	0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
	0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
	0x42, 0x00, 0x04, 0x6b, 0x17, 0xd1, 0xf2, 0xe1, 0x2c, 0x42, 0x47, 0xf8,
	0xbc, 0xe6, 0xe5, 0x63, 0xa4, 0x40, 0xf2, 0x77, 0x03, 0x7d, 0x81, 0x2d,
	0xeb, 0x33, 0xa0, 0xf4, 0xa1, 0x39, 0x45, 0xd8, 0x98, 0xc2, 0x96, 0x4f,
	0xe3, 0x42, 0xe2, 0xfe, 0x1a, 0x7f, 0x9b, 0x8e, 0xe7, 0xeb, 0x4a, 0x7c,
	0x0f, 0x9e, 0x16, 0x2b, 0xce, 0x33, 0x57, 0x6b, 0x31, 0x5e, 0xce, 0xcb,
	0xb6, 0x40, 0x68, 0x37, 0xbf, 0x51, 0xf5,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const uint8_t digest[48] = { 1, 2, 3 };
	unsigned int bits;
	const uint8_t *key = p256_spki;
	size_t key_len = sizeof(p256_spki);
	uint8_t *copy;
	uint8_t *key_copy;
	int rc;

	if (len < 2)
		return 0;
	bits = (data[0] & 1) ? 384 : 256;
	data++;
	len--;
	if (data[-1] & 2) {
		key_len = data[0];
		if (key_len > len - 1)
			return 0;
		key = data + 1;
		data += 1 + key_len;
		len -= 1 + key_len;
	}
	/* exact-size copies: ASan catches any read past either */
	copy = malloc(len ? len : 1);
	key_copy = malloc(key_len ? key_len : 1);
	memcpy(copy, data, len);
	memcpy(key_copy, key, key_len);
	rc = crypto_ecdsa_verify(key_copy, key_len, bits, digest, bits / 8, copy, len);
	if (rc != 0 && rc != -EINVAL && rc != -EBADMSG && rc != -ENOMEM && rc != -EIO)
		abort();
	free(key_copy);
	free(copy);
	return 0;
}
