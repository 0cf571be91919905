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

static int sim_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	struct sim_flash *fl = to_sim(dev);

	memcpy(buf, fl->mem + off, len);
	fl->stats.reads++;
	fl->stats.bytes_read += len;
	return 0;
}

/* True when writing `data` over `old` needs a bit to return to erased. */
static int needs_erase(uint8_t erased, uint8_t old, uint8_t data)
{
	if (erased == 0xff)
		return (data & (uint8_t)~old) != 0;
	return (old & (uint8_t)~data) != 0;
}

static int sim_program(struct mtd_dev *dev, uint32_t off, const void *buf,
		       size_t len)
{
	struct sim_flash *fl = to_sim(dev);
	const uint8_t *src = buf;
	uint8_t erased = dev->geo->erased_value;

	/* Check the whole range first: a rejected program changes nothing. */
	for (size_t i = 0; i < len; i++)
		if (needs_erase(erased, fl->mem[off + i], src[i]))
			return -EROFS;
	memcpy(fl->mem + off, src, len);
	fl->stats.programs++;
	fl->stats.bytes_programmed += len;
	return 0;
}

static int sim_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct sim_flash *fl = to_sim(dev);

	memset(fl->mem + off, dev->geo->erased_value, len);
	fl->stats.erases++;
	fl->stats.bytes_erased += len;
	return 0;
}

static int sim_sync(struct mtd_dev *dev)
{
	struct sim_flash *fl = to_sim(dev);

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
	return 0;
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
