/* libs/util/fmt.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "libs/util/fmt.h"

#include <stdint.h>

struct spec {
	int left, zero, width, prec; /* prec < 0: none */
};

struct out {
	void (*put)(void *arg, char c);
	void *arg;
	int n;
};

static void emit(struct out *o, char c)
{
	o->put(o->arg, c);
	o->n++;
}

static void pad(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

/* The digits of `v` in `base`, last first, into `d`; their count. */
static int digits(uint64_t v, unsigned int base, int upper, char *d)
{
	const char *set = "0123456789abcdef";
	int n = 0;

	do {
		uint32_t r;

		if (v <= UINT32_MAX) { /* the common case: no 64-bit division */
			r = (uint32_t)v % base;
			v = (uint32_t)v / base;
		} else { /* shift-and-subtract, so no libgcc division */
			uint64_t q = 0;

			r = 0;
			for (int i = 63; i >= 0; i--) {
				r = (r << 1) | (uint32_t)((v >> i) & 1);
				if (r >= base) {
					r -= base;
					q |= (uint64_t)1 << i;
				}
			}
			v = q;
		}
		/* One digit set: a letter digit in upper case is 0x20 below. */
		d[n++] = (char)(set[r] - (upper && r > 9 ? 'a' - 'A' : 0));
	} while (v != 0);
	return n;
}

static void number(struct out *o, const struct spec *s, uint64_t v, int neg,
		   unsigned int base, int upper, const char *prefix)
{
	char d[24];
	int n = (s->prec == 0 && v == 0) ? 0 : digits(v, base, upper, d);
	int zeros = s->prec > n ? s->prec - n : 0;
	int plen = 0, len;

	while (prefix[plen] != '\0')
		plen++;
	len = neg + plen + zeros + n;
	if (s->zero && !s->left && s->prec < 0 && s->width > len) {
		zeros += s->width - len;
		len = s->width;
	}
	if (!s->left)
		pad(o, ' ', s->width - len);
	if (neg)
		emit(o, '-');
	for (int i = 0; i < plen; i++)
		emit(o, prefix[i]);
	pad(o, '0', zeros);
	while (n > 0)
		emit(o, d[--n]);
	if (s->left)
		pad(o, ' ', s->width - len);
}

static void string(struct out *o, const struct spec *s, const char *str)
{
	int n = 0;

	if (str == NULL)
		str = "(null)";
	while (str[n] != '\0' && (s->prec < 0 || n < s->prec))
		n++;
	if (!s->left)
		pad(o, ' ', s->width - n);
	for (int i = 0; i < n; i++)
		emit(o, str[i]);
	if (s->left)
		pad(o, ' ', s->width - n);
}

/* A width or precision: digits, or '*' from the arguments. */
static int amount(const char **f, va_list *ap)
{
	int v = 0;

	if (**f == '*') {
		(*f)++;
		return va_arg(*ap, int);
	}
	while (**f >= '0' && **f <= '9')
		v = v * 10 + (*(*f)++ - '0');
	return v;
}

enum length { LEN_INT, LEN_CHAR, LEN_SHORT, LEN_LONG, LEN_LLONG, LEN_SIZE };

static enum length length(const char **f)
{
	switch (**f) {
	case 'h':
		(*f)++;
		if (**f == 'h') {
			(*f)++;
			return LEN_CHAR;
		}
		return LEN_SHORT;
	case 'l':
		(*f)++;
		if (**f == 'l') {
			(*f)++;
			return LEN_LLONG;
		}
		return LEN_LONG;
	case 'j':
		(*f)++;
		return LEN_LLONG;
	case 'z':
	case 't':
		(*f)++;
		return LEN_SIZE;
	default:
		return LEN_INT;
	}
}

static int64_t signed_arg(enum length l, va_list *ap)
{
	switch (l) {
	case LEN_LONG: return va_arg(*ap, long);
	case LEN_LLONG: return va_arg(*ap, long long);
	case LEN_SIZE: return (int64_t)va_arg(*ap, ptrdiff_t);
	case LEN_CHAR: return (signed char)va_arg(*ap, int);
	case LEN_SHORT: return (short)va_arg(*ap, int);
	default: return va_arg(*ap, int);
	}
}

static uint64_t unsigned_arg(enum length l, va_list *ap)
{
	switch (l) {
	case LEN_LONG: return va_arg(*ap, unsigned long);
	case LEN_LLONG: return va_arg(*ap, unsigned long long);
	case LEN_SIZE: return va_arg(*ap, size_t);
	case LEN_CHAR: return (unsigned char)va_arg(*ap, unsigned int);
	case LEN_SHORT: return (unsigned short)va_arg(*ap, unsigned int);
	default: return va_arg(*ap, unsigned int);
	}
}

/* One conversion, `f` just past its '%'; returns where the text resumes. */
static const char *convert(struct out *o, const char *f, va_list *ap)
{
	const char *start = f - 1;
	struct spec s = { 0, 0, 0, -1 };
	enum length l;
	int64_t sv;

	for (;; f++) {
		if (*f == '-')
			s.left = 1;
		else if (*f == '0')
			s.zero = 1;
		else
			break;
	}
	s.width = amount(&f, ap);
	if (s.width < 0) { /* a negative '*' width is '-' and its size */
		s.left = 1;
		s.width = -s.width;
	}
	if (*f == '.') {
		f++;
		s.prec = amount(&f, ap);
		if (s.prec < 0)
			s.prec = -1;
	}
	l = length(&f);
	switch (*f) {
	case 'd':
	case 'i':
		sv = signed_arg(l, ap);
		number(o, &s, sv < 0 ? 0 - (uint64_t)sv : (uint64_t)sv, sv < 0, 10, 0, "");
		break;
	case 'u':
		number(o, &s, unsigned_arg(l, ap), 0, 10, 0, "");
		break;
	case 'x':
	case 'X':
		number(o, &s, unsigned_arg(l, ap), 0, 16, *f == 'X', "");
		break;
	case 'o':
		number(o, &s, unsigned_arg(l, ap), 0, 8, 0, "");
		break;
	case 'p':
		number(o, &s, (uintptr_t)va_arg(*ap, void *), 0, 16, 0, "0x");
		break;
	case 'c': {
		char c[2] = { (char)va_arg(*ap, int), '\0' };

		s.prec = 1;
		string(o, &s, c);
		break;
	}
	case 's':
		string(o, &s, va_arg(*ap, const char *));
		break;
	case '%':
		emit(o, '%');
		break;
	default: /* not supported: the text as written */
		while (start <= f && *start != '\0')
			emit(o, *start++);
		if (*f == '\0')
			return f;
		break;
	}
	return f + 1;
}

int fmt_vformat(void (*put)(void *arg, char c), void *arg, const char *fmt,
		va_list ap)
{
	struct out o = { put, arg, 0 };
	va_list args;

	va_copy(args, ap);
	while (*fmt != '\0') {
		if (*fmt != '%')
			emit(&o, *fmt++);
		else
			fmt = convert(&o, fmt + 1, &args);
	}
	va_end(args);
	return o.n;
}

struct bounded {
	char *buf;
	size_t size, at;
};

static void put_bounded(void *arg, char c)
{
	struct bounded *b = arg;

	if (b->at + 1 < b->size)
		b->buf[b->at] = c;
	b->at++;
}

int fmt_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct bounded b = { buf, size, 0 };
	int n = fmt_vformat(put_bounded, &b, fmt, ap);

	if (size > 0)
		buf[b.at < size ? b.at : size - 1] = '\0';
	return n;
}
