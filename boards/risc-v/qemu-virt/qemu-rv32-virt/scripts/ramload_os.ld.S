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

	#include "ram_os_sections.ld.S" /* code, data, bss, __stack_top */
	ASSERT(__bss_end + CONFIG_QEMU_VIRT_STACK_SIZE <= __stack_top,
	       "code, data, bss and the stack do not fit CONFIG_QEMU_VIRT_RAMLOAD_SIZE")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.riscv.attributes) }
}
