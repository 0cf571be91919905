/* libs/smp/smp_server.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/smp/smp_server.h"

#include <string.h>

#define MAP_HEAD_ROOM 3 /* a map head for up to 255 pairs */

void smp_hdr_decode(struct smp_hdr *h, const uint8_t raw[SMP_HDR_SIZE])
{
	h->op = raw[0] & 0x07;
	h->ver = (raw[0] >> 3) & 0x03;
	h->flags = raw[1];
	h->len = (uint16_t)(raw[2] << 8 | raw[3]);
	h->group = (uint16_t)(raw[4] << 8 | raw[5]);
	h->seq = raw[6];
	h->id = raw[7];
}

void smp_hdr_encode(const struct smp_hdr *h, uint8_t raw[SMP_HDR_SIZE])
{
	raw[0] = (uint8_t)((h->op & 0x07) | (h->ver & 0x03) << 3);
	raw[1] = h->flags;
	raw[2] = (uint8_t)(h->len >> 8);
	raw[3] = (uint8_t)h->len;
	raw[4] = (uint8_t)(h->group >> 8);
	raw[5] = (uint8_t)h->group;
	raw[6] = h->seq;
	raw[7] = h->id;
}

void smp_out_key(struct smp_req *req, const char *key)
{
	cbor_put_str(&req->out, key);
	req->pairs++;
}

void smp_out_uint(struct smp_req *req, const char *key, uint64_t v)
{
	smp_out_key(req, key);
	cbor_put_uint(&req->out, v);
}

void smp_out_text(struct smp_req *req, const char *key, const char *v,
		  size_t len)
{
	smp_out_key(req, key);
	cbor_put_text(&req->out, v, len);
}

void smp_out_str(struct smp_req *req, const char *key, const char *v)
{
	smp_out_text(req, key, v, strlen(v));
}

void smp_out_bool(struct smp_req *req, const char *key, int v)
{
	smp_out_key(req, key);
	cbor_put_bool(&req->out, v);
}

static const struct smp_group_entry *find_group(const struct smp_server *s,
						uint16_t id)
{
	for (unsigned int i = 0; i < s->ngroups; i++)
		if (s->groups[i].group->id == id)
			return &s->groups[i];
	return NULL;
}

static int dispatch(struct smp_server *s, struct smp_req *req,
		    const struct smp_group_entry **ge)
{
	const struct smp_hdr *h = &req->hdr;

	*ge = NULL;
	if (h->ver > 1)
		return SMP_UNSUPPORTED_TOO_NEW;
	if (h->op != SMP_OP_READ && h->op != SMP_OP_WRITE)
		return SMP_ENOTSUP;
	*ge = find_group(s, h->group);
	if (*ge == NULL)
		return SMP_ENOTSUP;
	req->ctx = (*ge)->ctx;
	for (unsigned int i = 0; i < (*ge)->group->ncmds; i++) {
		const struct smp_cmd *c = &(*ge)->group->cmds[i];
		int (*fn)(struct smp_req *) = h->op == SMP_OP_READ ? c->read : c->write;

		if (c->id == h->id)
			return fn ? fn(req) : SMP_ENOTSUP;
	}
	return SMP_ENOTSUP;
}

/* The error pairs, in the form the request's version asks for: a reason
 * only beside an "rc" (Zephyr writes "rsn" only in SMP-level errors, which
 * is what a v1 translation of a group's code is). */
static void put_error(struct smp_req *req, const struct smp_group_entry *ge,
		      int rc)
{
	unsigned int code = (unsigned int)rc;

	if (rc & SMP_GROUP_ERR(0)) {
		unsigned int grc = (unsigned int)rc & 0xffff;

		if (req->hdr.ver >= 1) {
			smp_out_key(req, "err");
			cbor_put_map(&req->out, 2);
			cbor_put_str(&req->out, "group");
			cbor_put_uint(&req->out, req->hdr.group);
			cbor_put_str(&req->out, "rc");
			cbor_put_uint(&req->out, grc);
			return;
		}
		code = ge && ge->group->v1_rc ? (unsigned int)ge->group->v1_rc(grc) :
		       SMP_EUNKNOWN;
	}
	smp_out_uint(req, "rc", code);
	if (req->rsn != NULL)
		smp_out_str(req, "rsn", req->rsn);
}

/* Serve one request and send its reply; `forced` (an smp_mgmt_err) answers
 * it without dispatching. */
static void reply(struct smp_server *s, const struct smp_hdr *rh,
		  const struct cbor_dec *in, int forced)
{
	uint8_t *body = s->rsp + SMP_HDR_SIZE + MAP_HEAD_ROOM;
	size_t room = s->rsp_cap - SMP_HDR_SIZE - MAP_HEAD_ROOM;
	const struct smp_group_entry *ge = NULL;
	struct smp_req req = { .hdr = *rh, .server = s };
	struct smp_hdr h = *rh;
	struct cbor_enc head;
	long blen;
	int rc;

	if (s->rsp_cap < SMP_HDR_SIZE + MAP_HEAD_ROOM + 16)
		return;
	cbor_enc_init(&req.out, body, room);
	if (forced != 0) {
		rc = forced;
	} else {
		req.in = *in;
		rc = dispatch(s, &req, &ge);
	}
	if (cbor_enc_len(&req.out) < 0)
		rc = SMP_EMSGSIZE; /* the reply did not fit */
	if (rc != 0) {
		/* an error reply carries nothing else */
		cbor_enc_init(&req.out, body, room);
		req.pairs = 0;
	}
	if (rc != 0)
		put_error(&req, ge, rc);
	blen = cbor_enc_len(&req.out);
	if (blen < 0) {
		req.rsn = NULL;
		cbor_enc_init(&req.out, body, room);
		req.pairs = 0;
		put_error(&req, ge, SMP_EMSGSIZE);
		blen = cbor_enc_len(&req.out);
	}
	cbor_enc_init(&head, s->rsp + SMP_HDR_SIZE, MAP_HEAD_ROOM);
	cbor_put_map(&head, req.pairs);
	memmove(s->rsp + SMP_HDR_SIZE + head.len, body, (size_t)blen);
	h.op = rh->op | 1; /* a reply's op is odd: 0 -> 1, 2 -> 3 */
	h.ver = rh->ver > 1 ? 1 : rh->ver;
	h.flags = 0;
	h.len = (uint16_t)(head.len + (size_t)blen);
	smp_hdr_encode(&h, s->rsp);
	s->send(s->send_arg, s->rsp, SMP_HDR_SIZE + h.len);
	if (s->act_after_reply) {
		s->act_after_reply = 0;
		if (s->after_reply)
			s->after_reply(s->after_reply_arg);
	}
}

void smp_server_packet(struct smp_server *s, const uint8_t *pkt, size_t len)
{
	while (len >= SMP_HDR_SIZE) {
		struct smp_hdr h;
		struct cbor_dec in;

		smp_hdr_decode(&h, pkt);
		if (h.len > len - SMP_HDR_SIZE) {
			/* Data Length passes the packet's end */
			reply(s, &h, NULL, SMP_ECORRUPT);
			return;
		}
		cbor_dec_init(&in, pkt + SMP_HDR_SIZE, h.len);
		reply(s, &h, &in, 0);
		pkt += SMP_HDR_SIZE + h.len;
		len -= SMP_HDR_SIZE + h.len;
	}
}

void smp_server_too_long(struct smp_server *s, const uint8_t hdr[SMP_HDR_SIZE])
{
	struct smp_hdr h;

	smp_hdr_decode(&h, hdr);
	reply(s, &h, NULL, SMP_EMSGSIZE);
}

static int send_frame(void *arg, const uint8_t *pkt, size_t len)
{
	struct smp_serial_server *ss = arg;

	return smp_tx_frame(pkt, len, ss->write, ss->write_arg);
}

void smp_serial_server_init(struct smp_serial_server *ss,
			    const struct smp_group_entry *groups,
			    unsigned int ngroups, uint8_t *rx_buf,
			    uint8_t *rsp_buf, size_t packet_size,
			    int (*write)(void *arg, const uint8_t *data, size_t len),
			    void *write_arg)
{
	memset(ss, 0, sizeof(*ss));
	ss->server.groups = groups;
	ss->server.ngroups = ngroups;
	ss->server.rsp = rsp_buf;
	ss->server.rsp_cap = packet_size;
	ss->server.send = send_frame;
	ss->server.send_arg = ss;
	ss->write = write;
	ss->write_arg = write_arg;
	smp_rx_init(&ss->rx, rx_buf, packet_size + 4);
}

void smp_serial_server_input(struct smp_serial_server *ss, const uint8_t *data,
			     size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t plen;
		const uint8_t *pkt;

		switch (smp_rx_byte(&ss->rx, data[i])) {
		case SMP_RX_PACKET:
			pkt = smp_rx_packet(&ss->rx, &plen);
			smp_server_packet(&ss->server, pkt, plen);
			break;
		case SMP_RX_TOO_LONG:
			pkt = smp_rx_packet(&ss->rx, &plen);
			smp_server_too_long(&ss->server, pkt);
			break;
		default:
			break;
		}
	}
}
