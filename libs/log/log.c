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
