/* arch/risc-v/espressif/common/esp_soc.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The configured chip's facts (arch/risc-v/espressif/<chip>/<chip>.h). */
#ifndef SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_SOC_H
#define SLIPWAY_ARCH_RISCV_ESPRESSIF_ESP_SOC_H

#include "libs/espimage/esp_load_map.h"

#include <stdint.h>

#if defined(CONFIG_CHIP_ESP32C3)
#include "arch/risc-v/espressif/esp32c3/esp32c3.h"
#elif defined(CONFIG_CHIP_ESP32C2)
#include "arch/risc-v/espressif/esp32c2/esp32c2.h"
#elif defined(CONFIG_CHIP_ESP32C6)
#include "arch/risc-v/espressif/esp32c6/esp32c6.h"
#elif defined(CONFIG_CHIP_ESP32H2)
#include "arch/risc-v/espressif/esp32h2/esp32h2.h"
#else
#error "no Espressif chip configured"
#endif

#define ESP_REG(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#endif
