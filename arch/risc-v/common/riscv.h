/* arch/risc-v/common/riscv.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What arch/risc-v/common needs from a RISC-V chip, and the CSR helpers
 * the common code and the chips share. Machine mode only: these programs
 * run without a supervisor and with interrupts off (every device is polled).
 */
#ifndef SLIPWAY_ARCH_RISCV_COMMON_RISCV_H
#define SLIPWAY_ARCH_RISCV_COMMON_RISCV_H

#include <stdint.h>

/* Bring up what the console needs; called before anything prints. */
void riscv_chip_init(void);

/* Send one byte to the console, waiting for room. */
void riscv_chip_putc(char c);

/* The program returned `status`: power off (or halt) reporting it. */
__attribute__((noreturn)) void riscv_chip_halt(int status);

#define riscv_csr_read(csr)                                                   \
	({                                                                    \
		uint32_t v_;                                                  \
		__asm__ volatile("csrr %0, " #csr : "=r"(v_));                \
		v_;                                                           \
	})

/* Instructions retired since reset (minstret). Under QEMU's -icount it
 * counts instructions exactly; without it QEMU derives it from host time. */
static inline uint64_t riscv_instret(void)
{
	uint32_t hi, lo;

	do {
		hi = riscv_csr_read(minstreth);
		lo = riscv_csr_read(minstret);
	} while (hi != riscv_csr_read(minstreth));
	return ((uint64_t)hi << 32) | lo;
}

#endif
