/* tools/slipway/cmd_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway flash`: whole-flash images, the bytes a programmer writes to a
 * blank part or the sim uses as its flash file.
 */
#include "tools/slipway/slipway.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

struct placement {
	uint32_t off;
	const char *path;
	uint8_t *data;
	size_t len;
};

static int parse_placement(const char *arg, struct placement *p)
{
	char num[32];
	const char *colon = strchr(arg, ':');

	if (colon == NULL || colon == arg || (size_t)(colon - arg) >= sizeof(num)
	    || colon[1] == '\0')
		return -1;
	memcpy(num, arg, (size_t)(colon - arg));
	num[colon - arg] = '\0';
	p->path = colon + 1;
	return cli_parse_u32(num, UINT32_MAX, &p->off);
}

static int assemble(uint32_t size, uint8_t fill, struct placement *pl, int n,
		    const char *out)
{
	uint8_t *img;
	int rc;

	for (int i = 0; i < n; i++) {
		if (cli_read_file(pl[i].path, &pl[i].data, &pl[i].len) != 0)
			return 1;
		if ((uint64_t)pl[i].off + pl[i].len > size)
			return cli_error(1, "%s at 0x%x (0x%zx bytes) runs past "
					 "the end of the 0x%x-byte flash",
					 pl[i].path, pl[i].off, pl[i].len, size);
		for (int j = 0; j < i; j++) {
			uint64_t a0 = pl[i].off, a1 = a0 + pl[i].len;
			uint64_t b0 = pl[j].off, b1 = b0 + pl[j].len;

			if (a0 < b1 && b0 < a1)
				return cli_error(1, "%s at 0x%x overlaps %s at "
						 "0x%x", pl[i].path, pl[i].off,
						 pl[j].path, pl[j].off);
		}
	}
	img = malloc(size ? size : 1);
	if (img == NULL)
		return cli_error(1, "out of memory");
	memset(img, fill, size);
	for (int i = 0; i < n; i++)
		memcpy(img + pl[i].off, pl[i].data, pl[i].len);
	rc = cli_write_file(out, img, size) != 0;
	free(img);
	return rc;
}

static int flash_assemble(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "size", required_argument, NULL, 's' },
		{ "fill", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	struct placement *pl;
	const char *out = NULL;
	uint32_t size = 0, fill = 0xff;
	int have_size = 0;
	int c, n, rc;

	while ((c = getopt_long(argc, argv, "s:f:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			if (cli_parse_u32(optarg, UINT32_MAX, &size))
				return cli_error(EXIT_USAGE, "--size: '%s' is "
						 "not a number", optarg);
			have_size = 1;
			break;
		case 'f':
			if (cli_parse_u32(optarg, 0xff, &fill))
				return cli_error(EXIT_USAGE, "--fill: '%s' is "
						 "not a byte value", optarg);
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (!have_size || out == NULL)
		return cli_error(EXIT_USAGE, "--size and --output are required");
	n = argc - optind;
	pl = calloc((size_t)(n ? n : 1), sizeof(*pl));
	if (pl == NULL)
		return cli_error(1, "out of memory");
	for (int i = 0; i < n; i++) {
		if (parse_placement(argv[optind + i], &pl[i]) != 0) {
			free(pl);
			return cli_error(EXIT_USAGE, "'%s' is not OFFSET:FILE",
					 argv[optind + i]);
		}
	}
	rc = assemble(size, (uint8_t)fill, pl, n, out);
	for (int i = 0; i < n; i++)
		free(pl[i].data);
	free(pl);
	return rc;
}

static const struct slipway_cmd flash_cmds[] = {
	{ "assemble", "build a whole-flash image from files at offsets",
	  "--size N --output FILE [--fill B] [OFFSET:FILE ...]\n\n"
	  "Write an N-byte flash image filled with B (default 0xff, erased NOR)\n"
	  "and each FILE placed at its OFFSET. Files may not overlap or run\n"
	  "past the end.\n\n"
	  "  -s, --size N      flash size in bytes\n"
	  "  -o, --output FILE the image to write\n"
	  "  -f, --fill B      value of bytes no file covers\n",
	  flash_assemble },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group flash_group = {
	"flash", "whole-flash images", flash_cmds,
};
