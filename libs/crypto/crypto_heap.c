/* libs/crypto/crypto_heap.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "libs/crypto/crypto_heap.h"

#include <mbedtls/memory_buffer_alloc.h>
#include <stddef.h>
#include <stdint.h>

/* Sized per algorithm by Kconfig; the bootloader allocates nothing else. */
static uint8_t heap[CONFIG_CRYPTO_HEAP_SIZE] __attribute__((aligned(8)));
static int ready;

void crypto_heap_init(void)
{
	if (!ready) {
		mbedtls_memory_buffer_alloc_init(heap, sizeof(heap));
		ready = 1;
	}
}

/* mbedtls's allocator before crypto_heap_init() (libs/crypto/mbedtls_config.h). */
void *crypto_heap_unset_calloc(size_t n, size_t size)
{
	(void)n;
	(void)size;
	return NULL;
}

void crypto_heap_unset_free(void *p)
{
	(void)p; /* only NULL can reach here: nothing was allocated */
}
