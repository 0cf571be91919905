/* tests/fuzz/fuzz_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: a hostile image in a slot, validated under several policies
 * (hash only, ECDSA, pure Ed25519, encrypted download slot) and inspected
 * (structure only). Neither may read outside the slot (ASan watches the
 * slot buffer's edges), and an image either accepts must lie inside it.
 */
#include "drivers/mtd/sim_flash.h"
#include "libs/image/image_validate.h"

#include <stdlib.h>
#include <string.h>

#define SLOT 0x8000

/* A P-256 SubjectPublicKeyInfo and an X25519 PKCS#8 key: any valid ones do. */
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
static const uint8_t x25519_pkcs8[48] = {
	0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e,
	0x04, 0x22, 0x04, 0x20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
	15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	static const struct mtd_region r = { 0x1000, SLOT / 0x1000 };
	static const struct mtd_geometry geo = { &r, 1, 1, 0xff, SLOT };
	static uint8_t pure_buf[SLOT];
	static const struct image_key key = { p256_spki, sizeof(p256_spki) };
	static const struct image_enc_key enc = { CRYPTO_ECIES_X25519,
						  x25519_pkcs8, sizeof(x25519_pkcs8),
						  crypto_ecies_unwrap, 0 };
	const struct image_policy policies[] = {
		{ .sig = NULL, .hash = CRYPTO_HASH_SHA256 },
		{ .sig = &image_sig_ecdsa_p256, .hash = CRYPTO_HASH_SHA256,
		  .keys = &key, .nkeys = 1 },
		{ .sig = &image_sig_ecdsa_p256, .hash = CRYPTO_HASH_SHA256,
		  .keys = &key, .nkeys = 1, .hw_key = 1 },
		{ .sig = &image_sig_ed25519, .hash = CRYPTO_HASH_SHA512, .pure = 1,
		  .pure_buf = pure_buf, .pure_buf_len = sizeof(pure_buf) },
		{ .sig = NULL, .hash = CRYPTO_HASH_SHA384,
		  .encrypted_body = 1, .enc_key = &enc },
	};
	uint8_t *slot = malloc(SLOT); /* exact size: ASan catches any overrun */
	struct sim_flash fl;
	struct image_facts f;

	if (slot == NULL)
		return 0;
	memset(slot, 0xff, SLOT);
	memcpy(slot, data, len < SLOT ? len : SLOT);
	if (sim_flash_init_ram(&fl, &geo, slot) != 0)
		abort();
	for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++) {
		int rc = image_validate(&fl.mtd, &policies[i], &f);

		if (rc == IMAGE_OK &&
		    (f.size > SLOT || (uint64_t)f.hdr.hdr_size + f.hdr.img_size +
				      f.hdr.protect_tlv_size > f.size))
			abort();
		if (rc != IMAGE_OK &&
		    strcmp(image_strerror(rc), "unknown image error") == 0)
			abort(); /* every refusal is a named error */
	}
	/* The structural walk alone: same bounds, named refusals. */
	if (image_inspect(&fl.mtd, &f) == IMAGE_OK && f.size > SLOT)
		abort();
	free(slot);
	return 0;
}
