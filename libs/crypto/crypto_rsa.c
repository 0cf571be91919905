/* libs/crypto/crypto_rsa.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_heap.h"
#include "libs/crypto/crypto_sig.h"

#include <errno.h>

#include <mbedtls/pk.h>
#include <mbedtls/rsa.h>

int crypto_rsa_pss_verify(const uint8_t *pkcs1, size_t pkcs1_len,
			  unsigned int bits, const uint8_t digest[32],
			  const uint8_t *sig, size_t sig_len)
{
	mbedtls_pk_context pk;
	mbedtls_rsa_context *rsa;
	int rc;

	crypto_heap_ready();
	mbedtls_pk_init(&pk);
	/* mbedtls reads a bare PKCS#1 RSAPublicKey as well as SPKI. */
	rc = mbedtls_pk_parse_public_key(&pk, pkcs1, pkcs1_len);
	if (rc != 0) {
		mbedtls_pk_free(&pk);
		return crypto_mbedtls_errno(rc, -EINVAL);
	}
	if (mbedtls_pk_get_type(&pk) != MBEDTLS_PK_RSA ||
	    mbedtls_pk_get_bitlen(&pk) != bits || sig_len != bits / 8) {
		mbedtls_pk_free(&pk);
		return -EINVAL;
	}
	rsa = mbedtls_pk_rsa(pk);
	rc = mbedtls_rsa_rsassa_pss_verify_ext(rsa, MBEDTLS_MD_SHA256, 32, digest,
					       MBEDTLS_MD_SHA256, 32, sig);
	mbedtls_pk_free(&pk);
	return crypto_mbedtls_errno(rc, -EBADMSG);
}
