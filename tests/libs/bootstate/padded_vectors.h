/* tests/libs/bootstate/padded_vectors.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * imgtool's padded vectors in a secondary slot of their own size, and the
 * swap type upstream gives them for a bootloader built with `max_align`:
 * --pad asks for a test upgrade, --pad --confirm for a permanent one, and a
 * trailer padded for another max-align asks for nothing.
 */
#ifndef SLIPWAY_TESTS_PADDED_VECTORS_H
#define SLIPWAY_TESTS_PADDED_VECTORS_H

#include "libs/bootstate/bootstate.h"

struct padded_vector_case {
	const char *vector;
	uint32_t slot, max_align;
	enum boot_swap_type want;
};

static const struct padded_vector_case padded_vector_cases[] = {
	{ "ecdsa-p256-pad-test", 0x8000, 8, BOOT_SWAP_TEST },
	{ "ecdsa-p256-pad-overwrite-only", 0x8000, 8, BOOT_SWAP_TEST },
	{ "ecdsa-p256-pad-confirm-a8", 0x20000, 8, BOOT_SWAP_PERM },
	{ "ecdsa-p256-pad-confirm-ma32", 0x20000, 32, BOOT_SWAP_PERM },
	/* padded for another max-align: the magic is not recognised */
	{ "ecdsa-p256-pad-confirm-ma32", 0x20000, 8, BOOT_SWAP_NONE },
	{ "ecdsa-p256-pad-confirm-a8", 0x20000, 32, BOOT_SWAP_NONE },
	{ "ecdsa-p256-pad-test", 0x8000, 16, BOOT_SWAP_NONE },
};

#define PADDED_VECTOR_CASES \
	(sizeof(padded_vector_cases) / sizeof(padded_vector_cases[0]))

#endif
