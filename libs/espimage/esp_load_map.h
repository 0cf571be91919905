/* libs/espimage/esp_load_map.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Where the bootloader's RAM starts on each Espressif chip (DRAM
 * address). Included by the load maps (esp_load_map.c) and by the chips'
 * linker scripts, so that the RAM the bootloader links into and the RAM
 * a load header may not touch are one decision. From here to the ROM's
 * stack (esp-formats.md 1.9's "usable end") is the bootloader's: code,
 * data, bss and its stack. Below it, SRAM is the OS image's.
 */
#ifndef SLIPWAY_LIBS_ESPIMAGE_ESP_LOAD_MAP_H
#define SLIPWAY_LIBS_ESPIMAGE_ESP_LOAD_MAP_H

#define ESP_LOADER_RAM_ESP32C3 0x3fcc0000
#define ESP_LOADER_RAM_ESP32C2 0x3fcc0000
#define ESP_LOADER_RAM_ESP32C6 0x40860000
#define ESP_LOADER_RAM_ESP32H2 0x40830000

/* 1.9's usable end: the ROM's stack starts here (DRAM address). */
#define ESP_ROM_STACK_ESP32C3 0x3fcdc710
#define ESP_ROM_STACK_ESP32C2 0x3fcdcb70
#define ESP_ROM_STACK_ESP32C6 0x4087c610
#define ESP_ROM_STACK_ESP32H2 0x4084cfd0

#endif
