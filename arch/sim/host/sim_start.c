/*
 * Start-up of every sim program: the host's main() stands in for the reset
 * vector. stdout is line-buffered so the console reads like a UART, and is
 * flushed before any exec replaces the process.
 */
#include "arch/arch.h"

#include <stdio.h>

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	return slipway_main();
}
