/* libs/image/image_sig_ed25519.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_sig.h"
#include "libs/image/image_sig.h"
#include "libs/image/image_tlv.h"
#include "libs/image/image_validate.h"

#include <errno.h>

static int verify(const struct image_key *key, const uint8_t *msg,
		  size_t msg_len, const uint8_t *sig, size_t sig_len)
{
	if (sig_len != CRYPTO_ED25519_SIG_SIZE)
		return -EINVAL;
	return crypto_ed25519_verify(key->der, key->len, msg, msg_len, sig);
}

const struct image_sig_alg image_sig_ed25519 = {
	"ed25519", IMAGE_TLV_ED25519, CRYPTO_HASH_SHA256, verify,
};
