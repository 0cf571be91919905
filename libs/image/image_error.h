/* libs/image/image_error.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Why an image is refused: one named reason each; image_strerror() says it. */
#ifndef SLIPWAY_LIBS_IMAGE_IMAGE_ERROR_H
#define SLIPWAY_LIBS_IMAGE_IMAGE_ERROR_H

enum image_error {
	IMAGE_OK = 0,
	IMAGE_ERR_EMPTY = -1000,       /* slot reads as erased */
	IMAGE_ERR_BAD_MAGIC,           /* neither an image nor erased */
	IMAGE_ERR_HDR_SIZE,            /* header smaller than its 32 bytes */
	IMAGE_ERR_SIZE_PAST_SLOT,      /* header + body + protected TLVs leave the slot */
	IMAGE_ERR_FLAGS,               /* contradictory or unsupported flags */
	IMAGE_ERR_PROT_TLV_SIZE,       /* protected block disagrees with ih_protect_tlv_size */
	IMAGE_ERR_TLV_MAGIC,           /* no TLV info header where one must be */
	IMAGE_ERR_TLV_AREA_PAST_END,   /* the TLV area runs past the slot */
	IMAGE_ERR_TLV_LEN,             /* a TLV runs past the end of its block */
	IMAGE_ERR_NO_HASH,             /* no hash TLV of the configured type */
	IMAGE_ERR_HASH_LEN,            /* hash TLV of the wrong length */
	IMAGE_ERR_HASH_MISMATCH,       /* the image does not match its hash */
	IMAGE_ERR_KEYHASH_LEN,         /* KEYHASH shorter or longer than the digest */
	IMAGE_ERR_UNTRUSTED_KEY,       /* signed by a key not in the trust store */
	IMAGE_ERR_PUBKEY_NOT_ACCEPTED, /* PUBKEY TLV, but this build trusts key hashes */
	IMAGE_ERR_KEYHASH_NOT_ACCEPTED,/* KEYHASH TLV, but this build wants the full key */
	IMAGE_ERR_NO_SIGNATURE,        /* no signature TLV of the configured type */
	IMAGE_ERR_BAD_SIGNATURE,       /* the signature does not verify */
	IMAGE_ERR_PURE_MISMATCH,       /* pure Ed25519 image vs digest-signing build, or the reverse */
	IMAGE_ERR_PURE_BUFFER,         /* pure Ed25519 needs the region in RAM; no room */
	IMAGE_ERR_SEC_CNT,             /* security counter TLV of the wrong length */
	IMAGE_ERR_DEPENDENCY,          /* dependency TLV malformed, or too many */
	IMAGE_ERR_ENCRYPTED,           /* encrypted image, and no key to decrypt it */
	IMAGE_ERR_ENC_KEY,             /* the image key cannot be recovered from its ENC TLV */
	IMAGE_ERR_IO,                  /* reading the flash failed */
	IMAGE_ERR_CRYPTO_MEMORY,       /* the crypto heap is too small to verify */
	IMAGE_ERR_ROLLBACK,            /* security counter below the device's */
};

const char *image_strerror(int err);

#endif
