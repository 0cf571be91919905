/* tests/libs/esppart/test_esp_part.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* libs/esppart: the binary format and gen_esp32part's rules. */
#include "tests/test.h"

#include "libs/crypto/crypto_md5.h"
#include "libs/esppart/esp_part.h"

#include <string.h>

static const char *const vectors[] = {
	"pt_single_factory", "pt_factory_two_ota", "pt_mcuboot_two_slot",
	"pt_auto_offsets",
};

static uint8_t *load(const char *name, size_t *len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "vectors/esp/part/%s.bin", name);
	return test_read_shared(rel, len);
}

/* Every vector parses, verifies, and encodes back to the same bytes. */
static void test_vectors_round_trip(void **state)
{
	static struct esp_part_table t;
	uint8_t out[ESP_PART_TABLE_LEN];
	unsigned int bad, a, b;

	(void)state;
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		size_t len;
		uint8_t *bin = load(vectors[i], &len);

		assert_int_equal(len, ESP_PART_TABLE_LEN);
		assert_int_equal(esp_part_parse(bin, len, &t, &bad), ESP_PART_OK);
		assert_true(t.has_md5);
		assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
		assert_int_equal(esp_part_encode(&t, 1, out), ESP_PART_OK);
		assert_memory_equal(out, bin, ESP_PART_TABLE_LEN);
		free(bin);
	}
}

static void test_mcuboot_vector_fields(void **state)
{
	static struct esp_part_table t;
	unsigned int bad;
	size_t len;
	uint8_t *bin = load("pt_mcuboot_two_slot", &len);

	(void)state;
	assert_int_equal(esp_part_parse(bin, len, &t, &bad), ESP_PART_OK);
	assert_int_equal(t.count, 5);
	assert_string_equal(t.parts[1].label, "mcuboot_pri");
	assert_int_equal(t.parts[1].offset, 0x20000);
	assert_int_equal(t.parts[1].size, 0x150000);
	assert_int_equal(esp_part_ota_index(&t.parts[2]), 1);
	assert_int_equal(t.parts[3].subtype, 0x40);
	assert_int_equal(esp_part_ota_index(&t.parts[3]), -1);
	free(bin);
}

static void test_binary_rejects(void **state)
{
	static struct esp_part_table t;
	unsigned int bad;
	size_t len;
	uint8_t *bin = load("pt_factory_two_ota", &len);
	uint8_t m[ESP_PART_TABLE_LEN];

	(void)state;
	/* a flipped byte in an entry: the MD5 entry no longer matches */
	memcpy(m, bin, len);
	m[32 + 8] ^= 1;
	assert_int_equal(esp_part_parse(m, len, &t, &bad), ESP_PART_ERR_MD5);
	assert_int_equal(bad, 6);
	/* a corrupt magic */
	memcpy(m, bin, len);
	m[64] = 0xab;
	assert_int_equal(esp_part_parse(m, len, &t, &bad), ESP_PART_ERR_MAGIC);
	assert_int_equal(bad, 2);
	/* two MD5 entries */
	memcpy(m, bin, len);
	memcpy(m + 7 * 32, m + 6 * 32, 32);
	assert_int_equal(esp_part_parse(m, len, &t, &bad), ESP_PART_ERR_MD5_TWICE);
	/* no end marker: entries all the way */
	memset(m, 0, sizeof(m));
	for (int i = 0; i < 96; i++) {
		m[i * 32] = 0xaa;
		m[i * 32 + 1] = 0x50;
	}
	assert_int_equal(esp_part_parse(m, sizeof(m), &t, &bad), ESP_PART_ERR_TOO_MANY);
	assert_int_equal(esp_part_parse(m, 3 * 32, &t, &bad), ESP_PART_ERR_NO_END);
	/* empty table */
	memset(m, 0xff, sizeof(m));
	assert_int_equal(esp_part_parse(m, sizeof(m), &t, &bad), ESP_PART_ERR_EMPTY);
	/* found by fuzz_esp_part: a checksum entry and no partition */
	memset(m, 0xff, sizeof(m));
	m[0] = m[1] = 0xeb;
	assert_int_equal(crypto_md5(m, 0, m + 16), 0);
	assert_int_equal(esp_part_parse(m, sizeof(m), &t, &bad), ESP_PART_ERR_EMPTY);
	/* a buffer shorter than one entry */
	assert_int_equal(esp_part_parse(m, 31, &t, &bad), ESP_PART_ERR_NO_END);
	free(bin);
}

static struct esp_part_table one(uint8_t type, uint8_t sub, uint32_t off,
				 uint32_t size, uint32_t flags)
{
	struct esp_part_table t;

	memset(&t, 0, sizeof(t));
	t.count = 1;
	strcpy(t.parts[0].label, "p");
	t.parts[0].type = type;
	t.parts[0].subtype = sub;
	t.parts[0].offset = off;
	t.parts[0].size = size;
	t.parts[0].flags = flags;
	return t;
}

static void test_verify_rules(void **state)
{
	static struct esp_part_table t;
	unsigned int a, b;

	(void)state;
	t = one(0, 0x10, 0x18000, 0x10000, 0); /* app not 64K aligned */
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_ALIGN);
	t = one(0, 0x10, 0x20000, 0x10800, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_APP_SIZE);
	t = one(1, 0x81, 0x9800, 0x1000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_ALIGN);
	t = one(1, 0x81, 0x8000, 0x1000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_BELOW_TABLE);
	/* entirely below the table: only the primary bootloader and table */
	t = one(1, 0x81, 0x1000, 0x1000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_BELOW_TABLE);
	t = one(ESP_PART_TYPE_BOOTLOADER, ESP_PART_SUBTYPE_BOOT_PRIMARY, 0x1000, 0x7000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	t = one(ESP_PART_TYPE_BOOTLOADER, 0x01 /* ota */, 0x1000, 0x7000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_BELOW_TABLE);
	t = one(ESP_PART_TYPE_PARTITION_TABLE, ESP_PART_SUBTYPE_TABLE_PRIMARY, 0x8000, 0x1000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	/* app sizes: 4 KiB units, 64 KiB with secure boot v1 */
	t = one(0, 0x10, 0x20000, 0x11000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	assert_int_equal(esp_part_verify_app_align(&t, 0x8000, 0, 0x10000, &a, &b),
			 ESP_PART_ERR_APP_SIZE);
	/* TEE otadata: exactly 0x2000 bytes */
	t = one(1, ESP_PART_SUBTYPE_DATA_TEE_OTA, 0x9000, 0x1000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_TEE_OTADATA);
	t = one(1, ESP_PART_SUBTYPE_DATA_TEE_OTA, 0x9000, 0x2000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	t = one(1, 0x00, 0x9000, 0x1000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_OTADATA);
	t = one(1, 0x00, 0x9000, 0x2000, ESP_PART_FLAG_READONLY);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_READONLY);
	t = one(1, 0x03, 0x9000, 0x2000, ESP_PART_FLAG_READONLY);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_READONLY);
	t = one(1, 0x02, 0x9000, 0x2000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_NVS_SIZE);
	t = one(1, 0x02, 0x9000, 0x2000, ESP_PART_FLAG_READONLY);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	t = one(1, 0x02, 0x9000, 0x3000, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0xb000, &a, &b), ESP_PART_ERR_FLASH_SIZE);
	t = one(1, 0x02, 0x9000, 0, 0);
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_ZERO_SIZE);

	/* two partitions: overlap, duplicate name, second otadata */
	t = one(1, 0x81, 0x9000, 0x2000, 0);
	t.count = 2;
	t.parts[1] = t.parts[0];
	strcpy(t.parts[1].label, "q");
	t.parts[1].offset = 0xa000;
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_OVERLAP);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	t.parts[1].offset = 0xb000;
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
	strcpy(t.parts[1].label, "p");
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_DUP_NAME);
	strcpy(t.parts[1].label, "q");
	t.parts[0].subtype = t.parts[1].subtype = 0x00;
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_OTADATA);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	/* at most one TEE otadata, one otadata beside it */
	t.parts[0].subtype = t.parts[1].subtype = ESP_PART_SUBTYPE_DATA_TEE_OTA;
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_ERR_TEE_OTADATA);
	assert_int_equal(a, 0);
	assert_int_equal(b, 1);
	t.parts[0].subtype = ESP_PART_SUBTYPE_DATA_OTA;
	assert_int_equal(esp_part_verify(&t, 0x8000, 0, &a, &b), ESP_PART_OK);
}

static void test_encode_limits(void **state)
{
	static struct esp_part_table t;
	static struct esp_part_table back;
	uint8_t out[ESP_PART_TABLE_LEN];
	unsigned int bad;

	(void)state;
	memset(&t, 0, sizeof(t));
	t.count = 94; /* with MD5: 95 slots, the most gen_esp32part writes */
	for (unsigned int i = 0; i < t.count; i++) {
		snprintf(t.parts[i].label, sizeof(t.parts[i].label), "p%u", i);
		t.parts[i].type = 1;
		t.parts[i].subtype = 0x81;
		t.parts[i].offset = 0x9000 + i * 0x1000;
		t.parts[i].size = 0x1000;
	}
	strcpy(t.parts[0].label, "sixteen_chars_ab"); /* no terminator on flash */
	assert_int_equal(esp_part_encode(&t, 1, out), ESP_PART_OK);
	assert_int_equal(esp_part_parse(out, sizeof(out), &back, &bad), ESP_PART_OK);
	assert_int_equal(back.count, 94);
	assert_string_equal(back.parts[0].label, "sixteen_chars_ab");
	t.count = 95;
	assert_int_equal(esp_part_encode(&t, 1, out), ESP_PART_ERR_TOO_MANY);
	assert_int_equal(esp_part_encode(&t, 0, out), ESP_PART_OK);
	assert_int_equal(esp_part_parse(out, sizeof(out), &back, &bad), ESP_PART_OK);
	assert_int_equal(back.count, 95);
	assert_false(back.has_md5);
}

/* Found by fuzz_esp_part: a label with bytes after its NUL. */
static void test_label_is_a_c_string(void **state)
{
	static struct esp_part_table t, back;
	uint8_t m[ESP_PART_TABLE_LEN], out[ESP_PART_TABLE_LEN];
	unsigned int bad;

	(void)state;
	memset(m, 0xff, sizeof(m));
	memset(m, 0, 32);
	m[0] = 0xaa;
	m[1] = 0x50;
	m[2] = 1;
	m[3] = 0x81;
	m[5] = 0x90;
	m[9] = 0x10;
	memcpy(m + 12, "nvs\0\0\xff\xffjunk", 11);
	assert_int_equal(esp_part_parse(m, sizeof(m), &t, &bad), ESP_PART_OK);
	assert_string_equal(t.parts[0].label, "nvs");
	assert_int_equal(esp_part_encode(&t, 0, out), ESP_PART_OK);
	assert_int_equal(esp_part_parse(out, sizeof(out), &back, &bad), ESP_PART_OK);
	assert_memory_equal(&back.parts[0], &t.parts[0], sizeof(t.parts[0]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors_round_trip),
		cmocka_unit_test(test_mcuboot_vector_fields),
		cmocka_unit_test(test_binary_rejects),
		cmocka_unit_test(test_verify_rules),
		cmocka_unit_test(test_encode_limits),
		cmocka_unit_test(test_label_is_a_c_string),
	};

	return cmocka_run_group_tests_name("libs/esppart", tests, NULL, NULL);
}
