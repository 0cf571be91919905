/* libs/espsecure/flash_encryption.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/espsecure/flash_encryption.h"
#include "drivers/efuse/efuse_kconfig.h"
#include "drivers/mtd/mtd_xts.h"
#include "libs/espsecure/fe_inplace.h"
#include "libs/log/log.h"

#include <errno.h>
#include <string.h>

#if defined(CONFIG_FLASH_ENCRYPTION_RELEASE)
#define FE_MODE "release"
#else
#define FE_MODE "development"
#endif

static struct efuse_dev *fuses;
static struct crypto_esp_xts xts;
static struct mtd_xts layer;
static const struct mtd_xts_range range = {
	CONFIG_FLASH_ENCRYPTION_OFFSET,
	CONFIG_FLASH_ENCRYPTION_OFFSET + CONFIG_FLASH_ENCRYPTION_SIZE,
};

/*
 * The flash-encryption key: the burned one, or a new one burned now into
 * key block CONFIG_FLASH_ENCRYPTION_KEY_BLOCK. A burn cut short (a reset
 * between two eFuse words) left the first words of a key nobody holds:
 * they are kept and only the words still blank are drawn, so the block is
 * finished, not lost (a word torn inside itself keeps its burned bits: a
 * little less entropy in that word, never a failure).
 */
static int get_key(int (*random)(void *buf, size_t len), uint8_t key[32])
{
	unsigned int b = CONFIG_FLASH_ENCRYPTION_KEY_BLOCK;
	uint8_t fresh[32];
	uint32_t p;
	int rc = efuse_key_find(fuses, EFUSE_PURPOSE_XTS_AES_128_KEY, &b);

	if (rc == 0) {
		/* Burned (its purpose comes after the whole key): finish the
		 * protections a cut may have left undone. */
		rc = efuse_key_for_hw(fuses, EFUSE_PURPOSE_XTS_AES_128_KEY, key);
		return rc < 0 ? rc : efuse_key_burn(fuses, b, key,
						    EFUSE_PURPOSE_XTS_AES_128_KEY, 1);
	}
	if (rc != -ENOENT)
		return rc;
	b = CONFIG_FLASH_ENCRYPTION_KEY_BLOCK;
	if ((rc = efuse_field_read(fuses,
				   (enum efuse_field)(EFUSE_KEY_PURPOSE_0 + b), &p)) < 0)
		return rc;
	if ((p & ~(uint32_t)EFUSE_PURPOSE_XTS_AES_128_KEY) != 0)
		return -EEXIST; /* the block is someone else's */
	if ((rc = efuse_key_read(fuses, b, key)) < 0 ||
	    (rc = random(fresh, sizeof(fresh))) < 0)
		return rc;
	for (unsigned int w = 0; w < 8; w++)
		if (!(key[4 * w] | key[4 * w + 1] | key[4 * w + 2] | key[4 * w + 3]))
			memcpy(key + 4 * w, fresh + 4 * w, 4);
	memset(fresh, 0, sizeof(fresh));
	return efuse_key_burn(fuses, b, key, EFUSE_PURPOSE_XTS_AES_128_KEY, 1);
}

/* SPI_BOOT_CRYPT_CNT to the next odd count: its lowest clear bit set. */
static int raise_counter(void)
{
	uint32_t cnt;
	int rc = efuse_field_read(fuses, EFUSE_SPI_BOOT_CRYPT_CNT, &cnt);

	if (rc < 0)
		return rc;
	if (efuse_flash_encryption_enabled(fuses) == 1)
		return 0;
	if (cnt == 0x7)
		return -ENOSPC;
	return efuse_field_burn(fuses, EFUSE_SPI_BOOT_CRYPT_CNT,
				cnt | ((cnt + 1) & ~cnt));
}

static int first_boot(struct mtd_dev *raw)
{
	struct fe_inplace job = { raw, &xts, 0, &range, 1,
				  CONFIG_FLASH_ENCRYPTION_SCRATCH_OFFSET,
				  CONFIG_FLASH_ENCRYPTION_JOURNAL_OFFSET,
				  CONFIG_FLASH_ENCRYPTION_JOURNAL_SIZE };
	unsigned int done, total;
	int rc = fe_inplace_progress(&job, &done, &total);

	if (rc < 0)
		return rc;
	log_info("flash encryption: first boot: encrypting 0x%x..0x%x in place "
		 "(%u of %u sectors done)", (unsigned int)range.start,
		 (unsigned int)range.end, done, total);
	if ((rc = fe_encrypt_in_place(&job)) < 0 || (rc = raise_counter()) < 0)
		return rc;
	log_info("flash encryption: on (" FE_MODE " mode)");
	return 0;
}

#if defined(CONFIG_FLASH_ENCRYPTION_RELEASE)
/*
 * Release mode's locks, as ESP-IDF's release mode with ROM download mode
 * disabled: no plaintext written through download mode, no JTAG, no
 * download mode, and the counter write-protected at its odd count. Run on
 * every boot with encryption on, each step skipped when done, so a power
 * cut between the counter and the locks still ends locked.
 */
static int release_locks(void)
{
	int rc;

	if ((rc = efuse_field_burn(fuses, EFUSE_DIS_DOWNLOAD_MANUAL_ENCRYPT, 1)) < 0 ||
	    (rc = efuse_field_burn(fuses, EFUSE_DIS_PAD_JTAG, 1)) < 0 ||
	    (rc = efuse_field_burn(fuses, EFUSE_DIS_DOWNLOAD_MODE, 1)) < 0)
		return rc;
	return efuse_write_protect(fuses, EFUSE_SPI_BOOT_CRYPT_CNT);
}
#endif

struct mtd_dev *flash_encryption_open(struct mtd_dev *raw,
				      int (*random)(void *buf, size_t len))
{
	uint8_t key[32];
	int rc, on;

	if (layer.lower != NULL)
		return &layer.mtd;
	fuses = efuse_kconfig_open(raw);
	if (fuses == NULL) {
		log_error("flash encryption: the eFuses cannot be opened "
			  "(CONFIG_EFUSE_*)");
		return NULL;
	}
	on = efuse_flash_encryption_enabled(fuses);
	rc = on < 0 ? on : get_key(random, key);
	if (rc == 0)
		rc = crypto_esp_xts_init(&xts, key, sizeof(key));
	memset(key, 0, sizeof(key));
	if (rc == 0 && on == 0)
		rc = first_boot(raw);
#if defined(CONFIG_FLASH_ENCRYPTION_RELEASE)
	if (rc == 0)
		rc = release_locks();
#endif
	if (rc == 0)
		rc = mtd_xts_init(&layer, raw, &xts, 0, &range, 1);
	if (rc < 0) {
		log_error("flash encryption: %d; not starting", rc);
		layer.lower = NULL;
		return NULL;
	}
	return &layer.mtd;
}
