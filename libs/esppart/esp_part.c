/* libs/esppart/esp_part.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/esppart/esp_part.h"
#include "libs/crypto/crypto_md5.h"
#include "libs/util/le.h"

#include <string.h>

#define MAGIC_0 0xaa
#define MAGIC_1 0x50
#define MD5_MAGIC 0xeb

static int is_end(const uint8_t *e)
{
	/* ESP-IDF's test: magic 0xffff, type 0xff, subtype 0xff. */
	return e[0] == 0xff && e[1] == 0xff && e[2] == 0xff && e[3] == 0xff;
}

int esp_part_parse(const uint8_t *buf, size_t len, struct esp_part_table *t,
		   unsigned int *bad)
{
	size_t n = len < ESP_PART_TABLE_LEN ? len : ESP_PART_TABLE_LEN;
	unsigned int i;

	memset(t, 0, sizeof(*t));
	for (i = 0; (i + 1) * ESP_PART_ENTRY_LEN <= n; i++) {
		const uint8_t *e = buf + i * ESP_PART_ENTRY_LEN;
		*bad = i;

		if (is_end(e))
			return t->count == 0 ? ESP_PART_ERR_EMPTY : ESP_PART_OK;
		if (e[0] == MD5_MAGIC && e[1] == MD5_MAGIC) {
			uint8_t md5[CRYPTO_MD5_SIZE];

			if (t->has_md5)
				return ESP_PART_ERR_MD5_TWICE;
			if (crypto_md5(buf, i * ESP_PART_ENTRY_LEN, md5) != 0 ||
			    memcmp(md5, e + 16, sizeof(md5)) != 0)
				return ESP_PART_ERR_MD5;
			t->has_md5 = 1;
			continue;
		}
		if (e[0] != MAGIC_0 || e[1] != MAGIC_1)
			return ESP_PART_ERR_MAGIC;
		if (t->count == ESP_PART_MAX)
			return ESP_PART_ERR_TOO_MANY;

		struct esp_part *p = &t->parts[t->count++];
		p->type = e[2];
		p->subtype = e[3];
		p->offset = get_le32(e + 4);
		p->size = get_le32(e + 8);
		/* ESP-IDF compares labels as C strings: bytes after a NUL
		 * are not part of the name. */
		memcpy(p->label, e + 12, ESP_PART_LABEL_LEN);
		p->label[ESP_PART_LABEL_LEN] = '\0';
		memset(p->label + strlen(p->label), 0,
		       sizeof(p->label) - strlen(p->label));
		p->flags = get_le32(e + 28);
	}
	*bad = i;
	return ESP_PART_ERR_NO_END;
}

int esp_part_ota_index(const struct esp_part *p)
{
	if (p->type == ESP_PART_TYPE_APP && (p->subtype & 0xf0) == 0x10)
		return p->subtype & 0x0f;
	return -1;
}

static uint32_t alignment_of(const struct esp_part *p)
{
	return p->type == ESP_PART_TYPE_APP ? 0x10000 : 0x1000;
}

int esp_part_is_primary_boot_or_table(const struct esp_part *p)
{
	return (p->type == ESP_PART_TYPE_BOOTLOADER &&
		p->subtype == ESP_PART_SUBTYPE_BOOT_PRIMARY) ||
	       (p->type == ESP_PART_TYPE_PARTITION_TABLE &&
		p->subtype == ESP_PART_SUBTYPE_TABLE_PRIMARY);
}

/* At most one partition of data subtype `sub`, of exactly 0x2000 bytes
 * (otadata, TEE otadata). */
static int check_ota_data(const struct esp_part_table *t, unsigned int i,
			  uint8_t sub, unsigned int *a)
{
	const struct esp_part *p = &t->parts[i];

	if (p->type != ESP_PART_TYPE_DATA || p->subtype != sub)
		return 0;
	for (unsigned int j = 0; j < i; j++)
		if (t->parts[j].type == ESP_PART_TYPE_DATA &&
		    t->parts[j].subtype == sub) {
			*a = j;
			return -1;
		}
	return p->size != 0x2000 ? -1 : 0;
}

int esp_part_verify(const struct esp_part_table *t, uint32_t table_offset,
		    uint32_t flash_size, unsigned int *a, unsigned int *b)
{
	return esp_part_verify_app_align(t, table_offset, flash_size, 0x1000,
					 a, b);
}

int esp_part_verify_app_align(const struct esp_part_table *t,
			      uint32_t table_offset, uint32_t flash_size,
			      uint32_t app_size_align, unsigned int *a,
			      unsigned int *b)
{
	for (unsigned int i = 0; i < t->count; i++) {
		const struct esp_part *p = &t->parts[i];
		uint64_t end = (uint64_t)p->offset + p->size;

		*a = *b = i;
		if (p->size == 0)
			return ESP_PART_ERR_ZERO_SIZE;
		if (p->offset < (uint64_t)table_offset + ESP_PART_TABLE_SECTOR &&
		    !esp_part_is_primary_boot_or_table(p))
			return ESP_PART_ERR_BELOW_TABLE;
		if (p->offset % alignment_of(p) != 0)
			return ESP_PART_ERR_ALIGN;
		if (p->type == ESP_PART_TYPE_APP && p->size % app_size_align != 0)
			return ESP_PART_ERR_APP_SIZE;
		if (flash_size != 0 && end > flash_size)
			return ESP_PART_ERR_FLASH_SIZE;
		if (check_ota_data(t, i, ESP_PART_SUBTYPE_DATA_OTA, a) != 0)
			return ESP_PART_ERR_OTADATA;
		if (check_ota_data(t, i, ESP_PART_SUBTYPE_DATA_TEE_OTA, a) != 0)
			return ESP_PART_ERR_TEE_OTADATA;
		if (p->type == ESP_PART_TYPE_DATA) {
			if ((p->subtype == ESP_PART_SUBTYPE_DATA_OTA ||
			     p->subtype == ESP_PART_SUBTYPE_DATA_COREDUMP) &&
			    (p->flags & ESP_PART_FLAG_READONLY))
				return ESP_PART_ERR_READONLY;
			if (p->subtype == ESP_PART_SUBTYPE_DATA_NVS &&
			    !(p->flags & ESP_PART_FLAG_READONLY) &&
			    p->size < 0x3000)
				return ESP_PART_ERR_NVS_SIZE;
		}
		for (unsigned int j = 0; j < i; j++) {
			const struct esp_part *q = &t->parts[j];

			*a = j;
			if (strcmp(p->label, q->label) == 0)
				return ESP_PART_ERR_DUP_NAME;
			if (p->offset < (uint64_t)q->offset + q->size &&
			    q->offset < end)
				return ESP_PART_ERR_OVERLAP;
		}
		*a = i;
	}
	return ESP_PART_OK;
}

int esp_part_encode(const struct esp_part_table *t, int md5,
		    uint8_t out[ESP_PART_TABLE_LEN])
{
	unsigned int slots = t->count + (md5 ? 1 : 0);
	uint8_t *e;

	/* gen_esp32part refuses once partitions and checksum fill the table. */
	if (t->count > ESP_PART_MAX || slots * ESP_PART_ENTRY_LEN >= ESP_PART_TABLE_LEN)
		return ESP_PART_ERR_TOO_MANY;
	memset(out, 0xff, ESP_PART_TABLE_LEN);
	for (unsigned int i = 0; i < t->count; i++) {
		const struct esp_part *p = &t->parts[i];

		e = out + i * ESP_PART_ENTRY_LEN;
		e[0] = MAGIC_0;
		e[1] = MAGIC_1;
		e[2] = p->type;
		e[3] = p->subtype;
		put_le32(e + 4, p->offset);
		put_le32(e + 8, p->size);
		memset(e + 12, 0, ESP_PART_LABEL_LEN);
		memcpy(e + 12, p->label, strnlen(p->label, ESP_PART_LABEL_LEN));
		put_le32(e + 28, p->flags);
	}
	if (md5) {
		e = out + t->count * ESP_PART_ENTRY_LEN;
		e[0] = e[1] = MD5_MAGIC;
		if (crypto_md5(out, t->count * ESP_PART_ENTRY_LEN, e + 16) != 0)
			return ESP_PART_ERR_MD5;
	}
	return ESP_PART_OK;
}

const char *esp_part_strerror(int err)
{
	switch (err) {
	case ESP_PART_OK: return "valid";
	case ESP_PART_ERR_MAGIC: return "entry has a bad magic (not AA 50)";
	case ESP_PART_ERR_MD5: return "MD5 checksum does not match the entries";
	case ESP_PART_ERR_MD5_TWICE: return "more than one MD5 entry";
	case ESP_PART_ERR_NO_END: return "no end marker within the table";
	case ESP_PART_ERR_EMPTY: return "table holds no partition";
	case ESP_PART_ERR_TOO_MANY: return "too many partitions for the table";
	case ESP_PART_ERR_ORDER: return "partitions overlap (rows must be in ascending offset order)";
	case ESP_PART_ERR_OVERLAP: return "partitions overlap";
	case ESP_PART_ERR_BELOW_TABLE: return "partition starts below the end of the partition table's sector (only the primary bootloader and table may)";
	case ESP_PART_ERR_ALIGN: return "offset not aligned (app: 0x10000, others: 0x1000)";
	case ESP_PART_ERR_APP_SIZE: return "app partition size not a multiple of 0x1000 (0x10000 with --secure v1)";
	case ESP_PART_ERR_DUP_NAME: return "partition names must be unique";
	case ESP_PART_ERR_OTADATA: return "at most one otadata partition, of exactly 0x2000 bytes";
	case ESP_PART_ERR_READONLY: return "otadata and coredump partitions cannot be readonly";
	case ESP_PART_ERR_NVS_SIZE: return "read/write NVS partition smaller than 0x3000 bytes";
	case ESP_PART_ERR_FLASH_SIZE: return "partition ends past the end of the flash";
	case ESP_PART_ERR_ZERO_SIZE: return "partition of zero size";
	case ESP_PART_ERR_TEE_OTADATA: return "at most one TEE otadata (tee_ota) partition, of exactly 0x2000 bytes";
	default: return "unknown partition table error";
	}
}
