/* tools/slipway/image_dump.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway image dumpinfo`: print an image file's header, TLVs and trailer
 * in imgtool dumpinfo's layout (or as JSON with --json), so the two can be
 * compared line by line. Like imgtool it shows what the bytes say, valid or
 * not; unlike imgtool it never reads past the file: a value cut short by the
 * end of the file is shown as far as it goes and named on stderr, and an
 * image whose structure cannot be followed at all is refused.
 */
#include "tools/slipway/slipway.h"
#include "libs/bootstate/bootstate.h"
#include "libs/image/image_header.h"
#include "libs/image/image_tlv.h"
#include "libs/image/image_tlv_enc.h"
#include "libs/util/le.h"

#include <cjson/cJSON.h>

#include <stdlib.h>
#include <string.h>

#define LINE 60

static const struct { uint32_t bit; const char *name; } flag_names[] = {
	{ IMAGE_F_PIC, "PIC" },
	{ IMAGE_F_ENCRYPTED_AES128, "ENCRYPTED_AES128" },
	{ IMAGE_F_ENCRYPTED_AES256, "ENCRYPTED_AES256" },
	{ IMAGE_F_NON_BOOTABLE, "NON_BOOTABLE" },
	{ IMAGE_F_RAM_LOAD, "RAM_LOAD" },
	{ IMAGE_F_ROM_FIXED, "ROM_FIXED" },
	{ IMAGE_F_COMPRESSED_LZMA1, "COMPRESSED_LZMA1" },
	{ IMAGE_F_COMPRESSED_LZMA2, "COMPRESSED_LZMA2" },
	{ IMAGE_F_COMPRESSED_ARM_THUMB, "COMPRESSED_ARM_THUMB" },
};

/* imgtool's name for a TLV type, "UNKNOWN" for others. */
static const char *tlv_name(uint16_t type)
{
	const char *name = image_tlv_name(type);

	return name ? name : "UNKNOWN";
}

struct tlv_rec {
	uint16_t type, len;
	const uint8_t *data;
	size_t have; /* bytes of data inside the file */
};

struct block {
	int present;
	uint16_t magic, tot;
	struct tlv_rec tlvs[64];
	unsigned int n;
};

struct dump {
	const uint8_t *b;
	size_t len;
	struct image_header hdr;
	struct block prot, unprot;
	int64_t pad; /* bytes after the TLV area (negative: the file is short) */
	int has_trailer, magic_ok;
	const uint8_t *magic;
	uint32_t max_align, swap_size;
	uint8_t swap_info, copy_done, image_ok;
	uint32_t key_field_len;
};

/* Read a TLV block at `off` as imgtool does. 0, or -1 after saying why. */
static int read_block(struct dump *d, size_t *off, struct block *blk,
		      const char *path)
{
	size_t end;

	if (*off + 4 > d->len)
		return cli_error(-1, "%s: TLV info header at 0x%zx is past the "
				 "end of the file (0x%zx bytes)", path, *off,
				 d->len);
	blk->present = 1;
	blk->magic = get_le16(d->b + *off);
	blk->tot = get_le16(d->b + *off + 2);
	end = *off + blk->tot;
	*off += 4;
	while (*off < end) {
		struct tlv_rec *t;

		if (*off + 4 > d->len)
			return cli_error(-1, "%s: TLV header at 0x%zx is past "
					 "the end of the file", path, *off);
		if (blk->n == sizeof(blk->tlvs) / sizeof(blk->tlvs[0]))
			return cli_error(-1, "%s: more than 64 TLVs in a block",
					 path);
		t = &blk->tlvs[blk->n++];
		t->type = get_le16(d->b + *off);
		t->len = get_le16(d->b + *off + 2);
		*off += 4;
		t->data = d->b + *off;
		t->have = *off >= d->len ? 0 :
			  (d->len - *off < t->len ? d->len - *off : t->len);
		if ((uint64_t)*off + t->len > end)
			fprintf(stderr, "%s: warning: TLV %s (0x%x) at 0x%zx: "
				"length 0x%x runs past the end of its block\n",
				slipway_prog, tlv_name(t->type), t->type,
				*off - 4, t->len);
		if (t->have < t->len)
			fprintf(stderr, "%s: warning: TLV %s (0x%x): only 0x%zx "
				"of 0x%x bytes are in the file\n", slipway_prog,
				tlv_name(t->type), t->type, t->have, t->len);
		*off += t->len;
	}
	/* imgtool measures the rest of the file from the block's stated end. */
	*off = end;
	return 0;
}

static int read_trailer(struct dump *d, const char *path)
{
	int64_t off = -16;

	d->has_trailer = 1;
	if (d->len < 16)
		return cli_error(-1, "%s: too short for a trailer", path);
	d->magic = d->b + d->len - 16;
	d->max_align = boot_magic_max_align(d->magic);
	if (d->max_align == 0) {
		/* imgtool's own words, on stdout where it prints them */
		printf("Warning: the trailer magic value is invalid!\n");
		return 0;
	}
	d->magic_ok = 1;
	if (d->max_align > 16)
		off -= d->max_align - 16;
	if ((int64_t)d->len + off - 4 * (int64_t)d->max_align < 0)
		return cli_error(-1, "%s: too short for a 0x%x-aligned trailer",
				 path, d->max_align);
	off -= d->max_align;
	d->image_ok = d->b[d->len + off];
	off -= d->max_align;
	d->copy_done = d->b[d->len + off];
	off -= d->max_align;
	d->swap_info = d->b[d->len + off];
	off -= d->max_align;
	d->swap_size = get_le32(d->b + d->len + off);
	if (d->hdr.flags & (IMAGE_F_ENCRYPTED_AES128 | IMAGE_F_ENCRYPTED_AES256))
		d->key_field_len = ((16 + d->max_align - 1) / d->max_align) *
				   d->max_align * 2;
	return 0;
}

static int parse(struct dump *d, const char *path)
{
	size_t off;

	if (d->len < IMAGE_HEADER_ENCODED_SIZE)
		return cli_error(-1, "%s: shorter than an image header", path);
	image_header_decode(&d->hdr, d->b);
	off = (size_t)d->hdr.hdr_size + d->hdr.img_size;
	if (d->hdr.protect_tlv_size != 0 &&
	    read_block(d, &off, &d->prot, path) != 0)
		return -1;
	if (read_block(d, &off, &d->unprot, path) != 0)
		return -1;
	d->pad = (int64_t)d->len - (int64_t)off;
	if (d->pad != 0)
		return read_trailer(d, path);
	return 0;
}

static void row(const char *text)
{
	int n = printf("#### %s ", text);

	for (; n < LINE; n++)
		putchar('#');
	putchar('\n');
}

static void rule(void)
{
	for (int i = 0; i < LINE; i++)
		putchar('#');
	putchar('\n');
}

static void frame(const char *title, const char *content)
{
	int len = (int)strlen(content), offset = (LINE - len) / 2;

	row(title);
	printf("|%*s|\n", LINE - 2, "");
	printf("|%*s%s%*s|\n", offset - 1, "", content, LINE - offset - len - 1, "");
	printf("|%*s|\n", LINE - 2, "");
	rule();
}

static void print_tlvs(const struct block *blk)
{
	for (unsigned int i = 0; i < blk->n; i++) {
		const struct tlv_rec *t = &blk->tlvs[i];

		printf("%7s ---------------------------------------------\n", "");
		printf("%7s type: %s (0x%x)\n", "", tlv_name(t->type), t->type);
		printf("%7s len:  0x%x\n", "", t->len);
		printf("%7s data: ", "");
		for (size_t j = 0; j < t->have; j++) {
			printf("0x%02x ", t->data[j]);
			if ((j + 1) % 8 == 0 && j + 1 != t->have)
				printf("\n%14s", "");
		}
		printf("\n");
	}
}

static const char *status(uint8_t v, char *buf)
{
	static const char *const names[] = { NULL, "SET", "BAD", "UNSET", "ANY" };

	if (v >= 1 && v <= 4)
		sprintf(buf, "%s (0x%x)", names[v], v);
	else
		sprintf(buf, "INVALID (0x%x)", v);
	return buf;
}

static void print_human(const struct dump *d, const char *name)
{
	const struct image_header *h = &d->hdr;
	char buf[96];
	uint32_t off;
	int first = 1;

	printf("Printing content of signed image: %s \n\n", name);
	row("Image header (offset: 0x0)");
	printf("magic:              0x%x\n", h->magic);
	printf("load_addr:          0x%x\n", h->load_addr);
	printf("hdr_size:           0x%x\n", h->hdr_size);
	printf("protected_tlv_size: 0x%x\n", h->protect_tlv_size);
	printf("img_size:           0x%x\n", h->img_size);
	printf("flags:              ");
	if (h->flags == 0)
		printf("0x0");
	for (size_t i = 0; i < sizeof(flag_names) / sizeof(flag_names[0]); i++) {
		if (!(h->flags & flag_names[i].bit))
			continue;
		printf("%s%s (0x%x)", first ? "" : "\n                    ",
		       flag_names[i].name, flag_names[i].bit);
		first = 0;
	}
	printf("\nversion:            %u.%u.%u+%u\n", h->version.major,
	       h->version.minor, h->version.revision, h->version.build);
	rule();
	snprintf(buf, sizeof(buf), "Payload (offset: 0x%x)", h->hdr_size);
	{
		char content[64];

		snprintf(content, sizeof(content), "FW image (size: 0x%x Bytes)",
			 h->img_size);
		frame(buf, content);
	}
	off = h->hdr_size + h->img_size;
	if (h->protect_tlv_size != 0) {
		snprintf(buf, sizeof(buf), "Protected TLV area (offset: 0x%x)", off);
		row(buf);
		printf("magic:     0x%x\narea size: 0x%x\n", d->prot.magic,
		       d->prot.tot);
		print_tlvs(&d->prot);
		rule();
	}
	off += h->protect_tlv_size;
	snprintf(buf, sizeof(buf), "TLV area (offset: 0x%x)", off);
	row(buf);
	printf("magic:     0x%x\narea size: 0x%x\n", d->unprot.magic, d->unprot.tot);
	print_tlvs(&d->unprot);
	rule();
	if (d->has_trailer) {
		row("Image trailer (offset: unknown)");
		printf("(Note: some fields may not be used, depending on the update \n"
		       "strategy)\n\n");
		printf("swap status: (len: unknown)\n");
		if (d->key_field_len)
			printf("enc. keys:   (len: 0x%x, if BOOT_SWAP_SAVE_ENCTLV is "
			       "unset)\n", d->key_field_len);
		else
			printf("enc. keys:   Image not encrypted\n");
		if (d->magic_ok) {
			if (d->swap_size == 0xffffffffU)
				printf("swap size:   unknown\n");
			else
				printf("swap size:   0x%x octal: %u\n", d->swap_size,
				       d->swap_size);
			printf("swap_info:   %s\n", status(d->swap_info, buf));
			printf("copy_done:   %s\n", status(d->copy_done, buf));
			printf("image_ok:    %s\n", status(d->image_ok, buf));
		}
		printf("boot magic:  ");
		for (int i = 0; i < 16; i++) {
			printf("0x%02x ", d->magic[i]);
			if (i == 7)
				printf("\n             ");
		}
		printf("\n\n");
	}
	row("End of Image ");
}

/* Bytes as lower-case hex text. */
static cJSON *json_hex(const uint8_t *data, size_t len)
{
	char *text = malloc(2 * len + 1);
	cJSON *item;

	if (text == NULL)
		return NULL;
	for (size_t i = 0; i < len; i++)
		snprintf(text + 2 * i, 3, "%02x", data[i]);
	text[2 * len] = '\0';
	item = cJSON_CreateString(text);
	free(text);
	return item;
}

static cJSON *json_tlvs(const struct block *blk)
{
	cJSON *arr = cJSON_CreateArray();

	for (unsigned int i = 0; arr != NULL && i < blk->n; i++) {
		const struct tlv_rec *t = &blk->tlvs[i];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddItemToArray(arr, o);
		cJSON_AddNumberToObject(o, "type", t->type);
		cJSON_AddStringToObject(o, "type_name", tlv_name(t->type));
		cJSON_AddNumberToObject(o, "len", t->len);
		cJSON_AddItemToObject(o, "data", json_hex(t->data, t->have));
	}
	return arr;
}

static cJSON *json_block_hdr(const struct block *blk)
{
	cJSON *o = cJSON_CreateObject();

	if (blk->present) {
		cJSON_AddNumberToObject(o, "magic", blk->magic);
		cJSON_AddNumberToObject(o, "tlv_tot", blk->tot);
	}
	return o;
}

/* The dump as JSON, built with cJSON (names and texts escaped). 0, or 1
 * when memory ran out. */
static int print_json(const struct dump *d, const char *name)
{
	const struct image_header *h = &d->hdr;
	cJSON *root = cJSON_CreateObject(), *hdr, *tlv, *trailer;
	char version[64], *text;

	cJSON_AddStringToObject(root, "filename", name);
	hdr = cJSON_AddObjectToObject(root, "header");
	cJSON_AddNumberToObject(hdr, "magic", h->magic);
	cJSON_AddNumberToObject(hdr, "load_addr", h->load_addr);
	cJSON_AddNumberToObject(hdr, "hdr_size", h->hdr_size);
	cJSON_AddNumberToObject(hdr, "protected_tlv_size", h->protect_tlv_size);
	cJSON_AddNumberToObject(hdr, "img_size", h->img_size);
	cJSON_AddNumberToObject(hdr, "flags", h->flags);
	snprintf(version, sizeof(version), "%u.%u.%u+%u", h->version.major,
		 h->version.minor, h->version.revision, (unsigned)h->version.build);
	cJSON_AddStringToObject(hdr, "version", version);
	tlv = cJSON_AddObjectToObject(root, "tlv_area");
	cJSON_AddItemToObject(tlv, "tlv_hdr_prot", json_block_hdr(&d->prot));
	cJSON_AddItemToObject(tlv, "tlvs_prot", json_tlvs(&d->prot));
	cJSON_AddItemToObject(tlv, "tlv_hdr", json_block_hdr(&d->unprot));
	cJSON_AddItemToObject(tlv, "tlvs", json_tlvs(&d->unprot));
	trailer = cJSON_AddObjectToObject(root, "trailer");
	if (d->has_trailer) {
		cJSON_AddItemToObject(trailer, "magic", json_hex(d->magic, 16));
		if (d->magic_ok) {
			cJSON_AddNumberToObject(trailer, "image_ok", d->image_ok);
			cJSON_AddNumberToObject(trailer, "copy_done", d->copy_done);
			cJSON_AddNumberToObject(trailer, "swap_info", d->swap_info);
			cJSON_AddNumberToObject(trailer, "swap_size", d->swap_size);
			if (d->key_field_len)
				cJSON_AddNumberToObject(trailer, "key_field_len",
							d->key_field_len);
		}
	}
	text = cJSON_Print(root);
	cJSON_Delete(root);
	if (text == NULL)
		return cli_error(1, "out of memory");
	printf("%s\n", text);
	cJSON_free(text);
	return 0;
}

int image_dumpinfo(int argc, char **argv)
{
	static struct dump d;
	const char *path, *name;
	uint8_t *data;
	size_t len;
	int json = 0, rc;

	if (argc == 3 && strcmp(argv[1], "--json") == 0) {
		json = 1;
		path = argv[2];
	} else if (argc == 2 && argv[1][0] != '-') {
		path = argv[1];
	} else {
		return cli_error(EXIT_USAGE, "expected [--json] IMAGE");
	}
	if (cli_read_file(path, &data, &len) != 0)
		return 1;
	memset(&d, 0, sizeof(d));
	d.b = data;
	d.len = len;
	name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	rc = parse(&d, path);
	if (rc == 0) {
		if (json)
			rc = print_json(&d, name);
		else
			print_human(&d, name);
	}
	free(data);
	return rc == 0 ? 0 : 1;
}
