/* arch/risc-v/qemu-virt/qemu_virt_random.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Random bytes from the Zkr entropy source: the seed CSR (0x015) gives 16
 * bits of entropy when its OPST field (bits 31:30) reads ES16; BIST and
 * WAIT mean ask again, DEAD means the source failed. QEMU backs it with
 * the host's random source when the CPU has zkr=true. Read with csrrw, as
 * the extension requires.
 */
#include "arch/risc-v/qemu-virt/qemu_virt.h"

#include <errno.h>
#include <stdint.h>

#define SEED_OPST(v) ((v) >> 30)
#define SEED_ES16 2u
#define SEED_DEAD 3u

static int seed16(uint16_t *out)
{
	for (unsigned int tries = 0; tries < 100000; tries++) {
		uint32_t v;

		__asm__ volatile("csrrw %0, 0x015, x0" : "=r"(v));
		if (SEED_OPST(v) == SEED_ES16) {
			*out = (uint16_t)v;
			return 0;
		}
		if (SEED_OPST(v) == SEED_DEAD)
			return -EIO;
	}
	return -EIO;
}

int qemu_virt_random(void *buf, size_t len)
{
	uint8_t *p = buf;

	for (size_t i = 0; i < len; i += 2) {
		uint16_t r;

		if (seed16(&r) != 0)
			return -EIO;
		p[i] = (uint8_t)r;
		if (i + 1 < len)
			p[i + 1] = (uint8_t)(r >> 8);
	}
	return 0;
}
