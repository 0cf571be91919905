/* boot/loader/secure_boot_first.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The bootloader's Secure Boot V2 first boot (CONFIG_SECURE_BOOT), run
 * once every image has validated and before the jump: its own signing
 * key's digest burned, the unused digest slots revoked, the validated
 * images confirmed, then SECURE_BOOT_EN burned and write-protected
 * (libs/espsecure/secure_boot.c; each step skipped when done, so a power
 * cut anywhere repeats or finishes it). Afterwards it only re-applies the
 * lock.
 */
#ifndef SLIPWAY_BOOT_LOADER_SECURE_BOOT_FIRST_H
#define SLIPWAY_BOOT_LOADER_SECURE_BOOT_FIRST_H

#include "boot/engine/engine.h"

/* 0: secure boot is on, boot on. Otherwise logged; do not boot (as
 * ESP-IDF's bootloader aborts when its secure boot set-up fails). */
int loader_secure_boot(const struct boot_image *images, unsigned int nimages);

#endif
