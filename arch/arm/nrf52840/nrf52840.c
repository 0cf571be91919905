/* arch/arm/nrf52840/nrf52840.c
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Nordic nRF52840: the UARTE0 console, the NVMC flash, GPIO inputs for a
 * recovery button, and the WDT. Register offsets are the nRF52840 Product
 * Specification's. Nothing here needs a clock started: the UARTE runs
 * from the internal HF oscillator it requests itself, the WDT from the
 * LF clock it starts itself.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"
#include "arch/arm/nrf52840/nrf52840.h"
#include "drivers/mtd/nrf_nvmc.h"
#include "drivers/serial/nrf_uarte.h"

#include <errno.h>
#include <stdio.h>

#define REG(a) (*(volatile uint32_t *)(a))

#define UARTE0_BASE 0x40002000u

#define GPIO_P0 0x50000000u
#define GPIO_OUTSET (GPIO_P0 + 0x508)
#define GPIO_IN (GPIO_P0 + 0x510)
#define GPIO_PIN_CNF(n) (GPIO_P0 + 0x700 + 4u * (n))
#define PIN_CNF_OUTPUT 0x1u
#define PIN_CNF_INPUT_PULLUP 0xcu /* input, buffer connected, pull-up */

#define WDT_BASE 0x40010000u
#define WDT_TASKS_START (WDT_BASE + 0x000)
#define WDT_RUNSTATUS (WDT_BASE + 0x400)
#define WDT_CRV (WDT_BASE + 0x504)
#define WDT_RREN (WDT_BASE + 0x508)
#define WDT_CONFIG (WDT_BASE + 0x50c)
#define WDT_RR0 (WDT_BASE + 0x600)
#define WDT_RELOAD 0x6e524635u

static struct nrf_uarte uart0;

void arm_chip_init(void)
{
	/* TXD idles high; RXD an input. */
	REG(GPIO_OUTSET) = 1u << CONFIG_NRF52840_UART_TX_PIN;
	REG(GPIO_PIN_CNF(CONFIG_NRF52840_UART_TX_PIN)) = PIN_CNF_OUTPUT;
	REG(GPIO_PIN_CNF(CONFIG_NRF52840_UART_RX_PIN)) = 0;
	nrf_uarte_init(&uart0, UARTE0_BASE, "uarte0", CONFIG_NRF52840_UART_TX_PIN,
		       CONFIG_NRF52840_UART_RX_PIN, NRF_UARTE_BAUD_115200);
}

void arm_chip_putc(char c)
{
	nrf_uarte_putc(UARTE0_BASE, (uint8_t)c);
}

/* Nothing to report to on a device: wait for the watchdog, or a debugger. */
void arm_chip_halt(int status)
{
	(void)status;
	fflush(stdout);
	for (;;)
		__asm__ volatile("wfi");
}

/* Stop what could write RAM after the jump (the UARTE's receive DMA), as
 * MCUboot's nrf_cleanup_peripheral does. */
void arm_chip_quiesce(void)
{
	nrf_uarte_stop(&uart0);
}

struct serial_dev *nrf52840_uart0(void)
{
	return &uart0.dev;
}

struct mtd_dev *nrf52840_flash(void)
{
	static struct nrf_nvmc flash;
	static int state; /* 0 not tried, 1 ready, <0 failed */

	if (state == 0) {
		state = nrf_nvmc_init(&flash, NRF_NVMC_BASE, NRF_FICR_BASE,
				      CONFIG_ARM_FLASH_XIP_BASE);
		if (state == 0)
			state = 1;
		else
			printf("nrf52840: the FICR gives no flash geometry (%d)\n",
			       state);
	}
	return state == 1 ? &flash.mtd : NULL;
}

/* Buttons pull to ground: the pin is an input with its pull-up on. */
int arch_gpio_read(unsigned int pin)
{
	if (pin > 31)
		return -EINVAL;
	REG(GPIO_PIN_CNF(pin)) = PIN_CNF_INPUT_PULLUP;
	for (volatile int settle = 0; settle < 64; settle++)
		;
	return (REG(GPIO_IN) >> pin) & 1u;
}

#if defined(CONFIG_BOOT_WDT)
/*
 * arch_wdt_start: paused while the core sleeps or a debugger halts it. A
 * soft reset does not stop the WDT: one started before this reset keeps
 * its timeout.
 */
int arch_wdt_start(unsigned int timeout_ms)
{
	if (timeout_ms < 1u || timeout_ms > 131072000u)
		return -EINVAL;
	if (REG(WDT_RUNSTATUS) & 1u)
		return 0;
	/* CRV counts 32768 Hz ticks: ms * 32.768, in 32 bits. */
	REG(WDT_CRV) = timeout_ms * 32u + timeout_ms / 1000u * 768u +
		       timeout_ms % 1000u * 768u / 1000u - 1u;
	REG(WDT_RREN) = 1u; /* RR[0] only */
	REG(WDT_CONFIG) = 0u; /* paused in sleep and under a debugger's halt */
	REG(WDT_TASKS_START) = 1u;
	return 0;
}

void arch_wdt_feed(void)
{
	if (REG(WDT_RUNSTATUS) & 1u)
		REG(WDT_RR0) = WDT_RELOAD;
}
#endif
