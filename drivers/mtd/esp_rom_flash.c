/* drivers/mtd/esp_rom_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Espressif SPI flash through the ROM (esp_rom_flash.h). mtd_* has checked
 * bounds, the 4-byte program unit and sector alignment before a request
 * gets here; the ROM's own rules (word-aligned offsets, buffers and
 * lengths) are met here, one bounce buffer at a time.
 */
#include "drivers/mtd/esp_rom_flash.h"
#include "arch/arch.h"

#include <errno.h>
#include <string.h>

static struct esp_rom_flash *to_rom_flash(struct mtd_dev *dev)
{
	return (struct esp_rom_flash *)dev;
}

/* One ROM call, everything it needs copied onto the stack (DRAM) by the
 * caller: unlock, erase sector `off`, or read or write (`rw`) words. */
struct rom_call {
	int (*unlock)(void);
	int (*erase)(uint32_t sector);
	int (*rw)(uint32_t off, uint32_t *buf, int32_t len);
	uint32_t off;
	uint32_t *buf;
	int32_t len;
	uint32_t (*suspend)(void);
	void (*resume)(uint32_t state);
};

/* The only code that runs with the cache suspended: in IRAM, reading
 * nothing but `c` (no jump tables, no constants from flash). */
__attribute__((section(".ramfunc.esp_rom_flash"), noinline))
static int rom_call(const struct rom_call *c)
{
	uint32_t state = 0;
	int rc;

	if (c->suspend != NULL)
		state = c->suspend();
	if (c->unlock != NULL)
		rc = c->unlock();
	else if (c->erase != NULL)
		rc = c->erase(c->off);
	else
		rc = c->rw(c->off, c->buf, c->len);
	if (c->resume != NULL)
		c->resume(state);
	return rc;
}

static int rom_rw(const struct esp_rom_flash *f,
		  int (*fn)(uint32_t, uint32_t *, int32_t), uint32_t off,
		  uint32_t *buf, uint32_t len)
{
	struct rom_call c = { NULL, NULL, fn, off, buf, (int32_t)len,
			      f->rom->cache_suspend, f->rom->cache_resume };

	return rom_call(&c) == 0 ? 0 : -EIO;
}

/* Words [off, off + len) into `dst` (off and len word-aligned). */
static int rom_read_words(struct esp_rom_flash *f, uint32_t off, uint32_t *dst,
			  uint32_t len)
{
	return rom_rw(f, f->rom->read, off, dst, len);
}

/* The ROM's write takes a const source; the call passes it on as is. */
static int rom_write_words(struct esp_rom_flash *f, uint32_t off,
			   const uint32_t *src, uint32_t len)
{
	return rom_rw(f, (int (*)(uint32_t, uint32_t *, int32_t))f->rom->write,
		      off, (uint32_t *)src, len);
}

static int rom_erase_sector(struct esp_rom_flash *f, uint32_t sector)
{
	struct rom_call c = { NULL, f->rom->erase_sector, NULL, sector, NULL, 0,
			      f->rom->cache_suspend, f->rom->cache_resume };

	return rom_call(&c) == 0 ? 0 : -EIO;
}

static int rom_unlock(struct esp_rom_flash *f)
{
	struct rom_call c = { f->rom->unlock, NULL, NULL, 0, NULL, 0,
			      f->rom->cache_suspend, f->rom->cache_resume };

	return rom_call(&c) == 0 ? 0 : -EIO;
}

static int rom_flash_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct esp_rom_flash *f = to_rom_flash(dev);
	uint8_t *out = buf;

	while (len != 0) {
		uint32_t start = off & ~3u, skip = off - start;
		uint32_t n = ESP_ROM_FLASH_BOUNCE - skip;
		uint32_t words;
		int rc;

		if (n > len)
			n = (uint32_t)len;
		words = (skip + n + 3) & ~3u;
		rc = rom_read_words(f, start, f->bounce, words);
		if (rc != 0)
			return rc;
		memcpy(out, (uint8_t *)f->bounce + skip, n);
		out += n;
		off += n;
		len -= n;
	}
	return 0;
}

static int rom_flash_program(struct mtd_dev *dev, uint32_t off, const void *buf,
			     size_t len)
{
	struct esp_rom_flash *f = to_rom_flash(dev);
	const uint8_t *src = buf;
	size_t done;
	int rc;

	/* The NOR rule first, over the whole request: refused before a
	 * single word is written. */
	for (done = 0; done < len; done += ESP_ROM_FLASH_BOUNCE) {
		uint32_t n = len - done < ESP_ROM_FLASH_BOUNCE ?
			     (uint32_t)(len - done) : ESP_ROM_FLASH_BOUNCE;

		rc = rom_read_words(f, off + (uint32_t)done, f->check, n);
		if (rc != 0)
			return rc;
		memcpy(f->bounce, src + done, n);
		for (uint32_t i = 0; i < n / 4; i++)
			if (f->bounce[i] & ~f->check[i])
				return -EROFS;
	}
	for (done = 0; done < len; done += ESP_ROM_FLASH_BOUNCE) {
		uint32_t n = len - done < ESP_ROM_FLASH_BOUNCE ?
			     (uint32_t)(len - done) : ESP_ROM_FLASH_BOUNCE;
		uint32_t at = off + (uint32_t)done;

		memcpy(f->bounce, src + done, n);
		rc = rom_write_words(f, at, f->bounce, n);
		if (rc != 0)
			return rc;
		rc = rom_read_words(f, at, f->check, n);
		if (rc != 0)
			return rc;
		if (memcmp(f->check, f->bounce, n) != 0)
			return -EIO;
	}
	return 0;
}

static int rom_flash_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct esp_rom_flash *f = to_rom_flash(dev);

	/* A whole slot is hundreds of sectors and tens of ms each: longer
	 * than a watchdog's timeout, so it is fed per sector. */
	for (uint32_t at = off; at < off + len; at += ESP_ROM_FLASH_SECTOR) {
		int rc = rom_erase_sector(f, at / ESP_ROM_FLASH_SECTOR);

		if (rc != 0)
			return rc;
		arch_wdt_feed();
	}
	return 0;
}

static const struct mtd_ops esp_rom_flash_ops = {
	.read = rom_flash_read,
	.program = rom_flash_program,
	.erase = rom_flash_erase,
};

int esp_rom_flash_init(struct esp_rom_flash *f,
		       const struct esp_rom_flash_rom *rom, uint32_t size)
{
	if (size == 0 || size % ESP_ROM_FLASH_SECTOR != 0)
		return -EINVAL;
	f->mtd.ops = &esp_rom_flash_ops;
	f->mtd.geo = &f->geo;
	f->rom = rom;
	f->region = (struct mtd_region){ .sector_size = ESP_ROM_FLASH_SECTOR,
					 .count = size / ESP_ROM_FLASH_SECTOR };
	f->geo = (struct mtd_geometry){ .regions = &f->region, .nregions = 1,
					.program_unit = 4, .erased_value = 0xff,
					.size = size };
	if (mtd_geometry_check(&f->geo) != 0)
		return -EINVAL;
	if (rom->unlock != NULL && rom_unlock(f) != 0)
		return -EIO;
	return 0;
}
