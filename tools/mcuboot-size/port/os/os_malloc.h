/* tools/mcuboot-size/port/os/os_malloc.h
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Nothing: mbedtls allocates from Slipway's crypto heap.
 */
