/* drivers/efuse/efuse.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Virtual eFuses for the security chain, named as on the ESP32-C3/C6
 * (espefuse's names and key purposes), laid out by Slipway: BLOCK0 holds
 * the write-protect word (WR_DIS), the read-protect bits (RD_DIS) and the
 * fields; six 256-bit key blocks follow. Bits only go from 0 to 1; a
 * field whose WR_DIS bit is set refuses every burn; a read-protected key
 * block reads as -EACCES to software (the crypto "hardware" still gets it
 * through efuse_key_for_hw). Backends embed `struct efuse_dev` first:
 * efuse_otp.c (the sim's OTP file, or any drivers/otp provider) and
 * efuse_flash.c (kept in a flash region, as ESP-IDF's
 * CONFIG_EFUSE_VIRTUAL_KEEP_IN_FLASH, for QEMU). Negative errno returns.
 */
#ifndef SLIPWAY_DRIVERS_EFUSE_EFUSE_H
#define SLIPWAY_DRIVERS_EFUSE_EFUSE_H

#include <stddef.h>
#include <stdint.h>

#define EFUSE_BLOCK0_WORDS 5
#define EFUSE_KEY_BLOCKS 6
#define EFUSE_KEY_WORDS 8
#define EFUSE_KEY_LEN (EFUSE_KEY_WORDS * 4)
#define EFUSE_WORDS (EFUSE_BLOCK0_WORDS + EFUSE_KEY_BLOCKS * EFUSE_KEY_WORDS)

struct efuse_dev;

struct efuse_ops {
	/* Word `word` (< EFUSE_WORDS) of the backend. */
	int (*read)(struct efuse_dev *dev, unsigned int word, uint32_t *value);
	/* OR `bits` into the word; a backend never clears a bit. */
	int (*burn)(struct efuse_dev *dev, unsigned int word, uint32_t bits);
};

struct efuse_dev {
	const struct efuse_ops *ops;
};

enum efuse_field {
	EFUSE_WR_DIS,                   /* 32 write-protect bits */
	EFUSE_RD_DIS,                   /* 6 bits: key block n unreadable */
	EFUSE_DIS_PAD_JTAG,
	EFUSE_DIS_DOWNLOAD_MODE,
	EFUSE_SPI_BOOT_CRYPT_CNT,       /* 3 bits; odd popcount = encryption on */
	EFUSE_SECURE_BOOT_KEY_REVOKE0,
	EFUSE_SECURE_BOOT_KEY_REVOKE1,
	EFUSE_SECURE_BOOT_KEY_REVOKE2,
	EFUSE_SECURE_BOOT_EN,
	EFUSE_DIS_DOWNLOAD_MANUAL_ENCRYPT,
	EFUSE_KEY_PURPOSE_0,            /* ... _5: 4 bits each */
	EFUSE_KEY_PURPOSE_1,
	EFUSE_KEY_PURPOSE_2,
	EFUSE_KEY_PURPOSE_3,
	EFUSE_KEY_PURPOSE_4,
	EFUSE_KEY_PURPOSE_5,
	EFUSE_SECURE_VERSION,           /* 16-bit anti-rollback thermometer */
	EFUSE_FIELD_COUNT,
};

/* espefuse's key purposes (ESP32-C3 numbering). */
enum efuse_purpose {
	EFUSE_PURPOSE_USER = 0,
	EFUSE_PURPOSE_XTS_AES_256_KEY_1 = 2,
	EFUSE_PURPOSE_XTS_AES_256_KEY_2 = 3,
	EFUSE_PURPOSE_XTS_AES_128_KEY = 4,
	EFUSE_PURPOSE_SECURE_BOOT_DIGEST0 = 9,
	EFUSE_PURPOSE_SECURE_BOOT_DIGEST1 = 10,
	EFUSE_PURPOSE_SECURE_BOOT_DIGEST2 = 11,
};

const char *efuse_field_name(enum efuse_field f);

/* The field's value (right-aligned). */
int efuse_field_read(struct efuse_dev *dev, enum efuse_field f, uint32_t *value);
/*
 * Make the field `value`: 0 when it already is; -EROFS when that would
 * clear a burned bit; -EACCES when the field is write-protected; -ERANGE
 * when `value` does not fit. Idempotent, so a repeated step after a power
 * cut finishes instead of failing.
 */
int efuse_field_burn(struct efuse_dev *dev, enum efuse_field f, uint32_t value);
/* Set the field's WR_DIS bit. */
int efuse_write_protect(struct efuse_dev *dev, enum efuse_field f);
int efuse_is_write_protected(struct efuse_dev *dev, enum efuse_field f);

/*
 * Burn key block `block` with `key` and `purpose`, then write-protect both
 * and, if `read_protect`, set its RD_DIS bit (as espefuse burn_key). Each
 * step is skipped when already done, so a cut anywhere repeats or
 * finishes; a block holding another key or purpose is -EEXIST.
 */
int efuse_key_burn(struct efuse_dev *dev, unsigned int block,
		   const uint8_t key[EFUSE_KEY_LEN], enum efuse_purpose purpose,
		   int read_protect);
/* Software's read: -EACCES when read-protected. */
int efuse_key_read(struct efuse_dev *dev, unsigned int block,
		   uint8_t key[EFUSE_KEY_LEN]);
/* The first block with `purpose`, or -ENOENT. */
int efuse_key_find(struct efuse_dev *dev, enum efuse_purpose purpose,
		   unsigned int *block);
/* The crypto peripheral's path: the key of `purpose`, read protection or not. */
int efuse_key_for_hw(struct efuse_dev *dev, enum efuse_purpose purpose,
		     uint8_t key[EFUSE_KEY_LEN]);

/* 1 when SPI_BOOT_CRYPT_CNT has an odd number of bits (encryption on). */
int efuse_flash_encryption_enabled(struct efuse_dev *dev);
/*
 * The Secure Boot V2 digests: digest n is present when a key block has
 * purpose SECURE_BOOT_DIGESTn (bit n of *present), revoked when
 * SECURE_BOOT_KEY_REVOKEn is set (bit n of *revoked).
 */
int efuse_secure_boot_digests(struct efuse_dev *dev, uint8_t digests[3][32],
			      uint32_t *present, uint32_t *revoked);

#endif
