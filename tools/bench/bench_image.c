/* tools/bench/bench_image.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Benchmark subject: validate an image from a RAM slot, or hash the same
 * bytes with one plain mbedtls SHA-256 call. Built with the device mbedtls
 * configuration, so it runs the code a P-256 bootloader runs. tools/bench.sh runs each under
 * callgrind, collecting only inside bench_validate() or bench_plain_sha256(),
 * so the counts are instructions, repeatable, whatever the machine does.
 */
#include "drivers/mtd/sim_flash.h"
#include "libs/image/image_validate.h"

#include <mbedtls/sha256.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The signature it validates: P-256 unless the build names another. */
#ifndef BENCH_SIG
#define BENCH_SIG image_sig_ecdsa_p256
#endif

static uint8_t *read_all(const char *path, size_t *len, size_t min)
{
	FILE *f = fopen(path, "rb");
	uint8_t *b;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0)
		return NULL;
	*len = (size_t)ftell(f);
	rewind(f);
	b = malloc(*len > min ? *len : min);
	if (b && fread(b, 1, *len, f) != *len) {
		free(b);
		b = NULL;
	}
	fclose(f);
	return b;
}

__attribute__((noinline)) int bench_validate(struct mtd_dev *dev,
					     const struct image_policy *pol,
					     struct image_facts *f)
{
	return image_validate(dev, pol, f);
}

__attribute__((noinline)) int bench_plain_sha256(const uint8_t *data,
						 size_t len, uint8_t out[32])
{
	return mbedtls_sha256(data, len, out, 0);
}

int main(int argc, char **argv)
{
	struct mtd_region region;
	struct mtd_geometry geo;
	struct sim_flash fl;
	struct image_key key;
	struct image_policy pol = { .sig = &BENCH_SIG,
				    .hash = CRYPTO_HASH_SHA256 };
	struct image_facts f;
	uint8_t *img, *pub, digest[32];
	size_t len, pub_len, slot;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: %s validate|sha256 IMAGE PUBKEY_DER SLOT_SIZE\n",
			argv[0]);
		return 2;
	}
	slot = strtoul(argv[4], NULL, 0);
	img = read_all(argv[2], &len, slot);
	pub = read_all(argv[3], &pub_len, 0);
	if (img == NULL || pub == NULL || len > slot)
		return 1;
	memset(img + len, 0xff, slot - len);
	if (strcmp(argv[1], "sha256") == 0) {
		struct image_header h;

		image_header_decode(&h, img);
		rc = bench_plain_sha256(img, h.hdr_size + h.img_size +
					h.protect_tlv_size, digest);
		printf("region %u bytes\n", h.hdr_size + h.img_size + h.protect_tlv_size);
		return rc != 0;
	}
	region = (struct mtd_region){ 0x1000, (uint32_t)(slot / 0x1000) };
	geo = (struct mtd_geometry){ &region, 1, 1, 0xff, (uint32_t)slot };
	sim_flash_init_ram(&fl, &geo, img);
	key = (struct image_key){ pub, pub_len };
	pol.keys = &key;
	pol.nkeys = 1;
	rc = bench_validate(&fl.mtd, &pol, &f);
	printf("validate: %s\n", image_strerror(rc));
	return rc != IMAGE_OK;
}
