/* arch/risc-v/common/riscv_start.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Reset entry of every RISC-V program (bootloader and OS image alike): the
 * program is linked to run in place from flash, so it copies the
 * RAM-resident routines (.ramfunc), .data and the C library's thread-local
 * data from their load addresses, clears .bss, points mtvec at the trap entry and calls riscv_main. The
 * OS image starts here too when the bootloader jumps to it, so nothing may
 * depend on state the boot ROM or the bootloader left behind.
 */
	.section .text.start, "ax"
	.globl _start
_start:
	.option push
	.option norelax
	la	gp, __global_pointer$
	.option pop
	csrw	mie, zero
	csrci	mstatus, 8		/* MIE: no interrupts, everything polls */
	csrr	t0, mhartid
	bnez	t0, park		/* one hart runs; any other waits */
	la	sp, __stack_top
	la	tp, __tls_base		/* the C library's thread-local data */
	la	t0, riscv_trap_entry
	csrw	mtvec, t0
	la	a0, __ramfunc_start
	la	a1, __ramfunc_end
	la	a2, __ramfunc_load
	call	copy_words
	la	a0, __data_start
	la	a1, __data_end
	la	a2, __data_load
	call	copy_words
	la	a0, __tdata_start
	la	a1, __tdata_end
	la	a2, __tdata_load
	call	copy_words
	la	a0, __tbss_start
	la	a1, __tbss_end
	call	zero_words
	la	a0, __bss_start
	la	a1, __bss_end
	call	zero_words
	fence.i				/* .ramfunc was just written */
	call	riscv_main
park:
	wfi
	j	park

/* [a0, a1) = words from a2; the linker script keeps all three aligned. */
copy_words:
	bgeu	a0, a1, 1f
	lw	t0, 0(a2)
	sw	t0, 0(a0)
	addi	a0, a0, 4
	addi	a2, a2, 4
	j	copy_words
1:	ret

/* [a0, a1) = 0 */
zero_words:
	bgeu	a0, a1, 1f
	sw	zero, 0(a0)
	addi	a0, a0, 4
	j	zero_words
1:	ret

/*
 * A trap: nothing here expects one (no interrupts are enabled), so it is a
 * fault. The stack may be what faulted: start a fresh one and report.
 */
	.text
	.balign 4
	.globl riscv_trap_entry
riscv_trap_entry:
	la	sp, __stack_top
	csrr	a0, mcause
	csrr	a1, mepc
	csrr	a2, mtval
	call	riscv_trap_report
	j	park
