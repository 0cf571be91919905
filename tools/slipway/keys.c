/* tools/slipway/keys.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#define _GNU_SOURCE /* memmem */
#include "tools/slipway/keys.h"
#include "tools/slipway/slipway.h"
#include "libs/crypto/crypto_sig.h"

#include <stdlib.h>
#include <string.h>

#include <mbedtls/asn1write.h>
#include <mbedtls/ctr_drbg.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/entropy.h>
#include <mbedtls/oid.h>
#include <mbedtls/pem.h>
#include <mbedtls/rsa.h>
#include <sodium/core.h>
#include <sodium/crypto_sign_ed25519.h>
#include <sodium/crypto_scalarmult_curve25519.h>
#include <sodium/randombytes.h>
#include <sodium/utils.h>

/* RFC 8410 encodings: PKCS#8 private (prefix + 32) and SPKI public (prefix + 32). */
static const uint8_t ed_priv_prefix[16] = { 0x30, 0x2e, 0x02, 0x01, 0x00, 0x30,
	0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20 };
static const uint8_t ed_pub_prefix[12] = { 0x30, 0x2a, 0x30, 0x05, 0x06, 0x03,
	0x2b, 0x65, 0x70, 0x03, 0x21, 0x00 };
#define X_OID_BYTE 0x6e /* id-X25519 is 1.3.101.110, Ed25519 1.3.101.112 */

static const char *const type_names[] = {
	"ecdsa-p256", "ecdsa-p384", "rsa-2048", "rsa-3072", "ed25519", "x25519",
};

const char *key_type_name(enum key_type t)
{
	return type_names[t];
}

int key_type_parse(const char *name, enum key_type *t)
{
	for (size_t i = 0; i < sizeof(type_names) / sizeof(type_names[0]); i++)
		if (strcmp(name, type_names[i]) == 0) {
			*t = (enum key_type)i;
			return 0;
		}
	return -1;
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
					  (const uint8_t *)"slipway", 7) != 0)
			return NULL;
		ready = 1;
	}
	return &drbg;
}

/* DER of a PEM file's first block, or the bytes as they are. */
static int to_der(const uint8_t *data, size_t len, uint8_t **der, size_t *der_len,
		  char *label, size_t label_len)
{
	const char *begin = memmem(data, len, "-----BEGIN ", 11);
	const char *end_label, *end_line;
	char header[96], footer[96];
	mbedtls_pem_context pem;
	const uint8_t *pem_der;
	char *text;
	size_t used;

	label[0] = '\0';
	if (begin == NULL) {
		*der = malloc(len ? len : 1);
		if (*der == NULL)
			return -1;
		memcpy(*der, data, len);
		*der_len = len;
		return 0;
	}
	end_label = memmem(begin + 11, len - (size_t)(begin + 11 - (const char *)data),
			   "-----", 5);
	if (end_label == NULL || (size_t)(end_label - begin - 11) >= label_len)
		return -1;
	snprintf(label, label_len, "%.*s", (int)(end_label - begin - 11), begin + 11);
	end_line = end_label + 5;
	(void)end_line;
	snprintf(header, sizeof(header), "-----BEGIN %s-----", label);
	snprintf(footer, sizeof(footer), "-----END %s-----", label);
	text = malloc(len + 1);
	if (text == NULL)
		return -1;
	memcpy(text, data, len);
	text[len] = '\0';
	mbedtls_pem_init(&pem);
	if (mbedtls_pem_read_buffer(&pem, header, footer, (uint8_t *)text, NULL, 0,
				    &used) != 0) {
		free(text);
		mbedtls_pem_free(&pem);
		return -1;
	}
	pem_der = mbedtls_pem_get_buffer(&pem, der_len);
	*der = malloc(*der_len ? *der_len : 1);
	if (*der)
		memcpy(*der, pem_der, *der_len);
	free(text);
	mbedtls_pem_free(&pem);
	return *der ? 0 : -1;
}

static void set_ed_encoding(struct tool_key *k, uint8_t oid_byte)
{
	memcpy(k->enc, ed_pub_prefix, sizeof(ed_pub_prefix));
	k->enc[8] = oid_byte;
	memcpy(k->enc + sizeof(ed_pub_prefix), k->pub, 32);
	k->enc_len = sizeof(ed_pub_prefix) + 32;
}

/* The public encoding of an EC or RSA key, and its type. */
static int pk_finish(struct tool_key *k)
{
	uint8_t buf[1200], *p = buf + sizeof(buf);
	int n;

	if (mbedtls_pk_get_type(&k->pk) == MBEDTLS_PK_ECKEY) {
		mbedtls_ecp_group_id id =
			mbedtls_ecp_keypair_get_group_id(mbedtls_pk_ec(k->pk));

		if (id == MBEDTLS_ECP_DP_SECP256R1)
			k->type = KEY_ECDSA_P256;
		else if (id == MBEDTLS_ECP_DP_SECP384R1)
			k->type = KEY_ECDSA_P384;
		else
			return -1;
		n = mbedtls_pk_write_pubkey_der(&k->pk, buf, sizeof(buf));
		p = buf + sizeof(buf) - n;
	} else if (mbedtls_pk_get_type(&k->pk) == MBEDTLS_PK_RSA) {
		size_t bits = mbedtls_pk_get_bitlen(&k->pk);

		if (bits != 2048 && bits != 3072)
			return -1;
		k->type = bits == 2048 ? KEY_RSA2048 : KEY_RSA3072;
		/* MCUboot embeds RSA keys as PKCS#1 RSAPublicKey, not SPKI. */
		n = mbedtls_pk_write_pubkey(&p, buf, &k->pk);
	} else {
		return -1;
	}
	if (n <= 0 || (size_t)n > sizeof(k->enc))
		return -1;
	memcpy(k->enc, p, (size_t)n);
	k->enc_len = (size_t)n;
	return 0;
}

static int load_der(struct tool_key *k, const uint8_t *der, size_t len)
{
	/* byte 11 of the PKCS#8 prefix is the last of the OID: 0x70 or 0x6e */
	if (len == sizeof(ed_priv_prefix) + 32 &&
	    memcmp(der, ed_priv_prefix, 11) == 0 &&
	    (der[11] == 0x70 || der[11] == X_OID_BYTE) &&
	    memcmp(der + 12, ed_priv_prefix + 12, 4) == 0) {
		k->has_private = 1;
		memcpy(k->seed, der + 16, 32);
		if (der[11] == 0x70) {
			uint8_t sk[64];

			k->type = KEY_ED25519;
			crypto_sign_ed25519_seed_keypair(k->pub, sk, k->seed);
			sodium_memzero(sk, sizeof(sk));
		} else {
			k->type = KEY_X25519;
			crypto_scalarmult_curve25519_base(k->pub, k->seed);
		}
		set_ed_encoding(k, der[11]);
		return 0;
	}
	if (len == sizeof(ed_pub_prefix) + 32 && memcmp(der, ed_pub_prefix, 8) == 0 &&
	    (der[8] == 0x70 || der[8] == X_OID_BYTE) &&
	    memcmp(der + 9, ed_pub_prefix + 9, 3) == 0) {
		k->type = der[8] == 0x70 ? KEY_ED25519 : KEY_X25519;
		memcpy(k->pub, der + 12, 32);
		set_ed_encoding(k, der[8]);
		return 0;
	}
	if (mbedtls_pk_parse_key(&k->pk, der, len, NULL, 0,
				 mbedtls_ctr_drbg_random, rng()) == 0) {
		k->has_private = 1;
	} else {
		mbedtls_pk_free(&k->pk);
		mbedtls_pk_init(&k->pk);
		if (mbedtls_pk_parse_public_key(&k->pk, der, len) != 0)
			return -1;
	}
	return pk_finish(k);
}

int key_load(const char *path, struct tool_key *k)
{
	uint8_t *data, *der;
	size_t len, der_len;
	char label[64];
	int rc;

	memset(k, 0, sizeof(*k));
	mbedtls_pk_init(&k->pk);
	if (sodium_init() < 0)
		return cli_error(-1, "libsodium failed to start");
	if (cli_read_file(path, &data, &len) != 0)
		return -1;
	rc = to_der(data, len, &der, &der_len, label, sizeof(label));
	free(data);
	if (rc != 0)
		return cli_error(-1, "%s: not a PEM or DER key", path);
	if (strstr(label, "ENCRYPTED") != NULL) {
		free(der);
		return cli_error(-1, "%s: password-protected keys are not supported",
				 path);
	}
	rc = load_der(k, der, der_len);
	free(der);
	if (rc != 0)
		return cli_error(-1, "%s: not an ECDSA P-256/P-384, RSA-2048/3072, "
				 "Ed25519 or X25519 key", path);
	return 0;
}

int key_generate(enum key_type t, struct tool_key *k)
{
	mbedtls_ctr_drbg_context *r = rng();

	memset(k, 0, sizeof(*k));
	mbedtls_pk_init(&k->pk);
	if (r == NULL || sodium_init() < 0)
		return cli_error(-1, "no random number generator");
	k->type = t;
	k->has_private = 1;
	switch (t) {
	case KEY_ED25519:
	case KEY_X25519: {
		uint8_t der[48];

		memcpy(der, ed_priv_prefix, sizeof(ed_priv_prefix));
		der[11] = t == KEY_ED25519 ? 0x70 : X_OID_BYTE;
		randombytes_buf(der + 16, 32);
		return load_der(k, der, sizeof(der));
	}
	case KEY_ECDSA_P256:
	case KEY_ECDSA_P384:
		if (mbedtls_pk_setup(&k->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)) ||
		    mbedtls_ecp_gen_key(t == KEY_ECDSA_P256 ? MBEDTLS_ECP_DP_SECP256R1
							    : MBEDTLS_ECP_DP_SECP384R1,
					mbedtls_pk_ec(k->pk), mbedtls_ctr_drbg_random, r))
			return cli_error(-1, "EC key generation failed");
		break;
	case KEY_RSA2048:
	case KEY_RSA3072:
		if (mbedtls_pk_setup(&k->pk, mbedtls_pk_info_from_type(MBEDTLS_PK_RSA)) ||
		    mbedtls_rsa_gen_key(mbedtls_pk_rsa(k->pk), mbedtls_ctr_drbg_random, r,
					t == KEY_RSA2048 ? 2048 : 3072, 65537))
			return cli_error(-1, "RSA key generation failed");
		break;
	}
	return pk_finish(k) == 0 ? 0 : cli_error(-1, "key encoding failed");
}

void key_free(struct tool_key *k)
{
	mbedtls_pk_free(&k->pk);
	sodium_memzero(k->seed, sizeof(k->seed));
}

static int pem_wrap(const char *label, const uint8_t *der, size_t len, char *buf,
		    size_t buf_len)
{
	char header[64], footer[64];
	size_t olen;

	snprintf(header, sizeof(header), "-----BEGIN %s-----\n", label);
	snprintf(footer, sizeof(footer), "-----END %s-----\n", label);
	return mbedtls_pem_write_buffer(header, footer, der, len, (uint8_t *)buf,
					buf_len, &olen) == 0 ? 0 : -1;
}

/* PKCS#8 PrivateKeyInfo around mbedtls' SEC1 or PKCS#1 key. */
static int pkcs8_der(struct tool_key *k, uint8_t *buf, size_t len, uint8_t **start)
{
	uint8_t *p = buf + len;
	const char *oid;
	size_t oid_len, alg_len = 0, total = 0;
	int n = mbedtls_pk_write_key_der(&k->pk, buf, len);
	int r;

	if (n <= 0)
		return -1;
	p = buf + len - n;
	total = (size_t)n;
#define W(expr) do { if ((r = (expr)) < 0) return -1; total += (size_t)r; } while (0)
	W(mbedtls_asn1_write_len(&p, buf, (size_t)n));
	W(mbedtls_asn1_write_tag(&p, buf, MBEDTLS_ASN1_OCTET_STRING));
	if (k->type == KEY_RSA2048 || k->type == KEY_RSA3072) {
		if ((r = mbedtls_asn1_write_null(&p, buf)) < 0)
			return -1;
		alg_len += (size_t)r;
		if (mbedtls_oid_get_oid_by_pk_alg(MBEDTLS_PK_RSA, &oid, &oid_len))
			return -1;
	} else {
		const char *curve;
		size_t curve_len;

		if (mbedtls_oid_get_oid_by_ec_grp(mbedtls_ecp_keypair_get_group_id(
							  mbedtls_pk_ec(k->pk)),
						  &curve, &curve_len) ||
		    (r = mbedtls_asn1_write_oid(&p, buf, curve, curve_len)) < 0)
			return -1;
		alg_len += (size_t)r;
		if (mbedtls_oid_get_oid_by_pk_alg(MBEDTLS_PK_ECKEY, &oid, &oid_len))
			return -1;
	}
	if ((r = mbedtls_asn1_write_oid(&p, buf, oid, oid_len)) < 0)
		return -1;
	alg_len += (size_t)r;
	total += alg_len;
	W(mbedtls_asn1_write_len(&p, buf, alg_len));
	W(mbedtls_asn1_write_tag(&p, buf, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE));
	W(mbedtls_asn1_write_int(&p, buf, 0));
	W(mbedtls_asn1_write_len(&p, buf, total));
	W(mbedtls_asn1_write_tag(&p, buf, MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE));
#undef W
	*start = p;
	return (int)total;
}

int key_private_pem(struct tool_key *k, char *buf, size_t len)
{
	uint8_t der[4096], *start;
	int n;

	if (!k->has_private)
		return -1;
	if (k->type == KEY_ED25519 || k->type == KEY_X25519) {
		uint8_t d[48];
		int rc;

		memcpy(d, ed_priv_prefix, sizeof(ed_priv_prefix));
		d[11] = k->type == KEY_ED25519 ? 0x70 : X_OID_BYTE;
		memcpy(d + 16, k->seed, 32);
		rc = pem_wrap("PRIVATE KEY", d, sizeof(d), buf, len);
		sodium_memzero(d, sizeof(d));
		return rc;
	}
	n = pkcs8_der(k, der, sizeof(der), &start);
	if (n <= 0)
		return -1;
	n = pem_wrap("PRIVATE KEY", start, (size_t)n, buf, len);
	sodium_memzero(der, sizeof(der));
	return n;
}

int key_public_pem(struct tool_key *k, char *buf, size_t len)
{
	if (k->type == KEY_ED25519 || k->type == KEY_X25519)
		return pem_wrap("PUBLIC KEY", k->enc, k->enc_len, buf, len);
	return mbedtls_pk_write_pubkey_pem(&k->pk, (uint8_t *)buf, len) == 0 ? 0 : -1;
}

int key_sign(struct tool_key *k, enum crypto_hash_alg alg, const uint8_t *msg,
	     size_t msg_len, uint8_t *sig, size_t *sig_len)
{
	mbedtls_ctr_drbg_context *r = rng();
	mbedtls_md_type_t md = alg == CRYPTO_HASH_SHA384 ? MBEDTLS_MD_SHA384 :
			       alg == CRYPTO_HASH_SHA512 ? MBEDTLS_MD_SHA512 :
			       MBEDTLS_MD_SHA256;

	if (!k->has_private || r == NULL)
		return -1;
	switch (k->type) {
	case KEY_ED25519: {
		uint8_t sk[64];
		unsigned long long n;
		int rc;

		memcpy(sk, k->seed, 32);
		memcpy(sk + 32, k->pub, 32);
		rc = crypto_sign_ed25519_detached(sig, &n, msg, msg_len, sk);
		sodium_memzero(sk, sizeof(sk));
		*sig_len = (size_t)n;
		return rc == 0 ? 0 : -1;
	}
	case KEY_ECDSA_P256:
	case KEY_ECDSA_P384:
		/* `sig` holds 512 bytes (keys.h). */
		return mbedtls_pk_sign(&k->pk, md, msg, msg_len, sig, 512, sig_len,
				       mbedtls_ctr_drbg_random, r) == 0 ? 0 : -1;
	case KEY_RSA2048:
	case KEY_RSA3072:
		*sig_len = mbedtls_pk_get_len(&k->pk);
		if (mbedtls_rsa_set_padding(mbedtls_pk_rsa(k->pk), MBEDTLS_RSA_PKCS_V21,
					    MBEDTLS_MD_SHA256) != 0)
			return -1;
		return mbedtls_rsa_rsassa_pss_sign_ext(mbedtls_pk_rsa(k->pk),
						       mbedtls_ctr_drbg_random, r,
						       MBEDTLS_MD_SHA256, 32, msg,
						       32, sig) == 0 ? 0 : -1;
	default:
		return -1;
	}
}
