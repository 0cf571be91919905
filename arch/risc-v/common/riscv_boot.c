/* arch/risc-v/common/riscv_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Starting an image in place: its payload is code linked for the address
 * the flash maps it at, so the boot hook only finds that address and jumps.
 * The image's own start-up sets up everything it needs.
 */
#include "arch/arch.h"
#include "arch/risc-v/common/riscv.h"
#include "drivers/mtd/mtd.h"
#include "libs/log/log.h"

#include <errno.h>
#include <stdio.h>

int arch_boot_image(struct mtd_dev *dev, uint32_t off, uint32_t size)
{
	uintptr_t entry;
	int rc = mtd_xip_address(dev, off, &entry);

	(void)size;
	if (rc != 0) {
		log_error("boot: the slot is not executable in place (%d)", rc);
		return rc;
	}
	/* The figure `make bench` reads (under -icount: instructions). In hex
	 * halves: no 64-bit division, and no long long asked of the
	 * integer-only printf. */
	uint64_t n = riscv_instret();

	log_info("boot: jumping to 0x%08lx; minstret 0x%08lx%08lx",
		 (unsigned long)entry, (unsigned long)(n >> 32), (unsigned long)n);
	fflush(stdout);
	/* The flash under entry may have been rewritten by this boot. */
	__asm__ volatile("fence.i" ::: "memory");
	((void (*)(void))entry)();
	return -EFAULT;
}
