/* boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/espidf_os.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The OS of the ESP-IDF scheme on QEMU virt (CONFIG_BOOT_SCHEME_ESPIDF),
 * included by program.ld.S for LINK_OS: linked to run in RAM at
 * QEMU_VIRT_ESPIDF_OS_BASE; `slipway esp elf2image --chip qemu-virt`
 * makes its ESP image, whose RAM segments the loader copies there
 * (boards/.../src/qemu_rv32_virt_espidf.c). The first 256 bytes are the
 * esp_app_desc_t (ESP-IDF's .flash.appdesc), zero here and filled by
 * scripts/espidf_flash.sh, so the image's segment 0 starts with it.
 */
OUTPUT_ARCH(riscv)
ENTRY(_start)

MEMORY
{
	ram (rwx) : ORIGIN = CONFIG_QEMU_VIRT_ESPIDF_OS_BASE, LENGTH = CONFIG_QEMU_VIRT_ESPIDF_OS_SIZE
}

SECTIONS
{
	.app_desc : {
		LONG(0)
		. += 252;
	} > ram
	ASSERT(SIZEOF(.app_desc) == 256, "esp_app_desc_t is 256 bytes")

	#include "ram_os_sections.ld.S" /* code, data, bss, __stack_top */
	/* The C library's heap (the OS's setenv): between .bss and the stack. */
	__heap_start = __bss_end;
	__heap_end = __stack_top - CONFIG_QEMU_VIRT_STACK_SIZE;
	ASSERT(__bss_end + CONFIG_QEMU_VIRT_STACK_SIZE <= __stack_top,
	       "code, data, bss and the stack do not fit CONFIG_QEMU_VIRT_ESPIDF_OS_SIZE")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.riscv.attributes) }
}
