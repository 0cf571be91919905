/* arch/arm/common/arm_program.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Linker script of both programs on every Cortex-M board, preprocessed with
 * the configuration (autoconf.h) and LINK_LOADER or LINK_OS. The bootloader
 * runs in place at ARM_LOADER_BASE within its area's size; the OS image
 * from image 0's primary slot at ARM_FLASH_XIP_BASE, past the image header
 * the signer puts in front of it, and starts with its vector table (the
 * bootloader sets VTOR there). .data is copied from flash at start-up;
 * .bss is cleared; the stack is at the top of RAM.
 */
#if defined(LINK_LOADER)
#define TEXT_ORIGIN CONFIG_ARM_LOADER_BASE
#define TEXT_LENGTH CONFIG_FLASH_AREA_BOOTLOADER_SIZE
#elif defined(LINK_OS)
#define TEXT_ORIGIN (CONFIG_ARM_FLASH_XIP_BASE + \
		     CONFIG_FLASH_AREA_IMAGE0_PRIMARY_OFFSET + CONFIG_OS_IMAGE_HEADER_SIZE)
/* An update must fit the secondary slot; the signer checks the trailer. */
#define TEXT_LENGTH (CONFIG_FLASH_AREA_IMAGE0_SECONDARY_SIZE - CONFIG_OS_IMAGE_HEADER_SIZE)
#else
#error "define LINK_LOADER or LINK_OS"
#endif

OUTPUT_ARCH(arm)
ENTRY(arm_reset)

MEMORY
{
	flash (rx) : ORIGIN = TEXT_ORIGIN, LENGTH = TEXT_LENGTH
	ram (rwx) : ORIGIN = CONFIG_ARM_RAM_BASE, LENGTH = CONFIG_ARM_RAM_SIZE
}

SECTIONS
{
	/* VTOR takes a table aligned to its size rounded up to a power of
	 * two: 128 bytes covers the 16 system vectors and 16 lines. */
	.text : {
		KEEP(*(.vectors))
		*(.text .text.*)
	} > flash
	ASSERT(TEXT_ORIGIN % 128 == 0, "the vector table must be 128-byte aligned")

	.rodata : ALIGN(8) {
		*(.rodata .rodata.*)
	} > flash

	.ARM.extab : { *(.ARM.extab* .gnu.linkonce.armextab.*) } > flash
	.ARM.exidx : { *(.ARM.exidx* .gnu.linkonce.armexidx.*) } > flash

	/* The start-up runs no constructors: there must be none. */
	.init_array : { KEEP(*(.init_array .init_array.* .ctors)) } > flash
	ASSERT(SIZEOF(.init_array) == 0, "constructors would not run")

	.data : ALIGN(8) {
		__data_start = .;
		*(.data .data.*)
		*(.ramfunc .ramfunc.*)
		. = ALIGN(8);
		__data_end = .;
	} > ram AT > flash
	__data_load = LOADADDR(.data);

	/* The C library's thread-local data (errno, strtok's state): one
	 * thread. picolibc's Arm TLS puts the block 8 bytes past the thread
	 * pointer (__arm32_tls_tcb_offset). */
	.tdata : ALIGN(8) {
		__tls_base = .;
		__tdata_start = .;
		*(.tdata .tdata.*)
		. = ALIGN(8);
		__tdata_end = .;
	} > ram AT > flash
	__tdata_load = LOADADDR(.tdata);
	__arm32_tls_tcb_offset = 8;

	.tbss : ALIGN(8) {
		__tbss_start = .;
		*(.tbss .tbss.* .tcommon)
		. = ALIGN(8);
		__tbss_end = .;
	} > ram
	.bss (NOLOAD) : ALIGN(8) {
		. += SIZEOF(.tbss);
		. = ALIGN(8);
		__bss_start = .;
		*(.bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > ram

	ASSERT(ADDR(.bss) == ADDR(.tbss), ".bss does not start at .tbss")

	__stack_top = ORIGIN(ram) + LENGTH(ram);
	ASSERT(__bss_end + CONFIG_ARM_STACK_SIZE <= __stack_top,
	       "data, bss and the stack do not fit CONFIG_ARM_RAM_SIZE")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.ARM.attributes) }
}
