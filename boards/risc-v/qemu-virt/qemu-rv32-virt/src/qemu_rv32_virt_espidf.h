/* boards/risc-v/qemu-virt/qemu-rv32-virt/src/qemu_rv32_virt_espidf.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What the loader hands the OS on QEMU virt in the ESP-IDF scheme: the
 * partition it started, in 16 bytes just below the OS's RAM
 * (QEMU_VIRT_ESPIDF_OS_BASE), outside every range an app may load to and
 * outside the loader's RAM. The sim carries the same through the
 * environment (OTA_ESPIDF_HANDOFF_ENV).
 */
#ifndef SLIPWAY_BOARDS_QEMU_RV32_VIRT_ESPIDF_H
#define SLIPWAY_BOARDS_QEMU_RV32_VIRT_ESPIDF_H

#include <stdint.h>

#define QEMU_VIRT_ESPIDF_HANDOFF_MAGIC 0x5e1d0a7au

struct qemu_virt_espidf_handoff {
	uint32_t magic;
	uint32_t part_offset;
	uint32_t reserved[2];
};

#define QEMU_VIRT_ESPIDF_HANDOFF \
	((volatile struct qemu_virt_espidf_handoff *)(CONFIG_QEMU_VIRT_ESPIDF_OS_BASE - 16u))

#endif
