/* arch/risc-v/qemu-virt/qemu_virt.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The qemu-virt chip's devices, for its boards. */
#ifndef SLIPWAY_ARCH_RISCV_QEMU_VIRT_QEMU_VIRT_H
#define SLIPWAY_ARCH_RISCV_QEMU_VIRT_QEMU_VIRT_H

struct mtd_dev;
struct serial_dev;

/* UART0 (ns16550a at 0x10000000): the machine's only serial line. */
struct serial_dev *qemu_virt_uart0(void);

/* pflash unit 0, queried on first use; NULL after printing why not. */
struct mtd_dev *qemu_virt_pflash0(void);

#endif
