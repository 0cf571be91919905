/* boot/loader/secure_boot_first.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "boot/loader/secure_boot_first.h"
#include "boards/board.h"
#include "drivers/efuse/efuse_kconfig.h"
#include "libs/crypto/crypto_heap.h"
#include "libs/espsecure/secure_boot_flash.h"
#include "libs/log/log.h"

#include <errno.h>

struct validated {
	const struct boot_image *images;
	unsigned int n;
};

/* The images the engine validated this boot are what will boot. */
static int images_valid(void *ctx)
{
	const struct validated *v = ctx;

	for (unsigned int i = 0; i < v->n; i++)
		if (v->images[i].status != IMAGE_OK ||
		    !fih_passed(&v->images[i].verdict))
			return -EBADMSG;
	return 0;
}

int loader_secure_boot(const struct boot_image *images, unsigned int nimages)
{
	/* The bootloader's own signed image, as the ROM stage read it. */
	static uint8_t own[CONFIG_FLASH_AREA_BOOTLOADER_SIZE];
	struct validated v = { images, nimages };
	struct mtd_dev *flash = board_boot_flash();
	struct efuse_dev *ef = efuse_kconfig_open(flash);
	uint32_t was_on;
	int rc;

	if (ef == NULL || efuse_field_read(ef, EFUSE_SECURE_BOOT_EN, &was_on) != 0) {
		log_error("secure boot: the eFuses cannot be read; not booting");
		return -EIO;
	}
	if (!was_on)
		log_info("secure boot: first boot: burning the bootloader's "
			 "key digest, then SECURE_BOOT_EN");
	crypto_heap_init();
	rc = secure_boot_flash_first_boot(ef, flash,
					  CONFIG_FLASH_AREA_BOOTLOADER_OFFSET,
					  own, sizeof(own), SECURE_BOOT_ROM_CHIP,
					  images_valid, &v);
	switch (rc) {
	case 0:
		if (!was_on)
			log_info("secure boot: on (key digest burned, %s, "
				 "SECURE_BOOT_EN locked)",
				 secure_boot_chip_rule(SECURE_BOOT_ROM_CHIP)->revocable
				 ? "unused digest slots revoked"
				 : "no revoke bits on this chip");
		return 0;
	case -EBADMSG:
		log_error("secure boot: first boot: the bootloader in flash "
			  "has no valid signature block the %s ROM accepts, or "
			  "an image did not validate; secure boot stays off; "
			  "not booting",
			  secure_boot_chip_rule(SECURE_BOOT_ROM_CHIP)->name);
		break;
	case -EEXIST:
		log_error("secure boot: first boot: a digest slot holds "
			  "another key's digest; not booting");
		break;
	case -ENOENT:
		log_error("secure boot: first boot: no bootloader in the "
			  "bootloader area; not booting");
		break;
	default:
		log_error("secure boot: first boot failed (error %d); not "
			  "booting", rc);
		break;
	}
	return rc;
}
