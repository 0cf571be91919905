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
	/* The C library's heap (the OS's setenv): between .bss and the stack. */
	__heap_start = __bss_end;
	__heap_end = __stack_top - CONFIG_QEMU_VIRT_STACK_SIZE;
	ASSERT(__bss_end + CONFIG_QEMU_VIRT_STACK_SIZE <= __stack_top,
	       "code, data, bss and the stack do not fit CONFIG_QEMU_VIRT_ESPIDF_OS_SIZE")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.riscv.attributes) }
}
