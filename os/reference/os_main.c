/* os/reference/os_main.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The reference OS image: the program the bootloader boots in this tree, a
 * stand-in for a product's own OS. Its banner names the version in its own
 * image header (so a boot log shows which image runs, even when one
 * program is signed as several versions). It links the
 * update agent (boot/agent) and offers a small shell on its console:
 *   status                       every image's slots and what happens next
 *   stage FILE [--image N]       stage an update read from a host file
 *   pending [--permanent] [--image N]   install it at the next boot
 *   confirm [--image N]          keep the running image
 *   reboot                       reset into the bootloader
 *   version                      this image's version
 * End of input ends the OS (the sim process exits). With CONFIG_OS_SMP it
 * also serves SMP (mcumgr) requests on the board's SMP serial line, the
 * image group through the same agent (boot/agent/ota_smp.c). When that
 * line is the console's, SMP's marker lines go to SMP and the rest to the
 * shell, as Zephyr's shell does with mcumgr over its UART.
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "boot/agent/ota.h"
#include "boot/agent/ota_smp.h"
#include "drivers/serial/serial.h"
#include "libs/bootstate/strategy.h"
#include "libs/bootstate/update_rules.h"
#include "libs/image/image_error.h"
#include "libs/image/image_header.h"
#include "libs/smp/smp_os.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 4096 /* any size works; this one reads the file in pages */
/* The shell waits for input in slices the watchdog outlasts, if one runs. */
#if defined(CONFIG_BOOT_WDT)
#define OS_IDLE_WAIT_MS (CONFIG_BOOT_WDT_TIMEOUT_MS / 4)
#else
#define OS_IDLE_WAIT_MS (-1)
#endif

static struct ota ota;

static struct image_version running;

/* The banner's version: the one this image was signed with, from its
 * header (the build's CONFIG_OS_IMAGE_VERSION until it is readable). */
static void version_text(char *buf, size_t len)
{
	snprintf(buf, len, "%u.%u.%u", running.major, running.minor,
		 running.revision);
	if (running.build)
		snprintf(buf + strlen(buf), len - strlen(buf), "+%u",
			 (unsigned)running.build);
}

static void report_slot(void)
{
	struct image_facts f;
	struct flash_area *primary = &ota.img[0].primary;
	char v[48];

	if (image_inspect(&primary->win.mtd, &f) != IMAGE_OK) {
		printf("Slipway OS %s\nos: cannot read the primary slot\n",
		       CONFIG_OS_IMAGE_VERSION);
		return;
	}
	running = f.hdr.version;
	version_text(v, sizeof(v));
	printf("Slipway OS %s\n", v);
	printf("os: running from %s at 0x%x, header version %u.%u.%u+%u\n",
	       primary->desc->name, (unsigned)primary->desc->offset,
	       f.hdr.version.major, f.hdr.version.minor, f.hdr.version.revision,
	       (unsigned)f.hdr.version.build);
}

static const char *slot_text(const struct ota_slot_state *s, char *buf, size_t len)
{
	char v[48];

	switch (s->content) {
	case OTA_SLOT_EMPTY:
		return "empty";
	case OTA_SLOT_VALID:
		boot_version_text(&s->version, v, sizeof(v));
		snprintf(buf, len, "valid %s", v);
		return buf;
	default:
		snprintf(buf, len, "invalid (%s)", image_strerror(s->reason));
		return buf;
	}
}

static void cmd_status(void)
{
	struct ota_state st;
	char v[48], p[96], s[96];
	int rc = ota_read_state(&ota, &st);

	if (rc != 0) {
		printf("status: %s\n", ota_strerror(rc));
		return;
	}
	for (unsigned int i = 0; i < st.nimages; i++) {
		const struct ota_image_state *is = &st.img[i];

		boot_version_text(&is->running, v, sizeof(v));
		printf("image %u: running %s, %s; primary %s; secondary %s; "
		       "next boot: %s\n", i, v,
		       is->confirmed ? "confirmed" : "on trial",
		       slot_text(&is->primary, p, sizeof(p)),
		       slot_text(&is->secondary, s, sizeof(s)),
		       is->pending == BOOT_SWAP_TEST ? "test upgrade" :
		       is->pending == BOOT_SWAP_PERM ? "permanent upgrade" :
		       is->pending == BOOT_SWAP_REVERT ? "revert" : "nothing");
	}
}

/* "--image N" among the words, else image 0; -1 when N is not a number. */
static int image_arg(char **words, int n)
{
	for (int i = 0; i + 1 < n; i++) {
		if (strcmp(words[i], "--image") == 0) {
			char *end;
			long v = strtol(words[i + 1], &end, 0);

			return *end || v < 0 || v > 255 ? -1 : (int)v;
		}
	}
	return 0;
}

static int has_flag(char **words, int n, const char *flag)
{
	for (int i = 0; i < n; i++)
		if (strcmp(words[i], flag) == 0)
			return 1;
	return 0;
}

#if defined(CONFIG_OS_SHELL_HOST_FILES)
static void cmd_stage(const char *path, int image)
{
	static uint8_t buf[CHUNK];
	struct ota_stage st;
	FILE *f = fopen(path, "rb");
	size_t n;
	int rc;

	if (f == NULL) {
		printf("stage: cannot open %s\n", path);
		return;
	}
	rc = ota_stage_begin(&ota, (unsigned int)image, &st);
	while (rc == 0 && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		rc = ota_stage_write(&st, buf, n);
	fclose(f);
	if (rc == 0)
		rc = ota_stage_finish(&st);
	if (rc == 0) {
		char v[48];

		boot_version_text(&st.facts.hdr.version, v, sizeof(v));
		printf("stage: image %d: %u bytes staged, version %s, valid\n",
		       image, (unsigned)st.out.written, v);
		ota_stage_end(&st);
		return;
	}
	if (st.reason != 0)
		printf("stage: image %d: refused: %s (%s)\n", image,
		       ota_strerror(rc), image_strerror(st.reason));
	else
		printf("stage: image %d: refused: %s\n", image, ota_strerror(rc));
	if (rc != -ENODEV && rc != -EBUSY)
		ota_stage_abort(&st);
}
#endif

static void cmd_pending(int image, int permanent)
{
	int rc = ota_mark_pending(&ota, (unsigned int)image, permanent);

	if (rc == 0)
		printf("pending: image %d will be installed at the next boot (%s)\n",
		       image, permanent ? "permanent" : "test");
	else
		printf("pending: image %d: refused: %s\n", image, ota_strerror(rc));
}

static void cmd_confirm(int image)
{
	int rc = ota_confirm(&ota, (unsigned int)image);

	if (rc == 0)
		printf("confirm: image %d confirmed\n", image);
	else
		printf("confirm: image %d: %s\n", image, ota_strerror(rc));
}

static void confirm_all(void)
{
	for (unsigned int i = 0; i < ota.cfg.nimages; i++)
		if (ota_confirm(&ota, i) == 0)
			printf("os: image %u confirmed after a good start\n", i);
}

#if defined(CONFIG_BOOT_WDT)
/*
 * Stop feeding the watchdog the bootloader started and spin, as a hung
 * image would: the watchdog must reset the device (tests/arch/qemu).
 */
static void cmd_hang(void)
{
	printf("os: hanging; the watchdog resets in %u ms\n",
	       (unsigned)CONFIG_BOOT_WDT_TIMEOUT_MS);
	fflush(stdout);
	for (;;)
		;
}
#endif

/* One command line. 0 to go on, 1 when the shell should end. */
static int run_command(char *line)
{
	char *words[8];
	int n = 0, image;

	for (char *w = strtok(line, " \t\r\n"); w && n < 8; w = strtok(NULL, " \t\r\n"))
		words[n++] = w;
	if (n == 0)
		return 0;
	image = image_arg(words, n);
	if (image < 0) {
		printf("%s: --image takes a number\n", words[0]);
		return 0;
	}
	if (strcmp(words[0], "status") == 0) {
		cmd_status();
#if defined(CONFIG_OS_SHELL_HOST_FILES)
	} else if (strcmp(words[0], "stage") == 0 && n >= 2 && words[1][0] != '-') {
		cmd_stage(words[1], image);
#endif
	} else if (strcmp(words[0], "pending") == 0) {
		cmd_pending(image, has_flag(words, n, "--permanent"));
	} else if (strcmp(words[0], "confirm") == 0) {
		cmd_confirm(image);
	} else if (strcmp(words[0], "version") == 0) {
		char v[48];

		version_text(v, sizeof(v));
		printf("version %s\n", v);
	} else if (strcmp(words[0], "reboot") == 0) {
		printf("os: rebooting\n");
		fflush(stdout);
		arch_reset();
		printf("reboot: failed\n");
	} else if (strcmp(words[0], "exit") == 0) {
		return 1;
#if defined(CONFIG_BOOT_WDT)
	} else if (strcmp(words[0], "hang") == 0) {
		cmd_hang();
#endif
	} else {
		printf("commands: status, %spending [--permanent] [--image N], "
		       "confirm [--image N], reboot, version, exit%s\n",
#if defined(CONFIG_OS_SHELL_HOST_FILES)
		       "stage FILE [--image N], ",
#else
		       "",
#endif
#if defined(CONFIG_BOOT_WDT)
		       ", hang"
#else
		       ""
#endif
		       );
	}
	return 0;
}

#if defined(CONFIG_OS_SMP)
static struct ota_smp ota_smp;
static struct smp_img_ctx smp_img;
static struct smp_os_ctx smp_os = {
	CONFIG_SMP_PACKET_SIZE, 1,
	SMP_OS_INFO_BUILT("Slipway reference OS"),
	"Slipway", SLIPWAY_VERSION, SMP_BOOT_MODE_UNKNOWN, /* set at start */
	SMP_BOOT_NO_DOWNGRADE_BUILT,
};
static const struct smp_group_entry smp_groups[] = {
	{ &smp_os_group, &smp_os }, { &smp_img_group, &smp_img },
};
static uint8_t smp_rx_buf[CONFIG_SMP_PACKET_SIZE + 4];
static uint8_t smp_rsp_buf[CONFIG_SMP_PACKET_SIZE];
static struct smp_serial_server smp;

static int smp_line_write(void *arg, const uint8_t *data, size_t len)
{
	return serial_write(arg, data, len);
}

static void smp_reset(void *arg)
{
	(void)arg;
	printf("os: rebooting (SMP reset)\n");
	fflush(stdout);
	arch_reset();
	printf("os: reset failed\n");
}

/* The SMP server on the board's SMP line, or NULL. */
static struct serial_dev *smp_start(void)
{
	struct serial_dev *line = board_smp_serial();

	if (line == NULL)
		return NULL;
	ota_smp_init(&ota_smp, &ota);
	smp_img.ops = &ota_smp.ops;
	smp_img.be = &ota_smp;
	smp_os.mode = boot_strategy_kconfig()->mcumgr_mode;
	smp_serial_server_init(&smp, smp_groups, 2, smp_rx_buf, smp_rsp_buf,
			       sizeof(smp_rsp_buf), smp_line_write, line);
	smp.server.after_reply = smp_reset;
	return line;
}

static void smp_poll(struct serial_dev *line, int timeout_ms)
{
	uint8_t buf[256];
	int n = serial_read(line, buf, sizeof(buf), timeout_ms);

	if (n > 0)
		smp_serial_server_input(&smp, buf, (size_t)n);
}

static void smp_feed(uint8_t c)
{
	smp_serial_server_input(&smp, &c, 1);
}
#else
static struct serial_dev *smp_start(void)
{
	return NULL;
}

static void smp_poll(struct serial_dev *line, int timeout_ms)
{
	(void)line;
	(void)timeout_ms;
}

static void smp_feed(uint8_t c)
{
	(void)c;
}
#endif

/* The shell's input line as it arrives. */
struct console_in {
	char line[512];
	size_t len;
	int in_smp; /* inside an SMP marker line, on a shared line */
};

/* SMP's marker lines start with one of these (libs/smp/smp_serial.h). */
static int smp_marker(uint8_t c)
{
	return c == 0x06 || c == 0x04;
}

/*
 * The next console line into `in->line`: 1 when complete, 0 when none is
 * yet, -1 at the end of input. CR ends a line as LF does (terminals send
 * CR). With `shared`, every byte also goes to SMP, and SMP's marker lines
 * are not the shell's. Read a byte at a time: a reboot replaces this
 * program, and input read ahead would be lost with it.
 */
static int console_line(struct serial_dev *con, struct console_in *in,
			int timeout_ms, int shared)
{
	uint8_t c;
	int n;

	while ((n = serial_read(con, &c, 1, timeout_ms)) == 1) {
		timeout_ms = 0;
		if (shared) {
			smp_feed(c);
			if (in->len == 0 && smp_marker(c))
				in->in_smp = 1;
			if (in->in_smp) {
				in->in_smp = c != '\n';
				continue;
			}
		}
		if (c == '\r')
			c = '\n';
		if (in->len + 1 < sizeof(in->line))
			in->line[in->len++] = (char)c;
		if (c == '\n') {
			in->line[in->len] = '\0';
			in->len = 0;
			return 1;
		}
	}
	return n < 0 ? -1 : 0;
}

int slipway_main(void)
{
	static struct console_in in;
	int rc, shared;
	struct ota_config cfg;
	struct serial_dev *con = board_console(), *smp_line;

	rc = ota_config_kconfig(&cfg);
	if (rc == 0)
		rc = ota_init(&ota, &cfg);
	if (rc != 0) {
		printf("Slipway OS %s\nos: update agent: %s\n",
		       CONFIG_OS_IMAGE_VERSION, ota_strerror(rc));
		return 1;
	}
	image_version_parse(CONFIG_OS_IMAGE_VERSION, &running);
	report_slot();
#if defined(CONFIG_OS_CONFIRM_AFTER_BOOT)
	confirm_all();
#else
	(void)confirm_all;
#endif
	smp_line = smp_start();
	if (con == NULL && smp_line == NULL)
		return 0;
	shared = con != NULL && con == smp_line;
	printf("os: shell ready (%s)\n", shared ? "SMP on the console line" :
	       smp_line != NULL ? "SMP on its own line" : "no SMP");
	for (;;) {
		fflush(stdout);
		arch_wdt_feed();
		if (smp_line != NULL && !shared)
			smp_poll(smp_line, 10);
		if (con == NULL)
			continue;
		rc = console_line(con, &in, smp_line != NULL && !shared ? 0 :
				  OS_IDLE_WAIT_MS, shared);
		if (rc < 0)
			return 0;
		if (rc == 0 || in.line[strspn(in.line, " \t\n")] == '\0')
			continue;
		printf("> %s", in.line);
		if (run_command(in.line))
			return 0;
	}
}
