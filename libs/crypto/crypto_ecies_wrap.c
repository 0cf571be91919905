/* libs/crypto/crypto_ecies_wrap.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_ecies_wrap.h"
#include "libs/crypto/crypto_aes.h"
#include "libs/crypto/crypto_hash.h"

#include <errno.h>
#include <string.h>

#include <mbedtls/ecdh.h>
#include <mbedtls/ecp.h>
#include <mbedtls/hkdf.h>
#include <mbedtls/md.h>
#include <sodium/core.h>
#include <sodium/crypto_scalarmult.h>
#include <sodium/randombytes.h>
#include <sodium/utils.h>

static const uint8_t ecies_info[16] = "MCUBoot_ECIES_v1";

const uint8_t crypto_x25519_pkcs8_prefix[16] = {
	0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x6e,
	0x04, 0x22, 0x04, 0x20,
};

static int sodium_rng(void *ctx, unsigned char *buf, size_t len)
{
	(void)ctx;
	randombytes_buf(buf, len);
	return 0;
}

/* Ephemeral P-256 key: its point into eph[65], the shared X into secret. */
static int ephemeral_p256(const uint8_t *pub, uint8_t eph[65], uint8_t secret[32])
{
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q, ephq;
	mbedtls_mpi d, z;
	size_t olen;
	int rc = -EINVAL;

	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_ecp_point_init(&ephq);
	mbedtls_mpi_init(&d);
	mbedtls_mpi_init(&z);
	if (mbedtls_ecp_group_load(&grp, MBEDTLS_ECP_DP_SECP256R1) != 0 ||
	    mbedtls_ecp_point_read_binary(&grp, &q, pub, 65) != 0 ||
	    mbedtls_ecp_check_pubkey(&grp, &q) != 0)
		goto out;
	rc = -EIO;
	if (mbedtls_ecp_gen_keypair(&grp, &d, &ephq, sodium_rng, NULL) != 0 ||
	    mbedtls_ecp_point_write_binary(&grp, &ephq, MBEDTLS_ECP_PF_UNCOMPRESSED,
					   &olen, eph, 65) != 0 || olen != 65 ||
	    mbedtls_ecdh_compute_shared(&grp, &z, &q, &d, sodium_rng, NULL) != 0 ||
	    mbedtls_mpi_write_binary(&z, secret, 32) != 0)
		goto out;
	rc = 0;
out:
	mbedtls_mpi_free(&z);
	mbedtls_mpi_free(&d);
	mbedtls_ecp_point_free(&ephq);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return rc;
}

static int ephemeral_x25519(const uint8_t *pub, uint8_t eph[32], uint8_t secret[32])
{
	uint8_t sk[32];
	int rc;

	randombytes_buf(sk, sizeof(sk));
	rc = crypto_scalarmult_base(eph, sk) == 0 &&
	     crypto_scalarmult(secret, sk, pub) == 0 ? 0 : -EINVAL;
	sodium_memzero(sk, sizeof(sk));
	return rc;
}

/* HKDF: okm = KEK (key_len) | MAC key (hash length). */
static int derive(const mbedtls_md_info_t *md, const uint8_t secret[32],
		  size_t key_len, uint8_t *okm)
{
	return mbedtls_hkdf(md, NULL, 0, secret, 32, ecies_info, sizeof(ecies_info),
			    okm, key_len + mbedtls_md_get_size(md)) == 0 ? 0 : -EIO;
}

int crypto_ecies_wrap(enum crypto_ecies_kind kind, int sha512,
		      const uint8_t *pub, size_t pub_len, const uint8_t *key,
		      size_t key_len, uint8_t *tlv, size_t tlv_cap)
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(
		sha512 ? MBEDTLS_MD_SHA512 : MBEDTLS_MD_SHA256);
	size_t eph_len = kind == CRYPTO_ECIES_P256 ? 65 : 32;
	size_t tag_len = sha512 ? 64 : 32;
	uint8_t secret[32], okm[32 + 64], *wrapped;
	struct crypto_aes_ctr ctr;
	int rc;

	if ((key_len != 16 && key_len != 32) || pub_len != eph_len || md == NULL ||
	    (sha512 && kind != CRYPTO_ECIES_X25519) ||
	    tlv_cap < eph_len + tag_len + key_len)
		return -EINVAL;
	if (sodium_init() < 0)
		return -EIO;
	rc = kind == CRYPTO_ECIES_P256 ? ephemeral_p256(pub, tlv, secret)
				       : ephemeral_x25519(pub, tlv, secret);
	if (rc == 0)
		rc = derive(md, secret, key_len, okm);
	wrapped = tlv + eph_len + tag_len;
	if (rc == 0) {
		memcpy(wrapped, key, key_len);
		rc = crypto_aes_ctr_start(&ctr, okm, key_len);
	}
	if (rc == 0) {
		rc = crypto_aes_ctr_apply(&ctr, wrapped, key_len);
		crypto_aes_ctr_end(&ctr);
	}
	if (rc == 0 && mbedtls_md_hmac(md, okm + key_len, tag_len, wrapped,
				       key_len, tlv + eph_len) != 0)
		rc = -EIO;
	sodium_memzero(secret, sizeof(secret));
	sodium_memzero(okm, sizeof(okm));
	return rc == 0 ? (int)(eph_len + tag_len + key_len) : rc;
}

int crypto_ecies_unwrap_sha512(enum crypto_ecies_kind kind, const uint8_t *priv,
			       size_t priv_len, const uint8_t *tlv,
			       size_t tlv_len, uint8_t *key, size_t key_len)
{
	const mbedtls_md_info_t *md = mbedtls_md_info_from_type(MBEDTLS_MD_SHA512);
	uint8_t secret[32], okm[32 + 64], tag[64];
	struct crypto_aes_ctr ctr;
	const uint8_t *wrapped = tlv + 32 + 64;
	int rc;

	if (kind != CRYPTO_ECIES_X25519 || md == NULL ||
	    (key_len != 16 && key_len != 32) || tlv_len != 32 + 64 + key_len ||
	    priv_len != sizeof(crypto_x25519_pkcs8_prefix) + 32 ||
	    memcmp(priv, crypto_x25519_pkcs8_prefix, sizeof(crypto_x25519_pkcs8_prefix)) != 0)
		return -EINVAL;
	if (sodium_init() < 0)
		return -EIO;
	/* Fails on an all-zero result (a low-order ephemeral key). */
	if (crypto_scalarmult(secret, priv + sizeof(crypto_x25519_pkcs8_prefix), tlv) != 0)
		return -EINVAL;
	rc = derive(md, secret, key_len, okm);
	if (rc == 0 && mbedtls_md_hmac(md, okm + key_len, 64, wrapped, key_len,
				       tag) != 0)
		rc = -EIO;
	if (rc == 0 && crypto_memcmp_ct(tag, tlv + 32, sizeof(tag)) != 0)
		rc = -EBADMSG;
	if (rc == 0) {
		memcpy(key, wrapped, key_len);
		rc = crypto_aes_ctr_start(&ctr, okm, key_len);
	}
	if (rc == 0) {
		rc = crypto_aes_ctr_apply(&ctr, key, key_len);
		crypto_aes_ctr_end(&ctr);
	}
	sodium_memzero(secret, sizeof(secret));
	sodium_memzero(okm, sizeof(okm));
	return rc;
}
