/* libs/espsecure/flash_encryption.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Flash encryption at boot (CONFIG_FLASH_ENCRYPTION): the eFuses say
 * whether it is on; if not, this is the first boot: a key is drawn and
 * burned read-protected (XTS_AES_128_KEY), the configured range is
 * encrypted in place (fe_inplace: resumable), then SPI_BOOT_CRYPT_CNT is
 * raised to an odd count (release mode also write-protects it). Either
 * way the boot flash is then used through the XTS layer.
 */
#ifndef SLIPWAY_LIBS_ESPSECURE_FLASH_ENCRYPTION_H
#define SLIPWAY_LIBS_ESPSECURE_FLASH_ENCRYPTION_H

#include "drivers/mtd/mtd.h"

#include <stddef.h>

/*
 * The boot flash as the CPU sees it (decrypting), or NULL after logging
 * why. `random` fills a buffer from the board's random source (0 or
 * negative errno). Called again, returns the same device.
 */
struct mtd_dev *flash_encryption_open(struct mtd_dev *raw,
				      int (*random)(void *buf, size_t len));

#endif
