/* libs/smp/smp_server.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The SMP (mcumgr) request dispatcher, shared by the bootloader's serial
 * recovery and the OS image: it checks a packet's header, finds the
 * command's handler in the groups it was given, and builds the reply: the
 * header echoed (OP + 1), and a CBOR map holding what the handler wrote
 * or, when it failed, only the error, in the form the request's SMP version
 * asks for (Zephyr's smp and img_mgmt; what the handler wrote is dropped):
 *   SMP-level errors (unknown command, bad CBOR, ...): {"rc": n[, "rsn": t]}
 *   a group's own error: v2 {"err": {"group": g, "rc": n}} (never "rsn"),
 *   v1 {"rc": m[, "rsn": t]} with m the group's translation to MGMT_ERR.
 * Several requests in one packet are served in order. Nothing here knows
 * the transport or the flash.
 */
#ifndef SLIPWAY_LIBS_SMP_SMP_SERVER_H
#define SLIPWAY_LIBS_SMP_SMP_SERVER_H

#include "libs/cbor/cbor_dec.h"
#include "libs/cbor/cbor_enc.h"
#include "libs/smp/smp_serial.h"

#include <stddef.h>
#include <stdint.h>

/* SMP-level ("MGMT_ERR") codes. */
enum smp_mgmt_err {
	SMP_OK = 0, SMP_EUNKNOWN = 1, SMP_ENOMEM = 2, SMP_EINVAL = 3,
	SMP_ETIMEOUT = 4, SMP_ENOENT = 5, SMP_EBADSTATE = 6, SMP_EMSGSIZE = 7,
	SMP_ENOTSUP = 8, SMP_ECORRUPT = 9, SMP_EBUSY = 10, SMP_EACCESSDENIED = 11,
	SMP_UNSUPPORTED_TOO_OLD = 12, SMP_UNSUPPORTED_TOO_NEW = 13,
};

enum smp_op { SMP_OP_READ = 0, SMP_OP_READ_RSP = 1, SMP_OP_WRITE = 2,
	      SMP_OP_WRITE_RSP = 3 };

enum smp_group_id { SMP_GROUP_OS = 0, SMP_GROUP_IMAGE = 1 };

struct smp_hdr {
	uint8_t op, ver, flags, seq, id;
	uint16_t len, group;
};

void smp_hdr_decode(struct smp_hdr *h, const uint8_t raw[SMP_HDR_SIZE]);
void smp_hdr_encode(const struct smp_hdr *h, uint8_t raw[SMP_HDR_SIZE]);

/* What a handler returns: 0, an smp_mgmt_err for the whole request, or
 * SMP_GROUP_ERR(rc) for its group's own code. */
#define SMP_GROUP_ERR(rc) (0x10000 | (rc))

struct smp_req {
	struct smp_hdr hdr;
	struct cbor_dec in;    /* the request's CBOR */
	struct cbor_enc out;   /* the reply map's pairs, written by handlers */
	unsigned int pairs;    /* how many pairs `out` holds */
	const char *rsn;       /* an optional reason text for an error */
	void *ctx;             /* the group's context */
	struct smp_server *server;
};

struct smp_cmd {
	uint8_t id;
	int (*read)(struct smp_req *req);  /* NULL: op 0 not supported */
	int (*write)(struct smp_req *req); /* NULL: op 2 not supported */
};

struct smp_group {
	uint16_t id;
	const struct smp_cmd *cmds;
	unsigned int ncmds;
	/* The MGMT_ERR a v1 request gets for this group's code `rc`. */
	int (*v1_rc)(unsigned int rc);
};

struct smp_group_entry {
	const struct smp_group *group;
	void *ctx;
};

struct smp_server {
	const struct smp_group_entry *groups;
	unsigned int ngroups;
	uint8_t *rsp;        /* the reply packet is built here */
	size_t rsp_cap;      /* the transport's packet size */
	/* Send one reply packet; its return value is passed on. */
	int (*send)(void *arg, const uint8_t *pkt, size_t len);
	void *send_arg;
	/* A handler (os reset) sets act_after_reply; the server then calls
	 * after_reply once the reply is sent. */
	int act_after_reply;
	void (*after_reply)(void *arg);
	void *after_reply_arg;
};

/* Serve every request in a received packet. */
void smp_server_packet(struct smp_server *s, const uint8_t *pkt, size_t len);

/* A packet too large for the receive buffer began with header `hdr`: it
 * gets {"rc": EMSGSIZE} (the rest of it is dropped by the framing). */
void smp_server_too_long(struct smp_server *s, const uint8_t hdr[SMP_HDR_SIZE]);

/* Helpers for handlers: a key and its value in the reply map. */
void smp_out_uint(struct smp_req *req, const char *key, uint64_t v);
void smp_out_text(struct smp_req *req, const char *key, const char *v,
		  size_t len);
/* A NUL-terminated text value. */
void smp_out_str(struct smp_req *req, const char *key, const char *v);
void smp_out_bool(struct smp_req *req, const char *key, int v);
/* The key of a pair whose value the handler writes itself. */
void smp_out_key(struct smp_req *req, const char *key);

/*
 * The server for a serial line: received bytes in, reply lines out
 * through `write`. `buf` must hold the packet size + 4 (the frame), and
 * `rsp` the packet size.
 */
struct smp_serial_server {
	struct smp_server server;
	struct smp_rx rx;
	int (*write)(void *arg, const uint8_t *data, size_t len);
	void *write_arg;
};

void smp_serial_server_init(struct smp_serial_server *ss,
			    const struct smp_group_entry *groups,
			    unsigned int ngroups, uint8_t *rx_buf,
			    uint8_t *rsp_buf, size_t packet_size,
			    int (*write)(void *arg, const uint8_t *data, size_t len),
			    void *write_arg);

/* Feed received bytes; replies are written as requests complete. */
void smp_serial_server_input(struct smp_serial_server *ss, const uint8_t *data,
			     size_t len);

#endif
