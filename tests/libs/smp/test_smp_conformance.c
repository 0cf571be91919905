/* tests/libs/smp/test_smp_conformance.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The SMP server (libs/smp) against ../shared/docs/smp-protocol.md and the
 * rules of Zephyr's smp/img_mgmt/os_mgmt that third-party clients depend
 * on, byte for byte: every request of the OS and image groups, its success
 * form and each error form, in SMP v1 and v2. The document's worked frames
 * A and C go through the serial server and the reply lines are compared
 * whole (the expected lines were computed apart from this code with
 * Python's binascii.crc_hqx and base64). The image backend here is a RAM
 * slot whose answers the tests choose, so every error path of the protocol
 * layer is reached; the update agent's own backend is tested in
 * tests/boot/test_smp_agent.c.
 */
#include "tests/test.h"

#include "libs/cbor/cbor_enc.h"
#include "libs/smp/smp_img.h"
#include "libs/smp/smp_os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PACKET 1024
#define SLOT 0x8000u
#define IMG_ERR(rc) SMP_GROUP_ERR(SMP_IMG_##rc)

/* A byte string literal as pointer and length. */
#define B(s) (const uint8_t *)(s), sizeof(s) - 1

/* ---- the image backend: one image, a RAM slot ---- */

static struct {
	uint8_t slot[SLOT];
	uint32_t len, written;
	int open, finished, aborts, erased_slot, fail_finish, fail_write;
	int fail_erase, fail_list;
	struct image_version running;
	const uint8_t *test_hash; /* the hash set_state was given */
	int confirm;
} be;

static const uint8_t running_hash[32] = { 0xaa, 0xbb };

static int be_list(void *arg, struct smp_img_slot *out, unsigned int max)
{
	(void)arg;
	assert_true(max >= 1);
	if (be.fail_list)
		return IMG_ERR(FLASH_READ_FAILED);
	memset(out, 0, sizeof(*out));
	out->version = be.running;
	memcpy(out->hash, running_hash, sizeof(running_hash));
	out->hash_len = 32;
	out->flags = SMP_SLOT_BOOTABLE | SMP_SLOT_CONFIRMED | SMP_SLOT_ACTIVE;
	return 1;
}

static int be_set_state(void *arg, const uint8_t *hash, size_t len,
			int confirm, const char **rsn)
{
	(void)arg;
	be.confirm = confirm;
	if (hash != NULL && (len != 32 || memcmp(hash, running_hash, 32) != 0)) {
		*rsn = "no such image";
		return IMG_ERR(HASH_NOT_FOUND);
	}
	be.test_hash = hash;
	return 0;
}

static int be_begin(void *arg, unsigned int image, uint32_t len, const char **rsn)
{
	(void)arg;
	(void)image;
	if (len > SLOT) {
		*rsn = "larger than the slot";
		return IMG_ERR(INVALID_IMAGE_TOO_LARGE);
	}
	memset(be.slot, 0xff, SLOT);
	be.len = len;
	be.written = 0;
	be.open = 1;
	be.finished = 0;
	return 0;
}

static int be_write(void *arg, const uint8_t *data, size_t len, const char **rsn)
{
	(void)arg;
	if (be.fail_write) {
		*rsn = "program failed";
		return IMG_ERR(FLASH_WRITE_FAILED);
	}
	assert_true(be.open);
	assert_true(be.written + len <= be.len);
	memcpy(be.slot + be.written, data, len);
	be.written += (uint32_t)len;
	return 0;
}

static int be_finish(void *arg, const char **rsn)
{
	(void)arg;
	if (be.fail_finish) {
		*rsn = "signature does not verify";
		return IMG_ERR(INVALID_TLV);
	}
	be.finished = 1;
	be.open = 0;
	return 0;
}

static void be_abort(void *arg)
{
	(void)arg;
	be.open = 0;
	be.aborts++;
}

static int be_running(void *arg, unsigned int image, struct image_version *out)
{
	(void)arg;
	(void)image;
	*out = be.running;
	return 0;
}

static int be_erase(void *arg, unsigned int slot, const char **rsn)
{
	(void)arg;
	(void)rsn;
	if (be.fail_erase)
		return IMG_ERR(FLASH_ERASE_FAILED);
	be.erased_slot = (int)slot;
	return 0;
}

static const struct smp_img_ops ops = {
	.nimages = 1, .list = be_list, .set_state = be_set_state,
	.upload_begin = be_begin, .upload_write = be_write,
	.upload_finish = be_finish, .upload_abort = be_abort,
	.running_version = be_running, .erase = be_erase,
};

/* ---- the server ---- */

static struct {
	struct smp_img_ctx img;
	struct smp_os_ctx os;
	struct smp_group_entry groups[2];
	struct smp_server srv;
	uint8_t rsp_buf[PACKET];
	uint8_t reply[PACKET];
	size_t reply_len;
	int replies, resets;
	uint8_t seq;
	/* the serial server's output lines */
	char lines[512];
	size_t lines_len;
} t;

static int capture(void *arg, const uint8_t *pkt, size_t len)
{
	(void)arg;
	assert_true(len <= PACKET);
	memcpy(t.reply, pkt, len);
	t.reply_len = len;
	t.replies++;
	return 0;
}

static void after_reply(void *arg)
{
	(void)arg;
	/* the reply went out first */
	assert_true(t.replies > 0);
	t.resets++;
}

/* What a device reset does to the server: the upload's state is lost. */
static void device_reset(void)
{
	t.img = (struct smp_img_ctx){ .ops = &ops, .be = &be };
}

static int setup(void **state)
{
	(void)state;
	memset(&t, 0, sizeof(t));
	memset(&be, 0, sizeof(be));
	be.running = (struct image_version){ 1, 2, 3, 0 };
	device_reset();
	t.os = (struct smp_os_ctx){
		.buf_size = PACKET, .buf_count = 1,
		.info = { "Slipway", "node", "0.1.0", "0.1.0-v", NULL, "sim",
			  "x86", "sim-board", "Slipway reference OS" },
		.bootloader = "Slipway", .bootloader_version = "0.1.0",
		.mode = SMP_BOOT_MODE_SWAP_MOVE,
	};
	t.groups[0] = (struct smp_group_entry){ &smp_os_group, &t.os };
	t.groups[1] = (struct smp_group_entry){ &smp_img_group, &t.img };
	t.srv = (struct smp_server){ .groups = t.groups, .ngroups = 2,
				     .rsp = t.rsp_buf, .rsp_cap = PACKET,
				     .send = capture, .after_reply = after_reply };
	return 0;
}

/* Send one request; check the reply header; its CBOR must be `want`. */
static void exchange(uint8_t ver, uint8_t op, uint16_t group, uint8_t id,
		     const uint8_t *req, size_t req_len, const uint8_t *want,
		     size_t want_len)
{
	uint8_t pkt[PACKET + 8];
	struct smp_hdr h = { .op = op, .ver = ver, .len = (uint16_t)req_len,
			     .group = group, .seq = t.seq++, .id = id };
	uint8_t want_hdr[8];
	int before = t.replies;

	assert_true(req_len <= PACKET);
	smp_hdr_encode(&h, pkt);
	memcpy(pkt + 8, req, req_len);
	smp_server_packet(&t.srv, pkt, 8 + req_len);
	assert_int_equal(t.replies, before + 1);
	if (getenv("SMP_TEST_DUMP"))
		for (size_t i = 0; i < t.reply_len; i++)
			fprintf(stderr, "%02x%s", t.reply[i], i + 1 < t.reply_len ? " " : "\n");
	h.op = op | 1;
	h.len = (uint16_t)want_len;
	smp_hdr_encode(&h, want_hdr);
	assert_memory_equal(t.reply, want_hdr, 8);
	assert_int_equal(t.reply_len, 8 + want_len);
	assert_memory_equal(t.reply + 8, want, want_len);
}

/* The same request in v1 and in v2, with each version's expected reply. */
static void both(uint8_t op, uint16_t group, uint8_t id, const uint8_t *req,
		 size_t req_len, const uint8_t *v1, size_t v1_len,
		 const uint8_t *v2, size_t v2_len)
{
	exchange(0, op, group, id, req, req_len, v1, v1_len);
	exchange(1, op, group, id, req, req_len, v2, v2_len);
}

/* The same request and reply in both versions (success, SMP-level error). */
static void same(uint8_t op, uint16_t group, uint8_t id, const uint8_t *req,
		 size_t req_len, const uint8_t *want, size_t want_len)
{
	both(op, group, id, req, req_len, want, want_len, want, want_len);
}

/* ---- OS group ---- */

static void test_os_requests(void **state)
{
	(void)state;
	/* echo */
	same(SMP_OP_WRITE, 0, 0, B("\xa1\x61" "d" "\x65" "hello"),
	     B("\xa1\x61" "r" "\x65" "hello"));
	same(SMP_OP_READ, 0, 0, B("\xa1\x61" "d" "\x60"), B("\xa1\x61" "r" "\x60"));
	same(SMP_OP_WRITE, 0, 0, B("\xa0"), B("\xa1\x62" "rc" "\x03"));
	same(SMP_OP_WRITE, 0, 0, B("\xa1\x61" "d" "\x01"), B("\xa1\x62" "rc" "\x03"));
	/* echo control */
	same(SMP_OP_WRITE, 0, 1, B("\xa1\x61" "e" "\xf5"), B("\xa0"));
	/* reset: the reply, then the reset */
	same(SMP_OP_WRITE, 0, 5, B("\xa0"), B("\xa0"));
	assert_int_equal(t.resets, 2);
	same(SMP_OP_WRITE, 0, 5, B("\xa1\x65" "force" "\x01"), B("\xa0"));
	same(SMP_OP_WRITE, 0, 5, B("\xa1\x65" "force" "\xf5"), B("\xa0"));
	assert_int_equal(t.resets, 6);
	same(SMP_OP_READ, 0, 5, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	t.srv.after_reply = NULL;
	same(SMP_OP_WRITE, 0, 5, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	/* MCUmgr parameters */
	same(SMP_OP_READ, 0, 6, B("\xa0"),
	     B("\xa2\x68" "buf_size" "\x19\x04\x00" "\x69" "buf_count" "\x01"));
	/* OS information: default "s", letters in Zephyr's order, all */
	same(SMP_OP_READ, 0, 7, B("\xa0"), B("\xa1\x66" "output" "\x67" "Slipway"));
	same(SMP_OP_READ, 0, 7, B("\xa1\x66" "format" "\x62" "ns"),
	     B("\xa1\x66" "output" "\x6c" "Slipway node"));
	same(SMP_OP_READ, 0, 7, B("\xa1\x66" "format" "\x61" "i"),
	     B("\xa1\x66" "output" "\x69" "sim-board"));
	same(SMP_OP_READ, 0, 7, B("\xa1\x66" "format" "\x61" "a"),
	     B("\xa1\x66" "output" "\x78\x42"
	       "Slipway node 0.1.0 0.1.0-v  sim x86 sim-board Slipway reference OS"));
	/* an unknown letter: INVALID_FORMAT (2); v1: EINVAL */
	both(SMP_OP_READ, 0, 7, B("\xa1\x66" "format" "\x62" "sq"),
	     B("\xa1\x62" "rc" "\x03"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x00\x62" "rc" "\x02"));
	same(SMP_OP_WRITE, 0, 7, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	/* bootloader information: name, mode, version */
	same(SMP_OP_READ, 0, 8, B("\xa0"),
	     B("\xa1\x6a" "bootloader" "\x67" "Slipway"));
	same(SMP_OP_READ, 0, 8, B("\xa1\x65" "query" "\x64" "mode"),
	     B("\xa1\x64" "mode" "\x03"));
	t.os.no_downgrade = 1; /* Zephyr's MCUboot hook adds it to the mode */
	same(SMP_OP_READ, 0, 8, B("\xa1\x65" "query" "\x64" "mode"),
	     B("\xa2\x64" "mode" "\x03" "\x6c" "no-downgrade" "\xf5"));
	t.os.no_downgrade = 0;
	t.os.mode = SMP_BOOT_MODE_UNKNOWN;
	same(SMP_OP_READ, 0, 8, B("\xa1\x65" "query" "\x64" "mode"),
	     B("\xa1\x64" "mode" "\x20"));
	same(SMP_OP_READ, 0, 8, B("\xa1\x65" "query" "\x67" "version"),
	     B("\xa1\x67" "version" "\x65" "0.1.0"));
	/* a query with no answer: QUERY_YIELDS_NO_ANSWER (3); v1: ENOENT */
	both(SMP_OP_READ, 0, 8, B("\xa1\x65" "query" "\x63" "foo"),
	     B("\xa1\x62" "rc" "\x05"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x00\x62" "rc" "\x03"));
	same(SMP_OP_READ, 0, 8, B("\xa1\x65" "query" "\x01"), B("\xa1\x62" "rc" "\x03"));
}

/* SMP-level errors: {"rc": n} in both versions. */
static void test_smp_level_errors(void **state)
{
	(void)state;
	same(SMP_OP_READ, 0, 99, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	same(SMP_OP_READ, 42, 0, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	same(SMP_OP_READ, 1, 1, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	same(SMP_OP_READ, 1, 6, B("\xa0"), B("\xa1\x62" "rc" "\x08")); /* slot info */
	same(SMP_OP_READ_RSP, 0, 0, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	same(SMP_OP_WRITE, 0, 0, B("\xa1\x61"), B("\xa1\x62" "rc" "\x03"));
	/* Data Length past the packet: ECORRUPT (9); header version 2:
	 * UNSUPPORTED_TOO_NEW (13), answered as v2; a packet too large for
	 * the device: EMSGSIZE (7) from its header */
	for (uint8_t ver = 0; ver < 3; ver++) {
		uint8_t pkt[10] = { (uint8_t)(ver << 3), 0, 0, 9, 0, 0, 5, 0, 0xa1, 0x61 };
		static const uint8_t corrupt[] = { 0, 0, 0, 5, 0, 0, 5, 0,
						   0xa1, 0x62, 'r', 'c', 0x09 };

		smp_server_packet(&t.srv, pkt, sizeof(pkt));
		assert_int_equal(t.reply_len, sizeof(corrupt));
		assert_int_equal(t.reply[0], (ver > 1 ? 1 : ver) << 3 | 1);
		assert_memory_equal(t.reply + 1, corrupt + 1, sizeof(corrupt) - 1);
	}
	{
		uint8_t pkt[9] = { 0x10, 0, 0, 1, 0, 0, 6, 0, 0xa0 };
		static const uint8_t too_new[] = { 0x09, 0, 0, 5, 0, 0, 6, 0,
						   0xa1, 0x62, 'r', 'c', 0x0d };
		static const uint8_t hdr[8] = { 0x0a, 0, 0x08, 0, 0, 1, 7, 1 };
		static const uint8_t too_long[] = { 0x0b, 0, 0, 5, 0, 1, 7, 1,
						    0xa1, 0x62, 'r', 'c', 0x07 };

		smp_server_packet(&t.srv, pkt, sizeof(pkt));
		assert_int_equal(t.reply_len, sizeof(too_new));
		assert_memory_equal(t.reply, too_new, sizeof(too_new));
		smp_server_too_long(&t.srv, hdr);
		assert_int_equal(t.reply_len, sizeof(too_long));
		assert_memory_equal(t.reply, too_long, sizeof(too_long));
	}
}

/* The document's frame A through the serial server, and Zephyr's form of
 * the reply (a definite map, no "rc"), line for line. */
static int line_out(void *arg, const uint8_t *data, size_t len)
{
	(void)arg;
	assert_true(t.lines_len + len < sizeof(t.lines));
	memcpy(t.lines + t.lines_len, data, len);
	t.lines_len += len;
	return 0;
}

static void serial_exchange(const char *in, const char *want)
{
	static uint8_t rx[PACKET + 4], rsp[PACKET];
	struct smp_serial_server ss;

	smp_serial_server_init(&ss, t.groups, 2, rx, rsp, PACKET, line_out, NULL);
	t.lines_len = 0;
	smp_serial_server_input(&ss, (const uint8_t *)in, strlen(in));
	assert_int_equal(t.lines_len, strlen(want));
	assert_memory_equal(t.lines, want, strlen(want));
}

static void test_worked_frames(void **state)
{
	(void)state;
	/* A: echo "hello" */
	serial_exchange("\x06\x09" "ABMCAAAJAAAAAKFhZGVoZWxsbyVv\n",
			"\x06\x09" "ABMDAAAJAAAAAKFhcmVoZWxsb6PT\n");
	/* C: the first chunk of an upload (32 bytes, version 1.2.3, no
	 * "upgrade"): {"off": 32} */
	serial_exchange("\x06\x09" "AGsCAABhAAEBAaVlaW1hZ2UAY2xlbhkSNGNvZmYAY3NoYVggAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9kZGF0YVggPbjzlgAAAAAAAgAAABAAAAAA\n"
			"\x04\x14" "AAABAgMAAAAAAAAAAAAsaQ==\n",
			"\x06\x09" "ABEDAAAHAAEBAaFjb2ZmGCBBUA==\n");
	assert_int_equal(be.len, 0x1234);
	assert_int_equal(be.written, 32);
}

/* ---- image group ---- */

static void test_image_state(void **state)
{
	static const uint8_t listing[] =
		"\xa2\x66" "images" "\x81\xa6"
		"\x64" "slot" "\x00" "\x67" "version" "\x65" "1.2.3"
		"\x64" "hash" "\x58\x20" "\xaa\xbb\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
		"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0"
		"\x68" "bootable" "\xf5" "\x69" "confirmed" "\xf5"
		"\x66" "active" "\xf5"
		"\x6b" "splitStatus" "\x00";
	uint8_t req[64];
	struct cbor_enc e;

	(void)state;
	same(SMP_OP_READ, 1, 0, B("\xa0"), listing, sizeof(listing) - 1);
	/* confirm what runs; test by hash: the listing again */
	same(SMP_OP_WRITE, 1, 0, B("\xa1\x67" "confirm" "\xf5"), listing,
	     sizeof(listing) - 1);
	cbor_enc_init(&e, req, sizeof(req));
	cbor_put_map(&e, 2);
	cbor_put_str(&e, "hash");
	cbor_put_bytes(&e, running_hash, 32);
	cbor_put_str(&e, "confirm");
	cbor_put_bool(&e, 0);
	same(SMP_OP_WRITE, 1, 0, req, (size_t)e.len, listing, sizeof(listing) - 1);
	assert_non_null(be.test_hash);
	assert_int_equal(be.confirm, 0);
	/* an unknown hash: HASH_NOT_FOUND (8); v1 EUNKNOWN with the reason,
	 * v2 only the error */
	req[8] ^= 1;
	both(SMP_OP_WRITE, 1, 0, req, (size_t)e.len,
	     B("\xa2\x62" "rc" "\x01" "\x63" "rsn" "\x6d" "no such image"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x01\x62" "rc" "\x08"));
	/* a hash too long: INVALID_HASH (24); v1 EINVAL */
	both(SMP_OP_WRITE, 1, 0, B("\xa1\x64" "hash" "\x40"),
	     B("\xa1\x62" "rc" "\x03"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x01\x62" "rc" "\x18\x18"));
	/* a test without a hash; a malformed request */
	same(SMP_OP_WRITE, 1, 0, B("\xa1\x67" "confirm" "\xf4"), B("\xa1\x62" "rc" "\x03"));
	same(SMP_OP_WRITE, 1, 0, B("\xa1\x67" "confirm" "\x61"), B("\xa1\x62" "rc" "\x03"));
	/* erase: the secondary by default, or the slot named */
	same(SMP_OP_WRITE, 1, 5, B("\xa0"), B("\xa0"));
	assert_int_equal(be.erased_slot, 1);
	same(SMP_OP_WRITE, 1, 5, B("\xa1\x64" "slot" "\x00"), B("\xa0"));
	assert_int_equal(be.erased_slot, 0);
	both(SMP_OP_WRITE, 1, 5, B("\xa1\x64" "slot" "\x02"),
	     B("\xa1\x62" "rc" "\x03"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x01\x62" "rc" "\x0e"));
	same(SMP_OP_READ, 1, 5, B("\xa0"), B("\xa1\x62" "rc" "\x08"));
	/* the backend's flash errors: FLASH_ERASE_FAILED (13) and
	 * FLASH_READ_FAILED (11); v1 EUNKNOWN */
	be.fail_erase = 1;
	both(SMP_OP_WRITE, 1, 5, B("\xa0"), B("\xa1\x62" "rc" "\x01"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x01\x62" "rc" "\x0d"));
	be.fail_list = 1;
	both(SMP_OP_READ, 1, 0, B("\xa0"), B("\xa1\x62" "rc" "\x01"),
	     B("\xa1\x63" "err" "\xa2\x65" "group" "\x01\x62" "rc" "\x0b"));
}

/* An image of `len` bytes with version maj.min.rev: a header, then a
 * counting pattern. */
static void make_image(uint8_t *img, size_t len, uint8_t maj, uint8_t min,
		       uint8_t rev)
{
	static const uint8_t magic[4] = { 0x3d, 0xb8, 0xf3, 0x96 };

	for (size_t i = 0; i < len; i++)
		img[i] = (uint8_t)(i * 7 + 1);
	memset(img, 0, 32);
	memcpy(img, magic, 4);
	img[8] = 0x20;
	img[20] = maj;
	img[21] = min;
	img[22] = rev;
}

struct chunk {
	int image;           /* -1: leave out */
	long len;            /* -1: leave out */
	long off;
	const uint8_t *sha;  /* NULL: leave out */
	size_t sha_len;
	int upgrade;         /* -1: leave out */
	const uint8_t *data;
	size_t n;
};

static size_t encode_chunk(uint8_t *buf, size_t cap, const struct chunk *c)
{
	struct cbor_enc e;

	cbor_enc_init(&e, buf, cap);
	cbor_put_map(&e, (c->image >= 0) + (c->len >= 0) + (c->sha != NULL) +
			 (c->upgrade >= 0) + 2);
	if (c->image >= 0) {
		cbor_put_str(&e, "image");
		cbor_put_uint(&e, (uint64_t)c->image);
	}
	if (c->len >= 0) {
		cbor_put_str(&e, "len");
		cbor_put_uint(&e, (uint64_t)c->len);
	}
	cbor_put_str(&e, "off");
	cbor_put_uint(&e, (uint64_t)c->off);
	if (c->sha) {
		cbor_put_str(&e, "sha");
		cbor_put_bytes(&e, c->sha, c->sha_len);
	}
	if (c->upgrade >= 0) {
		cbor_put_str(&e, "upgrade");
		cbor_put_bool(&e, c->upgrade);
	}
	cbor_put_str(&e, "data");
	cbor_put_bytes(&e, c->data, c->n);
	assert_true(cbor_enc_len(&e) > 0);
	return (size_t)e.len;
}

/* {"off": off} */
static size_t off_reply(uint8_t *buf, uint64_t off)
{
	struct cbor_enc e;

	cbor_enc_init(&e, buf, 16);
	cbor_put_map(&e, 1);
	cbor_put_str(&e, "off");
	cbor_put_uint(&e, off);
	return (size_t)e.len;
}

static void chunk_both(const struct chunk *c, const uint8_t *v1, size_t v1_len,
		       const uint8_t *v2, size_t v2_len)
{
	uint8_t req[PACKET];
	size_t n = encode_chunk(req, sizeof(req), c);

	both(SMP_OP_WRITE, 1, 1, req, n, v1, v1_len, v2, v2_len);
}

/* A chunk whose reply is {"off": want}, in the version given. */
static void chunk_off(uint8_t ver, const struct chunk *c, uint64_t want)
{
	uint8_t req[PACKET], rep[16];
	size_t n = encode_chunk(req, sizeof(req), c);

	exchange(ver, SMP_OP_WRITE, 1, 1, req, n, rep, off_reply(rep, want));
}

#define IMG_ERR_V2(rc) "\xa1\x63" "err" "\xa2\x65" "group" "\x01\x62" "rc" rc

static void test_upload_errors(void **state)
{
	uint8_t img[600 + 1], bad[64], sha[32]; /* one byte more: an overrun */

	(void)state;
	make_image(img, sizeof(img), 1, 2, 4);
	crypto_hash_buf(CRYPTO_HASH_SHA256, img, 600, sha);
	/* no len: INVALID_LENGTH (21); v1 EINVAL */
	chunk_both(&(struct chunk){ -1, -1, 0, NULL, 0, -1, img, 64 },
		   B("\xa1\x62" "rc" "\x03"), B(IMG_ERR_V2("\x15")));
	/* a first chunk shorter than a header: INVALID_IMAGE_HEADER (22) */
	chunk_both(&(struct chunk){ -1, 600, 0, NULL, 0, -1, img, 16 },
		   B("\xa1\x62" "rc" "\x03"), B(IMG_ERR_V2("\x16")));
	/* not an image: INVALID_IMAGE_HEADER_MAGIC (23); v1 EUNKNOWN */
	memcpy(bad, img, sizeof(bad));
	bad[1] ^= 0xff;
	chunk_both(&(struct chunk){ -1, 600, 0, NULL, 0, -1, bad, 64 },
		   B("\xa1\x62" "rc" "\x01"), B(IMG_ERR_V2("\x17")));
	/* an image number the device lacks: INVALID_SLOT (14); v1 EINVAL */
	chunk_both(&(struct chunk){ 1, 600, 0, NULL, 0, -1, img, 64 },
		   B("\xa1\x62" "rc" "\x03"), B(IMG_ERR_V2("\x0e")));
	/* a sha longer than SHA-256: INVALID_HASH (24); v1 EINVAL */
	chunk_both(&(struct chunk){ -1, 600, 0, img, 33, -1, img, 64 },
		   B("\xa1\x62" "rc" "\x03"), B(IMG_ERR_V2("\x18\x18")));
	/* larger than the slot, the backend's reason: only in v1 */
	chunk_both(&(struct chunk){ -1, SLOT + 1, 0, NULL, 0, -1, img, 64 },
		   B("\xa2\x62" "rc" "\x01" "\x63" "rsn" "\x74" "larger than the slot"),
		   B(IMG_ERR_V2("\x18\x1e")));
	/* upgrade: true with a version not above the running 1.2.3:
	 * CURRENT_VERSION_IS_NEWER (27); v1 EBADSTATE */
	{
		uint8_t same_ver[64];

		make_image(same_ver, sizeof(same_ver), 1, 2, 3);
		same_ver[24] = 9; /* a build number does not count */
		chunk_both(&(struct chunk){ -1, 600, 0, NULL, 0, 1, same_ver, 64 },
			   B("\xa1\x62" "rc" "\x06"), B(IMG_ERR_V2("\x18\x1b")));
		make_image(same_ver, sizeof(same_ver), 0, 9, 9);
		chunk_both(&(struct chunk){ -1, 600, 0, NULL, 0, 1, same_ver, 64 },
			   B("\xa1\x62" "rc" "\x06"), B(IMG_ERR_V2("\x18\x1b")));
		/* without the flag, or false, an older image is taken */
		chunk_off(1, &(struct chunk){ -1, 600, 0, NULL, 0, 0, same_ver, 64 }, 64);
	}
	assert_int_equal(be.written, 64);
	/* missing off or data: SMP-level EINVAL */
	same(SMP_OP_WRITE, 1, 1, B("\xa1\x64" "data" "\x40"), B("\xa1\x62" "rc" "\x03"));
	same(SMP_OP_WRITE, 1, 1, B("\xa1\x63" "off" "\x00"), B("\xa1\x62" "rc" "\x03"));

	/* upgrade: true with a newer image: taken */
	chunk_off(1, &(struct chunk){ -1, 600, 0, sha, 32, 1, img, 100 }, 100);
	/* past the declared length: DATA_OVERRUN (31); v1 EUNKNOWN; the
	 * reply holds no "off" */
	chunk_both(&(struct chunk){ -1, -1, 100, NULL, 0, -1, img + 100, 501 },
		   B("\xa1\x62" "rc" "\x01"), B(IMG_ERR_V2("\x18\x1f")));
	/* the rest with one byte changed: INVALID_HASH (24), no "match";
	 * v1 EINVAL. The upload is over after it. */
	for (uint8_t ver = 0; ver < 2; ver++) {
		static const uint8_t v1[] = "\xa1\x62" "rc" "\x03";
		static const uint8_t v2[] = IMG_ERR_V2("\x18\x18");
		uint8_t tail[100], req[PACKET];
		size_t n;

		if (ver == 1)
			chunk_off(1, &(struct chunk){ -1, 600, 0, sha, 32, -1, img, 100 }, 100);
		chunk_off(ver, &(struct chunk){ -1, -1, 100, NULL, 0, -1, img + 100, 400 }, 500);
		memcpy(tail, img + 500, 100);
		tail[3] ^= 1;
		n = encode_chunk(req, sizeof(req), &(struct chunk){ -1, -1, 500, NULL,
				 0, -1, tail, 100 });
		exchange(ver, SMP_OP_WRITE, 1, 1, req, n, ver ? v2 : v1,
			 ver ? sizeof(v2) - 1 : sizeof(v1) - 1);
	}
	assert_int_equal(be.open, 0);
	assert_int_equal(be.finished, 0);
	/* a flash write fails: FLASH_WRITE_FAILED (12), the upload is over;
	 * v1 EUNKNOWN with the reason */
	be.fail_write = 1;
	for (uint8_t ver = 0; ver < 2; ver++) {
		static const uint8_t v1[] = "\xa2\x62" "rc" "\x01" "\x63" "rsn"
			"\x6e" "program failed";
		static const uint8_t v2[] = IMG_ERR_V2("\x0c");
		uint8_t req[PACKET];
		size_t n = encode_chunk(req, sizeof(req), &(struct chunk){
			-1, 600, 0, NULL, 0, -1, img, 100 });

		exchange(ver, SMP_OP_WRITE, 1, 1, req, n, ver ? v2 : v1,
			 ver ? sizeof(v2) - 1 : sizeof(v1) - 1);
		assert_int_equal(be.open, 0);
	}
	be.fail_write = 0;
	/* the backend refuses the image: its code; the reason only in v1 */
	be.fail_finish = 1;
	for (uint8_t ver = 0; ver < 2; ver++) {
		static const uint8_t v1[] = "\xa2\x62" "rc" "\x01" "\x63" "rsn"
			"\x78\x19" "signature does not verify";
		static const uint8_t v2[] = IMG_ERR_V2("\x05");
		uint8_t req[PACKET];
		size_t n;

		chunk_off(ver, &(struct chunk){ -1, 600, 0, sha, 32, -1, img, 300 }, 300);
		n = encode_chunk(req, sizeof(req), &(struct chunk){ -1, -1, 300, NULL,
				 0, -1, img + 300, 300 });
		if (ver == 0)
			exchange(0, SMP_OP_WRITE, 1, 1, req, n, v1, sizeof(v1) - 1);
		else
			exchange(1, SMP_OP_WRITE, 1, 1, req, n, v2, sizeof(v2) - 1);
		assert_int_equal(be.open, 0);
	}
}

/* The last chunk's reply: {"off": len, "match": true} when a sha was
 * sent, {"off": len} without. */
static void test_upload_success(void **state)
{
	uint8_t img[600], sha[32], req[PACKET];
	static const uint8_t with_match[] = "\xa2\x63" "off" "\x19\x02\x58"
		"\x65" "match" "\xf5";
	static const uint8_t no_match[] = "\xa1\x63" "off" "\x19\x02\x58";
	size_t n;

	(void)state;
	make_image(img, sizeof(img), 2, 0, 0);
	crypto_hash_buf(CRYPTO_HASH_SHA256, img, sizeof(img), sha);
	for (uint8_t ver = 0; ver < 2; ver++) {
		chunk_off(ver, &(struct chunk){ 0, 600, 0, sha, 32, 1, img, 256 }, 256);
		n = encode_chunk(req, sizeof(req), &(struct chunk){ -1, -1, 256, NULL,
				 0, -1, img + 256, 344 });
		exchange(ver, SMP_OP_WRITE, 1, 1, req, n, with_match,
			 sizeof(with_match) - 1);
		assert_int_equal(be.finished, 1);
		assert_memory_equal(be.slot, img, sizeof(img));
		chunk_off(ver, &(struct chunk){ -1, 600, 0, NULL, 0, -1, img, 300 }, 300);
		n = encode_chunk(req, sizeof(req), &(struct chunk){ -1, -1, 300, NULL,
				 0, -1, img + 300, 300 });
		exchange(ver, SMP_OP_WRITE, 1, 1, req, n, no_match, sizeof(no_match) - 1);
	}
}

/*
 * A client as mcumgr clients are written: send the chunk at `off`, then
 * continue at the offset the reply names, whatever it is (0 meaning: send
 * the first chunk again, with len and sha). `lose` drops the reply to the
 * chunk at that offset once (the client retries the same chunk); `reset`
 * resets the device once when the upload reaches that offset.
 */
static void client_upload(const uint8_t *img, size_t len, const uint8_t *sha,
			  size_t step, long lose, long reset, int *restarts,
			  int *skips)
{
	size_t off = 0;
	int rounds = 0;

	*restarts = *skips = 0;
	while (off < len) {
		size_t n = len - off < step ? len - off : step;
		uint8_t req[PACKET];
		struct cbor_dec d;
		struct cbor_field f[] = { CBOR_FIELD("off", CBOR_WANT_UINT),
					  CBOR_FIELD("match", CBOR_WANT_BOOL) };
		struct smp_hdr h = { .op = SMP_OP_WRITE, .ver = 1, .group = 1,
				     .id = 1, .seq = t.seq++ };
		uint8_t pkt[PACKET + 8];
		size_t q;

		assert_true(++rounds < 100);
		if (reset >= 0 && off == (size_t)reset) {
			device_reset();
			reset = -1;
		}
		q = encode_chunk(req, sizeof(req), &(struct chunk){
			-1, off ? -1 : (long)len, (long)off, off ? NULL : sha,
			32, -1, img + off, n });
		h.len = (uint16_t)q;
		smp_hdr_encode(&h, pkt);
		memcpy(pkt + 8, req, q);
		smp_server_packet(&t.srv, pkt, 8 + q);
		if (lose >= 0 && off == (size_t)lose) {
			lose = -1;
			continue; /* the reply is lost: send the chunk again */
		}
		cbor_dec_init(&d, t.reply + 8, t.reply_len - 8);
		assert_int_equal(cbor_read_map(&d, f, 2), 0);
		assert_true(f[0].present); /* never an error here */
		if (f[0].item.val == 0 && off != 0)
			(*restarts)++;
		else if (f[0].item.val != off + n)
			(*skips)++;
		off = (size_t)f[0].item.val;
	}
}

static void test_client_restart_and_resume(void **state)
{
	uint8_t img[2000], sha[32];
	int restarts, skips;

	(void)state;
	make_image(img, sizeof(img), 3, 0, 0);
	crypto_hash_buf(CRYPTO_HASH_SHA256, img, sizeof(img), sha);
	/* a device reset mid-upload: the next chunk is answered {"off": 0}
	 * and the client starts again from the first chunk */
	client_upload(img, sizeof(img), sha, 300, -1, 900, &restarts, &skips);
	assert_int_equal(restarts, 1);
	assert_int_equal(be.finished, 1);
	assert_memory_equal(be.slot, img, sizeof(img));
	/* a lost reply: the client sends the chunk again, the device answers
	 * with the offset it expects (not written twice) and the client
	 * continues from there */
	client_upload(img, sizeof(img), sha, 300, 600, -1, &restarts, &skips);
	assert_int_equal(restarts, 0);
	assert_int_equal(skips, 0);
	assert_int_equal(be.finished, 1);
	assert_memory_equal(be.slot, img, sizeof(img));
	/* the same file from offset 0 again mid-upload: resumed where it
	 * stood (Zephyr's rule for the same sha), nothing rewritten */
	chunk_off(1, &(struct chunk){ -1, 2000, 0, sha, 32, -1, img, 500 }, 500);
	chunk_off(1, &(struct chunk){ -1, -1, 500, NULL, 0, -1, img + 500, 500 }, 1000);
	chunk_off(0, &(struct chunk){ -1, 2000, 0, sha, 32, -1, img, 500 }, 1000);
	assert_int_equal(be.written, 1000);
	/* a chunk after the expected offset, and one before it: success and
	 * the offset expected, in both versions */
	chunk_off(0, &(struct chunk){ -1, -1, 1500, NULL, 0, -1, img + 1500, 500 }, 1000);
	chunk_off(1, &(struct chunk){ -1, -1, 700, NULL, 0, -1, img + 700, 500 }, 1000);
	assert_int_equal(be.written, 1000);
	/* after a device reset, any chunk but the first: {"off": 0} */
	device_reset();
	chunk_off(0, &(struct chunk){ -1, -1, 1000, NULL, 0, -1, img + 1000, 500 }, 0);
	chunk_off(1, &(struct chunk){ -1, -1, 1000, NULL, 0, -1, img + 1000, 500 }, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_os_requests, setup),
		cmocka_unit_test_setup(test_smp_level_errors, setup),
		cmocka_unit_test_setup(test_worked_frames, setup),
		cmocka_unit_test_setup(test_image_state, setup),
		cmocka_unit_test_setup(test_upload_errors, setup),
		cmocka_unit_test_setup(test_upload_success, setup),
		cmocka_unit_test_setup(test_client_restart_and_resume, setup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
