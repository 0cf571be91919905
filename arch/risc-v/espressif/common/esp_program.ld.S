/* arch/risc-v/espressif/common/esp_program.ld.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Linker script of both programs on an Espressif chip, preprocessed with
 * the configuration and LINK_LOADER or LINK_OS (the boards name it).
 *
 * LINK_LOADER: the bootloader, loaded by the ROM from its ESP image: code
 * in IRAM, then descriptor, read-only data, data, bss and the stack in
 * DRAM, all between ESP_LOADER_RAM_<chip> and the ROM's stack
 * (esp-formats.md 1.9; libs/espimage/esp_load_map.h, the same numbers the
 * load header is checked against). esp_bootloader_desc_t is the first
 * thing in DRAM (section .dram0.bootdesc, which elf2image puts first).
 *
 * LINK_OS: the OS image, started by the bootloader through its load
 * header: the header (filled in here), then what is copied to RAM (for
 * IRAM at the chip's app origin: the start-up, the trap vector and the
 * .ramfunc code that runs with the flash cache suspended; for DRAM above
 * it: small read-only data, data; bss and the stack up to the
 * bootloader's RAM), then what the MMU maps from the slot (IROM: the
 * rest of the code; DROM: read-only data). Load addresses follow each
 * other from the header on, so the raw binary is the payload and each
 * region's slot offset is its load address less the header's plus the
 * image header's size. A mapped region's address is its window's start
 * plus its slot offset (DROM one page higher, so IROM and DROM never
 * share an MMU entry): congruent with its flash offset modulo the page,
 * as the load header's check requires, with no padding in the image.
 */
#include "../../../../libs/espimage/esp_load_map.h"
#if defined(CONFIG_CHIP_ESP32C3)
#include "../esp32c3/esp32c3.h"
#include "../esp32c3/esp32c3_rom.ld"
#elif defined(CONFIG_CHIP_ESP32C2)
#include "../esp32c2/esp32c2.h"
#include "../esp32c2/esp32c2_rom.ld"
#elif defined(CONFIG_CHIP_ESP32C6)
#include "../esp32c6/esp32c6.h"
#include "../esp32c6/esp32c6_rom.ld"
#elif defined(CONFIG_CHIP_ESP32H2)
#include "../esp32h2/esp32h2.h"
#include "../esp32h2/esp32h2_rom.ld"
#else
#error "no Espressif chip configured"
#endif

#define STACK_SIZE 0x2000
#define LOAD_HEADER_LEN 96
#define MMU_PAGE 0x10000 /* the page esp_load_map.c checks against */

#if defined(LINK_LOADER)
#define CODE_LEN ESP_LOADER_CODE_LEN
#define IRAM_ORIGIN (ESP_LOADER_RAM + ESP_IRAM_ALIAS)
#define DRAM_ORIGIN (ESP_LOADER_RAM + CODE_LEN)
#define DRAM_END ESP_ROM_STACK
#elif defined(LINK_OS)
#define CODE_LEN ESP_OS_CODE_LEN
#define IRAM_ORIGIN ESP_APP_IRAM
#define DRAM_ORIGIN (ESP_APP_DRAM + CODE_LEN)
#define DRAM_END ESP_LOADER_RAM
#define SLOT_OFFSET(lma) ((lma) - ORIGIN(load) + CONFIG_OS_IMAGE_HEADER_SIZE)
#else
#error "define LINK_LOADER or LINK_OS"
#endif

OUTPUT_ARCH(riscv)
ENTRY(_start)

/*
 * The bootloader on a chip with one address for IRAM and DRAM (C6, H2)
 * is one output section: descriptor, code, read-only data, data. The
 * ESP image then has one segment, starting with esp_bootloader_desc_t:
 * segment 0 (ESP-IDF reads the descriptor at image offset 0x20) and the
 * last SRAM segment of 80 bytes or more, where esptool's image_info
 * looks for it. Every SRAM address is "DRAM" on these chips, so any
 * segment after the descriptor's would hide it, as it does for ESP-IDF's
 * own C6/H2 bootloaders (its iram_loader_seg comes after dram_seg).
 * elf2image merges adjacent sections only when both are code or both
 * are not, hence one section rather than several.
 */
#if defined(LINK_LOADER) && ESP_IRAM_ALIAS == 0
#define LOADER_ONE_SEGMENT 1
#endif

MEMORY
{
#if defined(LINK_OS)
	load (r) : ORIGIN = ESP_APP_IRAM - LOAD_HEADER_LEN, LENGTH = CONFIG_FLASH_AREA_IMAGE0_PRIMARY_SIZE
#endif
#if defined(LOADER_ONE_SEGMENT)
	sram (rwx) : ORIGIN = ESP_LOADER_RAM, LENGTH = DRAM_END - ESP_LOADER_RAM
#else
	iram (rx) : ORIGIN = IRAM_ORIGIN, LENGTH = CODE_LEN
	dram (rw) : ORIGIN = DRAM_ORIGIN, LENGTH = DRAM_END - DRAM_ORIGIN
#endif
}

#if defined(LOADER_ONE_SEGMENT)
REGION_ALIAS("dram", sram);
#endif

#if defined(LINK_OS)
#define TO_LOAD AT > load
#else
#define TO_LOAD
#endif

SECTIONS
{
#if defined(LINK_OS)
	.load_header : {
		LONG(0xace637d3)
		LONG(_start)
		LONG(ADDR(.iram.text)) LONG(SLOT_OFFSET(LOADADDR(.iram.text)))
		LONG(SIZEOF(.iram.text))
		LONG(ADDR(.rodata)) LONG(SLOT_OFFSET(LOADADDR(.rodata)))
		LONG(__dram_end - ADDR(.rodata))
		LONG(0) LONG(0) LONG(0)  /* LP IRAM */
		LONG(0) LONG(0) LONG(0)  /* LP DRAM */
		LONG(ADDR(.flash.text)) LONG(SLOT_OFFSET(LOADADDR(.flash.text)))
		LONG(SIZEOF(.flash.text))
		LONG(ADDR(.flash.rodata)) LONG(SLOT_OFFSET(LOADADDR(.flash.rodata)))
		LONG(SIZEOF(.flash.rodata))
		LONG(0) LONG(0) LONG(0) LONG(0)
	} > load
	ASSERT(SIZEOF(.load_header) == LOAD_HEADER_LEN, "the load header is 96 bytes")
#endif

#if defined(LINK_OS)
	/* In RAM what must run or be read with the flash cache off. */
#define TEXT_INPUTS                                                            \
	KEEP(*(.text.start))                                                   \
	*(.ramfunc .ramfunc.*)                                                 \
	. = ALIGN(8);
#define RODATA_INPUTS                                                          \
	*(.srodata .srodata.*)                                                 \
	*(.eh_frame .eh_frame_hdr)                                             \
	. = ALIGN(8);
#else
	/* Everything is in RAM: .ramfunc is ordinary code here. */
#define TEXT_INPUTS                                                            \
	KEEP(*(.text.start))                                                   \
	*(.text .text.* .ramfunc .ramfunc.*)                                   \
	. = ALIGN(8);
#define RODATA_INPUTS                                                          \
	*(.rodata .rodata.* .srodata .srodata.*)                               \
	*(.eh_frame .eh_frame_hdr)                                             \
	. = ALIGN(8);
#endif
#define DATA_INPUTS                                                            \
	*(.data .data.*)                                                       \
	. = ALIGN(8);                                                          \
	__global_pointer$ = . + 0x800;                                         \
	*(.sdata .sdata.*)                                                     \
	. = ALIGN(8);

#if defined(LOADER_ONE_SEGMENT)
	.sram : {
		KEEP(*(.dram0.bootdesc))
		TEXT_INPUTS
		RODATA_INPUTS
		DATA_INPUTS
	} > sram
	ASSERT(ADDR(.sram) == ORIGIN(sram), "the descriptor starts SRAM")
#else
	.iram.text : ALIGN(4) {
		TEXT_INPUTS
	} > iram TO_LOAD

#if defined(LINK_LOADER)
	.dram0.bootdesc : {
		KEEP(*(.dram0.bootdesc))
	} > dram
	ASSERT(ADDR(.dram0.bootdesc) == ORIGIN(dram), "the descriptor starts DRAM")
#endif

	.rodata : ALIGN(8) {
		RODATA_INPUTS
	} > dram TO_LOAD
#endif

	.init_array : { KEEP(*(.init_array .init_array.* .ctors)) } > dram TO_LOAD
	ASSERT(SIZEOF(.init_array) == 0, "constructors would not run")

#if !defined(LOADER_ONE_SEGMENT)
	.data : ALIGN(8) {
		DATA_INPUTS
	} > dram TO_LOAD
#endif

	.tdata : ALIGN(8) {
		__tls_base = .;
		*(.tdata .tdata.*)
		. = ALIGN(8);
		__dram_end = .;
	} > dram TO_LOAD

#if defined(LINK_OS)
	ASSERT(LOADADDR(.tdata) - LOADADDR(.rodata) == ADDR(.tdata) - ADDR(.rodata),
	       "DRAM's load addresses are not contiguous")

	/* Mapped from the slot: address = window + slot offset. */
	__irom_lma = LOADADDR(.tdata) + SIZEOF(.tdata);
	.flash.text ESP_APP_IROM + SLOT_OFFSET(__irom_lma) : AT(__irom_lma) {
		*(.text .text.*)
		. = ALIGN(16);
	}
	__drom_lma = LOADADDR(.flash.text) + SIZEOF(.flash.text);
	.flash.rodata ESP_APP_DROM + MMU_PAGE + SLOT_OFFSET(__drom_lma) : AT(__drom_lma) {
		*(.rodata .rodata.*)
		. = ALIGN(16);
	}
	ASSERT((ADDR(.flash.text) - SLOT_OFFSET(LOADADDR(.flash.text))) % MMU_PAGE == 0 &&
	       (ADDR(.flash.rodata) - SLOT_OFFSET(LOADADDR(.flash.rodata))) % MMU_PAGE == 0,
	       "a mapped region is not congruent with its slot offset")
#endif

	.tbss : ALIGN(8) {
		__tbss_start = .;
		*(.tbss .tbss.* .tcommon)
		. = ALIGN(8);
		__tbss_end = .;
	} > dram
	.bss (NOLOAD) : ALIGN(8) {
		. += SIZEOF(.tbss);
		. = ALIGN(8);
		__bss_start = .;
		*(.sbss .sbss.* .bss .bss.* COMMON)
		. = ALIGN(8);
		__bss_end = .;
	} > dram
	ASSERT(ADDR(.bss) == ADDR(.tbss), ".bss does not start at .tbss")

	__stack_top = DRAM_END;
	ASSERT(__bss_end + STACK_SIZE <= __stack_top,
	       "data, bss and the stack do not fit the program's DRAM")

	/DISCARD/ : { *(.comment) *(.note .note.*) *(.riscv.attributes) }
}
