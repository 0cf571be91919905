/* tests/drivers/serial/test_esp_usj.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * drivers/serial/esp_usj on the host, against a model of the
 * USB-Serial-JTAG controller's two registers: a 64-byte IN FIFO sent to
 * the host on WR_DONE (when a host is attached), an OUT FIFO the host
 * fills. The model counts every access that breaks the controller's
 * rules (EP1 read with no byte available, EP1 written with no room, an
 * access outside the two registers). Checked: reads of any length and
 * timeout; writes longer than the FIFO arrive whole and in order; a
 * write with no host gives up (-ETIMEDOUT) after a bounded wait.
 */
#include "tests/test.h"

#include "arch/arch.h"
#include "drivers/serial/esp_usj.h"

#include <errno.h>
#include <string.h>

#define BASE 0x6000f000u
#define FIFO 64

static uint8_t in_fifo[FIFO], to_host[4096], from_host[4096];
static size_t in_n, host_n, out_head, out_tail;
static int host_attached;
static unsigned int broken, flushes, slept_ms;
static struct esp_usj usj;

void arch_delay_ms(unsigned int ms)
{
	slept_ms += ms;
}

static uint32_t model_read(uintptr_t addr)
{
	if (addr == BASE + ESP_USJ_EP1_CONF)
		return (in_n < FIFO ? ESP_USJ_IN_FREE : 0) |
		       (out_head < out_tail ? ESP_USJ_OUT_AVAIL : 0);
	if (addr == BASE + ESP_USJ_EP1) {
		if (out_head == out_tail) {
			broken++;
			return 0;
		}
		return from_host[out_head++];
	}
	broken++;
	return 0;
}

static void model_write(uintptr_t addr, uint32_t value)
{
	if (addr == BASE + ESP_USJ_EP1) {
		if (in_n == FIFO || value > 0xff) {
			broken++;
			return;
		}
		in_fifo[in_n++] = (uint8_t)value;
	} else if (addr == BASE + ESP_USJ_EP1_CONF && value == ESP_USJ_WR_DONE) {
		flushes++;
		if (host_attached) {
			memcpy(to_host + host_n, in_fifo, in_n);
			host_n += in_n;
			in_n = 0;
		}
	} else {
		broken++;
	}
}

static const struct esp_usj_io model = { model_read, model_write };

static int setup(void **state)
{
	(void)state;
	in_n = host_n = out_head = out_tail = 0;
	broken = flushes = slept_ms = 0;
	host_attached = 1;
	esp_usj_init(&usj, &model, BASE, "usj");
	return 0;
}

static void host_sends(const char *s)
{
	memcpy(from_host + out_tail, s, strlen(s));
	out_tail += strlen(s);
}

static void test_read(void **state)
{
	uint8_t buf[16];

	(void)state;
	assert_int_equal(serial_read(&usj.dev, buf, sizeof(buf), 0), 0);
	assert_int_equal(serial_read(&usj.dev, buf, sizeof(buf), 25), 0);
	assert_int_equal(slept_ms, 25);
	host_sends("hello, chip");
	assert_int_equal(serial_read(&usj.dev, buf, 5, -1), 5);
	assert_memory_equal(buf, "hello", 5);
	assert_int_equal(serial_read(&usj.dev, buf, sizeof(buf), 0), 6);
	assert_memory_equal(buf, ", chip", 6);
	assert_int_equal(serial_read(&usj.dev, buf, 0, -1), 0);
	assert_int_equal(broken, 0);
}

static void test_write_longer_than_fifo(void **state)
{
	uint8_t msg[200];

	(void)state;
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (uint8_t)(i * 7 + 3);
	assert_int_equal(serial_write(&usj.dev, msg, sizeof(msg)), 0);
	assert_int_equal(host_n, sizeof(msg));
	assert_memory_equal(to_host, msg, sizeof(msg));
	assert_int_equal(in_n, 0);        /* the tail was sent too */
	assert_int_equal(flushes, 4);     /* 3 full FIFOs, then the end */
	assert_int_equal(slept_ms, 0);    /* the host took each at once */
	assert_int_equal(serial_write(&usj.dev, msg, 0), 0);
	assert_int_equal(flushes, 4);     /* nothing to send */
	assert_int_equal(broken, 0);
}

static void test_write_without_host(void **state)
{
	uint8_t msg[100] = { 0 };

	(void)state;
	host_attached = 0;
	assert_int_equal(serial_write(&usj.dev, msg, sizeof(msg)), -ETIMEDOUT);
	assert_int_equal(in_n, FIFO);     /* filled, never overfilled */
	assert_int_equal(slept_ms, ESP_USJ_TX_TIMEOUT_MS);
	assert_int_equal(broken, 0);
	/* a host that attaches later gets the next bytes */
	host_attached = 1;
	assert_int_equal(serial_write(&usj.dev, (const uint8_t *)"ok", 2), 0);
	assert_int_equal(host_n, FIFO + 2);
	assert_memory_equal(to_host + FIFO, "ok", 2);
	assert_int_equal(broken, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_read, setup),
		cmocka_unit_test_setup(test_write_longer_than_fifo, setup),
		cmocka_unit_test_setup(test_write_without_host, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
