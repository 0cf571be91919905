/* tools/slipway/part_csv.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ESP-IDF partition table CSV, as gen_esp32part.py reads it
 * (../shared/docs/esp-formats.md section 3.3): rows, keywords, numbers with
 * K/M suffixes, auto-placed offsets, negative sizes, flags, $VARIABLES.
 * Every refusal is printed through cli_error with the line number.
 */
#include "tools/slipway/part_csv.h"
#include "tools/slipway/slipway.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct keyword {
	const char *name;
	uint8_t value;
};

static const struct keyword types[] = {
	{ "app", 0x00 }, { "data", 0x01 },
	{ "bootloader", 0x02 }, { "partition_table", 0x03 }, { NULL, 0 },
};

static const struct keyword app_subtypes[] = {
	{ "factory", 0x00 }, { "ota_0", 0x10 }, { "ota_1", 0x11 },
	{ "ota_2", 0x12 }, { "ota_3", 0x13 }, { "ota_4", 0x14 },
	{ "ota_5", 0x15 }, { "ota_6", 0x16 }, { "ota_7", 0x17 },
	{ "ota_8", 0x18 }, { "ota_9", 0x19 }, { "ota_10", 0x1a },
	{ "ota_11", 0x1b }, { "ota_12", 0x1c }, { "ota_13", 0x1d },
	{ "ota_14", 0x1e }, { "ota_15", 0x1f }, { "test", 0x20 },
	{ "tee_0", 0x30 }, { "tee_1", 0x31 }, { NULL, 0 },
};

static const struct keyword data_subtypes[] = {
	{ "ota", 0x00 }, { "phy", 0x01 }, { "nvs", 0x02 }, { "coredump", 0x03 },
	{ "nvs_keys", 0x04 }, { "efuse", 0x05 }, { "undefined", 0x06 },
	{ "esphttpd", 0x80 }, { "fat", 0x81 }, { "spiffs", 0x82 },
	{ "littlefs", 0x83 }, { "tee_ota", 0x90 }, { NULL, 0 },
};

static const struct keyword boot_subtypes[] = {
	{ "primary", 0x00 }, { "ota", 0x01 }, { "recovery", 0x02 }, { NULL, 0 },
};

static const struct keyword table_subtypes[] = {
	{ "primary", 0x00 }, { "ota", 0x01 }, { NULL, 0 },
};

static const struct keyword *subtypes_of(uint8_t type)
{
	switch (type) {
	case 0x00: return app_subtypes;
	case 0x01: return data_subtypes;
	case 0x02: return boot_subtypes;
	case 0x03: return table_subtypes;
	default: return NULL;
	}
}

/* Python int(x, 0): 0x/0o/0b prefixes, decimal without leading zeros, '_'. */
static int parse_pyint(const char *s, uint64_t *out)
{
	char digits[64];
	size_t n = 0;
	int base = 10;
	uint64_t v = 0;

	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
		base = 16, s += 2;
	else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
		base = 8, s += 2;
	else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
		base = 2, s += 2;
	for (; *s; s++) {
		if (*s == '_' && n > 0 && s[1] != '\0' && s[1] != '_')
			continue;
		if (n + 1 >= sizeof(digits))
			return -1;
		digits[n++] = *s;
	}
	digits[n] = '\0';
	if (n == 0)
		return -1;
	if (base == 10 && digits[0] == '0')
		for (size_t i = 1; i < n; i++)
			if (digits[i] != '0')
				return -1;
	for (size_t i = 0; i < n; i++) {
		int d = isdigit((unsigned char)digits[i]) ? digits[i] - '0' :
			isxdigit((unsigned char)digits[i]) ?
			tolower((unsigned char)digits[i]) - 'a' + 10 : 99;

		if (d >= base || v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return -1;
		v = v * (uint64_t)base + (uint64_t)d;
	}
	*out = v;
	return 0;
}

/* A number with an optional K/M suffix, within 32 bits. */
static int parse_size(const char *text, uint32_t *out)
{
	char buf[64];
	size_t n = strlen(text);
	uint64_t mul = 1, v;

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, text, n + 1);
	if (buf[n - 1] == 'K' || buf[n - 1] == 'k')
		mul = 1024, buf[--n] = '\0';
	else if (buf[n - 1] == 'M' || buf[n - 1] == 'm')
		mul = 1024 * 1024, buf[--n] = '\0';
	if (parse_pyint(buf, &v) != 0 || v * mul > UINT32_MAX ||
	    (mul > 1 && v > UINT32_MAX / mul))
		return -1;
	*out = (uint32_t)(v * mul);
	return 0;
}

/* gen_esp32part's --flash-size: "4MB" and the like, or a plain size. */
int part_parse_flash_size(const char *text, uint32_t *out)
{
	char buf[32];
	size_t n = strlen(text);

	if (n > 2 && n < sizeof(buf) && strcmp(text + n - 2, "MB") == 0) {
		memcpy(buf, text, n - 2);
		buf[n - 2] = 'M';
		buf[n - 1] = '\0';
		return parse_size(buf, out);
	}
	return parse_size(text, out);
}

static int parse_keyword(const char *text, const struct keyword *kw,
			 uint8_t *out)
{
	uint64_t v;

	for (; kw && kw->name; kw++)
		if (strcasecmp(text, kw->name) == 0) {
			*out = kw->value;
			return 0;
		}
	if (parse_pyint(text, &v) != 0 || v > 0xff)
		return -1;
	*out = (uint8_t)v;
	return 0;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Expand $NAME and ${NAME}; an unknown variable is an error. */
static int expand_vars(const char *in, char *out, size_t len, int line)
{
	size_t o = 0;

	while (*in) {
		if (*in == '$') {
			char name[128];
			size_t n = 0;
			int braced = in[1] == '{';
			const char *p = in + 1 + braced, *val;

			while ((isalnum((unsigned char)*p) || *p == '_') &&
			       n + 1 < sizeof(name))
				name[n++] = *p++;
			name[n] = '\0';
			if (braced && *p++ != '}')
				n = 0;
			val = n ? getenv(name) : NULL;
			if (val == NULL)
				return cli_error(-1, "line %d: unknown variable "
						 "in '%s'", line, in);
			if (o + strlen(val) >= len)
				return cli_error(-1, "line %d: too long", line);
			memcpy(out + o, val, strlen(val));
			o += strlen(val);
			in = p;
		} else {
			if (o + 1 >= len)
				return cli_error(-1, "line %d: too long", line);
			out[o++] = *in++;
		}
	}
	out[o] = '\0';
	return 0;
}

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (uint32_t)(((uint64_t)v + a - 1) / a * a);
}

/* Split on commas, keeping empty fields; at most `max`. Returns the count. */
static int split_fields(char *line, char **f, int max)
{
	int n = 0;

	for (;;) {
		char *comma = strchr(line, ',');

		if (n == max)
			return -1;
		if (comma)
			*comma = '\0';
		f[n++] = trim(line);
		if (!comma)
			return n;
		line = comma + 1;
	}
}

static int parse_flags(const char *text, uint32_t *flags, int lineno)
{
	char buf[128], *save = NULL;

	*flags = 0;
	if (strlen(text) >= sizeof(buf))
		return cli_error(-1, "line %d: flags too long", lineno);
	strcpy(buf, text);
	for (char *t = strtok_r(buf, ":", &save); t; t = strtok_r(NULL, ":", &save)) {
		t = trim(t);
		if (strcmp(t, "encrypted") == 0)
			*flags |= ESP_PART_FLAG_ENCRYPTED;
		else if (strcmp(t, "readonly") == 0)
			*flags |= ESP_PART_FLAG_READONLY;
		else if (t[0] != '\0')
			return cli_error(-1, "line %d: unknown flag '%s' "
					 "(known: encrypted, readonly)", lineno, t);
	}
	return 0;
}

/* gen_esp32part packs a name into the entry's 16 bytes: a longer one is
 * cut there (said on stderr; names that become equal are then refused as
 * duplicates), an empty one is all zeros. */
static void set_label(struct esp_part *p, const char *name, int lineno)
{
	size_t n = strlen(name);

	if (n > ESP_PART_LABEL_LEN) {
		n = ESP_PART_LABEL_LEN;
		if (!cli_quiet)
			fprintf(stderr, "%s: line %d: warning: name '%s' is longer "
				"than 16 bytes; truncated to '%.16s' as "
				"gen_esp32part does\n", slipway_prog, lineno,
				name, name);
	}
	memcpy(p->label, name, n);
	p->label[n] = '\0';
}

/* The bootloader and partition_table rows: gen_esp32part places them
 * itself and ignores the CSV's offset (primary and recovery bootloader,
 * primary table) and size (every such row). Returns 1 when the row's
 * offset is fixed here, 0 when the CSV's counts, -1 on error. */
static int place_fixed_row(struct esp_part *p, const struct part_csv_layout *l,
			   int lineno)
{
	if (p->type == ESP_PART_TYPE_PARTITION_TABLE) {
		p->size = ESP_PART_TABLE_SECTOR;
		if (p->subtype != ESP_PART_SUBTYPE_TABLE_PRIMARY)
			return 0;
		p->offset = l->table_offset;
		return 1;
	}
	if (l->primary_boot_offset < 0)
		return cli_error(-1, "line %d: a bootloader row needs "
				 "--primary-bootloader-offset (its size is the "
				 "space from there to the table)", lineno);
	p->size = l->table_offset - (uint32_t)l->primary_boot_offset;
	if (p->subtype == ESP_PART_SUBTYPE_BOOT_PRIMARY) {
		p->offset = (uint32_t)l->primary_boot_offset;
		return 1;
	}
	if (p->subtype != ESP_PART_SUBTYPE_BOOT_RECOVERY)
		return 0;
	if (l->recovery_boot_offset < 0)
		return cli_error(-1, "line %d: a recovery bootloader row needs "
				 "--recovery-bootloader-offset", lineno);
	p->offset = (uint32_t)l->recovery_boot_offset;
	return 1;
}

/*
 * One CSV row into `p`. `*next_free` is where the previous partition ended
 * (auto-placed offsets start there); it moves to this partition's end.
 * The primary bootloader and primary table rows take no part in that.
 */
static int parse_row(char *line, int lineno, int first,
		     const struct part_csv_layout *layout,
		     uint32_t *next_free, struct esp_part *p)
{
	char *f[6] = { "", "", "", "", "", "" };
	const char *name, *type, *sub, *off, *size, *flags;
	uint32_t end_abs;
	int n = split_fields(line, f, 6), fixed = 0;

	if (n < 0)
		return cli_error(-1, "line %d: more than 6 fields", lineno);
	name = f[0], type = f[1], sub = f[2], off = f[3], size = f[4],
	flags = f[5];
	memset(p, 0, sizeof(*p));
	set_label(p, name, lineno);
	if (type[0] == '\0' || parse_keyword(type, types, &p->type) != 0)
		return cli_error(-1, "line %d: unknown partition type '%s'",
				 lineno, type);
	if (sub[0] == '\0') {
		if (p->type == ESP_PART_TYPE_APP)
			return cli_error(-1, "line %d: app partition '%s' "
					 "needs a subtype", lineno, name);
		p->subtype = ESP_PART_SUBTYPE_DATA_UNDEFINED;
	} else if (parse_keyword(sub, subtypes_of(p->type), &p->subtype) != 0) {
		return cli_error(-1, "line %d: unknown subtype '%s' for type "
				 "'%s'", lineno, sub, type);
	}
	if (p->type == ESP_PART_TYPE_BOOTLOADER ||
	    p->type == ESP_PART_TYPE_PARTITION_TABLE) {
		fixed = place_fixed_row(p, layout, lineno);
		if (fixed < 0)
			return -1;
		if (fixed && esp_part_is_primary_boot_or_table(p))
			return parse_flags(flags, &p->flags, lineno);
	}
	if (fixed) {
		if (p->offset < *next_free)
			return cli_error(-1, "line %d: partitions overlap: '%s' at "
					 "0x%x starts before the previous "
					 "partition ends (0x%x)", lineno, name,
					 p->offset, *next_free);
	} else if (off[0] == '\0') {
		p->offset = align_up(*next_free,
				     p->type == ESP_PART_TYPE_APP ? 0x10000 : 0x1000);
	} else if (parse_size(off, &p->offset) != 0) {
		return cli_error(-1, "line %d: bad offset '%s'", lineno, off);
	} else if (p->offset < *next_free && first) {
		return cli_error(-1, "line %d: '%s' at 0x%x lies within the "
				 "partition table, which ends at 0x%x", lineno,
				 name, p->offset, *next_free);
	} else if (p->offset < *next_free) {
		return cli_error(-1, "line %d: partitions overlap: '%s' at 0x%x "
				 "starts before the previous partition ends "
				 "(0x%x); rows must be in ascending offset "
				 "order", lineno, name, p->offset, *next_free);
	}
	if (p->type == ESP_PART_TYPE_BOOTLOADER ||
	    p->type == ESP_PART_TYPE_PARTITION_TABLE) {
		/* the size was set by place_fixed_row */
	} else if (size[0] == '-') {
		if (parse_size(size + 1, &end_abs) != 0 || end_abs <= p->offset)
			return cli_error(-1, "line %d: bad size '%s'", lineno,
					 size);
		p->size = end_abs - p->offset;
	} else if (size[0] == '\0' || parse_size(size, &p->size) != 0) {
		return cli_error(-1, "line %d: bad size '%s'", lineno, size);
	}
	if (parse_flags(flags, &p->flags, lineno) != 0)
		return -1;
	if ((uint64_t)p->offset + p->size > UINT32_MAX)
		return cli_error(-1, "line %d: '%s' ends past 4 GiB", lineno, name);
	*next_free = p->offset + p->size;
	return 0;
}

/* gen_esp32part decodes by byte-order mark: UTF-8's is dropped; UTF-16
 * and UTF-32 text is refused here (convert it to UTF-8). Returns the bytes
 * to skip, or -1. */
static int skip_bom(const uint8_t *b, size_t len)
{
	if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		return 3;
	if (len >= 2 && ((b[0] == 0xff && b[1] == 0xfe) ||
			 (b[0] == 0xfe && b[1] == 0xff)))
		return cli_error(-1, "the CSV is UTF-16 or UTF-32 text (it "
				 "starts with that byte-order mark); convert it "
				 "to UTF-8");
	if (len >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xfe && b[3] == 0xff)
		return cli_error(-1, "the CSV is UTF-32 text (it starts with "
				 "that byte-order mark); convert it to UTF-8");
	return 0;
}

int part_csv_parse(const char *csv, size_t len,
		   const struct part_csv_layout *layout,
		   struct esp_part_table *t)
{
	char *text, *line, *next;
	uint32_t next_free = layout->table_offset + ESP_PART_TABLE_SECTOR;
	int lineno = 0, rc = 0, placed = 0;
	int bom = skip_bom((const uint8_t *)csv, len);

	if (bom < 0)
		return -1;
	csv += bom;
	len -= (size_t)bom;

	text = malloc(len + 1);
	if (text == NULL)
		return cli_error(-1, "out of memory");
	memcpy(text, csv, len);
	text[len] = '\0';
	if (strlen(text) != len) {
		free(text);
		return cli_error(-1, "NUL byte in the CSV text");
	}
	memset(t, 0, sizeof(*t));
	/* Lines end as Python's splitlines() ends them (LF, CR LF or CR),
	 * blank ones counted, so errors name gen_esp32part's line numbers. */
	for (line = text; line != NULL && rc == 0; line = next) {
		char expanded[1024];
		char *l, *eol = line + strcspn(line, "\r\n");

		next = NULL;
		if (*eol != '\0') {
			next = eol + 1 + (eol[0] == '\r' && eol[1] == '\n');
			*eol = '\0';
		}
		lineno++;
		l = trim(line);
		if (l[0] == '\0' || l[0] == '#')
			continue;
		if (expand_vars(l, expanded, sizeof(expanded), lineno) != 0) {
			rc = -1;
			break;
		}
		if (t->count == ESP_PART_MAX) {
			rc = cli_error(-1, "too many partitions");
			break;
		}
		rc = parse_row(expanded, lineno, placed == 0, layout,
			       &next_free, &t->parts[t->count]);
		if (rc == 0 && !esp_part_is_primary_boot_or_table(&t->parts[t->count]))
			placed++;
		if (rc == 0)
			t->count++;
	}
	free(text);
	if (rc == 0 && t->count == 0)
		rc = cli_error(-1, "no partitions");
	return rc;
}

static const char *keyword_of(const struct keyword *kw, uint8_t v, char *buf)
{
	for (; kw && kw->name; kw++)
		if (kw->value == v)
			return kw->name;
	sprintf(buf, "%u", v);
	return buf;
}


const char *part_type_name(uint8_t type, char buf[8])
{
	return keyword_of(types, type, buf);
}

const char *part_subtype_name(uint8_t type, uint8_t subtype, char buf[8])
{
	return keyword_of(subtypes_of(type), subtype, buf);
}
