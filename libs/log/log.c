/* libs/log/log.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/log/log.h"

#include <stdarg.h>
#include <stdio.h>

void log_line(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}
