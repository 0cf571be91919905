/* libs/crypto/crypto_ed25519.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_sig.h"

#include <errno.h>
#include <string.h>

#include <sodium/crypto_sign_ed25519.h>

/* SubjectPublicKeyInfo for id-Ed25519 (RFC 8410), then the 32-byte key. */
static const uint8_t ed25519_spki_prefix[12] = {
	0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00,
};

const uint8_t *crypto_ed25519_spki_key(const uint8_t *spki, size_t len)
{
	if (len != sizeof(ed25519_spki_prefix) + 32 ||
	    memcmp(spki, ed25519_spki_prefix, sizeof(ed25519_spki_prefix)) != 0)
		return NULL;
	return spki + sizeof(ed25519_spki_prefix);
}

int crypto_ed25519_verify(const uint8_t *spki, size_t spki_len,
			  const uint8_t *msg, size_t msg_len,
			  const uint8_t sig[CRYPTO_ED25519_SIG_SIZE])
{
	const uint8_t *key = crypto_ed25519_spki_key(spki, spki_len);

	/*
	 * No sodium_init(): Ed25519 and SHA-512 have no run-time dispatch in
	 * libsodium, and device builds link only the verification code.
	 */
	if (key == NULL)
		return -EINVAL;
	return crypto_sign_ed25519_verify_detached(sig, msg, msg_len, key) == 0
		       ? 0 : -EBADMSG;
}
