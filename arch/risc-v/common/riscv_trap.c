/* arch/risc-v/common/riscv_trap.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The trap handler's report. It writes through the chip's console directly,
 * not printf: the fault may have hit inside the C library. Then it resets,
 * as a watchdog would, so a device never sits in a fault.
 */
#include "arch/arch.h"
#include "arch/risc-v/common/riscv.h"

#include <stdint.h>

static void put_str(const char *s)
{
	while (*s)
		riscv_chip_putc(*s++);
}

static void put_hex(uint32_t v)
{
	put_str("0x");
	for (int shift = 28; shift >= 0; shift -= 4)
		riscv_chip_putc("0123456789abcdef"[(v >> shift) & 0xf]);
}

/* The privileged spec's exception codes (mcause without the interrupt bit). */
static const char *cause_text(uint32_t cause)
{
	static const char *const names[] = {
		"instruction address misaligned", "instruction access fault",
		"illegal instruction", "breakpoint", "load address misaligned",
		"load access fault", "store address misaligned",
		"store access fault", "ecall from U-mode", "ecall from S-mode",
		"reserved", "ecall from M-mode", "instruction page fault",
		"load page fault", "reserved", "store page fault",
	};

	if (cause & 0x80000000u)
		return "interrupt (none is enabled)";
	return cause < sizeof(names) / sizeof(names[0]) ? names[cause] : "reserved";
}

__attribute__((noreturn)) void riscv_trap_report(uint32_t mcause, uint32_t mepc,
						 uint32_t mtval);

void riscv_trap_report(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
	put_str("\r\ntrap: ");
	put_str(cause_text(mcause));
	put_str(" (mcause ");
	put_hex(mcause);
	put_str(") at mepc ");
	put_hex(mepc);
	put_str(", mtval ");
	put_hex(mtval);
	put_str("; resetting\r\n");
	arch_reset();
	put_str("trap: reset failed; halting\r\n");
	riscv_chip_halt(1);
}
