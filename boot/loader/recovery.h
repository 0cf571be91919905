/* boot/loader/recovery.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Serial recovery (CONFIG_BOOT_SERIAL_RECOVERY): the bootloader serves SMP
 * requests on the board's SMP line instead of booting. An upload goes to
 * the slot the configuration names (recovery_image.c); a reset request
 * restarts the bootloader, which then boots what is there.
 */
#ifndef SLIPWAY_BOOT_LOADER_RECOVERY_H
#define SLIPWAY_BOOT_LOADER_RECOVERY_H

#include "boot/engine/engine.h"
#include "libs/flashmap/flash_stream.h"
#include "libs/smp/smp_img.h"

/* The image-group backend over the engine's slots. */
struct recovery_image {
	struct smp_img_ops ops;
	struct boot_engine *engine;
	struct flash_area *target; /* of the open upload, or NULL */
	struct flash_stream out;
	struct boot_stage_area stage; /* the secondary from the stage offset */
};

void recovery_image_init(struct recovery_image *r, struct boot_engine *e);

/* The slot uploads of image `image` go to. */
struct flash_area *recovery_target(struct boot_engine *e, unsigned int image);

/* 1 when the configured GPIO is held for the configured time. */
int recovery_requested(void);

/* Serve SMP until a reset request restarts the bootloader. Returns only
 * when there is no SMP line, or the reset failed. */
int recovery_run(struct boot_engine *e);

#endif
