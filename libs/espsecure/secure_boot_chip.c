/* libs/espsecure/secure_boot_chip.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The chips' Secure Boot V2 rules, one table: the ROM's check and the first
 * boot (secure_boot.c) and the ESP-IDF scheme's app check
 * (libs/otadata/ota_app_sbv2.c) all consult it.
 */
#include "libs/espsecure/secure_boot.h"

#include <stddef.h>
#include <string.h>

#define P192 SBV2_RULE_CURVE(SBV2_CURVE_P192)
#define P256 SBV2_RULE_CURVE(SBV2_CURVE_P256)
#define RSA SBV2_RULE_RSA
#define ECDSA SBV2_RULE_ECDSA

/*
 * esp-formats.md 6.1: "C3 RSA only (3 keys); C2 ECDSA only (1 key); C6/H2
 * RSA or ECDSA (3 keys)"; C2 uses P-192 or P-256, C6/H2 P-256; the C2
 * reads one block. The C2's eFuses hold one digest and no revoke bits
 * (espefuse's burn-key-digest takes no SECURE_BOOT_DIGEST1/2 there).
 */
static const struct secure_boot_chip_rule chip_rules[SECURE_BOOT_CHIP_COUNT] = {
	[SECURE_BOOT_CHIP_ESP32C3] = { "ESP32-C3", { 3, RSA, 0 }, 3, 1 },
	[SECURE_BOOT_CHIP_ESP32C2] = { "ESP32-C2", { 1, ECDSA, P192 | P256 }, 1, 0 },
	[SECURE_BOOT_CHIP_ESP32C6] = { "ESP32-C6", { 3, RSA | ECDSA, P256 }, 3, 1 },
	[SECURE_BOOT_CHIP_ESP32H2] = { "ESP32-H2", { 3, RSA | ECDSA, P256 }, 3, 1 },
};

const struct secure_boot_chip_rule *secure_boot_chip_rule(enum secure_boot_chip chip)
{
	if ((unsigned int)chip >= SECURE_BOOT_CHIP_COUNT)
		return NULL;
	return &chip_rules[chip];
}

const struct secure_boot_chip_rule *secure_boot_chip_rule_by_name(const char *display)
{
	for (unsigned int c = 0; display != NULL && c < SECURE_BOOT_CHIP_COUNT; c++)
		if (strcmp(chip_rules[c].name, display) == 0)
			return &chip_rules[c];
	return NULL;
}
