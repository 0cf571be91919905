/* tests/boot/test_espidf_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF boot scheme end to end on a RAM flash: the loader's choice
 * (boot/loader/espidf_boot.c) and the agent's OTA API
 * (boot/agent/ota_espidf.c) through updates, confirmation, rollback,
 * rejection, refusals of corrupt tables and images (named, the next
 * candidate booted, nothing erased), anti-rollback, factory reset and the
 * test app.
 */
#include "tests/test.h"

#include "tests/boot/espidf_device.h"

#include <errno.h>
#include <string.h>

static struct espidf_dev dev;
static struct ota_parts parts;

static int boot(int rollback, int anti, struct espidf_boot_result *r)
{
	struct espidf_boot_cfg cfg = espidf_dev_boot_cfg(&dev, rollback, anti);

	return espidf_boot_select(&cfg, &parts, r);
}

static uint32_t boots_at(int rollback, int anti)
{
	struct espidf_boot_result r;

	assert_int_equal(boot(rollback, anti, &r), 0);
	return r.part->offset;
}

static void agent(struct ota_espidf *o, int rollback, int anti,
		  uint32_t running)
{
	struct ota_espidf_config c = espidf_dev_agent_cfg(&dev, rollback, anti,
							  running);

	assert_int_equal(ota_espidf_init(o, &c), 0);
}

/* Stage an image into `part` through begin/write/end in odd chunks. */
static int stage(struct ota_espidf *o, const struct esp_part *part,
		 const char *tag, uint32_t sv)
{
	static uint8_t img[1024];
	struct ota_espidf_handle h;
	size_t len = espidf_make_app(img, sizeof(img), tag, sv, 0x0005);
	int rc = ota_espidf_begin(o, part, (uint32_t)len, &h);

	if (rc != 0)
		return rc;
	for (size_t off = 0; off < len; off += 77) {
		rc = ota_espidf_write(&h, img + off, len - off < 77 ? len - off : 77);
		if (rc != 0)
			return rc;
	}
	return ota_espidf_end(&h);
}

static int setup(void **state)
{
	(void)state;
	espidf_dev_init(&dev, 2, 1, 1);
	espidf_dev_put_app(&dev, ESPIDF_DEV_FACTORY, "factory", 0);
	espidf_dev_put_app(&dev, espidf_dev_test_offset(), "test", 0);
	return 0;
}

/* Update to ota_0 on trial, confirm; ota_1 on trial, not confirmed:
 * rolled back to ota_0; ota_1 rejected by the app itself. */
static void test_update_confirm_rollback(void **state)
{
	struct ota_espidf o;
	uint32_t st;

	(void)state;
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_FACTORY);
	agent(&o, 1, 0, ESPIDF_DEV_FACTORY);
	assert_ptr_equal(ota_espidf_next_update(&o, NULL), parts.ota[0] ? o.parts.ota[0] : NULL);
	assert_int_equal(stage(&o, o.parts.ota[0], "v2", 0), 0);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[0]), 0);
	assert_int_equal(ota_espidf_state(&o, o.parts.ota[0], &st), 0);
	assert_int_equal(st, OTADATA_STATE_NEW);
	assert_ptr_equal(ota_espidf_boot_partition(&o), o.parts.ota[0]);

	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_OTA(0)); /* trial */
	agent(&o, 1, 0, ESPIDF_DEV_OTA(0));
	assert_int_equal(ota_espidf_state(&o, o.parts.ota[0], &st), 0);
	assert_int_equal(st, OTADATA_STATE_PENDING_VERIFY);
	assert_int_equal(stage(&o, o.parts.ota[1], "v3", 0), -EBUSY);
	assert_int_equal(ota_espidf_mark_valid(&o), 0);
	assert_int_equal(ota_espidf_state(&o, o.parts.ota[0], &st), 0);
	assert_int_equal(st, OTADATA_STATE_VALID);
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_OTA(0));

	/* ota_1 on trial, never confirmed: ABORTED, back to ota_0. */
	assert_ptr_equal(ota_espidf_next_update(&o, NULL), o.parts.ota[1]);
	assert_int_equal(stage(&o, o.parts.ota[0], "x", 0), -EBUSY); /* running */
	assert_int_equal(stage(&o, o.parts.ota[1], "v3", 0), 0);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), 0);
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_OTA(1));
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_OTA(0));
	agent(&o, 1, 0, ESPIDF_DEV_OTA(0));
	assert_ptr_equal(ota_espidf_last_invalid(&o), o.parts.ota[1]);
	assert_int_equal(ota_espidf_state(&o, o.parts.ota[1], &st), 0);
	assert_int_equal(st, OTADATA_STATE_ABORTED);

	/* ota_1 again; this time the app rejects itself. */
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), 0);
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_OTA(1));
	agent(&o, 1, 0, ESPIDF_DEV_OTA(1));
	assert_int_equal(ota_espidf_mark_invalid(&o), 0);
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_OTA(0));

	/* Back to factory: otadata erased. */
	agent(&o, 1, 0, ESPIDF_DEV_OTA(0));
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.factory), 0);
	assert_int_equal(boots_at(1, 0), ESPIDF_DEV_FACTORY);
	assert_int_equal(ota_espidf_mark_valid(&o), -ENOENT); /* factory runs */
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.test), -EINVAL);
}

/* Without rollback: set boot writes UNDEFINED and the new app just runs. */
static void test_no_rollback(void **state)
{
	struct ota_espidf o;
	uint32_t st;

	(void)state;
	agent(&o, 0, 0, ESPIDF_DEV_FACTORY);
	assert_int_equal(stage(&o, o.parts.ota[1], "v2", 0), 0);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), 0);
	assert_int_equal(ota_espidf_state(&o, o.parts.ota[1], &st), 0);
	assert_int_equal(st, OTADATA_STATE_UNDEFINED);
	assert_int_equal(boots_at(0, 0), ESPIDF_DEV_OTA(1));
	assert_int_equal(boots_at(0, 0), ESPIDF_DEV_OTA(1));
}

/* Corrupt images and tables: named refusals, the next candidate boots,
 * nothing is erased. */
static void test_refusals(void **state)
{
	struct ota_espidf o;
	struct espidf_boot_result r;
	uint8_t keep[ESPIDF_DEV_APP_SIZE];
	struct otadata_entry e[2], w;
	struct mtd_window win;
	int sector;

	(void)state;
	espidf_dev_put_app(&dev, ESPIDF_DEV_OTA(0), "v2", 0);
	espidf_dev_put_app(&dev, ESPIDF_DEV_OTA(1), "v3", 0);
	dev.mem[ESPIDF_DEV_OTA(1) + 400] ^= 1; /* checksum and hash now wrong */
	memcpy(keep, dev.mem + ESPIDF_DEV_OTA(1), sizeof(keep));
	agent(&o, 1, 0, ESPIDF_DEV_FACTORY);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), -EBADMSG);

	/* otadata names ota_1 anyway (as a tool could write it). */
	assert_int_equal(mtd_window_init(&win, &dev.fl.mtd, ESPIDF_DEV_OTADATA, 0x2000), 0);
	assert_int_equal(otadata_read(&win.mtd, e), 0);
	assert_int_equal(otadata_set_boot(e, 1, 2, 0, &sector, &w), 0);
	assert_int_equal(otadata_write_entry(&win.mtd, sector, &w), 0);
	assert_int_equal(boot(1, 0, &r), 0);
	assert_int_equal(r.refused, 1);
	assert_int_equal(r.candidate, 0); /* lower index next */
	assert_memory_equal(dev.mem + ESPIDF_DEV_OTA(1), keep, sizeof(keep));

	/* An image for another chip (ESP32-C6) in ota_0 too: factory. */
	{
		uint8_t img[1024];
		size_t len = espidf_make_app(img, sizeof(img), "c6", 0, 0x000d);

		memset(dev.mem + ESPIDF_DEV_OTA(0), 0xff, ESPIDF_DEV_APP_SIZE);
		memcpy(dev.mem + ESPIDF_DEV_OTA(0), img, len);
	}
	assert_int_equal(boot(1, 0, &r), 0);
	assert_int_equal(r.candidate, OTADATA_FACTORY);
	assert_int_equal(r.refused, 2);

	/* Nothing valid but test: test is the last resort. */
	dev.mem[ESPIDF_DEV_FACTORY] = 0;
	assert_int_equal(boot(1, 0, &r), 0);
	assert_int_equal(r.candidate, OTADATA_TEST);
	dev.mem[espidf_dev_test_offset()] = 0;
	assert_int_equal(boot(1, 0, &r), -ENOENT);

	/* A table whose MD5 does not match: nothing boots. */
	dev.mem[ESP_PART_TABLE_OFFSET + 5] ^= 1;
	assert_int_equal(boot(1, 0, &r), -EINVAL);
	espidf_dev_init(&dev, 2, 1, 1);
	espidf_dev_put_app(&dev, ESPIDF_DEV_FACTORY, "factory", 0);
	espidf_dev_put_app(&dev, espidf_dev_test_offset(), "test", 0);
}

/* secure_version against the counter: staging, loading, raising. */
static void test_anti_rollback(void **state)
{
	struct ota_espidf o;
	struct ota_espidf_handle h;
	struct espidf_boot_result r;

	(void)state;
	agent(&o, 1, 1, ESPIDF_DEV_FACTORY);
	assert_int_equal(stage(&o, o.parts.ota[0], "sv2", 2), 0);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[0]), 0);
	assert_int_equal(boots_at(1, 1), ESPIDF_DEV_OTA(0));
	assert_int_equal(dev.counter.value, 0); /* not before confirmation */
	agent(&o, 1, 1, ESPIDF_DEV_OTA(0));
	assert_int_equal(ota_espidf_mark_valid(&o), 0);
	assert_int_equal(dev.counter.value, 2);
	/* An older secure_version: refused by end and by set boot. */
	assert_int_equal(ota_espidf_begin(&o, o.parts.ota[1], 1024, &h), 0);
	ota_espidf_abort(&h);
	assert_int_equal(stage(&o, o.parts.ota[1], "sv1", 1), -EBADMSG);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), -EBADMSG);
	/* The loader refuses factory (secure_version 0) now: ota_0 is
	 * erased, so only test... which is secure_version 0 too. */
	memset(dev.mem + ESPIDF_DEV_OTA(0), 0xff, 16);
	assert_int_equal(boot(1, 1, &r), -ENOENT);
	assert_true(r.refused >= 3);
	dev.counter.value = 0;
}

static void test_factory_reset_and_test_pin(void **state)
{
	struct espidf_boot_cfg cfg;
	struct espidf_boot_result r;
	struct ota_espidf o;

	(void)state;
	espidf_dev_init(&dev, 2, 1, 1);
	espidf_dev_put_app(&dev, ESPIDF_DEV_FACTORY, "factory", 0);
	espidf_dev_put_app(&dev, espidf_dev_test_offset(), "test", 0);
	espidf_dev_put_app(&dev, ESPIDF_DEV_OTA(1), "v2", 0);
	memset(dev.mem + ESPIDF_DEV_NVS, 0x11, 0x3000);
	memset(dev.mem + ESPIDF_DEV_USERDATA, 0x22, 0x1000);
	agent(&o, 1, 0, ESPIDF_DEV_FACTORY);
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), 0);

	cfg = espidf_dev_boot_cfg(&dev, 1, 0);
	cfg.test_app = 1;
	assert_int_equal(espidf_boot_select(&cfg, &parts, &r), 0);
	assert_int_equal(r.candidate, OTADATA_TEST);

	/* Factory reset without erasing otadata: nvs erased, ota_1 (its
	 * trial already begun by the boot above) is aborted as ESP-IDF's
	 * choice says; userdata untouched. */
	cfg = espidf_dev_boot_cfg(&dev, 1, 0);
	cfg.factory_reset = 1;
	cfg.erase_list = " nvs , missing";
	assert_int_equal(espidf_boot_select(&cfg, &parts, &r), 0);
	assert_true(r.factory_reset_done);
	assert_int_equal(dev.mem[ESPIDF_DEV_NVS + 0x2fff], 0xff);
	assert_int_equal(dev.mem[ESPIDF_DEV_USERDATA], 0x22);

	/* With otadata erased: factory. */
	assert_int_equal(ota_espidf_set_boot(&o, o.parts.ota[1]), 0);
	cfg.erase_otadata = 1;
	cfg.erase_list = "userdata";
	assert_int_equal(espidf_boot_select(&cfg, &parts, &r), 0);
	assert_int_equal(r.candidate, OTADATA_FACTORY);
	assert_int_equal(dev.mem[ESPIDF_DEV_USERDATA], 0xff);
	assert_int_equal(dev.mem[ESPIDF_DEV_OTADATA], 0xff);

	/* The test pin without a test partition: nothing boots. */
	espidf_dev_init(&dev, 1, 1, 0);
	espidf_dev_put_app(&dev, ESPIDF_DEV_FACTORY, "factory", 0);
	cfg = espidf_dev_boot_cfg(&dev, 0, 0);
	cfg.test_app = 1;
	assert_int_equal(espidf_boot_select(&cfg, &parts, &r), -ENOENT);
}

/* No factory, blank otadata: ota_0 boots and entry 0 becomes {1, VALID}. */
static void test_no_factory_initialises_otadata(void **state)
{
	struct espidf_boot_result r;

	(void)state;
	for (unsigned int n = 1; n <= 4; n++) {
		espidf_dev_init(&dev, n, 0, 0);
		for (unsigned int k = 0; k < n; k++)
			espidf_dev_put_app(&dev, ESPIDF_DEV_OTA(k), "app", 0);
		assert_int_equal(boot(1, 0, &r), 0);
		assert_int_equal(r.candidate, 0);
		assert_int_equal(dev.mem[ESPIDF_DEV_OTADATA], 1);
		assert_int_equal(dev.mem[ESPIDF_DEV_OTADATA + 24], OTADATA_STATE_VALID);
	}
	assert_int_equal(espidf_label_listed("a,b", "b"), 1);
	assert_int_equal(espidf_label_listed("ab", "a"), 0);
	assert_int_equal(espidf_label_listed("", ""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_update_confirm_rollback),
		cmocka_unit_test(test_no_rollback),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_anti_rollback),
		cmocka_unit_test(test_factory_reset_and_test_pin),
		cmocka_unit_test(test_no_factory_initialises_otadata),
	};

	return cmocka_run_group_tests_name("ESP-IDF boot scheme", tests, setup,
					   NULL);
}
