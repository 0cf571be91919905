/* tools/slipway/cmd_part.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway part`: ESP-IDF partition tables, with gen_esp32part.py's option
 * names and CSV syntax (../shared/docs/esp-formats.md section 3.3). The
 * binary format and the consistency rules are libs/esppart's, shared with
 * the device; the CSV text is part_csv.c's.
 */
#include "tools/slipway/part_csv.h"
#include "tools/slipway/slipway.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

static int verify(const struct esp_part_table *t, uint32_t table_offset,
		  uint32_t flash_size, uint32_t app_size_align)
{
	unsigned int a, b;
	int rc = esp_part_verify_app_align(t, table_offset, flash_size,
					   app_size_align, &a, &b);

	if (rc == ESP_PART_OK)
		return 0;
	if (a == b)
		return cli_error(-1, "partition '%s' at 0x%x: %s",
				 t->parts[a].label, t->parts[a].offset,
				 esp_part_strerror(rc));
	return cli_error(-1, "partitions '%s' at 0x%x and '%s' at 0x%x: %s",
			 t->parts[a].label, t->parts[a].offset,
			 t->parts[b].label, t->parts[b].offset,
			 esp_part_strerror(rc));
}

/* gen_esp32part's size form: NM or NK when exact, hex otherwise. */
static void print_size(FILE *out, uint32_t v)
{
	if (v % 0x100000 == 0)
		fprintf(out, "%uM", v / 0x100000);
	else if (v % 0x400 == 0)
		fprintf(out, "%uK", v / 0x400);
	else
		fprintf(out, "0x%x", v);
}

static void print_csv(FILE *out, const struct esp_part_table *t)
{
	char tb[8], sb[8];

	fprintf(out, "# ESP-IDF Partition Table\n"
		     "# Name, Type, SubType, Offset, Size, Flags\n");
	for (unsigned int i = 0; i < t->count; i++) {
		const struct esp_part *p = &t->parts[i];

		fprintf(out, "%s,%s,%s,0x%x,", p->label,
			part_type_name(p->type, tb),
			part_subtype_name(p->type, p->subtype, sb),
			p->offset);
		print_size(out, p->size);
		fprintf(out, ",%s%s%s\n",
			(p->flags & ESP_PART_FLAG_ENCRYPTED) ? "encrypted" : "",
			(p->flags & ESP_PART_FLAGS_KNOWN) == ESP_PART_FLAGS_KNOWN ? ":" : "",
			(p->flags & ESP_PART_FLAG_READONLY) ? "readonly" : "");
	}
}

/* --no-verify still checks --flash-size, as gen_esp32part does. */
static int fits_flash(const struct esp_part_table *t, uint32_t flash_size)
{
	for (unsigned int i = 0; flash_size != 0 && i < t->count; i++)
		if ((uint64_t)t->parts[i].offset + t->parts[i].size > flash_size)
			return cli_error(-1, "partition '%s' at 0x%x: %s",
					 t->parts[i].label, t->parts[i].offset,
					 esp_part_strerror(ESP_PART_ERR_FLASH_SIZE));
	return 0;
}

static int parse_table_offset(const char *text, uint32_t *out)
{
	if (cli_parse_u32(text, UINT32_MAX, out) || *out % 0x1000 != 0)
		return cli_error(EXIT_USAGE, "--offset: '%s' is not a 4 KiB-"
				 "aligned address", text);
	return 0;
}

/* --secure [v1|v2] (v1 when no version follows): secure boot v1 wants
 * app sizes in 64 KiB units, v2 in 4 KiB ones as without it. */
static int parse_secure(int argc, char **argv, uint32_t *app_size_align)
{
	const char *v = optarg;

	if (v == NULL && optind < argc &&
	    (strcmp(argv[optind], "v1") == 0 || strcmp(argv[optind], "v2") == 0))
		v = argv[optind++];
	if (v == NULL || strcmp(v, "v1") == 0)
		*app_size_align = 0x10000;
	else if (strcmp(v, "v2") == 0)
		*app_size_align = 0x1000;
	else
		return cli_error(EXIT_USAGE, "--secure: '%s' is not v1 or v2", v);
	return 0;
}

static int parse_boot_offset(const char *opt, const char *text, int64_t *out)
{
	uint32_t v;

	if (cli_parse_u32(text, UINT32_MAX, &v) || v % 0x1000 != 0)
		return cli_error(EXIT_USAGE, "%s: '%s' is not a 4 KiB-aligned "
				 "address", opt, text);
	*out = v;
	return 0;
}

static int part_gen(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "offset", required_argument, NULL, 'o' },
		{ "disable-md5sum", no_argument, NULL, 'd' },
		{ "flash-size", required_argument, NULL, 'f' },
		{ "no-verify", no_argument, NULL, 'n' },
		{ "secure", optional_argument, NULL, 's' },
		{ "primary-bootloader-offset", required_argument, NULL, 'p' },
		{ "recovery-bootloader-offset", required_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 },
	};
	static struct esp_part_table t;
	uint8_t bin[ESP_PART_TABLE_LEN];
	struct part_csv_layout layout = { ESP_PART_TABLE_OFFSET, -1, -1 };
	uint32_t flash_size = 0, app_size_align = 0x1000;
	uint8_t *csv;
	size_t csv_len;
	int md5 = 1, check = 1, c, rc;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (parse_table_offset(optarg, &layout.table_offset))
				return EXIT_USAGE;
			break;
		case 'd':
			md5 = 0;
			break;
		case 'n':
			check = 0;
			break;
		case 's':
			if (parse_secure(argc, argv, &app_size_align))
				return EXIT_USAGE;
			break;
		case 'p':
			if (parse_boot_offset("--primary-bootloader-offset", optarg,
					      &layout.primary_boot_offset))
				return EXIT_USAGE;
			break;
		case 'r':
			if (parse_boot_offset("--recovery-bootloader-offset", optarg,
					      &layout.recovery_boot_offset))
				return EXIT_USAGE;
			break;
		case 'f':
			if (part_parse_flash_size(optarg, &flash_size) || flash_size == 0)
				return cli_error(EXIT_USAGE, "--flash-size: "
						 "'%s' is not a size (e.g. 4MB "
						 "or 0x400000)", optarg);
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 2)
		return cli_error(EXIT_USAGE, "expected CSV and BIN");
	if (layout.primary_boot_offset >= layout.table_offset)
		return cli_error(EXIT_USAGE, "--primary-bootloader-offset 0x%x "
				 "must lie below the table (--offset 0x%x)",
				 (unsigned int)layout.primary_boot_offset,
				 layout.table_offset);
	if (cli_read_file(argv[optind], &csv, &csv_len) != 0)
		return 1;
	rc = part_csv_parse((const char *)csv, csv_len, &layout, &t);
	free(csv);
	if (rc != 0)
		return 1;
	if (check ? verify(&t, layout.table_offset, flash_size, app_size_align)
		  : fits_flash(&t, flash_size))
		return 1;
	if (esp_part_encode(&t, md5, bin) != ESP_PART_OK)
		return cli_error(1, "%s", esp_part_strerror(ESP_PART_ERR_TOO_MANY));
	return cli_write_file(argv[optind + 1], bin, sizeof(bin)) != 0;
}

static int part_dump(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "offset", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	static struct esp_part_table t;
	uint32_t offset = ESP_PART_TABLE_OFFSET;
	uint8_t *data;
	size_t len;
	unsigned int bad;
	int c, rc;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		if (c != 'o' || parse_table_offset(optarg, &offset))
			return EXIT_USAGE;
	}
	if (argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected BIN");
	if (cli_read_file(argv[optind], &data, &len) != 0)
		return 1;
	rc = esp_part_parse(data, len, &t, &bad);
	free(data);
	if (rc != ESP_PART_OK)
		return cli_error(1, "%s: entry %u: %s", argv[optind], bad,
				 esp_part_strerror(rc));
	for (unsigned int i = 0; i < t.count; i++)
		if (t.parts[i].flags & ~(uint32_t)ESP_PART_FLAGS_KNOWN)
			fprintf(stderr, "%s: warning: partition '%s' has "
				"unknown flag bits 0x%x\n", slipway_prog,
				t.parts[i].label, t.parts[i].flags);
	if (verify(&t, offset, 0, 0x1000) != 0)
		return 1;
	print_csv(stdout, &t);
	return 0;
}

static const struct slipway_cmd part_cmds[] = {
	{ "gen", "ESP-IDF partition table: CSV to binary (gen_esp32part)",
	  "[--offset N] [--disable-md5sum] [--flash-size S] [--no-verify]\n"
	  "       [--secure [v1|v2]] [--primary-bootloader-offset N]\n"
	  "       [--recovery-bootloader-offset N] CSV BIN\n\n"
	  "Write the binary partition table for CSV, byte-identical to ESP-IDF's\n"
	  "gen_esp32part.py, after the same checks (alignment, overlaps and row\n"
	  "order, unique names, otadata and TEE otadata, NVS and readonly rules).\n"
	  "Names longer than 16 bytes are truncated (with a warning) as\n"
	  "gen_esp32part does; names that become equal are refused.\n\n"
	  "  --offset N        where the table sits in flash (default 0x8000)\n"
	  "  --disable-md5sum  leave out the MD5 checksum entry\n"
	  "  --flash-size S    refuse partitions ending past S (e.g. 4MB)\n"
	  "  --no-verify       skip the consistency checks (not --flash-size)\n"
	  "  --secure [v1|v2]  secure boot: v1 (the default) wants app sizes\n"
	  "                    in 64 KiB units\n"
	  "  --primary-bootloader-offset N   where the bootloader starts; needed\n"
	  "                    by bootloader rows (their size runs to the table)\n"
	  "  --recovery-bootloader-offset N  where a recovery bootloader row lies\n",
	  part_gen },
	{ "dump", "ESP-IDF partition table: binary to CSV",
	  "[--offset N] BIN\n\n"
	  "Check a binary partition table (magic, MD5, end marker, consistency)\n"
	  "and print it as CSV in gen_esp32part.py's form.\n\n"
	  "  --offset N  where the table sits in flash (default 0x8000): nothing\n"
	  "              but the primary bootloader and table may start below\n"
	  "              its sector's end\n",
	  part_dump },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group part_group = {
	"part", "ESP-IDF partition tables: gen, dump", part_cmds,
};
