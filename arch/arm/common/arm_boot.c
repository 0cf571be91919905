/* arch/arm/common/arm_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Starting an image in place, as MCUboot does on Arm: the payload begins
 * with the image's vector table (initial MSP, reset vector). Interrupts go
 * off and everything pending is cleared, SysTick stops, VTOR moves to the
 * image's table, MSP is loaded from its first word, and the branch goes to
 * its reset vector. Nothing of the bootloader keeps running.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"
#include "drivers/mtd/mtd.h"
#include "libs/log/log.h"

#include <errno.h>
#include <stdio.h>

__attribute__((weak)) void arm_chip_quiesce(void)
{
}

__attribute__((noreturn)) static void jump(uint32_t table, uint32_t msp, uint32_t reset)
{
	arm_chip_quiesce();
	__asm__ volatile("cpsid i" ::: "memory");
	SYST_CSR = 0;
	for (unsigned int i = 0; i < NVIC_WORDS; i++) {
		NVIC_ICER(i) = 0xffffffffu;
		NVIC_ICPR(i) = 0xffffffffu;
	}
	SCB_ICSR = ICSR_PENDSVCLR | ICSR_PENDSTCLR;
#ifndef __ARM_ARCH_6M__
	SCB_VTOR = table;
#else
	(void)table; /* v6-M has no VTOR: the image must be at 0 */
#endif
	/* MSP, the main stack selected (CONTROL = 0), then the branch; the
	 * stack switch and the branch are one asm block so no compiled code
	 * runs on the image's stack. Interrupts are left masked, as the
	 * image's own start-up expects after a reset-like entry. */
	__asm__ volatile("dsb\n\t"
			 "isb\n\t"
			 "movs r2, #0\n\t"
			 "msr control, r2\n\t"
			 "isb\n\t"
			 "msr msp, %0\n\t"
			 "bx %1\n\t"
			 :
			 : "r"(msp), "r"(reset)
			 : "r2", "memory");
	__builtin_unreachable();
}

int arch_boot_image(struct mtd_dev *dev, uint32_t off, uint32_t size)
{
	uintptr_t table;
	const volatile uint32_t *vectors;
	int rc = mtd_xip_address(dev, off, &table);

	if (rc != 0) {
		log_error("boot: the slot is not executable in place (%d)", rc);
		return rc;
	}
	if (size < 8) {
		log_error("boot: the image is %lu bytes, too short for a vector table",
			  (unsigned long)size);
		return -ENOEXEC;
	}
	vectors = (const volatile uint32_t *)table;
	/* The figure `make bench` reads: core clocks since the start-up
	 * started SysTick (under QEMU's -icount shift=0 one instruction is
	 * one virtual nanosecond, so instructions = clocks * 1e9 / clock). */
	log_info("boot: jumping to 0x%08lx (msp 0x%08lx, reset 0x%08lx); core clocks %lu",
		 (unsigned long)table, (unsigned long)vectors[0],
		 (unsigned long)vectors[1], (unsigned long)arm_core_clocks());
	fflush(stdout);
	jump((uint32_t)table, vectors[0], vectors[1]);
}
