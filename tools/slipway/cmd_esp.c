/* tools/slipway/cmd_esp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway esp`: Espressif images without Python, with esptool v4.8.1's
 * option names and results (../shared/docs/esp-formats.md sections 1, 2):
 * elf2image (esp_elf2image.c), image-info and merge-bin. Images are read
 * through libs/espimage, the parser the device uses.
 */
#include "drivers/mtd/sim_flash.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/espimage/esp_image.h"
#include "tools/slipway/esp_elf2image.h"
#include "tools/slipway/slipway.h"

#include <cjson/cJSON.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#define GENERIC_MAX_RANGES 16

static const char *const flash_modes[] = { "qio", "qout", "dio", "dout" };
static const char *const flash_sizes[] = { "1MB", "2MB", "4MB", "8MB",
					   "16MB", "32MB", "64MB", "128MB" };

static int lookup(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

/* esptool's size form: N, 0xN, NKB or NMB. */
static int parse_size(const char *text, uint32_t *out)
{
	char buf[32];
	size_t n = strlen(text);
	uint32_t mul = 1, v;

	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, text, n + 1);
	if (n > 2 && (strcmp(buf + n - 2, "KB") == 0 || strcmp(buf + n - 2, "MB") == 0)) {
		mul = buf[n - 2] == 'K' ? 1024 : 1024 * 1024;
		buf[n - 2] = '\0';
	}
	if (cli_parse_u32(buf, UINT32_MAX / mul, &v) != 0)
		return -1;
	*out = v * mul;
	return 0;
}

/* A generic chip from the command line: `--memory TYPE:START:END`. */
struct generic_chip {
	struct esp_chip chip;
	struct esp_mem_range map[GENERIC_MAX_RANGES];
};

static int add_range(struct generic_chip *g, const char *spec)
{
	char type[24];
	uint32_t start, end;
	const char *c1 = strchr(spec, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
	char num[24];

	if (c2 == NULL || (size_t)(c1 - spec) >= sizeof(type) ||
	    (size_t)(c2 - c1 - 1) >= sizeof(num) ||
	    g->chip.nmap == GENERIC_MAX_RANGES)
		return -1;
	memcpy(type, spec, c1 - spec);
	type[c1 - spec] = '\0';
	memcpy(num, c1 + 1, c2 - c1 - 1);
	num[c2 - c1 - 1] = '\0';
	if (cli_parse_u32(num, UINT32_MAX, &start) != 0 ||
	    cli_parse_u32(c2 + 1, UINT32_MAX, &end) != 0 || end <= start)
		return -1;
	for (int t = 0; t < ESP_MEM_NTYPES; t++) {
		if (strcasecmp(type, esp_mem_type_name(t)) != 0)
			continue;
		g->map[g->chip.nmap].start = start;
		g->map[g->chip.nmap].end = end;
		g->map[g->chip.nmap].type = (uint8_t)t;
		g->chip.nmap++;
		return 0;
	}
	return -1;
}

/* --chip NAME, or "generic" with --chip-id and --memory ranges. */
static const struct esp_chip *chip_from(const char *name,
					struct generic_chip *g)
{
	const struct esp_chip *c3 = esp_chip_find("esp32c3");

	if (name == NULL)
		return NULL;
	if (strcmp(name, "generic") != 0)
		return esp_chip_find(name);
	g->chip.name = "generic";
	g->chip.display = "generic RISC-V";
	g->chip.map = g->map;
	g->chip.freqs = c3->freqs;
	g->chip.nfreqs = c3->nfreqs;
	g->chip.page_sizes = ESP_IMAGE_DEFAULT_PAGE;
	return &g->chip;
}

/* ---- elf2image ------------------------------------------------------- */

static int esp_elf2image_cmd(int argc, char **argv)
{
	enum { O_MODE = 256, O_FREQ, O_SIZE, O_MINREV, O_MINFULL, O_MAXFULL,
	       O_SHAOFF, O_SECPAD, O_RAMONLY, O_USESEG, O_NODIGEST, O_PAD,
	       O_PAGE, O_CHIPID, O_MEM, O_VERSION };
	static const struct option longopts[] = {
		{ "chip", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "flash-mode", required_argument, NULL, O_MODE },
		{ "flash_mode", required_argument, NULL, O_MODE },
		{ "flash-freq", required_argument, NULL, O_FREQ },
		{ "flash_freq", required_argument, NULL, O_FREQ },
		{ "flash-size", required_argument, NULL, O_SIZE },
		{ "flash_size", required_argument, NULL, O_SIZE },
		{ "min-rev", required_argument, NULL, O_MINREV },
		{ "min-rev-full", required_argument, NULL, O_MINFULL },
		{ "max-rev-full", required_argument, NULL, O_MAXFULL },
		{ "elf-sha256-offset", required_argument, NULL, O_SHAOFF },
		{ "secure-pad-v2", no_argument, NULL, O_SECPAD },
		{ "ram-only-header", no_argument, NULL, O_RAMONLY },
		{ "use-segments", no_argument, NULL, O_USESEG },
		{ "use_segments", no_argument, NULL, O_USESEG },
		{ "dont-append-digest", no_argument, NULL, O_NODIGEST },
		{ "pad-to-size", required_argument, NULL, O_PAD },
		{ "flash-mmu-page-size", required_argument, NULL, O_PAGE },
		{ "chip-id", required_argument, NULL, O_CHIPID },
		{ "memory", required_argument, NULL, O_MEM },
		{ "version", required_argument, NULL, O_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	static struct generic_chip g;
	struct esp_elf2image_opts o = { .max_rev_full = 0xffff, .append_digest = 1,
					.page = ESP_IMAGE_DEFAULT_PAGE };
	const char *chip_name = NULL, *out_path = NULL, *freq = NULL;
	uint32_t v, page = 0;
	int c, size_code = 0, rc;
	uint8_t *elf, *img;
	size_t elf_len, img_len;

	memset(&g, 0, sizeof(g));
	optind = 1;
	while ((c = getopt_long(argc, argv, "c:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': chip_name = optarg; break;
		case 'o': out_path = optarg; break;
		case O_MODE:
			rc = lookup(flash_modes, 4, optarg);
			if (rc < 0)
				return cli_error(EXIT_USAGE, "--flash-mode: '%s' is "
						 "not qio, qout, dio or dout", optarg);
			o.flash_mode = (uint8_t)rc;
			break;
		case O_FREQ: freq = optarg; break;
		case O_SIZE:
			size_code = lookup(flash_sizes, 8, optarg);
			if (size_code < 0)
				return cli_error(EXIT_USAGE, "--flash-size: '%s' is "
						 "not 1MB..128MB", optarg);
			break;
		case O_MINREV:
			if (cli_parse_u32(optarg, 255, &v) != 0)
				return cli_error(EXIT_USAGE, "--min-rev: bad number '%s'", optarg);
			o.min_rev = (uint8_t)v;
			break;
		case O_MINFULL:
		case O_MAXFULL:
			if (cli_parse_u32(optarg, 0xffff, &v) != 0)
				return cli_error(EXIT_USAGE, "%s: bad revision '%s' "
						 "(major*100+minor)", c == O_MINFULL ?
						 "--min-rev-full" : "--max-rev-full", optarg);
			*(c == O_MINFULL ? &o.min_rev_full : &o.max_rev_full) = (uint16_t)v;
			break;
		case O_SHAOFF:
			if (cli_parse_u32(optarg, UINT32_MAX, &o.elf_sha256_offset) != 0)
				return cli_error(EXIT_USAGE, "--elf-sha256-offset: bad offset '%s'", optarg);
			break;
		case O_SECPAD: o.secure_pad_v2 = 1; break;
		case O_RAMONLY: o.ram_only_header = 1; break;
		case O_USESEG: o.use_segments = 1; break;
		case O_NODIGEST: o.append_digest = 0; break;
		case O_PAD:
			if (parse_size(optarg, &o.pad_to_size) != 0 || o.pad_to_size == 0)
				return cli_error(EXIT_USAGE, "--pad-to-size: bad size '%s'", optarg);
			break;
		case O_PAGE:
			if (parse_size(optarg, &page) != 0)
				return cli_error(EXIT_USAGE, "--flash-mmu-page-size: bad size '%s'", optarg);
			break;
		case O_CHIPID:
			if (cli_parse_u32(optarg, 0xffff, &v) != 0)
				return cli_error(EXIT_USAGE, "--chip-id: bad number '%s'", optarg);
			g.chip.chip_id = (uint16_t)v;
			break;
		case O_MEM:
			if (add_range(&g, optarg) != 0)
				return cli_error(EXIT_USAGE, "--memory: '%s' is not "
						 "TYPE:START:END (e.g. IRAM:0x80000000:0x80040000)",
						 optarg);
			break;
		case O_VERSION:
			if (strcmp(optarg, "1") != 0)
				return cli_error(EXIT_USAGE, "--version: only image version 1");
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1 || out_path == NULL)
		return cli_error(EXIT_USAGE, "expected --chip CHIP -o OUT ELF");
	o.chip = chip_from(chip_name, &g);
	if (o.chip == NULL)
		return cli_error(EXIT_USAGE, "--chip: expected esp32c3, esp32c2, "
				 "esp32c6, esp32h2 or generic");
	if (o.chip == &g.chip && g.chip.nmap == 0)
		return cli_error(EXIT_USAGE, "--chip generic needs --memory ranges");
	if (freq != NULL) {
		rc = esp_chip_freq_code(o.chip, freq);
		if (rc < 0)
			return cli_error(EXIT_USAGE, "--flash-freq: '%s' is not a "
					 "frequency of %s", freq, o.chip->name);
		o.flash_size_freq = (uint8_t)rc;
	}
	o.flash_size_freq |= (uint8_t)(size_code << 4);
	if (page != 0 && o.chip->page_sizes == ESP_IMAGE_DEFAULT_PAGE) {
		/* as esptool: a chip with one page size warns and keeps it */
		fprintf(stderr, "%s: warning: %s has a fixed 64 KiB MMU page; "
			"--flash-mmu-page-size ignored\n", slipway_prog, o.chip->name);
	} else if (page != 0) {
		if (!(o.chip->page_sizes & page) || (page & (page - 1)))
			return cli_error(EXIT_USAGE, "--flash-mmu-page-size: %u bytes "
					 "is not a page size of %s", page, o.chip->name);
		o.page = page;
	}
	if (o.ram_only_header)
		o.append_digest = 0;
	if (o.secure_pad_v2 && !o.append_digest)
		return cli_error(EXIT_USAGE, "--secure-pad-v2 needs the appended digest");
	if (cli_read_file(argv[optind], &elf, &elf_len) != 0)
		return 1;
	rc = esp_elf2image(elf, elf_len, &o, &img, &img_len);
	free(elf);
	if (rc != 0)
		return 1;
	rc = cli_write_file(out_path, img, img_len) != 0;
	free(img);
	return rc;
}

/* ---- image-info ------------------------------------------------------ */

/* The file as a flash area, erased past its end to a whole sector. */
struct file_flash {
	struct sim_flash fl;
	struct mtd_region region;
	struct mtd_geometry geo;
	uint8_t *mem;
};

static int file_flash_open(struct file_flash *ff, const uint8_t *data, size_t len)
{
	size_t size = (len + 0xfff) & ~(size_t)0xfff;

	if (size == 0)
		size = 0x1000;
	ff->mem = malloc(size);
	if (ff->mem == NULL)
		return cli_error(-1, "out of memory");
	memset(ff->mem, 0xff, size);
	memcpy(ff->mem, data, len);
	ff->region.sector_size = 0x1000;
	ff->region.count = (uint32_t)(size / 0x1000);
	ff->geo.regions = &ff->region;
	ff->geo.nregions = 1;
	ff->geo.program_unit = 4;
	ff->geo.erased_value = 0xff;
	ff->geo.size = (uint32_t)size;
	if (sim_flash_init_ram(&ff->fl, &ff->geo, ff->mem) != 0) {
		free(ff->mem);
		return cli_error(-1, "cannot set up the flash model");
	}
	return 0;
}

static void hex(char *out, const uint8_t *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sprintf(out + 2 * i, "%02x", b[i]);
}

static void mem_types(char *out, size_t n, uint32_t mask, const char *sep)
{
	out[0] = '\0';
	for (int t = 0; t < ESP_MEM_NTYPES; t++)
		if (mask & (1u << t))
			snprintf(out + strlen(out), n - strlen(out), "%s%s",
				 out[0] ? sep : "", esp_mem_type_name(t));
}

/* esptool's heuristic for what to print: the last DROM segment holding an
 * app descriptor, else the last DRAM segment holding a bootloader one. */
struct descs {
	int app, boot;
	struct esp_app_desc a;
	struct esp_boot_desc b;
};

static void find_descs(const struct esp_image *img, const uint8_t *data,
		       struct descs *d)
{
	const uint8_t *app = NULL, *boot = NULL;

	memset(d, 0, sizeof(*d));
	for (unsigned int i = 0; i < img->segment_count; i++) {
		const struct esp_image_seg *s = &img->segs[i];

		if (s->mem_types & (1u << ESP_MEM_DROM))
			app = s->len >= ESP_APP_DESC_LEN ? data + s->offset + 8 : NULL;
		else if ((s->mem_types & (1u << ESP_MEM_DRAM)) && s->len >= ESP_BOOT_DESC_LEN)
			boot = data + s->offset + 8;
	}
	if (app != NULL)
		d->app = esp_app_desc_decode(app, &d->a) == 0;
	else if (boot != NULL)
		d->boot = esp_boot_desc_decode(boot, &d->b) == 0;
}

static void title(const char *chip, const char *what)
{
	char t[64];
	size_t n;

	snprintf(t, sizeof(t), "%s%s", chip, what);
	n = strlen(t);
	printf("%s\n", t);
	while (n--)
		putchar('=');
	putchar('\n');
}

static void print_text(const struct esp_chip *chip, const struct esp_image *img,
		       const struct descs *d, size_t file_len)
{
	char up[32], digest[65], types[128];
	const char *s;
	size_t i;

	for (i = 0; chip->name[i] && i < sizeof(up) - 1; i++)
		up[i] = (char)(chip->name[i] >= 'a' && chip->name[i] <= 'z' ?
			       chip->name[i] - 32 : chip->name[i]);
	up[i] = '\0';
	printf("File size: %zu (bytes)\n\n", file_len);
	title(up, " image header");
	printf("Image version: 1\n");
	if (img->entry)
		printf("Entry point: %#8x\n", img->entry);
	else
		printf("Entry point not set\n");
	printf("Segments: %u\n", img->segment_count);
	if ((img->flash_size_freq >> 4) < 8)
		printf("Flash size: %s\n", flash_sizes[img->flash_size_freq >> 4]);
	else
		printf("WARNING: Invalid flash size (0x%x)\n", img->flash_size_freq & 0xf0);
	s = esp_chip_freq_name(chip, img->flash_size_freq & 0xf);
	if (s)
		printf("Flash freq: %s\n", s);
	else
		printf("WARNING: Invalid flash frequency (0x%x)\n", img->flash_size_freq & 0xf);
	if (img->flash_mode < 4)
		printf("Flash mode: %s\n", img->flash_mode == 0 ? "QIO" :
		       img->flash_mode == 1 ? "QOUT" : img->flash_mode == 2 ? "DIO" : "DOUT");
	else
		printf("WARNING: Invalid flash mode (%u)\n", img->flash_mode);
	printf("\n");
	title(up, " extended image header");
	printf("WP pin: 0x%x%s\n", img->wp_pin,
	       img->wp_pin == ESP_IMAGE_WP_PIN_DISABLED ? " (disabled)" : "");
	printf("Flash pins drive settings: clk_drv: 0x%x, q_drv: 0x%x, d_drv: 0x%x, "
	       "cs0_drv: 0x%x, hd_drv: 0x%x, wp_drv: 0x%x\n",
	       img->drv[0] & 0xf, img->drv[0] >> 4, img->drv[1] & 0xf,
	       img->drv[1] >> 4, img->drv[2] & 0xf, img->drv[2] >> 4);
	s = esp_chip_id_name(img->chip_id);
	printf("Chip ID: %u (%s)\n", img->chip_id, s ? s : "Unknown ID");
	printf("Minimal chip revision: v%u.%u, (legacy min_rev = %u)\n",
	       img->min_rev_full / 100, img->min_rev_full % 100, img->min_rev);
	printf("Maximal chip revision: v%u.%u\n\n", img->max_rev_full / 100,
	       img->max_rev_full % 100);
	title("Segments information", "");
	printf("Segment   Length   Load addr   File offs  Memory types\n"
	       "-------  -------  ----------  ----------  ------------\n");
	for (i = 0; i < img->segment_count; i++) {
		const struct esp_image_seg *g = &img->segs[i];

		mem_types(types, sizeof(types), g->mem_types, ", ");
		printf("%7zu  0x%05x  0x%08x  0x%08x  %s\n", i, g->len,
		       g->load_addr, g->offset, types);
	}
	printf("\n");
	title(up, " image footer");
	if (img->checksum == img->checksum_calc)
		printf("Checksum: 0x%x (valid)\n", img->checksum);
	else
		printf("Checksum: 0x%x (invalid - calculated %02x)\n", img->checksum,
		       img->checksum_calc);
	if (img->hash_appended) {
		hex(digest, img->digest_calc, 32);
		printf("Validation hash: %s (%s)\n", digest,
		       memcmp(img->digest, img->digest_calc, 32) ? "invalid" : "valid");
	}
	if (d->app) {
		hex(digest, d->a.app_elf_sha256, 32);
		printf("\n");
		title("Application information", "");
		printf("Project name: %s\nApp version: %s\nCompile time: %s %s\n"
		       "ELF file SHA256: %s\nESP-IDF: %s\nSecure version: %u\n",
		       d->a.project_name, d->a.version, d->a.date, d->a.time,
		       digest, d->a.idf_ver, d->a.secure_version);
	} else if (d->boot) {
		printf("\n");
		title("Bootloader information", "");
		printf("Bootloader version: %u\nESP-IDF: %s\nCompile time: %s\n",
		       d->b.version, d->b.idf_ver, d->b.date_time);
	}
}

static int print_json(const struct esp_chip *chip, const struct esp_image *img,
		      const struct descs *d, size_t file_len)
{
	cJSON *root = cJSON_CreateObject(), *segs, *o;
	char buf[128];
	const char *s;
	char *text;
	int rc = 0;

	if (root == NULL)
		return -1;
	cJSON_AddNumberToObject(root, "file_size", (double)file_len);
	cJSON_AddStringToObject(root, "chip", chip->name);
	cJSON_AddNumberToObject(root, "image_version", 1);
	cJSON_AddNumberToObject(root, "entry_point", img->entry);
	cJSON_AddNumberToObject(root, "segment_count", img->segment_count);
	cJSON_AddNumberToObject(root, "flash_mode", img->flash_mode);
	if (img->flash_mode < 4)
		cJSON_AddStringToObject(root, "flash_mode_name", flash_modes[img->flash_mode]);
	cJSON_AddNumberToObject(root, "flash_size_freq", img->flash_size_freq);
	if ((img->flash_size_freq >> 4) < 8)
		cJSON_AddStringToObject(root, "flash_size", flash_sizes[img->flash_size_freq >> 4]);
	s = esp_chip_freq_name(chip, img->flash_size_freq & 0xf);
	if (s)
		cJSON_AddStringToObject(root, "flash_freq", s);
	cJSON_AddNumberToObject(root, "wp_pin", img->wp_pin);
	o = cJSON_AddObjectToObject(root, "drive_settings");
	if (o) {
		cJSON_AddNumberToObject(o, "clk", img->drv[0] & 0xf);
		cJSON_AddNumberToObject(o, "q", img->drv[0] >> 4);
		cJSON_AddNumberToObject(o, "d", img->drv[1] & 0xf);
		cJSON_AddNumberToObject(o, "cs0", img->drv[1] >> 4);
		cJSON_AddNumberToObject(o, "hd", img->drv[2] & 0xf);
		cJSON_AddNumberToObject(o, "wp", img->drv[2] >> 4);
	}
	cJSON_AddNumberToObject(root, "chip_id", img->chip_id);
	cJSON_AddNumberToObject(root, "min_rev", img->min_rev);
	cJSON_AddNumberToObject(root, "min_rev_full", img->min_rev_full);
	cJSON_AddNumberToObject(root, "max_rev_full", img->max_rev_full);
	segs = cJSON_AddArrayToObject(root, "segments");
	for (unsigned int i = 0; segs && i < img->segment_count; i++) {
		cJSON *g = cJSON_CreateObject(), *types;

		if (g == NULL || !cJSON_AddItemToArray(segs, g)) {
			cJSON_Delete(g);
			rc = -1;
			break;
		}
		cJSON_AddNumberToObject(g, "length", img->segs[i].len);
		cJSON_AddNumberToObject(g, "load_addr", img->segs[i].load_addr);
		cJSON_AddNumberToObject(g, "file_offset", img->segs[i].offset);
		types = cJSON_AddArrayToObject(g, "memory_types");
		for (int t = 0; types && t < ESP_MEM_NTYPES; t++)
			if (img->segs[i].mem_types & (1u << t))
				cJSON_AddItemToArray(types, cJSON_CreateString(esp_mem_type_name(t)));
	}
	cJSON_AddNumberToObject(root, "checksum", img->checksum);
	cJSON_AddNumberToObject(root, "checksum_calculated", img->checksum_calc);
	cJSON_AddBoolToObject(root, "checksum_valid", img->checksum == img->checksum_calc);
	if (img->hash_appended) {
		hex(buf, img->digest, 32);
		cJSON_AddStringToObject(root, "hash", buf);
		hex(buf, img->digest_calc, 32);
		cJSON_AddStringToObject(root, "hash_calculated", buf);
		cJSON_AddBoolToObject(root, "hash_valid",
				      memcmp(img->digest, img->digest_calc, 32) == 0);
	}
	if (d->app && (o = cJSON_AddObjectToObject(root, "application")) != NULL) {
		cJSON_AddStringToObject(o, "project_name", d->a.project_name);
		cJSON_AddStringToObject(o, "version", d->a.version);
		cJSON_AddStringToObject(o, "date", d->a.date);
		cJSON_AddStringToObject(o, "time", d->a.time);
		hex(buf, d->a.app_elf_sha256, 32);
		cJSON_AddStringToObject(o, "elf_sha256", buf);
		cJSON_AddStringToObject(o, "idf_version", d->a.idf_ver);
		cJSON_AddNumberToObject(o, "secure_version", d->a.secure_version);
	} else if (d->boot && (o = cJSON_AddObjectToObject(root, "bootloader")) != NULL) {
		cJSON_AddNumberToObject(o, "version", d->b.version);
		cJSON_AddStringToObject(o, "idf_version", d->b.idf_ver);
		cJSON_AddStringToObject(o, "date_time", d->b.date_time);
	}
	text = rc == 0 ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (text == NULL)
		return cli_error(-1, "out of memory");
	printf("%s\n", text);
	cJSON_free(text);
	return 0;
}

static int esp_image_info_cmd(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "chip", required_argument, NULL, 'c' },
		{ "json", no_argument, NULL, 'j' },
		{ "version", required_argument, NULL, 'v' },
		{ "flash-mmu-page-size", required_argument, NULL, 'p' },
		{ NULL, 0, NULL, 0 },
	};
	static struct esp_image img;
	struct esp_image_policy pol = { 0 };
	struct file_flash ff;
	struct descs d;
	const char *chip_name = NULL;
	uint32_t page = 0;
	uint8_t *data;
	size_t len;
	int c, json = 0, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': chip_name = optarg; break;
		case 'j': json = 1; break;
		case 'v':
			if (strcmp(optarg, "2") != 0)
				return cli_error(EXIT_USAGE, "--version: only the "
						 "version 2 report");
			break;
		case 'p':
			if (parse_size(optarg, &page) != 0 || page == 0 ||
			    (page & (page - 1)))
				return cli_error(EXIT_USAGE, "--flash-mmu-page-size: "
						 "bad size '%s'", optarg);
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected FILE");
	if (chip_name != NULL && (pol.chip = esp_chip_find(chip_name)) == NULL)
		return cli_error(EXIT_USAGE, "--chip: expected esp32c3, esp32c2, "
				 "esp32c6 or esp32h2");
	if (cli_read_file(argv[optind], &data, &len) != 0)
		return 1;
	if (len > UINT32_MAX - 0x1000) {
		free(data);
		return cli_error(1, "%s: too large for an image", argv[optind]);
	}
	if (pol.chip == NULL && len >= ESP_IMAGE_HEADER_LEN &&
	    (pol.chip = esp_chip_by_id((uint16_t)(data[12] | data[13] << 8))) == NULL &&
	    data[0] == ESP_IMAGE_MAGIC) {
		free(data);
		return cli_error(1, "%s: unknown chip id %u: give --chip", argv[optind],
				 data[12] | data[13] << 8);
	}
	if (file_flash_open(&ff, data, len) != 0) {
		free(data);
		return 1;
	}
	/* The MMU page cannot be known from the file alone (the descriptor
	 * may disagree with the layout, c6_app_mmu16k): the mapping is checked
	 * only with the page size given. */
	rc = esp_image_read(&ff.fl.mtd, (uint32_t)len, &pol, &img);
	if (rc == ESP_IMAGE_OK && page != 0)
		rc = esp_image_check_mapping(pol.chip, &img, page);
	if (rc == ESP_IMAGE_OK || rc == ESP_IMAGE_ERR_CHECKSUM ||
	    rc == ESP_IMAGE_ERR_DIGEST) {
		find_descs(&img, data, &d);
		if (json)
			print_json(pol.chip, &img, &d, len);
		else
			print_text(pol.chip, &img, &d, len);
	}
	free(ff.mem);
	free(data);
	if (rc == ESP_IMAGE_OK)
		return 0;
	if (img.bad_seg >= 0)
		return cli_error(1, "%s: segment %d: %s", argv[optind], img.bad_seg,
				 esp_image_strerror(rc));
	return cli_error(1, "%s: %s", argv[optind], esp_image_strerror(rc));
}

/* ---- merge-bin ------------------------------------------------------- */

struct merge_input {
	uint32_t addr;
	const char *path;
	uint8_t *data;
	size_t len;
};

struct flash_params {
	int mode, freq, size; /* -1: keep */
};

/*
 * As esptool: a bootloader image at the chip's bootloader offset gets the
 * flash mode, frequency and size asked for, and a new appended SHA-256.
 * Anything that is not a whole image is written unchanged, with a warning.
 */
static int patch_bootloader(const struct esp_chip *chip, struct merge_input *in,
			    const struct flash_params *fp)
{
	static struct esp_image img;
	struct esp_image_policy pol = { 0 };
	struct file_flash ff;
	uint8_t b2, b3;
	int rc;

	if (in->len < 8 || in->addr != chip->bootloader_offset ||
	    (fp->mode < 0 && fp->freq < 0 && fp->size < 0))
		return 0;
	if (in->data[0] != ESP_IMAGE_MAGIC) {
		fprintf(stderr, "%s: warning: %s at 0x%x is not an image: flash "
			"settings not changed\n", slipway_prog, in->path, in->addr);
		return 0;
	}
	if (in->len > UINT32_MAX - 0x1000 || file_flash_open(&ff, in->data, in->len) != 0)
		return -1;
	rc = esp_image_read(&ff.fl.mtd, (uint32_t)in->len, &pol, &img);
	free(ff.mem);
	if (rc != ESP_IMAGE_OK && rc != ESP_IMAGE_ERR_CHECKSUM && rc != ESP_IMAGE_ERR_DIGEST) {
		fprintf(stderr, "%s: warning: %s at 0x%x is not a valid %s image "
			"(%s): flash settings not changed\n", slipway_prog, in->path,
			in->addr, chip->display, esp_image_strerror(rc));
		return 0;
	}
	b2 = fp->mode >= 0 ? (uint8_t)fp->mode : in->data[2];
	b3 = (uint8_t)((fp->size >= 0 ? fp->size << 4 : in->data[3] & 0xf0) |
		       (fp->freq >= 0 ? fp->freq : in->data[3] & 0x0f));
	if (b2 != in->data[2] || b3 != in->data[3]) {
		printf("Flash params set to 0x%02x%02x\n", b2, b3);
		in->data[2] = b2;
		in->data[3] = b3;
	}
	if (img.hash_appended &&
	    crypto_hash_buf(CRYPTO_HASH_SHA256, in->data, img.checksum_offset + 1,
			    in->data + img.checksum_offset + 1) != 0)
		return cli_error(-1, "SHA-256 failed");
	return 0;
}

static int merge_write(const char *path, struct merge_input *in, int n,
		       uint32_t target, uint32_t fill)
{
	uint64_t end = fill > target ? fill - target : 0;
	uint8_t *out;
	int rc;

	for (int i = 0; i < n; i++)
		if (in[i].addr - target + (uint64_t)in[i].len > end)
			end = in[i].addr - target + (uint64_t)in[i].len;
	if (end > UINT32_MAX)
		return cli_error(1, "output larger than 4 GiB");
	out = malloc(end ? end : 1);
	if (out == NULL)
		return cli_error(1, "out of memory");
	memset(out, 0xff, end);
	for (int i = 0; i < n; i++)
		memcpy(out + (in[i].addr - target), in[i].data, in[i].len);
	rc = cli_write_file(path, out, end) != 0;
	if (rc == 0)
		printf("Wrote 0x%llx bytes to file %s, ready to flash to offset 0x%x\n",
		       (unsigned long long)end, path, target);
	free(out);
	return rc;
}

static int esp_merge_bin_cmd(int argc, char **argv)
{
	enum { O_MODE = 256, O_FREQ, O_SIZE, O_FILL, O_TARGET };
	static const struct option longopts[] = {
		{ "chip", required_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "flash-mode", required_argument, NULL, O_MODE },
		{ "flash_mode", required_argument, NULL, O_MODE },
		{ "flash-freq", required_argument, NULL, O_FREQ },
		{ "flash_freq", required_argument, NULL, O_FREQ },
		{ "flash-size", required_argument, NULL, O_SIZE },
		{ "flash_size", required_argument, NULL, O_SIZE },
		{ "fill-flash-size", required_argument, NULL, O_FILL },
		{ "target-offset", required_argument, NULL, O_TARGET },
		{ NULL, 0, NULL, 0 },
	};
	struct flash_params fp = { -1, -1, -1 };
	const char *chip_name = NULL, *out_path = NULL, *freq = NULL;
	const struct esp_chip *chip;
	struct merge_input *in = NULL;
	uint32_t target = 0, fill = 0;
	int c, n = 0, rc = 1;

	optind = 1;
	while ((c = getopt_long(argc, argv, "c:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': chip_name = optarg; break;
		case 'o': out_path = optarg; break;
		case O_MODE:
			if (strcmp(optarg, "keep") != 0 &&
			    (fp.mode = lookup(flash_modes, 4, optarg)) < 0)
				return cli_error(EXIT_USAGE, "--flash-mode: '%s' is not "
						 "keep, qio, qout, dio or dout", optarg);
			break;
		case O_FREQ:
			freq = optarg;
			break;
		case O_SIZE:
			if (strcmp(optarg, "keep") != 0 &&
			    (fp.size = lookup(flash_sizes, 8, optarg)) < 0)
				return cli_error(EXIT_USAGE, "--flash-size: '%s' is not "
						 "keep or 1MB..128MB", optarg);
			break;
		case O_FILL:
			if (lookup(flash_sizes, 8, optarg) < 0 || parse_size(optarg, &fill) != 0)
				return cli_error(EXIT_USAGE, "--fill-flash-size: '%s' "
						 "is not 1MB..128MB", optarg);
			break;
		case O_TARGET:
			if (cli_parse_u32(optarg, UINT32_MAX, &target) != 0)
				return cli_error(EXIT_USAGE, "--target-offset: bad "
						 "offset '%s'", optarg);
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (out_path == NULL || argc - optind < 2 || (argc - optind) % 2 != 0)
		return cli_error(EXIT_USAGE, "expected --chip CHIP -o OUT ADDR FILE [ADDR FILE ...]");
	if (chip_name == NULL || (chip = esp_chip_find(chip_name)) == NULL)
		return cli_error(EXIT_USAGE, "--chip: expected esp32c3, esp32c2, "
				 "esp32c6 or esp32h2");
	if (freq != NULL && strcmp(freq, "keep") != 0 &&
	    (fp.freq = esp_chip_freq_code(chip, freq)) < 0)
		return cli_error(EXIT_USAGE, "--flash-freq: '%s' is not a frequency "
				 "of %s", freq, chip->name);
	in = calloc((size_t)(argc - optind) / 2, sizeof(*in));
	if (in == NULL)
		return cli_error(1, "out of memory");
	for (int i = optind; i < argc; i += 2, n++) {
		if (cli_parse_u32(argv[i], UINT32_MAX, &in[n].addr) != 0) {
			rc = cli_error(EXIT_USAGE, "'%s' is not an address", argv[i]);
			goto done;
		}
		in[n].path = argv[i + 1];
	}
	/* by address, as esptool; equal addresses keep their order */
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && in[j - 1].addr > in[j].addr; j--) {
			struct merge_input t = in[j];
			in[j] = in[j - 1];
			in[j - 1] = t;
		}
	if (in[0].addr < target) {
		rc = cli_error(1, "input %s at 0x%x is before the target offset 0x%x",
			       in[0].path, in[0].addr, target);
		goto done;
	}
	for (int i = 0; i < n; i++) {
		if (cli_read_file(in[i].path, &in[i].data, &in[i].len) != 0)
			goto done;
		if (i > 0 && in[i - 1].addr + (uint64_t)in[i - 1].len > in[i].addr) {
			rc = cli_error(1, "%s at 0x%x overlaps %s (ends at 0x%llx)",
				       in[i].path, in[i].addr, in[i - 1].path,
				       (unsigned long long)(in[i - 1].addr + in[i - 1].len));
			goto done;
		}
		printf("Adding %s at 0x%x\n", in[i].path, in[i].addr);
		if (patch_bootloader(chip, &in[i], &fp) != 0)
			goto done;
	}
	rc = merge_write(out_path, in, n, target, fill);
done:
	for (int i = 0; i < n; i++)
		free(in[i].data);
	free(in);
	return rc;
}

static const struct slipway_cmd esp_cmds[] = {
	{ "elf2image", "ELF to ESP image, byte-identical to esptool v4.8.1",
	  "--chip CHIP [options] -o OUT ELF\n\n"
	  "Write the ESP image (magic 0xE9) of ELF, the same bytes as esptool v4.8.1\n"
	  "`elf2image --version 1` with the same options.\n\n"
	  "  --chip CHIP                esp32c3, esp32c2, esp32c6, esp32h2, or generic\n"
	  "                             (with --chip-id N and --memory TYPE:START:END ...);\n"
	  "                             qemu-virt: QEMU virt's RAM apps (ESP-IDF scheme)\n"
	  "  --flash-mode M             qio (default), qout, dio, dout\n"
	  "  --flash-freq F             the chip's codes: e.g. 80m, 40m, 26m, 20m (C3)\n"
	  "  --flash-size S             1MB (default) .. 128MB\n"
	  "  --min-rev N                legacy minimum chip revision byte\n"
	  "  --min-rev-full N           minimum chip revision, major*100+minor\n"
	  "  --max-rev-full N           maximum chip revision (default 65535)\n"
	  "  --elf-sha256-offset N      write the ELF's SHA-256 at image offset N\n"
	  "  --secure-pad-v2            pad so a signature sector starts on 64 KiB\n"
	  "  --ram-only-header          count only RAM segments (ROM-direct boot)\n"
	  "  --use-segments             program headers instead of sections\n"
	  "  --dont-append-digest       no appended SHA-256\n"
	  "  --pad-to-size S            0xFF-pad the image to a multiple of S\n"
	  "  --flash-mmu-page-size S    MMU page the flash segments align to\n"
	  "  --chip-id N, --memory TYPE:START:END   the generic chip's id and map\n"
	  "                             (TYPE: IROM, DROM, IRAM, DRAM, RTC_IRAM, ...)\n",
	  esp_elf2image_cmd },
	{ "image-info", "print an ESP image's headers, segments and descriptors",
	  "[--chip CHIP] [--json] [--flash-mmu-page-size S] FILE\n\n"
	  "Check FILE with the device's parser (libs/espimage) and print what\n"
	  "esptool's `image_info --version 2` prints. The chip defaults to the one\n"
	  "the image names. Exit status 1, with the reason, if the image is refused\n"
	  "(the report is still printed when only the checksum or hash is wrong).\n"
	  "With --flash-mmu-page-size the flash segments' alignment is checked too.\n",
	  esp_image_info_cmd },
	{ "merge-bin", "merge binaries into one flash image (esptool merge_bin)",
	  "--chip CHIP -o OUT [--fill-flash-size S] [--target-offset N]\n"
	  "       [--flash-mode M] [--flash-freq F] [--flash-size S] ADDR FILE ...\n\n"
	  "Write the files at their flash addresses into one image starting at\n"
	  "--target-offset (default 0), gaps 0xFF, as esptool merge_bin (raw). A\n"
	  "bootloader image at the chip's bootloader offset gets the flash mode,\n"
	  "frequency and size given (default keep) and a new appended SHA-256.\n"
	  "--fill-flash-size pads the output to the whole flash size.\n",
	  esp_merge_bin_cmd },
	{ "secure", "Secure Boot V2 and flash encryption (espsecure v4.8.1)",
	  esp_secure_usage, esp_secure_cmd },
	{ "efuse", "virtual eFuses of a sim OTP or flash file (espefuse's commands)",
	  esp_efuse_usage, esp_efuse_cmd },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group esp_group = {
	"esp", "Espressif images: elf2image, image-info, merge-bin", esp_cmds,
};
