/* libs/util/fmt.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A small printf formatter for the bootloader, in place of the C library's
 * vfprintf (picolibc's integer one is 1.2 KiB of code plus the 64-bit
 * division it needs). It takes what the tree's messages use: the
 * conversions d i u x X o c s p and %%, the flags '-' and '0', a width
 * and a precision (digits or '*'), and the length modifiers hh h l ll z j
 * t. Not supported, printed as they are written: floating point, %n, and
 * the flags '+', ' ' and '#'.
 */
#ifndef SLIPWAY_LIBS_UTIL_FMT_H
#define SLIPWAY_LIBS_UTIL_FMT_H

#include <stdarg.h>
#include <stddef.h>

/* Format into `buf` (size bytes, always terminated when size > 0);
 * returns the length the whole output has, as vsnprintf does. */
int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

/* Format to `put` one character at a time; returns the characters put. */
int fmt_vformat(void (*put)(void *arg, char c), void *arg, const char *fmt,
		va_list ap);

#endif
