/* tools/slipway/cmd_otadata.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway otadata`: ESP-IDF's otadata partition, as otatool.py reads and
 * switches it, on an otadata binary (8 KiB) or on a whole-flash image (the
 * partition found through the partition table). Decisions and bytes are
 * libs/otadata's, the ones the loader and the agent use.
 */
#include "libs/esppart/esp_part.h"
#include "libs/otadata/otadata.h"
#include "tools/slipway/slipway.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* The file and where its otadata is, with what the table says. */
struct target {
	uint8_t *data;
	size_t len;
	uint32_t offset;          /* of the otadata partition in the file */
	struct otadata_layout l;
	int have_count;           /* ota_count known (table or --ota-count) */
};

struct opts {
	uint32_t table_offset;
	uint32_t ota_count;
	int have_count, rollback;
	uint32_t slot;
	int have_slot;
	const char *out;
};

/* A whole-flash image: the table at opt->table_offset names the otadata
 * partition and the app partitions. */
static int locate_in_flash(struct target *t, const struct opts *o,
			   const char *path)
{
	static struct esp_part_table pt;
	unsigned int bad, a, b;
	int rc, found = 0;

	if ((uint64_t)o->table_offset + ESP_PART_TABLE_LEN > t->len)
		return cli_error(-1, "%s: no partition table at 0x%x (file is "
				 "%zu bytes)", path, o->table_offset, t->len);
	rc = esp_part_parse(t->data + o->table_offset, ESP_PART_TABLE_LEN, &pt,
			    &bad);
	if (rc == ESP_PART_OK)
		rc = esp_part_verify(&pt, o->table_offset, (uint32_t)t->len, &a,
				     &b);
	if (rc != ESP_PART_OK)
		return cli_error(-1, "%s: partition table at 0x%x: %s", path,
				 o->table_offset, esp_part_strerror(rc));
	for (unsigned int i = 0; i < pt.count; i++) {
		const struct esp_part *p = &pt.parts[i];

		if (p->type == ESP_PART_TYPE_DATA &&
		    p->subtype == ESP_PART_SUBTYPE_DATA_OTA) {
			t->offset = p->offset;
			found = 1;
		} else if (p->type == ESP_PART_TYPE_APP) {
			if (p->subtype == ESP_PART_SUBTYPE_APP_FACTORY)
				t->l.has_factory = 1;
			else if (p->subtype == 0x20)
				t->l.has_test = 1;
			else if (esp_part_ota_index(p) >= 0)
				t->l.ota_count++;
		}
	}
	if (!found)
		return cli_error(-1, "%s: the partition table has no otadata "
				 "partition", path);
	t->have_count = 1;
	return 0;
}

static int load(const char *path, const struct opts *o, struct target *t)
{
	memset(t, 0, sizeof(*t));
	if (cli_read_file(path, &t->data, &t->len) != 0)
		return -1;
	t->l.has_otadata = 1;
	t->l.rollback = o->rollback;
	if (t->len == OTADATA_SIZE) {
		t->l.ota_count = o->ota_count;
		t->have_count = o->have_count;
		return 0;
	}
	if (t->len < OTADATA_SIZE ||
	    locate_in_flash(t, o, path) != 0) {
		if (t->len < OTADATA_SIZE)
			cli_error(-1, "%s: %zu bytes: neither an otadata partition "
				  "(8192 bytes) nor a flash image", path, t->len);
		free(t->data);
		return -1;
	}
	if (o->have_count && o->ota_count != t->l.ota_count) {
		free(t->data);
		return cli_error(-1, "--ota-count %u: the partition table has %u "
				 "OTA app partitions", o->ota_count,
				 t->l.ota_count);
	}
	return 0;
}

static int save(const char *path, const struct opts *o, struct target *t)
{
	int rc = cli_write_file(o->out ? o->out : path, t->data, t->len);

	free(t->data);
	return rc != 0;
}

static int parse_opts(int argc, char **argv, struct opts *o, int want_slot)
{
	static const struct option longopts[] = {
		{ "table-offset", required_argument, NULL, 't' },
		{ "ota-count", required_argument, NULL, 'n' },
		{ "rollback", no_argument, NULL, 'r' },
		{ "slot", required_argument, NULL, 's' },
		{ "name", required_argument, NULL, 'N' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	memset(o, 0, sizeof(*o));
	o->table_offset = ESP_PART_TABLE_OFFSET;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (cli_parse_u32(optarg, UINT32_MAX, &o->table_offset) ||
			    o->table_offset % 0x1000 != 0)
				return cli_error(EXIT_USAGE, "--table-offset: '%s' "
						 "is not a 4 KiB-aligned address",
						 optarg);
			break;
		case 'n':
			if (cli_parse_u32(optarg, OTADATA_MAX_OTA, &o->ota_count) ||
			    o->ota_count == 0)
				return cli_error(EXIT_USAGE, "--ota-count: '%s' is "
						 "not 1..16", optarg);
			o->have_count = 1;
			break;
		case 'r':
			o->rollback = 1;
			break;
		case 's':
			if (cli_parse_u32(optarg, OTADATA_MAX_OTA - 1, &o->slot))
				return cli_error(EXIT_USAGE, "--slot: '%s' is not "
						 "0..15", optarg);
			o->have_slot = 1;
			break;
		case 'N':
			if (strncmp(optarg, "ota_", 4) != 0 ||
			    cli_parse_u32(optarg + 4, OTADATA_MAX_OTA - 1, &o->slot))
				return cli_error(EXIT_USAGE, "--name: '%s' is not "
						 "ota_0..ota_15", optarg);
			o->have_slot = 1;
			break;
		case 'o':
			o->out = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (want_slot && !o->have_slot)
		return cli_error(EXIT_USAGE, "expected --slot K or --name ota_K");
	if (!want_slot && o->have_slot)
		return cli_error(EXIT_USAGE, "--slot/--name: only for switch");
	if (argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected FILE");
	return 0;
}

static const char *candidate_name(int c, char buf[8])
{
	if (c == OTADATA_FACTORY)
		return "factory";
	if (c == OTADATA_TEST)
		return "test";
	snprintf(buf, 8, "ota_%d", c);
	return buf;
}

static void print_choice(const struct otadata_entry e[2],
			 struct otadata_layout l, int rollback)
{
	static const char *const why[] = {
		"no otadata partition", "no OTA app partitions",
		"both entries invalid", "active entry", "no valid entry",
	};
	struct otadata_choice c;
	char b[8];

	l.rollback = rollback;
	otadata_choose(e, &l, &c);
	printf("boot (rollback %s): %s (%s", rollback ? "on" : "off",
	       candidate_name(c.start, b), why[c.why]);
	if (c.active >= 0)
		printf(" %d, seq %u", c.active, c.new_entry[c.active].seq);
	printf(")");
	for (int i = 0; i < 2; i++)
		if (c.write[i])
			printf("; writes entry %d %s->%s", i,
			       otadata_state_name(e[i].state),
			       otadata_state_name(c.new_entry[i].state));
	if (c.init_on_boot)
		printf("; writes entry 0 {seq k+1, VALID} once ota_k boots");
	printf("\n");
}

static int otadata_dump(int argc, char **argv)
{
	struct otadata_entry e[2];
	struct target t;
	struct opts o;
	int rc = parse_opts(argc, argv, &o, 0), active;

	if (rc != 0)
		return rc;
	if (load(argv[optind], &o, &t) != 0)
		return 1;
	otadata_decode(t.data + t.offset, e);
	active = otadata_active(e);
	if (t.offset != 0)
		printf("otadata at 0x%x\n", t.offset);
	for (int i = 0; i < 2; i++)
		printf("entry %d: seq 0x%08x state 0x%08x (%s) crc 0x%08x (%s)%s\n",
		       i, e[i].seq, e[i].state, otadata_state_name(e[i].state),
		       e[i].crc, e[i].seq == OTADATA_SEQ_ERASED ? "blank" :
		       e[i].crc == otadata_crc(e[i].seq) ? "ok" : "bad",
		       i == active ? ", active" : "");
	if (t.have_count) {
		printf("ota apps: %u%s%s\n", t.l.ota_count,
		       t.l.has_factory ? ", factory" : "",
		       t.l.has_test ? ", test" : "");
		print_choice(e, t.l, 0);
		print_choice(e, t.l, 1);
	} else if (active >= 0) {
		printf("active slot: (seq - 1) mod N = %u mod N (--ota-count N "
		       "to say which)\n", e[active].seq - 1u);
	}
	free(t.data);
	return 0;
}

static int otadata_switch(int argc, char **argv)
{
	struct otadata_entry e[2], out;
	struct target t;
	struct opts o;
	int rc = parse_opts(argc, argv, &o, 1), sector;

	if (rc != 0)
		return rc;
	if (load(argv[optind], &o, &t) != 0)
		return 1;
	if (!t.have_count) {
		free(t.data);
		return cli_error(EXIT_USAGE, "%s: an otadata binary needs "
				 "--ota-count N", argv[optind]);
	}
	otadata_decode(t.data + t.offset, e);
	rc = otadata_set_boot(e, o.slot, t.l.ota_count, o.rollback, &sector,
			      &out);
	if (rc != 0) {
		free(t.data);
		return cli_error(1, "ota_%u: %s", o.slot, rc == -EINVAL ?
				 "no such OTA app partition" :
				 "no sequence number left");
	}
	memset(t.data + t.offset + (size_t)sector * OTADATA_SECTOR, 0xff,
	       OTADATA_SECTOR);
	otadata_entry_encode(&out, t.data + t.offset +
				   (size_t)sector * OTADATA_SECTOR);
	printf("entry %d: seq %u state %s: boots ota_%u\n", sector, out.seq,
	       otadata_state_name(out.state), o.slot);
	return save(argv[optind], &o, &t);
}

static int otadata_erase_cmd(int argc, char **argv)
{
	struct target t;
	struct opts o;
	int rc = parse_opts(argc, argv, &o, 0);

	if (rc != 0)
		return rc;
	if (load(argv[optind], &o, &t) != 0)
		return 1;
	memset(t.data + t.offset, 0xff, OTADATA_SIZE);
	return save(argv[optind], &o, &t);
}

static int otadata_gen(int argc, char **argv)
{
	static uint8_t blank[OTADATA_SIZE];

	if (argc != 2 || argv[1][0] == '-')
		return cli_error(EXIT_USAGE, "expected OUT");
	memset(blank, 0xff, sizeof(blank));
	return cli_write_file(argv[1], blank, sizeof(blank)) != 0;
}

#define FILE_HELP \
	"FILE is an otadata partition (8192 bytes) or a whole-flash image, whose\n" \
	"partition table (at --table-offset, default 0x8000) names the otadata\n" \
	"partition and the app partitions.\n"

static const struct slipway_cmd otadata_cmds[] = {
	{ "gen", "a blank otadata partition (ESP-IDF's ota_data_initial.bin)",
	  "OUT\n\n"
	  "Write 8192 bytes of 0xff: both entries blank, so the loader boots\n"
	  "factory (or ota_0 when there is no factory partition).\n",
	  otadata_gen },
	{ "dump", "show both entries and what the loader boots",
	  "[--table-offset N] [--ota-count N] FILE\n\n"
	  "Print both entries (sequence, state, CRC), the active one, and with\n"
	  "the OTA app count (from the table, or --ota-count) the loader's\n"
	  "choice with rollback off and on and what it writes first.\n\n"
	  FILE_HELP,
	  otadata_dump },
	{ "switch", "make ota_K boot next (otatool switch_ota_partition)",
	  "(--slot K | --name ota_K) [--ota-count N] [--rollback]\n"
	  "       [--table-offset N] [-o OUT] FILE\n\n"
	  "Write the entry esp_ota_set_boot_partition writes: the next sequence\n"
	  "number naming ota_K, into the sector the active entry is not in,\n"
	  "state UNDEFINED (NEW with --rollback: the app must confirm itself).\n"
	  "FILE is changed in place unless -o names another file.\n\n"
	  FILE_HELP,
	  otadata_switch },
	{ "erase", "blank both entries (otatool erase_otadata)",
	  "[--table-offset N] [-o OUT] FILE\n\n"
	  "Fill the otadata partition with 0xff: the loader boots factory, or\n"
	  "ota_0 without one.\n\n"
	  FILE_HELP,
	  otadata_erase_cmd },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group otadata_group = {
	"otadata", "ESP-IDF otadata: gen, dump, switch, erase", otadata_cmds,
};
