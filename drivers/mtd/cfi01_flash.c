/* drivers/mtd/cfi01_flash.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/mtd/cfi01_flash.h"

#include <errno.h>
#include <string.h>

/* A command or status in both 16-bit lanes of the bus. */
#define LANES(x) ((uint32_t)(x) | ((uint32_t)(x) << 16))

#define CMD_READ_ARRAY LANES(0xff)
#define CMD_CFI_QUERY LANES(0x98)
#define CMD_CLEAR_STATUS LANES(0x50)
#define CMD_BLOCK_ERASE LANES(0x20)
#define CMD_CONFIRM LANES(0xd0)
#define CMD_BUFFERED_PROGRAM LANES(0xe8)

#define SR_READY LANES(0x80)
#define SR_ERASE_ERROR LANES(0x20)
#define SR_PROGRAM_ERROR LANES(0x10)
#define SR_VPP_LOW LANES(0x08)
#define SR_LOCKED LANES(0x02)
#define SR_TIMEOUT 0xffffffffu /* not a status the part can return */

/* Polls before giving up on a busy part: seconds on any real CPU, longer
 * than a block erase takes; QEMU is ready at once. */
#define SPIN_LIMIT 0x10000000u

/* CFI query bytes (one per bus word while in query mode). */
#define CFI_Q 0x10
#define CFI_CMD_SET 0x13
#define CFI_DEVICE_SIZE 0x27
#define CFI_INTERFACE 0x28
#define CFI_WRITE_BUFFER 0x2a
#define CFI_ERASE_REGIONS 0x2c
#define CFI_REGION1 0x2d
#define CFI_QUERY_LEN 0x31

#define RAMFUNC __attribute__((section(".ramfunc"), noinline))

/*
 * The RAM-resident part: each function enters a command mode, waits,
 * and leaves the bank in read-array mode before it returns. They touch
 * only their arguments and the bank (no calls, no constant tables).
 */
static RAMFUNC void cfi_query(volatile uint32_t *bank, uint32_t *out)
{
	bank[0] = CMD_CFI_QUERY;
	for (unsigned int i = 0; i < CFI_QUERY_LEN; i++)
		out[i] = bank[i];
	bank[0] = CMD_READ_ARRAY;
}

static RAMFUNC uint32_t cfi_wait(volatile uint32_t *at)
{
	uint32_t st, spins = SPIN_LIMIT;

	do {
		st = *at;
	} while ((st & SR_READY) != SR_READY && --spins != 0);
	return spins != 0 ? st : SR_TIMEOUT;
}

static RAMFUNC uint32_t cfi_erase_block(volatile uint32_t *block)
{
	uint32_t st;

	block[0] = CMD_BLOCK_ERASE;
	block[0] = CMD_CONFIRM;
	st = cfi_wait(block);
	block[0] = CMD_CLEAR_STATUS;
	block[0] = CMD_READ_ARRAY;
	return st;
}

static RAMFUNC uint32_t cfi_program_buffer(volatile uint32_t *dst,
					   const uint32_t *src, uint32_t words)
{
	uint32_t st;

	dst[0] = CMD_BUFFERED_PROGRAM;
	st = cfi_wait(dst);
	if (st != SR_TIMEOUT) {
		dst[0] = LANES(words - 1);
		for (uint32_t i = 0; i < words; i++)
			dst[i] = src[i];
		dst[0] = CMD_CONFIRM;
		st = cfi_wait(dst);
	}
	dst[0] = CMD_CLEAR_STATUS;
	dst[0] = CMD_READ_ARRAY;
	return st;
}

/* The flash-resident part. */

static struct cfi01_flash *to_cfi(struct mtd_dev *dev)
{
	return (struct cfi01_flash *)dev;
}

static int status_errno(uint32_t st, uint32_t op_error)
{
	if (st == SR_TIMEOUT)
		return -ETIMEDOUT;
	if (st & SR_LOCKED)
		return -EACCES;
	if (st & (op_error | SR_VPP_LOW))
		return -EIO;
	return 0;
}

static int cfi_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	memcpy(buf, (const void *)(to_cfi(dev)->base + off), len);
	return 0;
}

static int cfi_program(struct mtd_dev *dev, uint32_t off, const void *buf,
		       size_t len)
{
	/* The data goes through RAM: a caller's buffer may be in this bank
	 * (constant data), which reads as status once a command starts. */
	static uint32_t bounce[CFI01_MAX_BUFFER / 4];
	struct cfi01_flash *f = to_cfi(dev);
	const uint8_t *src = buf;

	while (len > 0) {
		/* A buffered program stays inside one aligned write buffer. */
		size_t n = f->buffer_bytes - off % f->buffer_bytes;
		volatile uint32_t *dst = f->bank + off / 4;
		uint32_t words;
		int rc;

		if (n > len)
			n = len;
		words = (uint32_t)(n / 4);
		memcpy(bounce, src, n);
		for (uint32_t i = 0; i < words; i++)
			if ((dst[i] & bounce[i]) != bounce[i])
				return -EROFS;
		rc = status_errno(cfi_program_buffer(dst, bounce, words),
				  SR_PROGRAM_ERROR);
		if (rc != 0)
			return rc;
		if (memcmp((const void *)dst, bounce, n) != 0)
			return -EIO;
		off += (uint32_t)n;
		src += n;
		len -= n;
	}
	return 0;
}

static int cfi_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	struct cfi01_flash *f = to_cfi(dev);
	uint32_t sector = f->region.sector_size;

	for (size_t done = 0; done < len; done += sector) {
		int rc = status_errno(cfi_erase_block(f->bank + (off + done) / 4),
				      SR_ERASE_ERROR);

		if (rc != 0)
			return rc;
	}
	return 0;
}

static int cfi_xip_address(struct mtd_dev *dev, uint32_t off, uintptr_t *addr)
{
	*addr = to_cfi(dev)->base + off;
	return 0;
}

static const struct mtd_ops cfi01_ops = {
	.read = cfi_read,
	.program = cfi_program,
	.erase = cfi_erase,
	.xip_address = cfi_xip_address,
};

/* A query byte, present in both lanes (0x100 when the lanes differ). */
static uint32_t query_byte(const uint32_t *q, unsigned int i)
{
	return (q[i] & 0xffff) == (q[i] >> 16) ? (q[i] & 0xff) : 0x100;
}

static uint32_t query_u16(const uint32_t *q, unsigned int i)
{
	return query_byte(q, i) | query_byte(q, i + 1) << 8;
}

int cfi01_flash_init(struct cfi01_flash *f, uintptr_t base)
{
	uint32_t q[CFI_QUERY_LEN];
	uint32_t size_log2, buffer_log2, blocks, block_size;

	memset(f, 0, sizeof(*f));
	f->base = base;
	f->bank = (volatile uint32_t *)base;
	cfi_query(f->bank, q);
	for (unsigned int i = 0; i < CFI_QUERY_LEN; i++)
		if (query_byte(q, i) > 0xff)
			return -ENODEV;
	if (query_byte(q, CFI_Q) != 'Q' || query_byte(q, CFI_Q + 1) != 'R' ||
	    query_byte(q, CFI_Q + 2) != 'Y')
		return -ENODEV;
	/* Interface code 1 is x16, 2 is x8/x16: either way x16 here. */
	if (query_u16(q, CFI_INTERFACE) != 1 && query_u16(q, CFI_INTERFACE) != 2)
		return -ENODEV;
	if (query_u16(q, CFI_CMD_SET) != 0x0001 || query_byte(q, CFI_ERASE_REGIONS) != 1)
		return -ENOTSUP;
	size_log2 = query_byte(q, CFI_DEVICE_SIZE);
	buffer_log2 = query_u16(q, CFI_WRITE_BUFFER);
	blocks = query_u16(q, CFI_REGION1) + 1;
	block_size = query_u16(q, CFI_REGION1 + 2) * 256;
	if (size_log2 < 16 || size_log2 > 30 || block_size == 0 ||
	    (uint64_t)blocks * block_size != (uint64_t)1 << size_log2)
		return -ENODEV;
	/* Two chips side by side: every size doubles on the bus. */
	f->region.sector_size = 2 * block_size;
	f->region.count = blocks;
	/* Programs use the write buffer; parts without one are not handled. */
	if (buffer_log2 == 0)
		return -ENOTSUP;
	f->buffer_bytes = 2u << (buffer_log2 < 16 ? buffer_log2 : 16);
	if (f->buffer_bytes > CFI01_MAX_BUFFER)
		f->buffer_bytes = CFI01_MAX_BUFFER;
	f->geo.regions = &f->region;
	f->geo.nregions = 1;
	f->geo.program_unit = 4;
	f->geo.erased_value = 0xff;
	f->geo.size = 2u << size_log2;
	f->mtd.ops = &cfi01_ops;
	f->mtd.geo = &f->geo;
	return mtd_geometry_check(&f->geo);
}
