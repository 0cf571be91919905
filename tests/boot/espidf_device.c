/* tests/boot/espidf_device.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The ESP-IDF scheme's test device (espidf_device.h). */
#include "tests/boot/espidf_device.h"

#include "libs/crypto/crypto_hash.h"
#include "libs/util/le.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#define TEST_OFFSET 0x60000

static int ram_read(struct moncnt_dev *dev, unsigned int id, uint32_t *v)
{
	(void)id;
	*v = ((struct ram_counter *)dev)->value;
	return 0;
}

static int ram_raise(struct moncnt_dev *dev, unsigned int id, uint32_t v)
{
	struct ram_counter *c = (struct ram_counter *)dev;

	(void)id;
	if (v > c->value)
		c->value = v;
	return 0;
}

static const struct moncnt_ops ram_ops = { ram_read, ram_raise };

uint32_t espidf_dev_test_offset(void)
{
	return TEST_OFFSET;
}

static void add(struct esp_part_table *t, const char *label, uint8_t type,
		uint8_t subtype, uint32_t offset, uint32_t size)
{
	struct esp_part *p = &t->parts[t->count++];

	memset(p, 0, sizeof(*p));
	strcpy(p->label, label);
	p->type = type;
	p->subtype = subtype;
	p->offset = offset;
	p->size = size;
}

void espidf_dev_init(struct espidf_dev *d, unsigned int n_ota, int factory,
		     int test)
{
	static struct esp_part_table t;
	uint8_t raw[ESP_PART_TABLE_LEN];
	char label[8];

	assert(n_ota >= 1 && n_ota <= 4);
	memset(d->mem, 0xff, sizeof(d->mem));
	memset(&t, 0, sizeof(t));
	add(&t, "nvs", ESP_PART_TYPE_DATA, ESP_PART_SUBTYPE_DATA_NVS,
	    ESPIDF_DEV_NVS, 0x3000);
	add(&t, "otadata", ESP_PART_TYPE_DATA, ESP_PART_SUBTYPE_DATA_OTA,
	    ESPIDF_DEV_OTADATA, 0x2000);
	if (factory)
		add(&t, "factory", ESP_PART_TYPE_APP,
		    ESP_PART_SUBTYPE_APP_FACTORY, ESPIDF_DEV_FACTORY,
		    ESPIDF_DEV_APP_SIZE);
	for (unsigned int k = 0; k < n_ota; k++) {
		snprintf(label, sizeof(label), "ota_%u", k);
		add(&t, label, ESP_PART_TYPE_APP, (uint8_t)(0x10 + k),
		    ESPIDF_DEV_OTA(k), ESPIDF_DEV_APP_SIZE);
	}
	if (test)
		add(&t, "test", ESP_PART_TYPE_APP, OTA_PARTS_SUBTYPE_TEST,
		    TEST_OFFSET, ESPIDF_DEV_APP_SIZE);
	add(&t, "userdata", ESP_PART_TYPE_DATA, 0x81, ESPIDF_DEV_USERDATA,
	    0x1000);
	assert(esp_part_encode(&t, 1, raw) == ESP_PART_OK);
	memcpy(d->mem + ESP_PART_TABLE_OFFSET, raw, sizeof(raw));
	d->region = (struct mtd_region){ 0x1000, ESPIDF_DEV_SIZE / 0x1000 };
	d->geo = (struct mtd_geometry){ &d->region, 1, 4, 0xff, ESPIDF_DEV_SIZE };
	assert(sim_flash_init_ram(&d->fl, &d->geo, d->mem) == 0);
	d->counter = (struct ram_counter){ { &ram_ops, 1, 64 }, 0 };
	d->n_ota = n_ota;
	d->has_test = test;
}

size_t espidf_make_app(uint8_t *out, size_t cap, const char *tag,
		       uint32_t secure_version, uint16_t chip_id)
{
	const uint32_t seg_len = 512;
	uint8_t *seg = out + 24 + 8, x = 0xef;
	size_t n;

	assert(cap >= 24 + 8 + seg_len + 16 + 32);
	memset(out, 0, 24 + 8 + seg_len);
	out[0] = ESP_IMAGE_MAGIC;
	out[1] = 1;     /* one segment */
	out[2] = 2;     /* DIO */
	out[3] = 0x2f;  /* 4 MB, 80 MHz */
	put_le32(out + 4, 0x42000020);
	out[8] = ESP_IMAGE_WP_PIN_DISABLED;
	put_le16(out + 12, chip_id);
	put_le16(out + 15, 0);      /* min rev */
	put_le16(out + 17, 0xffff); /* no max */
	out[23] = 1;                /* SHA-256 appended */
	put_le32(out + 24, 0x3c000020); /* DROM, page offset 0x20 */
	put_le32(out + 28, seg_len);
	put_le32(seg, ESP_APP_DESC_MAGIC);
	put_le32(seg + 4, secure_version);
	strncpy((char *)seg + 16, tag, 31);
	strcpy((char *)seg + 48, "slipway-test");
	for (uint32_t i = 256; i < seg_len; i++)
		seg[i] = (uint8_t)(i * 7 + tag[0]);
	for (uint32_t i = 0; i < seg_len; i++)
		x ^= seg[i];
	n = 24 + 8 + seg_len;
	while (n % 16 != 15)
		out[n++] = 0;
	out[n++] = x;
	assert(crypto_hash_buf(CRYPTO_HASH_SHA256, out, n, out + n) == 0);
	return n + 32;
}

void espidf_dev_put_app(struct espidf_dev *d, uint32_t offset, const char *tag,
			uint32_t secure_version)
{
	uint8_t img[1024];
	size_t len = espidf_make_app(img, sizeof(img), tag, secure_version,
				     0x0005);

	memset(d->mem + offset, 0xff, ESPIDF_DEV_APP_SIZE);
	memcpy(d->mem + offset, img, len);
}

struct espidf_boot_cfg espidf_dev_boot_cfg(struct espidf_dev *d, int rollback,
					   int anti_rollback)
{
	return (struct espidf_boot_cfg){
		.flash = &d->fl.mtd, .table_offset = ESP_PART_TABLE_OFFSET,
		.app = { .chip = esp_chip_find("esp32c3"), .chip_rev = 3 },
		.rollback = rollback,
		.counter = anti_rollback ? &d->counter.dev : NULL,
	};
}

struct ota_espidf_config espidf_dev_agent_cfg(struct espidf_dev *d,
					      int rollback, int anti_rollback,
					      uint32_t running)
{
	return (struct ota_espidf_config){
		.flash = &d->fl.mtd, .table_offset = ESP_PART_TABLE_OFFSET,
		.app = { .chip = esp_chip_find("esp32c3"), .chip_rev = 3 },
		.rollback = rollback,
		.counter = anti_rollback ? &d->counter.dev : NULL,
		.running_offset = running,
	};
}
