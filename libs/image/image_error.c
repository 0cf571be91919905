/* libs/image/image_error.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/image/image_error.h"

#if defined(CONFIG_LOG_LEVEL) && CONFIG_LOG_LEVEL == 0
#include <stdio.h>

/*
 * Log level none: no message prints a reason, so the sentences (1.5 KiB)
 * are left out; what still shows one (SMP's "rsn", the reference OS)
 * gets the reason's number, as image_error.h lists them.
 */
const char *image_strerror(int err)
{
	static char text[24];

	snprintf(text, sizeof(text), "image error %d", err);
	return text;
}
#else
const char *image_strerror(int err)
{
	switch (err) {
	case IMAGE_OK: return "valid";
	case IMAGE_ERR_EMPTY: return "slot is empty";
	case IMAGE_ERR_BAD_MAGIC: return "bad image magic";
	case IMAGE_ERR_HDR_SIZE: return "header size below 32 bytes";
	case IMAGE_ERR_SIZE_PAST_SLOT: return "image size runs past the end of the slot";
	case IMAGE_ERR_FLAGS: return "contradictory or unsupported header flags";
	case IMAGE_ERR_PROT_TLV_SIZE: return "protected TLV block size disagrees with the header";
	case IMAGE_ERR_TLV_MAGIC: return "no TLV info header after the image body";
	case IMAGE_ERR_TLV_AREA_PAST_END: return "TLV area runs past the end of the slot";
	case IMAGE_ERR_TLV_LEN: return "a TLV runs past the end of its block";
	case IMAGE_ERR_NO_HASH: return "no image hash TLV of the configured type";
	case IMAGE_ERR_HASH_LEN: return "image hash TLV has the wrong length";
	case IMAGE_ERR_HASH_MISMATCH: return "image hash mismatch";
	case IMAGE_ERR_KEYHASH_LEN: return "KEYHASH TLV is not a full digest";
	case IMAGE_ERR_UNTRUSTED_KEY: return "signed by an untrusted key";
	case IMAGE_ERR_PUBKEY_NOT_ACCEPTED: return "image carries a full public key; this build trusts key hashes only";
	case IMAGE_ERR_KEYHASH_NOT_ACCEPTED: return "image names its key by hash; this build needs the full key";
	case IMAGE_ERR_NO_SIGNATURE: return "no signature of the configured type";
	case IMAGE_ERR_BAD_SIGNATURE: return "signature does not verify";
	case IMAGE_ERR_PURE_MISMATCH: return "pure/digest Ed25519 mode differs from this build's";
	case IMAGE_ERR_PURE_BUFFER: return "image too large for pure Ed25519 verification buffer";
	case IMAGE_ERR_SEC_CNT: return "security counter TLV malformed";
	case IMAGE_ERR_DEPENDENCY: return "dependency TLV malformed or too many";
	case IMAGE_ERR_ROLLBACK: return "security counter below the device's (rollback)";
	case IMAGE_ERR_ENCRYPTED: return "encrypted image and no decryption key";
	case IMAGE_ERR_ENC_KEY: return "cannot recover the image key from its ENC TLV";
	case IMAGE_ERR_IO: return "flash read failed";
	case IMAGE_ERR_CRYPTO_MEMORY: return "crypto heap too small to verify (raise CONFIG_CRYPTO_HEAP_SIZE)";
	default: return "unknown image error";
	}
}
#endif
