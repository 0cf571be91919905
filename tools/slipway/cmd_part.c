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
		  uint32_t flash_size)
{
	unsigned int a, b;
	int rc = esp_part_verify(t, table_offset, flash_size, &a, &b);

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

static int part_gen(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "offset", required_argument, NULL, 'o' },
		{ "disable-md5sum", no_argument, NULL, 'd' },
		{ "flash-size", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 },
	};
	static struct esp_part_table t;
	uint8_t bin[ESP_PART_TABLE_LEN];
	uint32_t offset = ESP_PART_TABLE_OFFSET, flash_size = 0;
	uint8_t *csv;
	size_t csv_len;
	int md5 = 1, c, rc;

	while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			if (cli_parse_u32(optarg, UINT32_MAX, &offset) ||
			    offset % 0x1000 != 0)
				return cli_error(EXIT_USAGE, "--offset: '%s' is "
						 "not a 4 KiB-aligned address",
						 optarg);
			break;
		case 'd':
			md5 = 0;
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
	if (cli_read_file(argv[optind], &csv, &csv_len) != 0)
		return 1;
	rc = part_csv_parse((const char *)csv, csv_len, offset, &t);
	free(csv);
	if (rc != 0 || verify(&t, offset, flash_size) != 0)
		return 1;
	if (esp_part_encode(&t, md5, bin) != ESP_PART_OK)
		return cli_error(1, "%s", esp_part_strerror(ESP_PART_ERR_TOO_MANY));
	return cli_write_file(argv[optind + 1], bin, sizeof(bin)) != 0;
}

static int part_dump(int argc, char **argv)
{
	static struct esp_part_table t;
	uint8_t *data;
	size_t len;
	unsigned int bad;
	int rc;

	if (argc != 2)
		return cli_error(EXIT_USAGE, "expected BIN");
	if (cli_read_file(argv[1], &data, &len) != 0)
		return 1;
	rc = esp_part_parse(data, len, &t, &bad);
	free(data);
	if (rc != ESP_PART_OK)
		return cli_error(1, "%s: entry %u: %s", argv[1], bad,
				 esp_part_strerror(rc));
	for (unsigned int i = 0; i < t.count; i++)
		if (t.parts[i].flags & ~(uint32_t)ESP_PART_FLAGS_KNOWN)
			fprintf(stderr, "%s: warning: partition '%s' has "
				"unknown flag bits 0x%x\n", slipway_prog,
				t.parts[i].label, t.parts[i].flags);
	if (verify(&t, ESP_PART_TABLE_OFFSET, 0) != 0)
		return 1;
	print_csv(stdout, &t);
	return 0;
}

static const struct slipway_cmd part_cmds[] = {
	{ "gen", "ESP-IDF partition table: CSV to binary (gen_esp32part)",
	  "[--offset N] [--disable-md5sum] [--flash-size S] CSV BIN\n\n"
	  "Write the binary partition table for CSV, byte-identical to ESP-IDF's\n"
	  "gen_esp32part.py, after the same checks (alignment, overlaps and row\n"
	  "order, unique names, otadata, NVS and readonly rules).\n\n"
	  "  --offset N        where the table sits in flash (default 0x8000)\n"
	  "  --disable-md5sum  leave out the MD5 checksum entry\n"
	  "  --flash-size S    refuse partitions ending past S (e.g. 4MB)\n",
	  part_gen },
	{ "dump", "ESP-IDF partition table: binary to CSV",
	  "BIN\n\n"
	  "Check a binary partition table (magic, MD5, end marker, consistency)\n"
	  "and print it as CSV in gen_esp32part.py's form.\n",
	  part_dump },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group part_group = {
	"part", "ESP-IDF partition tables: gen, dump", part_cmds,
};
