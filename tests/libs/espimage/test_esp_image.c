/* tests/libs/espimage/test_esp_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libs/espimage: esptool's images parse with the facts image_info prints;
 * hostile images (truncated at every header field, segments past the area,
 * 17 segments, overlaps, wrong chip, bad checksum or hash) are refused with
 * their own reason, and nothing past the area is read.
 */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/espimage/esp_image.h"
#include "libs/util/le.h"

#include <string.h>

#define AREA 0x40000 /* 256 KiB: every vector fits */

static const struct mtd_region region = { 0x1000, AREA / 0x1000 };
static const struct mtd_geometry geo = { &region, 1, 1, 0xff, AREA };
static uint8_t mem[AREA];
static struct sim_flash fl;

struct vec {
	const char *name, *chip;
	uint8_t nsegs, mode, size_freq, hash;
	int app, boot;
};

/* Facts from each vector's .info.txt (esptool image_info --version 2). */
static const struct vec vectors[] = {
	{ "c3_app_default", "esp32c3", 5, 0, 0x00, 1, 1, 0 },
	{ "c3_app_dio_80m_4MB", "esp32c3", 5, 2, 0x2f, 1, 1, 0 },
	{ "c3_app_dout_20m_16MB", "esp32c3", 5, 3, 0x42, 1, 1, 0 },
	{ "c3_app_qout_26m_8MB", "esp32c3", 5, 1, 0x31, 1, 1, 0 },
	{ "c3_app_idf_style", "esp32c3", 5, 2, 0x1f, 1, 1, 0 },
	{ "c3_app_revs", "esp32c3", 5, 0, 0x00, 1, 1, 0 },
	{ "c3_app_no_digest", "esp32c3", 5, 0, 0x00, 0, 1, 0 },
	{ "c3_app_securepad_v2", "esp32c3", 6, 0, 0x00, 1, 1, 0 },
	{ "c3_app_ram_only_header", "esp32c3", 2, 0, 0x00, 0, 0, 0 },
	{ "c3_boot", "esp32c3", 3, 2, 0x1f, 1, 0, 1 },
	{ "c3_boot_pad4k", "esp32c3", 3, 2, 0x00, 1, 0, 1 },
	{ "c6_app_default", "esp32c6", 5, 0, 0x00, 1, 1, 0 },
	{ "c6_app_dio_80m_4MB", "esp32c6", 5, 2, 0x20, 1, 1, 0 },
	{ "c6_app_dout_20m_16MB", "esp32c6", 5, 3, 0x42, 1, 1, 0 },
	{ "c6_app_idf_style", "esp32c6", 5, 2, 0x10, 1, 1, 0 },
	{ "c6_app_revs", "esp32c6", 5, 0, 0x00, 1, 1, 0 },
	{ "c6_app_no_digest", "esp32c6", 5, 0, 0x00, 0, 1, 0 },
	{ "c6_app_securepad_v2", "esp32c6", 6, 0, 0x00, 1, 1, 0 },
	{ "c6_app_ram_only_header", "esp32c6", 2, 0, 0x00, 0, 0, 0 },
	{ "c6_app_drom_default", "esp32c6", 5, 2, 0x20, 1, 1, 0 },
	{ "c6_app_bigdram", "esp32c6", 5, 2, 0x00, 1, 1, 0 },
	{ "c6_boot", "esp32c6", 3, 2, 0x10, 1, 0, 1 },
};

static size_t load(const char *name)
{
	char rel[128];
	size_t len;
	uint8_t *bin;

	snprintf(rel, sizeof(rel), "vectors/esp/img/%s.bin", name);
	bin = test_read_shared(rel, &len);
	assert_true(len <= AREA);
	memset(mem, 0xff, sizeof(mem));
	memcpy(mem, bin, len);
	free(bin);
	return len;
}

static int check_as(uint32_t size, const char *chip, int app,
		    struct esp_image *img)
{
	struct esp_image_policy pol = { esp_chip_find(chip), 1, app };

	return esp_image_read(&fl.mtd, size, &pol, img);
}

/* As the ESP-IDF bootloader checks an app. */
static int check(uint32_t size, const char *chip, struct esp_image *img)
{
	return check_as(size, chip, 1, img);
}

static void test_vectors(void **state)
{
	static struct esp_image img;

	(void)state;
	for (size_t i = 0; i < sizeof(vectors) / sizeof(vectors[0]); i++) {
		const struct vec *v = &vectors[i];
		size_t len = load(v->name);
		int rc = check_as((uint32_t)len, v->chip, v->app, &img);

		if (rc != ESP_IMAGE_OK)
			fail_msg("%s: %s", v->name, esp_image_strerror(rc));
		assert_int_equal(img.segment_count, v->nsegs);
		assert_int_equal(img.flash_mode, v->mode);
		assert_int_equal(img.flash_size_freq, v->size_freq);
		assert_int_equal(img.hash_appended, v->hash);
		assert_int_equal(img.has_app_desc, v->app);
		assert_int_equal(img.has_boot_desc, v->boot);
		assert_int_equal(img.wp_pin, ESP_IMAGE_WP_PIN_DISABLED);
		assert_int_equal(img.chip_id, esp_chip_find(v->chip)->chip_id);
		assert_int_equal(img.image_len % 16, v->hash ? 0 : 0);
		assert_true(img.image_len <= len);
		if (v->app) {
			assert_int_equal(img.app.secure_version, 7);
			assert_string_equal(img.app.version, "1.2.3-vec");
			assert_string_equal(img.app.project_name, "esp_format_vectors");
			assert_int_equal(img.app.mmu_page_log2, 16);
		}
		/* and in an area cut right after the image */
		assert_int_equal(check_as(img.image_len, v->chip, v->app, &img),
				 ESP_IMAGE_OK);
	}
}

static void test_fields(void **state)
{
	static struct esp_image img;

	(void)state;
	load("c3_app_revs");
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_OK);
	assert_int_equal(img.min_rev_full, 101);
	assert_int_equal(img.max_rev_full, 199);
	assert_int_equal(esp_image_check_chip_rev(&img, 100, 1), ESP_IMAGE_ERR_CHIP_REV);
	assert_int_equal(esp_image_check_chip_rev(&img, 101, 1), ESP_IMAGE_OK);
	assert_int_equal(esp_image_check_chip_rev(&img, 200, 1), ESP_IMAGE_ERR_CHIP_REV);
	assert_int_equal(esp_image_check_chip_rev(&img, 200, 0), ESP_IMAGE_OK);
	/* the app descriptor sits in the first (DROM) segment at 0x20 */
	assert_int_equal(img.segs[0].offset, 0x18);
	assert_true(img.segs[0].mem_types & (1u << ESP_MEM_DROM));

	load("c3_app_idf_style");
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_OK);
	assert_int_equal(img.min_rev, 3);
	{
		size_t elf_len;
		uint8_t *elf = test_read_shared("vectors/esp/elf/c3_app.elf", &elf_len);
		uint8_t d[32];

		assert_int_equal(crypto_hash_buf(CRYPTO_HASH_SHA256, elf, elf_len, d), 0);
		assert_memory_equal(img.app.app_elf_sha256, d, 32);
		free(elf);
	}

	load("c3_boot");
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_OK);
	assert_int_equal(img.boot.magic, ESP_BOOT_DESC_MAGIC);
	assert_true(img.segs[0].mem_types & (1u << ESP_MEM_DRAM));
}

/* Truncated at every byte of the headers and everywhere up to the end:
 * refused, never past the area, and never "valid". */
static void test_truncations(void **state)
{
	static struct esp_image img;
	size_t len;
	uint32_t image_len;

	(void)state;
	len = load("c3_app_default");
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_OK);
	image_len = img.image_len;
	for (uint32_t cut = 0; cut < image_len; cut++) {
		int rc;

		memset(mem + cut, 0xff, AREA - cut); /* what lies beyond is erased */
		rc = check(cut, "esp32c3", &img);
		if (cut == 0)
			assert_int_equal(rc, ESP_IMAGE_ERR_TRUNC_HEADER);
		else if (cut < ESP_IMAGE_HEADER_LEN)
			assert_int_equal(rc, ESP_IMAGE_ERR_TRUNC_HEADER);
		else if (cut < 0x20)
			assert_int_equal(rc, ESP_IMAGE_ERR_TRUNC_SEG_HEADER);
		else
			assert_true(rc == ESP_IMAGE_ERR_SEG_PAST_END ||
				    rc == ESP_IMAGE_ERR_TRUNC_SEG_HEADER ||
				    rc == ESP_IMAGE_ERR_TRUNC_CHECKSUM ||
				    rc == ESP_IMAGE_ERR_TRUNC_DIGEST);
		load("c3_app_default");
	}
	assert_int_equal(check(image_len - 32, "esp32c3", &img),
			 ESP_IMAGE_ERR_TRUNC_DIGEST);
	assert_int_equal(check(image_len - 1, "esp32c3", &img),
			 ESP_IMAGE_ERR_TRUNC_DIGEST);
	assert_int_equal(check(image_len - 33, "esp32c3", &img),
			 ESP_IMAGE_ERR_TRUNC_CHECKSUM);
}

/* Rewrite header byte `off` and refresh nothing: the expected reason. */
static int with_byte(const char *name, uint32_t off, uint8_t v, const char *chip)
{
	static struct esp_image img;
	size_t len = load(name);

	mem[off] = v;
	return check((uint32_t)len, chip, &img);
}

static void test_header_refusals(void **state)
{
	static struct esp_image img;

	(void)state;
	assert_int_equal(with_byte("c3_app_default", 0, 0xea, "esp32c3"), ESP_IMAGE_ERR_MAGIC);
	assert_int_equal(with_byte("c3_app_default", 1, 17, "esp32c3"), ESP_IMAGE_ERR_SEG_COUNT);
	assert_int_equal(with_byte("c3_app_default", 23, 2, "esp32c3"), ESP_IMAGE_ERR_HASH_FLAG);
	assert_int_equal(with_byte("c3_app_default", 12, 13, "esp32c3"), ESP_IMAGE_ERR_CHIP_ID);
	/* the right image for another chip */
	load("c6_app_default");
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_ERR_CHIP_ID);
	assert_int_equal(check(AREA, "esp32h2", &img), ESP_IMAGE_ERR_CHIP_ID);
	/* erased flash is "no image", not a bad one */
	memset(mem, 0xff, sizeof(mem));
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_ERR_EMPTY);
	assert_int_equal(check(8, "esp32c3", &img), ESP_IMAGE_ERR_TRUNC_HEADER);
	mem[0] = 0;
	assert_int_equal(check(8, "esp32c3", &img), ESP_IMAGE_ERR_MAGIC);
}

static void test_segment_refusals(void **state)
{
	static struct esp_image img;
	size_t len;

	(void)state;
	/* length not a multiple of 4 */
	len = load("c3_app_default");
	put_le32(mem + 0x1c, get_le32(mem + 0x1c) + 1);
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_SEG_LEN_ALIGN);
	assert_int_equal(img.bad_seg, 0);
	/* 16 MiB */
	load("c3_app_default");
	put_le32(mem + 0x1c, ESP_IMAGE_MAX_SEG_LEN);
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_SEG_TOO_LONG);
	/* past the area, and past a 32-bit wrap */
	load("c3_app_default");
	put_le32(mem + 0x1c, 0x40000);
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_SEG_PAST_END);
	load("c3_app_default");
	put_le32(mem + 0x1c, 0xfffffffc);
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_SEG_TOO_LONG);
	/* 17 segments claimed; 16 claimed with only 4 present */
	assert_int_equal(with_byte("c3_app_default", 1, 17, "esp32c3"), ESP_IMAGE_ERR_SEG_COUNT);
	/* 16 claimed, 5 present: the rest is read from what follows */
	assert_true(with_byte("c3_app_default", 1, 16, "esp32c3") < 0);
	assert_true(with_byte("c3_boot", 1, 16, "esp32c3") < 0);
	/* a load address in no memory of the C3 (ROM) */
	load("c3_boot");
	put_le32(mem + 0x18, 0x40000000);
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_ERR_SEG_ADDR);
	/* a segment running off the end of its memory */
	load("c3_boot");
	put_le32(mem + 0x18, 0x3fcdfff0);
	assert_int_equal(check(AREA, "esp32c3", &img), ESP_IMAGE_ERR_SEG_ADDR);
}

static void test_overlap_and_mapping(void **state)
{
	static struct esp_image img;
	struct esp_image_seg s1;
	size_t len;

	(void)state;
	/* bootloader: move segment 1 onto segment 0's addresses */
	len = load("c3_boot");
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_OK);
	s1 = img.segs[1];
	load("c3_boot");
	put_le32(mem + s1.offset, img.segs[0].load_addr + 4);
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_SEG_OVERLAP);
	assert_int_equal(img.bad_seg, 1);
	/* a flash segment moved by 4 bytes no longer maps */
	len = load("c3_app_default");
	put_le32(mem + 0x18, get_le32(mem + 0x18) + 4);
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_SEG_MAPPING);
	/*
	 * esptool --flash-mmu-page-size 16KB leaves the descriptor saying
	 * 64 KiB (it is the ELF's): ESP-IDF maps with 64 KiB pages then, and
	 * the 16 KiB layout does not map. Told 16 KiB, it does.
	 */
	len = load("c6_app_mmu16k");
	assert_int_equal(check((uint32_t)len, "esp32c6", &img), ESP_IMAGE_ERR_SEG_MAPPING);
	mem[0x20 + 180] = 14;
	assert_int_equal(check((uint32_t)len, "esp32c6", &img), ESP_IMAGE_ERR_CHECKSUM);
	assert_int_equal(img.mmu_page, 0x4000);
	/* C6 without the app descriptor in segment 0 */
	len = load("c6_app_default");
	mem[0x20] ^= 1;
	assert_int_equal(check((uint32_t)len, "esp32c6", &img), ESP_IMAGE_ERR_NO_APP_DESC);
	/* a page size the descriptor names and the chip lacks */
	len = load("c6_app_default");
	mem[0x20 + 180] = 20;
	assert_int_equal(check((uint32_t)len, "esp32c6", &img), ESP_IMAGE_ERR_PAGE_SIZE);
}

static void test_checksum_and_hash(void **state)
{
	static struct esp_image img;
	size_t len;

	(void)state;
	len = load("c3_app_no_digest");
	mem[0x40] ^= 0x10;
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_CHECKSUM);
	assert_int_equal(img.checksum ^ img.checksum_calc, 0x10);
	/* XOR-neutral change: the checksum passes, the hash does not */
	len = load("c3_app_default");
	mem[0x40] ^= 0x10;
	mem[0x41] ^= 0x10;
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_DIGEST);
	/* header byte 3 patched without a new hash */
	len = load("c3_app_default");
	mem[3] = 0x2f;
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_DIGEST);
	len = load("c3_app_default");
	mem[len - 1] ^= 1;
	assert_int_equal(check((uint32_t)len, "esp32c3", &img), ESP_IMAGE_ERR_DIGEST);
}

/* A device that fails the test on any read past the area it was given. */
struct bounded {
	struct mtd_dev mtd; /* first: a bounded is an mtd_dev */
	uint32_t limit, max_chunk;
};

static int bounded_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct bounded *b = (struct bounded *)dev;

	if (off > b->limit || len > b->limit - off)
		fail_msg("read of %zu bytes at 0x%x past the area's 0x%x", len, off,
			 b->limit);
	if (len > b->max_chunk)
		b->max_chunk = (uint32_t)len;
	memcpy(buf, mem + off, len);
	return 0;
}

/* Every cut of every vector: no read past the cut, none larger than a
 * header or the 256-byte descriptor window, whatever the image claims. */
static void test_reads_bounded(void **state)
{
	static const struct mtd_ops ops = { .read = bounded_read };
	static const struct mtd_region r = { 0x1000, AREA / 0x1000 };
	static const struct mtd_geometry g = { &r, 1, 1, 0xff, AREA };
	static struct esp_image img;
	const char *const names[] = { "c3_app_default", "c3_boot", "c6_app_bigdram" };

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t len = load(names[i]);

		for (uint32_t cut = 0; cut <= len; cut += cut < 0x400 ? 1 : 61) {
			struct bounded b = { { &ops, &g }, cut, 0 };
			struct esp_image_policy pol = { esp_chip_find(names[i][1] == '3' ?
						"esp32c3" : "esp32c6"), 1, 0 };

			(void)esp_image_read(&b.mtd, cut, &pol, &img);
			assert_true(b.max_chunk <= ESP_APP_DESC_LEN);
		}
		/* and a segment length claiming far more than there is */
		put_le32(mem + 0x1c, 0x00fffffc);
		{
			struct bounded b = { { &ops, &g }, (uint32_t)len, 0 };
			struct esp_image_policy pol = { NULL, 0, 0 };

			assert_int_equal(esp_image_read(&b.mtd, (uint32_t)len, &pol, &img),
					 ESP_IMAGE_ERR_SEG_PAST_END);
		}
	}
}

static void test_strerror_named(void **state)
{
	(void)state;
	for (int e = ESP_IMAGE_ERR_EMPTY; e <= ESP_IMAGE_ERR_DIGEST; e++)
		assert_string_not_equal(esp_image_strerror(e), "unknown ESP image error");
	assert_string_equal(esp_image_strerror(1), "unknown ESP image error");
}

static int setup(void **state)
{
	(void)state;
	return sim_flash_init_ram(&fl, &geo, mem);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_truncations),
		cmocka_unit_test(test_header_refusals),
		cmocka_unit_test(test_segment_refusals),
		cmocka_unit_test(test_overlap_and_mapping),
		cmocka_unit_test(test_checksum_and_hash),
		cmocka_unit_test(test_reads_bounded),
		cmocka_unit_test(test_strerror_named),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
