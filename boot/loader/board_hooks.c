/* boot/loader/board_hooks.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* The board hooks' defaults: nothing (boards/board_hooks.h). */
#include "boards/board_hooks.h"

__attribute__((weak)) void board_hook_before_init(void)
{
}

__attribute__((weak)) void board_hook_after_init(void)
{
}

__attribute__((weak)) void board_hook_before_app(uint32_t offset)
{
	(void)offset;
}
