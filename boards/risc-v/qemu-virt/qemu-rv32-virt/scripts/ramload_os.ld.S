/* boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/ramload_os.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The OS image of CONFIG_QEMU_VIRT_RAMLOAD, included by program.ld.S for
 * LINK_OS: linked to run in RAM at QEMU_VIRT_RAMLOAD_BASE, preceded by
 * its load header (libs/espimage/esp_load_header.h), which the linker
 * fills in. Load and run addresses are equal, so the raw binary is the
 * header followed by the RAM image: IRAM region = code, read-only data
 * and .ramfunc; DRAM region = .data and .tdata. Every flash offset counts
 * from the slot's first byte: the image header (OS_IMAGE_HEADER_SIZE),
 * then the load header, then the RAM image. No IROM/DROM: QEMU has no MMU.
 */
#define LOAD_HEADER_LEN 96
#define SLOT_OFFSET(sym) ((sym) - ORIGIN(hdr) + CONFIG_OS_IMAGE_HEADER_SIZE)

OUTPUT_ARCH(riscv)
ENTRY(_start)

MEMORY
{
	hdr (r) : ORIGIN = CONFIG_QEMU_VIRT_RAMLOAD_BASE - LOAD_HEADER_LEN, LENGTH = LOAD_HEADER_LEN
	ram (rwx) : ORIGIN = CONFIG_QEMU_VIRT_RAMLOAD_BASE, LENGTH = CONFIG_QEMU_VIRT_RAMLOAD_SIZE
}

SECTIONS
{
	.load_header : {
		LONG(0xace637d3)
		LONG(_start)
		LONG(__iram_start) LONG(SLOT_OFFSET(__iram_start)) LONG(__iram_end - __iram_start)
		LONG(__dram_start) LONG(SLOT_OFFSET(__dram_start)) LONG(__dram_end - __dram_start)
		LONG(0) LONG(0) LONG(0)  /* LP IRAM */
		LONG(0) LONG(0) LONG(0)  /* LP DRAM */
		LONG(0) LONG(0) LONG(0)  /* IROM */
		LONG(0) LONG(0) LONG(0)  /* DROM */
		LONG(0) LONG(0) LONG(0) LONG(0)
	} > hdr
	ASSERT(SIZEOF(.load_header) == LOAD_HEADER_LEN, "the load header is 96 bytes")

	.text : {
		__iram_start = .;
		KEEP(*(.text.start))
		*(.text .text.*)
	} > ram

	.rodata : ALIGN(8) {
		*(.rodata .rodata.* .srodata .srodata.*)
		*(.eh_frame .eh_frame_hdr)
	} > ram

	.init_array : { KEEP(*(.init_array .init_array.* .ctors)) } > ram
	ASSERT(SIZEOF(.init_array) == 0, "constructors would not run")

	/* Already in RAM: the start-up's copy is onto itself. */
	.ramfunc : ALIGN(8) {
		__ramfunc_start = .;
		*(.ramfunc .ramfunc.*)
		. = ALIGN(8);
		__ramfunc_end = .;
		__iram_end = .;
	} > ram
	__ramfunc_load = LOADADDR(.ramfunc);

	.data : ALIGN(8) {
		__dram_start = .;
		__data_start = .;
		*(.data .data.*)
		. = ALIGN(8);
		__global_pointer$ = . + 0x800;
		*(.sdata .sdata.*)
		. = ALIGN(8);
		__data_end = .;
	} > ram
	__data_load = LOADADDR(.data);

	.tdata : ALIGN(8) {
		__tls_base = .;
		__tdata_start = .;
		*(.tdata .tdata.*)
		. = ALIGN(8);
		__tdata_end = .;
		__dram_end = .;
	} > ram
	__tdata_load = LOADADDR(.tdata);

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
		*(.sbss .sbss.* .bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > ram

	ASSERT(ADDR(.bss) == ADDR(.tbss), ".bss does not start at .tbss")

	__stack_top = ORIGIN(ram) + LENGTH(ram);
	ASSERT(__bss_end + CONFIG_QEMU_VIRT_STACK_SIZE <= __stack_top,
	       "code, data, bss and the stack do not fit CONFIG_QEMU_VIRT_RAMLOAD_SIZE")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.riscv.attributes) }
}
