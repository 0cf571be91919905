/* libs/espimage/esp_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Reading an ESP image from flash: one pass from offset 0, through a small
 * buffer, checksumming and hashing as it goes (doc section 1.7), so the
 * image is never held in RAM and nothing past `size` is read.
 */
#include "libs/espimage/esp_image.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/util/le.h"

#include <string.h>

#define CHUNK 64

struct reader {
	struct mtd_dev *dev;
	uint32_t size, pos;
	struct crypto_hash h;
	int hashing;
	uint8_t xor;
};

/* Read the next `len` bytes; `trunc` is the error when they pass the end. */
static int next(struct reader *r, void *buf, uint32_t len, int trunc)
{
	if (len > r->size - r->pos)
		return trunc;
	if (mtd_read(r->dev, r->pos, buf, len) != 0)
		return ESP_IMAGE_ERR_IO;
	if (r->hashing && crypto_hash_update(&r->h, buf, len) != 0)
		return ESP_IMAGE_ERR_IO;
	r->pos += len;
	return 0;
}

/* Stream `len` bytes into the checksum; keep the first `keep_len` in `keep`. */
static int checksum_data(struct reader *r, uint32_t len, uint8_t *keep,
			 uint32_t keep_len)
{
	uint8_t buf[CHUNK];
	uint32_t done = 0;

	while (done < len) {
		uint32_t n = len - done < CHUNK ? len - done : CHUNK;
		int rc = next(r, buf, n, ESP_IMAGE_ERR_SEG_PAST_END);

		if (rc != 0)
			return rc;
		for (uint32_t i = 0; i < n; i++) {
			r->xor ^= buf[i];
			if (done + i < keep_len)
				keep[done + i] = buf[i];
		}
		done += n;
	}
	return 0;
}

static void copy_str(char *dst, const uint8_t *src, size_t n)
{
	memcpy(dst, src, n);
	dst[n] = '\0';
}

int esp_app_desc_decode(const uint8_t raw[ESP_APP_DESC_LEN],
			struct esp_app_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->magic = get_le32(raw);
	if (d->magic != ESP_APP_DESC_MAGIC)
		return -1;
	d->secure_version = get_le32(raw + 4);
	copy_str(d->version, raw + 16, 32);
	copy_str(d->project_name, raw + 48, 32);
	copy_str(d->time, raw + 80, 16);
	copy_str(d->date, raw + 96, 16);
	copy_str(d->idf_ver, raw + 112, 32);
	memcpy(d->app_elf_sha256, raw + 144, 32);
	d->min_efuse_blk_rev_full = get_le16(raw + 176);
	d->max_efuse_blk_rev_full = get_le16(raw + 178);
	d->mmu_page_log2 = raw[180];
	return 0;
}

int esp_boot_desc_decode(const uint8_t raw[ESP_BOOT_DESC_LEN],
			 struct esp_boot_desc *d)
{
	memset(d, 0, sizeof(*d));
	d->magic = raw[0];
	if (d->magic != ESP_BOOT_DESC_MAGIC)
		return -1;
	d->secure_version = raw[3];
	d->version = get_le32(raw + 4);
	copy_str(d->idf_ver, raw + 8, 32);
	copy_str(d->date_time, raw + 40, 24);
	return 0;
}

static int read_header(struct reader *r, const struct esp_image_policy *pol,
		       struct esp_image *img)
{
	uint8_t h[ESP_IMAGE_HEADER_LEN];
	int rc, erased = 1;

	if (r->size < ESP_IMAGE_HEADER_LEN) {
		uint8_t b;

		/* an erased area too small for a header is still empty */
		if (r->size > 0 && mtd_read(r->dev, 0, &b, 1) == 0 && b != 0xff &&
		    b != ESP_IMAGE_MAGIC)
			return ESP_IMAGE_ERR_MAGIC;
		return ESP_IMAGE_ERR_TRUNC_HEADER;
	}
	rc = next(r, h, sizeof(h), ESP_IMAGE_ERR_TRUNC_HEADER);
	if (rc != 0)
		return rc;
	for (unsigned int i = 0; i < sizeof(h); i++)
		erased &= h[i] == 0xff;
	if (erased)
		return ESP_IMAGE_ERR_EMPTY;
	if (h[0] != ESP_IMAGE_MAGIC)
		return ESP_IMAGE_ERR_MAGIC;
	img->segment_count = h[1];
	img->flash_mode = h[2];
	img->flash_size_freq = h[3];
	img->entry = get_le32(h + 4);
	img->wp_pin = h[8];
	memcpy(img->drv, h + 9, 3);
	img->chip_id = get_le16(h + 12);
	img->min_rev = h[14];
	img->min_rev_full = get_le16(h + 15); /* unaligned, packed */
	img->max_rev_full = get_le16(h + 17);
	img->hash_appended = h[23];
	if (img->segment_count > ESP_IMAGE_MAX_SEGMENTS)
		return ESP_IMAGE_ERR_SEG_COUNT;
	if (img->hash_appended > 1)
		return ESP_IMAGE_ERR_HASH_FLAG;
	if (pol->chip != NULL && img->chip_id != pol->chip->chip_id)
		return ESP_IMAGE_ERR_CHIP_ID;
	return 0;
}

/* A loaded segment must lie whole inside one memory the chip loads to. */
static int loadable(const struct esp_chip *chip, uint32_t addr, uint32_t len)
{
	const uint32_t types = (1u << ESP_MEM_DRAM) | (1u << ESP_MEM_IRAM) |
			       (1u << ESP_MEM_RTC_IRAM) | (1u << ESP_MEM_RTC_DRAM) |
			       (1u << ESP_MEM_IROM) | (1u << ESP_MEM_DROM);

	for (unsigned int i = 0; i < chip->nmap; i++) {
		const struct esp_mem_range *m = &chip->map[i];

		if ((types & (1u << m->type)) && m->start <= addr &&
		    addr < m->end && len <= m->end - addr)
			return 1;
	}
	return 0;
}

static int read_segments(struct reader *r, const struct esp_image_policy *pol,
			 struct esp_image *img)
{
	uint8_t first[ESP_APP_DESC_LEN];

	for (unsigned int i = 0; i < img->segment_count; i++) {
		struct esp_image_seg *s = &img->segs[i];
		uint8_t h[ESP_IMAGE_SEG_HEADER_LEN];
		int rc;

		img->bad_seg = (int)i;
		s->offset = r->pos;
		rc = next(r, h, sizeof(h), ESP_IMAGE_ERR_TRUNC_SEG_HEADER);
		if (rc != 0)
			return rc;
		s->load_addr = get_le32(h);
		s->len = get_le32(h + 4);
		if (pol->chip != NULL)
			s->mem_types = esp_chip_mem_types(pol->chip, s->load_addr);
		if (s->len % 4 != 0)
			return ESP_IMAGE_ERR_SEG_LEN_ALIGN;
		if (s->len >= ESP_IMAGE_MAX_SEG_LEN)
			return ESP_IMAGE_ERR_SEG_TOO_LONG;
		if (s->len > r->size - r->pos)
			return ESP_IMAGE_ERR_SEG_PAST_END;
		if (pol->chip != NULL && s->load_addr >= ESP_IMAGE_PADDING_END &&
		    !loadable(pol->chip, s->load_addr, s->len))
			return ESP_IMAGE_ERR_SEG_ADDR;
		rc = checksum_data(r, s->len, first, i == 0 ? sizeof(first) : 0);
		if (rc != 0)
			return rc;
		if (i == 0 && s->len >= ESP_APP_DESC_LEN &&
		    esp_app_desc_decode(first, &img->app) == 0)
			img->has_app_desc = 1;
		else if (i == 0 && s->len >= ESP_BOOT_DESC_LEN &&
			 (pol->chip == NULL ||
			  !esp_chip_is_flash(pol->chip, s->load_addr)) &&
			 esp_boot_desc_decode(first, &img->boot) == 0)
			img->has_boot_desc = 1;
	}
	img->bad_seg = -1;
	return 0;
}

static int is_loaded(const struct esp_image_seg *s)
{
	return s->load_addr >= ESP_IMAGE_PADDING_END && s->len > 0;
}

static int check_layout(const struct esp_image_policy *pol,
			struct esp_image *img)
{
	const struct esp_chip *chip = pol->chip;

	for (unsigned int i = 0; i < img->segment_count; i++) {
		const struct esp_image_seg *a = &img->segs[i];

		img->bad_seg = (int)i;
		for (unsigned int j = 0; j < i && is_loaded(a); j++) {
			const struct esp_image_seg *b = &img->segs[j];

			if (is_loaded(b) && a->load_addr < (uint64_t)b->load_addr + b->len &&
			    b->load_addr < (uint64_t)a->load_addr + a->len)
				return ESP_IMAGE_ERR_SEG_OVERLAP;
		}
	}
	img->bad_seg = -1;
	if (chip == NULL)
		return 0;
	if (pol->require_app_desc && chip->app_desc_required && !img->has_app_desc)
		return ESP_IMAGE_ERR_NO_APP_DESC;
	/* ESP-IDF reads the page size from the descriptor on chips where it
	 * can be configured; 0 is the legacy 64 KiB. */
	if (img->has_app_desc && chip->page_sizes != ESP_IMAGE_DEFAULT_PAGE &&
	    img->app.mmu_page_log2 != 0) {
		if (img->app.mmu_page_log2 > 16 ||
		    !(chip->page_sizes & (1u << img->app.mmu_page_log2)))
			return pol->check_mapping ? ESP_IMAGE_ERR_PAGE_SIZE : 0;
		img->mmu_page = 1u << img->app.mmu_page_log2;
	}
	if (!pol->check_mapping)
		return 0;
	return esp_image_check_mapping(chip, img, img->mmu_page);
}

int esp_image_check_mapping(const struct esp_chip *chip, struct esp_image *img,
			    uint32_t page)
{
	if (page == 0)
		return ESP_IMAGE_ERR_SEG_MAPPING;
	for (unsigned int i = 0; i < img->segment_count; i++) {
		const struct esp_image_seg *s = &img->segs[i];

		img->bad_seg = (int)i;
		if (esp_chip_is_flash(chip, s->load_addr) &&
		    (s->offset + ESP_IMAGE_SEG_HEADER_LEN) % page != s->load_addr % page)
			return ESP_IMAGE_ERR_SEG_MAPPING;
	}
	img->bad_seg = -1;
	return ESP_IMAGE_OK;
}

static int read_footer(struct reader *r, struct esp_image *img)
{
	uint8_t pad[16];
	/* zero padding, then the checksum at an offset 15 mod 16 */
	uint32_t pad_len = 15 - r->pos % 16;
	int rc;

	rc = next(r, pad, pad_len, ESP_IMAGE_ERR_TRUNC_CHECKSUM);
	if (rc == 0) {
		img->checksum_offset = r->pos;
		rc = next(r, &img->checksum, 1, ESP_IMAGE_ERR_TRUNC_CHECKSUM);
	}
	if (rc != 0)
		return rc;
	img->checksum_calc = r->xor;
	img->image_len = r->pos;
	if (!img->hash_appended)
		return 0;
	r->hashing = 0;
	if (crypto_hash_finish(&r->h, img->digest_calc) != 0)
		return ESP_IMAGE_ERR_IO;
	rc = next(r, img->digest, ESP_IMAGE_DIGEST_LEN, ESP_IMAGE_ERR_TRUNC_DIGEST);
	if (rc != 0)
		return rc;
	img->image_len = r->pos;
	return 0;
}

int esp_image_read(struct mtd_dev *dev, uint32_t size,
		   const struct esp_image_policy *pol, struct esp_image *img)
{
	struct reader r = { .dev = dev, .size = size, .xor = ESP_IMAGE_CHECKSUM_SEED };
	int rc;

	memset(img, 0, sizeof(*img));
	img->bad_seg = -1;
	img->mmu_page = ESP_IMAGE_DEFAULT_PAGE;
	if (crypto_hash_start(&r.h, CRYPTO_HASH_SHA256) != 0)
		return ESP_IMAGE_ERR_IO;
	r.hashing = 1;
	rc = read_header(&r, pol, img);
	if (rc == 0)
		rc = read_segments(&r, pol, img);
	if (rc == 0)
		rc = check_layout(pol, img);
	if (rc == 0)
		rc = read_footer(&r, img);
	if (r.hashing) /* not finished: release the context all the same */
		crypto_hash_finish(&r.h, img->digest_calc);
	if (rc != 0)
		return rc;
	if (img->checksum != img->checksum_calc)
		return ESP_IMAGE_ERR_CHECKSUM;
	if (img->hash_appended &&
	    crypto_memcmp_ct(img->digest, img->digest_calc, ESP_IMAGE_DIGEST_LEN) != 0)
		return ESP_IMAGE_ERR_DIGEST;
	return ESP_IMAGE_OK;
}

int esp_image_check_chip_rev(const struct esp_image *img, uint16_t rev,
			     int is_app)
{
	if (rev < img->min_rev_full)
		return ESP_IMAGE_ERR_CHIP_REV;
	if (is_app && img->max_rev_full != 0 && img->max_rev_full != 0xffff &&
	    rev > img->max_rev_full)
		return ESP_IMAGE_ERR_CHIP_REV;
	return ESP_IMAGE_OK;
}

const char *esp_image_strerror(int err)
{
	switch (err) {
	case ESP_IMAGE_OK: return "valid";
	case ESP_IMAGE_ERR_EMPTY: return "no image (the area reads as erased)";
	case ESP_IMAGE_ERR_MAGIC: return "not an ESP image (magic is not 0xE9)";
	case ESP_IMAGE_ERR_TRUNC_HEADER: return "truncated inside the image header";
	case ESP_IMAGE_ERR_SEG_COUNT: return "more than 16 segments";
	case ESP_IMAGE_ERR_HASH_FLAG: return "hash_appended is neither 0 nor 1";
	case ESP_IMAGE_ERR_CHIP_ID: return "image built for another chip (chip id)";
	case ESP_IMAGE_ERR_CHIP_REV: return "chip revision outside the image's min..max";
	case ESP_IMAGE_ERR_TRUNC_SEG_HEADER: return "truncated inside a segment header";
	case ESP_IMAGE_ERR_SEG_LEN_ALIGN: return "segment length not a multiple of 4";
	case ESP_IMAGE_ERR_SEG_TOO_LONG: return "segment of 16 MiB or more";
	case ESP_IMAGE_ERR_SEG_PAST_END: return "segment runs past the end of the image area";
	case ESP_IMAGE_ERR_SEG_ADDR: return "segment load address in no memory of the chip";
	case ESP_IMAGE_ERR_SEG_OVERLAP: return "segments overlap";
	case ESP_IMAGE_ERR_SEG_MAPPING: return "flash segment not aligned with its address (MMU page)";
	case ESP_IMAGE_ERR_TRUNC_CHECKSUM: return "truncated before the checksum";
	case ESP_IMAGE_ERR_TRUNC_DIGEST: return "truncated inside the appended SHA-256";
	case ESP_IMAGE_ERR_NO_APP_DESC: return "segment 0 does not start with the app descriptor";
	case ESP_IMAGE_ERR_PAGE_SIZE: return "app descriptor names an MMU page size the chip lacks";
	case ESP_IMAGE_ERR_IO: return "flash read failed";
	case ESP_IMAGE_ERR_CHECKSUM: return "checksum mismatch";
	case ESP_IMAGE_ERR_DIGEST: return "appended SHA-256 mismatch";
	default: return "unknown ESP image error";
	}
}
