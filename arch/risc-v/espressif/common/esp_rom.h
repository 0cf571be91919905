/* arch/risc-v/espressif/common/esp_rom.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ROM functions the port calls, with ESP-IDF's prototypes. Their
 * addresses come from the chip's own linker script
 * (arch/risc-v/espressif/<chip>/<chip>_rom.ld, esp-formats.md 5.4).
 */
#ifndef SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_ROM_H
#define SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_ROM_H

#include <stdint.h>

int esp_rom_spiflash_read(uint32_t src, uint32_t *dst, int32_t len);
int esp_rom_spiflash_write(uint32_t dst, const uint32_t *src, int32_t len);
int esp_rom_spiflash_erase_sector(uint32_t sector);
int esp_rom_spiflash_unlock(void);

void Cache_Invalidate_ICache_All(void);
uint32_t Cache_Suspend_ICache(void);
void Cache_Resume_ICache(uint32_t autoload);

void esp_rom_output_tx_one_char(uint8_t c);
void esp_rom_output_tx_flush(uint8_t uart);
void esp_rom_delay_us(uint32_t us);
void esp_rom_software_reset_system(void);
uint32_t esp_rom_get_reset_reason(int cpu);

#endif
