/* boot/loader/scheme_espidf.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The loader's flow in the ESP-IDF boot scheme (CONFIG_BOOT_SCHEME_ESPIDF). */
#ifndef SLIPWAY_BOOT_LOADER_SCHEME_ESPIDF_H
#define SLIPWAY_BOOT_LOADER_SCHEME_ESPIDF_H

/* Choose, validate and start an app; returns only when nothing starts. */
int espidf_scheme_main(void);

#endif
