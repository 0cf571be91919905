/* tests/fuzz/fuzz_romstage.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * libFuzzer: the ROM stage's input, a bootloader area from flash. The
 * first byte chooses the chip whose ROM rule applies and whether the
 * trusted digest is revoked; the rest is the area (0xff-filled to 16 sectors, as
 * erased flash). The eFuses (kept in a RAM flash) trust the first
 * decodable block's key, so the signature checks are reached. The image
 * length must end on a sector, cover every non-erased byte and end in a
 * non-erased sector; the verdict must agree with the per-block statuses,
 * never accept a revoked key (on a chip with revoke bits), nor a block
 * the chip does not read or whose scheme or curve it refuses.
 */
#include "drivers/efuse/efuse_flash.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/espsecure/secure_boot.h"
#include "libs/espsecure/secure_boot_flash.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define SECTORS 16

static const struct mtd_region area_region = { SBV2_SECTOR_SIZE, SECTORS };
static const struct mtd_geometry area_geo = { &area_region, 1, 4, 0xff,
					      SECTORS * SBV2_SECTOR_SIZE };
static const struct mtd_region fuse_region = { 4096, 1 };
static const struct mtd_geometry fuse_geo = { &fuse_region, 1, 4, 0xff, 4096 };
static uint8_t area[SECTORS * SBV2_SECTOR_SIZE], buf[sizeof(area)], fuses[4096];

/* The key digest of the first block that decodes in the sector ending `len`. */
static int first_key_digest(size_t len, uint8_t d[32])
{
	for (unsigned int i = 0; len >= SBV2_SECTOR_SIZE && i < SBV2_MAX_BLOCKS; i++) {
		struct sbv2_block b;

		if (sbv2_block_decode(buf + len - SBV2_SECTOR_SIZE + i * SBV2_BLOCK_SIZE,
				      &b) == SBV2_OK)
			return sbv2_block_key_digest(&b, d) == 0;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t len)
{
	enum sbv2_status why[SBV2_MAX_BLOCKS];
	struct sim_flash afl, ffl;
	struct efuse_flash ef;
	uint8_t digest[32];
	const struct secure_boot_chip_rule *rule;
	enum secure_boot_chip chip;
	unsigned int ok = 0;
	size_t n, ilen;
	int rc, st, enabled, revoked;

	if (len < 1)
		return 0;
	chip = (enum secure_boot_chip)(data[0] % SECURE_BOOT_CHIP_COUNT);
	rule = secure_boot_chip_rule(chip);
	revoked = (data[0] & 0x80) != 0;
	n = len - 1 < sizeof(area) ? len - 1 : sizeof(area);
	memset(area, 0xff, sizeof(area));
	memcpy(area, data + 1, n);
	if (sim_flash_init_ram(&afl, &area_geo, area) != 0)
		abort();
	rc = secure_boot_read_image(&afl.mtd, 0, buf, sizeof(buf), &ilen);
	if (rc == -ENOENT) {
		for (size_t i = 0; i < sizeof(area); i++)
			if (area[i] != 0xff)
				abort();
		return 0;
	}
	if (rc != 0 || ilen == 0 || ilen % SBV2_SECTOR_SIZE != 0 || ilen > sizeof(area))
		abort();
	for (size_t i = ilen; i < sizeof(area); i++)
		if (area[i] != 0xff)
			abort();
	for (n = ilen - SBV2_SECTOR_SIZE; n < ilen && area[n] == 0xff; n++)
		;
	if (n == ilen)
		abort(); /* the image ends in an erased sector */

	memset(fuses, 0xff, sizeof(fuses));
	if (sim_flash_init_ram(&ffl, &fuse_geo, fuses) != 0 ||
	    efuse_flash_init(&ef, &ffl.mtd, 0) != 0 ||
	    efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_EN, 1) != 0)
		abort();
	if (first_key_digest(ilen, digest) &&
	    efuse_key_burn(&ef.dev, 0, digest, EFUSE_PURPOSE_SECURE_BOOT_DIGEST0, 0) != 0)
		abort();
	if (revoked && efuse_field_burn(&ef.dev, EFUSE_SECURE_BOOT_KEY_REVOKE0, 1) != 0)
		abort();
	st = secure_boot_rom_check(&ef.dev, buf, ilen, chip, &enabled, why);
	if (st < 0 || enabled != 1)
		abort();
	for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++) {
		struct sbv2_block b;

		if (why[i] != SBV2_OK)
			continue;
		ok++;
		if (i >= rule->sig.blocks ||
		    sbv2_block_decode(buf + ilen - SBV2_SECTOR_SIZE + i * SBV2_BLOCK_SIZE,
				      &b) != SBV2_OK ||
		    sbv2_rule_accepts(&rule->sig, &b) != SBV2_OK)
			abort();
	}
	if ((st == SBV2_OK) != (ok >= 1) ||
	    (revoked && rule->revocable && st == SBV2_OK))
		abort();
	return 0;
}
