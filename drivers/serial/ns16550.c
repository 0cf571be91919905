/* drivers/serial/ns16550.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/serial/ns16550.h"

#include "arch/arch.h"

#define REG_RBR 0 /* receive buffer (read) */
#define REG_THR 0 /* transmit holding (write) */
#define REG_DLL 0 /* divisor latch, low (DLAB=1) */
#define REG_IER 1
#define REG_DLM 1 /* divisor latch, high (DLAB=1) */
#define REG_FCR 2
#define REG_LCR 3
#define REG_MCR 4
#define REG_LSR 5

#define LCR_8N1 0x03
#define LCR_DLAB 0x80
/* FIFOs on and cleared, receive trigger level 14: besides the interrupt
 * (unused here), QEMU's model takes input from its host side only up to
 * the trigger level at a time, so level 1 makes every byte a round trip. */
#define FCR_ENABLE_CLEAR_RX14 0xc7
#define MCR_DTR_RTS 0x03
#define LSR_DR 0x01   /* a received byte is waiting */
#define LSR_THRE 0x20 /* room to send */

static struct ns16550 *to_uart(struct serial_dev *dev)
{
	return (struct ns16550 *)dev;
}

static int ns16550_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			int timeout_ms)
{
	struct ns16550 *u = to_uart(dev);
	size_t n = 0;

	if (len == 0)
		return 0;
	/* Wait for the first byte in 1 ms steps; the UART holds what comes in
	 * meanwhile (QEMU's does not drop, it stops taking input). */
	while (!(u->regs[REG_LSR] & LSR_DR)) {
		if (timeout_ms == 0)
			return 0;
		arch_delay_ms(1);
		if (timeout_ms > 0)
			timeout_ms--;
	}
	while (n < len && (u->regs[REG_LSR] & LSR_DR))
		buf[n++] = u->regs[REG_RBR];
	return (int)n;
}

void ns16550_putc(struct ns16550 *u, uint8_t c)
{
	while (!(u->regs[REG_LSR] & LSR_THRE))
		;
	u->regs[REG_THR] = c;
}

static int ns16550_write(struct serial_dev *dev, const uint8_t *buf, size_t len)
{
	struct ns16550 *u = to_uart(dev);

	for (size_t i = 0; i < len; i++)
		ns16550_putc(u, buf[i]);
	return 0;
}

static const struct serial_ops ns16550_ops = {
	.read = ns16550_read,
	.write = ns16550_write,
};

void ns16550_init(struct ns16550 *u, uintptr_t base, const char *name,
		  uint32_t clock_hz, uint32_t baud)
{
	u->dev.ops = &ns16550_ops;
	u->dev.name = name;
	u->regs = (volatile uint8_t *)base;
	u->regs[REG_IER] = 0;
	if (clock_hz != 0 && baud != 0) {
		uint32_t div = (clock_hz + 8 * baud) / (16 * baud);

		u->regs[REG_LCR] = LCR_DLAB;
		u->regs[REG_DLL] = (uint8_t)div;
		u->regs[REG_DLM] = (uint8_t)(div >> 8);
	}
	u->regs[REG_LCR] = LCR_8N1;
	u->regs[REG_FCR] = FCR_ENABLE_CLEAR_RX14;
	u->regs[REG_MCR] = MCR_DTR_RTS;
}
