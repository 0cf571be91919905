/* ESP-IDF partition table CSV text (gen_esp32part.py's syntax). */
#ifndef SLIPWAY_TOOLS_SLIPWAY_PART_CSV_H
#define SLIPWAY_TOOLS_SLIPWAY_PART_CSV_H

#include "libs/esppart/esp_part.h"

#include <stddef.h>
#include <stdint.h>

/*
 * Parse `len` bytes of CSV for a table at `table_offset` into `t`. Returns
 * 0, or -1 after printing the reason with its line number. Consistency
 * rules are esp_part_verify's; this checks syntax and row order.
 */
int part_csv_parse(const char *csv, size_t len, uint32_t table_offset,
		   struct esp_part_table *t);

/* gen_esp32part's --flash-size: "4MB", or a size; 0 or -1. */
int part_parse_flash_size(const char *text, uint32_t *out);

/* Keyword of a type or subtype, or its decimal value, as gen_esp32part prints. */
const char *part_type_name(uint8_t type, char buf[8]);
const char *part_subtype_name(uint8_t type, uint8_t subtype, char buf[8]);

#endif
