/* libs/smp/smp_serial.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * SMP over a serial line ("SMP over console"), as mcumgr clients, Zephyr
 * and MCUboot frame it: a packet travels as len16 | packet | CRC16, both
 * big-endian (len16 counts the packet and the CRC), base64-encoded in
 * lines. A packet's first line starts with 06 09, the rest with 04 14;
 * each line ends with LF and is decoded on its own. The CRC is
 * CRC-16/XMODEM over the packet. Bytes outside marker lines (a console's
 * log) are passed over.
 */
#ifndef SLIPWAY_LIBS_SMP_SMP_SERIAL_H
#define SLIPWAY_LIBS_SMP_SMP_SERIAL_H

#include <stddef.h>
#include <stdint.h>

#define SMP_HDR_SIZE 8
/* The longest line received, marker and LF included (MCUboot's
 * BOOT_MAX_LINE_INPUT_LEN); senders keep to 124 base64 characters. */
#define SMP_LINE_MAX 128
#define SMP_LINE_CHARS 124 /* base64 characters a sent line carries */

uint16_t smp_crc16(uint16_t crc, const void *data, size_t len);

enum smp_rx_event {
	SMP_RX_NONE,     /* nothing complete yet */
	SMP_RX_PACKET,   /* a packet is ready: smp_rx_packet() */
	SMP_RX_TOO_LONG, /* a packet larger than the buffer began; its
			  * header is in smp_rx_packet() (8 bytes) */
	SMP_RX_DROPPED,  /* a line or packet was bad (base64, CRC, order,
			  * length) and is dropped; senders time out and retry */
};

struct smp_rx {
	uint8_t *buf;      /* len16 | packet | CRC, decoded */
	size_t cap;
	size_t have;       /* decoded bytes in buf */
	int assembling;    /* a first line was accepted */
	int padded;        /* the last line had '=' padding: no more may come */
	char line[SMP_LINE_MAX];
	size_t line_len;
	int in_line;       /* 0: at line start; 1: in a marker line; 2: in
			    * other text (or an overlong line) up to LF */
	uint8_t marker0;   /* first marker byte, while awaiting the second */
};

/* `buf` holds len16, the packet and its CRC: packet size + 4 bytes. */
void smp_rx_init(struct smp_rx *rx, uint8_t *buf, size_t cap);

/* Feed one received byte. */
enum smp_rx_event smp_rx_byte(struct smp_rx *rx, uint8_t c);

/* The packet (header and data) after SMP_RX_PACKET, and its length. */
const uint8_t *smp_rx_packet(const struct smp_rx *rx, size_t *len);

/*
 * Frame `pkt` as lines, each handed to `emit` (marker, base64, LF; at most
 * SMP_LINE_CHARS + 3 bytes). Returns what emit returned first when not 0.
 */
int smp_tx_frame(const uint8_t *pkt, size_t len,
		 int (*emit)(void *arg, const uint8_t *line, size_t n),
		 void *arg);

#endif
