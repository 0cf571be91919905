/* os/reference/os_espidf.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The reference OS image in the ESP-IDF boot scheme: the same stand-in
 * for a product's OS as os_main.c, calling ESP-IDF's OTA API
 * (boot/agent/ota_espidf.h) instead of the MCUboot-slot agent. Its banner
 * names the version in its own app descriptor. Shell on the console:
 *   status              running, boot and next-update partitions, states
 *   stage FILE [ota_N]  esp_ota_begin/write/end from a host file (sim)
 *   setboot ota_N|factory   esp_ota_set_boot_partition
 *   confirm             esp_ota_mark_app_valid_cancel_rollback
 *   reject              esp_ota_mark_app_invalid_rollback_and_reboot
 *   sleep               deep sleep and wake (sim)
 *   reboot, version, exit
 * With CONFIG_OS_SMP it serves SMP (mcumgr) on the board's SMP line when
 * that line is not the console's: the image group through
 * boot/agent/ota_espidf_smp.c (slots are the app partitions).
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "boot/agent/ota_espidf.h"
#include "boot/agent/ota_espidf_smp.h"
#include "drivers/serial/serial.h"
#include "libs/otadata/ota_parts_kconfig.h"
#include "libs/smp/smp_os.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 4096

static struct ota_espidf ota;
static int factory_reset_happened;
static char last_handoff[24]; /* what retained RAM keeps across deep sleep */
static char version[33] = CONFIG_OS_IMAGE_VERSION;

/* What the loader handed over (OTA_ESPIDF_HANDOFF_ENV): the running
 * partition; the factory-reset flag is cleared once read, as ESP-IDF's
 * bootloader_common_get_rtc_retain_mem_factory_reset_state does. */
static uint32_t read_handoff(void)
{
#if defined(CONFIG_BOOT_ESPIDF_RAM_APPS)
	/* No environment across the jump: the board's record in RAM. */
	uint32_t part = board_espidf_handoff();

	snprintf(last_handoff, sizeof(last_handoff), "%lx,0", (unsigned long)part);
	return part;
#else
	const char *v = getenv(OTA_ESPIDF_HANDOFF_ENV);
	char *end;
	unsigned long off;

	if (v == NULL)
		return 0xffffffffu;
	off = strtoul(v, &end, 16);
	factory_reset_happened = *end == ',' && end[1] == '1';
	snprintf(last_handoff, sizeof(last_handoff), "%lx,0", off);
	setenv(OTA_ESPIDF_HANDOFF_ENV, "", 1);
	return (uint32_t)off;
#endif
}

static const char *state_name(const struct esp_part *p)
{
	uint32_t st;

	if (ota_espidf_state(&ota, p, &st) != 0)
		return "-";
	return otadata_state_name(st);
}

static const char *label(const struct esp_part *p)
{
	return p ? p->label : "none";
}

static void cmd_status(void)
{
	printf("running %s, boot %s, next update %s, last invalid %s\n",
	       label(ota_espidf_running(&ota)),
	       label(ota_espidf_boot_partition(&ota)),
	       label(ota_espidf_next_update(&ota, NULL)),
	       label(ota_espidf_last_invalid(&ota)));
	for (int k = 0; k < OTADATA_MAX_OTA; k++)
		if (ota.parts.ota[k] != NULL)
			printf("  %s: %s\n", ota.parts.ota[k]->label,
			       state_name(ota.parts.ota[k]));
	if (factory_reset_happened)
		printf("  a factory reset happened at this boot\n");
}

static const struct esp_part *part_arg(const char *name)
{
	for (unsigned int i = 0; i < ota.parts.table.count; i++)
		if (strcmp(ota.parts.table.parts[i].label, name) == 0)
			return &ota.parts.table.parts[i];
	return NULL;
}

static const char *why(int rc)
{
	switch (rc) {
	case -EBUSY: return "busy (it runs, or the running app is unconfirmed)";
	case -EFBIG: return "larger than the partition";
	case -EBADMSG: return "not a valid app image";
	case -ENOENT: return "no otadata entry (factory runs)";
	case -ECANCELED: return "nothing valid to roll back to";
	case -EINVAL: return "not an OTA app partition";
	default: return strerror(-rc);
	}
}

#if defined(CONFIG_OS_SHELL_HOST_FILES)
static void cmd_stage(const char *path, const char *target)
{
	const struct esp_part *p = target ? part_arg(target)
					  : ota_espidf_next_update(&ota, NULL);
	static uint8_t buf[CHUNK];
	struct ota_espidf_handle h;
	FILE *f = fopen(path, "rb");
	long size;
	size_t n;
	int rc;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0) {
		printf("stage: %s: cannot read it\n", path);
		if (f)
			fclose(f);
		return;
	}
	rewind(f);
	rc = ota_espidf_begin(&ota, p, (uint32_t)size, &h);
	while (rc == 0 && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		rc = ota_espidf_write(&h, buf, n);
	fclose(f);
	if (rc == 0)
		rc = ota_espidf_end(&h);
	else
		ota_espidf_abort(&h);
	if (rc == 0)
		printf("stage: %s: %ld bytes, valid\n", p->label, size);
	else if (rc == -EBADMSG)
		printf("stage: %s: refused: %s: %s\n", label(p), why(rc),
		       ota_app_strerror(h.reason));
	else
		printf("stage: %s: refused: %s\n", label(p), why(rc));
}
#endif

static void cmd_setboot(const char *name)
{
	const struct esp_part *p = name ? part_arg(name) : NULL;
	int rc = ota_espidf_set_boot(&ota, p);

	if (rc == 0)
		printf("setboot: %s boots next%s\n", p->label,
		       OTA_ESPIDF_ROLLBACK && p != ota.parts.factory ?
		       " on trial" : "");
	else
		printf("setboot: %s: refused: %s\n", name ? name : "?", why(rc));
}

static void reboot(void)
{
	printf("os: rebooting\n");
	fflush(stdout);
	arch_reset();
	printf("reboot: failed\n");
}

static int run_command(char *line)
{
	char *w[4];
	int n = 0, rc;

	for (char *t = strtok(line, " \t\r\n"); t && n < 4; t = strtok(NULL, " \t\r\n"))
		w[n++] = t;
	if (n == 0)
		return 0;
	if (strcmp(w[0], "status") == 0) {
		cmd_status();
#if defined(CONFIG_OS_SHELL_HOST_FILES)
	} else if (strcmp(w[0], "stage") == 0 && n >= 2) {
		cmd_stage(w[1], n >= 3 ? w[2] : NULL);
#endif
	} else if (strcmp(w[0], "setboot") == 0 && n >= 2) {
		cmd_setboot(w[1]);
	} else if (strcmp(w[0], "confirm") == 0) {
		rc = ota_espidf_mark_valid(&ota);
		printf("confirm: %s\n", rc == 0 ? "running app marked valid" : why(rc));
	} else if (strcmp(w[0], "reject") == 0) {
		rc = ota_espidf_mark_invalid(&ota);
		if (rc == 0)
			reboot();
		else
			printf("reject: %s\n", why(rc));
	} else if (strcmp(w[0], "version") == 0) {
		printf("version %s\n", version);
	} else if (strcmp(w[0], "reboot") == 0) {
		reboot();
#if defined(CONFIG_ARCH_SIM)
	} else if (strcmp(w[0], "sleep") == 0) {
		/* Deep sleep's wake, as the sim stands in for it: the next
		 * start of the loader is a wake, the hand-over kept. */
		setenv(OTA_ESPIDF_WAKE_ENV, "deepsleep", 1);
		setenv(OTA_ESPIDF_HANDOFF_ENV, last_handoff, 1);
		printf("os: deep sleep\n");
		fflush(stdout);
		arch_reset();
#endif
	} else if (strcmp(w[0], "exit") == 0) {
		return 1;
	} else {
		printf("commands: status, %ssetboot ota_N|factory, confirm, "
		       "reject, sleep, reboot, version, exit\n",
#if defined(CONFIG_OS_SHELL_HOST_FILES)
		       "stage FILE [ota_N], "
#else
		       ""
#endif
		       );
	}
	return 0;
}

#if defined(CONFIG_OS_SMP)
static struct ota_espidf_smp ota_smp;
static struct smp_img_ctx smp_img;
static struct smp_os_ctx smp_os = {
	CONFIG_SMP_PACKET_SIZE, 1,
	SMP_OS_INFO_BUILT("Slipway reference OS"),
	"Slipway", SLIPWAY_VERSION, SMP_BOOT_MODE_UNKNOWN,
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
	reboot();
}

/* The SMP server on the board's SMP line when it is not the console's. */
static struct serial_dev *smp_start(struct serial_dev *con)
{
	struct serial_dev *line = board_smp_serial();

	if (line == NULL || line == con)
		return NULL;
	ota_espidf_smp_init(&ota_smp, &ota);
	smp_img.ops = &ota_smp.ops;
	smp_img.be = &ota_smp;
	smp_serial_server_init(&smp, smp_groups, 2, smp_rx_buf, smp_rsp_buf,
			       sizeof(smp_rsp_buf), smp_line_write, line);
	smp.server.after_reply = smp_reset;
	return line;
}

static void smp_poll(struct serial_dev *line)
{
	uint8_t buf[256];
	int n = serial_read(line, buf, sizeof(buf), 10);

	if (n > 0)
		smp_serial_server_input(&smp, buf, (size_t)n);
}
#else
static struct serial_dev *smp_start(struct serial_dev *con)
{
	(void)con;
	return NULL;
}

static void smp_poll(struct serial_dev *line)
{
	(void)line;
}
#endif

int slipway_main(void)
{
	struct ota_espidf_config cfg = {
		.flash = board_boot_flash(),
		.table_offset = CONFIG_BOOT_ESPIDF_TABLE_OFFSET,
		.app = ota_app_policy_kconfig(),
		.rollback = OTA_ESPIDF_ROLLBACK,
		.counter = ota_anti_rollback_counter_kconfig(),
		.running_offset = read_handoff(),
	};
	struct serial_dev *con = board_console(), *smp_line;
	uint8_t raw[ESP_APP_DESC_LEN];
	struct esp_app_desc desc;
	char line[512];
	size_t len = 0;
	int rc;

	rc = cfg.flash ? ota_espidf_init(&ota, &cfg) : -ENODEV;
	/* The version in its own app descriptor (image offset 0x20). */
	if (rc == 0 && mtd_read(cfg.flash, ota.running->offset + 0x20, raw,
				sizeof(raw)) == 0 &&
	    esp_app_desc_decode(raw, &desc) == 0)
		snprintf(version, sizeof(version), "%s", desc.version);
	printf("Slipway OS %s\n", version);
	if (rc != 0) {
		printf("os: OTA API: %s\n", why(rc));
		return 1;
	}
	printf("os: running from %s (ESP-IDF scheme)\n", ota.running->label);
	if (con == NULL)
		return 0;
	smp_line = smp_start(con);
	printf("os: shell ready (%s)\n", smp_line ? "SMP on its own line" : "no SMP");
	for (;;) {
		uint8_t c;

		fflush(stdout);
		arch_wdt_feed();
		if (smp_line != NULL)
			smp_poll(smp_line);
		rc = serial_read(con, &c, 1, smp_line != NULL ? 0 : -1);
		if (rc < 0)
			return 0;
		if (rc == 0)
			continue;
		if (c == '\r')
			c = '\n';
		if (len + 1 < sizeof(line))
			line[len++] = (char)c;
		if (c != '\n')
			continue;
		line[len] = '\0';
		len = 0;
		if (line[strspn(line, " \t\n")] == '\0')
			continue;
		printf("> %s", line);
		if (run_command(line))
			return 0;
	}
}
