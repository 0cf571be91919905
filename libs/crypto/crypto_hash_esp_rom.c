/* libs/crypto/crypto_hash_esp_rom.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ROM's SHA entry points, called at their addresses
 * (../shared/docs/esp-formats.md 5.4, from ESP-IDF v5.5.5's
 * <chip>.rom.ld), with the prototypes of ESP-IDF's rom/sha.h. The use is
 * ESP-IDF's bootloader's (bootloader_sha.c): enable, init for SHA-256,
 * updates that leave the state in the peripheral (update_ctx false), finish,
 * disable. The state stays in the peripheral between updates, so only one
 * hash may run there at a time: `owner` says which.
 */

#include "libs/crypto/crypto_hash_esp_rom.h"

#include <errno.h>
#include <string.h>

#if defined(CONFIG_CHIP_ESP32C3)
#define ROM_SHA_ENABLE	0x40000644
#define ROM_SHA_DISABLE 0x40000648
#define ROM_SHA_INIT	0x40000650
#define ROM_SHA_UPDATE	0x4000065c
#define ROM_SHA_FINISH	0x40000660
#elif defined(CONFIG_CHIP_ESP32C2)
#define ROM_SHA_ENABLE	0x40000818
#define ROM_SHA_DISABLE 0x4000081c
#define ROM_SHA_INIT	0x40000824
#define ROM_SHA_UPDATE	0x40000830
#define ROM_SHA_FINISH	0x40000834
#elif defined(CONFIG_CHIP_ESP32C6)
#define ROM_SHA_ENABLE	0x40000774
#define ROM_SHA_DISABLE 0x40000778
#define ROM_SHA_INIT	0x40000780
#define ROM_SHA_UPDATE	0x4000078c
#define ROM_SHA_FINISH	0x40000790
#elif defined(CONFIG_CHIP_ESP32H2)
#define ROM_SHA_ENABLE	0x40000740
#define ROM_SHA_DISABLE 0x40000744
#define ROM_SHA_INIT	0x4000074c
#define ROM_SHA_UPDATE	0x40000758
#define ROM_SHA_FINISH	0x4000075c
#else
#error "CONFIG_CRYPTO_SHA256_ESP_ROM: no ROM SHA addresses for this chip"
#endif

#define ROM_SHA2_256 2 /* SHA_TYPE: SHA1, SHA2_224, SHA2_256 */

typedef void rom_sha_enable_fn(void);
typedef int rom_sha_init_fn(struct crypto_esp_rom_sha *ctx, int type);
typedef void rom_sha_update_fn(struct crypto_esp_rom_sha *ctx,
			       const unsigned char *input, uint32_t len,
			       bool update_ctx);
typedef int rom_sha_finish_fn(struct crypto_esp_rom_sha *ctx,
			      unsigned char *out);

#define ROM_CALL(type, addr) ((type *)(uintptr_t)(addr))

static struct crypto_esp_rom_sha *owner;

int crypto_esp_rom_sha256_start(struct crypto_esp_rom_sha *ctx)
{
	if (owner != NULL && owner != ctx)
		return -EBUSY;
	if (owner == NULL)
		ROM_CALL(rom_sha_enable_fn, ROM_SHA_ENABLE)();
	owner = ctx;
	memset(ctx, 0, sizeof(*ctx));
	ROM_CALL(rom_sha_init_fn, ROM_SHA_INIT)(ctx, ROM_SHA2_256);
	return 0;
}

void crypto_esp_rom_sha256_update(struct crypto_esp_rom_sha *ctx,
				  const void *data, size_t len)
{
	ROM_CALL(rom_sha_update_fn, ROM_SHA_UPDATE)(ctx, data, (uint32_t)len,
						    false);
}

void crypto_esp_rom_sha256_finish(struct crypto_esp_rom_sha *ctx, uint8_t *out)
{
	ROM_CALL(rom_sha_finish_fn, ROM_SHA_FINISH)(ctx, out);
	ROM_CALL(rom_sha_enable_fn, ROM_SHA_DISABLE)();
	memset(ctx, 0, sizeof(*ctx));
	owner = NULL;
}
