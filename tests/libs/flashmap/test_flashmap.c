/* tests/libs/flashmap/test_flashmap.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* libs/flashmap: validation, naming of faults, areas, and ESP-table maps. */
#include "tests/test.h"

#include "drivers/mtd/sim_flash.h"
#include "libs/bootstate/strategy.h"
#include "libs/flashmap/flashmap_esp.h"

#include <errno.h>
#include <string.h>

static const struct mtd_region r4k = { 0x1000, 256 }; /* 1 MiB */
static const struct mtd_geometry geo = { &r4k, 1, 8, 0xff, 0x100000 };

static void test_kconfig_layout_is_valid(void **state)
{
	struct flash_map_fault f;

	(void)state;
	/* The configured strategy's slot rule, on the Kconfig geometry. */
	assert_int_equal(flash_map_validate(flash_map_kconfig,
					    flash_map_kconfig_count,
					    &flash_kconfig_geometry,
					    boot_strategy_kconfig()->slot_rule, &f), 0);
	assert_int_equal(boot_strategy_kconfig()->slot_rule,
			 FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE); /* sim: swap-move */
	assert_string_equal(flash_map_kconfig[1].name, "image0-primary");
	assert_int_equal(flash_map_kconfig[1].offset,
			 CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET);
}

/* A device that disagrees with the configured geometry is refused. */
static void test_device_geometry_check(void **state)
{
	struct mtd_geometry g = flash_kconfig_geometry;
	struct mtd_region r = flash_kconfig_geometry.regions[0];

	(void)state;
	assert_int_equal(flash_kconfig_geometry_check(&g, "same"), 0);
	g.size = CONFIG_FLASH_SIZE / 2;
	assert_int_equal(flash_kconfig_geometry_check(&g, "half"), -EINVAL);
	g = flash_kconfig_geometry;
	r.sector_size *= 2;
	g.regions = &r;
	assert_int_equal(flash_kconfig_geometry_check(&g, "big sectors"), -EINVAL);
	g = flash_kconfig_geometry;
	g.program_unit = CONFIG_FLASH_WRITE_ALIGN * 2;
	assert_int_equal(flash_kconfig_geometry_check(&g, "wide unit"), -EINVAL);
	g.program_unit = 1; /* a finer program unit is fine: the layout allows more */
	assert_int_equal(flash_kconfig_geometry_check(&g, "fine unit"), 0);
}

static void expect_fault(const struct flash_area_desc *d, unsigned int n,
			 enum flash_map_slot_rule rule, int code,
			 unsigned int a, unsigned int b, const char *text)
{
	struct flash_map_fault f;
	char msg[256];

	assert_int_equal(flash_map_validate(d, n, &geo, rule, &f), code);
	assert_int_equal(f.a, a);
	assert_int_equal(f.b, b);
	flash_map_describe(d, &f, msg, sizeof(msg));
	if (strstr(msg, text) == NULL)
		fail_msg("'%s' does not contain '%s'", msg, text);
}

static void test_faults_name_the_areas(void **state)
{
	struct flash_area_desc d[3] = {
		{ "boot", FLASH_AREA_BOOTLOADER, 0, 0x0, 0x10000 },
		{ "pri", FLASH_AREA_PRIMARY, 0, 0x10000, 0x40000 },
		{ "sec", FLASH_AREA_SECONDARY, 0, 0x50000, 0x40000 },
	};

	(void)state;
	d[2].offset = 0x4f000;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_OVERLAP, 1, 2,
		     "flash area pri [0x10000, +0x40000) overlaps flash area "
		     "sec [0x4f000, +0x40000)");
	d[2].offset = 0x50800;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_UNALIGNED, 2, 2,
		     "sec [0x50800, +0x40000) does not start and end on "
		     "erase-sector boundaries");
	d[2].offset = 0x50000;
	d[2].size = 0x40800;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_UNALIGNED, 2, 2,
		     "sec");
	d[2].size = 0x100000;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_OUTSIDE, 2, 2,
		     "runs past the end of the flash");
	d[2].offset = 0xfffff000u; /* wraps 32 bits */
	d[2].size = 0x2000;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_OUTSIDE, 2, 2,
		     "sec");
	d[2].offset = 0x50000;
	d[2].size = 0;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_EMPTY, 2, 2,
		     "has no bytes");
	d[2].size = 0x40000;
	d[2].role = FLASH_AREA_PRIMARY;
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_DUPLICATE, 1, 2,
		     "same name or role");
	d[2].role = FLASH_AREA_SECONDARY;
	d[2].name = "pri";
	expect_fault(d, 3, FLASH_MAP_SLOTS_ANY, FLASH_MAP_ERR_DUPLICATE, 1, 2,
		     "pri");
	d[2].name = "sec";
	/* slot rules */
	assert_int_equal(flash_map_validate(d, 3, &geo, FLASH_MAP_SLOTS_EQUAL,
					    &(struct flash_map_fault){ 0 }), 0);
	expect_fault(d, 3, FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE,
		     FLASH_MAP_ERR_SLOT_SIZES, 1, 2, "upgrade strategy");
	d[1].size = 0x41000;
	d[2].offset = 0x51000;
	assert_int_equal(flash_map_validate(d, 3, &geo,
					    FLASH_MAP_SLOTS_PRIMARY_ONE_SECTOR_MORE,
					    &(struct flash_map_fault){ 0 }), 0);
	expect_fault(d, 3, FLASH_MAP_SLOTS_EQUAL, FLASH_MAP_ERR_SLOT_SIZES, 1,
		     2, "pri");
}

static void test_open_and_bounds(void **state)
{
	static uint8_t mem[0x100000];
	struct sim_flash fl;
	struct flash_map map;
	struct flash_map_fault f;
	struct flash_area fa;
	uint8_t b[8] = { 0 };

	(void)state;
	memset(mem, 0xff, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(flash_map_init(&map, &fl.mtd, flash_map_kconfig,
					flash_map_kconfig_count,
					FLASH_MAP_SLOTS_ANY, &f), 0);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_SECONDARY, 0, &fa), 0);
	assert_string_equal(fa.desc->name, "image0-secondary");
	assert_int_equal(flash_area_size(&fa), CONFIG_FLASH_AREA_IMAGE0_SECONDARY_SIZE);
	assert_int_equal(flash_area_program(&fa, 0, b, 8), 0);
	assert_int_equal(mem[CONFIG_FLASH_AREA_IMAGE0_SECONDARY_OFFSET], 0);
	assert_int_equal(flash_area_program(&fa, flash_area_size(&fa), b, 8), -ERANGE);
	assert_int_equal(flash_area_erase(&fa, 0, 0x1000), 0);
	assert_int_equal(mem[CONFIG_FLASH_AREA_IMAGE0_SECONDARY_OFFSET], 0xff);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_SECONDARY, 1, &fa),
			 FLASH_MAP_ERR_NOT_FOUND);
	assert_int_equal(flash_area_open_name(&map, "bootloader", &fa), 0);
	assert_int_equal(fa.desc->role, FLASH_AREA_BOOTLOADER);
	assert_int_equal(flash_area_open_name(&map, "nope", &fa),
			 FLASH_MAP_ERR_NOT_FOUND);
}

/* A 4 MiB sim flash holding the pt_mcuboot_two_slot table at 0x8000. */
static uint8_t big[0x400000];
static const struct mtd_region r4m = { 0x1000, 0x400 };
static const struct mtd_geometry geo4m = { &r4m, 1, 4, 0xff, 0x400000 };

static void test_esp_table_map(void **state)
{
	static struct flash_map_esp store;
	struct sim_flash fl;
	struct flash_map map;
	struct flash_map_fault f;
	struct flash_area fa;
	size_t len;
	uint8_t *bin = test_read_shared("vectors/esp/part/pt_mcuboot_two_slot.bin", &len);

	(void)state;
	memset(big, 0xff, sizeof(big));
	memcpy(big + 0x8000, bin, len);
	free(bin);
	assert_int_equal(sim_flash_init_ram(&fl, &geo4m, big), 0);
	assert_int_equal(flash_map_from_esp_table(&map, &store, &fl.mtd, 0x8000,
						  FLASH_MAP_SLOTS_EQUAL, &f), 0);
	assert_int_equal(map.count, 2 + 5);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_PRIMARY, 0, &fa), 0);
	assert_string_equal(fa.desc->name, "mcuboot_pri");
	assert_int_equal(fa.desc->offset, 0x20000);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_SECONDARY, 0, &fa), 0);
	assert_string_equal(fa.desc->name, "mcuboot_sec");
	assert_int_equal(flash_area_open(&map, FLASH_AREA_SCRATCH, 0, &fa), 0);
	assert_int_equal(fa.desc->offset, 0x2c0000);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_NVS, 0, &fa), 0);
	assert_string_equal(fa.desc->name, "nvs");
	assert_int_equal(flash_area_open_name(&map, "storage", &fa), 0);
	assert_int_equal(fa.desc->role, FLASH_AREA_OTHER);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_PARTITION_TABLE, 0, &fa), 0);
	assert_int_equal(fa.desc->offset, 0x8000);
}

/* A table listing the primary bootloader and itself (gen_esp32part with
 * --primary-bootloader-offset): those rows are the map's own two areas. */
static void test_esp_table_with_boot_rows(void **state)
{
	static struct flash_map_esp store;
	static struct esp_part_table t;
	static uint8_t bin[ESP_PART_TABLE_LEN];
	static uint8_t flash[0x20000];
	const struct mtd_region r = { 0x1000, 0x20 };
	const struct mtd_geometry geo = { &r, 1, 4, 0xff, sizeof(flash) };
	const struct esp_part rows[] = {
		{ "bl", ESP_PART_TYPE_BOOTLOADER, ESP_PART_SUBTYPE_BOOT_PRIMARY, 0x0, 0x8000, 0 },
		{ "pt", ESP_PART_TYPE_PARTITION_TABLE, ESP_PART_SUBTYPE_TABLE_PRIMARY, 0x8000, 0x1000, 0 },
		{ "nvs", ESP_PART_TYPE_DATA, ESP_PART_SUBTYPE_DATA_NVS, 0x9000, 0x6000, 0 },
	};
	struct sim_flash fl;
	struct flash_map map;
	struct flash_map_fault f;
	struct flash_area fa;

	(void)state;
	memset(&t, 0, sizeof(t));
	memcpy(t.parts, rows, sizeof(rows));
	t.count = 3;
	assert_int_equal(esp_part_encode(&t, 1, bin), ESP_PART_OK);
	memset(flash, 0xff, sizeof(flash));
	memcpy(flash + 0x8000, bin, sizeof(bin));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, flash), 0);
	assert_int_equal(flash_map_from_esp_table(&map, &store, &fl.mtd, 0x8000,
						  FLASH_MAP_SLOTS_ANY, &f), 0);
	assert_int_equal(map.count, 2 + 1);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_BOOTLOADER, 0, &fa), 0);
	assert_int_equal(fa.desc->size, 0x8000);
	assert_int_equal(flash_area_open(&map, FLASH_AREA_NVS, 0, &fa), 0);
	assert_int_equal(fa.desc->offset, 0x9000);
}

static void test_bad_esp_table_gives_no_map(void **state)
{
	static struct flash_map_esp store;
	struct sim_flash fl;
	struct flash_map map = { 0 };
	struct flash_map_fault f;
	const struct mtd_region r2m = { 0x1000, 0x200 };
	const struct mtd_geometry geo2m = { &r2m, 1, 4, 0xff, 0x200000 };

	size_t len;
	uint8_t *bin = test_read_shared("vectors/esp/part/pt_mcuboot_two_slot.bin", &len);

	(void)state;
	memset(big, 0xff, sizeof(big));
	memcpy(big + 0x8000, bin, len);
	free(bin);
	/* a good table at 0x8000: corrupt its MD5 */
	assert_int_equal(sim_flash_init_ram(&fl, &geo4m, big), 0);
	big[0x8000 + 32 + 5] ^= 0x10;
	assert_int_equal(flash_map_from_esp_table(&map, &store, &fl.mtd, 0x8000,
						  FLASH_MAP_SLOTS_ANY, &f),
			 ESP_PART_ERR_MD5);
	assert_null(map.areas);
	big[0x8000 + 32 + 5] ^= 0x10;
	/* on a 2 MiB part the table's partitions run past the flash */
	assert_int_equal(sim_flash_init_ram(&fl, &geo2m, big), 0);
	assert_int_equal(flash_map_from_esp_table(&map, &store, &fl.mtd, 0x8000,
						  FLASH_MAP_SLOTS_ANY, &f),
			 ESP_PART_ERR_FLASH_SIZE);
	assert_null(map.areas);
	/* erased flash: no table */
	memset(big + 0x8000, 0xff, 0x1000);
	assert_int_equal(sim_flash_init_ram(&fl, &geo4m, big), 0);
	assert_int_equal(flash_map_from_esp_table(&map, &store, &fl.mtd, 0x8000,
						  FLASH_MAP_SLOTS_ANY, &f),
			 ESP_PART_ERR_EMPTY);
	/* a table offset near the end: reading it fails cleanly */
	assert_int_equal(flash_map_from_esp_table(&map, &store, &fl.mtd,
						  0x400000 - 0x800,
						  FLASH_MAP_SLOTS_ANY, &f),
			 -ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kconfig_layout_is_valid),
		cmocka_unit_test(test_device_geometry_check),
		cmocka_unit_test(test_faults_name_the_areas),
		cmocka_unit_test(test_open_and_bounds),
		cmocka_unit_test(test_esp_table_map),
		cmocka_unit_test(test_bad_esp_table_gives_no_map),
		cmocka_unit_test(test_esp_table_with_boot_rows),
	};

	return cmocka_run_group_tests_name("libs/flashmap", tests, NULL, NULL);
}
