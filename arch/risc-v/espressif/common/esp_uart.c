/* arch/risc-v/espressif/common/esp_uart.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * UART0 as a serial line: bytes out through the ROM's output function
 * (the ROM configured UART0 at 115200 8N1 before it started the
 * bootloader), bytes in from the RX FIFO's count and read port (from
 * ESP-IDF's register headers, in the chip's header: not in the
 * contract, checked only on hardware).
 */
#include "arch/arch.h"
#include "arch/risc-v/espressif/common/esp_chip.h"
#include "arch/risc-v/espressif/common/esp_rom.h"
#include "arch/risc-v/espressif/common/esp_soc.h"
#include "drivers/serial/serial.h"

static int esp_uart_read(struct serial_dev *dev, uint8_t *buf, size_t len,
			 int timeout_ms)
{
	size_t n = 0;

	(void)dev;
	if (len == 0)
		return 0;
	while (ESP_UART_RXFIFO_CNT(ESP_REG(ESP_UART0_BASE + ESP_UART_STATUS)) == 0) {
		if (timeout_ms == 0)
			return 0;
		arch_delay_ms(1);
		if (timeout_ms > 0)
			timeout_ms--;
	}
	while (n < len &&
	       ESP_UART_RXFIFO_CNT(ESP_REG(ESP_UART0_BASE + ESP_UART_STATUS)) != 0)
		buf[n++] = (uint8_t)ESP_REG(ESP_UART0_BASE + ESP_UART_FIFO);
	return (int)n;
}

static int esp_uart_write(struct serial_dev *dev, const uint8_t *buf, size_t len)
{
	(void)dev;
	for (size_t i = 0; i < len; i++)
		esp_rom_output_tx_one_char(buf[i]);
	return 0;
}

static const struct serial_ops esp_uart_ops = {
	.read = esp_uart_read,
	.write = esp_uart_write,
};

struct serial_dev *esp_uart0(void)
{
	static struct serial_dev uart0 = { &esp_uart_ops, "uart0" };

	return &uart0;
}
