/* tools/mcuboot-size/port/port.c
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * The least a bare-metal Cortex-M port of MCUboot needs, so that its size
 * can be measured beside Slipway's bootloader on the same terms: the flash
 * areas of the Slipway configuration it is built with (its autoconf.h),
 * over Slipway's own flash driver (nrf_nvmc) and mbedtls build, the trusted
 * key as `slipway image getpub -e c` prints it (key.inc), boot_go, and the
 * jump into the image as MCUboot's ports do it. No console, no logging, no
 * fault handler: this is a measurement, not a bootloader to ship.
 */
#include "bootutil/bootutil.h"
#include "bootutil/image.h"
#include "bootutil/sign_key.h"
#include "drivers/mtd/nrf_nvmc.h"
#include "flash_map_backend/flash_map_backend.h"
#include "sysflash/sysflash.h"

#include <stdint.h>

void crypto_heap_init(void);

static struct nrf_nvmc nvmc;

static const struct flash_area areas[] = {
	{ FLASH_AREA_BOOTLOADER, 0, 0, CONFIG_FLASH_AREA_BOOTLOADER_OFFSET,
	  CONFIG_FLASH_AREA_BOOTLOADER_SIZE },
	{ FLASH_AREA_IMAGE_0, 0, 0, CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET,
	  CONFIG_FLASH_AREA_IMAGE0_PRIMARY_SIZE },
	{ FLASH_AREA_IMAGE_1, 0, 0, CONFIG_FLASH_AREA_IMAGE0_SECONDARY_OFFSET,
	  CONFIG_FLASH_AREA_IMAGE0_SECONDARY_SIZE },
};

int flash_area_open(uint8_t id, const struct flash_area **fa)
{
	for (unsigned int i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		if (areas[i].fa_id == id) {
			*fa = &areas[i];
			return 0;
		}
	}
	return -1;
}

void flash_area_close(const struct flash_area *fa)
{
	(void)fa;
}

int flash_area_read(const struct flash_area *fa, uint32_t off, void *dst, uint32_t len)
{
	return mtd_read(&nvmc.mtd, fa->fa_off + off, dst, len);
}

int flash_area_write(const struct flash_area *fa, uint32_t off, const void *src, uint32_t len)
{
	return mtd_program(&nvmc.mtd, fa->fa_off + off, src, len);
}

int flash_area_erase(const struct flash_area *fa, uint32_t off, uint32_t len)
{
	return mtd_erase(&nvmc.mtd, fa->fa_off + off, len);
}

uint32_t flash_area_align(const struct flash_area *fa)
{
	(void)fa;
	return CONFIG_FLASH_WRITE_ALIGN;
}

uint8_t flash_area_erased_val(const struct flash_area *fa)
{
	(void)fa;
	return 0xff;
}

int flash_area_get_sectors(int id, uint32_t *count, struct flash_sector *s)
{
	const struct flash_area *fa;
	uint32_t n;

	if (flash_area_open((uint8_t)id, &fa) != 0)
		return -1;
	n = fa->fa_size / CONFIG_FLASH_SECTOR_SIZE;
	if (n > *count)
		return -1;
	for (uint32_t i = 0; i < n; i++) {
		s[i].fs_off = i * CONFIG_FLASH_SECTOR_SIZE;
		s[i].fs_size = CONFIG_FLASH_SECTOR_SIZE;
	}
	*count = n;
	return 0;
}

int flash_area_get_sector(const struct flash_area *fa, uint32_t off,
			  struct flash_sector *s)
{
	(void)fa;
	s->fs_off = off - off % CONFIG_FLASH_SECTOR_SIZE;
	s->fs_size = CONFIG_FLASH_SECTOR_SIZE;
	return 0;
}

int flash_area_id_from_multi_image_slot(int image_index, int slot)
{
	(void)image_index;
	return slot == 0 ? FLASH_AREA_IMAGE_0 : slot == 1 ? FLASH_AREA_IMAGE_1 : -1;
}

int flash_area_id_from_image_slot(int slot)
{
	return flash_area_id_from_multi_image_slot(0, slot);
}

int flash_area_id_to_multi_image_slot(int image_index, int area_id)
{
	(void)image_index;
	return area_id == FLASH_AREA_IMAGE_0 ? 0 : area_id == FLASH_AREA_IMAGE_1 ? 1 : -1;
}

#include "key.inc"

const struct bootutil_key bootutil_keys[] = {
	{ slipway_pub_key, &slipway_pub_key_len },
};
const int bootutil_key_cnt = 1;

int main(void)
{
	struct boot_rsp rsp;
	const volatile uint32_t *vt;

	crypto_heap_init();
	if (nrf_nvmc_init(&nvmc, NRF_NVMC_BASE, NRF_FICR_BASE, 0) != 0 ||
	    boot_go(&rsp) != 0)
		for (;;)
			;
	vt = (const volatile uint32_t *)(rsp.br_image_off + rsp.br_hdr->ih_hdr_size);
	__asm__ volatile("cpsid i" ::: "memory");
	*(volatile uint32_t *)0xe000ed08u = (uint32_t)(uintptr_t)vt; /* VTOR */
	__asm__ volatile("msr msp, %0\n\tisb\n\tbx %1" ::"r"(vt[0]), "r"(vt[1]));
	for (;;)
		;
}

/* Start-up: .data and .bss, then main. */
extern uint32_t __data_start[], __data_end[], __data_load[];
extern uint32_t __bss_start[], __bss_end[], __stack_top[];

void reset_entry(void)
{
	for (uint32_t *d = __data_start, *s = __data_load; d < __data_end;)
		*d++ = *s++;
	for (uint32_t *d = __bss_start; d < __bss_end;)
		*d++ = 0;
	main();
}

void _exit(int status)
{
	(void)status;
	for (;;)
		;
}

static void hang(void)
{
	for (;;)
		;
}

__attribute__((section(".vectors"), used))
static const void *const vectors[16] = {
	__stack_top, (const void *)reset_entry, (const void *)hang, (const void *)hang,
};
