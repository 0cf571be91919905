/* tests/libs/espimage/test_esp_load_header.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The load header of MCUboot's Espressif port: decoding, and the checks
 * against each chip's memory map with hostile headers (regions over the
 * loader, entry outside IRAM, sizes that wrap, sources outside the image,
 * IRAM/DRAM views of one SRAM overlapping, mapped regions off their page);
 * each chip's map and MMU entry computation against the numbers of
 * ../shared/docs/esp-formats.md 1.9, 5.2 and 5.3.
 */
#include "tests/test.h"

#include "libs/espimage/esp_load_header.h"
#include "libs/espimage/esp_load_map.h"
#include "libs/util/le.h"

#include <errno.h>
#include <string.h>

#define HDR 0x20            /* MCUboot header size: the load header follows */
#define IMG_END 0x40000     /* header + payload */
#define SRC (HDR + ESP_LOAD_HEADER_LEN)

/* A valid C3 header: IRAM at the app origin, DRAM beside it, IROM/DROM
 * one page apart, as an ESP-IDF/NuttX app for MCUboot is linked. */
static struct esp_load_header c3_valid(void)
{
	struct esp_load_header h = { 0 };

	h.entry = 0x40380100;
	h.r[ESP_LOAD_IRAM] = (struct esp_load_region){ 0x40380000, SRC, 0x2000 };
	h.r[ESP_LOAD_DRAM] = (struct esp_load_region){ 0x3fcb0000, SRC + 0x2000, 0x800 };
	h.r[ESP_LOAD_IROM] = (struct esp_load_region){ 0x42010000, 0x10000, 0x10000 };
	h.r[ESP_LOAD_DROM] = (struct esp_load_region){ 0x3c030000, 0x30000, 0x8000 };
	return h;
}

static int check(const struct esp_load_header *h, const char *chip,
		 enum esp_load_region_id *bad)
{
	return esp_load_header_check(h, esp_load_map_find(chip), HDR, IMG_END, bad);
}

static void test_parse(void **state)
{
	uint8_t raw[ESP_LOAD_HEADER_LEN];
	struct esp_load_header h;

	(void)state;
	for (unsigned int i = 0; i < sizeof(raw); i++)
		raw[i] = (uint8_t)i;
	assert_int_equal(esp_load_header_parse(raw, &h), ESP_LOAD_ERR_MAGIC);
	put_le32(raw, ESP_LOAD_HEADER_MAGIC);
	assert_int_equal(esp_load_header_parse(raw, &h), ESP_LOAD_OK);
	assert_int_equal(h.entry, get_le32(raw + 4));
	/* MCUboot's field order: entry, then (dest, offset, size) for IRAM,
	 * DRAM, LP IRAM, LP DRAM, IROM, DROM; 4 reserved words. */
	assert_int_equal(h.r[ESP_LOAD_IRAM].addr, get_le32(raw + 8));
	assert_int_equal(h.r[ESP_LOAD_DRAM].flash_off, get_le32(raw + 24));
	assert_int_equal(h.r[ESP_LOAD_LP_DRAM].size, get_le32(raw + 52));
	assert_int_equal(h.r[ESP_LOAD_IROM].addr, get_le32(raw + 56));
	assert_int_equal(h.r[ESP_LOAD_DROM].size, get_le32(raw + 76));
}

static void test_valid_per_chip(void **state)
{
	struct esp_load_header h = c3_valid();
	enum esp_load_region_id bad;

	(void)state;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_OK);
	/* The C2's windows and app origin are the C3's (smaller). */
	assert_int_equal(check(&h, "esp32c2", &bad), ESP_LOAD_OK);
	/* C6/H2: one address for IRAM and DRAM; code and data in 0x42... */
	h.entry = 0x40800100;
	h.r[ESP_LOAD_IRAM].addr = 0x40800000;
	h.r[ESP_LOAD_DRAM].addr = 0x40810000;
	h.r[ESP_LOAD_DROM].addr = 0x42020000;
	h.r[ESP_LOAD_LP_IRAM] = (struct esp_load_region){ 0x50000000, SRC + 0x3000, 0x400 };
	assert_int_equal(check(&h, "esp32c6", &bad), ESP_LOAD_OK);
	assert_int_equal(check(&h, "esp32h2", &bad), ESP_LOAD_OK);
	/* The C2 has no LP/RTC RAM; H2's is 4 KiB. */
	h = c3_valid();
	h.r[ESP_LOAD_LP_DRAM] = (struct esp_load_region){ 0x50000000, SRC + 0x3000, 0x400 };
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_OK);
	assert_int_equal(check(&h, "esp32c2", &bad), ESP_LOAD_ERR_LP_RANGE);
	assert_int_equal(bad, ESP_LOAD_LP_DRAM);
}

static void test_over_loader(void **state)
{
	static const struct {
		const char *chip;
		uint32_t loader, alias;
	} chips[] = {
		{ "esp32c3", ESP_LOADER_RAM_ESP32C3, 0x700000 },
		{ "esp32c2", ESP_LOADER_RAM_ESP32C2, 0x6e0000 },
		{ "esp32c6", ESP_LOADER_RAM_ESP32C6, 0 },
		{ "esp32h2", ESP_LOADER_RAM_ESP32H2, 0 },
	};
	enum esp_load_region_id bad;

	(void)state;
	for (unsigned int i = 0; i < 4; i++) {
		struct esp_load_header h = c3_valid();
		uint32_t d = chips[i].loader, iaddr = d + chips[i].alias;

		h.r[ESP_LOAD_DROM].size = 0;
		h.r[ESP_LOAD_IROM].size = 0;
		/* IRAM ending exactly where the loader starts: allowed. */
		h.r[ESP_LOAD_IRAM].addr = iaddr - 0x2000;
		h.entry = iaddr - 0x2000;
		h.r[ESP_LOAD_DRAM].addr = d - 0x4000;
		assert_int_equal(check(&h, chips[i].chip, &bad), ESP_LOAD_OK);
		/* One byte more (rounded to a word) reaches the loader. */
		h.r[ESP_LOAD_IRAM].addr += 4;
		assert_int_equal(check(&h, chips[i].chip, &bad), ESP_LOAD_ERR_OVER_LOADER);
		assert_int_equal(bad, ESP_LOAD_IRAM);
		h.r[ESP_LOAD_IRAM].addr -= 4;
		/* DRAM straight over the loader's stack. */
		h.r[ESP_LOAD_DRAM].addr = d + 0x10000;
		assert_int_equal(check(&h, chips[i].chip, &bad), ESP_LOAD_ERR_OVER_LOADER);
		assert_int_equal(bad, ESP_LOAD_DRAM);
	}
}

static void test_entry(void **state)
{
	struct esp_load_header h = c3_valid();
	enum esp_load_region_id bad;

	(void)state;
	h.entry = 0x40380000 + 0x2000; /* one past the copied IRAM */
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_ENTRY);
	h.entry = 0x3fcb0000; /* in the DRAM region */
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_ENTRY);
	h.entry = 0x42010000; /* mapped code: not what the loader jumps to */
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_ENTRY);
	h.entry = 0x40380001; /* not an instruction boundary */
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_ENTRY);
	h.entry = 0x40380000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_OK);
	h.r[ESP_LOAD_IRAM].size = 0;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_NO_IRAM);
}

static void test_wrap_and_source(void **state)
{
	struct esp_load_header h = c3_valid();
	enum esp_load_region_id bad;

	(void)state;
	h.r[ESP_LOAD_DRAM].size = 0xfffffff0;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_SIZE_WRAP);
	assert_int_equal(bad, ESP_LOAD_DRAM);
	h = c3_valid();
	h.r[ESP_LOAD_IRAM].flash_off = 0xffffff00;
	h.r[ESP_LOAD_IRAM].size = 0x200;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_SIZE_WRAP);
	/* A size that fits 32 bits but runs past the chip's RAM. */
	h = c3_valid();
	h.r[ESP_LOAD_IRAM].size = 0x70000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_SOURCE);
	h.r[ESP_LOAD_IRAM] = (struct esp_load_region){ 0x403d0000, SRC, 0x20000 };
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_IRAM_RANGE);
	/* Sources: not from the MCUboot header or the load header itself,
	 * not from the TLVs past the hashed bytes. */
	h = c3_valid();
	h.r[ESP_LOAD_DRAM].flash_off = HDR;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_SOURCE);
	h.r[ESP_LOAD_DRAM].flash_off = IMG_END - 0x7fc;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_SOURCE);
	h.r[ESP_LOAD_DRAM].flash_off = IMG_END - 0x800;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_OK);
}

static void test_ranges_and_overlap(void **state)
{
	struct esp_load_header h = c3_valid();
	enum esp_load_region_id bad;

	(void)state;
	/* IRAM into the I-cache below 0x40380000, DRAM into ROM space. */
	h.r[ESP_LOAD_IRAM].addr = 0x4037c000;
	h.entry = 0x4037c000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_IRAM_RANGE);
	h = c3_valid();
	h.r[ESP_LOAD_DRAM].addr = 0x40000000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_DRAM_RANGE);
	/* C3: DRAM 0x3fc80000 is IRAM 0x40380000, the same bytes. */
	h = c3_valid();
	h.r[ESP_LOAD_DRAM].addr = 0x3fc81000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_OVERLAP);
	assert_int_equal(bad, ESP_LOAD_DRAM);
	/* C6: one address space. */
	h.entry = 0x40800000;
	h.r[ESP_LOAD_IRAM].addr = 0x40800000;
	h.r[ESP_LOAD_DRAM].addr = 0x40801ffc;
	h.r[ESP_LOAD_IROM].size = h.r[ESP_LOAD_DROM].size = 0;
	assert_int_equal(check(&h, "esp32c6", &bad), ESP_LOAD_ERR_OVERLAP);
	h.r[ESP_LOAD_DRAM].addr = 0x40802000;
	assert_int_equal(check(&h, "esp32c6", &bad), ESP_LOAD_OK);
}

static void test_mapped(void **state)
{
	struct esp_load_header h = c3_valid();
	enum esp_load_region_id bad;

	(void)state;
	h.r[ESP_LOAD_IROM].flash_off += 0x20; /* 64 KiB rule broken */
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_MAP_ALIGN);
	assert_int_equal(bad, ESP_LOAD_IROM);
	h.r[ESP_LOAD_IROM].addr += 0x20; /* congruent again */
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_OK);
	h = c3_valid();
	h.r[ESP_LOAD_IROM].addr = 0x42800000 - 0x8000; /* runs off the window */
	h.r[ESP_LOAD_IROM].flash_off = 0x18000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_MAP_RANGE);
	assert_int_equal(check(&h, "esp32c2", &bad), ESP_LOAD_ERR_MAP_RANGE);
	/* C3: IROM page 1 and DROM page 1 are one MMU entry. */
	h = c3_valid();
	h.r[ESP_LOAD_DROM].addr = 0x3c010000;
	assert_int_equal(check(&h, "esp32c3", &bad), ESP_LOAD_ERR_OVERLAP);
	assert_int_equal(bad, ESP_LOAD_DROM);
	/* No MMU (a RAM-load configuration): any mapped region is refused. */
	{
		struct esp_load_map nommu = *esp_load_map_find("esp32c3");

		nommu.mmu_page = 0;
		h = c3_valid();
		assert_int_equal(esp_load_header_check(&h, &nommu, HDR, IMG_END, &bad),
				 ESP_LOAD_ERR_MAP_RANGE);
	}
}

/* One DRAM region of `size` at `addr` beside a small valid IRAM region,
 * per chip: where each chip's map admits it and why not elsewhere. */
static void test_classification_per_chip(void **state)
{
	static const struct {
		const char *chip;
		uint32_t iram, addr, size;
		int want;
	} cases[] = {
		/* C3: DRAM 0x3fc80000..0x3fce0000, bootloader from 0x3fcc0000 */
		{ "esp32c3", 0x40380000, 0x3fc90000, 0x1000, ESP_LOAD_OK },
		{ "esp32c3", 0x40380000, 0x3fcbf000, 0x1000, ESP_LOAD_OK },
		{ "esp32c3", 0x40380000, 0x3fcbf000, 0x1004, ESP_LOAD_ERR_OVER_LOADER },
		{ "esp32c3", 0x40380000, 0x3fc7f000, 0x1000, ESP_LOAD_ERR_DRAM_RANGE },
		{ "esp32c3", 0x40380000, 0x3fcdf000, 0x2000, ESP_LOAD_ERR_DRAM_RANGE },
		{ "esp32c3", 0x40380000, 0x50000000, 0x100, ESP_LOAD_ERR_DRAM_RANGE },
		/* C2: DRAM from 0x3fca0000 only; IRAM 0x40380000 is DRAM 0x3fca0000 */
		{ "esp32c2", 0x40390000, 0x3fc90000, 0x1000, ESP_LOAD_ERR_DRAM_RANGE },
		{ "esp32c2", 0x40390000, 0x3fca0000, 0x1000, ESP_LOAD_OK },
		{ "esp32c2", 0x40390000, 0x3fcb0000, 0x1000, ESP_LOAD_ERR_OVERLAP },
		{ "esp32c2", 0x40390000, 0x3fcc0000, 0x1000, ESP_LOAD_ERR_OVER_LOADER },
		/* C6: 512 KiB at 0x40800000, bootloader from 0x40860000 */
		{ "esp32c6", 0x40800000, 0x40850000, 0x10000, ESP_LOAD_OK },
		{ "esp32c6", 0x40800000, 0x40850000, 0x10004, ESP_LOAD_ERR_OVER_LOADER },
		{ "esp32c6", 0x40800000, 0x40880000, 0x100, ESP_LOAD_ERR_DRAM_RANGE },
		{ "esp32c6", 0x40800000, 0x3fc90000, 0x100, ESP_LOAD_ERR_DRAM_RANGE },
		/* H2: 320 KiB, bootloader from 0x40830000 */
		{ "esp32h2", 0x40800000, 0x40820000, 0x10000, ESP_LOAD_OK },
		{ "esp32h2", 0x40800000, 0x40830000, 0x100, ESP_LOAD_ERR_OVER_LOADER },
		{ "esp32h2", 0x40800000, 0x40850000, 0x100, ESP_LOAD_ERR_DRAM_RANGE },
		{ "esp32h2", 0x40800000, 0x40800800, 0x100, ESP_LOAD_ERR_OVERLAP },
	};
	enum esp_load_region_id bad;

	(void)state;
	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct esp_load_header h = { 0 };
		int rc;

		h.entry = cases[i].iram;
		h.r[ESP_LOAD_IRAM] = (struct esp_load_region){ cases[i].iram, SRC, 0x1000 };
		h.r[ESP_LOAD_DRAM] = (struct esp_load_region){ cases[i].addr, SRC + 0x1000,
							       cases[i].size };
		rc = check(&h, cases[i].chip, &bad);
		if (rc != cases[i].want)
			fail_msg("case %u (%s, DRAM 0x%08x + 0x%x): %s, want %s", i,
				 cases[i].chip, (unsigned)cases[i].addr,
				 (unsigned)cases[i].size, esp_load_strerror(rc),
				 esp_load_strerror(cases[i].want));
	}
}

/* Each chip's numbers, against esp-formats.md. */
static void test_chip_maps(void **state)
{
	const struct esp_load_map *c3 = esp_load_map_find("esp32c3");
	const struct esp_load_map *c2 = esp_load_map_find("esp32c2");
	const struct esp_load_map *c6 = esp_load_map_find("esp32c6");
	const struct esp_load_map *h2 = esp_load_map_find("esp32h2");

	(void)state;
	assert_non_null(c3);
	assert_non_null(c2);
	assert_non_null(c6);
	assert_non_null(h2);
	assert_null(esp_load_map_find("esp32"));
	/* 5.2: app RAM origins; 1.9: the I/D offsets. */
	assert_int_equal(c3->iram.start, 0x40380000);
	assert_int_equal(c3->dram.start, 0x3fc80000);
	assert_int_equal(c3->iram.start - c3->iram_alias, c3->dram.start);
	assert_int_equal(c2->iram.start - c2->iram_alias, c2->dram.start);
	assert_int_equal(c3->iram.end - c3->iram_alias, c3->dram.end);
	assert_int_equal(c2->iram.end - c2->iram_alias, c2->dram.end);
	assert_int_equal(c6->dram.end, 0x40880000);
	assert_int_equal(h2->dram.end, 0x40850000);
	/* 1.9: the loader's RAM ends at the ROM's stack, which it reserves
	 * with the ROM's data up to the end of SRAM. */
	assert_true(ESP_LOADER_RAM_ESP32C3 < ESP_ROM_STACK_ESP32C3);
	assert_true(ESP_LOADER_RAM_ESP32C2 < ESP_ROM_STACK_ESP32C2);
	assert_true(ESP_LOADER_RAM_ESP32C6 < ESP_ROM_STACK_ESP32C6);
	assert_true(ESP_LOADER_RAM_ESP32H2 < ESP_ROM_STACK_ESP32H2);
	assert_int_equal(c3->reserved[0].end, 0x3fce0000);
	assert_int_equal(c2->reserved[0].end, 0x3fce0000);
	assert_int_equal(c6->reserved[0].end, 0x40880000);
	assert_int_equal(h2->reserved[0].end, 0x40850000);
	/* 5.3: entries, windows */
	assert_int_equal(c3->mmu_entries, 128);
	assert_int_equal(c2->mmu_entries, 64);
	assert_int_equal(c6->mmu_entries, 256);
	assert_int_equal(h2->mmu_entries, 256);
	assert_int_equal(c3->mmu_entries * c3->mmu_page, c3->irom.end - c3->irom.start);
	assert_int_equal(c2->mmu_entries * c2->mmu_page, c2->irom.end - c2->irom.start);
	assert_int_equal(c6->mmu_entries * c6->mmu_page, c6->irom.end - c6->irom.start);
}

static void test_mmu_entries(void **state)
{
	const struct esp_load_map *c3 = esp_load_map_find("esp32c3");
	struct esp_load_map c2 = *esp_load_map_find("esp32c2");
	struct esp_load_map c6 = *esp_load_map_find("esp32c6");
	uint32_t idx, page;

	(void)state;
	/* C3: index = (vaddr & window mask) >> 16, I and D windows alike;
	 * the value is the flash page (paddr >> 16). */
	assert_int_equal(esp_load_mmu_entry(c3, 0x42000020, 0x10020, &idx, &page), 0);
	assert_int_equal(idx, 0);
	assert_int_equal(page, 1);
	assert_int_equal(esp_load_mmu_entry(c3, 0x3c010020, 0x30020, &idx, &page), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(page, 3);
	assert_int_equal(esp_load_mmu_entry(c3, 0x427f0000, 0x3f0000, &idx, &page), 0);
	assert_int_equal(idx, 127);
	assert_int_equal(page, 0x3f);
	assert_int_equal(esp_load_mmu_entry(c3, 0x42800000, 0, &idx, &page), -EINVAL);
	assert_int_equal(esp_load_mmu_entry(c3, 0x40380000, 0, &idx, &page), -EINVAL);
	/* C2 at 16 KiB pages: 64 entries cover 1 MiB of the window. */
	c2.mmu_page = 0x4000;
	assert_int_equal(esp_load_mmu_entry(&c2, 0x42004000, 0x24000, &idx, &page), 0);
	assert_int_equal(idx, 1);
	assert_int_equal(page, 9);
	assert_int_equal(esp_load_mmu_entry(&c2, 0x42100000, 0, &idx, &page), -EINVAL);
	/* C6 at 8 KiB pages. */
	c6.mmu_page = 0x2000;
	assert_int_equal(esp_load_mmu_entry(&c6, 0x421fe000, 0x1fe000, &idx, &page), 0);
	assert_int_equal(idx, 255);
	assert_int_equal(page, 255);
	/* H2 at 64 KiB: the whole 16 MiB window, 256 entries. */
	assert_int_equal(esp_load_mmu_entry(esp_load_map_find("esp32h2"), 0x42ff0000,
					    0x3f0000, &idx, &page), 0);
	assert_int_equal(idx, 255);
	assert_int_equal(page, 0x3f);
	/* C2 at 64 KiB: 64 entries, the last at 0x423f0000. */
	assert_int_equal(esp_load_mmu_entry(esp_load_map_find("esp32c2"), 0x423f0000,
					    0x10000, &idx, &page), 0);
	assert_int_equal(idx, 63);
	assert_int_equal(page, 1);
}

static void test_strerror_named(void **state)
{
	(void)state;
	for (int e = ESP_LOAD_ERR_MAGIC; e <= ESP_LOAD_ERR_NO_IRAM; e++)
		assert_string_not_equal(esp_load_strerror(e), "unknown load header error");
	assert_string_equal(esp_load_strerror(ESP_LOAD_ERR_NO_IRAM + 1),
			    "unknown load header error");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_valid_per_chip),
		cmocka_unit_test(test_over_loader),
		cmocka_unit_test(test_entry),
		cmocka_unit_test(test_wrap_and_source),
		cmocka_unit_test(test_ranges_and_overlap),
		cmocka_unit_test(test_mapped),
		cmocka_unit_test(test_classification_per_chip),
		cmocka_unit_test(test_chip_maps),
		cmocka_unit_test(test_mmu_entries),
		cmocka_unit_test(test_strerror_named),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
