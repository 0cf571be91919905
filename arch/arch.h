/* arch/arch.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * What every chip provides to the programs built on it, and what every
 * program provides to the chip's start-up. The bootloader and the OS image
 * use only these; they never know which chip they run on.
 */
#ifndef SLIPWAY_ARCH_ARCH_H
#define SLIPWAY_ARCH_ARCH_H

#include <stdint.h>

struct mtd_dev;

/* The program's entry, called by the chip's start-up once the console works. */
int slipway_main(void);

/*
 * Start the image whose payload is `size` bytes at `off` on `dev`. Returns
 * only on failure, with a negative errno; the caller decides what then.
 * sim: executes the payload as a host program.
 */
int arch_boot_image(struct mtd_dev *dev, uint32_t off, uint32_t size);

/* Reset the system. Returns only on failure, with a negative errno. */
int arch_reset(void);

/* Level (0 or 1) of GPIO input `pin`, or a negative errno. */
int arch_gpio_read(unsigned int pin);

/*
 * Why the chip last reset (CONFIG_ARCH_HAVE_RESET_CAUSE): the class, for
 * decisions (no factory reset on a deep-sleep wake, as ESP-IDF), and the
 * chip's own code and name, for the log. The classes are NuttX's
 * BOARDIOC_RESET_CAUSE ones, folded: a watchdog of any scope is WATCHDOG.
 */
enum arch_reset_class {
	ARCH_RESET_UNKNOWN,
	ARCH_RESET_POWER_ON,
	ARCH_RESET_BROWN_OUT,
	ARCH_RESET_SOFTWARE,
	ARCH_RESET_WATCHDOG,
	ARCH_RESET_DEEP_SLEEP,
	ARCH_RESET_HOST,   /* asked by a debugger or a USB host (JTAG, USB) */
	ARCH_RESET_GLITCH, /* clock or power glitch detector, eFuse CRC */
};

struct arch_reset_cause {
	enum arch_reset_class cls;
	unsigned int code; /* the chip's */
	const char *name;  /* the chip vendor's name for the code */
};

#if defined(CONFIG_ARCH_HAVE_RESET_CAUSE)
void arch_reset_cause(struct arch_reset_cause *cause);
#endif

/* Busy or sleep for `ms` milliseconds. */
void arch_delay_ms(unsigned int ms);

/*
 * The chip's watchdog (CONFIG_BOOT_WDT, on chips that select ARCH_HAVE_WDT).
 * arch_wdt_start arms it to reset the system `timeout_ms` after the last
 * feed: 0, or a negative errno (-EINVAL for a timeout the part cannot
 * count). Once started it cannot be stopped, as on the real parts: it keeps
 * running through the jump into the image, and reset is the only way out,
 * so the image must feed it too. arch_wdt_feed restarts the countdown; it
 * does nothing while the watchdog is not running. Without CONFIG_BOOT_WDT
 * the feed is an empty inline, so the long loops of the loader and the OS
 * call it unconditionally.
 */
#if defined(CONFIG_BOOT_WDT)
int arch_wdt_start(unsigned int timeout_ms);
void arch_wdt_feed(void);
#else
static inline void arch_wdt_feed(void)
{
}
#endif

#endif
