/* tests/libs/image/test_image_header.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* libs/image header: decoding against imgtool's bytes, checks, versions. */
#include "tests/test.h"

#include "libs/image/image_header.h"

#include <stdio.h>
#include <string.h>

/* The first 32 bytes of ../shared/vectors/imgtool/hash-only/image.bin. */
static const uint8_t hash_only_hdr[32] = {
	0x3d, 0xb8, 0xf3, 0x96, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00,
	0xe8, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
	0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
};

static void test_decode_vector(void **state)
{
	struct image_header h;
	uint8_t again[32];

	(void)state;
	image_header_decode(&h, hash_only_hdr);
	assert_int_equal(h.magic, IMAGE_MAGIC);
	assert_int_equal(h.hdr_size, 0x20);
	assert_int_equal(h.img_size, 0x3e8);
	assert_int_equal(h.protect_tlv_size, 0);
	assert_int_equal(h.version.major, 1);
	assert_int_equal(h.version.minor, 0);
	image_header_encode(&h, again);
	assert_memory_equal(again, hash_only_hdr, 32);
}

static void test_decode_is_little_endian(void **state)
{
	uint8_t raw[32] = { 0 };
	struct image_header h;

	(void)state;
	raw[0x14] = 2;
	raw[0x15] = 3;
	raw[0x16] = 0x34;
	raw[0x17] = 0x12;
	raw[0x18] = 0x78;
	raw[0x19] = 0x56;
	raw[0x1a] = 0x34;
	raw[0x1b] = 0x12;
	image_header_decode(&h, raw);
	assert_int_equal(h.version.revision, 0x1234);
	assert_int_equal(h.version.build, 0x12345678);
}

static void test_check(void **state)
{
	uint8_t raw[32];
	struct image_header h;

	(void)state;
	image_header_decode(&h, hash_only_hdr);
	assert_int_equal(image_header_check(&h, hash_only_hdr, 0x20000, 0xff),
			 IMAGE_OK);
	/* header + body exactly fill the slot: still fits */
	assert_int_equal(image_header_check(&h, hash_only_hdr, 0x408, 0xff),
			 IMAGE_OK);
	assert_int_equal(image_header_check(&h, hash_only_hdr, 0x407, 0xff),
			 IMAGE_ERR_SIZE_PAST_SLOT);
	/* sizes that wrap 32 bits must not pass */
	h.img_size = 0xffffffe0u;
	h.protect_tlv_size = 0x40;
	assert_int_equal(image_header_check(&h, hash_only_hdr, 0x20000, 0xff),
			 IMAGE_ERR_SIZE_PAST_SLOT);
	image_header_decode(&h, hash_only_hdr);
	h.hdr_size = 31;
	assert_int_equal(image_header_check(&h, hash_only_hdr, 0x20000, 0xff),
			 IMAGE_ERR_HDR_SIZE);
	/* erased slot vs garbage vs the obsolete v1 magic */
	memset(raw, 0xff, sizeof(raw));
	image_header_decode(&h, raw);
	assert_int_equal(image_header_check(&h, raw, 0x20000, 0xff),
			 IMAGE_ERR_EMPTY);
	assert_int_equal(image_header_check(&h, raw, 0x20000, 0x00),
			 IMAGE_ERR_BAD_MAGIC);
	memcpy(raw, hash_only_hdr, 32);
	raw[0] = 0x3c;
	image_header_decode(&h, raw);
	assert_int_equal(h.magic, IMAGE_MAGIC_V1);
	assert_int_equal(image_header_check(&h, raw, 0x20000, 0xff),
			 IMAGE_ERR_BAD_MAGIC);
	assert_string_equal(image_strerror(IMAGE_ERR_BAD_MAGIC),
			    "bad image magic");
}

/* Every code has its own sentence (image_error.c walks one packed list). */
static void test_strerror_every_code(void **state)
{
	(void)state;
	assert_string_equal(image_strerror(IMAGE_OK), "valid");
	assert_string_equal(image_strerror(IMAGE_ERR_EMPTY), "slot is empty");
	assert_string_equal(image_strerror(IMAGE_ERR_HASH_MISMATCH), "image hash mismatch");
	assert_string_equal(image_strerror(IMAGE_ERR_BAD_SIGNATURE), "signature does not verify");
	assert_string_equal(image_strerror(IMAGE_ERR_IO), "flash read failed");
	assert_string_equal(image_strerror(IMAGE_ERR_ROLLBACK),
			    "security counter below the device's (rollback)");
	assert_string_equal(image_strerror(IMAGE_ERR_EMPTY - 1), "unknown image error");
	assert_string_equal(image_strerror(IMAGE_ERR_ROLLBACK + 1), "unknown image error");
	assert_string_equal(image_strerror(-5), "unknown image error");
	for (int e = IMAGE_ERR_EMPTY; e <= IMAGE_ERR_ROLLBACK; e++) {
		assert_true(strlen(image_strerror(e)) > 0);
		for (int f = IMAGE_ERR_EMPTY; f < e; f++)
			assert_string_not_equal(image_strerror(e), image_strerror(f));
	}
}

static void test_version_parse(void **state)
{
	struct image_version v;

	(void)state;
	assert_int_equal(image_version_parse("1.2.3+4", &v), 0);
	assert_int_equal(v.major, 1);
	assert_int_equal(v.minor, 2);
	assert_int_equal(v.revision, 3);
	assert_int_equal(v.build, 4);
	assert_int_equal(image_version_parse("7", &v), 0);
	assert_int_equal(v.major, 7);
	assert_int_equal(v.minor, 0);
	assert_int_equal(v.build, 0);
	assert_int_equal(image_version_parse("255.255.65535+4294967295", &v), 0);
	assert_int_equal(v.build, 4294967295u);

	const char *bad[] = { "", "256", "1.256", "1.2.65536", "1.2.3+4294967296",
			      "01.0", "1..2", "1.2+3", "1.2.3+", "a", "1.2.3.4",
			      "-1", " 1", "1.2.3+4x" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (image_version_parse(bad[i], &v) != -22) {
			fprintf(stderr, "accepted '%s'\n", bad[i]);
			fail();
		}
	}
	assert_int_equal(image_version_parse(NULL, &v), -22);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_vector),
		cmocka_unit_test(test_decode_is_little_endian),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_strerror_every_code),
		cmocka_unit_test(test_version_parse),
	};

	return cmocka_run_group_tests_name("libs/image header", tests, NULL,
					   NULL);
}
