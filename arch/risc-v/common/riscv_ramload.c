/* arch/risc-v/common/riscv_ramload.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Starting an image through its load header, as MCUboot's Espressif port
 * does: the payload starts with the header (libs/espimage/
 * esp_load_header.h); every region is checked against the chip's map
 * before a byte is copied, then the RAM regions are read from the slot
 * into RAM, the flash regions mapped, and the entry called. The image's
 * own start-up then sets up everything it needs.
 *
 * The bytes are read again from flash after the engine validated them:
 * as in MCUboot, whoever can rewrite the flash between the two reads is
 * outside the threat model.
 */
#include "arch/arch.h"
#include "arch/risc-v/common/riscv_ramload.h"
#include "drivers/mtd/mtd.h"
#include "libs/log/log.h"

#include <errno.h>
#include <stdio.h>

int arch_boot_image(struct mtd_dev *dev, uint32_t off, uint32_t size)
{
	const struct esp_load_map *map = riscv_load_map();
	uint8_t raw[ESP_LOAD_HEADER_LEN];
	struct esp_load_header h;
	enum esp_load_region_id bad = ESP_LOAD_IRAM;
	int rc;

	if ((uint64_t)off + size > UINT32_MAX || size < sizeof(raw)) {
		log_error("boot: the payload is too small for a load header");
		return -ENOEXEC;
	}
	rc = mtd_read(dev, off, raw, sizeof(raw));
	if (rc != 0)
		return rc;
	rc = esp_load_header_parse(raw, &h);
	if (rc == ESP_LOAD_OK)
		rc = esp_load_header_check(&h, map, off, off + size, &bad);
	if (rc != ESP_LOAD_OK) {
		log_error("boot: load header refused (%s): %s",
			  esp_load_region_name(bad), esp_load_strerror(rc));
		return -ENOEXEC;
	}
	for (unsigned int i = 0; i < ESP_LOAD_NCOPIED; i++) {
		const struct esp_load_region *r = &h.r[i];
		/* IRAM through its DRAM view: byte-writable on every chip. */
		uintptr_t dst = r->addr - (i == ESP_LOAD_IRAM ? map->iram_alias : 0);

		if (r->size == 0)
			continue;
		log_info("boot: load %s 0x%08lx <- slot 0x%lx, %lu bytes",
			 esp_load_region_name(i), (unsigned long)r->addr,
			 (unsigned long)r->flash_off, (unsigned long)r->size);
		rc = mtd_read(dev, r->flash_off, (void *)dst, r->size);
		if (rc != 0) {
			log_error("boot: reading the %s region failed (%d)",
				  esp_load_region_name(i), rc);
			return rc;
		}
	}
	rc = riscv_load_map_flash(dev, &h);
	if (rc != 0) {
		log_error("boot: mapping the image's flash regions failed (%d)", rc);
		return rc;
	}
	/* No minstret here: the Espressif cores do not implement it. */
	log_info("boot: jumping to 0x%08lx", (unsigned long)h.entry);
	fflush(stdout);
	/* The copied code was written as data. */
	__asm__ volatile("fence.i" ::: "memory");
	((void (*)(void))(uintptr_t)h.entry)();
	return -EFAULT;
}
