/* libs/crypto/crypto_heap.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * mbedtls' heap on devices: a static buffer (CONFIG_CRYPTO_HEAP_SIZE) handed
 * to mbedtls' buffer allocator on first use. Host builds use malloc, and
 * crypto_heap_ready() does nothing there.
 */
#ifndef SLIPWAY_LIBS_CRYPTO_CRYPTO_HEAP_H
#define SLIPWAY_LIBS_CRYPTO_CRYPTO_HEAP_H

#include <mbedtls/platform.h>

/*
 * An mbedtls error as a negative errno: -ENOMEM when something failed to
 * allocate (on devices: the heap is too small), else `otherwise`.
 * mbedtls codes are a high-level part (bits 7..14) plus a low-level part
 * (bits 0..6); an allocation failure can sit in either.
 */
static inline int crypto_mbedtls_errno(int rc, int otherwise)
{
	int low = (-rc) & 0x007f, high = (-rc) & 0x7f80;

	if (rc == 0)
		return 0;
	if (low == 0x0010 /* MPI_ALLOC_FAILED */ ||
	    high == 0x4d80 /* ECP_ALLOC_FAILED */ ||
	    high == 0x3f80 /* PK_ALLOC_FAILED */)
		return -12; /* ENOMEM */
	return otherwise;
}

#if defined(MBEDTLS_MEMORY_BUFFER_ALLOC_C)
void crypto_heap_init(void);
static inline void crypto_heap_ready(void)
{
	crypto_heap_init();
}
#else
static inline void crypto_heap_ready(void)
{
}
#endif

#endif
