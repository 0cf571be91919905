/* drivers/serial/nrf_uarte.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "drivers/serial/nrf_uarte.h"

#include "arch/arch.h"

#define REG(base, off) (*(volatile uint32_t *)((base) + (off)))

#define TASKS_STARTRX 0x000
#define TASKS_STOPRX 0x004
#define TASKS_STARTTX 0x008
#define TASKS_STOPTX 0x00c
#define EVENTS_ENDRX 0x110
#define EVENTS_ENDTX 0x120
#define EVENTS_RXTO 0x144
#define EVENTS_TXSTOPPED 0x158
#define ENABLE 0x500
#define PSEL_RTS 0x508
#define PSEL_TXD 0x50c
#define PSEL_CTS 0x510
#define PSEL_RXD 0x514
#define BAUDRATE 0x524
#define RXD_PTR 0x534
#define RXD_MAXCNT 0x538
#define TXD_PTR 0x544
#define TXD_MAXCNT 0x548
#define CONFIG 0x56c

#define ENABLE_UARTE 8u
#define PSEL_DISCONNECTED 0xffffffffu

static struct nrf_uarte *to_uarte(struct serial_dev *dev)
{
	return (struct nrf_uarte *)dev;
}

static void start_rx(struct nrf_uarte *u)
{
	REG(u->base, EVENTS_ENDRX) = 0;
	REG(u->base, RXD_PTR) = (uint32_t)(uintptr_t)&u->rx_byte;
	REG(u->base, RXD_MAXCNT) = 1;
	REG(u->base, TASKS_STARTRX) = 1;
	u->rx_started = 1;
}

/* The byte a finished transfer holds, the next transfer started at once. */
static int take_rx(struct nrf_uarte *u, uint8_t *out)
{
	if (!REG(u->base, EVENTS_ENDRX))
		return 0;
	*out = u->rx_byte;
	start_rx(u);
	return 1;
}

static int nrf_uarte_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			  int timeout_ms)
{
	struct nrf_uarte *u = to_uarte(dev);
	size_t n = 0;

	if (len == 0)
		return 0;
	if (!u->rx_started)
		start_rx(u);
	while (!take_rx(u, &buf[0])) {
		if (timeout_ms == 0)
			return 0;
		arch_delay_ms(1);
		if (timeout_ms > 0)
			timeout_ms--;
	}
	n = 1;
	/* Then what is already there, without waiting. */
	while (n < len && take_rx(u, &buf[n]))
		n++;
	return (int)n;
}

void nrf_uarte_putc(uintptr_t base, uint8_t c)
{
	volatile uint8_t byte = c; /* on the stack: RAM, as EasyDMA needs */

	REG(base, EVENTS_ENDTX) = 0;
	REG(base, TXD_PTR) = (uint32_t)(uintptr_t)&byte;
	REG(base, TXD_MAXCNT) = 1;
	REG(base, TASKS_STARTTX) = 1;
	while (!REG(base, EVENTS_ENDTX))
		;
	/* Stop the transmitter, so it does not keep the HF clock running. */
	REG(base, EVENTS_TXSTOPPED) = 0;
	REG(base, TASKS_STOPTX) = 1;
	while (!REG(base, EVENTS_TXSTOPPED))
		;
}

void nrf_uarte_stop(struct nrf_uarte *u)
{
	if (!u->rx_started)
		return;
	REG(u->base, EVENTS_RXTO) = 0;
	REG(u->base, TASKS_STOPRX) = 1;
	while (!REG(u->base, EVENTS_RXTO))
		;
	u->rx_started = 0;
}

static int nrf_uarte_write(struct serial_dev *dev, const uint8_t *buf,
			   size_t len)
{
	uintptr_t base = to_uarte(dev)->base;

	for (size_t i = 0; i < len; i++)
		nrf_uarte_putc(base, buf[i]);
	return 0;
}

static const struct serial_ops nrf_uarte_ops = {
	.read = nrf_uarte_read,
	.write = nrf_uarte_write,
};

void nrf_uarte_init(struct nrf_uarte *u, uintptr_t base, const char *name,
		    uint32_t tx_pin, uint32_t rx_pin, uint32_t baud)
{
	u->dev.ops = &nrf_uarte_ops;
	u->dev.name = name;
	u->base = base;
	u->rx_started = 0;
	REG(base, ENABLE) = 0;
	REG(base, PSEL_TXD) = tx_pin;
	REG(base, PSEL_RXD) = rx_pin;
	REG(base, PSEL_RTS) = PSEL_DISCONNECTED;
	REG(base, PSEL_CTS) = PSEL_DISCONNECTED;
	REG(base, BAUDRATE) = baud;
	REG(base, CONFIG) = 0; /* 8N1, no flow control */
	REG(base, ENABLE) = ENABLE_UARTE;
}
