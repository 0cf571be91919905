/* libs/image/image_decrypt_none.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A device build that decrypts no image. image_validate decrypts a body
 * only under a policy with `encrypted_body` and an image key, which no
 * device configuration gives (image_policy_kconfig.c), so its calls into
 * AES-CTR are never made there; this answers them (refusing) in place of
 * crypto_aes.c, and mbedtls' AES (about 6.5 KiB) stays out of the link
 * (libs/Make.defs). A configuration that decrypts links crypto_aes.c.
 */
#include "libs/crypto/crypto_aes.h"

#include <errno.h>

int crypto_aes_ctr_start(struct crypto_aes_ctr *c, const uint8_t *key,
			 size_t key_len)
{
	(void)c;
	(void)key;
	(void)key_len;
	return -ENOTSUP;
}

int crypto_aes_ctr_apply(struct crypto_aes_ctr *c, uint8_t *buf, size_t len)
{
	(void)c;
	(void)buf;
	(void)len;
	return -ENOTSUP;
}

void crypto_aes_ctr_end(struct crypto_aes_ctr *c)
{
	(void)c;
}
