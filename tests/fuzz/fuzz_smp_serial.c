/* tests/fuzz/fuzz_smp_serial.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Fuzz SMP over serial as a device receives it: arbitrary bytes into the
 * serial server (framing, reassembly, header checks, CBOR decoding, the OS
 * and image groups' request handling, the upload rules). The image
 * backend is a RAM slot that traps any write outside the declared upload.
 * Every reply must itself be a well-formed frame of a packet that fits
 * the device's packet size.
 */
#include "libs/smp/smp_img.h"
#include "libs/smp/smp_os.h"

#include <stdlib.h>
#include <string.h>

#define PACKET 512
#define SLOT 4096

static uint8_t slot[SLOT];
static uint32_t up_len, up_at;
static int up_open;

static int be_list(void *be, struct smp_img_slot *out, unsigned int max)
{
	(void)be;
	if (max < 1)
		return 0;
	memset(out, 0, sizeof(*out));
	out->slot = 1;
	out->version.major = slot[20];
	out->hash_len = 32;
	memcpy(out->hash, slot, 32);
	out->flags = slot[1] & 0x1f;
	return 1;
}

static int be_set_state(void *be, const uint8_t *hash, size_t len, int confirm,
			const char **rsn)
{
	(void)be;
	(void)confirm;
	*rsn = "fuzz";
	return hash && len == 32 && !memcmp(hash, slot, 32) ? 0 :
	       SMP_GROUP_ERR(SMP_IMG_HASH_NOT_FOUND);
}

static int be_begin(void *be, unsigned int image, uint32_t len, const char **rsn)
{
	(void)be;
	(void)rsn;
	if (image != 0)
		abort(); /* the group checks the image number */
	if (len > SLOT)
		return SMP_GROUP_ERR(SMP_IMG_INVALID_IMAGE_TOO_LARGE);
	up_len = len;
	up_at = 0;
	up_open = 1;
	return 0;
}

static int be_write(void *be, const uint8_t *data, size_t len, const char **rsn)
{
	(void)be;
	(void)rsn;
	if (!up_open || len > up_len - up_at)
		abort(); /* past what the upload declared */
	memcpy(slot + up_at, data, len);
	up_at += (uint32_t)len;
	return 0;
}

static int be_finish(void *be, const char **rsn)
{
	(void)be;
	(void)rsn;
	if (!up_open || up_at != up_len)
		abort(); /* finished before every byte came */
	up_open = 0;
	return slot[4] & 1 ? SMP_GROUP_ERR(SMP_IMG_INVALID_TLV) : 0;
}

static void be_abort(void *be)
{
	(void)be;
	up_open = 0;
}

static int be_erase(void *be, unsigned int n, const char **rsn)
{
	(void)be;
	(void)rsn;
	if (n >= 2)
		abort(); /* the group checks the slot number */
	memset(slot, 0xff, sizeof(slot));
	return 0;
}

static int be_running(void *be, unsigned int image, struct image_version *out)
{
	(void)be;
	(void)image;
	*out = (struct image_version){ 1, 0, 0, 0 };
	return 0;
}

static const struct smp_img_ops ops = {
	.nimages = 1, .list = be_list, .set_state = be_set_state,
	.upload_begin = be_begin, .upload_write = be_write,
	.upload_finish = be_finish, .upload_abort = be_abort, .erase = be_erase,
	.running_version = be_running,
};

/* Each reply line must decode, and complete a packet on its own frame. */
static struct smp_rx check;
static uint8_t check_buf[PACKET + 4];
static int replies_seen;

static int line_out(void *arg, const uint8_t *line, size_t n)
{
	(void)arg;
	if (n > SMP_LINE_CHARS + 3 || line[n - 1] != '\n')
		abort();
	for (size_t i = 0; i < n; i++) {
		enum smp_rx_event ev = smp_rx_byte(&check, line[i]);

		if (ev == SMP_RX_DROPPED || ev == SMP_RX_TOO_LONG)
			abort();
		if (ev == SMP_RX_PACKET) {
			size_t len;
			const uint8_t *p = smp_rx_packet(&check, &len);

			if (len < SMP_HDR_SIZE || !(p[0] & 1) ||
			    (size_t)(p[2] << 8 | p[3]) != len - SMP_HDR_SIZE)
				abort();
			replies_seen++;
		}
	}
	return 0;
}

static void reset(void *arg)
{
	(void)arg;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct smp_serial_server ss;
	static struct smp_img_ctx img;
	static struct smp_os_ctx os = { .buf_size = PACKET, .buf_count = 1 };
	static const struct smp_group_entry groups[] = {
		{ &smp_os_group, &os }, { &smp_img_group, &img },
	};
	static uint8_t rx[PACKET + 4], rsp[PACKET];

	memset(slot, 0xff, sizeof(slot));
	up_open = 0;
	img = (struct smp_img_ctx){ .ops = &ops };
	smp_serial_server_init(&ss, groups, 2, rx, rsp, PACKET, line_out, NULL);
	ss.server.after_reply = reset;
	smp_rx_init(&check, check_buf, sizeof(check_buf));
	smp_serial_server_input(&ss, data, size);
	return 0;
}
