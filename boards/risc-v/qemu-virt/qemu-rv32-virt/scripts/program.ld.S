/* boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/program.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Linker script of both programs, preprocessed with the configuration
 * (autoconf.h) and LINK_LOADER or LINK_OS. The addresses come from the
 * board's layout: the bootloader runs in place from its area, the OS image
 * from image 0's primary slot, past the image header the signer puts in
 * front of it. .ramfunc (the RAM-resident flash routines) and .data are
 * copied from flash at start-up; .bss is cleared; the stack is at the top.
 */
#if defined(LINK_OS) && defined(CONFIG_QEMU_VIRT_RAMLOAD)
#include "ramload_os.ld.S" /* the OS image runs in RAM */
#elif defined(LINK_OS) && defined(CONFIG_BOOT_SCHEME_ESPIDF)
#include "espidf_os.ld.S" /* an ESP image of RAM segments */
#else
#if defined(LINK_LOADER)
#define TEXT_ORIGIN (CONFIG_QEMU_VIRT_PFLASH_BASE + CONFIG_FLASH_AREA_BOOTLOADER_OFFSET)
#define TEXT_LENGTH CONFIG_FLASH_AREA_BOOTLOADER_SIZE
#elif defined(LINK_OS)
#define TEXT_ORIGIN (CONFIG_QEMU_VIRT_PFLASH_BASE + \
		     CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET + CONFIG_OS_IMAGE_HEADER_SIZE)
/* An update must fit the secondary slot; the signer checks the trailer. */
#define TEXT_LENGTH (CONFIG_FLASH_AREA_IMAGE0_SECONDARY_SIZE - CONFIG_OS_IMAGE_HEADER_SIZE)
#elif defined(LINK_ROM)
/* The ROM stage (CONFIG_SECURE_BOOT): QEMU loads it into RAM
 * (tools/qemu/virt.sh --rom); its code first, then its own RAM. */
#define TEXT_ORIGIN CONFIG_QEMU_VIRT_ROM_BASE
#define TEXT_LENGTH 0x40000
#define RAM_ORIGIN (CONFIG_QEMU_VIRT_ROM_BASE + 0x40000)
#define RAM_LENGTH (CONFIG_QEMU_VIRT_ROM_SIZE - 0x40000)
#else
#error "define LINK_LOADER, LINK_OS or LINK_ROM"
#endif
#ifndef RAM_ORIGIN
#define RAM_ORIGIN CONFIG_QEMU_VIRT_RAM_BASE
#define RAM_LENGTH CONFIG_QEMU_VIRT_RAM_SIZE
#endif

OUTPUT_ARCH(riscv)
ENTRY(_start)

MEMORY
{
	flash (rx) : ORIGIN = TEXT_ORIGIN, LENGTH = TEXT_LENGTH
	ram (rwx) : ORIGIN = RAM_ORIGIN, LENGTH = RAM_LENGTH
}

SECTIONS
{
	.text : {
		KEEP(*(.text.start))
		*(.text .text.*)
	} > flash

	.rodata : ALIGN(8) {
		*(.rodata .rodata.* .srodata .srodata.*)
		*(.eh_frame .eh_frame_hdr)
	} > flash

	/* The start-up runs no constructors: there must be none. */
	.init_array : { KEEP(*(.init_array .init_array.* .ctors)) } > flash
	ASSERT(SIZEOF(.init_array) == 0, "constructors would not run")

	/* Code that must not run from flash (drivers/mtd/cfi01_flash.c). */
	.ramfunc : ALIGN(8) {
		__ramfunc_start = .;
		*(.ramfunc .ramfunc.*)
		. = ALIGN(8);
		__ramfunc_end = .;
	} > ram AT > flash
	__ramfunc_load = LOADADDR(.ramfunc);

	.data : ALIGN(8) {
		__data_start = .;
		*(.data .data.*)
		. = ALIGN(8);
		__global_pointer$ = . + 0x800;
		*(.sdata .sdata.*)
		. = ALIGN(8);
		__data_end = .;
	} > ram AT > flash
	__data_load = LOADADDR(.data);

	/* The C library's thread-local data (errno, strtok's state): one
	 * thread, whose tp points at __tls_base. */
	.tdata : ALIGN(8) {
		__tls_base = .;
		__tdata_start = .;
		*(.tdata .tdata.*)
		. = ALIGN(8);
		__tdata_end = .;
	} > ram AT > flash
	__tdata_load = LOADADDR(.tdata);

	.tbss : ALIGN(8) {
		__tbss_start = .;
		*(.tbss .tbss.* .tcommon)
		. = ALIGN(8);
		__tbss_end = .;
	} > ram
	/* .tbss takes no room of its own in the address map: .bss starts at
	 * the same address and steps over it. */
	.bss (NOLOAD) : ALIGN(8) {
		. += SIZEOF(.tbss);
		. = ALIGN(8);
		__bss_start = .;
		*(.sbss .sbss.* .bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > ram

	ASSERT(ADDR(.bss) == ADDR(.tbss), ".bss does not start at .tbss")

	__stack_top = ORIGIN(ram) + LENGTH(ram);
	ASSERT(__bss_end + CONFIG_QEMU_VIRT_STACK_SIZE <= __stack_top,
	       "data, bss and the stack do not fit CONFIG_QEMU_VIRT_RAM_SIZE")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.riscv.attributes) }
}
#endif
