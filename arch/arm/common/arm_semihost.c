/* arch/arm/common/arm_semihost.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Leaving an emulator with a status: semihosting's SYS_EXIT_EXTENDED
 * (0x20) with ADP_Stopped_ApplicationExit (0x20026) and the code. QEMU
 * exits with that status when run with -semihosting-config enable=on
 * (../shared/docs/emulated-targets.md, section 3).
 */
#include "arch/arm/common/arm.h"

#define SYS_EXIT_EXTENDED 0x20u
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

void arm_semihost_exit(int status)
{
	uint32_t block[2] = { ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status };
	register uint32_t r0 __asm__("r0") = SYS_EXIT_EXTENDED;
	register uint32_t *r1 __asm__("r1") = block;

	__asm__ volatile("bkpt 0xab" : : "r"(r0), "r"(r1) : "memory");
	for (;;)
		__asm__ volatile("wfi");
}
