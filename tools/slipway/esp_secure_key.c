/* tools/slipway/esp_secure_key.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "tools/slipway/esp_secure_key.h"
#include "libs/crypto/crypto_hash.h"
#include "tools/slipway/slipway.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/entropy.h>
#include <mbedtls/rsa.h>
#include <mbedtls/version.h>

/* mbedtls 3 hides struct members behind this macro; 2.28 has none. */
#ifndef MBEDTLS_PRIVATE
#define MBEDTLS_PRIVATE(member) member
#endif

#define RSA_BITS 3072
#define RSA_LEN (RSA_BITS / 8)

static const char *const scheme_names[] = { "rsa3072", "ecdsa192", "ecdsa256",
					    "ecdsa384" };
static const mbedtls_ecp_group_id scheme_curves[] = {
	MBEDTLS_ECP_DP_NONE, MBEDTLS_ECP_DP_SECP192R1, MBEDTLS_ECP_DP_SECP256R1,
	MBEDTLS_ECP_DP_SECP384R1,
};

int sbv2_scheme_parse(const char *name, enum sbv2_scheme *s)
{
	for (unsigned int i = 0; i < 4; i++)
		if (strcmp(name, scheme_names[i]) == 0) {
			*s = (enum sbv2_scheme)i;
			return 0;
		}
	return -1;
}

const char *sbv2_scheme_name(enum sbv2_scheme s)
{
	return scheme_names[s];
}

static mbedtls_ctr_drbg_context *rng(void)
{
	static mbedtls_entropy_context entropy;
	static mbedtls_ctr_drbg_context drbg;
	static int ready;

	if (!ready) {
		mbedtls_entropy_init(&entropy);
		mbedtls_ctr_drbg_init(&drbg);
		if (mbedtls_ctr_drbg_seed(&drbg, mbedtls_entropy_func, &entropy,
					  (const uint8_t *)"slipway-sbv2", 12) != 0)
			return NULL;
		ready = 1;
	}
	return &drbg;
}

static void put_le32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)v;
	p[1] = (uint8_t)(v >> 8);
	p[2] = (uint8_t)(v >> 16);
	p[3] = (uint8_t)(v >> 24);
}

/* mpi -> `len` bytes little-endian. */
static int mpi_le(const mbedtls_mpi *x, uint8_t *out, size_t len)
{
	return mbedtls_mpi_write_binary_le(x, out, len);
}

/* n | e | rinv = 2^6144 mod n | m' = -(n^-1) mod 2^32, as the block holds them. */
static int rsa_fields(struct sbv2_key *k)
{
	mbedtls_rsa_context *rsa = mbedtls_pk_rsa(k->pk);
	mbedtls_mpi n, e, r, inv, two32;
	uint8_t *f = k->fields;
	uint32_t e32 = 0, m;
	uint8_t ebuf[4];
	int rc = -1;

	mbedtls_mpi_init(&n);
	mbedtls_mpi_init(&e);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&inv);
	mbedtls_mpi_init(&two32);
	if (mbedtls_rsa_export(rsa, &n, NULL, NULL, NULL, &e) != 0 ||
	    mbedtls_mpi_bitlen(&n) != RSA_BITS || mbedtls_mpi_bitlen(&e) > 32 ||
	    mbedtls_mpi_write_binary(&e, ebuf, 4) != 0)
		goto out;
	e32 = (uint32_t)ebuf[0] << 24 | (uint32_t)ebuf[1] << 16 |
	      (uint32_t)ebuf[2] << 8 | ebuf[3];
	if (mbedtls_mpi_lset(&r, 1) != 0 ||
	    mbedtls_mpi_shift_l(&r, 2 * RSA_BITS) != 0 ||
	    mbedtls_mpi_mod_mpi(&r, &r, &n) != 0 ||
	    mbedtls_mpi_lset(&two32, 1) != 0 ||
	    mbedtls_mpi_shift_l(&two32, 32) != 0 ||
	    mbedtls_mpi_inv_mod(&inv, &n, &two32) != 0 ||
	    mbedtls_mpi_write_binary(&inv, ebuf, 4) != 0)
		goto out;
	m = 0u - ((uint32_t)ebuf[0] << 24 | (uint32_t)ebuf[1] << 16 |
		  (uint32_t)ebuf[2] << 8 | ebuf[3]);
	if (mpi_le(&n, f, RSA_LEN) != 0 ||
	    mpi_le(&r, f + RSA_LEN + 4, RSA_LEN) != 0)
		goto out;
	put_le32(f + RSA_LEN, e32);
	put_le32(f + 2 * RSA_LEN + 4, m);
	k->fields_len = 2 * RSA_LEN + 8;
	rc = 0;
out:
	mbedtls_mpi_free(&two32);
	mbedtls_mpi_free(&inv);
	mbedtls_mpi_free(&r);
	mbedtls_mpi_free(&e);
	mbedtls_mpi_free(&n);
	return rc;
}

static size_t coord_len(enum sbv2_scheme s)
{
	return s == SBV2_SCHEME_ECDSA192 ? 24 : s == SBV2_SCHEME_ECDSA256 ? 32 : 48;
}

/* curve | x | y little-endian, the point field zero-padded (64 or 96). */
static int ec_fields(struct sbv2_key *k)
{
	mbedtls_ecp_keypair *kp = mbedtls_pk_ec(k->pk);
	uint8_t pt[1 + 2 * 48];
	size_t cl = coord_len(k->scheme), olen, field;

	if (mbedtls_ecp_point_write_binary(&kp->MBEDTLS_PRIVATE(grp),
					   &kp->MBEDTLS_PRIVATE(Q),
					   MBEDTLS_ECP_PF_UNCOMPRESSED, &olen, pt,
					   sizeof(pt)) != 0 || olen != 1 + 2 * cl)
		return -1;
	field = k->scheme == SBV2_SCHEME_ECDSA384 ? 96 : 64;
	memset(k->fields, 0, 1 + field);
	k->fields[0] = (uint8_t)(k->scheme == SBV2_SCHEME_ECDSA192 ? SBV2_CURVE_P192 :
				 k->scheme == SBV2_SCHEME_ECDSA256 ? SBV2_CURVE_P256 :
				 SBV2_CURVE_P384);
	for (size_t i = 0; i < cl; i++) {
		k->fields[1 + i] = pt[cl - i];          /* x */
		k->fields[1 + cl + i] = pt[2 * cl - i]; /* y */
	}
	k->fields_len = 1 + field;
	return 0;
}

/* Which scheme the parsed key is, and its block fields. */
static int classify(struct sbv2_key *k)
{
	if (mbedtls_pk_get_type(&k->pk) == MBEDTLS_PK_RSA) {
		k->scheme = SBV2_SCHEME_RSA3072;
		return rsa_fields(k);
	}
	if (mbedtls_pk_get_type(&k->pk) != MBEDTLS_PK_ECKEY)
		return -1;
	for (unsigned int i = 1; i < 4; i++)
		if (mbedtls_pk_ec(k->pk)->MBEDTLS_PRIVATE(grp).id == scheme_curves[i]) {
			k->scheme = (enum sbv2_scheme)i;
			return ec_fields(k);
		}
	return -1;
}

int sbv2_key_load(const char *path, struct sbv2_key *k)
{
	uint8_t *data, *buf;
	size_t len;
	int rc;

	memset(k, 0, sizeof(*k));
	mbedtls_pk_init(&k->pk);
	if (cli_read_file(path, &data, &len) != 0)
		return -1;
	/* mbedtls wants PEM NUL-terminated, its length counting the NUL. */
	buf = malloc(len + 1);
	if (buf == NULL) {
		free(data);
		return cli_error(-1, "out of memory");
	}
	memcpy(buf, data, len);
	buf[len] = 0;
	free(data);
	if (strstr((const char *)buf, "-----BEGIN") != NULL)
		len++;
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
	rc = mbedtls_pk_parse_key(&k->pk, buf, len, NULL, 0,
				  mbedtls_ctr_drbg_random, rng());
#else
	rc = mbedtls_pk_parse_key(&k->pk, buf, len, NULL, 0);
#endif
	if (rc == 0) {
		k->has_private = 1;
	} else {
		mbedtls_pk_free(&k->pk);
		mbedtls_pk_init(&k->pk);
		rc = mbedtls_pk_parse_public_key(&k->pk, buf, len);
	}
	memset(buf, 0, len);
	free(buf);
	if (rc != 0 || classify(k) != 0) {
		sbv2_key_free(k);
		return cli_error(-1, "%s: not an RSA-3072 or ECDSA P-192/P-256/P-384 "
				 "key (Secure Boot V2 accepts no other)", path);
	}
	return 0;
}

int sbv2_key_generate(enum sbv2_scheme s, struct sbv2_key *k)
{
	mbedtls_ctr_drbg_context *r = rng();
	int rc;

	memset(k, 0, sizeof(*k));
	mbedtls_pk_init(&k->pk);
	if (r == NULL)
		return cli_error(-1, "no random number generator");
	k->has_private = 1;
	if (s == SBV2_SCHEME_RSA3072)
		rc = mbedtls_pk_setup(&k->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_RSA)) ||
		     mbedtls_rsa_gen_key(mbedtls_pk_rsa(k->pk), mbedtls_ctr_drbg_random,
					 r, RSA_BITS, 65537);
	else
		rc = mbedtls_pk_setup(&k->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)) ||
		     mbedtls_ecp_gen_key(scheme_curves[s], mbedtls_pk_ec(k->pk),
					 mbedtls_ctr_drbg_random, r);
	if (rc != 0 || classify(k) != 0) {
		sbv2_key_free(k);
		return cli_error(-1, "key generation failed");
	}
	return 0;
}

void sbv2_key_free(struct sbv2_key *k)
{
	mbedtls_pk_free(&k->pk);
}

int sbv2_key_private_pem(struct sbv2_key *k, char *buf, size_t len)
{
	if (!k->has_private)
		return -1;
	return mbedtls_pk_write_key_pem(&k->pk, (uint8_t *)buf, len) == 0 ? 0 : -1;
}

int sbv2_key_public_pem(struct sbv2_key *k, char *buf, size_t len)
{
	return mbedtls_pk_write_pubkey_pem(&k->pk, (uint8_t *)buf, len) == 0 ? 0 : -1;
}

int sbv2_key_digest(const struct sbv2_key *k, uint8_t out[SBV2_KEY_DIGEST_LEN])
{
	return crypto_hash_buf(CRYPTO_HASH_SHA256, k->fields, k->fields_len, out) == 0
		       ? 0 : -1;
}

static int sign_rsa(struct sbv2_key *k, const uint8_t digest[32], uint8_t *block)
{
	mbedtls_rsa_context *rsa = mbedtls_pk_rsa(k->pk);
	uint8_t sig[RSA_LEN];

	(void)mbedtls_rsa_set_padding(rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
	if (mbedtls_rsa_rsassa_pss_sign_ext(rsa, mbedtls_ctr_drbg_random, rng(),
					    MBEDTLS_MD_SHA256, 32, digest, 32,
					    sig) != 0)
		return -1;
	for (size_t i = 0; i < RSA_LEN; i++)
		block[SBV2_RSA_SIG + i] = sig[RSA_LEN - 1 - i];
	return 0;
}

static int sign_ecdsa(struct sbv2_key *k, const uint8_t *digest, size_t dlen,
		      uint8_t *rs)
{
	mbedtls_ecp_keypair *kp = mbedtls_pk_ec(k->pk);
	size_t cl = coord_len(k->scheme);
	mbedtls_mpi r, s;
	int rc;

	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	rc = mbedtls_ecdsa_sign(&kp->MBEDTLS_PRIVATE(grp), &r, &s,
				&kp->MBEDTLS_PRIVATE(d), digest, dlen,
				mbedtls_ctr_drbg_random, rng()) != 0 ||
	     mpi_le(&r, rs, cl) != 0 || mpi_le(&s, rs + cl, cl) != 0;
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	return rc ? -1 : 0;
}

int sbv2_key_sign_block(struct sbv2_key *k, const uint8_t *data, size_t len,
			uint8_t block[SBV2_BLOCK_SIZE])
{
	int p384 = k->scheme == SBV2_SCHEME_ECDSA384;
	size_t dlen = p384 ? 48 : 32;
	uint8_t digest[48];
	int rc;

	if (!k->has_private || rng() == NULL ||
	    crypto_hash_buf(p384 ? CRYPTO_HASH_SHA384 : CRYPTO_HASH_SHA256, data,
			    len, digest) != 0)
		return -1;
	memset(block, 0, SBV2_BLOCK_SIZE);
	block[0] = SBV2_MAGIC;
	memcpy(block + 4, digest, dlen);
	if (k->scheme == SBV2_SCHEME_RSA3072) {
		block[1] = SBV2_VERSION_RSA;
		memcpy(block + SBV2_RSA_N, k->fields, k->fields_len);
		rc = sign_rsa(k, digest, block);
	} else {
		block[1] = SBV2_VERSION_ECDSA;
		block[2] = p384 ? 1 : 0;
		memcpy(block + 4 + dlen, k->fields, k->fields_len);
		rc = sign_ecdsa(k, digest, dlen, block + 4 + dlen + k->fields_len);
	}
	if (rc != 0)
		return -1;
	put_le32(block + SBV2_CRC_LEN, sbv2_crc32(block, SBV2_CRC_LEN));
	return 0;
}
