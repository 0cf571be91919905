/* arch/sim/host/sim.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The sim chip's environment, documented in arch/sim/host/README.md. Every
 * process of a sim run (bootloader, OS image, bootloader again after a reset)
 * finds its state through these variables, which exec passes along.
 */
#ifndef SLIPWAY_ARCH_SIM_HOST_SIM_H
#define SLIPWAY_ARCH_SIM_HOST_SIM_H

#define SIM_ENV_FLASH "SLIPWAY_SIM_FLASH"   /* flash file (required) */
#define SIM_ENV_OTP "SLIPWAY_SIM_OTP"       /* OTP file; default <flash>.otp */
#define SIM_ENV_GPIO "SLIPWAY_SIM_GPIO"     /* input levels, "2=1,5=0" */
#define SIM_ENV_LOADER "SLIPWAY_SIM_LOADER" /* set by the boot hook */
#define SIM_ENV_SMP_PTY "SLIPWAY_SIM_SMP_PTY" /* link to the SMP serial pty */
#define SIM_ENV_SMP_FD "SLIPWAY_SIM_SMP_FD" /* its fds, passed along exec */
#define SIM_ENV_OTP_CUT "SLIPWAY_SIM_OTP_CUT" /* power cut at burn N (tests) */

/*
 * Level of `pin` in a SLIPWAY_SIM_GPIO-style `spec` ("pin=level,..."; NULL
 * or "" means all low). -EINVAL for a malformed spec, -ERANGE for a pin at
 * or past `count`.
 */
int sim_gpio_parse(const char *spec, unsigned int pin, unsigned int count);

struct serial_dev;

/* The sim's serial lines: the console's input (stdin), and the SMP line
 * on a pseudo-terminal (NULL when SLIPWAY_SIM_SMP_PTY is not set). */
struct serial_dev *sim_console_serial(void);
struct serial_dev *sim_pty_serial(void);

#endif
