/* libs/crypto/crypto_hash_esp_rom.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * SHA-256 on the Espressif chips' SHA peripheral through the mask ROM
 * (CONFIG_CRYPTO_SHA256_ESP_ROM): crypto_hash.c's backend there. The ROM
 * keeps one hash in the peripheral, so one context at a time owns it.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_HASH_ESP_ROM_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_HASH_ESP_ROM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * The ROM's SHA_CTX, the same on the C3, C2, C6 and H2 (ESP-IDF's
 * components/esp_rom/<chip>/include/<chip>/rom/sha.h): the ROM reads and
 * writes it, so its layout is the ROM's.
 */
struct crypto_esp_rom_sha {
	bool start;
	bool in_hardware;
	int type; /* SHA_TYPE: 2 is SHA-256 */
	uint32_t state[16];
	unsigned char buffer[128];
	uint32_t total_bits[4];
};

/*
 * Start a SHA-256 in `ctx`; -EBUSY when another context owns the
 * peripheral (its caller then hashes in software). Starting again the
 * context that owns it takes it back: an abandoned hash frees it.
 */
int crypto_esp_rom_sha256_start(struct crypto_esp_rom_sha *ctx);
void crypto_esp_rom_sha256_update(struct crypto_esp_rom_sha *ctx,
				  const void *data, size_t len);
/* The digest; the peripheral is free again. */
void crypto_esp_rom_sha256_finish(struct crypto_esp_rom_sha *ctx, uint8_t *out);

#endif
