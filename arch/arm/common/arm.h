/* arch/arm/common/arm.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * What arch/arm/common needs from an Arm Cortex-M chip, and the system
 * registers (SCB, SysTick, NVIC) the common code and the chips share. The
 * programs run privileged on the main stack with every interrupt off:
 * each device is polled. The profile (v6-M, v7-M, v8-M mainline) comes
 * from the compiler's own macros, so the same sources serve every -mcpu.
 */
#ifndef SLIPWAY_ARCH_ARM_COMMON_ARM_H
#define SLIPWAY_ARCH_ARM_COMMON_ARM_H

#include <stdint.h>

#if defined(__ARM_ARCH_6M__) || defined(__ARM_ARCH_8M_BASE__)
#define ARM_BASELINE 1 /* no CFSR and friends, no VTOR on v6-M */
#endif

#define ARM_REG(addr) (*(volatile uint32_t *)(addr))

#define SCB_ICSR ARM_REG(0xe000ed04u)
#define SCB_VTOR ARM_REG(0xe000ed08u)
#define SCB_AIRCR ARM_REG(0xe000ed0cu)
#define SCB_SHCSR ARM_REG(0xe000ed24u)
#define SCB_CFSR ARM_REG(0xe000ed28u)
#define SCB_HFSR ARM_REG(0xe000ed2cu)
#define SCB_MMFAR ARM_REG(0xe000ed34u)
#define SCB_BFAR ARM_REG(0xe000ed38u)
#define SCB_SFSR ARM_REG(0xe000ede4u) /* v8-M Security Extension */
#define SCB_SFAR ARM_REG(0xe000ede8u)

#define ICSR_PENDSVCLR (1u << 27)
#define ICSR_PENDSTCLR (1u << 25)
#define AIRCR_SYSRESETREQ 0x05fa0004u /* VECTKEY | SYSRESETREQ */

#define SYST_CSR ARM_REG(0xe000e010u)
#define SYST_RVR ARM_REG(0xe000e014u)
#define SYST_CVR ARM_REG(0xe000e018u)
#define SYST_CSR_ENABLE 1u
#define SYST_CSR_TICKINT 2u
#define SYST_CSR_CLKSOURCE 4u /* the core clock */

#define NVIC_ICER(n) ARM_REG(0xe000e180u + 4u * (n))
#define NVIC_ICPR(n) ARM_REG(0xe000e280u + 4u * (n))
/* Interrupt enable words to clear: one on v6-M (32 lines), 16 on v7-M and
 * v8-M mainline (496 lines; the unimplemented ones read as zero). */
#ifdef ARM_BASELINE
#define NVIC_WORDS 1u
#else
#define NVIC_WORDS 16u
#endif

/* Bring up what the console needs; called before anything prints. */
void arm_chip_init(void);

/*
 * Send one byte to the console, waiting for room. It must work with no
 * state from arm_chip_init in RAM (it is the fault handler's output, and
 * the fault may come from an image whose own start-up never ran).
 */
void arm_chip_putc(char c);

/*
 * Stop every peripheral the bootloader started that could still write RAM
 * or raise an interrupt (DMA, timers), just before the jump into an image,
 * as MCUboot's nrf_cleanup_peripheral() does. Weak and empty in
 * arch/arm/common: a chip with nothing running need not give one.
 */
void arm_chip_quiesce(void);

/*
 * 1 when the NMI being handled is the chip's watchdog's first timeout, so
 * the fault handler waits for the watchdog's own reset instead of resetting
 * itself. Weak, returning 0, in arch/arm/common/arm_fault.c.
 */
int arm_chip_nmi_is_watchdog(void);

/* The program returned `status`: power off (or halt) reporting it. */
__attribute__((noreturn)) void arm_chip_halt(int status);

/*
 * Microseconds since SysTick was started by the start-up, from its core
 * clock (CONFIG_ARCH_ARM_CORE_CLOCK_HZ). Call it at least once per SysTick
 * wrap (2^24 core clocks) to keep count; delays and timeouts do.
 */
uint32_t arm_uptime_us(void);

/* Core clocks since SysTick was started (wraps at 2^32), kept as above. */
uint32_t arm_core_clocks(void);

/* Request a system reset (AIRCR.SYSRESETREQ); returns only if it did not
 * happen. Touches no RAM: the fault handler uses it. */
void arm_system_reset(void);

/* Exit QEMU with `status` through semihosting (SYS_EXIT_EXTENDED). Only
 * under a debugger or an emulator with semihosting on: elsewhere the
 * breakpoint is a fault. */
__attribute__((noreturn)) void arm_semihost_exit(int status);

#endif
