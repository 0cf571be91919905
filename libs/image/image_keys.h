/* libs/image/image_keys.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The trusted keys of this configuration, generated at build time by
 * `slipway image keytable` from CONFIG_BOOT_TRUSTED_KEYS.
 */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_KEYS_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_KEYS_H

#include "libs/image/image_validate.h"

extern const struct image_key image_trusted_keys[];
extern const unsigned int image_trusted_key_count;
/* Non-zero when a trusted key is one of the tree's public test keys. */
extern const int image_trusted_keys_are_test_keys;

/* The policy this configuration's Kconfig describes (image_policy_kconfig.c). */
const struct image_policy *image_policy_kconfig(void);

#endif
