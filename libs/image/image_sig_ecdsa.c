/* libs/image/image_sig_ecdsa.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_sig.h"
#include "libs/image/image_sig.h"
#include "libs/image/image_tlv.h"
#include "libs/image/image_validate.h"

static int verify_p256(const struct image_key *key, const uint8_t *msg,
		       size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	return crypto_ecdsa_verify(key->der, key->len, 256, msg, msg_len, sig,
				   sig_len);
}

static int verify_p384(const struct image_key *key, const uint8_t *msg,
		       size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	return crypto_ecdsa_verify(key->der, key->len, 384, msg, msg_len, sig,
				   sig_len);
}

const struct image_sig_alg image_sig_ecdsa_p256 = {
	"ecdsa-p256", IMAGE_TLV_ECDSA_SIG, CRYPTO_HASH_SHA256, verify_p256,
};

const struct image_sig_alg image_sig_ecdsa_p384 = {
	"ecdsa-p384", IMAGE_TLV_ECDSA_SIG, CRYPTO_HASH_SHA384, verify_p384,
};
