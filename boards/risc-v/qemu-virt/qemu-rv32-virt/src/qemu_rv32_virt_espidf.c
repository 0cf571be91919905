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

/* The qemu-virt chip map's loadable range (libs/espimage/esp_chip.c) must
 * hold the OS and keep clear of the loader's RAM and of the flash window:
 * the build refuses a configuration where it would not. */
#define QEMU_VIRT_APP_RAM_START 0x80800000u
#define QEMU_VIRT_APP_RAM_END 0x80e00000u
#if CONFIG_QEMU_VIRT_ESPIDF_OS_BASE < QEMU_VIRT_APP_RAM_START || \
	CONFIG_QEMU_VIRT_ESPIDF_OS_BASE + CONFIG_QEMU_VIRT_ESPIDF_OS_SIZE > QEMU_VIRT_APP_RAM_END
#error "QEMU_VIRT_ESPIDF_OS_BASE/SIZE leave the qemu-virt chip map's RAM (0x80800000..0x80e00000)"
#endif
#if CONFIG_QEMU_VIRT_RAM_BASE < QEMU_VIRT_APP_RAM_END && \
	CONFIG_QEMU_VIRT_RAM_BASE + CONFIG_QEMU_VIRT_RAM_SIZE > QEMU_VIRT_APP_RAM_START - 16u
#error "the loader's RAM (QEMU_VIRT_RAM_BASE/SIZE) meets the apps' RAM or the hand-over record"
#endif
#if CONFIG_QEMU_VIRT_PFLASH_BASE + CONFIG_FLASH_SIZE > CONFIG_QEMU_VIRT_RAM_BASE
#error "the flash window meets the loader's RAM"
#endif

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
