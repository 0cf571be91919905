/* libs/bootstate/fih.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "libs/bootstate/fih.h"

#if defined(BOOT_FIH_GLITCH_HOOK)
int fih_glitch_at = -1;
#endif

__attribute__((noinline)) int fih_passed(const struct fih_verdict *v)
{
	const volatile uint32_t *w = &v->word, *c = &v->check;
	int first = *w == FIH_PASS && *c == (FIH_PASS ^ FIH_MASK);

	fih_delay();
	return first && (*w ^ *c) == FIH_MASK && *w == FIH_PASS;
}

#if defined(CONFIG_BOOT_FIH_RANDOM_DELAY)
/*
 * xorshift32, seeded by fih_seed() (weak: a board with an entropy source
 * gives one; the default mixes the stack address and a counter, which
 * differs between call sites but not between boots).
 */
__attribute__((weak)) uint32_t fih_seed(void)
{
	static uint32_t n;
	volatile uint32_t here;

	return (uint32_t)(uintptr_t)&here ^ (++n * 0x9e3779b9u);
}

void fih_delay(void)
{
	static uint32_t s;
	volatile uint32_t spin;

	if (s == 0)
		s = fih_seed() | 1;
	s ^= s << 13;
	s ^= s >> 17;
	s ^= s << 5;
	for (spin = 0; spin < (s & 0xff); spin++)
		;
}
#else
void fih_delay(void)
{
}
#endif
