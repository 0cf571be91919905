/*
 * The reference OS image: the program the bootloader boots in this tree, a
 * stand-in for a product's own OS. Its banner names the image version the
 * build signed it with, so a boot log shows which image runs.
 */
#include "arch/arch.h"

#include <stdio.h>

int slipway_main(void)
{
	printf("Slipway OS %s\n", CONFIG_OS_IMAGE_VERSION);
	return 0;
}
