/* boards/risc-v/qemu-virt/qemu-rv32-virt/src/qemu_rv32_virt_espidf.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * QEMU virt in the ESP-IDF scheme: the loader starts an app whose
 * segments are RAM images (virt has no MMU to map flash). esp_image_read
 * has already checked every segment against the qemu-virt memory map
 * (libs/espimage/esp_chip.c: only the OS's RAM window), so no copy can
 * land on the flash window or on this loader's own RAM. The entry must
 * lie in a copied segment. The running partition is handed over in a
 * record just below the OS's RAM (qemu_rv32_virt_espidf.h), which the
 * OS reads once at start.
 */
#include "boards/risc-v/qemu-virt/qemu-rv32-virt/src/qemu_rv32_virt_espidf.h"
#include "boards/board.h"
#include "boot/loader/scheme_espidf.h"
#include "drivers/mtd/mtd.h"
#include "libs/espimage/esp_image.h"
#include "libs/log/log.h"

#include <errno.h>
#include <stdio.h>

static int is_ram_segment(const struct esp_image_seg *s)
{
	return s->load_addr >= ESP_IMAGE_PADDING_END && s->len > 0;
}

int board_espidf_start_ram_app(struct mtd_dev *part, uint32_t part_offset,
			       const struct esp_image *img)
{
	volatile struct qemu_virt_espidf_handoff *h = QEMU_VIRT_ESPIDF_HANDOFF;
	int entry_loaded = 0;

	for (unsigned int i = 0; i < img->segment_count; i++) {
		const struct esp_image_seg *s = &img->segs[i];
		int rc;

		if (!is_ram_segment(s))
			continue;
		rc = mtd_read(part, s->offset + ESP_IMAGE_SEG_HEADER_LEN,
			      (void *)(uintptr_t)s->load_addr, s->len);
		if (rc != 0) {
			log_error("boot: reading segment %u failed (%d)", i, rc);
			return rc;
		}
		if (img->entry >= s->load_addr && img->entry - s->load_addr < s->len)
			entry_loaded = 1;
	}
	if (!entry_loaded) {
		log_error("boot: entry 0x%08lx is in no loaded segment",
			  (unsigned long)img->entry);
		return -ENOEXEC;
	}
	h->magic = QEMU_VIRT_ESPIDF_HANDOFF_MAGIC;
	h->part_offset = part_offset;
	log_info("boot: jumping to 0x%08lx", (unsigned long)img->entry);
	fflush(stdout);
	/* The copied code was written as data. */
	__asm__ volatile("fence.i" ::: "memory");
	((void (*)(void))(uintptr_t)img->entry)();
	return -EFAULT;
}

uint32_t board_espidf_handoff(void)
{
	volatile struct qemu_virt_espidf_handoff *h = QEMU_VIRT_ESPIDF_HANDOFF;

	return h->magic == QEMU_VIRT_ESPIDF_HANDOFF_MAGIC ? h->part_offset
							   : 0xffffffffu;
}
