/* tools/slipway/part_csv.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* ESP-IDF partition table CSV text (gen_esp32part.py's syntax). */
#ifndef SLIPWAY_TOOLS_SLIPWAY_PART_CSV_H
#define SLIPWAY_TOOLS_SLIPWAY_PART_CSV_H

#include "libs/esppart/esp_part.h"

#include <stddef.h>
#include <stdint.h>

/* Where the fixed rows of a table lie (gen_esp32part's options). */
struct part_csv_layout {
	uint32_t table_offset;          /* --offset */
	int64_t primary_boot_offset;    /* --primary-bootloader-offset; -1: none */
	int64_t recovery_boot_offset;   /* --recovery-bootloader-offset; -1: none */
};

/*
 * Parse `len` bytes of CSV (UTF-8, with or without a byte-order mark) into
 * `t`. Returns 0, or -1 after printing the reason with its line number.
 * Consistency rules are esp_part_verify's; this checks syntax and row
 * order, and places the bootloader and partition_table rows as
 * gen_esp32part does (a bootloader row needs primary_boot_offset).
 */
int part_csv_parse(const char *csv, size_t len,
		   const struct part_csv_layout *layout,
		   struct esp_part_table *t);

/* gen_esp32part's --flash-size: "4MB", or a size; 0 or -1. */
int part_parse_flash_size(const char *text, uint32_t *out);

/* Keyword of a type or subtype, or its decimal value, as gen_esp32part prints. */
const char *part_type_name(uint8_t type, char buf[8]);
const char *part_subtype_name(uint8_t type, uint8_t subtype, char buf[8]);

#endif
