/* tools/slipway/image_encrypt.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "tools/slipway/image_encrypt.h"
#include "libs/crypto/crypto_aes.h"
#include "libs/crypto/crypto_ecies_wrap.h"
#include "libs/image/image_header.h"
#include "libs/image/image_tlv.h"
#include "tools/slipway/slipway.h"

#include <string.h>

#include <mbedtls/pk.h>
#include <sodium/core.h>
#include <sodium/randombytes.h>
#include <sodium/utils.h>

/* SubjectPublicKeyInfo of a P-256 key: 26 bytes of DER, then the point. */
#define P256_SPKI_LEN 91
#define P256_SPKI_POINT 26

int image_enc_setup(const struct tool_key *r, unsigned int keylen_bits,
		    int sha512, struct image_encryption *e)
{
	const uint8_t *pub;
	size_t pub_len;
	int n;

	memset(e, 0, sizeof(*e));
	if (r->type == KEY_ECDSA_P256) {
		if (r->enc_len != P256_SPKI_LEN || r->enc[P256_SPKI_POINT] != 0x04)
			return cli_error(-1, "unexpected P-256 key encoding");
		e->kind = CRYPTO_ECIES_P256;
		e->tlv_type = IMAGE_TLV_ENC_EC256;
		pub = r->enc + P256_SPKI_POINT;
		pub_len = 65;
	} else if (r->type == KEY_X25519) {
		e->kind = CRYPTO_ECIES_X25519;
		e->tlv_type = sha512 ? IMAGE_TLV_ENC_X25519_SHA512 : IMAGE_TLV_ENC_X25519;
		pub = r->pub;
		pub_len = 32;
	} else {
		return cli_error(-1, "--encrypt: a P-256 (ENC_EC256) or X25519 "
				 "(ENC_X25519) key; RSA-OAEP and AES-KW are not "
				 "implemented");
	}
	if (sha512 && r->type != KEY_X25519)
		return cli_error(-1, "--hmac-sha 512: only ECIES-X25519 supports "
				 "HMAC-SHA512 (as imgtool)");
	if (sodium_init() < 0)
		return cli_error(-1, "no random number generator");
	e->sha512 = sha512;
	e->key_len = keylen_bits / 8;
	e->flag = keylen_bits == 256 ? IMAGE_F_ENCRYPTED_AES256 : IMAGE_F_ENCRYPTED_AES128;
	randombytes_buf(e->key, e->key_len);
	n = crypto_ecies_wrap(e->kind, sha512, pub, pub_len, e->key, e->key_len,
			      e->tlv, sizeof(e->tlv));
	if (n < 0) {
		image_enc_wipe(e);
		return cli_error(-1, "wrapping the image key failed (%d)", n);
	}
	e->tlv_len = (size_t)n;
	return 0;
}

int image_enc_body(const struct image_encryption *e, uint8_t *body, size_t len)
{
	struct crypto_aes_ctr ctr;
	int rc = crypto_aes_ctr_start(&ctr, e->key, e->key_len);

	if (rc == 0) {
		rc = crypto_aes_ctr_apply(&ctr, body, len);
		crypto_aes_ctr_end(&ctr);
	}
	return rc == 0 ? 0 : -1;
}

void image_enc_wipe(struct image_encryption *e)
{
	sodium_memzero(e->key, sizeof(e->key));
}

int image_enc_decrypt_key(struct tool_key *k, uint16_t enc_tlv_type,
			  struct image_enc_key *out, uint8_t *der, size_t cap)
{
	int n;

	memset(out, 0, sizeof(*out));
	if (!k->has_private)
		return cli_error(-1, "--decrypt needs the private key");
	out->unwrap = crypto_ecies_unwrap;
	switch (enc_tlv_type) {
	case IMAGE_TLV_ENC_EC256:
		if (k->type != KEY_ECDSA_P256)
			return cli_error(-1, "the image is encrypted for a P-256 "
					 "key (ENC_EC256); --decrypt is not one");
		out->kind = CRYPTO_ECIES_P256;
		n = mbedtls_pk_write_key_der(&k->pk, der, cap);
		if (n <= 0)
			return cli_error(-1, "key encoding failed");
		out->der = der + cap - (size_t)n; /* mbedtls writes at the end */
		out->len = (size_t)n;
		return 0;
	case IMAGE_TLV_ENC_X25519_SHA512:
		out->unwrap = crypto_ecies_unwrap_sha512;
		out->tlv_type = IMAGE_TLV_ENC_X25519_SHA512;
		/* fall through */
	case IMAGE_TLV_ENC_X25519:
		if (k->type != KEY_X25519)
			return cli_error(-1, "the image is encrypted for an X25519 "
					 "key (ENC_X25519%s); --decrypt is not one",
					 out->tlv_type ? "_SHA512" : "");
		if (cap < sizeof(crypto_x25519_pkcs8_prefix) + 32)
			return -1;
		out->kind = CRYPTO_ECIES_X25519;
		memcpy(der, crypto_x25519_pkcs8_prefix, sizeof(crypto_x25519_pkcs8_prefix));
		memcpy(der + sizeof(crypto_x25519_pkcs8_prefix), k->seed, 32);
		out->der = der;
		out->len = sizeof(crypto_x25519_pkcs8_prefix) + 32;
		return 0;
	default:
		return cli_error(-1, "the image's key TLV (0x%02x) is not one "
				 "slipway opens (ENC_EC256, ENC_X25519, "
				 "ENC_X25519_SHA512)", enc_tlv_type);
	}
}
