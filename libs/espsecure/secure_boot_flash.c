/* libs/espsecure/secure_boot_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/espsecure/secure_boot_flash.h"
#include "libs/espsecure/secure_boot.h"

#include <errno.h>

size_t secure_boot_image_len(const uint8_t *area, size_t size)
{
	size_t end = size;

	while (end > 0 && area[end - 1] == 0xff)
		end--;
	/* Up to the end of that byte's sector. */
	return (end + SBV2_SECTOR_SIZE - 1) / SBV2_SECTOR_SIZE * SBV2_SECTOR_SIZE;
}

int secure_boot_read_image(struct mtd_dev *flash, uint32_t off, uint8_t *buf,
			   size_t size, size_t *len)
{
	int rc = mtd_read(flash, off, buf, size);

	if (rc != 0)
		return rc;
	*len = secure_boot_image_len(buf, size);
	if (*len > size) /* an area not a whole number of sectors */
		*len = size;
	return *len == 0 ? -ENOENT : 0;
}

int secure_boot_flash_first_boot(struct efuse_dev *ef, struct mtd_dev *flash,
				 uint32_t off, uint8_t *buf, size_t size,
				 enum secure_boot_chip chip,
				 int (*images_ok)(void *ctx), void *ctx)
{
	uint32_t en;
	size_t len;
	int rc = efuse_field_read(ef, EFUSE_SECURE_BOOT_EN, &en);

	if (rc < 0)
		return rc;
	/* On already: secure_boot_first_boot only re-applies the lock, and
	 * the image is not read on every boot. */
	if (en)
		return secure_boot_first_boot(ef, buf, 0, chip,
					      images_ok, ctx);
	if ((rc = secure_boot_read_image(flash, off, buf, size, &len)) != 0)
		return rc;
	return secure_boot_first_boot(ef, buf, len, chip,
				      images_ok, ctx);
}
