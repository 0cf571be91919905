/* tools/mcuboot-size/port/mcuboot_config/mcuboot_config.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * MCUboot configured as nrf52840dk_defconfig configures Slipway: ECDSA
 * P-256 with mbedtls, swap-move, one image, the primary validated at every
 * boot, no logging.
 */
#define MCUBOOT_SIGN_EC256
#define MCUBOOT_USE_MBED_TLS
#define MCUBOOT_SWAP_USING_MOVE 1
#define MCUBOOT_VALIDATE_PRIMARY_SLOT
#define MCUBOOT_IMAGE_NUMBER 1
#define MCUBOOT_MAX_IMG_SECTORS 128
#define MCUBOOT_USE_FLASH_AREA_GET_SECTORS
#define MCUBOOT_WATCHDOG_FEED() do { } while (0)
#define MCUBOOT_CPU_IDLE() do { } while (0)
