/* libs/crypto/crypto_ecdsa.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_heap.h"
#include "libs/crypto/crypto_sig.h"

#include <errno.h>

#include <mbedtls/ecdsa.h>
#include <mbedtls/pk.h>

/* Length of the DER SEQUENCE at `sig`, if what follows it is all zero. */
static int der_length(const uint8_t *sig, size_t len, size_t *der_len)
{
	size_t n;

	if (len < 2 || sig[0] != 0x30)
		return -EINVAL;
	if (sig[1] < 0x80)
		n = 2 + (size_t)sig[1];
	else if (sig[1] == 0x81 && len >= 3)
		n = 3 + (size_t)sig[2];
	else
		return -EINVAL;
	if (n > len)
		return -EINVAL;
	for (size_t i = n; i < len; i++)
		if (sig[i] != 0)
			return -EINVAL;
	*der_len = n;
	return 0;
}

int crypto_ecdsa_verify(const uint8_t *spki, size_t spki_len,
			unsigned int curve_bits, const uint8_t *digest,
			size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	mbedtls_ecp_group_id want = curve_bits == 256 ? MBEDTLS_ECP_DP_SECP256R1 :
				    curve_bits == 384 ? MBEDTLS_ECP_DP_SECP384R1 :
				    MBEDTLS_ECP_DP_NONE;
	mbedtls_pk_context pk;
	size_t der_len;
	int rc;

	if (want == MBEDTLS_ECP_DP_NONE ||
	    der_length(sig, sig_len, &der_len) != 0)
		return -EINVAL;
	crypto_heap_ready();
	mbedtls_pk_init(&pk);
	rc = mbedtls_pk_parse_public_key(&pk, spki, spki_len);
	if (rc != 0) {
		rc = crypto_mbedtls_errno(rc, -EINVAL);
	} else if (mbedtls_pk_get_type(&pk) != MBEDTLS_PK_ECKEY ||
		   mbedtls_ecp_keypair_get_group_id(mbedtls_pk_ec(pk)) != want) {
		rc = -EINVAL;
	} else {
		rc = mbedtls_ecdsa_read_signature(mbedtls_pk_ec(pk), digest,
						  digest_len, sig, der_len);
		rc = crypto_mbedtls_errno(rc, -EBADMSG);
	}
	mbedtls_pk_free(&pk);
	return rc;
}
