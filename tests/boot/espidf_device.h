/* tests/boot/espidf_device.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * A device in the ESP-IDF boot scheme for tests: a RAM flash with a
 * partition table at 0x8000 (nvs, otadata, factory, ota_0..ota_{n-1},
 * optionally test and a second data partition), ESP images for ESP32-C3
 * built here (one DROM segment starting with an app descriptor, checksum,
 * appended SHA-256) and a RAM anti-rollback counter.
 */
#ifndef SLIPWAY_TESTS_BOOT_ESPIDF_DEVICE_H
#define SLIPWAY_TESTS_BOOT_ESPIDF_DEVICE_H

#include "boot/agent/ota_espidf.h"
#include "boot/loader/espidf_boot.h"
#include "drivers/mtd/sim_flash.h"

#define ESPIDF_DEV_SIZE 0x80000
#define ESPIDF_DEV_APP_SIZE 0x10000
#define ESPIDF_DEV_NVS 0x9000     /* 0x3000 bytes */
#define ESPIDF_DEV_OTADATA 0xd000
#define ESPIDF_DEV_FACTORY 0x10000
#define ESPIDF_DEV_OTA(k) (0x20000 + (k) * ESPIDF_DEV_APP_SIZE)
#define ESPIDF_DEV_USERDATA 0x70000 /* "userdata", 0x1000 bytes */

struct ram_counter {
	struct moncnt_dev dev;
	uint32_t value;
};

struct espidf_dev {
	uint8_t mem[ESPIDF_DEV_SIZE];
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct ram_counter counter;
	unsigned int n_ota;
	int has_test;
};

/* Table with `n_ota` (1..4) OTA apps, factory if `factory`, test if
 * `test`; everything else blank. Test sits at 0x60000 when n_ota <= 4. */
void espidf_dev_init(struct espidf_dev *d, unsigned int n_ota, int factory,
		     int test);
uint32_t espidf_dev_test_offset(void);

/* Build an app image: `tag` in its version string, `secure_version`.
 * Returns its length. */
size_t espidf_make_app(uint8_t *out, size_t cap, const char *tag,
		       uint32_t secure_version, uint16_t chip_id);
/* Write an app into the partition at `offset` (erased first). */
void espidf_dev_put_app(struct espidf_dev *d, uint32_t offset, const char *tag,
			uint32_t secure_version);

/* The loader's configuration for this device. */
struct espidf_boot_cfg espidf_dev_boot_cfg(struct espidf_dev *d, int rollback,
					   int anti_rollback);
/* The agent's, for the app running at `running`. */
struct ota_espidf_config espidf_dev_agent_cfg(struct espidf_dev *d,
					      int rollback, int anti_rollback,
					      uint32_t running);

#endif
