/* arch/arm/mps2/mps2.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/* The mps2 chip's devices, for its boards. */
#ifndef SLIPWAY_ARCH_ARM_MPS2_MPS2_H
#define SLIPWAY_ARCH_ARM_MPS2_MPS2_H

struct mtd_dev;
struct serial_dev;

/* UART0 (CMSDK, QEMU's first -serial): console, SMP and recovery. */
struct serial_dev *mps2_uart0(void);

/* The file-backed window as NOR flash (FLASH_SIZE bytes at
 * ARM_FLASH_XIP_BASE, sectors of FLASH_SECTOR_SIZE); NULL after printing
 * why not. */
struct mtd_dev *mps2_flash(void);

#endif
