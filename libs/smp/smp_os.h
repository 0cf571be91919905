/* libs/smp/smp_os.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * SMP group 0 (OS): echo (0), echo control (1), reset (5), MCUmgr
 * parameters (6), OS information (7) and bootloader information (8).
 * Reset answers first and then calls the server's after_reply hook (no
 * hook: not supported).
 */
#ifndef SLIPWAY_LIBS_SMP_SMP_OS_H
#define SLIPWAY_LIBS_SMP_SMP_OS_H

#include "libs/smp/smp_server.h"

/* OS group codes (Zephyr's os_mgmt). */
enum smp_os_err {
	SMP_OS_UNKNOWN = 1, SMP_OS_INVALID_FORMAT = 2,
	SMP_OS_QUERY_YIELDS_NO_ANSWER = 3,
};

/*
 * Zephyr's bootloader info "mode" numbers (MCUboot's upgrade modes); a
 * strategy's own is in its row of libs/bootstate/strategy.c.
 */
enum smp_boot_mode {
	SMP_BOOT_MODE_UNKNOWN = -1, SMP_BOOT_MODE_SINGLE = 0,
	SMP_BOOT_MODE_SWAP_SCRATCH = 1, SMP_BOOT_MODE_OVERWRITE = 2,
	SMP_BOOT_MODE_SWAP_MOVE = 3, SMP_BOOT_MODE_SWAP_OFFSET = 9,
};

/* Whether this build's bootloader refuses downgrades. */
#if defined(CONFIG_BOOT_DOWNGRADE_PREVENTION)
#define SMP_BOOT_NO_DOWNGRADE_BUILT 1
#else
#define SMP_BOOT_NO_DOWNGRADE_BUILT 0
#endif

/* OS information's fields, in the order Zephyr writes them: the letters
 * of the "format" request key. */
#define SMP_OS_INFO_LETTERS "snrvbmpio"

struct smp_os_ctx {
	uint32_t buf_size;  /* the largest packet received, header included */
	uint32_t buf_count; /* packets the device can hold at once */
	/* OS information: one text per letter of SMP_OS_INFO_LETTERS
	 * (kernel name, node, release, version, build date, machine,
	 * processor, hardware platform, operating system); NULL: "". */
	const char *info[sizeof(SMP_OS_INFO_LETTERS) - 1];
	/* Bootloader information: its name ({} query), its version
	 * ("version" query) and how it installs updates ("mode" query). */
	const char *bootloader, *bootloader_version;
	int mode;
	int no_downgrade; /* "no-downgrade": true beside the mode */
};

/* OS information for this build, `os` naming what answers: no build date,
 * so builds stay reproducible. */
#define SMP_OS_INFO_BUILT(os)                                              \
	{ "Slipway", CONFIG_BOARD, SLIPWAY_VERSION, SLIPWAY_VERSION, NULL,  \
	  CONFIG_ARCH, CONFIG_ARCH, CONFIG_BOARD, os }

extern const struct smp_group smp_os_group;

#endif
