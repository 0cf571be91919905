#include "libs/smp/smp_os.h"

enum { CMD_ECHO = 0, CMD_ECHO_CTL = 1, CMD_RESET = 5, CMD_PARAMS = 6 };

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

static const struct smp_cmd os_cmds[] = {
	{ CMD_ECHO, echo, echo },
	{ CMD_ECHO_CTL, echo_ctl, echo_ctl },
	{ CMD_RESET, NULL, reset },
	{ CMD_PARAMS, params, NULL },
};

/* The OS group has no codes of its own here that v1 needs mapped. */
static int os_v1_rc(unsigned int rc)
{
	(void)rc;
	return SMP_EUNKNOWN;
}

const struct smp_group smp_os_group = {
	.id = SMP_GROUP_OS,
	.cmds = os_cmds,
	.ncmds = sizeof(os_cmds) / sizeof(os_cmds[0]),
	.v1_rc = os_v1_rc,
};
