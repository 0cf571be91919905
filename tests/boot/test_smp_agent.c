/* tests/boot/test_smp_agent.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The SMP server (libs/smp) with the update agent as its image backend
 * (boot/agent/ota_smp.c), on the simulated flash: replies in SMP v1 and v2
 * form, SMP-level errors, and uploads that are malformed, oversized, out
 * of order, overlapping or corrupt, each refused with an error reply
 * while every byte outside the secondary slot stays as it was.
 */
#include "tests/test.h"

#include "boot/agent/ota_smp.h"
#include "drivers/mtd/sim_flash.h"
#include "libs/cbor/cbor_enc.h"
#include "libs/smp/smp_os.h"

#include <errno.h>
#include <string.h>

#define SECTOR 0x1000u
#define NSECT 64u
#define PRI ((NSECT + 1) * SECTOR)
#define SEC (NSECT * SECTOR)
#define SIZE (PRI + SEC)
#define PACKET 1024

static const struct image_policy policy = { .hash = CRYPTO_HASH_SHA256 };

static struct {
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct flash_area_desc areas[2];
	struct flash_map map;
	struct ota ota;
	struct ota_smp be;
	struct smp_img_ctx img;
	struct smp_os_ctx os;
	struct smp_group_entry groups[2];
	struct smp_server srv;
	uint8_t rsp_buf[PACKET];
	uint8_t mem[SIZE], primary[PRI];
	/* the last reply */
	uint8_t reply[PACKET];
	size_t reply_len;
	int replies;
	uint8_t seq;
} t;

static struct boot_trailer_geo trailer_geo(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){ slot->geo->size, 8, 8, NSECT, 3, 0xff };
}

static int capture(void *arg, const uint8_t *pkt, size_t len)
{
	(void)arg;
	assert_true(len <= PACKET);
	memcpy(t.reply, pkt, len);
	t.reply_len = len;
	t.replies++;
	return 0;
}

static uint8_t *vector(const char *name, size_t *len)
{
	char rel[128];

	snprintf(rel, sizeof(rel), "vectors/imgtool/%s/image.bin", name);
	return test_read_shared(rel, len);
}

static int setup(void **state)
{
	struct ota_config cfg = { .map = &t.map, .nimages = 1, .policy = &policy,
				  .upgrade = BOOT_UPGRADE_SWAP_MOVE,
				  .trailer_geo = trailer_geo };
	size_t len;
	uint8_t *img = vector("hash-only", &len);

	(void)state;
	memset(&t, 0, sizeof(t));
	t.region = (struct mtd_region){ SECTOR, SIZE / SECTOR };
	t.geo = (struct mtd_geometry){ &t.region, 1, 8, 0xff, SIZE };
	memset(t.mem, 0xff, SIZE);
	memcpy(t.mem, img, len);
	free(img);
	memcpy(t.primary, t.mem, PRI);
	assert_int_equal(sim_flash_init_ram(&t.fl, &t.geo, t.mem), 0);
	t.areas[0] = (struct flash_area_desc){ "p0", FLASH_AREA_PRIMARY, 0, 0, PRI };
	t.areas[1] = (struct flash_area_desc){ "s0", FLASH_AREA_SECONDARY, 0, PRI, SEC };
	assert_int_equal(flash_map_init(&t.map, &t.fl.mtd, t.areas, 2,
					FLASH_MAP_SLOTS_ANY,
					&(struct flash_map_fault){ 0 }), 0);
	assert_int_equal(ota_init(&t.ota, &cfg), 0);
	ota_smp_init(&t.be, &t.ota);
	t.img = (struct smp_img_ctx){ .ops = &t.be.ops, .be = &t.be };
	t.os = (struct smp_os_ctx){ .buf_size = PACKET, .buf_count = 1 };
	t.groups[0] = (struct smp_group_entry){ &smp_os_group, &t.os };
	t.groups[1] = (struct smp_group_entry){ &smp_img_group, &t.img };
	t.srv = (struct smp_server){ .groups = t.groups, .ngroups = 2,
				     .rsp = t.rsp_buf, .rsp_cap = PACKET,
				     .send = capture };
	return 0;
}

/* The primary slot never changes here. */
static void primary_intact(void)
{
	assert_memory_equal(t.mem, t.primary, PRI);
}

/* Send one request; returns the reply's CBOR decoder. */
static struct cbor_dec request(uint8_t ver, uint8_t op, uint16_t group,
			       uint8_t id, const uint8_t *cbor, size_t len)
{
	uint8_t pkt[PACKET + 64];
	struct smp_hdr h = { .op = op, .ver = ver, .len = (uint16_t)len,
			     .group = group, .seq = t.seq++, .id = id }, r;
	struct cbor_dec d;
	int before = t.replies;

	smp_hdr_encode(&h, pkt);
	memcpy(pkt + 8, cbor, len);
	smp_server_packet(&t.srv, pkt, 8 + len);
	assert_int_equal(t.replies, before + 1);
	smp_hdr_decode(&r, t.reply);
	assert_int_equal(r.op, op | 1);
	assert_int_equal(r.ver, ver);
	assert_int_equal(r.seq, h.seq);
	assert_int_equal(r.group, group);
	assert_int_equal(r.id, id);
	assert_int_equal(r.len, t.reply_len - 8);
	cbor_dec_init(&d, t.reply + 8, t.reply_len - 8);
	return d;
}

/* A reply's "rc" (-1 when absent), v2 "err" rc (-1 when absent), "off". */
struct outcome {
	long rc, err_rc, err_group, off;
	int match;
};

static struct outcome outcome_of(struct cbor_dec d)
{
	struct cbor_field f[] = { CBOR_FIELD("rc", CBOR_WANT_UINT),
				  CBOR_FIELD("err", CBOR_WANT_ANY),
				  CBOR_FIELD("off", CBOR_WANT_UINT),
				  CBOR_FIELD("match", CBOR_WANT_BOOL) };
	struct cbor_field e[] = { CBOR_FIELD("group", CBOR_WANT_UINT),
				  CBOR_FIELD("rc", CBOR_WANT_UINT) };
	struct outcome o = { -1, -1, -1, -1, -1 };

	assert_int_equal(cbor_read_map(&d, f, 4), 0);
	assert_int_equal(cbor_dec_left(&d), 0);
	if (f[0].present)
		o.rc = (long)f[0].item.val;
	if (f[1].present) {
		struct cbor_dec ed;

		cbor_dec_init(&ed, f[1].raw, f[1].raw_len);
		assert_int_equal(cbor_read_map(&ed, e, 2), 0);
		o.err_group = (long)e[0].item.val;
		o.err_rc = (long)e[1].item.val;
	}
	if (f[2].present)
		o.off = (long)f[2].item.val;
	if (f[3].present)
		o.match = f[3].item.type == CBOR_TRUE;
	return o;
}

struct chunk {
	int image;          /* -1: leave out */
	long len;           /* -1: leave out */
	long off;           /* -1: leave out */
	const uint8_t *sha; /* NULL: leave out */
	const uint8_t *data;
	size_t n;
};

static struct outcome upload(uint8_t ver, const struct chunk *c)
{
	uint8_t buf[PACKET];
	struct cbor_enc e;

	cbor_enc_init(&e, buf, sizeof(buf));
	cbor_put_map(&e, (c->image >= 0) + (c->len >= 0) + (c->off >= 0) +
			 (c->sha != NULL) + 1);
	if (c->image >= 0) {
		cbor_put_str(&e, "image");
		cbor_put_uint(&e, (uint64_t)c->image);
	}
	if (c->len >= 0) {
		cbor_put_str(&e, "len");
		cbor_put_uint(&e, (uint64_t)c->len);
	}
	if (c->off >= 0) {
		cbor_put_str(&e, "off");
		cbor_put_uint(&e, (uint64_t)c->off);
	}
	if (c->sha) {
		cbor_put_str(&e, "sha");
		cbor_put_bytes(&e, c->sha, 32);
	}
	cbor_put_str(&e, "data");
	cbor_put_bytes(&e, c->data, c->n);
	assert_true(cbor_enc_len(&e) > 0);
	return outcome_of(request(ver, SMP_OP_WRITE, 1, 1, buf, (size_t)e.len));
}

/* Upload `img` in `step`-byte chunks from `from`; the last outcome. */
static struct outcome upload_all(const uint8_t *img, size_t len, size_t from,
				 size_t step, const uint8_t *sha)
{
	struct outcome o = { 0 };

	for (size_t off = from; off < len;) {
		size_t n = len - off < step ? len - off : step;
		struct chunk c = { off ? -1 : 0, off ? -1 : (long)len, (long)off,
				   off ? NULL : sha, img + off, n };

		o = upload(1, &c);
		if (o.err_rc >= 0 || o.rc > 0)
			return o;
		assert_int_equal(o.off, (long)(off + n));
		off = (size_t)o.off;
	}
	return o;
}

static void test_os_group(void **state)
{
	/* the protocol document's echo example, v1 and v2 */
	static const uint8_t echo[] = { 0xa1, 0x61, 0x64, 0x65, 'h', 'e', 'l', 'l', 'o' };
	static const uint8_t expect[] = { 0xa1, 0x61, 0x72, 0x65, 'h', 'e', 'l', 'l', 'o' };
	struct cbor_field f[] = { CBOR_FIELD("buf_size", CBOR_WANT_UINT),
				  CBOR_FIELD("buf_count", CBOR_WANT_UINT) };
	struct cbor_dec d;

	(void)state;
	for (uint8_t ver = 0; ver < 2; ver++) {
		request(ver, SMP_OP_WRITE, 0, 0, echo, sizeof(echo));
		assert_int_equal(t.reply_len, 8 + sizeof(expect));
		assert_memory_equal(t.reply + 8, expect, sizeof(expect));
	}
	d = request(1, SMP_OP_READ, 0, 6, (const uint8_t *)"\xa0", 1);
	assert_int_equal(cbor_read_map(&d, f, 2), 0);
	assert_int_equal(f[0].item.val, PACKET);
	assert_int_equal(f[1].item.val, 1);
	/* no after_reply hook: reset is not supported */
	assert_int_equal(outcome_of(request(1, SMP_OP_WRITE, 0, 5,
					    (const uint8_t *)"\xa0", 1)).rc, SMP_ENOTSUP);
}

static void test_smp_level_errors(void **state)
{
	uint8_t two[2 * 17];
	static const uint8_t echo[] = { 0x02, 0, 0, 9, 0, 0, 7, 0,
		0xa1, 0x61, 0x64, 0x65, 'h', 'e', 'l', 'l', 'o' };
	uint8_t hdr[8];
	struct smp_hdr h = { .op = 2, .ver = 1, .len = 900, .group = 1, .seq = 3, .id = 1 };

	(void)state;
	assert_int_equal(outcome_of(request(1, 0, 42, 0, (const uint8_t *)"\xa0", 1)).rc,
			 SMP_ENOTSUP); /* unknown group */
	assert_int_equal(outcome_of(request(1, 0, 0, 99, (const uint8_t *)"\xa0", 1)).rc,
			 SMP_ENOTSUP); /* unknown command */
	assert_int_equal(outcome_of(request(1, SMP_OP_READ, 1, 1, (const uint8_t *)"\xa0", 1)).rc,
			 SMP_ENOTSUP); /* upload has no read */
	assert_int_equal(outcome_of(request(1, SMP_OP_READ_RSP, 0, 0,
					    (const uint8_t *)"\xa0", 1)).rc, SMP_ENOTSUP);
	assert_int_equal(outcome_of(request(1, SMP_OP_WRITE, 0, 0,
					    (const uint8_t *)"\xa1\x61", 2)).rc, SMP_EINVAL);
	assert_int_equal(outcome_of(request(1, SMP_OP_WRITE, 0, 0,
					    (const uint8_t *)"\xa0", 1)).rc, SMP_EINVAL);
	/* SMP version 3 (header Ver 2) is too new; the reply says v2 */
	{
		uint8_t pkt[9] = { 0x12, 0, 0, 1, 0, 0, 9, 0, 0xa0 };
		struct smp_hdr r;

		smp_server_packet(&t.srv, pkt, sizeof(pkt));
		smp_hdr_decode(&r, t.reply);
		assert_int_equal(r.ver, 1);
		assert_int_equal(t.reply[8 + 4], SMP_UNSUPPORTED_TOO_NEW);
	}
	/* Data Length past the packet's end */
	{
		uint8_t pkt[10] = { 0x02, 0, 0, 9, 0, 0, 5, 0, 0xa1, 0x61 };
		int before = t.replies;

		smp_server_packet(&t.srv, pkt, sizeof(pkt));
		assert_int_equal(t.replies, before + 1);
		assert_int_equal(t.reply[8 + 4], SMP_ECORRUPT);
	}
	/* two requests in one packet: two replies, in order */
	{
		int before = t.replies;

		memcpy(two, echo, 17);
		memcpy(two + 17, echo, 17);
		two[17 + 6] = 8;
		smp_server_packet(&t.srv, two, sizeof(two));
		assert_int_equal(t.replies, before + 2);
		assert_int_equal(t.reply[6], 8);
	}
	/* a packet larger than the device takes: EMSGSIZE from its header */
	smp_hdr_encode(&h, hdr);
	smp_server_too_long(&t.srv, hdr);
	assert_int_equal(t.reply[6], 3);
	assert_int_equal(outcome_of((struct cbor_dec){ t.reply + 8, t.reply + t.reply_len }).rc,
			 SMP_EMSGSIZE);
	primary_intact();
}

static void test_upload_test_confirm(void **state)
{
	size_t len;
	uint8_t *img = vector("ecdsa-p256", &len), sha[32];
	struct cbor_field f[] = { CBOR_FIELD("images", CBOR_WANT_ANY) };
	struct cbor_dec d;
	uint8_t req[64];
	struct cbor_enc e;
	struct ota_state st;

	(void)state;
	crypto_hash_buf(CRYPTO_HASH_SHA256, img, len, sha);
	{
		struct outcome o = upload_all(img, len, 0, 333, sha);

		assert_int_equal(o.off, (long)len);
		assert_int_equal(o.match, 1);
	}
	assert_memory_equal(t.mem + PRI, img, len);
	d = request(1, SMP_OP_READ, 1, 0, (const uint8_t *)"\xa0", 1);
	assert_int_equal(cbor_read_map(&d, f, 1), 0);
	assert_int_equal(f[0].item.val, 2); /* both slots listed */
	/* test it by the image's hash (its SHA-256 TLV, as image list shows) */
	assert_int_equal(ota_read_state(&t.ota, &st), 0);
	assert_int_equal(st.img[0].secondary.content, OTA_SLOT_VALID);
	cbor_enc_init(&e, req, sizeof(req));
	cbor_put_map(&e, 2);
	cbor_put_str(&e, "hash");
	cbor_put_bytes(&e, st.img[0].secondary.hash, st.img[0].secondary.hash_len);
	cbor_put_str(&e, "confirm");
	cbor_put_bool(&e, 0);
	outcome_of(request(1, SMP_OP_WRITE, 1, 0, req, (size_t)e.len));
	assert_int_equal(ota_read_state(&t.ota, &st), 0);
	assert_int_equal(st.img[0].pending, BOOT_SWAP_TEST);
	/* an unknown hash */
	req[8] ^= 1; /* the hash's first byte */
	assert_int_equal(outcome_of(request(1, SMP_OP_WRITE, 1, 0, req,
					    (size_t)e.len)).err_rc,
			 SMP_IMG_HASH_NOT_FOUND);
	/* the running image cannot be erased; the staged one can */
	assert_int_equal(outcome_of(request(1, SMP_OP_WRITE, 1, 5,
					    (const uint8_t *)"\xa1\x64slot\x00", 7)).rc,
			 SMP_EBADSTATE);
	outcome_of(request(1, SMP_OP_WRITE, 1, 5, (const uint8_t *)"\xa0", 1));
	assert_int_equal(ota_read_state(&t.ota, &st), 0);
	assert_int_equal(st.img[0].secondary.content, OTA_SLOT_EMPTY);
	assert_int_equal(st.img[0].pending, BOOT_SWAP_NONE);
	primary_intact();
	free(img);
}

/* Every refusal below leaves everything outside the secondary slot as it
 * was, and nothing pending. */
static void test_bad_uploads(void **state)
{
	size_t len;
	uint8_t *img = vector("ecdsa-p256", &len), sha[32], bad[64];
	struct outcome o;
	struct ota_state st;

	(void)state;
	crypto_hash_buf(CRYPTO_HASH_SHA256, img, len, sha);
	/* no len in the first chunk; too short a first chunk; not an image */
	o = upload(1, &(struct chunk){ -1, -1, 0, NULL, img, 64 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_LENGTH);
	assert_int_equal(o.err_group, 1);
	o = upload(1, &(struct chunk){ -1, (long)len, 0, NULL, img, 16 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_IMAGE_HEADER);
	memcpy(bad, img, sizeof(bad));
	bad[0] ^= 0xff;
	o = upload(1, &(struct chunk){ -1, (long)len, 0, NULL, bad, 64 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_IMAGE_HEADER_MAGIC);
	/* the same in SMP v1: Zephyr's MGMT_ERR for it */
	o = upload(0, &(struct chunk){ -1, (long)len, 0, NULL, bad, 64 });
	assert_int_equal(o.rc, SMP_EUNKNOWN);
	assert_int_equal(o.err_rc, -1);
	/* larger than the slot; an image number the device lacks */
	o = upload(1, &(struct chunk){ -1, SEC + 1, 0, NULL, img, 64 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_IMAGE_TOO_LARGE);
	o = upload(1, &(struct chunk){ 1, (long)len, 0, NULL, img, 64 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_SLOT);
	/* no off or no data: malformed */
	o = upload(1, &(struct chunk){ -1, (long)len, -1, NULL, img, 64 });
	assert_int_equal(o.rc, SMP_EINVAL);
	/* a chunk with no upload under way: start at 0 */
	o = upload(1, &(struct chunk){ -1, -1, 64, NULL, img + 64, 64 });
	assert_int_equal(o.err_rc, -1);
	assert_int_equal(o.off, 0);

	/* start properly, then out of order: a gap, an overlap, each answered
	 * with success and the offset expected, nothing written */
	o = upload(1, &(struct chunk){ -1, (long)len, 0, sha, img, 100 });
	assert_int_equal(o.off, 100);
	o = upload(1, &(struct chunk){ -1, -1, 200, NULL, img + 200, 100 });
	assert_int_equal(o.err_rc, -1);
	assert_int_equal(o.off, 100);
	o = upload(0, &(struct chunk){ -1, -1, 200, NULL, img + 200, 100 });
	assert_int_equal(o.rc, -1); /* v1 */
	assert_int_equal(o.off, 100);
	o = upload(1, &(struct chunk){ -1, -1, 100, NULL, img + 100, 100 });
	assert_int_equal(o.off, 200);
	o = upload(1, &(struct chunk){ -1, -1, 150, NULL, img + 150, 100 });
	assert_int_equal(o.err_rc, -1);
	assert_int_equal(o.off, 200);
	/* the last chunk again (a retry after a lost reply): answered, not written */
	o = upload(1, &(struct chunk){ -1, -1, 100, NULL, img + 100, 100 });
	assert_int_equal(o.err_rc, -1);
	assert_int_equal(o.off, 200);
	/* the same file from offset 0 again: resumes where it stopped */
	o = upload(1, &(struct chunk){ -1, (long)len, 0, sha, img, 100 });
	assert_int_equal(o.off, 200);
	/* the rest, with a changed byte: the file's SHA-256 does not match */
	memcpy(bad, img + 300, sizeof(bad));
	bad[5] ^= 1;
	o = upload(1, &(struct chunk){ -1, -1, 200, NULL, img + 200, 100 });
	o = upload(1, &(struct chunk){ -1, -1, 300, NULL, bad, sizeof(bad) });
	o = upload_all(img, len - 10, 300 + sizeof(bad), 256, NULL);
	assert_int_equal(o.off, (long)len - 10);
	/* past the declared length */
	o = upload(1, &(struct chunk){ -1, -1, (long)len - 10, NULL, img, 20 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_IMAGE_DATA_OVERRUN);
	assert_int_equal(o.off, -1); /* an error reply holds only the error */
	o = upload(1, &(struct chunk){ -1, -1, (long)len - 10, NULL, img + len - 10, 10 });
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_HASH);
	assert_int_equal(o.match, -1); /* "match" only on success */
	/* without a sha, the image's own checks refuse it */
	o = upload(1, &(struct chunk){ -1, (long)len, 0, NULL, img, 300 });
	o = upload(1, &(struct chunk){ -1, -1, 300, NULL, bad, sizeof(bad) });
	o = upload_all(img, len, 300 + sizeof(bad), 256, NULL);
	assert_int_equal(o.err_rc, SMP_IMG_INVALID_TLV);
	assert_int_equal(ota_read_state(&t.ota, &st), 0);
	assert_int_equal(st.img[0].pending, BOOT_SWAP_NONE);
	assert_int_not_equal(st.img[0].secondary.content, OTA_SLOT_VALID);
	/* a test request for it now finds nothing */
	primary_intact();
	for (size_t i = PRI + SEC; i < SIZE; i++)
		assert_int_equal(t.mem[i], 0xff);
	free(img);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_os_group, setup),
		cmocka_unit_test_setup(test_smp_level_errors, setup),
		cmocka_unit_test_setup(test_upload_test_confirm, setup),
		cmocka_unit_test_setup(test_bad_uploads, setup),
	};

	if (test_shared_missing())	/* every fixture loads a vector */
		return 0;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
