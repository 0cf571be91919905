/* drivers/serial/cmsdk_uart.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "drivers/serial/cmsdk_uart.h"

#include "arch/arm/common/arm.h"

#define REG_DATA 0    /* words: +0x00 */
#define REG_STATE 1   /* +0x04 */
#define REG_CTRL 2    /* +0x08 */
#define REG_BAUDDIV 4 /* +0x10 */

#define STATE_TX_FULL 0x1u
#define STATE_RX_FULL 0x2u
#define CTRL_TX_EN 0x1u
#define CTRL_RX_EN 0x2u

static struct cmsdk_uart *to_uart(struct serial_dev *dev)
{
	return (struct cmsdk_uart *)dev;
}

/* The receive buffer holds one byte: poll it continuously (not in 1 ms
 * steps) so the line runs at the host's speed, and count the timeout in
 * SysTick time. */
static int cmsdk_uart_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			   int timeout_ms)
{
	struct cmsdk_uart *u = to_uart(dev);
	uint32_t start = arm_uptime_us();
	size_t n = 0;

	if (len == 0)
		return 0;
	while (!(u->regs[REG_STATE] & STATE_RX_FULL)) {
		if (timeout_ms == 0)
			return 0;
		if (timeout_ms > 0 &&
		    arm_uptime_us() - start >= (uint32_t)timeout_ms * 1000u)
			return 0;
	}
	/* Then take what keeps coming without a gap. */
	while (n < len) {
		unsigned int spins = 64;

		while (!(u->regs[REG_STATE] & STATE_RX_FULL) && --spins != 0)
			;
		if (spins == 0)
			break;
		buf[n++] = (uint8_t)u->regs[REG_DATA];
	}
	return (int)n;
}

void cmsdk_uart_putc(uintptr_t base, uint8_t c)
{
	volatile uint32_t *regs = (volatile uint32_t *)base;

	while (regs[REG_STATE] & STATE_TX_FULL)
		;
	regs[REG_DATA] = c;
}

static int cmsdk_uart_write(struct serial_dev *dev, const uint8_t *buf, size_t len)
{
	struct cmsdk_uart *u = to_uart(dev);

	for (size_t i = 0; i < len; i++)
		cmsdk_uart_putc((uintptr_t)u->regs, buf[i]);
	return 0;
}

static const struct serial_ops cmsdk_uart_ops = {
	.read = cmsdk_uart_read,
	.write = cmsdk_uart_write,
};

void cmsdk_uart_init(struct cmsdk_uart *u, uintptr_t base, const char *name,
		     uint32_t bauddiv)
{
	u->dev.ops = &cmsdk_uart_ops;
	u->dev.name = name;
	u->regs = (volatile uint32_t *)base;
	/* Without TX enabled QEMU's model drops output and TX-full never
	 * clears (../shared/docs/emulated-targets.md, section 3). */
	u->regs[REG_BAUDDIV] = bauddiv < 16 ? 16 : bauddiv;
	u->regs[REG_CTRL] = CTRL_TX_EN | CTRL_RX_EN;
}
