/* tests/libs/smp/test_smp_serial.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * SMP serial framing (libs/smp/smp_serial.c) against the worked examples of
 * ../shared/docs/smp-protocol.md section 6 (checked there against Zephyr's
 * and MCUboot's framing, NuttX's crc16xmodem and base64, and the smp
 * package's documented "Hello, world!" line), and the document's "easy to
 * get wrong" points: CRC-16/XMODEM not KERMIT, per-line base64, padding
 * only at the end, continuation without a start, console text between
 * lines, line and packet length limits.
 */
#include "tests/test.h"

#include "libs/cbor/cbor_dec.h"
#include "libs/smp/smp_serial.h"

#include <mbedtls/base64.h>
#include <string.h>

/* ---- the vectors, as the document gives them ---- */

/* A. Echo "hello" request (SMP v1, op 2, group 0, seq 0, id 0). */
static const uint8_t pkt_a[] = { 0x02, 0x00, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00,
	0xa1, 0x61, 0x64, 0x65, 0x68, 0x65, 0x6c, 0x6c, 0x6f };
static const char line_a[] = "\x06\x09" "ABMCAAAJAAAAAKFhZGVoZWxsbyVv\n";

/* B. MCUboot's reply to it (an indefinite map). */
static const uint8_t pkt_b[] = { 0x03, 0x00, 0x00, 0x0a, 0x00, 0x00, 0x00, 0x00,
	0xbf, 0x61, 0x72, 0x65, 0x68, 0x65, 0x6c, 0x6c, 0x6f, 0xff };
static const char line_b[] = "\x06\x09" "ABQDAAAKAAAAAL9hcmVoZWxsb/8GPg==\n";

/* C. The first chunk of an upload: two lines. */
static const char line_c1[] = "\x06\x09" "AGsCAABhAAEBAaVlaW1hZ2UAY2xlbhkSNGNvZmYAY3NoYVggAAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh9kZGF0YVggPbjzlgAAAAAAAgAAABAAAAAA\n";
static const char line_c2[] = "\x04\x14" "AAABAgMAAAAAAAAAAAAsaQ==\n";
/* ... and MCUboot's reply (32 bytes written). */
static const char line_c_reply[] = "\x06\x09" "ABYDAAAMAAEBAb9icmMAY29mZhgg/9ky\n";

/* The smp package's documented frame of the bare bytes "Hello, world!". */
static const char line_hello[] = "\x06\x09" "AA9IZWxsbywgd29ybGQhet4=\n";

static size_t packet_c(uint8_t *p)
{
	static const uint8_t head[] = { 0x02, 0x00, 0x00, 0x61, 0x00, 0x01, 0x01, 0x01,
		0xa5, 0x65, 'i', 'm', 'a', 'g', 'e', 0x00, 0x63, 'l', 'e', 'n',
		0x19, 0x12, 0x34, 0x63, 'o', 'f', 'f', 0x00, 0x63, 's', 'h', 'a',
		0x58, 0x20 };
	static const uint8_t data[32] = { 0x3d, 0xb8, 0xf3, 0x96, 0, 0, 0, 0, 0, 0x02,
		0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0x01, 0x02, 0x03 };
	size_t n = 0;

	memcpy(p, head, sizeof(head));
	n = sizeof(head);
	for (int i = 0; i < 32; i++)
		p[n++] = (uint8_t)i;
	memcpy(p + n, "\x64" "data" "\x58\x20", 7);
	n += 7;
	memcpy(p + n, data, sizeof(data));
	return n + sizeof(data);
}

/* ---- helpers ---- */

struct lines {
	char text[4096];
	size_t len;
	int count;
};

static int collect(void *arg, const uint8_t *line, size_t n)
{
	struct lines *l = arg;

	assert_true(n <= SMP_LINE_CHARS + 3);
	memcpy(l->text + l->len, line, n);
	l->len += n;
	l->count++;
	return 0;
}

struct rx {
	struct smp_rx rx;
	uint8_t buf[1024 + 4];
	int packets, dropped, too_long;
	uint8_t pkt[1024];
	size_t pkt_len;
};

static void rx_init(struct rx *r, size_t cap)
{
	memset(r, 0, sizeof(*r));
	smp_rx_init(&r->rx, r->buf, cap);
}

static void feed(struct rx *r, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const uint8_t *p;

		switch (smp_rx_byte(&r->rx, (uint8_t)s[i])) {
		case SMP_RX_PACKET:
			r->packets++;
			p = smp_rx_packet(&r->rx, &r->pkt_len);
			memcpy(r->pkt, p, r->pkt_len);
			break;
		case SMP_RX_TOO_LONG:
			r->too_long++;
			p = smp_rx_packet(&r->rx, &r->pkt_len);
			memcpy(r->pkt, p, r->pkt_len);
			break;
		case SMP_RX_DROPPED:
			r->dropped++;
			break;
		default:
			break;
		}
	}
}

#define FEED(r, s) feed(r, s, sizeof(s) - 1)

/* ---- tests ---- */

static void test_crc_is_xmodem(void **state)
{
	(void)state;
	assert_int_equal(smp_crc16(0, "123456789", 9), 0x31c3);
	assert_int_equal(smp_crc16(0, pkt_a, sizeof(pkt_a)), 0x256f);
	assert_int_equal(smp_crc16(0, pkt_b, sizeof(pkt_b)), 0x063e);
}

static void test_encode_matches_document(void **state)
{
	uint8_t c[128];
	size_t nc = packet_c(c);
	struct lines l = { 0 };

	(void)state;
	assert_int_equal(nc, 8 + 0x61);
	assert_int_equal(smp_crc16(0, c, nc), 0x2c69);
	assert_int_equal(smp_tx_frame(pkt_a, sizeof(pkt_a), collect, &l), 0);
	assert_int_equal(l.count, 1);
	assert_int_equal(l.len, strlen(line_a));
	assert_memory_equal(l.text, line_a, l.len);

	memset(&l, 0, sizeof(l));
	assert_int_equal(smp_tx_frame(pkt_b, sizeof(pkt_b), collect, &l), 0);
	assert_memory_equal(l.text, line_b, strlen(line_b));

	memset(&l, 0, sizeof(l));
	assert_int_equal(smp_tx_frame(c, nc, collect, &l), 0);
	assert_int_equal(l.count, 2);
	assert_int_equal(strlen(line_c1), 127); /* the 127-byte line limit */
	assert_int_equal(l.len, strlen(line_c1) + strlen(line_c2));
	assert_memory_equal(l.text, line_c1, strlen(line_c1));
	assert_memory_equal(l.text + strlen(line_c1), line_c2, strlen(line_c2));

	memset(&l, 0, sizeof(l));
	assert_int_equal(smp_tx_frame((const uint8_t *)"Hello, world!", 13, collect, &l), 0);
	assert_memory_equal(l.text, line_hello, strlen(line_hello));
}

static void test_decode_matches_document(void **state)
{
	struct rx r;
	uint8_t c[128];
	size_t nc = packet_c(c);
	struct cbor_dec d;
	struct cbor_field f[] = { CBOR_FIELD("r", CBOR_WANT_TEXT) };
	struct cbor_field g[] = { CBOR_FIELD("rc", CBOR_WANT_UINT),
				  CBOR_FIELD("off", CBOR_WANT_UINT) };

	(void)state;
	rx_init(&r, sizeof(r.buf));
	FEED(&r, line_a);
	assert_int_equal(r.packets, 1);
	assert_int_equal(r.pkt_len, sizeof(pkt_a));
	assert_memory_equal(r.pkt, pkt_a, sizeof(pkt_a));

	FEED(&r, line_b);
	assert_int_equal(r.packets, 2);
	assert_memory_equal(r.pkt, pkt_b, sizeof(pkt_b));
	cbor_dec_init(&d, r.pkt + 8, r.pkt_len - 8);
	assert_int_equal(cbor_read_map(&d, f, 1), 0);
	assert_int_equal(f[0].item.val, 5);
	assert_memory_equal(f[0].item.data, "hello", 5);

	FEED(&r, line_c1);
	assert_int_equal(r.packets, 2);
	FEED(&r, line_c2);
	assert_int_equal(r.packets, 3);
	assert_int_equal(r.pkt_len, nc);
	assert_memory_equal(r.pkt, c, nc);

	FEED(&r, line_c_reply);
	assert_int_equal(r.packets, 4);
	cbor_dec_init(&d, r.pkt + 8, r.pkt_len - 8);
	assert_int_equal(cbor_read_map(&d, g, 2), 0);
	assert_int_equal(g[0].item.val, 0);
	assert_int_equal(g[1].item.val, 32);
	assert_int_equal(r.dropped, 0);
}

/* Zephyr splits at 93 raw bytes without splitting the CRC: other line
 * boundaries, same packet. Any split into whole base64 groups is accepted. */
static void test_other_splits_accepted(void **state)
{
	uint8_t c[128], frame[140], line[200];
	size_t nc = packet_c(c), nf, olen;
	struct rx r;

	(void)state;
	frame[0] = 0;
	frame[1] = (uint8_t)(nc + 2);
	memcpy(frame + 2, c, nc);
	frame[2 + nc] = 0x2c;
	frame[3 + nc] = 0x69;
	nf = nc + 4;
	/* every cut that keeps both lines within 93 raw bytes (124 chars) */
	for (size_t cut = 18; cut <= 93; cut += 3) {
		rx_init(&r, sizeof(r.buf));
		for (int part = 0; part < 2; part++) {
			size_t from = part ? cut : 0, to = part ? nf : cut;

			line[0] = part ? 0x04 : 0x06;
			line[1] = part ? 0x14 : 0x09;
			assert_int_equal(mbedtls_base64_encode(line + 2, sizeof(line) - 2,
							       &olen, frame + from,
							       to - from), 0);
			line[2 + olen] = '\r'; /* a CRLF line end is fine too */
			line[3 + olen] = '\n';
			feed(&r, (const char *)line, olen + 4);
		}
		assert_int_equal(r.packets, 1);
		assert_memory_equal(r.pkt, c, nc);
	}
}

static void test_console_text_between_lines(void **state)
{
	struct rx r;

	(void)state;
	rx_init(&r, sizeof(r.buf));
	FEED(&r, "boot: a log line\n\x06 not a marker\n");
	FEED(&r, line_c1);
	FEED(&r, "os: another log line, with \x04\x14 inside\n\n");
	FEED(&r, line_c2);
	assert_int_equal(r.packets, 1);
	assert_int_equal(r.dropped, 0);
}

static void test_bad_frames_dropped(void **state)
{
	struct rx r;
	char bad[sizeof(line_a)];

	(void)state;
	rx_init(&r, sizeof(r.buf));
	/* one character changed: the CRC fails */
	memcpy(bad, line_a, sizeof(line_a));
	bad[10] = bad[10] == 'A' ? 'B' : 'A';
	feed(&r, bad, strlen(bad));
	assert_int_equal(r.packets, 0);
	assert_int_equal(r.dropped, 1);
	/* a continuation with no start */
	FEED(&r, line_c2);
	assert_int_equal(r.dropped, 2);
	/* not base64 */
	FEED(&r, "\x06\x09" "AB*D\n");
	assert_int_equal(r.dropped, 3);
	/* not whole groups of four */
	FEED(&r, "\x06\x09" "ABMCA\n");
	assert_int_equal(r.dropped, 4);
	/* padding, then another line of the same packet */
	FEED(&r, "\x06\x09" "AGs=\n");
	FEED(&r, line_c2);
	assert_int_equal(r.packets, 0);
	/* an overlong line drops the packet being assembled */
	FEED(&r, line_c1);
	FEED(&r, "\x04\x14");
	for (int i = 0; i < SMP_LINE_MAX; i++)
		FEED(&r, "A");
	FEED(&r, "\n");
	FEED(&r, line_c2);
	assert_int_equal(r.packets, 0);
	/* a good packet still gets through afterwards */
	FEED(&r, line_a);
	assert_int_equal(r.packets, 1);
}

/* A packet larger than the buffer: its header is reported (for an error
 * reply), the rest is dropped, and the next packet is whole. */
static void test_too_long(void **state)
{
	struct rx r;

	(void)state;
	rx_init(&r, 64);
	FEED(&r, line_c1);
	assert_int_equal(r.too_long, 1);
	assert_int_equal(r.pkt_len, 8);
	assert_memory_equal(r.pkt, "\x02\x00\x00\x61\x00\x01\x01\x01", 8);
	FEED(&r, line_c2); /* now an orphan */
	assert_int_equal(r.packets, 0);
	FEED(&r, line_a);
	assert_int_equal(r.packets, 1);
	assert_memory_equal(r.pkt, pkt_a, sizeof(pkt_a));
}

/* A packet shorter than an SMP header cannot be answered: dropped. */
static void test_too_short(void **state)
{
	struct rx r;

	(void)state;
	rx_init(&r, sizeof(r.buf));
	FEED(&r, "\x06\x09" "AAQBAg==\n"); /* len16 4: two bytes and a CRC */
	assert_int_equal(r.packets, 0);
	assert_int_equal(r.dropped, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crc_is_xmodem),
		cmocka_unit_test(test_encode_matches_document),
		cmocka_unit_test(test_decode_matches_document),
		cmocka_unit_test(test_other_splits_accepted),
		cmocka_unit_test(test_console_text_between_lines),
		cmocka_unit_test(test_bad_frames_dropped),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_too_short),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
