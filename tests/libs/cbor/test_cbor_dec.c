/* tests/libs/cbor/test_cbor_dec.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The CBOR decoder (libs/cbor/cbor_dec.c): what SMP peers send (definite
 * and indefinite maps, every integer width, text keys in any order,
 * unknown keys, booleans), round trips with the encoder, and refusals:
 * truncation, reserved encodings, indefinite strings, nesting past the
 * limit, duplicate keys, wrong value types.
 */
#include "tests/test.h"

#include "libs/cbor/cbor_dec.h"
#include "libs/cbor/cbor_enc.h"

#include <errno.h>
#include <string.h>

static int read_map(const uint8_t *buf, size_t len, struct cbor_field *f, size_t n)
{
	struct cbor_dec d;

	cbor_dec_init(&d, buf, len);
	return cbor_read_map(&d, f, n);
}

#define READ(bytes, f) read_map((const uint8_t *)(bytes), sizeof(bytes) - 1, f, \
				sizeof(f) / sizeof((f)[0]))

static void test_integer_widths(void **state)
{
	/* {"off": 0, "len": 4660} in minimal form, then every wider form */
	static const char *const forms[] = {
		"\xa2\x63off\x00\x63len\x19\x12\x34",
		"\xa2\x63off\x18\x00\x63len\x1a\x00\x00\x12\x34",
		"\xa2\x63off\x19\x00\x00\x63len\x1b\x00\x00\x00\x00\x00\x00\x12\x34",
	};
	static const size_t lens[] = { 13, 17, 22 };

	(void)state;
	for (int i = 0; i < 3; i++) {
		struct cbor_field f[] = { CBOR_FIELD("len", CBOR_WANT_UINT),
					  CBOR_FIELD("off", CBOR_WANT_UINT) };

		assert_int_equal(read_map((const uint8_t *)forms[i], lens[i], f, 2), 0);
		assert_true(f[0].present && f[1].present);
		assert_int_equal(f[0].item.val, 0x1234);
		assert_int_equal(f[1].item.val, 0);
	}
}

static void test_indefinite_and_unknown(void **state)
{
	/* MCUboot style: {_ "x": [_ 1, {"a": h'00'}, tag(1) 2], "rc": 0,
	 * "f": 1.5, "t": true} */
	static const char m[] = "\xbf\x61x\x9f\x01\xa1\x61\x61\x41\x00\xc1\x02\xff"
				"\x62rc\x00\x61" "f\xf9\x3e\x00\x61t\xf5\xff";
	struct cbor_field f[] = { CBOR_FIELD("rc", CBOR_WANT_UINT),
				  CBOR_FIELD("t", CBOR_WANT_BOOL),
				  CBOR_FIELD("missing", CBOR_WANT_ANY) };
	struct cbor_field g[] = { CBOR_FIELD("x", CBOR_WANT_ANY) };
	struct cbor_dec d;
	struct cbor_item it;

	(void)state;
	assert_int_equal(READ(m, f), 0);
	assert_true(f[0].present && f[1].present && !f[2].present);
	assert_int_equal(f[0].item.val, 0);
	assert_true(cbor_field_true(&f[1]));
	/* a container value keeps its encoded bytes for a second look */
	assert_int_equal(READ(m, g), 0);
	assert_int_equal(g[0].item.type, CBOR_ARRAY);
	assert_true(g[0].item.indefinite);
	cbor_dec_init(&d, g[0].raw, g[0].raw_len);
	assert_int_equal(cbor_get(&d, &it), 0);
	assert_int_equal(cbor_skip(&d, &it), 0);
	assert_int_equal(cbor_dec_left(&d), 0);
}

static void test_round_trip(void **state)
{
	uint8_t buf[64];
	struct cbor_enc e;
	struct cbor_field f[] = { CBOR_FIELD("d", CBOR_WANT_BYTES),
				  CBOR_FIELD("n", CBOR_WANT_UINT),
				  CBOR_FIELD("b", CBOR_WANT_BOOL_INT),
				  CBOR_FIELD("s", CBOR_WANT_TEXT) };

	(void)state;
	cbor_enc_init(&e, buf, sizeof(buf));
	cbor_put_map(&e, 4);
	cbor_put_str(&e, "s");
	cbor_put_str(&e, "text");
	cbor_put_str(&e, "b");
	cbor_put_bool(&e, 0);
	cbor_put_str(&e, "n");
	cbor_put_uint(&e, 0x100000000ull);
	cbor_put_str(&e, "d");
	cbor_put_bytes(&e, "\x01\x02", 2);
	assert_true(cbor_enc_len(&e) > 0);
	assert_int_equal(read_map(buf, (size_t)cbor_enc_len(&e), f, 4), 0);
	assert_int_equal(f[0].item.val, 2);
	assert_int_equal(f[1].item.val, 0x100000000ull);
	assert_false(cbor_field_true(&f[2]));
	assert_memory_equal(f[3].item.data, "text", 4);
}

static void test_refusals(void **state)
{
	struct cbor_field f[] = { CBOR_FIELD("off", CBOR_WANT_UINT) };
	struct cbor_dec d;
	struct cbor_item it;
	uint8_t deep[CBOR_MAX_DEPTH + 2];

	(void)state;
	assert_int_equal(READ("", f), -EBADMSG);                     /* nothing */
	assert_int_equal(READ("\x80", f), -EBADMSG);                 /* not a map */
	assert_int_equal(READ("\xa1\x63of", f), -EBADMSG);           /* truncated key */
	assert_int_equal(READ("\xa1\x63off", f), -EBADMSG);          /* no value */
	assert_int_equal(READ("\xa1\x63off\x19\x12", f), -EBADMSG);  /* short int */
	assert_int_equal(READ("\xa1\x63off\x1c", f), -EBADMSG);      /* reserved 28 */
	assert_int_equal(READ("\xa1\x63off\x61x", f), -EBADMSG);     /* wrong type */
	assert_int_equal(READ("\xa2\x63off\x00\x63off\x01", f), -EBADMSG); /* twice */
	assert_int_equal(READ("\xa1\x7f\x61x\xff\x00", f), -EBADMSG); /* indefinite text */
	assert_int_equal(READ("\xa1\x61x\xf8\x01", f), -EBADMSG);    /* bad simple */
	assert_int_equal(READ("\xa1\x61x\xff", f), -EBADMSG);        /* stray break */
	assert_int_equal(READ("\xbf\x61x\x00", f), -EBADMSG);        /* no break */
	assert_int_equal(READ("\xa1\x61x\x5a\xff\xff\xff\xff", f), -EBADMSG); /* huge */
	assert_int_equal(READ("\xa1\x61x\x9b\xff\xff\xff\xff\xff\xff\xff\xff", f),
			 -EBADMSG);                                  /* huge count */
	/* nesting deeper than the limit */
	memset(deep, 0x81, sizeof(deep));
	deep[sizeof(deep) - 1] = 0x00;
	cbor_dec_init(&d, deep, sizeof(deep));
	assert_int_equal(cbor_get(&d, &it), 0);
	assert_int_equal(cbor_skip(&d, &it), -EBADMSG);
	/* at the limit it is fine */
	cbor_dec_init(&d, deep + 2, sizeof(deep) - 2);
	assert_int_equal(cbor_get(&d, &it), 0);
	assert_int_equal(cbor_skip(&d, &it), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integer_widths),
		cmocka_unit_test(test_indefinite_and_unknown),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_refusals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
