/* boot/engine/swap.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What swap-scratch and swap-move share: a swap exchanges the first n
 * sectors of the two slots in steps, and after each step one status record
 * is programmed in the primary slot's trailer, so a boot after a power cut
 * knows which step to redo. Each step reads only sectors that no earlier
 * step of the same swap has overwritten and that it does not overwrite
 * itself, so redoing an interrupted step is always safe.
 *
 * A swap runs as:
 *  1. (revert only) the secondary's trailer becomes a permanent request
 *     tagged REVERT, so the revert survives the next step;
 *  2. the primary's trailer sectors are erased and rewritten: swap type,
 *     image_ok when the request was permanent, swap size, and the magic
 *     last: from here on the swap is "in progress" (magic, no copy_done);
 *  3. the secondary's trailer sectors are erased (the request now lives
 *     in the primary's trailer);
 *  4. the steps, each followed by its status record;
 *  5. copy_done in the primary's trailer.
 * Until 2 completes the request in the secondary still stands and the
 * swap starts again from 1; from then on it resumes at the first step
 * without a record. A record that reads as anything but erased counts as
 * written: records are programmed only after their step has completed, so
 * even a torn one proves the step was done.
 *
 * Images must end before the first sector holding the trailer: the
 * trailer sectors are never swapped, which is what keeps the status
 * records safe while the image sectors move.
 */
#ifndef SLIPWAY_BOOT_ENGINE_SWAP_H
#define SLIPWAY_BOOT_ENGINE_SWAP_H

#include "boot/engine/engine.h"

/* Its spare sectors, scratch and steps: the engine's strategy's desc. */
struct swap_method {
	/* Do step `k` of a swap of `n` sectors of `sector` bytes each. */
	int (*step)(struct boot_engine *e, unsigned int img, uint32_t n,
		    uint32_t sector, uint32_t k);
};

int swap_resume(struct boot_engine *e, unsigned int img,
		const struct swap_method *m);
int swap_upgrade(struct boot_engine *e, unsigned int img,
		 enum boot_swap_type type, const struct swap_method *m);

#endif
