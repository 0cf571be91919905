/* arch/arm/common/arm_start.S
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * The vector table and reset entry of every Cortex-M program (bootloader
 * and OS image alike), in instructions every profile has (v6-M's Thumb
 * subset). The reset entry copies .data and the C library's thread-local
 * data from flash, clears .bss, and calls arm_main. The OS image starts
 * here too when the bootloader jumps to it, so nothing may depend on what
 * the bootloader left behind. Interrupts stay off: every device is polled,
 * so every exception is a fault and goes to arm_fault_entry.
 */
	.syntax unified
	.thumb

	.section .vectors, "a"
	.globl arm_vectors
arm_vectors:
	.word	__stack_top		/* initial MSP */
	.word	arm_reset		/* reset */
	.word	arm_fault_entry		/* NMI (the CMSDK watchdog's first timeout) */
	.word	arm_fault_entry		/* HardFault */
	.word	arm_fault_entry		/* MemManage */
	.word	arm_fault_entry		/* BusFault */
	.word	arm_fault_entry		/* UsageFault */
	.word	arm_fault_entry		/* SecureFault (v8-M) */
	.word	0, 0, 0			/* reserved */
	.word	arm_fault_entry		/* SVCall */
	.word	arm_fault_entry		/* DebugMonitor */
	.word	0			/* reserved */
	.word	arm_fault_entry		/* PendSV */
	.word	arm_fault_entry		/* SysTick (its interrupt is never enabled) */

	.section .text.arm_reset, "ax"
	.thumb_func
	.globl arm_reset
arm_reset:
	cpsid	i
	ldr	r0, =__stack_top
	msr	msp, r0
	ldr	r0, =__data_start
	ldr	r1, =__data_end
	ldr	r2, =__data_load
	bl	copy_words
	ldr	r0, =__tdata_start
	ldr	r1, =__tdata_end
	ldr	r2, =__tdata_load
	bl	copy_words
	ldr	r0, =__tbss_start
	ldr	r1, =__tbss_end
	bl	zero_words
	ldr	r0, =__bss_start
	ldr	r1, =__bss_end
	bl	zero_words
	ldr	r0, =__tls_base		/* picolibc's thread pointer (errno) */
	bl	_set_tls
	bl	arm_main
park:
	b	park

/* [r0, r1) = words from r2; the linker script keeps all three aligned. */
	.thumb_func
copy_words:
	cmp	r0, r1
	bhs	1f
	ldr	r3, [r2]
	str	r3, [r0]
	adds	r0, #4
	adds	r2, #4
	b	copy_words
1:	bx	lr

/* [r0, r1) = 0 */
	.thumb_func
zero_words:
	movs	r2, #0
2:	cmp	r0, r1
	bhs	1f
	str	r2, [r0]
	adds	r0, #4
	b	2b
1:	bx	lr

/*
 * Any exception. The hardware stacked r0-r3, r12, lr, pc and xPSR on the
 * stack EXC_RETURN (in lr) names; take the three that locate the fault
 * before starting a fresh stack at the top (the old one may be what
 * faulted, and the fresh one may overlap the frame).
 */
	.section .text.arm_fault_entry, "ax"
	.thumb_func
	.globl arm_fault_entry
arm_fault_entry:
	movs	r0, #4
	mov	r1, lr
	tst	r0, r1
	bne	1f
	mrs	r0, msp
	b	2f
1:	mrs	r0, psp
2:	ldr	r1, [r0, #24]		/* stacked pc */
	ldr	r2, [r0, #20]		/* stacked lr */
	ldr	r3, [r0, #28]		/* stacked xPSR */
	mrs	r0, ipsr		/* the exception number */
	ldr	r4, =__stack_top
	mov	sp, r4
	bl	arm_fault_report
	b	park
