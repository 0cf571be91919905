/* libs/image/image_error.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/image/image_error.h"

#include <string.h>

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
/*
 * The sentences in the enum's order from IMAGE_ERR_EMPTY down, one string
 * each after the other: no pointer table and no jump table (the lookup
 * is a walk over at most 28 strings, for a message).
 */
static const char sentences[] =
	"slot is empty\0"
	"bad image magic\0"
	"header size below 32 bytes\0"
	"image size runs past the end of the slot\0"
	"contradictory or unsupported header flags\0"
	"protected TLV block size disagrees with the header\0"
	"no TLV info header after the image body\0"
	"TLV area runs past the end of the slot\0"
	"a TLV runs past the end of its block\0"
	"no image hash TLV of the configured type\0"
	"image hash TLV has the wrong length\0"
	"image hash mismatch\0"
	"KEYHASH TLV is not a full digest\0"
	"signed by an untrusted key\0"
	"image carries a full public key; this build trusts key hashes only\0"
	"image names its key by hash; this build needs the full key\0"
	"no signature of the configured type\0"
	"signature does not verify\0"
	"pure/digest Ed25519 mode differs from this build's\0"
	"image too large for pure Ed25519 verification buffer\0"
	"security counter TLV malformed\0"
	"dependency TLV malformed or too many\0"
	"encrypted image and no decryption key\0"
	"cannot recover the image key from its ENC TLV\0"
	"flash read failed\0"
	"crypto heap too small to verify (raise CONFIG_CRYPTO_HEAP_SIZE)\0"
	"security counter below the device's (rollback)\0";

_Static_assert(IMAGE_ERR_ROLLBACK - IMAGE_ERR_EMPTY == 26,
	       "image_strerror's sentences follow image_error.h's enum");

const char *image_strerror(int err)
{
	const char *s = sentences;

	if (err == IMAGE_OK)
		return "valid";
	if (err < IMAGE_ERR_EMPTY || err > IMAGE_ERR_ROLLBACK)
		return "unknown image error";
	for (int i = err - IMAGE_ERR_EMPTY; i > 0; i--)
		s += strlen(s) + 1;
	return s;
}
#endif
