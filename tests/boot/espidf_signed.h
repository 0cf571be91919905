/* tests/boot/espidf_signed.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 on the ESP-IDF test device (espidf_device.h): three
 * ECDSA P-256 keys made for the run (A trusted, B trusted but revoked, C
 * unknown), signed apps laid out as `slipway esp secure sign-data` lays
 * them (the image padded with 0xFF to 4 KiB, then the signature sector),
 * and eFuses kept in a RAM flash holding A's digest in slot 0 and B's,
 * revoked, in slot 1. Used by the unit test and the power-fail proof.
 */
#ifndef SLIPWAY_TESTS_BOOT_ESPIDF_SIGNED_H
#define SLIPWAY_TESTS_BOOT_ESPIDF_SIGNED_H

#include "drivers/efuse/efuse_flash.h"
#include "tests/boot/espidf_device.h"

/* A, B, C: RSA-3072, the one scheme a C3 (the tests' chip) accepts; E: ECDSA P-256. */
enum { ESPIDF_KEY_A, ESPIDF_KEY_B, ESPIDF_KEY_C, ESPIDF_KEY_E, ESPIDF_NKEYS };

#define ESPIDF_SIGNED_MAX (3 * 4096)

/* Make the keys (once per run) and free them. */
void espidf_keys_make(void);
void espidf_keys_free(void);

/* A signed app for `tag`, a block by each key in `keys` (-1 ends; none:
 * the padded image and a blank sector). Its length. */
size_t espidf_make_signed(uint8_t *out, const char *tag, uint32_t secure_version,
			  const int *keys);
/* ... written into the app partition at `offset` (erased first). */
void espidf_dev_put_signed(struct espidf_dev *d, uint32_t offset,
			   const char *tag, uint32_t secure_version,
			   const int *keys);

/* Fresh eFuses: A in slot 0, B in slot 1 revoked, SECURE_BOOT_EN as `on`. */
struct efuse_dev *espidf_efuse_fresh(int on);
/* The app policy checking signatures against those eFuses. */
struct ota_app_policy espidf_secure_policy(void);

#endif
