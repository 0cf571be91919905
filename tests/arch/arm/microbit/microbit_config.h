/* tests/arch/arm/microbit/microbit_config.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * The configuration arch/arm/common needs, for the micro:bit test
 * firmware (built by tests/arch/arm/test_nvmc_microbit.sh, not by the
 * Kconfig build): included into every source and into the linker script,
 * as autoconf.h is for a board. nRF51822: 256 KiB flash at 0x0, 16 KiB RAM
 * at 0x20000000, a 16 MHz core. The firmware takes the first 32 KiB.
 */
#define CONFIG_ARCH_ARM 1
#define CONFIG_ARCH_ARM_CORE_CLOCK_HZ 16000000
#define CONFIG_ARM_LOADER_BASE 0x0
#define CONFIG_FLASH_AREA_BOOTLOADER_SIZE 0x8000
#define CONFIG_ARM_RAM_BASE 0x20000000
#define CONFIG_ARM_RAM_SIZE 0x4000
#define CONFIG_ARM_STACK_SIZE 0x800
