/* tests/test.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* Common includes and helpers for the cmocka unit tests. */
#ifndef SLIPWAY_TESTS_TEST_H
#define SLIPWAY_TESTS_TEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <cmocka.h>

/*
 * 1, after a loud message, when ../shared/vectors is absent: for a test
 * program whose every test (or fixture) needs the vectors, so that it can
 * skip as a whole (cmocka counts a skip() in a setup as an error).
 */
static inline int test_shared_missing(void)
{
	struct stat st;

	if (stat(SLIPWAY_SHARED_DIR "/vectors", &st) == 0)
		return 0;
	fprintf(stderr, "SKIP: %s/vectors is missing: vector tests NOT RUN\n",
		SLIPWAY_SHARED_DIR);
	return 1;
}

/*
 * Read ../shared/<rel> (the upstream vectors beside the repository) into a
 * malloc'd buffer. When the shared folder is absent the test is skipped
 * with a loud message; a missing file inside it is a failure.
 */
static inline uint8_t *test_read_shared(const char *rel, size_t *len)
{
	char path[1024];
	struct stat st;
	uint8_t *buf;
	FILE *f;

	if (stat(SLIPWAY_SHARED_DIR "/vectors", &st) != 0) {
		fprintf(stderr, "SKIP: %s/vectors is missing: vector test NOT "
			"RUN\n", SLIPWAY_SHARED_DIR);
		skip();
	}
	snprintf(path, sizeof(path), "%s/%s", SLIPWAY_SHARED_DIR, rel);
	f = fopen(path, "rb");
	if (f == NULL || fstat(fileno(f), &st) != 0)
		fail_msg("cannot open vector %s", path);
	buf = malloc((size_t)st.st_size + 1);
	assert_non_null(buf);
	*len = fread(buf, 1, (size_t)st.st_size, f);
	fclose(f);
	assert_int_equal(*len, (size_t)st.st_size);
	return buf;
}

#endif
