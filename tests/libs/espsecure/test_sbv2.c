/* tests/libs/espsecure/test_sbv2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ROM's Secure Boot V2 rule (sbv2_check_image) on espsecure's signed
 * bootloader: accepted with its key's digest; each refusal named (unknown
 * key, revoked key, tampered data, CRC-broken block, forged signature,
 * unsigned, bad length); a later block saves a broken first one; an ECDSA
 * chip's one-block limit. And Espressif XTS: any 16-byte granule alone
 * equals the same bytes of a whole-range operation.
 */
#include "tests/test.h"

#include "libs/crypto/crypto_xts.h"
#include "libs/espsecure/sbv2.h"

#include <errno.h>
#include <string.h>

#define SIGNED "vectors/esp/secure/c3_boot_signed.bin"
#define DIGEST "vectors/esp/secure/sbv2_rsa3072_pubkey_digest.bin"

struct fixture {
	uint8_t *img;
	size_t len;
	uint8_t trusted[3][SBV2_KEY_DIGEST_LEN];
	uint8_t *block0; /* in img */
};

static int setup(void **state)
{
	static struct fixture f;
	uint8_t *d;
	size_t dlen;

	if (test_shared_missing())
		return -1;
	f.img = test_read_shared(SIGNED, &f.len);
	d = test_read_shared(DIGEST, &dlen);
	assert_int_equal(dlen, SBV2_KEY_DIGEST_LEN);
	memset(f.trusted, 0x5a, sizeof(f.trusted));
	memcpy(f.trusted[1], d, dlen); /* the key is digest 1 of 3 */
	free(d);
	f.block0 = f.img + f.len - SBV2_SECTOR_SIZE;
	*state = &f;
	return 0;
}

static int teardown(void **state)
{
	free(((struct fixture *)*state)->img);
	return 0;
}

static enum sbv2_status check(struct fixture *f, uint32_t revoked,
			      enum sbv2_status why[SBV2_MAX_BLOCKS])
{
	return sbv2_check_image(f->img, f->len, SBV2_MAX_BLOCKS,
				(const uint8_t (*)[SBV2_KEY_DIGEST_LEN])f->trusted,
				3, revoked, why);
}

static void fix_crc(uint8_t *block)
{
	uint32_t crc = sbv2_crc32(block, SBV2_CRC_LEN);

	for (int i = 0; i < 4; i++)
		block[SBV2_CRC_LEN + i] = (uint8_t)(crc >> (8 * i));
}

static void test_accepted(void **state)
{
	struct fixture *f = *state;
	enum sbv2_status why[SBV2_MAX_BLOCKS];
	uint8_t kd[SBV2_KEY_DIGEST_LEN];
	struct sbv2_block b;

	assert_int_equal(check(f, 0x5, why), SBV2_OK); /* 0 and 2 revoked: fine */
	assert_int_equal(why[0], SBV2_OK);
	assert_int_equal(sbv2_block_decode(f->block0, &b), SBV2_OK);
	assert_int_equal(b.version, SBV2_VERSION_RSA);
	assert_int_equal(sbv2_block_key_digest(&b, kd), 0);
	assert_memory_equal(kd, f->trusted[1], sizeof(kd));
}

static void test_refusals(void **state)
{
	struct fixture *f = *state;
	enum sbv2_status why[SBV2_MAX_BLOCKS];
	uint8_t save[SBV2_BLOCK_SIZE];

	/* Revoked, and unknown. */
	assert_int_equal(check(f, 0x2, why), SBV2_ERR_KEY_REVOKED);
	f->trusted[1][5] ^= 1;
	assert_int_equal(check(f, 0, why), SBV2_ERR_KEY_UNKNOWN);
	f->trusted[1][5] ^= 1;
	/* Tampered data. */
	f->img[0x40] ^= 1;
	assert_int_equal(check(f, 0, why), SBV2_ERR_DIGEST);
	f->img[0x40] ^= 1;
	/* CRC broken. */
	memcpy(save, f->block0, sizeof(save));
	f->block0[100] ^= 1;
	assert_int_equal(check(f, 0, why), SBV2_ERR_CRC);
	/* Forged signature, CRC made right. */
	memcpy(f->block0, save, sizeof(save));
	f->block0[SBV2_RSA_SIG + 7] ^= 0x80;
	fix_crc(f->block0);
	assert_int_equal(check(f, 0, why), SBV2_ERR_SIGNATURE);
	/* A key swapped in (n changed) no longer matches the digest. */
	memcpy(f->block0, save, sizeof(save));
	f->block0[SBV2_RSA_N + 3] ^= 1;
	fix_crc(f->block0);
	assert_int_equal(check(f, 0, why), SBV2_ERR_KEY_UNKNOWN);
	/* Unsigned: the sector erased. */
	memset(f->block0, 0xff, SBV2_BLOCK_SIZE);
	assert_int_equal(check(f, 0, why), SBV2_ERR_UNSIGNED);
	memcpy(f->block0, save, sizeof(save));
	/* Malformed: an ECDSA block naming curve 9, CRC right. */
	f->block0[1] = SBV2_VERSION_ECDSA;
	f->block0[36] = 9;
	fix_crc(f->block0);
	assert_int_equal(check(f, 0, why), SBV2_ERR_FORMAT);
	memcpy(f->block0, save, sizeof(save));
	/* Lengths. */
	assert_int_equal(sbv2_check_image(f->img, f->len - 1, 3, NULL, 0, 0, NULL),
			 SBV2_ERR_LENGTH);
	assert_int_equal(sbv2_check_image(f->img, 0, 3, NULL, 0, 0, NULL),
			 SBV2_ERR_LENGTH);
	assert_int_equal(check(f, 0, why), SBV2_OK);
}

static void test_later_block(void **state)
{
	struct fixture *f = *state;
	enum sbv2_status why[SBV2_MAX_BLOCKS];
	uint8_t save[2 * SBV2_BLOCK_SIZE];

	memcpy(save, f->block0, sizeof(save));
	memcpy(f->block0 + SBV2_BLOCK_SIZE, f->block0, SBV2_BLOCK_SIZE);
	f->block0[SBV2_CRC_LEN] ^= 1; /* block 0 CRC-broken */
	assert_int_equal(check(f, 0, why), SBV2_OK);
	assert_int_equal(why[0], SBV2_ERR_CRC);
	assert_int_equal(why[1], SBV2_OK);
	/* A chip that reads block 0 only (C2, ESP32 ECO3) refuses it. */
	assert_int_equal(sbv2_check_image(f->img, f->len, 1,
					  (const uint8_t (*)[32])f->trusted, 3,
					  0, why), SBV2_ERR_CRC);
	memcpy(f->block0, save, sizeof(save));
}

static void test_crc32(void **state)
{
	(void)state;
	/* The check value of CRC-32/ISO-HDLC (zlib). */
	assert_int_equal(sbv2_crc32((const uint8_t *)"123456789", 9), 0xcbf43926u);
}

static void test_xts_granules(void **state)
{
	struct crypto_esp_xts x;
	uint8_t key[32], plain[384], whole[384], piece[16];
	size_t klen;
	uint8_t *k = test_read_shared("vectors/esp/secure/fe_xts128_key.bin", &klen);

	(void)state;
	memcpy(key, k, sizeof(key));
	free(k);
	for (size_t i = 0; i < sizeof(plain); i++)
		plain[i] = (uint8_t)(i * 7 + 3);
	assert_int_equal(crypto_esp_xts_init(&x, key, klen), 0);
	assert_int_equal(crypto_esp_xts_crypt(&x, 1, 0x3040, plain, whole,
					      sizeof(plain)), 0);
	for (size_t off = 0; off < sizeof(plain); off += 16) {
		assert_int_equal(crypto_esp_xts_crypt(&x, 1, 0x3040 + (uint32_t)off,
						      plain + off, piece, 16), 0);
		assert_memory_equal(piece, whole + off, 16);
		assert_int_equal(crypto_esp_xts_crypt(&x, 0, 0x3040 + (uint32_t)off,
						      whole + off, piece, 16), 0);
		assert_memory_equal(piece, plain + off, 16);
	}
	/* Same bytes elsewhere encrypt differently (the tweak is the address). */
	assert_int_equal(crypto_esp_xts_crypt(&x, 1, 0x3040 + 0x80, plain, piece, 16), 0);
	assert_memory_not_equal(piece, whole, 16);
	assert_int_equal(crypto_esp_xts_crypt(&x, 1, 0x3048, plain, piece, 16), -EINVAL);
	assert_int_equal(crypto_esp_xts_crypt(&x, 1, 0x3040, plain, piece, 8), -EINVAL);
	assert_int_equal(crypto_esp_xts_crypt(&x, 1, 0xfffffff0u, plain, piece, 32),
			 -EINVAL);
	crypto_esp_xts_free(&x);
	assert_int_equal(crypto_esp_xts_init(&x, key, 16), -EINVAL);
	crypto_esp_xts_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepted),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_later_block),
		cmocka_unit_test(test_crc32),
		cmocka_unit_test(test_xts_granules),
	};

	if (test_shared_missing())
		return 0;
	return cmocka_run_group_tests(tests, setup, teardown);
}
