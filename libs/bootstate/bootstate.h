/* libs/bootstate/bootstate.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Boot state: the MCUboot trailer at the end of each slot (format doc
 * section 4) and the swap-type decision made from two of them (section 5).
 *
 * Reading gives a struct; writing changes one field per call, and each call
 * is one program operation of whole write units, so a power cut leaves
 * either the old field or the new one (or, torn, a BAD value that reads as
 * neither SET nor a valid swap type). Requests follow upstream's order, so
 * trailers written here and by upstream's set-pending/confirm calls are
 * the same bytes.
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_BOOTSTATE_H
#define SLIPWAY_LIBS_BOOTSTATE_BOOTSTATE_H

#include "drivers/mtd/mtd.h"

#include <stdint.h>

enum boot_magic_state { BOOT_MAGIC_UNSET, BOOT_MAGIC_GOOD, BOOT_MAGIC_BAD };
enum boot_flag_state { BOOT_FLAG_UNSET, BOOT_FLAG_SET, BOOT_FLAG_BAD };

/* MCUboot's numbering, as stored in swap_info's low nibble. */
enum boot_swap_type {
	BOOT_SWAP_NONE = 1,
	BOOT_SWAP_TEST = 2,
	BOOT_SWAP_PERM = 3,
	BOOT_SWAP_REVERT = 4,
	BOOT_SWAP_FAIL = 5,
	BOOT_SWAP_PANIC = 0xff,
};

/* Where a slot's trailer lies: fixed by the slot and the bootloader build. */
struct boot_trailer_geo {
	uint32_t slot_size;
	uint32_t max_align;    /* BOOT_MAX_ALIGN: 8, 16 or 32 */
	uint32_t write_size;   /* the flash program unit, <= max_align */
	uint32_t max_sectors;  /* BOOT_MAX_IMG_SECTORS */
	uint32_t records;      /* swap-status records per sector (3 for swap modes) */
	uint8_t erased;
};

struct boot_trailer {
	enum boot_magic_state magic;
	enum boot_flag_state image_ok;
	enum boot_flag_state copy_done;
	uint8_t swap_type;  /* BOOT_SWAP_NONE when unset or invalid */
	uint8_t image;      /* swap_info's image index */
	uint32_t swap_size; /* 0xffffffff (erased) when unset */
};

#define BOOT_MAGIC_SIZE 16

/* The 16 trailer magic bytes for a BOOT_MAX_ALIGN (format doc 4.2). */
void boot_magic_bytes(uint32_t max_align, uint8_t out[BOOT_MAGIC_SIZE]);

/* The BOOT_MAX_ALIGN a magic was written for, or 0 if it is not a magic. */
uint32_t boot_magic_max_align(const uint8_t magic[BOOT_MAGIC_SIZE]);

/*
 * The geometry this configuration's bootloader uses for a slot
 * (CONFIG_BOOT_MAX_ALIGN, CONFIG_BOOT_MAX_IMG_SECTORS, the device's program
 * unit and erased value): bootstate_kconfig.c, shared by the bootloader and
 * the update agent so both find the same trailer.
 */
struct boot_trailer_geo boot_trailer_geo_kconfig(const struct mtd_dev *slot);

/* 0 when the geometry is usable, -EINVAL otherwise. */
int boot_trailer_geo_check(const struct boot_trailer_geo *g);

/* Bytes the trailer takes at the end of the slot (status area included). */
uint32_t boot_trailer_size(const struct boot_trailer_geo *g);
/* Offsets from the start of the slot. */
uint32_t boot_trailer_magic_off(const struct boot_trailer_geo *g);
uint32_t boot_trailer_image_ok_off(const struct boot_trailer_geo *g);
uint32_t boot_trailer_copy_done_off(const struct boot_trailer_geo *g);
uint32_t boot_trailer_swap_info_off(const struct boot_trailer_geo *g);
uint32_t boot_trailer_swap_size_off(const struct boot_trailer_geo *g);

/* Read the trailer of `slot` (a window onto the slot). 0 or negative errno. */
int boot_trailer_read(struct mtd_dev *slot, const struct boot_trailer_geo *g,
		      struct boot_trailer *t);

/* One field each; 0 or a negative errno from the flash. */
int boot_trailer_write_magic(struct mtd_dev *slot, const struct boot_trailer_geo *g);
int boot_trailer_write_image_ok(struct mtd_dev *slot, const struct boot_trailer_geo *g);
int boot_trailer_write_copy_done(struct mtd_dev *slot, const struct boot_trailer_geo *g);
int boot_trailer_write_swap_info(struct mtd_dev *slot, const struct boot_trailer_geo *g,
				 uint8_t image, uint8_t swap_type);
int boot_trailer_write_swap_size(struct mtd_dev *slot, const struct boot_trailer_geo *g,
				 uint32_t swap_size);

/*
 * The swap type the two trailers ask for (format doc section 5, swap-scratch,
 * swap-move and overwrite-only): TEST, PERM, REVERT or NONE.
 */
enum boot_swap_type boot_swap_type_of(const struct boot_trailer *primary,
				      const struct boot_trailer *secondary);

/*
 * The running image is on trial: installed by a test upgrade that has not
 * been confirmed (the next boot reverts it). A torn copy_done counts as
 * written: it is programmed only once the copy is complete.
 */
int boot_trailer_on_trial(const struct boot_trailer *primary);

/*
 * What the update agent writes to ask for an upgrade of `image`: magic, then
 * image_ok for a permanent one, then swap_info (upstream's order).
 */
int boot_request_upgrade(struct mtd_dev *secondary, const struct boot_trailer_geo *g,
			 uint8_t image, int permanent);

/*
 * Confirm the running image, by upstream's rules: with no magic there is
 * nothing to confirm (0); a BAD magic, or a swap that never completed
 * (copy_done UNSET), is -EBADMSG; otherwise image_ok is written unless it
 * already holds anything.
 */
int boot_confirm(struct mtd_dev *primary, const struct boot_trailer_geo *g);

#endif
