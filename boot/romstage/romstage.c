/* boot/romstage/romstage.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ROM stage: the first program that runs, playing the ROM of the
 * chip CONFIG_SECURE_BOOT_ROM_CHIP chooses (SECURE_BOOT_ROM_CHIP). It reads the bootloader area into RAM, takes the image the
 * bootloader's signed file makes (libs/espsecure/secure_boot_flash.h),
 * and applies the ROM's rule (secure_boot_rom_check): with SECURE_BOOT_EN
 * clear the bootloader starts unchecked; with it set only a bootloader
 * with a signature block that verifies against an unrevoked eFuse digest
 * starts, and any other is refused with the reason and not started. The
 * bytes started are the bytes checked.
 */
#include "boards/board.h"
#include "boot/romstage/romstage.h"
#include "drivers/efuse/efuse_kconfig.h"
#include "libs/bootstate/fih.h"
#include "libs/crypto/crypto_heap.h"
#include "libs/espsecure/secure_boot.h"
#include "libs/espsecure/secure_boot_flash.h"

#include <errno.h>
#include <stdio.h>

/* The bootloader's image: the whole area, as the ROM's RAM would hold it. */
static uint8_t image[CONFIG_FLASH_AREA_BOOTLOADER_SIZE];

static void explain(const enum sbv2_status why[SBV2_MAX_BLOCKS])
{
	for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++)
		if (why[i] != SBV2_ERR_ABSENT)
			printf("rom:   signature block %u: %s\n", i,
			       sbv2_strerror(why[i]));
}

int slipway_main(void)
{
	enum sbv2_status why[SBV2_MAX_BLOCKS] = { SBV2_ERR_ABSENT, SBV2_ERR_ABSENT,
						  SBV2_ERR_ABSENT };
	struct fih_verdict verdict = fih_failed();
	struct efuse_dev *ef;
	struct mtd_dev *flash;
	size_t len;
	int enabled = 1, rc;

	printf("Slipway ROM stage %s (board %s, %s ROM rule)\n", SLIPWAY_VERSION,
	       CONFIG_BOARD, secure_boot_chip_rule(SECURE_BOOT_ROM_CHIP)->name);
	crypto_heap_init();
	flash = board_boot_flash();
	if (flash == NULL)
		return 1;
	ef = efuse_kconfig_open(flash);
	if (ef == NULL) {
		printf("rom: the eFuses cannot be opened; halted\n");
		return 1;
	}
	rc = secure_boot_read_image(flash, CONFIG_FLASH_AREA_BOOTLOADER_OFFSET,
				    image, sizeof(image), &len);
	if (rc != 0) {
		printf("rom: %s; halted\n", rc == -ENOENT ?
		       "no bootloader in flash (its area is erased)" :
		       "the bootloader area cannot be read");
		return 1;
	}
	rc = secure_boot_rom_check(ef, image, len, SECURE_BOOT_ROM_CHIP,
				   &enabled, why);
	if (rc < 0) {
		printf("rom: the eFuses cannot be read (error %d); halted\n", rc);
		return 1;
	}
	if (!enabled) {
		printf("rom: secure boot off: starting the bootloader unchecked "
		       "(%u bytes)\n", (unsigned)len);
		verdict = fih_verdict_of(0);
	} else if (rc != SBV2_OK) {
		printf("rom: secure boot: bootloader refused: %s\n",
		       sbv2_strerror((enum sbv2_status)rc));
		explain(why);
		printf("rom: not starting it; halted\n");
		return 1;
	} else {
		verdict = fih_verdict_of(rc);
		for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++)
			if (why[i] == SBV2_OK) {
				printf("rom: secure boot: bootloader verified "
				       "(signature block %u)\n", i);
				break;
			}
	}
	/* The verdict again, as words, right before the jump. */
	if (!fih_passed(&verdict)) {
		printf("rom: inconsistent verdict; halted\n");
		return 1;
	}
	rc = arch_rom_start(image, len);
	printf("rom: starting the bootloader failed (error %d)\n", rc);
	return 1;
}
