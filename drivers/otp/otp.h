/* drivers/otp/otp.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * One-time-programmable words (eFuse, OTP). Bits only ever go from 0 to 1;
 * a burn that asks for anything else keeps the 1s already there. Monotonic
 * counters are built on top of this. Each chip implements these calls
 * (sim: arch/sim/host/sim_otp.c, a state file).
 *
 * Returns 0 or a negative errno: -ERANGE for a word past the end, -EIO when
 * the storage fails.
 */
#ifndef SLIPWAY_DRIVERS_OTP_OTP_H
#define SLIPWAY_DRIVERS_OTP_OTP_H

#include <stdint.h>

unsigned int otp_word_count(void);
int otp_read(unsigned int word, uint32_t *value);
int otp_burn(unsigned int word, uint32_t bits);

#endif
