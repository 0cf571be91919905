/* libs/smp/smp_serial.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/smp/smp_serial.h"

#include <mbedtls/base64.h>
#include <string.h>

#define RAW_PER_LINE (SMP_LINE_CHARS / 4 * 3) /* 93 */

uint16_t smp_crc16(uint16_t crc, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len--) {
		crc ^= (uint16_t)(*p++ << 8);
		for (int i = 0; i < 8; i++)
			crc = crc & 0x8000 ? (uint16_t)(crc << 1 ^ 0x1021) :
					     (uint16_t)(crc << 1);
	}
	return crc;
}

void smp_rx_init(struct smp_rx *rx, uint8_t *buf, size_t cap)
{
	memset(rx, 0, sizeof(*rx));
	rx->buf = buf;
	rx->cap = cap;
}

static enum smp_rx_event drop(struct smp_rx *rx)
{
	rx->assembling = 0;
	rx->have = 0;
	return SMP_RX_DROPPED;
}

static int base64_chars(const char *s, size_t n)
{
	if (n == 0 || n % 4 != 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '=') {
			/* only in the last two places, and only at the end */
			if (i < n - 2 || (i == n - 2 && s[n - 1] != '='))
				return 0;
		} else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
			     (c >= '0' && c <= '9') || c == '+' || c == '/')) {
			return 0;
		}
	}
	return 1;
}

static enum smp_rx_event line_done(struct smp_rx *rx, int first)
{
	uint8_t raw[SMP_LINE_MAX];
	size_t n = rx->line_len, got, take;
	int short_copy;

	if (n > 0 && rx->line[n - 1] == '\r')
		n--;
	if (!base64_chars(rx->line, n) ||
	    mbedtls_base64_decode(raw, sizeof(raw), &got,
				  (const unsigned char *)rx->line, n) != 0)
		return drop(rx);
	if (first) {
		rx->assembling = 1;
		rx->have = 0;
		rx->padded = 0;
	} else if (!rx->assembling || rx->padded) {
		return drop(rx); /* a continuation of nothing */
	}
	rx->padded = rx->line[n - 1] == '=';
	take = got < rx->cap - rx->have ? got : rx->cap - rx->have;
	short_copy = take < got;
	memcpy(rx->buf + rx->have, raw, take);
	rx->have += take;
	if (rx->have >= 2) {
		size_t total = 2 + ((size_t)rx->buf[0] << 8 | rx->buf[1]);

		if (total < 2 + SMP_HDR_SIZE + 2)
			return drop(rx);
		if (total > rx->cap) {
			if (rx->have < 2 + SMP_HDR_SIZE)
				return short_copy ? drop(rx) : SMP_RX_NONE;
			rx->assembling = 0;
			return SMP_RX_TOO_LONG;
		}
		if (short_copy || rx->have > total)
			return drop(rx);
		if (rx->have == total) {
			rx->assembling = 0;
			if (smp_crc16(0, rx->buf + 2, total - 2) != 0)
				return drop(rx);
			return SMP_RX_PACKET;
		}
	}
	return short_copy ? drop(rx) : SMP_RX_NONE;
}

enum smp_rx_event smp_rx_byte(struct smp_rx *rx, uint8_t c)
{
	switch (rx->in_line) {
	case 0: /* at a line's start */
		if (c == 0x06 || c == 0x04) {
			rx->marker0 = c;
			rx->in_line = 3;
		} else if (c != '\n') {
			rx->in_line = 2;
		}
		return SMP_RX_NONE;
	case 3: /* after a marker's first byte */
		if ((rx->marker0 == 0x06 && c == 0x09) ||
		    (rx->marker0 == 0x04 && c == 0x14)) {
			rx->in_line = 1;
			rx->line_len = 0;
		} else {
			rx->in_line = c == '\n' ? 0 : 2;
		}
		return SMP_RX_NONE;
	case 2: /* other text, up to its LF */
		if (c == '\n')
			rx->in_line = 0;
		return SMP_RX_NONE;
	default: /* in a marker line */
		if (c == '\n') {
			rx->in_line = 0;
			return line_done(rx, rx->marker0 == 0x06);
		}
		if (rx->line_len >= SMP_LINE_MAX - 3) {
			rx->in_line = 2; /* the rest of an overlong line is lost */
			return drop(rx);
		}
		rx->line[rx->line_len++] = (char)c;
		return SMP_RX_NONE;
	}
}

const uint8_t *smp_rx_packet(const struct smp_rx *rx, size_t *len)
{
	size_t total = 2 + ((size_t)rx->buf[0] << 8 | rx->buf[1]);

	*len = total > rx->cap ? SMP_HDR_SIZE : total - 4;
	return rx->buf + 2;
}

/* Byte `i` of the frame buffer len16 | pkt | crc. */
static uint8_t frame_byte(const uint8_t *pkt, size_t len, uint16_t crc, size_t i)
{
	if (i < 2)
		return (uint8_t)((len + 2) >> (i == 0 ? 8 : 0));
	if (i < 2 + len)
		return pkt[i - 2];
	return (uint8_t)(crc >> (i == 2 + len ? 8 : 0));
}

int smp_tx_frame(const uint8_t *pkt, size_t len,
		 int (*emit)(void *arg, const uint8_t *line, size_t n),
		 void *arg)
{
	uint16_t crc = smp_crc16(0, pkt, len);
	size_t total = len + 4;

	if (len + 2 > 0xffff)
		return -1;
	/* Cutting the whole buffer's base64 every 124 characters, as MCUboot
	 * and newtmgr do, is encoding it 93 bytes at a time. */
	for (size_t at = 0; at < total; at += RAW_PER_LINE) {
		uint8_t raw[RAW_PER_LINE], line[SMP_LINE_CHARS + 4];
		size_t n = total - at < RAW_PER_LINE ? total - at : RAW_PER_LINE, olen;
		int rc;

		for (size_t i = 0; i < n; i++)
			raw[i] = frame_byte(pkt, len, crc, at + i);
		line[0] = at == 0 ? 0x06 : 0x04;
		line[1] = at == 0 ? 0x09 : 0x14;
		if (mbedtls_base64_encode(line + 2, sizeof(line) - 2, &olen, raw, n))
			return -1;
		line[2 + olen] = '\n';
		rc = emit(arg, line, olen + 3);
		if (rc != 0)
			return rc;
	}
	return 0;
}
