/* tests/libs/crypto/test_crypto_ecdsa.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * crypto_ecdsa_verify: the key read from its SubjectPublicKeyInfo and the
 * DER signature read into r and s without mbedtls' PK code. Keys and
 * signatures are made here with the host's mbedtls; each malformed form
 * must be refused as unusable (-EINVAL), a wrong signature as -EBADMSG.
 */
#include "tests/test.h"

#include "libs/crypto/crypto_sig.h"

#include <errno.h>
#include <string.h>

#include <mbedtls/ecdsa.h>
#include <mbedtls/pk.h>

struct signed_digest {
	uint8_t spki[128];
	size_t spki_len;
	uint8_t digest[48];
	uint8_t sig[160];
	size_t sig_len;
};

/* Blinding bytes for signing in a test: any will do. */
static int test_rng(void *ctx, unsigned char *buf, size_t len)
{
	unsigned int *n = ctx;

	for (size_t i = 0; i < len; i++)
		buf[i] = (unsigned char)(++*n * 131u);
	return 0;
}

static void make_signed(struct signed_digest *s, unsigned int bits)
{
	mbedtls_ecp_group_id id = bits == 256 ? MBEDTLS_ECP_DP_SECP256R1
					      : MBEDTLS_ECP_DP_SECP384R1;
	unsigned int n = bits;
	uint8_t der[160];
	mbedtls_pk_context pk;
	int len;

	mbedtls_pk_init(&pk);
	assert_int_equal(mbedtls_pk_setup(&pk, mbedtls_pk_info_from_type(MBEDTLS_PK_ECKEY)), 0);
	assert_int_equal(mbedtls_ecp_gen_key(id, mbedtls_pk_ec(pk), test_rng, &n), 0);
	len = mbedtls_pk_write_pubkey_der(&pk, der, sizeof(der));
	assert_true(len > 0);
	memcpy(s->spki, der + sizeof(der) - len, (size_t)len);
	s->spki_len = (size_t)len;
	for (size_t i = 0; i < sizeof(s->digest); i++)
		s->digest[i] = (uint8_t)(i * 7 + 1);
	assert_int_equal(mbedtls_ecdsa_write_signature(mbedtls_pk_ec(pk),
						       bits == 256 ? MBEDTLS_MD_SHA256 : MBEDTLS_MD_SHA384,
						       s->digest, bits / 8, s->sig, sizeof(s->sig),
						       &s->sig_len, test_rng, &n), 0);
	mbedtls_pk_free(&pk);
}

static int verify(const struct signed_digest *s, unsigned int bits,
		  const uint8_t *sig, size_t sig_len)
{
	return crypto_ecdsa_verify(s->spki, s->spki_len, bits, s->digest,
				   bits / 8, sig, sig_len);
}

static void test_good_signatures_verify(void **state)
{
	struct signed_digest s;
	uint8_t padded[200];

	(void)state;
	for (unsigned int bits = 256; bits <= 384; bits += 128) {
		make_signed(&s, bits);
		assert_int_equal(verify(&s, bits, s.sig, s.sig_len), 0);
		/* imgtool's --pad-sig: zero bytes after the SEQUENCE */
		memset(padded, 0, sizeof(padded));
		memcpy(padded, s.sig, s.sig_len);
		assert_int_equal(verify(&s, bits, padded, s.sig_len + 3), 0);
	}
}

static void test_wrong_signature_is_ebadmsg(void **state)
{
	struct signed_digest s;

	(void)state;
	make_signed(&s, 256);
	s.digest[5] ^= 1;
	assert_int_equal(verify(&s, 256, s.sig, s.sig_len), -EBADMSG);
	s.digest[5] ^= 1;
	s.sig[s.sig_len - 1] ^= 1; /* s changes */
	assert_int_equal(verify(&s, 256, s.sig, s.sig_len), -EBADMSG);
}

static void test_unusable_keys_are_einval(void **state)
{
	struct signed_digest s;

	(void)state;
	make_signed(&s, 256);
	/* the wrong curve asked for, a short key, a changed OID, a compressed point */
	assert_int_equal(crypto_ecdsa_verify(s.spki, s.spki_len, 384, s.digest, 32,
					     s.sig, s.sig_len), -EINVAL);
	assert_int_equal(crypto_ecdsa_verify(s.spki, s.spki_len - 1, 256, s.digest, 32,
					     s.sig, s.sig_len), -EINVAL);
	s.spki[20] ^= 1;
	assert_int_equal(verify(&s, 256, s.sig, s.sig_len), -EINVAL);
	s.spki[20] ^= 1;
	s.spki[26] = 0x02;
	assert_int_equal(verify(&s, 256, s.sig, s.sig_len), -EINVAL);
	/* a point off the curve */
	s.spki[26] = 0x04;
	s.spki[s.spki_len - 1] ^= 1;
	assert_int_equal(verify(&s, 256, s.sig, s.sig_len), -EINVAL);
}

static void test_malformed_der_is_einval(void **state)
{
	struct signed_digest s;
	uint8_t b[200];
	size_t r_len;

	(void)state;
	make_signed(&s, 256);
	/* not a SEQUENCE; a length past the end; a byte after it */
	memcpy(b, s.sig, s.sig_len);
	b[0] = 0x31;
	assert_int_equal(verify(&s, 256, b, s.sig_len), -EINVAL);
	assert_int_equal(verify(&s, 256, s.sig, s.sig_len - 1), -EINVAL);
	memcpy(b, s.sig, s.sig_len);
	b[s.sig_len] = 1;
	assert_int_equal(verify(&s, 256, b, s.sig_len + 1), -EINVAL);
	/* r negative */
	memcpy(b, s.sig, s.sig_len);
	r_len = b[3];
	b[4] = 0x80;
	if (r_len == 33)
		b[5] |= 0x80;
	assert_int_equal(verify(&s, 256, b, s.sig_len), -EINVAL);
	/* r one byte longer than the curve allows (33 bytes, no sign byte) */
	{
		static const uint8_t long_r[] = {
			0x30, 0x26, 0x02, 0x21, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
			11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
			27, 28, 29, 30, 31, 32, 0x02, 0x01, 0x01,
		};
		assert_int_equal(verify(&s, 256, long_r, sizeof(long_r)), -EINVAL);
	}
	/* an empty INTEGER; r = 0 is well formed but no signature */
	{
		static const uint8_t empty_r[] = { 0x30, 0x05, 0x02, 0x00, 0x02, 0x01, 0x01 };
		static const uint8_t zero_r[] = { 0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x01 };

		assert_int_equal(verify(&s, 256, empty_r, sizeof(empty_r)), -EINVAL);
		assert_int_equal(verify(&s, 256, zero_r, sizeof(zero_r)), -EBADMSG);
	}
	assert_int_equal(verify(&s, 256, s.sig, 0), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good_signatures_verify),
		cmocka_unit_test(test_wrong_signature_is_ebadmsg),
		cmocka_unit_test(test_unusable_keys_are_einval),
		cmocka_unit_test(test_malformed_der_is_einval),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
