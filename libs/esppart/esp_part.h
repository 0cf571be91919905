/* libs/esppart/esp_part.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ESP-IDF partition tables (../shared/docs/esp-formats.md section 3): the
 * binary format, and the consistency rules ESP-IDF's gen_esp32part.py
 * applies. Used by the host tool (`slipway part`) and by the flash map when
 * a board takes its layout from a table in flash.
 */
#ifndef SLIPWAY_LIBS_ESPPART_ESP_PART_H
#define SLIPWAY_LIBS_ESPPART_ESP_PART_H

#include <stddef.h>
#include <stdint.h>

#define ESP_PART_TABLE_OFFSET 0x8000 /* ESP-IDF's default */
#define ESP_PART_TABLE_LEN 0xc00     /* what the table may occupy */
#define ESP_PART_TABLE_SECTOR 0x1000 /* the sector reserved for it */
#define ESP_PART_ENTRY_LEN 32
#define ESP_PART_MAX 95 /* entries that fit before the end marker */
#define ESP_PART_LABEL_LEN 16

#define ESP_PART_TYPE_APP 0x00
#define ESP_PART_TYPE_DATA 0x01
#define ESP_PART_TYPE_BOOTLOADER 0x02
#define ESP_PART_TYPE_PARTITION_TABLE 0x03

#define ESP_PART_SUBTYPE_APP_FACTORY 0x00
#define ESP_PART_SUBTYPE_APP_OTA_0 0x10
#define ESP_PART_SUBTYPE_DATA_OTA 0x00
#define ESP_PART_SUBTYPE_DATA_NVS 0x02
#define ESP_PART_SUBTYPE_DATA_COREDUMP 0x03
#define ESP_PART_SUBTYPE_DATA_UNDEFINED 0x06
#define ESP_PART_SUBTYPE_DATA_TEE_OTA 0x90
#define ESP_PART_SUBTYPE_BOOT_PRIMARY 0x00
#define ESP_PART_SUBTYPE_BOOT_RECOVERY 0x02
#define ESP_PART_SUBTYPE_TABLE_PRIMARY 0x00

#define ESP_PART_FLAG_ENCRYPTED 0x1
#define ESP_PART_FLAG_READONLY 0x2
#define ESP_PART_FLAGS_KNOWN 0x3

struct esp_part {
	char label[ESP_PART_LABEL_LEN + 1];
	uint8_t type;
	uint8_t subtype;
	uint32_t offset;
	uint32_t size;
	uint32_t flags;
};

struct esp_part_table {
	struct esp_part parts[ESP_PART_MAX];
	unsigned int count;
	int has_md5;
};

enum esp_part_error {
	ESP_PART_OK = 0,
	ESP_PART_ERR_MAGIC = -1100, /* an entry is neither a partition nor the end */
	ESP_PART_ERR_MD5,           /* checksum entry does not match */
	ESP_PART_ERR_MD5_TWICE,     /* more than one checksum entry */
	ESP_PART_ERR_NO_END,        /* no end marker within the table */
	ESP_PART_ERR_EMPTY,         /* the first entry is the end marker */
	ESP_PART_ERR_TOO_MANY,      /* more partitions than the table holds */
	ESP_PART_ERR_ORDER,         /* an offset below the previous partition's end */
	ESP_PART_ERR_OVERLAP,       /* two partitions share bytes */
	ESP_PART_ERR_BELOW_TABLE,   /* a partition starts below the table's sector end */
	ESP_PART_ERR_ALIGN,         /* offset not aligned (app 64 KiB, others 4 KiB) */
	ESP_PART_ERR_APP_SIZE,      /* app size not a multiple of 4 KiB (64 KiB: secure boot v1) */
	ESP_PART_ERR_DUP_NAME,      /* two partitions with one label */
	ESP_PART_ERR_OTADATA,       /* more than one otadata, or not 0x2000 bytes */
	ESP_PART_ERR_READONLY,      /* readonly on otadata or coredump */
	ESP_PART_ERR_NVS_SIZE,      /* read/write NVS smaller than 0x3000 */
	ESP_PART_ERR_FLASH_SIZE,    /* a partition ends past the flash */
	ESP_PART_ERR_ZERO_SIZE,     /* a partition of no bytes */
	ESP_PART_ERR_TEE_OTADATA,   /* more than one tee_ota, or not 0x2000 bytes */
};

const char *esp_part_strerror(int err);

/*
 * Decode a binary table (`len` bytes, at most ESP_PART_TABLE_LEN are read):
 * entries until the end marker, with the checksum entry checked when there
 * is one. `*bad` is set to the index of the entry at fault.
 */
int esp_part_parse(const uint8_t *buf, size_t len, struct esp_part_table *t,
		   unsigned int *bad);

/*
 * gen_esp32part's consistency rules, for a table at `table_offset` on a
 * flash of `flash_size` bytes (0: unknown, not checked). `*a` and `*b` name
 * the partitions at fault (b == a when one is enough). Only the primary
 * bootloader and the primary partition table may start below the end of
 * the table's sector.
 */
int esp_part_verify(const struct esp_part_table *t, uint32_t table_offset,
		    uint32_t flash_size, unsigned int *a, unsigned int *b);

/* The same, with app sizes a multiple of `app_size_align` (gen_esp32part's
 * --secure v1: 0x10000; otherwise 0x1000). */
int esp_part_verify_app_align(const struct esp_part_table *t,
			      uint32_t table_offset, uint32_t flash_size,
			      uint32_t app_size_align, unsigned int *a,
			      unsigned int *b);

/* The primary bootloader or the primary partition table: rows whose place
 * the table's own offsets fix (ESP-IDF 5.3+). */
int esp_part_is_primary_boot_or_table(const struct esp_part *p);

/* Encode as gen_esp32part does: entries, checksum entry if `md5`, 0xff. */
int esp_part_encode(const struct esp_part_table *t, int md5,
		    uint8_t out[ESP_PART_TABLE_LEN]);

/* OTA app slot: subtype 0x10..0x1f; returns its index or -1. */
int esp_part_ota_index(const struct esp_part *p);

#endif
