/* tests/boot/powerfail_espidf.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The ESP-IDF boot scheme's power-fail scenarios, run by test_powerfail. */
#ifndef SLIPWAY_TESTS_BOOT_POWERFAIL_ESPIDF_H
#define SLIPWAY_TESTS_BOOT_POWERFAIL_ESPIDF_H

#include <stdint.h>

/* Run every scenario; add to the three totals; one line per scenario on
 * stderr. */
void powerfail_espidf_run(uint64_t *cut_points, uint64_t *scenarios,
			  uint64_t *failures);

#endif
