/* tests/boot/test_images.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */
/*
 * What the boot tests share: security counters in RAM, and hash-only
 * MCUboot images built in memory: a version,
 * a security counter, an optional dependency, and a body whose bytes
 * depend on the image and version (so two versions never compare equal).
 */
#ifndef SLIPWAY_TESTS_BOOT_TEST_IMAGES_H
#define SLIPWAY_TESTS_BOOT_TEST_IMAGES_H

#include "drivers/counter/moncnt.h"

#include <stdint.h>

/* Security counters kept in RAM: the OTP is not what is under test here. */
#define TEST_COUNTERS 3
struct test_counter {
	struct moncnt_dev dev;
	uint32_t v[TEST_COUNTERS];
};

extern const struct moncnt_ops test_counter_ops;
#define TEST_COUNTER_INIT { { &test_counter_ops, TEST_COUNTERS, 1000 }, { 0 } }

struct test_image {
	uint8_t img, major;
	uint32_t sec_cnt;
	uint8_t dep_img, dep_major; /* dep_major 0: no dependency */
	uint32_t body;              /* body bytes */
};

/* The image's bytes into `out` (room for body + 32 + 96); its length. */
uint32_t test_image_build(uint8_t *out, const struct test_image *t);

#endif
