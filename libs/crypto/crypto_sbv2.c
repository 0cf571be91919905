/* libs/crypto/crypto_sbv2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_sbv2.h"

#include <errno.h>
#include <string.h>

#include <mbedtls/bignum.h>
#include <mbedtls/ecdsa.h>
#include <mbedtls/ecp.h>
#include <mbedtls/md.h>
#include <mbedtls/rsa.h>
#include <mbedtls/version.h>

/* Big-endian copy of a little-endian number (mbedtls imports big-endian). */
static void reverse_copy(uint8_t *dst, const uint8_t *src, size_t len)
{
	for (size_t i = 0; i < len; i++)
		dst[i] = src[len - 1 - i];
}

int crypto_sbv2_rsa_pss_verify(const uint8_t n_le[CRYPTO_SBV2_RSA_LEN],
			       uint32_t e,
			       const uint8_t sig_le[CRYPTO_SBV2_RSA_LEN],
			       const uint8_t digest[32])
{
	uint8_t n[CRYPTO_SBV2_RSA_LEN], sig[CRYPTO_SBV2_RSA_LEN];
	uint8_t e_be[4] = { (uint8_t)(e >> 24), (uint8_t)(e >> 16),
			    (uint8_t)(e >> 8), (uint8_t)e };
	mbedtls_rsa_context rsa;
	int rc;

	reverse_copy(n, n_le, sizeof(n));
	reverse_copy(sig, sig_le, sizeof(sig));
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
	mbedtls_rsa_init(&rsa);
#else
	mbedtls_rsa_init(&rsa, MBEDTLS_RSA_PKCS_V21, MBEDTLS_MD_SHA256);
#endif
	/* A 3072-bit modulus exactly: its top byte is not zero. */
	rc = -EINVAL;
	if (n[0] == 0 || e == 0 ||
	    mbedtls_rsa_import_raw(&rsa, n, sizeof(n), NULL, 0, NULL, 0, NULL, 0,
				   e_be, sizeof(e_be)) != 0 ||
	    mbedtls_rsa_complete(&rsa) != 0 ||
	    mbedtls_rsa_check_pubkey(&rsa) != 0)
		goto out;
#if MBEDTLS_VERSION_NUMBER >= 0x03000000
	/* 2.28 set the padding at init (and its setter returns nothing). */
	if (mbedtls_rsa_set_padding(&rsa, MBEDTLS_RSA_PKCS_V21,
				    MBEDTLS_MD_SHA256) != 0)
		goto out;
	rc = mbedtls_rsa_rsassa_pss_verify_ext(&rsa, MBEDTLS_MD_SHA256, 32, digest,
					       MBEDTLS_MD_SHA256, 32, sig);
#else
	rc = mbedtls_rsa_rsassa_pss_verify_ext(&rsa, NULL, NULL, MBEDTLS_RSA_PUBLIC,
					       MBEDTLS_MD_SHA256, 32, digest,
					       MBEDTLS_MD_SHA256, 32, sig);
#endif
	rc = rc == 0 ? 0 : -EBADMSG;
out:
	mbedtls_rsa_free(&rsa);
	return rc;
}

int crypto_sbv2_ecdsa_verify(int curve, size_t coord_len,
			     const uint8_t *point_le, const uint8_t *rs_le,
			     const uint8_t *digest, size_t digest_len)
{
	static const mbedtls_ecp_group_id ids[] = {
		MBEDTLS_ECP_DP_NONE, MBEDTLS_ECP_DP_SECP192R1,
		MBEDTLS_ECP_DP_SECP256R1, MBEDTLS_ECP_DP_SECP384R1,
	};
	static const size_t lens[] = { 0, 24, 32, 48 };
	uint8_t uncompressed[1 + 2 * 48], num[48];
	mbedtls_ecp_group grp;
	mbedtls_ecp_point q;
	mbedtls_mpi r, s;
	int rc = -EINVAL;

	if (curve < 1 || curve > 3 || coord_len != lens[curve])
		return -EINVAL;
	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&q);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	uncompressed[0] = 0x04;
	reverse_copy(uncompressed + 1, point_le, coord_len);
	reverse_copy(uncompressed + 1 + coord_len, point_le + coord_len, coord_len);
	if (mbedtls_ecp_group_load(&grp, ids[curve]) != 0 ||
	    mbedtls_ecp_point_read_binary(&grp, &q, uncompressed,
					  1 + 2 * coord_len) != 0 ||
	    mbedtls_ecp_check_pubkey(&grp, &q) != 0)
		goto out;
	rc = -EIO;
	reverse_copy(num, rs_le, coord_len);
	if (mbedtls_mpi_read_binary(&r, num, coord_len) != 0)
		goto out;
	reverse_copy(num, rs_le + coord_len, coord_len);
	if (mbedtls_mpi_read_binary(&s, num, coord_len) != 0)
		goto out;
	rc = mbedtls_ecdsa_verify(&grp, digest, digest_len, &q, &r, &s) == 0
		     ? 0 : -EBADMSG;
out:
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ecp_point_free(&q);
	mbedtls_ecp_group_free(&grp);
	return rc;
}
