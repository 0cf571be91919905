/* libs/util/fmt_stdio.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The C library's formatted output, over fmt.c: linked into a device's
 * bootloader (boot/Make.defs) ahead of the C library, so the library's
 * vfprintf is not. Characters go out through putchar, to the same stdout
 * the rest of the program writes to.
 */
#include "libs/util/fmt.h"

#include <stdio.h>

static void put_stdout(void *arg, char c)
{
	(void)arg;
	putchar(c);
}

int vprintf(const char *fmt, va_list ap)
{
	return fmt_vformat(put_stdout, NULL, fmt, ap);
}

int printf(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintf(fmt, ap);
	va_end(ap);
	return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return fmt_vsnprintf(buf, size, fmt, ap);
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
