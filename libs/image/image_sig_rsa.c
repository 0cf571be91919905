/* libs/image/image_sig_rsa.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_sig.h"
#include "libs/image/image_sig.h"
#include "libs/image/image_tlv.h"
#include "libs/image/image_validate.h"

#include <errno.h>

static int verify_2048(const struct image_key *key, const uint8_t *msg,
		       size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	if (msg_len != 32)
		return -EINVAL;
	return crypto_rsa_pss_verify(key->der, key->len, 2048, msg, sig, sig_len);
}

static int verify_3072(const struct image_key *key, const uint8_t *msg,
		       size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	if (msg_len != 32)
		return -EINVAL;
	return crypto_rsa_pss_verify(key->der, key->len, 3072, msg, sig, sig_len);
}

const struct image_sig_alg image_sig_rsa2048 = {
	"rsa-2048", IMAGE_TLV_RSA2048_PSS, CRYPTO_HASH_SHA256, verify_2048,
};

const struct image_sig_alg image_sig_rsa3072 = {
	"rsa-3072", IMAGE_TLV_RSA3072_PSS, CRYPTO_HASH_SHA256, verify_3072,
};
