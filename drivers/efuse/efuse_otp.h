/* drivers/efuse/efuse_otp.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * eFuses on the OTP words of drivers/otp (the sim: its OTP state file),
 * from word `first_word` on: EFUSE_WORDS words, beside the monotonic
 * counters (choose a first word past theirs).
 */
#ifndef SLIPWAY_DRIVERS_EFUSE_EFUSE_OTP_H
#define SLIPWAY_DRIVERS_EFUSE_EFUSE_OTP_H

#include "drivers/efuse/efuse.h"

struct efuse_otp {
	struct efuse_dev dev; /* first: an efuse_otp is an efuse_dev */
	unsigned int first_word;
};

/* 0, or -ERANGE when the OTP has fewer than first_word + EFUSE_WORDS words. */
int efuse_otp_init(struct efuse_otp *e, unsigned int first_word);

#endif
