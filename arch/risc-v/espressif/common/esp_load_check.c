/* arch/risc-v/espressif/common/esp_load_check.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A build step (host program): the OS image's payload must carry a load
 * header that the bootloader on CHIP will accept. The same parser and
 * checks (libs/espimage/esp_load_header.c) and the same chip map run
 * here as in the bootloader, so a link that would be refused at boot
 * stops the build instead, naming the region and the rule.
 *
 * Usage: esp-load-check CHIP HEADER_SIZE PAYLOAD
 */
#include "libs/espimage/esp_load_header.h"

#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	const struct esp_load_map *map;
	uint8_t raw[ESP_LOAD_HEADER_LEN];
	struct esp_load_header h;
	enum esp_load_region_id bad = ESP_LOAD_IRAM;
	unsigned long hdr;
	long size;
	FILE *f;
	int rc;

	if (argc != 4) {
		fprintf(stderr, "usage: esp-load-check CHIP HEADER_SIZE PAYLOAD\n");
		return 2;
	}
	map = esp_load_map_find(argv[1]);
	hdr = strtoul(argv[2], NULL, 0);
	if (map == NULL || hdr == 0 || hdr > 0x10000) {
		fprintf(stderr, "esp-load-check: unknown chip %s or header size %s\n",
			argv[1], argv[2]);
		return 2;
	}
	f = fopen(argv[3], "rb");
	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0 || fread(raw, 1, sizeof(raw), f) != sizeof(raw)) {
		fprintf(stderr, "esp-load-check: cannot read a load header from %s\n",
			argv[3]);
		return 1;
	}
	fclose(f);
	rc = esp_load_header_parse(raw, &h);
	if (rc == ESP_LOAD_OK)
		rc = esp_load_header_check(&h, map, (uint32_t)hdr,
					   (uint32_t)(hdr + (unsigned long)size), &bad);
	if (rc != ESP_LOAD_OK) {
		fprintf(stderr, "error: %s: the bootloader on %s would refuse this "
			"load header (%s): %s\n", argv[3], argv[1],
			esp_load_region_name(bad), esp_load_strerror(rc));
		return 1;
	}
	printf("load header: entry 0x%08x", (unsigned)h.entry);
	for (unsigned int i = 0; i < ESP_LOAD_NREGIONS; i++)
		if (h.r[i].size != 0)
			printf(", %s 0x%08x (%u bytes at slot 0x%x)",
			       esp_load_region_name(i), (unsigned)h.r[i].addr,
			       (unsigned)h.r[i].size, (unsigned)h.r[i].flash_off);
	printf(": accepted on %s\n", argv[1]);
	return 0;
}
