/* tools/slipway/cli.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Helpers every command of the host program shares. */
#include "tools/slipway/slipway.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

const char *slipway_prog = "slipway";
int cli_quiet;

int cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	if (cli_quiet)
		return code;
	fprintf(stderr, "%s: ", slipway_prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int cli_parse_u32(const char *text, uint32_t max, uint32_t *out)
{
	char *end;
	unsigned long long v;

	if (text == NULL || text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	v = strtoull(text, &end, 0);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int cli_read_file(const char *path, uint8_t **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	uint8_t *buf = NULL;
	size_t cap = 0, n = 0;

	if (f == NULL)
		return cli_error(-1, "%s: %s", path, strerror(errno));
	for (;;) {
		size_t got;

		if (n == cap) {
			uint8_t *nb;

			cap = cap ? cap * 2 : 65536;
			nb = realloc(buf, cap);
			if (nb == NULL) {
				free(buf);
				fclose(f);
				return cli_error(-1, "%s: out of memory", path);
			}
			buf = nb;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		free(buf);
		fclose(f);
		return cli_error(-1, "%s: read error", path);
	}
	fclose(f);
	*data = buf;
	*len = n;
	return 0;
}

int cli_write_file(const char *path, const uint8_t *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (f == NULL)
		return cli_error(-1, "%s: %s", path, strerror(errno));
	if (fwrite(data, 1, len, f) != len || fclose(f) != 0) {
		int e = errno;

		remove(path);
		return cli_error(-1, "%s: %s", path, strerror(e));
	}
	return 0;
}
