/* libs/bootstate/fih.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * Fault-injection hardening of the path from validation to the jump. An
 * attacker who can glitch the chip (voltage, clock, EM) can skip one
 * branch or corrupt one register; the boot decision must survive that:
 *
 *  - a verdict is two words that must agree (word, and word ^ FIH_MASK),
 *    computed without a branch from the validation result, so no single
 *    skipped branch, zeroed register or flipped bit turns a failure into
 *    a pass (IMAGE_OK == 0 alone would be one "mov #0" away);
 *  - the verdict is checked where the boot is decided and again right at
 *    the jump, with an optional random delay between (so a glitch cannot
 *    be timed against a fixed instruction stream);
 *  - each decision on the path is named (enum fih_decision); unit-test
 *    builds can flip any one of them (fih_glitch_at) to show that no one
 *    flipped decision starts an image that failed validation
 *    (tests/boot/test_glitch.c).
 *
 * Inside image_validate (libs/image) the same holds: the digest
 * comparison's and the signature verifier's results become verdicts, the
 * policy's checks are combined as words and checked twice, and the image's
 * verdict (image_facts.verdict) is what the engine requires beside
 * IMAGE_OK. What is not hardened: the cryptographic libraries' insides
 * (mbedtls, libsodium), whose result enters as their return value.
 */
#ifndef SLIPWAY_LIBS_BOOTSTATE_FIH_H
#define SLIPWAY_LIBS_BOOTSTATE_FIH_H

#include <stdint.h>

/* Far apart in Hamming distance from 0, ~0 and each other. */
#define FIH_PASS 0x3c5a96e1u
#define FIH_MASK 0xa5c3f00fu

struct fih_verdict {
	uint32_t word;
	uint32_t check; /* word ^ FIH_MASK */
};

/* A verdict from a status where 0 passes, computed without a branch. */
static inline struct fih_verdict fih_verdict_of(int status)
{
	uint32_t w = FIH_PASS ^ (uint32_t)status;

	return (struct fih_verdict){ w, w ^ FIH_MASK };
}

/* A failed verdict (not even self-consistent). */
static inline struct fih_verdict fih_failed(void)
{
	return (struct fih_verdict){ 0, 0 };
}

/* Both pass: computed without a branch. */
static inline struct fih_verdict fih_both(struct fih_verdict a, struct fih_verdict b)
{
	uint32_t bad = (a.word ^ FIH_PASS) | (b.word ^ FIH_PASS) |
		       (a.check ^ FIH_PASS ^ FIH_MASK) | (b.check ^ FIH_PASS ^ FIH_MASK);

	return fih_verdict_of((int)bad);
}

/*
 * 1 when `v` passes: both words read (volatile) and compared, twice.
 * Not inlined, so one skipped branch in a caller cannot fold it away.
 */
int fih_passed(const struct fih_verdict *v);

/* CONFIG_BOOT_FIH_RANDOM_DELAY: spin a random while; else nothing. */
void fih_delay(void);

/* The decisions on the path from validation to the jump. */
enum fih_decision {
	FIH_D_UPDATE_VALID,    /* planner: the update validated */
	FIH_D_UPDATE_RULES,    /* planner: the update passes the rules */
	FIH_D_PRIMARY_ONCE,    /* engine: inspect only (validate-once) */
	FIH_D_PRIMARY_VALID,   /* engine: the primary validated */
	FIH_D_PRIMARY_COUNTER, /* engine: its counter is below the device's */
	FIH_D_START,           /* boot_engine_start: every image passes */
	FIH_D_JUMP,            /* boot_engine_start: again, at the jump */
	FIH_D_IMAGE_HASH_MATCH,   /* image_validate: a hash TLV matches */
	FIH_D_IMAGE_SIG_VERIFY,   /* image_validate: a signature verifies */
	FIH_D_IMAGE_HASH,         /* image_validate: the hash passed */
	FIH_D_IMAGE_SIG,          /* image_validate: the signature passed */
	FIH_D_IMAGE_VERDICT,      /* image_validate: both, as words */
	FIH_D_IMAGE_VERDICT_AGAIN, /* image_validate: again */
	FIH_DECISIONS,
};

#if defined(BOOT_FIH_GLITCH_HOOK)
/* Unit tests only: the decision to flip (a simulated glitch), or -1. */
extern int fih_glitch_at;
#define FIH_DECIDE(d, cond) ((fih_glitch_at == (int)(d)) ^ !!(cond))
#else
#define FIH_DECIDE(d, cond) (!!(cond))
#endif

#endif
