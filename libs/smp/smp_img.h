/* libs/smp/smp_img.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * SMP group 1 (image management): state read and write (0), upload (1)
 * and erase (5). The protocol's rules live here, once: an upload's first
 * chunk (offset 0) carries the image number, the total length and
 * optionally the SHA-256 of the whole file; every later chunk must start
 * where the last one ended. A chunk elsewhere (or any chunk but an
 * offset-0 one when no upload is under way) is answered, as Zephyr and
 * MCUboot answer it, with success and the offset expected, without
 * writing: the client continues from there, or restarts at 0 after a
 * device reset. An offset-0 chunk with the sha, image and length of an
 * unfinished upload resumes it; any other starts afresh; with "upgrade":
 * true it must be newer than what runs (CURRENT_VERSION_IS_NEWER). A
 * chunk past the declared length is DATA_OVERRUN. When the last byte
 * arrives the file's SHA-256 is checked (when given) and the backend
 * validates; "match": true then joins the reply.
 *
 * Where the bytes go and what "test" and "confirm" mean is the backend's:
 * the update agent in the OS, the recovery slot in the bootloader.
 */
#ifndef SLIPWAY_LIBS_SMP_SMP_IMG_H
#define SLIPWAY_LIBS_SMP_SMP_IMG_H

#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_header.h"
#include "libs/smp/smp_server.h"

/* Image group codes (Zephyr's img_mgmt, which mcumgr clients name). */
enum smp_img_err {
	SMP_IMG_UNKNOWN = 1, SMP_IMG_FLASH_CONFIG_QUERY_FAIL = 2,
	SMP_IMG_NO_IMAGE = 3, SMP_IMG_NO_TLVS = 4, SMP_IMG_INVALID_TLV = 5,
	SMP_IMG_HASH_NOT_FOUND = 8, SMP_IMG_NO_FREE_SLOT = 9,
	SMP_IMG_FLASH_OPEN_FAILED = 10, SMP_IMG_FLASH_READ_FAILED = 11,
	SMP_IMG_FLASH_WRITE_FAILED = 12, SMP_IMG_FLASH_ERASE_FAILED = 13,
	SMP_IMG_INVALID_SLOT = 14, SMP_IMG_NO_FREE_MEMORY = 15,
	SMP_IMG_INVALID_PAGE_OFFSET = 19, SMP_IMG_INVALID_OFFSET = 20,
	SMP_IMG_INVALID_LENGTH = 21, SMP_IMG_INVALID_IMAGE_HEADER = 22,
	SMP_IMG_INVALID_IMAGE_HEADER_MAGIC = 23, SMP_IMG_INVALID_HASH = 24,
	SMP_IMG_INVALID_FLASH_ADDRESS = 25,
	SMP_IMG_CURRENT_VERSION_IS_NEWER = 27, SMP_IMG_IMAGE_ALREADY_PENDING = 28,
	SMP_IMG_INVALID_IMAGE_TOO_LARGE = 30, SMP_IMG_INVALID_IMAGE_DATA_OVERRUN = 31,
	SMP_IMG_IMAGE_CONFIRMATION_DENIED = 32,
	SMP_IMG_IMAGE_SETTING_TEST_TO_ACTIVE_DENIED = 33,
};

/* A name for an image group code ("invalid offset", ...). */
const char *smp_img_strerror(unsigned int rc);

enum {
	SMP_SLOT_BOOTABLE = 1, SMP_SLOT_PENDING = 2, SMP_SLOT_CONFIRMED = 4,
	SMP_SLOT_ACTIVE = 8, SMP_SLOT_PERMANENT = 16,
};

#define SMP_IMG_MAX_SLOTS 6

struct smp_img_slot {
	uint8_t image, slot;
	struct image_version version;
	uint8_t hash[CRYPTO_HASH_MAX_SIZE]; /* the image's hash TLV */
	uint8_t hash_len;
	unsigned int flags;
};

/*
 * A backend. Each call returns 0, an smp_mgmt_err, or SMP_GROUP_ERR() of
 * an smp_img_err, and may point *rsn at a text saying why.
 */
struct smp_img_ops {
	unsigned int nimages;
	/* The slots that hold a valid image: how many, or an error. */
	int (*list)(void *be, struct smp_img_slot *out, unsigned int max);
	/* Test (confirm 0) or make permanent the image with this hash;
	 * hash NULL: confirm what runs. */
	int (*set_state)(void *be, const uint8_t *hash, size_t hash_len,
			 int confirm, const char **rsn);
	/* Open a new upload of `len` bytes for image `image`, closing any
	 * earlier one. */
	int (*upload_begin)(void *be, unsigned int image, uint32_t len,
			    const char **rsn);
	int (*upload_write)(void *be, const uint8_t *data, size_t len,
			    const char **rsn);
	/* All bytes are in: flush and validate. */
	int (*upload_finish)(void *be, const char **rsn);
	/* Give the open upload up (its slot holds no image afterwards). */
	void (*upload_abort)(void *be);
	/* The version image `image` runs, for "upgrade": true; NULL: the
	 * flag is ignored (MCUboot's serial recovery). */
	int (*running_version)(void *be, unsigned int image,
			       struct image_version *out);
	/* Erase slot `slot` (image slot / 2, primary when even). */
	int (*erase)(void *be, unsigned int slot, const char **rsn);
	/* What an upload's first bytes must be; NULL: MCUboot's image magic
	 * (then "upgrade": true compares the header's version). The ESP-IDF
	 * scheme's backend names the ESP image's 0xE9. */
	const uint8_t *magic;
	size_t magic_len;
};

struct smp_img_ctx {
	const struct smp_img_ops *ops;
	void *be;
	/* the upload under way */
	int active;
	unsigned int image;
	uint32_t len, off;
	uint8_t sha[32];
	size_t sha_len;
	struct crypto_hash file_hash;
};

extern const struct smp_group smp_img_group;

#endif
