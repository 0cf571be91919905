/* libs/espsecure/fe_inplace.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The first boot's in-place flash encryption, resumable after a power cut
 * at any flash operation. Each sector of the ranges goes: copy its
 * plaintext to a scratch sector, journal "copied k", erase it, program it
 * encrypted from the scratch copy (XTS, its own address's tweak; granules
 * still erased are left erased), journal "encrypted k". A journal record
 * is written only after what it reports is complete, so any record that
 * is not erased - even torn - is true;
 * the ciphertext is always made from the plaintext (the sector itself
 * before its record, the scratch copy after), so no sector is lost or
 * encrypted twice. The journal must be erased when a new
 * encryption starts; once fe_encrypt_in_place returns 0 the caller burns
 * SPI_BOOT_CRYPT_CNT (so a cut before that burn finds everything done and
 * returns 0 again).
 */
#ifndef SLIPWAY_LIBS_ESPSECURE_FE_INPLACE_H
#define SLIPWAY_LIBS_ESPSECURE_FE_INPLACE_H

#include "drivers/mtd/mtd.h"
#include "drivers/mtd/mtd_xts.h"
#include "libs/crypto/crypto_xts.h"

struct fe_inplace {
	struct mtd_dev *raw;               /* the flash, no encryption layer */
	struct crypto_esp_xts *xts;
	uint32_t flash_base;               /* physical address of raw's 0 */
	const struct mtd_xts_range *ranges; /* sector-aligned, in order */
	unsigned int nranges;
	uint32_t scratch_off;              /* one sector, outside the ranges */
	uint32_t journal_off, journal_size; /* whole sectors, outside them too;
					     * size 0: one sector */
};

/*
 * Encrypt what is not yet encrypted. 0 when every sector is; -EINVAL for
 * a bad layout (unaligned ranges, scratch or journal inside them or too
 * small), -ENOSPC when the journal cannot hold two records per sector, or
 * the flash's error.
 */
int fe_encrypt_in_place(const struct fe_inplace *p);

/* Sectors encrypted so far (from the journal), or a negative errno. */
int fe_inplace_progress(const struct fe_inplace *p, unsigned int *done,
			unsigned int *total);

#endif
