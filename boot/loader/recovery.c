/* boot/loader/recovery.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * When serial recovery starts, and its loop: the SMP server with the OS
 * group (echo, reset, parameters) and the image group over
 * recovery_image.c, on the board's SMP line, until a reset request.
 */
#include "arch/arch.h"
#include "boards/board.h"
#include "boot/loader/recovery.h"
#include "drivers/serial/serial.h"
#include "libs/bootstate/strategy.h"
#include "libs/log/log.h"
#include "libs/smp/smp_os.h"

#include <stdio.h>

#define POLL_MS 10
/* Input is awaited in slices the watchdog outlasts, if one runs. */
#if defined(CONFIG_BOOT_WDT)
#define READ_WAIT_MS (CONFIG_BOOT_WDT_TIMEOUT_MS / 4)
#else
#define READ_WAIT_MS (-1)
#endif

int recovery_requested(void)
{
#if defined(CONFIG_BOOT_SERIAL_ENTRY_GPIO)
	for (unsigned int t = 0;; t += POLL_MS) {
		if (arch_gpio_read(CONFIG_BOOT_SERIAL_ENTRY_PIN) !=
		    CONFIG_BOOT_SERIAL_ENTRY_LEVEL)
			return 0;
		if (t >= CONFIG_BOOT_SERIAL_DETECT_DELAY)
			return 1;
		arch_delay_ms(POLL_MS);
	}
#else
	return 0;
#endif
}

static int line_write(void *arg, const uint8_t *data, size_t len)
{
	return serial_write(arg, data, len);
}

static void reset(void *arg)
{
	(void)arg;
	log_info("recovery: reset requested");
	fflush(stdout);
	arch_reset();
	log_error("recovery: reset failed");
}

int recovery_run(struct boot_engine *e)
{
	static struct recovery_image backend;
	static struct smp_img_ctx img;
	/* In recovery, uploads overwrite the primary in place: a single
	 * application loader, unless they go to the secondary slot for the
	 * configured strategy to install. */
	static struct smp_os_ctx os = {
		CONFIG_SMP_PACKET_SIZE, 1,
		SMP_OS_INFO_BUILT("Slipway serial recovery"),
		"Slipway", SLIPWAY_VERSION, SMP_BOOT_MODE_SINGLE,
		SMP_BOOT_NO_DOWNGRADE_BUILT,
	};
	static const struct smp_group_entry groups[] = {
		{ &smp_os_group, &os }, { &smp_img_group, &img },
	};
	static uint8_t rx[CONFIG_SMP_PACKET_SIZE + 4], rsp[CONFIG_SMP_PACKET_SIZE];
	static struct smp_serial_server smp;
	struct serial_dev *line = board_smp_serial();

	if (line == NULL)
		return -1;
#if defined(CONFIG_BOOT_SERIAL_UPLOAD_SECONDARY)
	os.mode = boot_strategy_kconfig()->mcumgr_mode;
#endif
	recovery_image_init(&backend, e);
	img.ops = &backend.ops;
	img.be = &backend;
	smp_serial_server_init(&smp, groups, 2, rx, rsp, sizeof(rsp), line_write,
			       line);
	smp.server.after_reply = reset;
	log_info("recovery: serving SMP on %s; uploads go to each image's %s "
		 "slot", line->name,
		 recovery_target(e, 0) == e->images[0].primary ? "primary" :
		 "secondary");
	for (;;) {
		uint8_t buf[256];
		int n;

		fflush(stdout);
		arch_wdt_feed();
		n = serial_read(line, buf, sizeof(buf), READ_WAIT_MS);
		if (n < 0) {
			log_error("recovery: the SMP line failed (%d)", n);
			return -1;
		}
		smp_serial_server_input(&smp, buf, (size_t)n);
	}
}
