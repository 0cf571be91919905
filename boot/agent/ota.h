/* boot/agent/ota.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The update agent: the OTA API an OS links to update itself. It works on
 * the bootloader's own objects (drivers/mtd, libs/flashmap, libs/image,
 * libs/bootstate), so what it stages, checks and requests is exactly what
 * the bootloader will read.
 *
 * The flow: ota_stage_begin() opens image N's secondary slot,
 * ota_stage_write() streams the update in (any chunk sizes),
 * ota_stage_finish() validates it completely (hash, signature, trusted key,
 * the size, version, security-counter and dependency rules the bootloader
 * applies), ota_mark_pending() asks the bootloader to install it at the
 * next boot (test or permanent), and after that boot ota_confirm() keeps
 * it. ota_read_state() reports where things stand.
 *
 * Every call returns 0 or a negative errno; ota_strerror() names it. The
 * errnos with a meaning of their own here:
 *   -ENODEV   no such image
 *   -EBUSY    image N is on trial (installed by a test upgrade and not yet
 *             confirmed): its secondary slot holds the image a revert
 *             needs, so nothing is staged over it until it is confirmed
 *             or reverted; or a stage of it is already open
 *   -EFBIG    the update does not fit what the bootloader can install
 *   -ENODATA  nothing, or less than the image's own size, was staged
 *   -EBADMSG  not a valid image: its header, TLVs, hash or signature
 *   -EACCES   validly signed, but by a key this device does not trust
 *   -ERANGE   its version is below the running one's (downgrade prevention)
 *   -EPERM    its security counter is below the device's
 *   -ENOENT   it depends on an image version this device does not run
 *   -EALREADY confirm: the running image needs no confirming
 *   -EINVAL   a call out of order, or an argument out of range
 *   -EIO      the flash failed
 * A stage's refusal also leaves the image library's own reason in
 * stage->reason (an image_error, or 0), for a precise message.
 *
 * Power may fail inside any call. What each leaves on flash is said at
 * each function; none ever touches a primary slot except ota_confirm(),
 * and none leaves a secondary slot the bootloader would install except a
 * completed ota_mark_pending().
 */
#ifndef SLIPWAY_BOOT_AGENT_OTA_H
#define SLIPWAY_BOOT_AGENT_OTA_H

#include "libs/bootstate/slot_limits.h"
#include "libs/bootstate/update_plan.h"
#include "libs/bootstate/update_rules.h"
#include "libs/flashmap/flash_stream.h"
#include "libs/image/image_validate.h"

#define OTA_MAX_IMAGES 3

/* What the agent works on: the same flash map, policy and rules as the
 * bootloader (ota_config_kconfig() fills it from this configuration). */
struct ota_config {
	const struct flash_map *map;
	unsigned int nimages;
	const struct image_policy *policy;
	struct boot_rules rules;
	enum boot_upgrade_kind upgrade;
	/* The trailer geometry the bootloader uses for a slot. */
	struct boot_trailer_geo (*trailer_geo)(const struct mtd_dev *slot);
	/* The OS's lock around every call, or NULL (single-threaded). */
	void (*lock)(void *arg);
	void (*unlock)(void *arg);
	void *lock_arg;
};

struct ota_image_slots {
	struct flash_area primary, secondary;
	struct boot_trailer_geo geo_primary, geo_secondary;
	/* The secondary from where the strategy stages an update on. */
	struct boot_stage_area stage;
};

struct ota {
	struct ota_config cfg;
	struct ota_image_slots img[OTA_MAX_IMAGES];
	struct flash_area scratch;
	int has_scratch;
	unsigned int open_stages; /* bit per image */
	struct boot_plan_image plan[OTA_MAX_IMAGES]; /* the last ota_plan's */
};

/*
 * Open the areas of every image. -ENODEV when an image lacks a slot,
 * -EINVAL for a configuration the bootloader would refuse.
 */
int ota_init(struct ota *ota, const struct ota_config *cfg);

/* This configuration's map (on board_boot_flash()), policy and rules. */
int ota_config_kconfig(struct ota_config *cfg);

struct ota_stage {
	struct ota *ota;
	unsigned int image;
	struct flash_stream out; /* into the secondary slot; .written counts */
	uint32_t limit;       /* the most the bootloader can install */
	int finished;         /* ota_stage_finish() accepted it */
	int reason;           /* the image library's reason for a refusal */
	struct image_facts facts; /* the staged image's, once finished */
};

/*
 * Open image `image`'s secondary slot for a new update: its trailer
 * sectors are erased first, so whatever was requested there before is
 * withdrawn. -ENODEV, -EBUSY (on trial, or already open), -EIO.
 * Power cut: the old request is gone or still whole; nothing is pending
 * that was not before.
 */
int ota_stage_begin(struct ota *ota, unsigned int image, struct ota_stage *st);

/*
 * Append `len` bytes. Each sector is erased just before the write cursor
 * enters it; bytes short of a whole program unit wait for the next call or
 * for finish. -EFBIG (nothing of this chunk is written) when the update
 * would pass what the bootloader can install; -EINVAL after finish or
 * abort; -EIO. Power cut: a partial image and an erased trailer: ignored
 * by the bootloader.
 */
int ota_stage_write(struct ota_stage *st, const void *data, size_t len);

/*
 * Flush the last bytes and validate what was staged as the bootloader
 * will: -ENODATA, -EBADMSG, -EACCES, -EFBIG, -ERANGE, -EPERM, -ENOENT, or
 * 0. A refused stage stays open for ota_stage_abort(). Power cut: as for
 * write.
 */
int ota_stage_finish(struct ota_stage *st);

/*
 * Close a stage without an update: the slot's first sector and trailer
 * sectors are erased. Power cut: the slot holds no request, as before.
 */
int ota_stage_abort(struct ota_stage *st);

/* Close a finished stage (nothing is written). */
void ota_stage_end(struct ota_stage *st);

/*
 * Ask the bootloader to install image `image`'s staged update at the next
 * boot, as a test (reverted unless confirmed) or permanent upgrade. The
 * secondary slot is validated again first, with every rule, so nothing
 * unvalidated is ever marked (the same errors as finish). Writes the
 * trailer as upstream's boot_set_pending does: magic, image_ok when
 * permanent, then swap_info. Power cut: no request, or the whole one; a
 * permanent request cut after its magic is a test request (image_ok not
 * written) or none (image_ok torn: upstream's table then asks for nothing).
 */
int ota_mark_pending(struct ota *ota, unsigned int image, int permanent);

/*
 * Confirm the running image `image` (upstream's boot_set_confirmed): its
 * primary trailer's image_ok is written, so the bootloader keeps it.
 * -EALREADY when it needs no confirming (confirmed already, or installed
 * without a test), -EBADMSG when its trailer is not one the bootloader
 * wrote. Power cut: confirmed or not; a torn write counts as confirmed.
 */
int ota_confirm(struct ota *ota, unsigned int image);

enum ota_slot_content {
	OTA_SLOT_EMPTY,   /* erased where an image header would be */
	OTA_SLOT_VALID,   /* an image that validates (hash, key, signature) */
	OTA_SLOT_INVALID, /* something that does not */
};

struct ota_slot_state {
	enum ota_slot_content content;
	int reason;                   /* image_error when INVALID */
	struct image_version version; /* when VALID: */
	uint8_t hash[CRYPTO_HASH_MAX_SIZE]; /* its hash TLV (what mcumgr shows) */
	uint8_t hash_len;
	int bootable;                 /* not marked non-bootable */
};

struct ota_image_state {
	struct image_version running; /* the primary's version */
	int confirmed;                /* the running image will stay */
	enum boot_swap_type pending;  /* what the next boot will do */
	enum boot_plan_reason pending_why; /* ... and why (update_plan.h) */
	struct ota_slot_state primary, secondary;
};

struct ota_state {
	unsigned int nimages;
	struct ota_image_state img[OTA_MAX_IMAGES];
};

/*
 * What the next boot will do with each image: the bootloader's own update
 * planner (libs/bootstate/update_plan.h) run on this flash, so the
 * prediction is the bootloader's decision. With `ask`, as if that image's
 * update had been marked pending. 0 or -EIO. Reads only.
 */
int ota_plan(struct ota *ota, const struct boot_plan_ask *ask,
	     struct boot_plan_image out[OTA_MAX_IMAGES]);

/* Read every image's state (validates both slots). Reads only. */
int ota_read_state(struct ota *ota, struct ota_state *out);

/* A name for an errno returned here ("signed by an untrusted key", ...). */
const char *ota_strerror(int err);

#endif
