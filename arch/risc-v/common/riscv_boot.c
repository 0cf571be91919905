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
	/* The figure `make bench` reads (under -icount: instructions), in two
	 * 32-bit halves: the integer-only printf need not know long long. */
	uint64_t n = riscv_instret();
	unsigned long hi = (unsigned long)(n / 1000000000u);
	unsigned long lo = (unsigned long)(n % 1000000000u);

	if (hi != 0)
		log_info("boot: jumping to 0x%08lx; minstret %lu%09lu",
			 (unsigned long)entry, hi, lo);
	else
		log_info("boot: jumping to 0x%08lx; minstret %lu",
			 (unsigned long)entry, lo);
	fflush(stdout);
	/* The flash under entry may have been rewritten by this boot. */
	__asm__ volatile("fence.i" ::: "memory");
	((void (*)(void))entry)();
	return -EFAULT;
}
