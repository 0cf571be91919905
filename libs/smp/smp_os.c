/* libs/smp/smp_os.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/smp/smp_os.h"

#include <string.h>

enum { CMD_ECHO = 0, CMD_ECHO_CTL = 1, CMD_RESET = 5, CMD_PARAMS = 6,
       CMD_OS_INFO = 7, CMD_BOOT_INFO = 8 };

#define OS_ERR(rc) SMP_GROUP_ERR(SMP_OS_##rc)
#define NINFO (sizeof(SMP_OS_INFO_LETTERS) - 1)

static int echo(struct smp_req *req)
{
	struct cbor_field f[] = { CBOR_FIELD("d", CBOR_WANT_TEXT) };

	if (cbor_read_map(&req->in, f, 1) != 0 || !f[0].present)
		return SMP_EINVAL;
	smp_out_text(req, "r", (const char *)f[0].item.data, f[0].item.val);
	return 0;
}

static int echo_ctl(struct smp_req *req)
{
	(void)req;
	return 0;
}

static int reset(struct smp_req *req)
{
	struct cbor_field f[] = { CBOR_FIELD("force", CBOR_WANT_BOOL_INT),
				  CBOR_FIELD("boot_mode", CBOR_WANT_UINT) };

	if (cbor_read_map(&req->in, f, 2) != 0)
		return SMP_EINVAL;
	if (req->server->after_reply == NULL)
		return SMP_ENOTSUP;
	req->server->act_after_reply = 1;
	return 0;
}

static int params(struct smp_req *req)
{
	const struct smp_os_ctx *os = req->ctx;

	smp_out_uint(req, "buf_size", os->buf_size);
	smp_out_uint(req, "buf_count", os->buf_count);
	return 0;
}

/* Which fields a "format" text asks for (a bit per letter), or -1 for a
 * letter Zephyr does not know. No format: the kernel name. */
static long info_fields(const struct cbor_field *format)
{
	long want = 0;

	if (!format->present)
		return 1;
	for (uint64_t i = 0; i < format->item.val; i++) {
		char c = (char)format->item.data[i];
		const char *at = memchr(SMP_OS_INFO_LETTERS, c, NINFO);

		if (c == 'a')
			want |= (1L << NINFO) - 1;
		else if (c != '\0' && at != NULL)
			want |= 1L << (at - SMP_OS_INFO_LETTERS);
		else
			return -1;
	}
	return want;
}

/* OS information: the fields asked for, in Zephyr's order, one space
 * between them. */
static int os_info(struct smp_req *req)
{
	const struct smp_os_ctx *os = req->ctx;
	struct cbor_field f[] = { CBOR_FIELD("format", CBOR_WANT_TEXT) };
	char out[256];
	size_t n = 0;
	long want;

	if (cbor_read_map(&req->in, f, 1) != 0)
		return SMP_EINVAL;
	want = info_fields(&f[0]);
	if (want < 0)
		return OS_ERR(INVALID_FORMAT);
	for (unsigned int i = 0; i < NINFO; i++) {
		const char *v = os->info[i] ? os->info[i] : "";
		size_t vlen = strlen(v);

		if (!(want & (1L << i)))
			continue;
		if (n + (n > 0) + vlen > sizeof(out))
			return SMP_EMSGSIZE;
		if (n > 0)
			out[n++] = ' ';
		memcpy(out + n, v, vlen);
		n += vlen;
	}
	smp_out_text(req, "output", out, n);
	return 0;
}

/* Bootloader information: its name, or the answer to a query ("mode" as
 * Zephyr's MCUboot hook answers it; "version" is this tree's). */
static int boot_info(struct smp_req *req)
{
	const struct smp_os_ctx *os = req->ctx;
	struct cbor_field f[] = { CBOR_FIELD("query", CBOR_WANT_TEXT) };
	const struct cbor_item *q = &f[0].item;

	if (cbor_read_map(&req->in, f, 1) != 0)
		return SMP_EINVAL;
	if (!f[0].present) {
		smp_out_str(req, "bootloader", os->bootloader ? os->bootloader : "");
		return 0;
	}
	if (q->val == 4 && memcmp(q->data, "mode", 4) == 0) {
		smp_out_key(req, "mode");
		cbor_put_int(&req->out, os->mode);
		if (os->no_downgrade)
			smp_out_bool(req, "no-downgrade", 1);
		return 0;
	}
	if (q->val == 7 && memcmp(q->data, "version", 7) == 0 &&
	    os->bootloader_version != NULL) {
		smp_out_str(req, "version", os->bootloader_version);
		return 0;
	}
	return OS_ERR(QUERY_YIELDS_NO_ANSWER);
}

static const struct smp_cmd os_cmds[] = {
	{ CMD_ECHO, echo, echo },
	{ CMD_ECHO_CTL, echo_ctl, echo_ctl },
	{ CMD_RESET, NULL, reset },
	{ CMD_PARAMS, params, NULL },
	{ CMD_OS_INFO, os_info, NULL },
	{ CMD_BOOT_INFO, boot_info, NULL },
};

/* For v1 requests, Zephyr's translation of OS codes to MGMT_ERR
 * (os_mgmt_translate_error_code). */
static int os_v1_rc(unsigned int rc)
{
	switch (rc) {
	case SMP_OS_INVALID_FORMAT: return SMP_EINVAL;
	case SMP_OS_QUERY_YIELDS_NO_ANSWER: return SMP_ENOENT;
	default: return SMP_EUNKNOWN;
	}
}

const struct smp_group smp_os_group = {
	.id = SMP_GROUP_OS,
	.cmds = os_cmds,
	.ncmds = sizeof(os_cmds) / sizeof(os_cmds[0]),
	.v1_rc = os_v1_rc,
};
