/* libs/crypto/crypto_ecies.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_ecies.h"
#include "libs/crypto/crypto_aes.h"
#include "libs/crypto/crypto_hash.h"

#include <errno.h>
#include <string.h>

#include <mbedtls/ecdh.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <mbedtls/pk.h>
#include <sodium/core.h>
#include <sodium/crypto_scalarmult.h>
#include <sodium/randombytes.h>

#define TAG_LEN 32
static const uint8_t ecies_info[16] = "MCUBoot_ECIES_v1";

/* PKCS#8 for X25519 (RFC 8410): the 32-byte key in an OCTET STRING. */
static const uint8_t x25519_pkcs8_prefix[16] = {
	0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e,
	0x04, 0x22, 0x04, 0x20,
};

/*
 * mbedtls blinds private-key operations (key parsing, ECDH) with random
 * numbers it must be given; libsodium's generator gives them.
 */
static int blinding_rng(void *ctx, unsigned char *buf, size_t len)
{
	(void)ctx;
	randombytes_buf(buf, len);
	return 0;
}

static int shared_p256(const uint8_t *priv, size_t priv_len,
		       const uint8_t *eph, uint8_t secret[32])
{
	mbedtls_pk_context pk;
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi d, z;
	int rc = -EINVAL;

	mbedtls_pk_init(&pk);
	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_mpi_init(&d);
	mbedtls_mpi_init(&z);
	if (sodium_init() < 0)
		return -EIO;
	if (mbedtls_pk_parse_key(&pk, priv, priv_len, NULL, 0, blinding_rng,
				 NULL) != 0 ||
	    mbedtls_pk_get_type(&pk) != MBEDTLS_PK_ECKEY ||
	    mbedtls_ecp_keypair_get_group_id(mbedtls_pk_ec(pk)) !=
		    MBEDTLS_ECP_DP_SECP256R1 ||
	    mbedtls_ecp_export(mbedtls_pk_ec(pk), &grp, &d, &q) != 0 ||
	    mbedtls_ecp_point_read_binary(&grp, &q, eph, 65) != 0 ||
	    mbedtls_ecp_check_pubkey(&grp, &q) != 0)
		goto out;
	rc = -EIO;
	if (mbedtls_ecdh_compute_shared(&grp, &z, &q, &d, blinding_rng, NULL) != 0 ||
	    mbedtls_mpi_write_binary(&z, secret, 32) != 0)
		goto out;
	rc = 0;
out:
	mbedtls_mpi_free(&z);
	mbedtls_mpi_free(&d);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	mbedtls_pk_free(&pk);
	return rc;
}

static int shared_x25519(const uint8_t *priv, size_t priv_len,
			 const uint8_t *eph, uint8_t secret[32])
{
	if (priv_len != sizeof(x25519_pkcs8_prefix) + 32 ||
	    memcmp(priv, x25519_pkcs8_prefix, sizeof(x25519_pkcs8_prefix)) != 0)
		return -EINVAL;
	if (sodium_init() < 0)
		return -EIO;
	/* Fails on an all-zero result (a low-order ephemeral key). */
	return crypto_scalarmult(secret, priv + sizeof(x25519_pkcs8_prefix), eph)
		       == 0 ? 0 : -EINVAL;
}

int crypto_ecies_unwrap(enum crypto_ecies_kind kind, const uint8_t *priv,
			size_t priv_len, const uint8_t *tlv, size_t tlv_len,
			uint8_t *key, size_t key_len)
{
	const mbedtls_md_info_t *sha256 = mbedtls_md_info_from_type(MBEDTLS_MD_SHA256);
	size_t eph_len = kind == CRYPTO_ECIES_P256 ? 65 : 32;
	uint8_t secret[32], okm[32 + TAG_LEN], tag[TAG_LEN];
	struct crypto_aes_ctr ctr;
	const uint8_t *wrapped;
	int rc;

	if ((key_len != 16 && key_len != 32) ||
	    tlv_len != eph_len + TAG_LEN + key_len || sha256 == NULL)
		return -EINVAL;
	rc = kind == CRYPTO_ECIES_P256 ? shared_p256(priv, priv_len, tlv, secret)
				       : shared_x25519(priv, priv_len, tlv, secret);
	if (rc != 0)
		return rc;
	wrapped = tlv + eph_len + TAG_LEN;
	rc = -EIO;
	if (mbedtls_hkdf(sha256, NULL, 0, secret, sizeof(secret), ecies_info,
			 sizeof(ecies_info), okm, key_len + TAG_LEN) != 0 ||
	    mbedtls_md_hmac(sha256, okm + key_len, TAG_LEN, wrapped, key_len,
			    tag) != 0)
		goto out;
	rc = -EBADMSG;
	if (crypto_memcmp_ct(tag, tlv + eph_len, TAG_LEN) != 0)
		goto out;
	memcpy(key, wrapped, key_len);
	rc = crypto_aes_ctr_start(&ctr, okm, key_len);
	if (rc == 0) {
		rc = crypto_aes_ctr_apply(&ctr, key, key_len);
		crypto_aes_ctr_end(&ctr);
	}
out:
	memset(secret, 0, sizeof(secret));
	memset(okm, 0, sizeof(okm));
	return rc;
}
