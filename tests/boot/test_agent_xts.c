/* tests/boot/test_agent_xts.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * An update on encrypted flash: the whole device behind drivers/mtd/mtd_xts
 * (as the ESP32-C3's flash controller with SPI_BOOT_CRYPT_CNT odd). The
 * agent is given plaintext; it lands encrypted in the download slot (no
 * 16 bytes of the image's body appear in the raw flash), it validates
 * through the layer, and the real engine swaps it in: the primary reads as
 * the new image through the layer and holds only ciphertext.
 */
#include "tests/test.h"

#include "boot/agent/ota.h"
#include "boot/engine/engine.h"
#include "drivers/mtd/mtd_xts.h"
#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#define SECTOR 0x1000u
#define NSECT 40u
#define PRI ((NSECT + 1) * SECTOR) /* swap-move: one spare sector */
#define SEC (NSECT * SECTOR)
#define SIZE (PRI + SEC)

static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };
static const struct mtd_region region = { SECTOR, SIZE / SECTOR };
static const struct mtd_geometry geo = { &region, 1, 8, 0xff, SIZE };
static const struct mtd_xts_range everything = { 0, SIZE };
static struct flash_area_desc areas[] = {
	{ "p0", FLASH_AREA_PRIMARY, 0, 0, PRI },
	{ "s0", FLASH_AREA_SECONDARY, 0, PRI, SEC },
};
static uint8_t mem[SIZE];
static struct sim_flash fl;
static struct crypto_esp_xts xts;
static struct mtd_xts x;
static struct flash_map map;
static struct ota ota;

/* Encrypted flash writes 16-byte granules: the trailer follows (as
 * MCUboot on an encrypted ESP flash uses a 32-byte BOOT_MAX_ALIGN). */
static struct boot_trailer_geo trailer_geo(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){ slot->geo->size, 16, 16, NSECT, 3, 0xff };
}

static uint8_t *vector(const char *name, size_t *len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "vectors/imgtool/%s/image.bin", name);
	return test_read_shared(rel, len);
}

/* Does any 16-byte window of `needle`'s body appear in `hay`? */
static int leaks(const uint8_t *hay, size_t hay_len, const uint8_t *needle,
		 size_t len)
{
	for (size_t n = 0x40; n + 16 <= len; n += 16)
		for (size_t i = 0; i + 16 <= hay_len; i++)
			if (memcmp(hay + i, needle + n, 16) == 0)
				return 1;
	return 0;
}

static void test_update_lands_encrypted(void **state)
{
	struct ota_config cfg = { .map = &map, .nimages = 1, .policy = &policy,
				  .upgrade = BOOT_UPGRADE_SWAP_MOVE,
				  .trailer_geo = trailer_geo };
	struct boot_image img0;
	struct boot_engine e = { .images = &img0, .nimages = 1, .policy = &policy,
				 .strategy = &boot_strategy_swap_move };
	size_t old_len, new_len;
	uint8_t *old = vector("hash-only", &old_len);
	uint8_t *upd = vector("ecdsa-p256", &new_len);
	uint8_t key[32], *back = malloc(new_len);
	struct ota_stage st;
	int saved, null;

	(void)state;
	assert_non_null(back);
	for (unsigned int i = 0; i < sizeof(key); i++)
		key[i] = (uint8_t)(0x3c + i);
	assert_int_equal(crypto_esp_xts_init(&xts, key, sizeof(key)), 0);
	memset(mem, 0xff, sizeof(mem));
	assert_int_equal(sim_flash_init_ram(&fl, &geo, mem), 0);
	assert_int_equal(mtd_xts_init(&x, &fl.mtd, &xts, 0, &everything, 1), 0);
	/* The running image, as the first boot's in-place encryption left it. */
	assert_int_equal(mtd_program(&x.mtd, 0, old, (old_len + 15) & ~15u), 0);
	assert_int_equal(flash_map_init(&map, &x.mtd, areas, 2, FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(ota_init(&ota, &cfg), 0);

	/* Plaintext in, ciphertext on the flash. */
	assert_int_equal(ota_stage_begin(&ota, 0, &st), 0);
	for (size_t off = 0; off < new_len; off += 333)
		assert_int_equal(ota_stage_write(&st, upd + off, new_len - off < 333 ?
						 new_len - off : 333), 0);
	assert_int_equal(ota_stage_finish(&st), 0); /* validated through the layer */
	ota_stage_end(&st);
	assert_false(leaks(mem + PRI, SEC, upd, new_len));
	assert_int_equal(mtd_read(&x.mtd, PRI, back, new_len), 0);
	assert_memory_equal(back, upd, new_len);

	/* The engine swaps it in on encrypted flash. */
	assert_int_equal(ota_mark_pending(&ota, 0, 0), 0);
	img0 = (struct boot_image){ .primary = &ota.img[0].primary,
				    .secondary = &ota.img[0].secondary,
				    .geo_primary = ota.img[0].geo_primary,
				    .geo_secondary = ota.img[0].geo_secondary };
	fflush(stdout);
	saved = dup(1);
	null = open("/dev/null", O_WRONLY);
	dup2(null, 1); /* the engine's log */
	assert_int_equal(boot_engine_run(&e), 0);
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	close(null);
	assert_int_equal(img0.status, IMAGE_OK);
	assert_int_equal(img0.swap, BOOT_SWAP_TEST);
	assert_int_equal(mtd_read(&x.mtd, 0, back, new_len), 0);
	assert_memory_equal(back, upd, new_len);
	assert_false(leaks(mem, SIZE, upd, new_len));
	crypto_esp_xts_free(&xts);
	free(back);
	free(old);
	free(upd);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_update_lands_encrypted),
	};

	if (test_shared_missing())
		return 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
