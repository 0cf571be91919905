/* tools/slipway/esp_elf2image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ELF sections become image segments: padded to 4 bytes, merged when
 * contiguous, flash segments placed so that file offset and address agree
 * modulo the MMU page (filled with pieces of RAM segments, else padding
 * segments), then RAM segments, checksum, digest. Each step mirrors what
 * esptool v4.8.1 does, because users compare the bytes.
 */
#include "tools/slipway/esp_elf2image.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/util/le.h"
#include "tools/slipway/slipway.h"

#include <stdlib.h>
#include <string.h>

#define ELF_HDR_LEN 0x34
#define ELF_SHDR_LEN 0x28
#define ELF_PHDR_LEN 0x20
#define SHT_PROGBITS 1
#define SHT_STRTAB 3
#define SHT_INIT_ARRAY 14
#define SHT_FINI_ARRAY 15
#define PT_LOAD 1
#define FLAG_EXEC 0x4 /* esptool compares this bit of sh_flags or p_flags */
#define NAME_LEN 32
#define MAX_SECTIONS 256

struct seg {
	uint32_t addr, len, flags;
	uint8_t *base;       /* owned storage */
	const uint8_t *data; /* the bytes not yet written (splitting moves it) */
	char name[NAME_LEN];
};

struct seglist {
	struct seg s[MAX_SECTIONS];
	unsigned int n;
};

struct out {
	uint8_t *p;
	size_t len, cap;
};

static int out_reserve(struct out *o, size_t more)
{
	if (o->len + more <= o->cap)
		return 0;
	size_t cap = o->cap ? o->cap : 0x10000;
	while (cap < o->len + more)
		cap *= 2;
	uint8_t *p = realloc(o->p, cap);
	if (p == NULL)
		return cli_error(-1, "out of memory");
	o->p = p;
	o->cap = cap;
	return 0;
}

static int out_put(struct out *o, const void *d, size_t n)
{
	if (out_reserve(o, n) != 0)
		return -1;
	if (d != NULL)
		memcpy(o->p + o->len, d, n);
	else
		memset(o->p + o->len, 0, n);
	o->len += n;
	return 0;
}

static void free_segs(struct seglist *l)
{
	for (unsigned int i = 0; i < l->n; i++)
		free(l->s[i].base);
	l->n = 0;
}

/* esptool pads every real (non-zero address) segment to 4 bytes. */
static int add_seg(struct seglist *l, const char *name, uint32_t addr,
		   const uint8_t *data, uint32_t len, uint32_t flags)
{
	struct seg *s;
	uint32_t padded = addr != 0 ? (len + 3) & ~3u : len;

	if (l->n == MAX_SECTIONS)
		return cli_error(-1, "ELF has more than %d loadable sections",
				 MAX_SECTIONS);
	s = &l->s[l->n];
	s->base = calloc(1, padded ? padded : 1);
	if (s->base == NULL)
		return cli_error(-1, "out of memory");
	memcpy(s->base, data, len);
	s->data = s->base;
	s->addr = addr;
	s->len = padded;
	s->flags = flags;
	snprintf(s->name, sizeof(s->name), "%s", name);
	l->n++;
	return 0;
}

static int in_file(size_t file_len, uint64_t off, uint64_t len)
{
	return off <= file_len && len <= file_len - off;
}

static int read_sections(const uint8_t *elf, size_t len, struct seglist *l)
{
	uint32_t shoff = get_le32(elf + 0x20);
	uint16_t shentsize = get_le16(elf + 0x2e), shnum = get_le16(elf + 0x30);
	uint16_t shstrndx = get_le16(elf + 0x32);
	const uint8_t *strtab;
	uint32_t strsize;

	if (shentsize != ELF_SHDR_LEN)
		return cli_error(-1, "ELF section header entry size 0x%x, not 0x%x",
				 shentsize, ELF_SHDR_LEN);
	if (shnum == 0)
		return cli_error(-1, "ELF has no section headers");
	if (!in_file(len, shoff, (uint64_t)shnum * ELF_SHDR_LEN))
		return cli_error(-1, "ELF truncated: section headers past the end");
	if (shstrndx >= shnum)
		return cli_error(-1, "ELF has no section name table");
	const uint8_t *sh = elf + shoff + (size_t)shstrndx * ELF_SHDR_LEN;
	if (!in_file(len, get_le32(sh + 16), get_le32(sh + 20)))
		return cli_error(-1, "ELF truncated: section names past the end");
	strtab = elf + get_le32(sh + 16);
	strsize = get_le32(sh + 20);
	for (unsigned int i = 0; i < shnum; i++) {
		const uint8_t *h = elf + shoff + (size_t)i * ELF_SHDR_LEN;
		uint32_t name = get_le32(h), type = get_le32(h + 4);
		uint32_t flags = get_le32(h + 8), addr = get_le32(h + 12);
		uint32_t off = get_le32(h + 16), size = get_le32(h + 20);

		if (type != SHT_PROGBITS && type != SHT_INIT_ARRAY &&
		    type != SHT_FINI_ARRAY)
			continue;
		if (addr == 0 || size == 0)
			continue;
		if (name >= strsize || memchr(strtab + name, 0, strsize - name) == NULL)
			return cli_error(-1, "ELF section %u has a bad name", i);
		if (!in_file(len, off, size))
			return cli_error(-1, "ELF truncated: section '%s' past the end",
					 (const char *)strtab + name);
		if (add_seg(l, (const char *)strtab + name, addr, elf + off, size,
			    flags) != 0)
			return -1;
	}
	return 0;
}

static int read_segments(const uint8_t *elf, size_t len, struct seglist *l)
{
	uint32_t phoff = get_le32(elf + 0x1c);
	uint16_t phnum = get_le16(elf + 0x2c);

	if (phnum == 0 || !in_file(len, phoff, (uint64_t)phnum * ELF_PHDR_LEN))
		return cli_error(-1, "ELF has no (complete) program headers");
	for (unsigned int i = 0; i < phnum; i++) {
		const uint8_t *h = elf + phoff + (size_t)i * ELF_PHDR_LEN;
		uint32_t off = get_le32(h + 4), paddr = get_le32(h + 12);
		uint32_t size = get_le32(h + 16), flags = get_le32(h + 24);

		if (get_le32(h) != PT_LOAD || paddr == 0 || size == 0)
			continue;
		if (!in_file(len, off, size))
			return cli_error(-1, "ELF truncated: program header %u past the end", i);
		if (add_seg(l, "PHDR", paddr, elf + off, size, flags) != 0)
			return -1;
	}
	return 0;
}

static void sort_by_addr(struct seg *s, unsigned int n)
{
	/* insertion sort: stable, as Python's sorted() */
	for (unsigned int i = 1; i < n; i++) {
		struct seg t = s[i];
		unsigned int j = i;

		while (j > 0 && s[j - 1].addr > t.addr) {
			s[j] = s[j - 1];
			j--;
		}
		s[j] = t;
	}
}

/* Merge, walking backwards, each section into the one before it when they
 * touch, share memory types and the executable flag. */
static int merge_adjacent(const struct esp_chip *chip, struct seglist *l)
{
	unsigned int keep = l->n;
	int merged[MAX_SECTIONS] = { 0 };

	for (unsigned int i = l->n - 1; i >= 1 && l->n > 1; i--) {
		struct seg *e = &l->s[i - 1], *nx = &l->s[i];

		if (esp_chip_mem_types(chip, e->addr) ==
			    esp_chip_mem_types(chip, nx->addr) &&
		    (uint64_t)e->addr + e->len == nx->addr &&
		    (e->flags & FLAG_EXEC) == (nx->flags & FLAG_EXEC)) {
			uint8_t *b = realloc(e->base, (size_t)e->len + nx->len);

			if (b == NULL)
				return cli_error(-1, "out of memory");
			memcpy(b + e->len, nx->data, nx->len);
			e->base = b;
			e->data = b;
			e->len += nx->len;
			merged[i] = 1;
			keep--;
		}
	}
	if (keep != l->n) {
		unsigned int j = 0, n = l->n - keep;

		for (unsigned int i = 0; i < l->n; i++) {
			if (merged[i]) {
				free(l->s[i].base);
				continue;
			}
			l->s[j++] = l->s[i];
		}
		l->n = j;
		printf("Merged %u ELF section%s\n", n, n > 1 ? "s" : "");
	}
	return 0;
}

struct builder {
	const struct esp_elf2image_opts *o;
	const uint8_t *elf_sha256;
	struct out f;
	uint8_t checksum;
	unsigned int total;
};

/* Write a segment; `sum` says whether its data counts in the checksum. */
static int save_segment(struct builder *b, uint32_t addr, const uint8_t *data,
			uint32_t len, int sum)
{
	uint8_t h[8];
	size_t pos = b->f.len;
	uint32_t at = b->o->elf_sha256_offset;

	put_le32(h, addr);
	put_le32(h + 4, len);
	if (out_put(&b->f, h, 8) != 0 || out_put(&b->f, data, len) != 0)
		return -1;
	if (at != 0 && at >= pos && at < pos + len) {
		uint32_t p = at - (uint32_t)pos;
		uint8_t *d = b->f.p + pos + 8;
		static const uint8_t zero[32];

		if (p < 8 || p + 32 > len)
			return cli_error(-1, "cannot place the ELF SHA-256 on a "
					 "segment boundary (offset 0x%x)", at);
		if (memcmp(d + p - 8, zero, 32) != 0)
			return cli_error(-1, "bytes at ELF SHA-256 offset 0x%x are "
					 "not all zero: refusing to overwrite", at);
		memcpy(d + p - 8, b->elf_sha256, 32);
	}
	if (sum)
		for (uint32_t i = 0; i < len; i++)
			b->checksum ^= b->f.p[pos + 8 + i];
	b->total++;
	return 0;
}

static int save_padding(struct builder *b, uint32_t len, int sum)
{
	uint8_t *z = calloc(1, len ? len : 1);
	int rc;

	if (z == NULL)
		return cli_error(-1, "out of memory");
	rc = save_segment(b, 0, z, len, sum);
	free(z);
	return rc;
}

/* Filler bytes so that the next segment's data lands at addr mod page. */
static uint32_t alignment_needed(const struct builder *b, uint32_t addr)
{
	int64_t page = b->o->page;
	int64_t align_past = (int64_t)(addr % page) - 8;
	int64_t pad = (page - (int64_t)(b->f.len % page)) + align_past;

	if (pad == 0 || pad == page)
		return 0;
	pad -= 8;
	if (pad < 0)
		pad += page;
	return (uint32_t)pad;
}

static int write_header(struct builder *b)
{
	const struct esp_elf2image_opts *o = b->o;
	uint8_t h[ESP_IMAGE_HEADER_LEN] = { 0 };

	h[0] = ESP_IMAGE_MAGIC;
	h[2] = o->flash_mode;
	h[3] = o->flash_size_freq;
	/* entry, count: filled in by the caller */
	h[8] = ESP_IMAGE_WP_PIN_DISABLED;
	put_le16(h + 12, o->chip->chip_id);
	h[14] = o->min_rev;
	put_le16(h + 15, o->min_rev_full);
	put_le16(h + 17, o->max_rev_full);
	h[23] = o->append_digest ? 1 : 0;
	return out_put(&b->f, h, sizeof(h));
}

static void move_first(struct seg *s, unsigned int n, const char *name)
{
	for (unsigned int i = 0; i < n; i++) {
		if (strcmp(s[i].name, name) != 0)
			continue;
		struct seg t = s[i];
		memmove(s + 1, s, i * sizeof(*s));
		s[0] = t;
		return;
	}
}

static int save_ram_only(struct builder *b, struct seg *flash, unsigned int nf,
			 struct seg *ram, unsigned int nr)
{
	uint32_t page = b->o->page, boot_off = b->o->chip->bootloader_offset;

	for (unsigned int i = 0; i < nr; i++)
		if (save_segment(b, ram[i].addr, ram[i].data, ram[i].len, 1) != 0)
			return -1;
	if (out_put(&b->f, NULL, 15 - b->f.len % 16) != 0 ||
	    out_put(&b->f, &b->checksum, 1) != 0)
		return -1;
	/* the hidden flash segments, in reverse address order */
	for (unsigned int k = nf; k-- > 0;) {
		int64_t pad = alignment_needed(b, flash[k].addr);

		if (pad < (int64_t)boot_off - 8)
			pad += page;
		pad -= boot_off;
		if (save_padding(b, (uint32_t)pad, 0) != 0 ||
		    save_segment(b, flash[k].addr, flash[k].data, flash[k].len, 0) != 0)
			return -1;
	}
	b->f.p[1] = (uint8_t)nr;
	return 0;
}

static int save_normal(struct builder *b, struct seg *flash, unsigned int nf,
		       struct seg *ram, unsigned int nr)
{
	unsigned int fi = 0, ri = 0;

	while (fi < nf) {
		uint32_t pad = alignment_needed(b, flash[fi].addr);

		if (pad == 0) {
			if (save_segment(b, flash[fi].addr, flash[fi].data,
					 flash[fi].len, 1) != 0)
				return -1;
			fi++;
			continue;
		}
		if (ri < nr && pad > 8) {
			/* the first bytes of the next RAM segment fill the gap */
			struct seg *r = &ram[ri];
			uint32_t n = pad < r->len ? pad : r->len;

			if (save_segment(b, r->addr, r->data, n, 1) != 0)
				return -1;
			r->data += n;
			r->addr += n;
			r->len -= n;
			if (r->len == 0)
				ri++;
		} else if (save_padding(b, pad, 1) != 0) {
			return -1;
		}
	}
	for (; ri < nr; ri++)
		if (save_segment(b, ram[ri].addr, ram[ri].data, ram[ri].len, 1) != 0)
			return -1;
	if (b->o->secure_pad_v2) {
		uint32_t page = b->o->page;
		uint32_t align_past = (uint32_t)((b->f.len + 8) % page);
		uint32_t pad = (uint32_t)((2 * (uint64_t)page - align_past - 16 - 32) % page);

		if (save_padding(b, pad, 1) != 0)
			return -1;
	}
	if (out_put(&b->f, NULL, 15 - b->f.len % 16) != 0 ||
	    out_put(&b->f, &b->checksum, 1) != 0)
		return -1;
	b->f.p[1] = (uint8_t)b->total;
	return 0;
}

static int save(struct builder *b, struct seglist *l, uint32_t entry)
{
	static struct seg flash[MAX_SECTIONS], ram[MAX_SECTIONS];
	unsigned int nf = 0, nr = 0;
	const struct esp_chip *chip = b->o->chip;
	struct seg sorted[MAX_SECTIONS];

	memcpy(sorted, l->s, l->n * sizeof(*sorted));
	sort_by_addr(sorted, l->n);
	for (unsigned int i = 0; i < l->n; i++) {
		if (esp_chip_is_flash(chip, sorted[i].addr))
			flash[nf++] = sorted[i];
		else
			ram[nr++] = sorted[i];
	}
	move_first(flash, nf, ".flash.appdesc");
	move_first(ram, nr, ".dram0.bootdesc");
	for (unsigned int i = 1; i < nf; i++)
		if (flash[i].addr / b->o->page == flash[i - 1].addr / b->o->page)
			return cli_error(-1, "segment loaded at 0x%08x lands in the "
					 "same %u KiB flash mapping as segment loaded "
					 "at 0x%08x: change the linker script",
					 flash[i].addr, b->o->page / 1024,
					 flash[i - 1].addr);
	if (write_header(b) != 0)
		return -1;
	put_le32(b->f.p + 4, entry);
	b->checksum = ESP_IMAGE_CHECKSUM_SEED;
	if (b->o->ram_only_header)
		return save_ram_only(b, flash, nf, ram, nr);
	return save_normal(b, flash, nf, ram, nr);
}

static int finish(struct builder *b)
{
	const struct esp_elf2image_opts *o = b->o;

	if (o->append_digest) {
		uint8_t d[32];

		if (crypto_hash_buf(CRYPTO_HASH_SHA256, b->f.p, b->f.len, d) != 0 ||
		    out_put(&b->f, d, sizeof(d)) != 0)
			return cli_error(-1, "SHA-256 failed");
	}
	if (o->pad_to_size && b->f.len % o->pad_to_size != 0) {
		size_t n = o->pad_to_size - b->f.len % o->pad_to_size;

		if (out_reserve(&b->f, n) != 0)
			return -1;
		memset(b->f.p + b->f.len, 0xff, n);
		b->f.len += n;
	}
	return 0;
}

int esp_elf2image(const uint8_t *elf, size_t elf_len,
		  const struct esp_elf2image_opts *o, uint8_t **out,
		  size_t *out_len)
{
	static struct seglist l;
	struct builder b = { .o = o };
	uint8_t elf_sha[32];
	int rc = 1;

	l.n = 0;
	if (elf_len < ELF_HDR_LEN || memcmp(elf, "\177ELF", 4) != 0)
		return cli_error(1, "not an ELF file");
	if (elf[4] != 1 || elf[5] != 1)
		return cli_error(1, "not a 32-bit little-endian ELF file");
	if (get_le16(elf + 0x12) != 0xf3 && get_le16(elf + 0x12) != 0x5e)
		return cli_error(1, "not a RISC-V or Xtensa ELF file (e_machine 0x%04x)",
				 get_le16(elf + 0x12));
	if (o->elf_sha256_offset != 0) {
		if (crypto_hash_buf(CRYPTO_HASH_SHA256, elf, elf_len, elf_sha) != 0)
			return cli_error(1, "SHA-256 failed");
		b.elf_sha256 = elf_sha;
	}
	printf("Creating %s image...\n", o->chip->name);
	if ((o->use_segments ? read_segments(elf, elf_len, &l)
			     : read_sections(elf, elf_len, &l)) != 0)
		goto done;
	if (o->ram_only_header) {
		printf("Image has only RAM segments visible. ROM segments are "
		       "hidden and SHA256 digest is not appended.\n");
		sort_by_addr(l.s, l.n);
	}
	if (l.n > 0 && merge_adjacent(o->chip, &l) != 0)
		goto done;
	if (l.n > ESP_IMAGE_MAX_SEGMENTS) {
		cli_error(1, "%u segments (max 16): check the linker script", l.n);
		goto done;
	}
	if (save(&b, &l, get_le32(elf + 0x18)) != 0 || finish(&b) != 0)
		goto done;
	*out = b.f.p;
	*out_len = b.f.len;
	b.f.p = NULL;
	printf("Successfully created %s image.\n", o->chip->name);
	rc = 0;
done:
	free(b.f.p);
	free_segs(&l);
	return rc;
}
