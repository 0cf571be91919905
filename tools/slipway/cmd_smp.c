/* tools/slipway/cmd_smp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway smp ...`: an SMP (mcumgr) client over a serial line, for a
 * device in serial recovery or an OS serving SMP (the sim offers its line
 * on a pty). Options anywhere on the line:
 *   --port PATH (or $SLIPWAY_SMP_PORT)  --timeout MS  --tries N  --smp-v1
 */
#include "libs/cbor/cbor_enc.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/smp/smp_img.h"
#include "libs/smp/smp_server.h"
#include "tools/slipway/slipway.h"
#include "tools/slipway/smp_client.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_TIMEOUT_MS 3000
#define DEFAULT_TRIES 3
#define DEFAULT_PACKET 512    /* when the device does not say (mcumgr's) */
#define UPLOAD_OVERHEAD 100   /* header and CBOR around a chunk's data */

struct smp_opts {
	const char *port;
	int timeout_ms, tries, v1, upgrade;
	const char *args[4];  /* the command's own words */
	int nargs;
	uint32_t image, slot;
	int has_image, has_slot;
};

static const char common_usage[] =
	"  --port PATH    serial device or pty (default: $SLIPWAY_SMP_PORT)\n"
	"  --timeout MS   wait this long for each reply (default 3000)\n"
	"  --tries N      send a request this many times before giving up "
	"(default 3)\n"
	"  --smp-v1       send SMP version 1 headers (default: version 2)\n";

/* 0, or EXIT_USAGE after printing why. */
static int parse(int argc, char **argv, struct smp_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->port = getenv("SLIPWAY_SMP_PORT");
	o->timeout_ms = DEFAULT_TIMEOUT_MS;
	o->tries = DEFAULT_TRIES;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		uint32_t v;

		if (strcmp(a, "--smp-v1") == 0) {
			o->v1 = 1;
			continue;
		}
		if (strcmp(a, "--upgrade") == 0) {
			o->upgrade = 1;
			continue;
		}
		if (a[0] == '-' && a[1] == '-') {
			if (i + 1 >= argc)
				return cli_error(EXIT_USAGE, "%s needs a value", a);
			if (strcmp(a, "--port") == 0) {
				o->port = argv[++i];
				continue;
			}
			if (cli_parse_u32(argv[i + 1], 600000, &v) != 0)
				return cli_error(EXIT_USAGE, "%s: '%s' is not a number",
						 a, argv[i + 1]);
			i++;
			if (strcmp(a, "--timeout") == 0 && v > 0)
				o->timeout_ms = (int)v;
			else if (strcmp(a, "--tries") == 0 && v > 0 && v <= 100)
				o->tries = (int)v;
			else if (strcmp(a, "--image") == 0 && v < 256)
				o->image = v, o->has_image = 1;
			else if (strcmp(a, "--slot") == 0 && v < 512)
				o->slot = v, o->has_slot = 1;
			else
				return cli_error(EXIT_USAGE, "unknown option or value: %s %s",
						 a, argv[i]);
			continue;
		}
		if (o->nargs == 4)
			return cli_error(EXIT_USAGE, "too many arguments");
		o->args[o->nargs++] = a;
	}
	if (o->port == NULL || o->port[0] == '\0')
		return cli_error(EXIT_USAGE, "no serial port: give --port PATH or "
				 "set SLIPWAY_SMP_PORT");
	return 0;
}

static int open_client(struct smp_client *c, const struct smp_opts *o)
{
	if (smp_client_open(c, o->port, o->timeout_ms, o->tries) != 0)
		return -1;
	c->version = o->v1 ? 0 : 1;
	return 0;
}

static int finish(struct smp_client *c, int rc)
{
	smp_client_close(c);
	return rc == 0 ? 0 : 1;
}

/* ---- image list / test / confirm ---- */

static void print_hex(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		printf("%02x", p[i]);
}

/* Print an image state reply ({"images": [...]}). 0 or -1. */
static int print_images(const uint8_t *cbor, size_t len)
{
	struct cbor_field top[] = { CBOR_FIELD("images", CBOR_WANT_ANY) };
	struct cbor_dec d, arr;
	struct cbor_item a;

	cbor_dec_init(&d, cbor, len);
	if (cbor_read_map(&d, top, 1) != 0 || !top[0].present ||
	    top[0].item.type != CBOR_ARRAY)
		return cli_error(-1, "the device's image list is malformed");
	cbor_dec_init(&arr, top[0].raw, top[0].raw_len);
	cbor_get(&arr, &a);
	if (a.val == 0 && !a.indefinite)
		printf("no valid image in any slot\n");
	for (uint64_t i = 0; a.indefinite || i < a.val; i++) {
		struct cbor_field f[] = {
			CBOR_FIELD("image", CBOR_WANT_UINT), CBOR_FIELD("slot", CBOR_WANT_UINT),
			CBOR_FIELD("version", CBOR_WANT_TEXT), CBOR_FIELD("hash", CBOR_WANT_BYTES),
			CBOR_FIELD("bootable", CBOR_WANT_BOOL), CBOR_FIELD("pending", CBOR_WANT_BOOL),
			CBOR_FIELD("confirmed", CBOR_WANT_BOOL), CBOR_FIELD("active", CBOR_WANT_BOOL),
			CBOR_FIELD("permanent", CBOR_WANT_BOOL),
		};
		struct cbor_dec peek = arr;
		struct cbor_item b;

		if (a.indefinite && (cbor_get(&peek, &b) != 0 || b.type == CBOR_BREAK))
			break;
		if (cbor_read_map(&arr, f, 9) != 0 || !f[1].present || !f[2].present)
			return cli_error(-1, "the device's image list is malformed");
		printf("image %llu slot %llu: version %.*s",
		       (unsigned long long)(f[0].present ? f[0].item.val : 0),
		       (unsigned long long)f[1].item.val, (int)f[2].item.val,
		       (const char *)f[2].item.data);
		for (int k = 4; k < 9; k++)
			if (cbor_field_true(&f[k]))
				printf(" %s", f[k].key);
		printf("\n");
		if (f[3].present) {
			printf("  hash ");
			print_hex(f[3].item.data, f[3].item.val);
			printf("\n");
		}
	}
	return 0;
}

static int parse_hash(const char *text, uint8_t *out, size_t *len)
{
	size_t n = strlen(text);

	if (n == 0 || n % 2 || n / 2 > CRYPTO_HASH_MAX_SIZE)
		return -1;
	for (size_t i = 0; i < n / 2; i++) {
		unsigned int v;

		if (sscanf(text + 2 * i, "%2x", &v) != 1 ||
		    !strchr("0123456789abcdefABCDEF", text[2 * i]) ||
		    !strchr("0123456789abcdefABCDEF", text[2 * i + 1]))
			return -1;
		out[i] = (uint8_t)v;
	}
	*len = n / 2;
	return 0;
}

static int image_list(struct smp_client *c)
{
	uint8_t req[1] = { 0xa0 };
	int rc = smp_client_request(c, SMP_OP_READ, SMP_GROUP_IMAGE, 0, req, 1);

	return rc != 0 ? rc : print_images(c->rsp, c->rsp_len);
}

static int image_state(struct smp_client *c, const char *hash_text, int confirm)
{
	uint8_t hash[CRYPTO_HASH_MAX_SIZE], req[128];
	size_t hlen = 0;
	struct cbor_enc e;
	int rc;

	if (hash_text && parse_hash(hash_text, hash, &hlen) != 0)
		return cli_error(EXIT_USAGE, "'%s' is not a hash (hex, as 'image "
				 "list' shows it)", hash_text);
	cbor_enc_init(&e, req, sizeof(req));
	cbor_put_map(&e, hash_text ? 2 : 1);
	if (hash_text) {
		cbor_put_str(&e, "hash");
		cbor_put_bytes(&e, hash, hlen);
	}
	cbor_put_str(&e, "confirm");
	cbor_put_bool(&e, confirm);
	rc = smp_client_request(c, SMP_OP_WRITE, SMP_GROUP_IMAGE, 0, req,
				(size_t)cbor_enc_len(&e));
	return rc != 0 ? rc : print_images(c->rsp, c->rsp_len);
}

/* ---- image upload ---- */

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (t.tv_nsec - t0->tv_nsec) / 1e9;
}

static void progress(size_t done, size_t total, double secs, int final)
{
	static const int width = 30;
	int fill = total ? (int)((double)done / (double)total * width) : width;
	double rate = secs > 0 ? (double)done / 1024.0 / secs : 0;

	if (!final && !isatty(2))
		return;
	fprintf(stderr, "\r[%.*s%.*s] %3d%% %zu/%zu bytes %7.1f KiB/s",
		fill, "##############################", width - fill,
		"..............................",
		total ? (int)((double)done * 100 / (double)total) : 100, done,
		total, rate);
	if (final)
		fputc('\n', stderr);
	fflush(stderr);
}

/* The device's packet size (MCUmgr parameters), or DEFAULT_PACKET. */
static size_t device_packet_size(struct smp_client *c)
{
	uint8_t req[1] = { 0xa0 };
	struct cbor_field f[] = { CBOR_FIELD("buf_size", CBOR_WANT_UINT) };
	struct cbor_dec d;
	int quiet = cli_quiet, rc;

	cli_quiet = 1; /* a device without the command is fine */
	rc = smp_client_request(c, SMP_OP_READ, SMP_GROUP_OS, 6, req, 1);
	cli_quiet = quiet;
	if (rc != 0)
		return DEFAULT_PACKET;
	cbor_dec_init(&d, c->rsp, c->rsp_len);
	if (cbor_read_map(&d, f, 1) != 0 || !f[0].present ||
	    f[0].item.val < UPLOAD_OVERHEAD + 64)
		return DEFAULT_PACKET;
	return f[0].item.val < SMP_CLIENT_MAX_PACKET ? f[0].item.val :
						       SMP_CLIENT_MAX_PACKET;
}

static int image_upload(struct smp_client *c, const char *path,
			const struct smp_opts *o)
{
	uint8_t *file, sha[32], req[SMP_CLIENT_MAX_PACKET];
	size_t size, off = 0, chunk;
	struct timespec t0;
	int rc, resyncs = 0;

	if (cli_read_file(path, &file, &size) != 0)
		return 1;
	if (size == 0 || size > UINT32_MAX) {
		free(file);
		return cli_error(1, "%s: empty or too large", path);
	}
	crypto_hash_buf(CRYPTO_HASH_SHA256, file, size, sha);
	chunk = device_packet_size(c) - UPLOAD_OVERHEAD;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	while (off < size) {
		size_t n = size - off < chunk ? size - off : chunk;
		struct cbor_enc e;
		int64_t next;
		char why[256];

		cbor_enc_init(&e, req, sizeof(req));
		cbor_put_map(&e, off == 0 ? 4 + o->has_image + o->upgrade : 2);
		if (off == 0 && o->upgrade) {
			cbor_put_str(&e, "upgrade");
			cbor_put_bool(&e, 1);
		}
		if (off == 0) {
			if (o->has_image) {
				cbor_put_str(&e, "image");
				cbor_put_uint(&e, o->image);
			}
			cbor_put_str(&e, "len");
			cbor_put_uint(&e, size);
			cbor_put_str(&e, "sha");
			cbor_put_bytes(&e, sha, sizeof(sha));
		}
		cbor_put_str(&e, "off");
		cbor_put_uint(&e, off);
		cbor_put_str(&e, "data");
		cbor_put_bytes(&e, file + off, n);
		rc = smp_client_request(c, SMP_OP_WRITE, SMP_GROUP_IMAGE, 1, req,
					(size_t)cbor_enc_len(&e));
		if (rc < 0)
			break;
		/* The reply names the offset expected: off + n, or elsewhere
		 * when the device skipped the chunk (it was not where the
		 * upload stands, or the device reset and wants offset 0). */
		if (rc != 0)
			break;
		if (smp_client_reply_error(c->rsp, c->rsp_len, why, sizeof(why),
					   &next) < 0 || next < 0 || (size_t)next > size) {
			rc = cli_error(1, "the device's reply names no offset to "
				       "continue at");
			break;
		}
		if ((size_t)next != off + n && ++resyncs > 16) {
			rc = cli_error(1, "the device keeps naming other offsets; "
				       "giving up");
			break;
		}
		if ((size_t)next != off + n)
			fprintf(stderr, "%s: continuing at offset %lld\n",
				slipway_prog, (long long)next);
		rc = 0;
		off = (size_t)next;
		progress(off, size, seconds_since(&t0), 0);
	}
	free(file);
	if (rc != 0) {
		if (isatty(2))
			fputc('\n', stderr);
		return rc;
	}
	progress(size, size, seconds_since(&t0), 1);
	printf("uploaded %zu bytes in %.1f s (%.1f KiB/s); SHA-256 ", size,
	       seconds_since(&t0), (double)size / 1024.0 / seconds_since(&t0));
	print_hex(sha, sizeof(sha));
	printf("\n");
	return 0;
}

static int image_erase(struct smp_client *c, const struct smp_opts *o)
{
	uint8_t req[16];
	struct cbor_enc e;
	int rc;

	cbor_enc_init(&e, req, sizeof(req));
	cbor_put_map(&e, 1);
	cbor_put_str(&e, "slot");
	cbor_put_uint(&e, o->has_slot ? o->slot : 1);
	rc = smp_client_request(c, SMP_OP_WRITE, SMP_GROUP_IMAGE, 5, req,
				(size_t)cbor_enc_len(&e));
	if (rc == 0)
		printf("slot %u erased\n", o->has_slot ? (unsigned)o->slot : 1);
	return rc;
}

static int cmd_image(int argc, char **argv)
{
	struct smp_opts o;
	struct smp_client c;
	const char *sub;
	int rc = parse(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.nargs == 0)
		return cli_error(EXIT_USAGE, "which command? list, upload FILE, "
				 "test HASH, confirm [HASH], erase");
	sub = o.args[0];
	if (!((strcmp(sub, "list") == 0 && o.nargs == 1) ||
	      (strcmp(sub, "upload") == 0 && o.nargs == 2) ||
	      (strcmp(sub, "test") == 0 && o.nargs == 2) ||
	      (strcmp(sub, "confirm") == 0 && o.nargs <= 2) ||
	      (strcmp(sub, "erase") == 0 && o.nargs == 1)))
		return cli_error(EXIT_USAGE, "unknown command or wrong arguments: "
				 "'image %s' (see --help)", sub);
	if (open_client(&c, &o) != 0)
		return 1;
	if (strcmp(sub, "list") == 0)
		rc = image_list(&c);
	else if (strcmp(sub, "upload") == 0)
		rc = image_upload(&c, o.args[1], &o);
	else if (strcmp(sub, "test") == 0)
		rc = image_state(&c, o.args[1], 0);
	else if (strcmp(sub, "confirm") == 0)
		rc = image_state(&c, o.nargs == 2 ? o.args[1] : NULL, 1);
	else
		rc = image_erase(&c, &o);
	return rc == EXIT_USAGE ? EXIT_USAGE : finish(&c, rc);
}

/* ---- os: reset, echo, params ---- */

static int cmd_reset(int argc, char **argv)
{
	struct smp_opts o;
	struct smp_client c;
	uint8_t req[1] = { 0xa0 };
	int rc = parse(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.nargs != 0)
		return cli_error(EXIT_USAGE, "reset takes no arguments");
	if (open_client(&c, &o) != 0)
		return 1;
	rc = smp_client_request(&c, SMP_OP_WRITE, SMP_GROUP_OS, 5, req, 1);
	if (rc == 0)
		printf("reset requested\n");
	return finish(&c, rc);
}

static int cmd_echo(int argc, char **argv)
{
	struct smp_opts o;
	struct smp_client c;
	uint8_t req[SMP_CLIENT_MAX_PACKET];
	struct cbor_field f[] = { CBOR_FIELD("r", CBOR_WANT_TEXT) };
	struct cbor_enc e;
	struct cbor_dec d;
	int rc = parse(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.nargs != 1)
		return cli_error(EXIT_USAGE, "echo takes one TEXT");
	cbor_enc_init(&e, req, sizeof(req));
	cbor_put_map(&e, 1);
	cbor_put_str(&e, "d");
	cbor_put_str(&e, o.args[0]);
	if (cbor_enc_len(&e) < 0)
		return cli_error(EXIT_USAGE, "TEXT too long");
	if (open_client(&c, &o) != 0)
		return 1;
	rc = smp_client_request(&c, SMP_OP_WRITE, SMP_GROUP_OS, 0, req,
				(size_t)cbor_enc_len(&e));
	if (rc == 0) {
		cbor_dec_init(&d, c.rsp, c.rsp_len);
		if (cbor_read_map(&d, f, 1) != 0 || !f[0].present)
			rc = cli_error(1, "the device's echo reply has no text");
		else
			printf("%.*s\n", (int)f[0].item.val, (const char *)f[0].item.data);
	}
	return finish(&c, rc);
}

static int cmd_params(int argc, char **argv)
{
	struct smp_opts o;
	struct smp_client c;
	uint8_t req[1] = { 0xa0 };
	struct cbor_field f[] = { CBOR_FIELD("buf_size", CBOR_WANT_UINT),
				  CBOR_FIELD("buf_count", CBOR_WANT_UINT) };
	struct cbor_dec d;
	int rc = parse(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.nargs != 0)
		return cli_error(EXIT_USAGE, "params takes no arguments");
	if (open_client(&c, &o) != 0)
		return 1;
	rc = smp_client_request(&c, SMP_OP_READ, SMP_GROUP_OS, 6, req, 1);
	if (rc == 0) {
		cbor_dec_init(&d, c.rsp, c.rsp_len);
		if (cbor_read_map(&d, f, 2) != 0 || !f[0].present || !f[1].present)
			rc = cli_error(1, "the device's parameters are malformed");
		else
			printf("buf_size %llu buf_count %llu\n",
			       (unsigned long long)f[0].item.val,
			       (unsigned long long)f[1].item.val);
	}
	return finish(&c, rc);
}

/* One text request key (none when `value` is NULL) to OS group command
 * `id`; the reply's keys printed "key value", one per line. */
static int os_query(int argc, char **argv, uint8_t id, const char *key,
		    const char *what)
{
	struct smp_opts o;
	struct smp_client c;
	uint8_t req[128];
	struct cbor_enc e;
	int rc = parse(argc, argv, &o);

	if (rc != 0)
		return rc;
	if (o.nargs > 1)
		return cli_error(EXIT_USAGE, "%s takes at most one %s", argv[0], what);
	cbor_enc_init(&e, req, sizeof(req));
	cbor_put_map(&e, o.nargs);
	if (o.nargs) {
		cbor_put_str(&e, key);
		cbor_put_str(&e, o.args[0]);
	}
	if (cbor_enc_len(&e) < 0)
		return cli_error(EXIT_USAGE, "%s too long", what);
	if (open_client(&c, &o) != 0)
		return 1;
	rc = smp_client_request(&c, SMP_OP_READ, SMP_GROUP_OS, id, req,
				(size_t)cbor_enc_len(&e));
	if (rc == 0) {
		struct cbor_dec d;
		struct cbor_item k, v, m;

		cbor_dec_init(&d, c.rsp, c.rsp_len);
		if (cbor_get(&d, &m) != 0 || m.type != CBOR_MAP)
			rc = cli_error(1, "the device's reply is not a map");
		while (rc == 0 && cbor_get(&d, &k) == 0 && k.type == CBOR_TEXT &&
		       cbor_get(&d, &v) == 0) {
			printf("%.*s ", (int)k.val, (const char *)k.data);
			if (v.type == CBOR_TEXT)
				printf("%.*s\n", (int)v.val, (const char *)v.data);
			else if (v.type == CBOR_UINT)
				printf("%llu\n", (unsigned long long)v.val);
			else if (v.type == CBOR_NINT)
				printf("-%llu\n", (unsigned long long)v.val + 1);
			else if (v.type == CBOR_TRUE || v.type == CBOR_FALSE)
				printf("%s\n", v.type == CBOR_TRUE ? "true" : "false");
			else if (cbor_skip(&d, &v) == 0)
				printf("(%d)\n", (int)v.type);
		}
	}
	return finish(&c, rc);
}

static int cmd_os_info(int argc, char **argv)
{
	return os_query(argc, argv, 7, "format", "FORMAT");
}

static int cmd_boot_info(int argc, char **argv)
{
	return os_query(argc, argv, 8, "query", "QUERY");
}

static char image_usage[1024], os_usage[512], info_usage[768];

static const struct slipway_cmd smp_cmds[] = {
	{ "image", "list, upload, test, confirm or erase images", image_usage, cmd_image },
	{ "reset", "reset the device", os_usage, cmd_reset },
	{ "echo", "send TEXT and print the device's echo", os_usage, cmd_echo },
	{ "params", "the device's SMP buffer size and count", os_usage, cmd_params },
	{ "os-info", "the device's OS information (kernel, version, board...)",
	  info_usage, cmd_os_info },
	{ "boot-info", "the device's bootloader: name, mode, version",
	  info_usage, cmd_boot_info },
	{ 0 },
};

__attribute__((constructor)) static void smp_usage_text(void)
{
	snprintf(image_usage, sizeof(image_usage),
		 "list | upload FILE [--image N] [--upgrade] | test HASH | "
		 "confirm [HASH] | "
		 "erase [--slot N] [options]\n\n"
		 "  list           every slot holding a valid image: version, hash, "
		 "flags\n"
		 "  upload FILE    send a signed image (to image N's slot), with "
		 "progress;\n"
		 "                 --upgrade: only if newer than what runs (the "
		 "device checks)\n"
		 "  test HASH      install that image at the next reset, on trial\n"
		 "  confirm [HASH] keep the running image (no HASH), or install "
		 "that one for good\n"
		 "  erase          erase slot N (default 1, image 0's secondary)\n\n%s",
		 common_usage);
	snprintf(os_usage, sizeof(os_usage), "[TEXT] [options]\n\n%s", common_usage);
	snprintf(info_usage, sizeof(info_usage),
		 "[FORMAT | QUERY] [options]\n\n"
		 "  os-info [FORMAT]   letters of s n r v b m p i o (kernel, node, "
		 "release,\n"
		 "                     version, build date, machine, processor, "
		 "platform, OS),\n"
		 "                     or a for all; default s\n"
		 "  boot-info [QUERY]  no QUERY: the bootloader's name; mode: how it "
		 "installs\n"
		 "                     updates (Zephyr's numbers: 0 single, 1 "
		 "swap-scratch,\n"
		 "                     2 overwrite, 3 swap-move); version\n\n%s",
		 common_usage);
}

const struct slipway_group smp_group = {
	.name = "smp",
	.summary = "talk SMP (mcumgr) to a device over a serial line",
	.cmds = smp_cmds,
};
