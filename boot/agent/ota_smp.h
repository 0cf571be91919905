/* boot/agent/ota_smp.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The update agent as an SMP image-management backend: what an OS links to
 * be updated by mcumgr or `slipway smp` while it runs. Uploads are staged
 * into the secondary slot with ota_stage_*, validated on the last chunk;
 * "test" and "confirm" by hash mark the staged image pending (test or
 * permanent) with ota_mark_pending(), and "confirm" of the running image
 * (or without a hash) is ota_confirm(). Nothing here writes flash itself.
 */
#ifndef SLIPWAY_BOOT_AGENT_OTA_SMP_H
#define SLIPWAY_BOOT_AGENT_OTA_SMP_H

#include "boot/agent/ota.h"
#include "libs/smp/smp_img.h"

struct ota_smp {
	struct smp_img_ops ops; /* smp_img_ctx.ops points here */
	struct ota *ota;
	struct ota_stage stage;
	int stage_open;
};

void ota_smp_init(struct ota_smp *o, struct ota *ota);

/* The image group's reply code for an agent errno (0 for -EALREADY). */
int ota_smp_err(int err);

#endif
