/* libs/image/image_policy_kconfig.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The validation policy from Kconfig. Naming one image_sig_* here is what
 * links that algorithm, and only that one, into the program.
 */
#include "libs/image/image_keys.h"

#if defined(CONFIG_BOOT_SIGNATURE_ECDSA_P256)
#define SIG &image_sig_ecdsa_p256
#define HASH CRYPTO_HASH_SHA256
#elif defined(CONFIG_BOOT_SIGNATURE_ECDSA_P384)
#define SIG &image_sig_ecdsa_p384
#define HASH CRYPTO_HASH_SHA384
#elif defined(CONFIG_BOOT_SIGNATURE_RSA_2048)
#define SIG &image_sig_rsa2048
#define HASH CRYPTO_HASH_SHA256
#elif defined(CONFIG_BOOT_SIGNATURE_RSA_3072)
#define SIG &image_sig_rsa3072
#define HASH CRYPTO_HASH_SHA256
#elif defined(CONFIG_BOOT_SIGNATURE_ED25519) && defined(CONFIG_BOOT_ED25519_PURE)
#define SIG &image_sig_ed25519
#define HASH CRYPTO_HASH_SHA512
#elif defined(CONFIG_BOOT_SIGNATURE_ED25519)
#define SIG &image_sig_ed25519
#define HASH CRYPTO_HASH_SHA256
#else
#define SIG NULL
#define HASH CRYPTO_HASH_SHA256
#endif

#ifdef CONFIG_BOOT_ED25519_PURE
/* Pure Ed25519 verifies the image in one piece: room for the largest slot. */
static uint8_t pure_buf[CONFIG_FLASH_AREA_IMAGE0_PRIMARY_SIZE];
#endif

static struct image_policy policy = {
	.sig = SIG,
	.hash = HASH,
#ifdef CONFIG_BOOT_ED25519_PURE
	.pure = 1,
	.pure_buf = pure_buf,
	.pure_buf_len = sizeof(pure_buf),
#endif
#ifdef CONFIG_BOOT_HW_KEY
	.hw_key = 1,
#endif
};

const struct image_policy *image_policy_kconfig(void)
{
	policy.keys = image_trusted_keys;
	policy.nkeys = image_trusted_key_count;
	return &policy;
}
