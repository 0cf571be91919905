/* drivers/mtd/sim_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/mtd/sim_flash.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static struct sim_flash *to_sim(struct mtd_dev *dev)
{
	return (struct sim_flash *)dev;
}

/* xorshift64*: small, seeded, reproducible; not for anything secret. */
static uint64_t rng_next(struct sim_flash *fl)
{
	uint64_t x = fl->rng ? fl->rng : 0x9e3779b97f4a7c15ULL;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	fl->rng = x;
	return x * 0x2545f4914f6cdd1dULL;
}

static uint64_t rng_below(struct sim_flash *fl, uint64_t n)
{
	return n ? rng_next(fl) % n : 0;
}

static int sim_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct sim_flash *fl = to_sim(dev);

	if (fl->powered_off)
		return -EIO;
	if (fl->stats.reads++ == fl->fail_read)
		return -EIO;
	memcpy(buf, fl->mem + off, len);
	fl->stats.bytes_read += len;
	fl->stats.virtual_us += (len * fl->timing.read_ns_per_byte) / 1000;
	return 0;
}

/*
 * Count a program or erase and decide whether power goes in it.
 * Returns 1 when this is the cut operation.
 */
static int op_is_cut(struct sim_flash *fl)
{
	return fl->ops++ == fl->cut_at;
}

static int unit_written(const struct sim_flash *fl, uint32_t unit)
{
	return fl->written && (fl->written[unit / 8] >> (unit % 8)) & 1;
}

static void mark_units(struct sim_flash *fl, uint32_t off, size_t len,
		       int written)
{
	uint32_t unit_size = fl->mtd.geo->program_unit;

	if (fl->written == NULL)
		return;
	for (uint32_t u = off / unit_size; u < (off + len) / unit_size; u++) {
		if (written)
			fl->written[u / 8] |= (uint8_t)(1u << (u % 8));
		else
			fl->written[u / 8] &= (uint8_t)~(1u << (u % 8));
	}
}

/* True when writing `data` over `old` needs a bit to return to erased. */
static int needs_erase(uint8_t erased, uint8_t old, uint8_t data)
{
	if (erased == 0xff)
		return (data & (uint8_t)~old) != 0;
	return (old & (uint8_t)~data) != 0;
}

/* The program power is cut in; see enum sim_cut_mode for the states. */
static int program_cut(struct sim_flash *fl, uint32_t off, const uint8_t *src,
		       size_t len)
{
	fl->powered_off = 1;
	if (fl->cut_mode == SIM_CUT_SKIP)
		return -EIO;
	/* A started program leaves its units used, whatever they hold. */
	mark_units(fl, off, len, 1);
	if (fl->cut_mode == SIM_CUT_DONE) {
		memcpy(fl->mem + off, src, len);
	} else if (rng_next(fl) & 1) {
		memcpy(fl->mem + off, src, (size_t)rng_below(fl, len));
	} else {
		for (size_t i = 0; i < len; i++) {
			uint8_t old = fl->mem[off + i];
			uint8_t change = (uint8_t)(old ^ src[i]);
			uint8_t keep = (uint8_t)rng_next(fl);

			fl->mem[off + i] = (uint8_t)(old ^ (change & keep));
		}
	}
	return -EIO;
}

static int sim_program(struct mtd_dev *dev, uint32_t off, const void *buf,
		       size_t len)
{
	struct sim_flash *fl = to_sim(dev);
	const uint8_t *src = buf;
	uint8_t erased = dev->geo->erased_value;

	uint32_t unit = dev->geo->program_unit;

	if (fl->powered_off)
		return -EIO;
	/* Check the whole range first: a rejected program changes nothing. */
	for (size_t i = 0; i < len; i++)
		if (needs_erase(erased, fl->mem[off + i], src[i]))
			return -EROFS;
	for (uint32_t u = off / unit; u < (off + len) / unit; u++)
		if (unit_written(fl, u))
			return -EROFS;
	fl->stats.programs++;
	fl->stats.bytes_programmed += len;
	fl->stats.virtual_us += (uint64_t)(len / unit) *
				fl->timing.program_us_per_unit;
	if (op_is_cut(fl)) {
		if (fl->cut_mode == SIM_FAIL_EIO)
			return -EIO;
		return program_cut(fl, off, src, len);
	}
	memcpy(fl->mem + off, src, len);
	mark_units(fl, off, len, 1);
	return 0;
}

static int sim_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct sim_flash *fl = to_sim(dev);
	uint8_t erased = dev->geo->erased_value;

	if (fl->powered_off)
		return -EIO;
	fl->stats.erases++;
	fl->stats.bytes_erased += len;
	for (uint32_t pos = off; pos < off + len;) {
		uint32_t start, size;

		mtd_sector_at(dev->geo, pos, &start, &size);
		fl->stats.virtual_us += fl->timing.erase_us_per_sector;
		pos = start + size;
	}
	if (op_is_cut(fl) && fl->cut_mode == SIM_FAIL_EIO)
		return -EIO;
	if (off < fl->worn_end && off + len > fl->worn_start)
		return -EIO; /* a worn-out sector no longer erases */
	if (fl->ops - 1 == fl->cut_at) {
		fl->powered_off = 1;
		if (fl->cut_mode == SIM_CUT_SKIP)
			return -EIO;
		if (fl->cut_mode == SIM_CUT_TORN) {
			uint32_t p = off + (uint32_t)rng_below(fl, len);
			uint32_t start, size;

			mtd_sector_at(dev->geo, p, &start, &size);
			memset(fl->mem + off, erased, p - off);
			mark_units(fl, off, p - off, 0);
			if (rng_next(fl) & 1)
				for (uint32_t i = p; i < start + size; i++)
					fl->mem[i] = (uint8_t)rng_next(fl);
			return -EIO;
		}
		memset(fl->mem + off, erased, len);
		mark_units(fl, off, len, 0);
		return -EIO;
	}
	memset(fl->mem + off, erased, len);
	mark_units(fl, off, len, 0);
	return 0;
}

static int sim_sync(struct mtd_dev *dev)
{
	struct sim_flash *fl = to_sim(dev);

	if (fl->powered_off)
		return -EIO;
	if (fl->mapped && msync(fl->mem, dev->geo->size, MS_SYNC) != 0)
		return -errno;
	return 0;
}

static const struct mtd_ops sim_flash_ops = {
	.read = sim_read,
	.program = sim_program,
	.erase = sim_erase,
	.sync = sim_sync,
};

int sim_flash_init_ram(struct sim_flash *fl, const struct mtd_geometry *geo,
		       uint8_t *mem)
{
	int rc = mtd_geometry_check(geo);

	if (rc != 0)
		return rc;
	if (mem == NULL)
		return -EINVAL;
	memset(fl, 0, sizeof(*fl));
	fl->mtd.ops = &sim_flash_ops;
	fl->mtd.geo = geo;
	fl->mem = mem;
	fl->cut_at = SIM_NO_CUT;
	fl->fail_read = SIM_NO_CUT;
	return 0;
}

void sim_flash_set_write_once(struct sim_flash *fl, uint8_t *bitmap)
{
	fl->written = bitmap;
}

void sim_flash_arm_cut(struct sim_flash *fl, uint64_t op,
		       enum sim_cut_mode mode, uint64_t seed)
{
	fl->ops = 0;
	fl->cut_at = op;
	fl->cut_mode = mode;
	fl->rng = seed;
}

void sim_flash_power_on(struct sim_flash *fl)
{
	fl->powered_off = 0;
	fl->cut_at = SIM_NO_CUT;
	fl->ops = 0;
}

int sim_flash_open_file(struct sim_flash *fl, const struct mtd_geometry *geo,
			const char *path)
{
	struct stat st;
	void *mem;
	int fd;
	int rc = mtd_geometry_check(geo);

	if (rc != 0)
		return rc;
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (fstat(fd, &st) != 0) {
		rc = -errno;
		close(fd);
		return rc;
	}
	if ((uint64_t)st.st_size != geo->size) {
		close(fd);
		return -EFBIG;
	}
	mem = mmap(NULL, geo->size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	rc = -errno;
	close(fd);
	if (mem == MAP_FAILED)
		return rc;
	rc = sim_flash_init_ram(fl, geo, mem);
	fl->mapped = 1;
	return rc;
}

void sim_flash_close(struct sim_flash *fl)
{
	if (fl->mapped)
		munmap(fl->mem, fl->mtd.geo->size);
	fl->mem = NULL;
	fl->mapped = 0;
}
