/* arch/risc-v/qemu-virt/qemu_virt.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The qemu-virt chip's devices, for its boards. */
#ifndef SLIPWAY_ARCH_RISCV_QEMU_VIRT_QEMU_VIRT_H
#define SLIPWAY_ARCH_RISCV_QEMU_VIRT_QEMU_VIRT_H

#include <stddef.h>

struct mtd_dev;
struct serial_dev;

/* UART0 (ns16550a at 0x10000000): the machine's only serial line. */
struct serial_dev *qemu_virt_uart0(void);

/* pflash unit 0, queried on first use; NULL after printing why not. */
struct mtd_dev *qemu_virt_pflash0(void);

/* `len` random bytes from the CPU's Zkr entropy source (the seed CSR;
 * QEMU with -cpu rv32,zkr=true, as tools/qemu/virt.sh runs it): 0, or
 * -EIO when the source fails (qemu_virt_random.c). */
int qemu_virt_random(void *buf, size_t len);

#endif
