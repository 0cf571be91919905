/* libs/flashmap/flashmap_esp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/flashmap/flashmap_esp.h"

static void role_of(const struct esp_part *p, struct flash_area_desc *d)
{
	int ota = esp_part_ota_index(p);

	d->image = 0;
	if (ota >= 0) {
		d->role = (ota & 1) ? FLASH_AREA_SECONDARY : FLASH_AREA_PRIMARY;
		d->image = (uint8_t)(ota / 2);
	} else if (p->type == ESP_PART_TYPE_APP &&
		   p->subtype == ESP_PART_SUBTYPE_APP_FACTORY) {
		d->role = FLASH_AREA_FACTORY;
	} else if (p->type == ESP_PART_TYPE_DATA &&
		   p->subtype == ESP_PART_SUBTYPE_DATA_OTA) {
		d->role = FLASH_AREA_OTADATA;
	} else if (p->type == ESP_PART_TYPE_DATA &&
		   p->subtype == ESP_PART_SUBTYPE_DATA_NVS) {
		d->role = FLASH_AREA_NVS;
	} else if (p->type == ESP_PART_TYPE_DATA &&
		   p->subtype == FLASH_MAP_ESP_SUBTYPE_SCRATCH) {
		d->role = FLASH_AREA_SCRATCH;
	} else {
		d->role = FLASH_AREA_OTHER;
	}
}

int flash_map_from_esp_table(struct flash_map *map,
			     struct flash_map_esp *store, struct mtd_dev *dev,
			     uint32_t table_offset,
			     enum flash_map_slot_rule rule,
			     struct flash_map_fault *f)
{
	struct esp_part_table *t = &store->table;
	unsigned int n = 0;
	int rc;

	rc = mtd_read(dev, table_offset, store->raw, sizeof(store->raw));
	if (rc != 0)
		return rc;
	rc = esp_part_parse(store->raw, sizeof(store->raw), t, &f->a);
	f->b = f->a;
	if (rc == ESP_PART_OK)
		rc = esp_part_verify(t, table_offset, dev->geo->size, &f->a,
				     &f->b);
	if (rc != ESP_PART_OK) {
		f->code = rc;
		return rc;
	}
	if (table_offset > 0)
		store->areas[n++] = (struct flash_area_desc){
			"bootloader", FLASH_AREA_BOOTLOADER, 0, 0, table_offset };
	store->areas[n++] = (struct flash_area_desc){
		"partition-table", FLASH_AREA_PARTITION_TABLE, 0, table_offset,
		ESP_PART_TABLE_SECTOR };
	for (unsigned int i = 0; i < t->count; i++) {
		struct flash_area_desc *d;

		/* ESP-IDF 5.3+ tables may list the primary bootloader and the
		 * table itself: the two areas above already are them. */
		if (esp_part_is_primary_boot_or_table(&t->parts[i]))
			continue;
		d = &store->areas[n++];
		d->name = t->parts[i].label;
		d->offset = t->parts[i].offset;
		d->size = t->parts[i].size;
		role_of(&t->parts[i], d);
	}
	return flash_map_init(map, dev, store->areas, n, rule, f);
}
