/* libs/otadata/ota_app_sbv2.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 on an app in flash. The per-block rule is the ROM's
 * (sbv2_check_image in libs/espsecure/sbv2.c): the chip's blocks, schemes
 * and curves, key slots and revocation (libs/espsecure/secure_boot_chip.c,
 * as ESP-IDF's bootloader verifies apps by its chip's rule), digest,
 * trusted key, revocation, signature. That function takes the image in RAM; an app is
 * too big for a loader's RAM, so the same steps run here over a digest
 * hashed from flash, through sbv2.h's public block functions.
 */
#include "libs/otadata/ota_app_sbv2.h"

#include "drivers/efuse/efuse.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/crypto/crypto_heap.h"
#include "libs/espsecure/sbv2.h"
#include "libs/espsecure/secure_boot.h"

#include <string.h>

/* The eFuses' trusted digests: the present ones of the slots the chip
 * reads, each with its revoke bit where the chip has them. */
struct trusted_keys {
	uint8_t digest[3][SBV2_KEY_DIGEST_LEN];
	uint32_t revoked; /* bit i: digest[i] revoked */
	unsigned int n;
};

static int read_trusted(struct efuse_dev *ef, const struct secure_boot_chip_rule *rule,
			struct trusted_keys *t)
{
	uint8_t d[3][SBV2_KEY_DIGEST_LEN];
	uint32_t present, revoked;

	if (efuse_secure_boot_digests(ef, d, &present, &revoked) != 0)
		return -1;
	memset(t, 0, sizeof(*t));
	for (unsigned int i = 0; i < rule->digest_slots && i < 3; i++) {
		if (!(present & (1u << i)))
			continue;
		memcpy(t->digest[t->n], d[i], SBV2_KEY_DIGEST_LEN);
		if (rule->revocable)
			t->revoked |= ((revoked >> i) & 1u) << t->n;
		t->n++;
	}
	return 0;
}

/* SHA-256 or SHA-384 of the first `len` bytes of `part`, 4 KiB at a time. */
static int hash_part(struct mtd_dev *part, uint32_t len, enum crypto_hash_alg alg,
		     uint8_t *buf, uint8_t *out)
{
	struct crypto_hash h;

	if (crypto_hash_start(&h, alg) != 0)
		return -1;
	for (uint32_t off = 0; off < len; off += SBV2_SECTOR_SIZE) {
		uint32_t n = len - off < SBV2_SECTOR_SIZE ? len - off : SBV2_SECTOR_SIZE;

		if (mtd_read(part, off, buf, n) < 0 ||
		    crypto_hash_update(&h, buf, n) != 0)
			return -1;
	}
	return crypto_hash_finish(&h, out);
}

static enum sbv2_status check_block(const struct sbv2_block *b,
				    const uint8_t *digest,
				    const struct trusted_keys *t)
{
	uint8_t kd[SBV2_KEY_DIGEST_LEN];
	unsigned int j;

	if (crypto_memcmp_ct(b->digest, digest, b->digest_len) != 0)
		return SBV2_ERR_DIGEST;
	if (sbv2_block_key_digest(b, kd) != 0)
		return SBV2_ERR_CRYPTO;
	for (j = 0; j < t->n; j++)
		if (crypto_memcmp_ct(kd, t->digest[j], sizeof(kd)) == 0)
			break;
	if (j == t->n)
		return SBV2_ERR_KEY_UNKNOWN;
	if (t->revoked & (1u << j))
		return SBV2_ERR_KEY_REVOKED;
	return sbv2_block_verify(b, digest);
}

int ota_app_sbv2_check(const struct ota_app_policy *pol, struct mtd_dev *part,
		       uint32_t part_size, const struct esp_image *img)
{
	static uint8_t sector[SBV2_SECTOR_SIZE], buf[SBV2_SECTOR_SIZE];
	uint32_t en, signed_len;
	enum sbv2_status first = SBV2_ERR_UNSIGNED;
	const struct secure_boot_chip_rule *rule;
	struct trusted_keys t;
	uint8_t sha256[32], sha384[48];
	int have256 = 0, have384 = 0;

	if (pol->efuse == NULL ||
	    efuse_field_read(pol->efuse, EFUSE_SECURE_BOOT_EN, &en) != 0)
		return OTA_APP_ERR_EFUSE;
	if (!en)
		return 0;
	rule = secure_boot_chip_rule_by_name(pol->chip != NULL ? pol->chip->display : NULL);
	if (rule == NULL)
		return ota_app_signature_error(SBV2_ERR_SCHEME);
	if (read_trusted(pol->efuse, rule, &t) != 0)
		return OTA_APP_ERR_EFUSE;
	signed_len = (img->image_len + SBV2_SECTOR_SIZE - 1) & ~(SBV2_SECTOR_SIZE - 1);
	if (signed_len > part_size || part_size - signed_len < SBV2_SECTOR_SIZE)
		return ota_app_signature_error(SBV2_ERR_LENGTH);
	if (mtd_read(part, signed_len, sector, sizeof(sector)) < 0)
		return ESP_IMAGE_ERR_IO;
	for (unsigned int i = 0; i < rule->sig.blocks && i < SBV2_MAX_BLOCKS; i++) {
		struct sbv2_block b;
		enum sbv2_status s = sbv2_block_decode(sector + i * SBV2_BLOCK_SIZE, &b);

		if (s == SBV2_OK)
			s = sbv2_rule_accepts(&rule->sig, &b);

		if (s == SBV2_OK) {
			int p384 = b.digest_len == 48;
			uint8_t *digest = p384 ? sha384 : sha256;
			int *have = p384 ? &have384 : &have256;

			if (!*have && hash_part(part, signed_len, p384 ?
						CRYPTO_HASH_SHA384 : CRYPTO_HASH_SHA256,
						buf, digest) != 0)
				return ESP_IMAGE_ERR_IO;
			*have = 1;
			crypto_heap_ready(); /* crypto_sbv2.c allocates through mbedtls */
			s = check_block(&b, digest, &t);
		}
		if (s == SBV2_OK)
			return 0;
		if (first == SBV2_ERR_UNSIGNED && s != SBV2_ERR_ABSENT)
			first = s;
	}
	return ota_app_signature_error(first);
}
