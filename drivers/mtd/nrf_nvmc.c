/* drivers/mtd/nrf_nvmc.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "drivers/mtd/nrf_nvmc.h"

#include <errno.h>
#include <string.h>

#define REG(base, off) (*(volatile uint32_t *)((base) + (off)))

#define NVMC_READY 0x400
#define NVMC_CONFIG 0x504
#define NVMC_ERASEPAGE 0x508

#define CONFIG_REN 0u /* read only */
#define CONFIG_WEN 1u /* write enabled */
#define CONFIG_EEN 2u /* erase enabled */

#define FICR_CODEPAGESIZE 0x010
#define FICR_CODESIZE 0x014

/* Polls of READY before the driver gives up: a page erase takes up to
 * about 90 ms on these parts, far less than this many loads. */
#define READY_SPINS 0x04000000u

static struct nrf_nvmc *to_nvmc(struct mtd_dev *dev)
{
	return (struct nrf_nvmc *)dev;
}

static int wait_ready(struct nrf_nvmc *f)
{
	for (uint32_t spins = READY_SPINS; spins != 0; spins--) {
		if (REG(f->nvmc, NVMC_READY) & 1u)
			return 0;
	}
	return -EIO;
}

/* Switch the controller's mode; it must be idle to accept one. */
static int set_mode(struct nrf_nvmc *f, uint32_t mode)
{
	int rc = wait_ready(f);

	REG(f->nvmc, NVMC_CONFIG) = mode;
	return rc;
}

static int nvmc_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	memcpy(buf, (const void *)(to_nvmc(dev)->flash + off), len);
	return 0;
}

static int nvmc_program(struct mtd_dev *dev, uint32_t off, const void *buf,
			size_t len)
{
	struct nrf_nvmc *f = to_nvmc(dev);
	volatile uint32_t *dst = (volatile uint32_t *)(f->flash + off);
	const uint8_t *src = buf;
	size_t words = len / 4; /* mtd_program checked the 4-byte alignment */
	int rc = 0, rc2;

	for (size_t i = 0; i < words; i++) {
		uint32_t w;

		memcpy(&w, src + 4 * i, 4);
		if (w & ~dst[i])
			return -EROFS; /* nothing written yet */
	}
	rc = set_mode(f, CONFIG_WEN);
	for (size_t i = 0; i < words && rc == 0; i++) {
		uint32_t w;

		memcpy(&w, src + 4 * i, 4);
		if (w == dst[i])
			continue; /* spare the word's write budget */
		dst[i] = w;
		rc = wait_ready(f);
		if (rc == 0 && dst[i] != w)
			rc = -EIO;
	}
	rc2 = set_mode(f, CONFIG_REN);
	return rc != 0 ? rc : rc2;
}

static int nvmc_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct nrf_nvmc *f = to_nvmc(dev);
	uint32_t page = f->region.sector_size;
	int rc = set_mode(f, CONFIG_EEN), rc2;

	for (uint32_t at = off; at < off + len && rc == 0; at += page) {
		REG(f->nvmc, NVMC_ERASEPAGE) = (uint32_t)(f->flash + at);
		rc = wait_ready(f);
	}
	rc2 = set_mode(f, CONFIG_REN);
	return rc != 0 ? rc : rc2;
}

static int nvmc_xip_address(struct mtd_dev *dev, uint32_t off, uintptr_t *addr)
{
	*addr = to_nvmc(dev)->flash + off;
	return 0;
}

static const struct mtd_ops nrf_nvmc_ops = {
	.read = nvmc_read,
	.program = nvmc_program,
	.erase = nvmc_erase,
	.xip_address = nvmc_xip_address,
};

int nrf_nvmc_init(struct nrf_nvmc *f, uintptr_t nvmc, uintptr_t ficr,
		  uintptr_t flash)
{
	uint32_t page = REG(ficr, FICR_CODEPAGESIZE);
	uint32_t pages = REG(ficr, FICR_CODESIZE);

	if (page < 256 || page > 0x10000 || (page & (page - 1)) != 0 ||
	    pages == 0 || pages > 0xffffffffu / page)
		return -ENODEV;
	f->mtd.ops = &nrf_nvmc_ops;
	f->mtd.geo = &f->geo;
	f->nvmc = nvmc;
	f->flash = flash;
	f->region = (struct mtd_region){ .sector_size = page, .count = pages };
	f->geo = (struct mtd_geometry){ .regions = &f->region, .nregions = 1,
					.program_unit = 4, .erased_value = 0xff,
					.size = page * pages };
	return mtd_geometry_check(&f->geo) == 0 ? 0 : -ENODEV;
}
