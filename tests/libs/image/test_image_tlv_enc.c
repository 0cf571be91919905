/* tests/libs/image/test_image_tlv_enc.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The signer's TLV encoder (libs/image/image_tlv_enc.c) against the
 * bootloader's decoder (image_tlv.c): blocks encoded, laid after a header
 * in a RAM flash, walked back and compared entry by entry (type, length,
 * value, protected or not); imgtool's big-endian layout byte for byte;
 * empty and overfull blocks.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/image/image_header.h"
#include "libs/image/image_tlv.h"
#include "libs/image/image_tlv_enc.h"

#include <string.h>

#define SLOT 0x2000u
#define HDR 32u
#define BODY 100u

struct entry {
	uint16_t type;
	int custom, protected_;
	uint8_t value[40];
	size_t len;
};

static const struct entry entries[] = {
	{ IMAGE_TLV_SEC_CNT, 0, 1, { 7, 0, 0, 0 }, 4 },
	{ IMAGE_TLV_DEPENDENCY, 0, 1, { 1, 0, 0, 0, 2, 3, 4, 0, 5, 0, 0, 0 }, 12 },
	{ 0xabcd, 1, 1, "vendor", 6 },
	{ 0x00a0, 1, 1, { 0 }, 0 },
	{ IMAGE_TLV_SHA256, 0, 0, { 0x11, 0x22, 0x33 }, 32 },
	{ IMAGE_TLV_KEYHASH, 0, 0, { 0x44 }, 32 },
	{ IMAGE_TLV_ECDSA_SIG, 0, 0, { 0x30, 0x44 }, 40 },
};
#define NENTRIES (sizeof(entries) / sizeof(entries[0]))

static void add(struct image_tlv_enc *e, const struct entry *x)
{
	if (x->custom)
		image_tlv_enc_add_custom(e, x->type, x->value, x->len);
	else
		image_tlv_enc_add(e, x->type, x->value, x->len);
}

static void test_round_trip(void **state)
{
	static uint8_t mem[SLOT];
	struct mtd_region region = { 0x1000, SLOT / 0x1000 };
	struct mtd_geometry geo = { &region, 1, 1, 0xff, SLOT };
	struct sim_flash fl;
	struct image_header hdr = { .magic = IMAGE_MAGIC, .hdr_size = HDR,
				    .img_size = BODY };
	struct image_tlv_enc e;
	struct image_tlv_iter it;
	struct image_tlv t;
	long prot, unprot;
	size_t n = 0;

	(void)state;
	memset(mem, 0xff, sizeof(mem));
	image_tlv_enc_begin(&e, mem + HDR + BODY, SLOT - HDR - BODY,
			    IMAGE_TLV_PROT_INFO_MAGIC, 0);
	for (size_t i = 0; i < NENTRIES; i++)
		if (entries[i].protected_)
			add(&e, &entries[i]);
	prot = image_tlv_enc_end(&e);
	assert_int_equal(prot, 4 + (4 + 4) + (4 + 12) + (4 + 6) + 4);
	hdr.protect_tlv_size = (uint16_t)prot;
	image_header_encode(&hdr, mem);
	image_tlv_enc_begin(&e, mem + HDR + BODY + prot, SLOT - HDR - BODY - prot,
			    IMAGE_TLV_INFO_MAGIC, 0);
	for (size_t i = 0; i < NENTRIES; i++)
		if (!entries[i].protected_)
			add(&e, &entries[i]);
	unprot = image_tlv_enc_end(&e);
	assert_int_equal(unprot, 4 + 36 + 36 + 44);

	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(image_tlv_init(&it, &fl.mtd, &hdr), 0);
	while (image_tlv_next(&it, &t) == 1) {
		const struct entry *x = &entries[n++];
		uint8_t got[64];

		assert_true(n <= NENTRIES);
		assert_int_equal(t.type, x->type);
		assert_int_equal(t.len, x->len);
		assert_int_equal(!!t.protected_, x->protected_);
		assert_int_equal(mtd_read(&fl.mtd, t.off, got, t.len), 0);
		assert_memory_equal(got, x->value, x->len);
	}
	assert_int_equal(n, NENTRIES);
	assert_int_equal(image_tlv_area_end(&it), HDR + BODY + prot + unprot);
}

/* imgtool -e big: info header 'HH', its own types 'BBH', custom 'HH'. */
static void test_big_endian(void **state)
{
	static const uint8_t want[] = {
		0x69, 0x08, 0x00, 0x12,             /* magic, total 18 */
		0x50, 0x00, 0x00, 0x04, 0, 0, 0, 7, /* SEC_CNT = 7 */
		0xab, 0xcd, 0x00, 0x02, 0xff, 0xee, /* custom 0xabcd */
	};
	uint8_t buf[64], v[4];
	struct image_tlv_enc e;

	(void)state;
	image_tlv_enc_begin(&e, buf, sizeof(buf), IMAGE_TLV_PROT_INFO_MAGIC, 1);
	image_tlv_enc_u32(&e, v, 7);
	image_tlv_enc_add(&e, IMAGE_TLV_SEC_CNT, v, 4);
	image_tlv_enc_add_custom(&e, 0xabcd, "\xff\xee", 2);
	assert_int_equal(image_tlv_enc_end(&e), sizeof(want));
	assert_memory_equal(buf, want, sizeof(want));
}

static void test_empty_and_full(void **state)
{
	uint8_t buf[16];
	struct image_tlv_enc e;

	(void)state;
	/* no entry: no block (imgtool writes none) */
	image_tlv_enc_begin(&e, buf, sizeof(buf), IMAGE_TLV_PROT_INFO_MAGIC, 0);
	assert_int_equal(image_tlv_enc_end(&e), 0);
	/* an entry that does not fit fails the block, and it stays failed */
	image_tlv_enc_begin(&e, buf, sizeof(buf), IMAGE_TLV_INFO_MAGIC, 0);
	image_tlv_enc_add(&e, IMAGE_TLV_SHA256, buf, 9);
	image_tlv_enc_add(&e, IMAGE_TLV_SHA256, buf, 1);
	assert_int_equal(image_tlv_enc_end(&e), -1);
	image_tlv_enc_begin(&e, buf, 3, IMAGE_TLV_INFO_MAGIC, 0);
	assert_int_equal(image_tlv_enc_end(&e), -1);
	/* names: imgtool's for MCUboot's types, none for others */
	assert_string_equal(image_tlv_name(IMAGE_TLV_UUID_CID), "UUID_CID");
	assert_null(image_tlv_name(0xa0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_big_endian),
		cmocka_unit_test(test_empty_and_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
