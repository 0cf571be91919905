/* arch/risc-v/espressif/common/esp_chip.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What arch/risc-v/common needs from an Espressif chip (riscv.h) and what
 * arch/arch.h asks of every chip: the console through the ROM's output
 * function (UART0, set up by the ROM), the watchdogs at start-up, reset
 * through the ROM, delays through its calibrated busy loop, the chip
 * revision from eFuse, the reset reason through the ROM (logged at every
 * start), and the SPI flash through the ROM as an mtd.
 */
#include "arch/arch.h"
#include "arch/risc-v/common/riscv.h"
#include "arch/risc-v/espressif/common/esp_chip.h"
#include "arch/risc-v/espressif/common/esp_rom.h"
#include "arch/risc-v/espressif/common/esp_soc.h"
#include "drivers/mtd/esp_rom_flash.h"
#include "libs/log/log.h"

#include <errno.h>
#include <stdio.h>

/* Logged at every start, as ESP-IDF's bootloader warns after a watchdog
 * reset ("PRO CPU has been reset by WDT"). */
static void log_reset_cause(void)
{
	struct arch_reset_cause c;

	arch_reset_cause(&c);
	if (c.cls == ARCH_RESET_WATCHDOG)
		log_warn("esp: reset by a watchdog (reason %#x %s)", c.code, c.name);
	else
		log_info("esp: reset reason %#x %s", c.code, c.name);
}

void riscv_chip_init(void)
{
	esp_wdt_boot_init();
	log_reset_cause();
}

/* The ROM reads the reset reason register of CPU 0 (the only one). */
void arch_reset_cause(struct arch_reset_cause *cause)
{
	esp_reset_cause_of(esp_rom_get_reset_reason(0), cause);
}

void riscv_chip_putc(char c)
{
	esp_rom_output_tx_one_char((uint8_t)c);
}

void riscv_chip_halt(int status)
{
	fflush(stdout);
	esp_rom_output_tx_flush(0);
	(void)status; /* no one to report it to: stop here, as MCUboot does */
	for (;;)
		__asm__ volatile("wfi");
}

int arch_reset(void)
{
	esp_rom_output_tx_flush(0);
	esp_rom_software_reset_system();
	return -EIO;
}

void arch_delay_ms(unsigned int ms)
{
	while (ms-- != 0)
		esp_rom_delay_us(1000);
}

unsigned int esp_chip_revision(void)
{
	uint32_t s3 = ESP_REG(ESP_EFUSE_SYS3), s5 = ESP_REG(ESP_EFUSE_SYS5);

	(void)s5; /* one register on the chips other than the C3 */
	return ESP_CHIP_REV_MAJOR(s3, s5) * 100 + ESP_CHIP_REV_MINOR(s3, s5);
}

static const struct esp_rom_flash_rom rom_flash = {
	.read = esp_rom_spiflash_read,
	.write = esp_rom_spiflash_write,
	.erase_sector = esp_rom_spiflash_erase_sector,
	.unlock = esp_rom_spiflash_unlock,
	.cache_suspend = Cache_Suspend_ICache,
	.cache_resume = Cache_Resume_ICache,
};

struct mtd_dev *esp_boot_flash(void)
{
	static struct esp_rom_flash flash;
	static int ready;
	int rc;

	if (!ready) {
		rc = esp_rom_flash_init(&flash, &rom_flash, CONFIG_FLASH_SIZE);
		if (rc != 0) {
			log_error("esp: the SPI flash did not start (%d)", rc);
			return NULL;
		}
		ready = 1;
	}
	return &flash.mtd;
}
