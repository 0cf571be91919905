/* tests/boot/test_espidf_secure_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Secure Boot V2 app verification in the ESP-IDF scheme: with the eFuse
 * SECURE_BOOT_EN burned, the loader refuses an app signed by a key not in
 * the eFuses, by a revoked key, an app changed after signing, an unsigned
 * one and one whose signature block is damaged, each by its own name, and
 * boots the next candidate; the agent's `end` refuses the same updates so
 * none can be set as the boot partition. With the bit clear nothing is
 * checked. Keys are made here (ECDSA P-256, quick), signed with the
 * host tool's signer (tools/slipway/esp_secure_key.c) as `slipway esp
 * secure sign-data` signs.
 */
#include "tests/test.h"

#include "libs/espsecure/sbv2.h"
#include "libs/otadata/ota_app_sbv2.h"
#include "libs/util/le.h"
#include "tests/boot/espidf_signed.h"

#include <errno.h>
#include <string.h>

enum { KEY_A = ESPIDF_KEY_A, KEY_B = ESPIDF_KEY_B, KEY_C = ESPIDF_KEY_C, KEY_E = ESPIDF_KEY_E };

static struct espidf_dev dev;
static struct ota_parts parts;
static struct efuse_dev *efuse;

#define SIGNED_MAX ESPIDF_SIGNED_MAX

static size_t make_signed(uint8_t *out, const char *tag, const int *k)
{
	return espidf_make_signed(out, tag, 0, k);
}

static void put(uint32_t offset, const uint8_t *img, size_t len)
{
	memset(dev.mem + offset, 0xff, ESPIDF_DEV_APP_SIZE);
	memcpy(dev.mem + offset, img, len);
}

static void put_signed(uint32_t offset, const char *tag, const int *k)
{
	espidf_dev_put_signed(&dev, offset, tag, 0, k);
}

static struct ota_app_policy policy(void)
{
	return espidf_secure_policy();
}

static int setup(void **state)
{
	(void)state;
	espidf_keys_make();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	espidf_keys_free();
	return 0;
}

/* Factory and two OTA apps; eFuses with A in slot 0, B in slot 1 revoked. */
static int fresh(void **state)
{
	static const int a[] = { KEY_A, -1 };

	(void)state;
	espidf_dev_init(&dev, 2, 1, 0);
	put_signed(ESPIDF_DEV_FACTORY, "factory", a);
	efuse = espidf_efuse_fresh(0);
	return 0;
}

static void secure_boot_on(void)
{
	assert_int_equal(efuse_field_burn(efuse, EFUSE_SECURE_BOOT_EN, 1), 0);
}

static int check_in(uint32_t offset, uint32_t size)
{
	struct ota_app_policy pol = policy();
	struct esp_part part = { .offset = offset, .size = size };
	struct esp_image img;

	return ota_app_check(&dev.fl.mtd, &part, &pol, &img);
}

static int check(uint32_t offset)
{
	return check_in(offset, ESPIDF_DEV_APP_SIZE);
}

static void assert_refused_in(uint32_t offset, uint32_t size,
			      enum sbv2_status why, const char *name)
{
	int rc = check_in(offset, size);

	assert_int_equal(rc, ota_app_signature_error(why));
	assert_non_null(strstr(ota_app_strerror(rc), name));
}

static void assert_refused(uint32_t offset, enum sbv2_status why,
			   const char *name)
{
	assert_refused_in(offset, ESPIDF_DEV_APP_SIZE, why, name);
}

/* Each refusal by its name; the accepted cases beside them. */
static void test_refusals_named(void **state)
{
	static const int a[] = { KEY_A, -1 }, b[] = { KEY_B, -1 },
			 c[] = { KEY_C, -1 }, ca[] = { KEY_C, KEY_A, -1 },
			 e[] = { KEY_E, -1 }, none[] = { -1 };
	static uint8_t img[SIGNED_MAX], other[SIGNED_MAX];
	size_t len;

	(void)state;
	put_signed(ESPIDF_DEV_OTA(0), "unsigned", none);
	assert_int_equal(check(ESPIDF_DEV_OTA(0)), 0); /* eFuse bit clear */
	secure_boot_on();
	assert_int_equal(check(ESPIDF_DEV_FACTORY), 0);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_UNSIGNED, "unsigned");
	put_signed(ESPIDF_DEV_OTA(0), "wrongkey", c);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_KEY_UNKNOWN, "key not in the eFuses");
	put_signed(ESPIDF_DEV_OTA(0), "revoked", b);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_KEY_REVOKED, "revoked key");
	/* Tampered: another valid image of the same length under A's sector. */
	len = make_signed(img, "signed", a);
	make_signed(other, "changed", none);
	memcpy(img, other, len - SBV2_SECTOR_SIZE);
	put(ESPIDF_DEV_OTA(0), img, len);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_DIGEST, "tampered");
	/* A damaged block: its CRC. */
	len = make_signed(img, "crc", a);
	img[len - SBV2_SECTOR_SIZE + 100] ^= 1;
	put(ESPIDF_DEV_OTA(0), img, len);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_CRC, "CRC");
	/* The signature's own bytes changed (CRC recomputed by the signer
	 * over the good block, so: re-sign, then break the signature). */
	len = make_signed(img, "badsig", a);
	img[len - SBV2_SECTOR_SIZE + 4 + 32 + 776 + 3] ^= 1; /* RSA: after n, e, rinv, m' */
	put_le32(img + len - SBV2_SECTOR_SIZE + SBV2_CRC_LEN,
		 sbv2_crc32(img + len - SBV2_SECTOR_SIZE, SBV2_CRC_LEN));
	put(ESPIDF_DEV_OTA(0), img, len);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_SIGNATURE, "does not verify");
	/* A partition that ends where the signed data does. */
	put_signed(ESPIDF_DEV_OTA(0), "noroom", a);
	assert_refused_in(ESPIDF_DEV_OTA(0), SBV2_SECTOR_SIZE, SBV2_ERR_LENGTH,
			  "no room");
	/* An ECDSA block on a C3, whose rule is RSA only (esp-formats.md 6.1,
	 * libs/espsecure/secure_boot_chip.c): refused before its key is looked
	 * up, even with its digest in the eFuses. */
	put_signed(ESPIDF_DEV_OTA(0), "ecdsa", e);
	assert_refused(ESPIDF_DEV_OTA(0), SBV2_ERR_SCHEME, "scheme this chip does not accept");
	/* An unknown key's block first, a trusted one second: accepted. */
	put_signed(ESPIDF_DEV_OTA(0), "second", ca);
	assert_int_equal(check(ESPIDF_DEV_OTA(0)), 0);
}

/* The loader: otadata chooses an app signed by an unknown key; it is
 * refused and factory boots; once signed by A it boots. */
static void test_loader_falls_back(void **state)
{
	static const int a[] = { KEY_A, -1 }, c[] = { KEY_C, -1 };
	struct espidf_boot_cfg cfg = espidf_dev_boot_cfg(&dev, 1, 0);
	struct ota_espidf_config ac = espidf_dev_agent_cfg(&dev, 1, 0,
							   ESPIDF_DEV_FACTORY);
	struct espidf_boot_result r;
	struct ota_espidf o;

	(void)state;
	secure_boot_on();
	cfg.app = policy();
	ac.app = policy();
	/* Staged outside the agent (as a flasher would), set by otadata. */
	put_signed(ESPIDF_DEV_OTA(0), "wrongkey", c);
	put_signed(ESPIDF_DEV_OTA(1), "good", a);
	ac.app.check_signature = NULL; /* set_boot would refuse it: skip */
	assert_int_equal(ota_espidf_init(&o, &ac), 0);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[0]), 0);
	assert_int_equal(espidf_boot_select(&cfg, &parts, &r), 0);
	assert_int_equal(r.part->offset, ESPIDF_DEV_FACTORY);
	assert_int_equal(r.refused, 1);
	put_signed(ESPIDF_DEV_OTA(0), "resigned", a);
	ac.app = policy();
	assert_int_equal(ota_espidf_init(&o, &ac), 0);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), 0);
	assert_int_equal(espidf_boot_select(&cfg, &parts, &r), 0);
	assert_int_equal(r.part->offset, ESPIDF_DEV_OTA(1));
	assert_int_equal(r.refused, 0);
}

static int stage(struct ota_espidf *o, const struct esp_part *part,
		 const uint8_t *img, size_t len, int *reason)
{
	struct ota_espidf_handle h;
	int rc = ota_espidf_begin(o, part, (uint32_t)len, &h);

	for (size_t off = 0; rc == 0 && off < len; off += 777)
		rc = ota_espidf_write(&h, img + off, len - off < 777 ? len - off : 777);
	if (rc == 0)
		rc = ota_espidf_end(&h);
	*reason = h.reason;
	return rc;
}

/* The agent's end: the same refusals; a refused update cannot be set. */
static void test_agent_end(void **state)
{
	static const int a[] = { KEY_A, -1 }, b[] = { KEY_B, -1 },
			 c[] = { KEY_C, -1 }, none[] = { -1 };
	static const struct { const int *k; int ok; } cases[] = {
		{ c, 0 }, { b, 0 }, { none, 0 }, { a, 1 },
	};
	struct ota_espidf_config ac = espidf_dev_agent_cfg(&dev, 1, 0,
							   ESPIDF_DEV_FACTORY);
	static uint8_t img[SIGNED_MAX];
	struct ota_espidf o;
	int reason;

	(void)state;
	secure_boot_on();
	ac.app = policy();
	assert_int_equal(ota_espidf_init(&o, &ac), 0);
	for (unsigned int i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t len = make_signed(img, "update", cases[i].k);
		int rc = stage(&o, o.parts.ota[0], img, len, &reason);

		if (cases[i].ok) {
			assert_int_equal(rc, 0);
			assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[0]), 0);
		} else {
			assert_int_equal(rc, -EBADMSG);
			assert_true(reason <= OTA_APP_ERR_SIGNATURE);
			assert_int_not_equal(ota_espidf_set_boot(&o, o.parts.ota[0]), 0);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_refusals_named, fresh),
		cmocka_unit_test_setup(test_loader_falls_back, fresh),
		cmocka_unit_test_setup(test_agent_end, fresh),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
