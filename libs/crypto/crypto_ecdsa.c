/* libs/crypto/crypto_ecdsa.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The key is read where it lies: a P-256 or P-384 SubjectPublicKeyInfo is a
 * fixed prefix (algorithm and curve OIDs) and the uncompressed point, so
 * comparing the prefix and taking the point replaces mbedtls' PK, OID and
 * key-parsing code (about 4 KiB of text on qemu-rv32-virt). The DER
 * signature becomes r | s the same way. The point then goes to mbedtls'
 * ECDSA, or for P-256 when CONFIG_CRYPTO_P256_P256M chooses it
 * (libs/crypto/mbedtls_config.h) to p256-m, the small P-256
 * implementation shipped with mbedtls.
 */

#include "libs/crypto/crypto_heap.h"
#include "libs/crypto/crypto_sig.h"

#include <errno.h>
#include <string.h>

#include <mbedtls/asn1.h>
#if defined(CRYPTO_ECDSA_P256M)
#include "p256-m/p256-m.h"
#endif
#if !defined(CRYPTO_ECDSA_P256M) || defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
#include <mbedtls/ecdsa.h>
#endif

#define MAX_SCALAR 48

/* SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING { 04 X Y } } */
static const uint8_t p256_prefix[] = {
	0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
	0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07, 0x03,
	0x42, 0x00, 0x04,
};

/* SEQUENCE { SEQUENCE { id-ecPublicKey, secp384r1 }, BIT STRING { 04 X Y } } */
static const uint8_t p384_prefix[] = {
	0x30, 0x76, 0x30, 0x10, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02,
	0x01, 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22, 0x03, 0x62, 0x00, 0x04,
};

/* The point X | Y inside `spki`, or NULL when it is not a key of `bits`. */
static const uint8_t *spki_point(const uint8_t *spki, size_t len,
				 unsigned int bits)
{
	const uint8_t *prefix = bits == 256 ? p256_prefix : p384_prefix;
	size_t prefix_len = bits == 256 ? sizeof(p256_prefix) : sizeof(p384_prefix);

	if ((bits != 256 && bits != 384) || len != prefix_len + 2 * (bits / 8) ||
	    memcmp(spki, prefix, prefix_len) != 0)
		return NULL;
	return spki + prefix_len;
}

/* One DER INTEGER at *p, positive, into `n` big-endian bytes. */
static int der_scalar(uint8_t **p, const uint8_t *end, uint8_t *out, size_t n)
{
	size_t len;

	if (mbedtls_asn1_get_tag(p, end, &len, MBEDTLS_ASN1_INTEGER) != 0 ||
	    len == 0 || (**p & 0x80) != 0)
		return -EINVAL;
	while (len > 1 && **p == 0) {
		(*p)++;
		len--;
	}
	if (len > n)
		return -EINVAL;
	memset(out, 0, n - len);
	memcpy(out + n - len, *p, len);
	*p += len;
	return 0;
}

/*
 * r | s from the DER ECDSA-Sig-Value at `sig`. Zero bytes after the
 * SEQUENCE are accepted, as upstream does for imgtool's --pad-sig;
 * anything else after it is not.
 */
static int der_signature(const uint8_t *sig, size_t len, uint8_t *rs, size_t n)
{
	uint8_t *p = (uint8_t *)sig, *end;
	size_t seq_len;

	if (mbedtls_asn1_get_tag(&p, sig + len, &seq_len,
				 MBEDTLS_ASN1_CONSTRUCTED | MBEDTLS_ASN1_SEQUENCE) != 0)
		return -EINVAL;
	end = p + seq_len;
	for (const uint8_t *z = end; z < sig + len; z++)
		if (*z != 0)
			return -EINVAL;
	if (der_scalar(&p, end, rs, n) != 0 || der_scalar(&p, end, rs + n, n) != 0 ||
	    p != end)
		return -EINVAL;
	return 0;
}

#if !defined(CRYPTO_ECDSA_P256M) || defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
static int verify_mbedtls(unsigned int bits, const uint8_t *point,
			  const uint8_t *digest, size_t digest_len,
			  const uint8_t *rs)
{
	size_t n = bits / 8;
	uint8_t q[1 + 2 * MAX_SCALAR];
	mbedtls_ecp_group grp;
	mbedtls_ecp_point pub;
	mbedtls_mpi r, s;
	int rc;

	q[0] = 0x04;
	memcpy(q + 1, point, 2 * n);
	crypto_heap_ready();
	mbedtls_ecp_group_init(&grp);
	mbedtls_ecp_point_init(&pub);
	mbedtls_mpi_init(&r);
	mbedtls_mpi_init(&s);
	rc = mbedtls_ecp_group_load(&grp, bits == 256 ? MBEDTLS_ECP_DP_SECP256R1
						      : MBEDTLS_ECP_DP_SECP384R1);
	if (rc == 0)
		rc = mbedtls_ecp_point_read_binary(&grp, &pub, q, 1 + 2 * n);
	if (rc == 0)
		rc = mbedtls_ecp_check_pubkey(&grp, &pub);
	if (rc != 0) {
		rc = crypto_mbedtls_errno(rc, -EINVAL);
		goto out;
	}
	rc = mbedtls_mpi_read_binary(&r, rs, n);
	if (rc == 0)
		rc = mbedtls_mpi_read_binary(&s, rs + n, n);
	if (rc == 0)
		rc = mbedtls_ecdsa_verify(&grp, digest, digest_len, &pub, &r, &s);
	rc = crypto_mbedtls_errno(rc, -EBADMSG);
out:
	mbedtls_mpi_free(&s);
	mbedtls_mpi_free(&r);
	mbedtls_ecp_point_free(&pub);
	mbedtls_ecp_group_free(&grp);
	return rc;
}
#endif

int crypto_ecdsa_verify(const uint8_t *spki, size_t spki_len,
			unsigned int curve_bits, const uint8_t *digest,
			size_t digest_len, const uint8_t *sig, size_t sig_len)
{
	const uint8_t *point = spki_point(spki, spki_len, curve_bits);
	uint8_t rs[2 * MAX_SCALAR];

	if (point == NULL ||
	    der_signature(sig, sig_len, rs, curve_bits / 8) != 0)
		return -EINVAL;
#if defined(CRYPTO_ECDSA_P256M)
	if (curve_bits == 256) {
		switch (p256_ecdsa_verify(rs, point, digest, digest_len)) {
		case P256_SUCCESS:
			return 0;
		case P256_INVALID_PUBKEY:
			return -EINVAL;
		default:
			return -EBADMSG;
		}
	}
#endif
#if !defined(CRYPTO_ECDSA_P256M) || defined(MBEDTLS_ECP_DP_SECP384R1_ENABLED)
	return verify_mbedtls(curve_bits, point, digest, digest_len, rs);
#else
	return -EINVAL;
#endif
}
