/* arch/risc-v/espressif/common/esp_soc.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The configured chip's facts (arch/risc-v/espressif/<chip>/<chip>.h). */
#ifndef SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_SOC_H
#define SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_SOC_H

#include "libs/espimage/esp_load_map.h"

#if defined(CONFIG_CHIP_ESP32C3)
#include "arch/risc-v/espressif/esp32c3/esp32c3.h"
#else
#error "no Espressif chip configured"
#endif

#define ESP_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#endif
