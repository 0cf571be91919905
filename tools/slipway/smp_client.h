/* tools/slipway/smp_client.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The host side of SMP over a serial line: open a serial device (or the
 * sim's pty), send one request and wait for its reply, retrying on
 * timeouts as mcumgr clients do (a receiver drops a damaged frame without
 * a word). Framing is libs/smp's, the same code the device runs.
 */
#ifndef SLIPWAY_TOOLS_SLIPWAY_SMP_CLIENT_H
#define SLIPWAY_TOOLS_SLIPWAY_SMP_CLIENT_H

#include "libs/cbor/cbor_dec.h"
#include "libs/smp/smp_serial.h"

#define SMP_CLIENT_MAX_PACKET 8192

struct smp_client {
	int fd;
	const char *port;
	int timeout_ms;
	int tries;
	int version;        /* SMP header Ver: 1 (SMP v2, default) or 0 */
	uint8_t seq;
	struct smp_rx rx;
	uint8_t rx_buf[SMP_CLIENT_MAX_PACKET + 4];
	uint8_t rsp[SMP_CLIENT_MAX_PACKET]; /* the last reply's CBOR */
	size_t rsp_len;
};

/* 0, or -1 after printing why (no such device, not a terminal, ...). */
int smp_client_open(struct smp_client *c, const char *port, int timeout_ms,
		    int tries);
void smp_client_close(struct smp_client *c);

/*
 * Send a request (op 0 read or 2 write) and wait for its reply, whose CBOR
 * is then in c->rsp. 0; -1 after printing why (no reply in time, an I/O
 * error); 1 after printing the device's error reply.
 */
int smp_client_request(struct smp_client *c, uint8_t op, uint16_t group,
		       uint8_t id, const uint8_t *cbor, size_t len);

/*
 * The error a reply carries: 0 when none, else its text in `buf`
 * ("image error 30 (image too large for the slot): <rsn>"). `off`, when
 * not NULL, gets the reply's "off" (or -1).
 */
int smp_client_reply_error(const uint8_t *cbor, size_t len, char *buf,
			   size_t cap, int64_t *off);

#endif
