/* arch/risc-v/espressif/common/esp_start.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Entry of every program on an Espressif chip: the ROM's jump into the
 * bootloader (after it loaded the ESP image's RAM segments), and the
 * bootloader's jump into the OS image (after it copied the load header's
 * regions). Both put every section at its run address, so nothing is
 * copied here: set gp, the stack (the program's own, below the ROM's),
 * tp, the trap vector, clear .tbss and .bss, call riscv_main. No C
 * library start-up runs: the ROM did not expect one.
 *
 * These cores only take mtvec in vectored mode (base 256-byte aligned,
 * mode 1): exceptions enter at the base, interrupt n at base + 4n. No
 * interrupt is enabled, so every slot reports a fault.
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
	la	sp, __stack_top
	la	tp, __tls_base
	la	t0, esp_trap_vector
	ori	t0, t0, 1
	csrw	mtvec, t0
	la	a0, __tbss_start
	la	a1, __tbss_end
	call	zero_words
	la	a0, __bss_start
	la	a1, __bss_end
	call	zero_words
	call	riscv_main
park:
	wfi
	j	park

/* [a0, a1) = 0 */
zero_words:
	bgeu	a0, a1, 1f
	sw	zero, 0(a0)
	addi	a0, a0, 4
	j	zero_words
1:	ret

	/* In IRAM in the OS image too (.ramfunc): a fault with the flash
	 * cache suspended must still reach the report. */
	.section .ramfunc.esp_trap, "ax"
	.balign 256
	.globl esp_trap_vector
esp_trap_vector:
	.option push
	.option norvc			/* 4 bytes per slot */
	.rept 32
	j	esp_trap_entry
	.endr
	.option pop

/* A fault: start a fresh stack (it may be what faulted) and report. */
esp_trap_entry:
	la	sp, __stack_top
	csrr	a0, mcause
	csrr	a1, mepc
	csrr	a2, mtval
	call	riscv_trap_report
	j	park
