/* tests/libs/util/test_fmt.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The bootloader's formatter (libs/util/fmt.c) against the host C
 * library's vsnprintf: every supported conversion, flag, width, precision
 * and length, the edges of each integer type, truncation and the returned
 * length; and what it leaves as written (unsupported conversions).
 */
#include "tests/test.h"

#include "libs/util/fmt.h"

#include <limits.h>
#include <stdint.h>
#include <string.h>

static char got[256], want[256];
static int got_n, want_n;

static void fmt_both(size_t size, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Format with both; the outputs and the lengths must agree. */
static void fmt_both(size_t size, const char *fmt, ...)
{
	va_list ap;

	memset(got, 'X', sizeof(got));
	memset(want, 'X', sizeof(want));
	va_start(ap, fmt);
	got_n = fmt_vsnprintf(got, size, fmt, ap);
	va_end(ap);
	va_start(ap, fmt);
	want_n = vsnprintf(want, size, fmt, ap);
	va_end(ap);
	if (got_n != want_n || memcmp(got, want, sizeof(got)) != 0)
		fail_msg("format \"%s\" (size %zu): got \"%.*s\" (%d), want \"%.*s\" (%d)",
			 fmt, size, (int)(size ? size : 1), got, got_n,
			 (int)(size ? size : 1), want, want_n);
}

#define SAME(...) fmt_both(sizeof(got), __VA_ARGS__)

static void test_integers(void **state)
{
	static const int ints[] = { 0, 1, -1, 9, 10, -10, 255, 4096, INT_MAX, INT_MIN };
	static const char *const fmts[] = {
		"%d", "%i", "%5d", "%-5d|", "%05d", "%.3d", "%8.3d", "%-8.3d|",
		"%.0d", "%u", "%x", "%X", "%o", "%08x", "%2x", "%.0x", "%*d", "%-*d|",
	};

	(void)state;
	for (size_t f = 0; f < sizeof(fmts) / sizeof(fmts[0]); f++)
		for (size_t i = 0; i < sizeof(ints) / sizeof(ints[0]); i++) {
			if (strchr(fmts[f], '*') != NULL)
				SAME(fmts[f], 7, ints[i]);
			else
				SAME(fmts[f], ints[i]);
		}
	SAME("%*d|", -6, 42);
	SAME("%.*d|", 4, 42);
	SAME("%.*d|", -1, 42);
}

static void test_lengths(void **state)
{
	(void)state;
	SAME("%ld %lu %lx", LONG_MIN, ULONG_MAX, ULONG_MAX);
	SAME("%lld %llu %llx", LLONG_MIN, ULLONG_MAX, ULLONG_MAX);
	SAME("%lld %llu", 1234567890123456789LL, 18446744073709551557ULL);
	SAME("%08lx", 0xdeadbeefUL);
	SAME("%zu %zx %zd", (size_t)SIZE_MAX, (size_t)4096, (ssize_t)-5);
	SAME("%jd %ju", (intmax_t)INT64_MIN, (uintmax_t)UINT64_MAX);
	SAME("%td", (ptrdiff_t)-77);
	SAME("%hd %hu %hhd %hhu %hx", (short)-3, (unsigned short)65535,
	     (signed char)-128, (unsigned char)255, (unsigned short)0xbeef);
	SAME("%hd %hhu", 70000, 300); /* converted to the short and char types */
}

static void test_strings_and_chars(void **state)
{
	(void)state;
	SAME("%s", "");
	SAME("[%s]", "image 0");
	SAME("[%10s]", "abc");
	SAME("[%-10s]", "abc");
	SAME("[%.2s]", "abc");
	SAME("[%.*s]", 5, "abcdefgh");
	SAME("[%-6.2s]", "abc");
	SAME("[%c%c%c]", 'o', 'k', '!');
	SAME("[%3c][%-3c]", 'a', 'b');
	SAME("100%% done");
	SAME("boot: image %u primary slot: version %u.%u.%u+%u, %u bytes, %s (%s)",
	     0u, 1u, 2u, 3u, 4u, 262807u, "valid", "ecdsa-p256");
}

static void test_pointer(void **state)
{
	(void)state;
	/* glibc prints a pointer as 0x and its digits, as fmt does (a null one
	 * it prints as "(nil)", fmt as 0x0). */
	SAME("%p", (void *)0x1234);
	SAME("[%12p]", (void *)0xbeef);
}

static void test_truncation(void **state)
{
	(void)state;
	fmt_both(1, "%s", "abc");
	assert_int_equal(got_n, 3);
	assert_int_equal(got[0], '\0');
	fmt_both(4, "%d", 123456);
	assert_string_equal(got, "123");
	fmt_both(0, "%d", 123456); /* nothing written, length still counted */
	assert_int_equal(got_n, 6);
	assert_int_equal(got[0], 'X');
	fmt_both(7, "%-6s|", "ab");
	assert_string_equal(got, "ab    ");
}

static int put_count;

static void put_counting(void *arg, char c)
{
	char *buf = arg;

	buf[put_count++] = c;
}

static int format_to(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	put_count = 0;
	n = fmt_vformat(put_counting, buf, fmt, ap);
	va_end(ap);
	buf[put_count] = '\0';
	return n;
}

/* Not supported: printed as written, arguments not taken. */
static void test_unsupported_as_written(void **state)
{
	char buf[64];

	(void)state;
	assert_int_equal(format_to(buf, "a%fb%dc", 7), 6);
	assert_string_equal(buf, "a%fb7c");
	format_to(buf, "%+d %#x", 5);
	assert_string_equal(buf, "%+d %#x");
	format_to(buf, "tail %");
	assert_string_equal(buf, "tail %");
	format_to(buf, "%s", (const char *)NULL);
	assert_string_equal(buf, "(null)");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_lengths),
		cmocka_unit_test(test_strings_and_chars),
		cmocka_unit_test(test_pointer),
		cmocka_unit_test(test_truncation),
		cmocka_unit_test(test_unsupported_as_written),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
