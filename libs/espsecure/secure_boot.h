/* libs/espsecure/secure_boot.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 against the eFuses: the ROM's decision on a signed
 * bootloader, and the bootloader's first boot that turns secure boot on.
 * The first boot burns the key digest of each valid signature block of
 * its own image into a free key block (purpose SECURE_BOOT_DIGESTn),
 * revokes the digest slots it leaves unused (as ESP-IDF), lets the caller
 * validate the images it will boot, and only then burns SECURE_BOOT_EN
 * and write-protects it. Every step is skipped when already done, so a
 * power cut anywhere repeats or finishes the flow.
 */
#ifndef SLIPWAY_LIBS_ESPSECURE_SECURE_BOOT_H
#define SLIPWAY_LIBS_ESPSECURE_SECURE_BOOT_H

#include "drivers/efuse/efuse.h"
#include "libs/espsecure/sbv2.h"

#include <stddef.h>
#include <stdint.h>

/*
 * The ROM's rule for a signed bootloader `img` (data + signature sector):
 * with SECURE_BOOT_EN clear anything boots (SBV2_OK, *enabled = 0); with
 * it set, sbv2_check_image against the present, unrevoked digests (C2 and
 * ESP32 ECO3 read one block: max_blocks 1). Returns the verdict; a
 * negative errno when the eFuses cannot be read.
 */
int secure_boot_rom_check(struct efuse_dev *ef, const uint8_t *img, size_t len,
			  unsigned int max_blocks, int *enabled,
			  enum sbv2_status why[SBV2_MAX_BLOCKS]);

/*
 * The first boot: 0 when secure boot is (now) on; -EBADMSG when the
 * bootloader's own image has no valid block or `images_ok` refuses (secure
 * boot stays off; the next boot tries again); -EEXIST when a digest slot
 * holds another digest; else the eFuse backend's error.
 */
int secure_boot_first_boot(struct efuse_dev *ef, const uint8_t *own, size_t len,
			   unsigned int max_blocks,
			   int (*images_ok)(void *ctx), void *ctx);

#endif
