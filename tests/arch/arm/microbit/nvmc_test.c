/* tests/arch/arm/microbit/nvmc_test.c
 *
 * SPDX-License-Identifier: Apache-2.0
 *
 * Test firmware for drivers/mtd/nrf_nvmc.c on QEMU's micro:bit (nRF51822,
 * Cortex-M0), whose NVMC is modelled: the driver, through the mtd_* calls,
 * against the real register interface. It runs on arch/arm/common (the
 * Armv6-M start-up, time, reset and fault report) with microbit_chip.c as
 * its chip. It prints TAP-style lines on the UART ("ok N - what",
 * "not ok N - what") and ends QEMU through semihosting with the number of
 * failures.
 *
 * The run crosses two resets (SYSRESETREQ) between flash operations, and
 * checks after each that what was programmed and erased before it is still
 * there. The phase survives in flash itself, NOR-style: a marker word, and
 * a phase word that loses one bit per phase. QEMU's flash starts as zeros
 * (not erased) at every QEMU start, so a marker that is not there means a
 * fresh run. The last phase executes an undefined instruction: the
 * common fault handler must report it and reset, and the phase after
 * checks that it did.
 */
#include "arch/arch.h"
#include "arch/arm/common/arm.h"
#include "drivers/mtd/mtd.h"
#include "drivers/mtd/nrf_nvmc.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/* Pages the test uses, at the top of the 256 KiB flash. */
#define PAGE 1024u
#define STATE_OFF (255 * PAGE) /* marker and phase */
#define WORK_OFF (250 * PAGE)  /* NOR rule, reads back */
#define KEEP_OFF (251 * PAGE)  /* must survive the resets */
#define SPARE_OFF (252 * PAGE) /* erased beside KEEP, must not touch it */
#define MARKER 0x434d564eu     /* "NVMC" */

static struct nrf_nvmc nvmc;
static int failures, checks;

static void puts_uart(const char *s)
{
	while (*s) {
		if (*s == '\n')
			arm_chip_putc('\r');
		arm_chip_putc(*s++);
	}
}

static void put_dec(unsigned int v)
{
	char buf[12];
	int n = 0;

	do {
		buf[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		arm_chip_putc(buf[--n]);
}

static void put_hex(uint32_t v)
{
	puts_uart("0x");
	for (int s = 28; s >= 0; s -= 4)
		arm_chip_putc("0123456789abcdef"[(v >> s) & 0xf]);
}

static void check(int cond, const char *what)
{
	checks++;
	if (!cond) {
		failures++;
		puts_uart("not ok ");
	} else {
		puts_uart("ok ");
	}
	put_dec((unsigned int)checks);
	puts_uart(" - ");
	puts_uart(what);
	puts_uart("\n");
}

static uint32_t word_at(uint32_t off)
{
	uint32_t w = 0;

	mtd_read(&nvmc.mtd, off, &w, 4);
	return w;
}

static int program_word(uint32_t off, uint32_t w)
{
	return mtd_program(&nvmc.mtd, off, &w, 4);
}

static int all_equal(uint32_t off, uint32_t len, uint8_t v)
{
	const volatile uint8_t *p = (const volatile uint8_t *)off;

	for (uint32_t i = 0; i < len; i++)
		if (p[i] != v)
			return 0;
	return 1;
}

/* The data programmed before the first reset, checked after each. */
static void keep_pattern(uint8_t *buf, uint32_t len)
{
	for (uint32_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(i * 7 + 3);
}

static unsigned int phase_now(void)
{
	uint32_t p = word_at(STATE_OFF + 4);
	unsigned int n = 0;

	while (n < 32 && !(p & (1u << n)))
		n++;
	return n;
}

/* Clear the next bit of the phase word: a program that only clears. */
static void next_phase_and_reset(unsigned int phase)
{
	uint32_t p = word_at(STATE_OFF + 4) & ~(1u << phase);

	check(program_word(STATE_OFF + 4, p) == 0, "phase advanced (a program that only clears a bit)");
	if (failures != 0)
		arm_chip_halt(failures); /* the count would not survive the reset */
	puts_uart("# resetting (SYSRESETREQ) between flash operations\n");
	arch_reset();
	check(0, "the reset happened");
	arm_chip_halt(failures);
}

void nvmc_test_fault(void);

static void phase0(void)
{
	uint8_t buf[64], back[64];
	uint32_t raw;

	check(nvmc.geo.size == 256 * 1024 && nvmc.region.sector_size == PAGE,
	      "geometry from the FICR: 256 pages of 1 KiB");
	check(mtd_erase(&nvmc.mtd, STATE_OFF, PAGE) == 0 &&
	      program_word(STATE_OFF, MARKER) == 0 && word_at(STATE_OFF) == MARKER &&
	      word_at(STATE_OFF + 4) == 0xffffffffu,
	      "state page erased, marker programmed");
	check(mtd_erase(&nvmc.mtd, WORK_OFF, PAGE) == 0 &&
	      all_equal(WORK_OFF, PAGE, 0xff), "erase page: every byte reads 0xff");
	check(program_word(WORK_OFF, 0xffff00ffu) == 0 &&
	      word_at(WORK_OFF) == 0xffff00ffu, "program a word: it reads back");
	check(program_word(WORK_OFF, 0x0f0f0f0fu) == -EROFS &&
	      word_at(WORK_OFF) == 0xffff00ffu,
	      "a program that would set a cleared bit is refused (-EROFS), the word unchanged");
	check(program_word(WORK_OFF, 0x0f0f000fu) == 0 &&
	      word_at(WORK_OFF) == 0x0f0f000fu,
	      "a second program that only clears bits is accepted");
	{
		/* The first word alone would be accepted, the second not. */
		uint32_t two[2] = { 0x0f0f0000u, 0xffffffffu };

		check(program_word(WORK_OFF + 4, 0xffff0000u) == 0 &&
		      mtd_program(&nvmc.mtd, WORK_OFF, two, 8) == -EROFS &&
		      word_at(WORK_OFF) == 0x0f0f000fu && word_at(WORK_OFF + 4) == 0xffff0000u,
		      "a request refused anywhere writes nothing (all or nothing)");
	}
	check(program_word(WORK_OFF + 2, 0) == -EINVAL &&
	      mtd_erase(&nvmc.mtd, WORK_OFF + 4, PAGE) == -EINVAL,
	      "misaligned program and erase are refused before the controller");
	/* The driver must leave the controller read-only: a store now is
	 * ignored by the NVMC. */
	*(volatile uint32_t *)(WORK_OFF + 8) = 0x12345678u;
	raw = *(volatile uint32_t *)(WORK_OFF + 8);
	check(raw == 0xffffffffu, "after each operation the NVMC is back to read-only");
	if (raw != 0xffffffffu) {
		puts_uart("# read ");
		put_hex(raw);
		puts_uart("\n");
	}
	keep_pattern(buf, sizeof(buf));
	check(mtd_erase(&nvmc.mtd, KEEP_OFF, 2 * PAGE) == 0 &&
	      mtd_program(&nvmc.mtd, KEEP_OFF + 128, buf, sizeof(buf)) == 0 &&
	      mtd_read(&nvmc.mtd, KEEP_OFF + 128, back, sizeof(back)) == 0 &&
	      memcmp(buf, back, sizeof(buf)) == 0,
	      "erase two pages, program 64 bytes: they read back");
	next_phase_and_reset(0);
}

static void phase1(void)
{
	uint8_t buf[64];

	keep_pattern(buf, sizeof(buf));
	check(memcmp(buf, (const void *)(KEEP_OFF + 128), sizeof(buf)) == 0 &&
	      all_equal(KEEP_OFF, 128, 0xff) &&
	      word_at(WORK_OFF) == 0x0f0f000fu,
	      "after a reset: what was programmed and erased before it is still there");
	check(mtd_erase(&nvmc.mtd, SPARE_OFF, PAGE) == 0 &&
	      memcmp(buf, (const void *)(KEEP_OFF + 128), sizeof(buf)) == 0 &&
	      all_equal(SPARE_OFF, PAGE, 0xff),
	      "erasing the next page leaves this one alone");
	check(mtd_erase(&nvmc.mtd, WORK_OFF, PAGE) == 0 &&
	      all_equal(WORK_OFF, PAGE, 0xff) &&
	      program_word(WORK_OFF, 0x0f0f0f0fu) == 0,
	      "erase makes a refused value programmable");
	next_phase_and_reset(1);
}

static void phase2(void)
{
	check(word_at(WORK_OFF) == 0x0f0f0f0fu && all_equal(WORK_OFF + 4, PAGE - 4, 0xff),
	      "after a second reset: the erase and program before it are there");
	/* Into the fault phase first: the report resets, nothing returns. */
	check(program_word(STATE_OFF + 4, word_at(STATE_OFF + 4) & ~(1u << 2)) == 0,
	      "phase advanced to the fault");
	if (failures != 0)
		arm_chip_halt(failures);
	puts_uart("# executing an undefined instruction\n");
	nvmc_test_fault();
	check(0, "an undefined instruction faults");
}

static void phase3(void)
{
	check(1, "after the fault report the device reset and started again");
}

/* An undefined instruction, at an address the test script looks up. */
__attribute__((naked, noinline)) void nvmc_test_fault(void)
{
	__asm__ volatile("udf #0");
}

int slipway_main(void)
{
	unsigned int phase;

	if (nrf_nvmc_init(&nvmc, NRF_NVMC_BASE, NRF_FICR_BASE, 0) != 0) {
		check(0, "nrf_nvmc_init reads a flash geometry from the FICR");
		return 1;
	}
	if (word_at(STATE_OFF) != MARKER) {
		puts_uart("# nvmc test: fresh flash, phase 0\n");
		phase0();
	}
	phase = phase_now();
	puts_uart("# nvmc test: phase ");
	put_dec(phase);
	puts_uart("\n");
	if (phase == 1)
		phase1();
	else if (phase == 2)
		phase2();
	else if (phase == 3)
		phase3();
	else
		check(0, "a known phase");
	return failures;
}
