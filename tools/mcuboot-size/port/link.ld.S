/* tools/mcuboot-size/port/link.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * MCUboot in the bootloader area of the Slipway configuration (autoconf.h).
 */
MEMORY
{
	flash (rx) : ORIGIN = CONFIG_ARM_LOADER_BASE, LENGTH = CONFIG_FLASH_AREA_BOOTLOADER_SIZE
	ram (rwx) : ORIGIN = CONFIG_ARM_RAM_BASE, LENGTH = CONFIG_ARM_RAM_SIZE
}
ENTRY(reset_entry)
SECTIONS
{
	.text : { KEEP(*(.vectors)) *(.text .text.*) *(.rodata .rodata.*) } > flash
	.ARM.exidx : { *(.ARM.exidx*) } > flash
	.data : ALIGN(4) {
		__data_start = .;
		*(.data .data.*)
		. = ALIGN(4);
		__data_end = .;
	} > ram AT > flash
	__data_load = LOADADDR(.data);
	.bss (NOLOAD) : ALIGN(4) {
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(4);
		__bss_end = .;
	} > ram
	__stack_top = ORIGIN(ram) + LENGTH(ram);
}
