/* boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/ram_os_sections.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * The sections of an OS that runs from RAM, in region `ram`: included
 * inside SECTIONS by ramload_os.ld.S (after its load header) and by
 * espidf_os.ld.S (after its app descriptor). Code, read-only data and
 * .ramfunc are IRAM (__iram_start..__iram_end), .data and .tdata DRAM
 * (__dram_start..__dram_end); the stack ends at the top of `ram`
 * (__stack_top). Each includer checks that its own region holds it.
 */

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
