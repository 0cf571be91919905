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

/* The chips whose ROM rule the ROM stage can play. */
enum secure_boot_chip {
	SECURE_BOOT_CHIP_ESP32C3,
	SECURE_BOOT_CHIP_ESP32C2,
	SECURE_BOOT_CHIP_ESP32C6,
	SECURE_BOOT_CHIP_ESP32H2,
	SECURE_BOOT_CHIP_COUNT,
};

/*
 * A chip's Secure Boot V2 ROM rule (esp-formats.md section 6.1): the
 * signature blocks it reads, their schemes and curves, the digest slots
 * it trusts and whether it has their revoke bits. The ROM check and the
 * first boot both take it from secure_boot_chip_rule, so the key the
 * first boot burns is one the ROM will accept.
 */
struct secure_boot_chip_rule {
	const char *name;
	struct sbv2_rule sig;
	uint8_t digest_slots;  /* SECURE_BOOT_DIGEST0.. it reads */
	uint8_t revocable;     /* SECURE_BOOT_KEY_REVOKEn exist */
};

/* The rule of `chip`; NULL for a chip not in the table. */
const struct secure_boot_chip_rule *secure_boot_chip_rule(enum secure_boot_chip chip);
/* The rule of the chip named `display` ("ESP32-C3", as struct esp_chip's
 * display name), or NULL. */
const struct secure_boot_chip_rule *secure_boot_chip_rule_by_name(const char *display);

/*
 * The ROM's rule for a signed bootloader `img` (data + signature sector)
 * on `chip`: with SECURE_BOOT_EN clear anything boots (SBV2_OK, *enabled
 * = 0); with it set, sbv2_check_image_rule with the chip's rule against
 * the present digests of the slots it reads, unrevoked where it has
 * revoke bits. Returns the verdict; a negative errno when the eFuses
 * cannot be read, -EINVAL for an unknown chip.
 */
int secure_boot_rom_check(struct efuse_dev *ef, const uint8_t *img, size_t len,
			  enum secure_boot_chip chip, int *enabled,
			  enum sbv2_status why[SBV2_MAX_BLOCKS]);

/*
 * The first boot on `chip`: burns digest slot i for each block i the
 * chip's ROM reads that it accepts and that signs `own`; revokes the
 * chip's other slots where it has revoke bits (a C2 has one slot and no
 * revoke bits: nothing is revoked). 0 when secure boot is (now) on;
 * -EBADMSG when the bootloader's own image has no such block or
 * `images_ok` refuses (secure boot stays off; the next boot tries again);
 * -EEXIST when a digest slot holds another digest; -EINVAL for an
 * unknown chip; else the eFuse backend's error.
 */
int secure_boot_first_boot(struct efuse_dev *ef, const uint8_t *own, size_t len,
			   enum secure_boot_chip chip,
			   int (*images_ok)(void *ctx), void *ctx);

#endif
