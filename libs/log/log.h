/* libs/log/log.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Levelled log for device programs. The level is CONFIG_LOG_LEVEL (0 none,
 * 1 error, 2 warn, 3 info, 4 debug); a call above it is compiled out,
 * format string included. Each call prints one line.
 */
#ifndef SLIPWAY_LIBS_LOG_LOG_H
#define SLIPWAY_LIBS_LOG_LOG_H

#ifndef CONFIG_LOG_LEVEL
#define CONFIG_LOG_LEVEL 3 /* host builds: info */
#endif

void log_line(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define LOG_AT(level, ...)                                   \
	do {                                                 \
		if (CONFIG_LOG_LEVEL >= (level))             \
			log_line(__VA_ARGS__);               \
	} while (0)

#define log_error(...) LOG_AT(1, __VA_ARGS__)
#define log_warn(...) LOG_AT(2, __VA_ARGS__)
#define log_info(...) LOG_AT(3, __VA_ARGS__)
#define log_debug(...) LOG_AT(4, __VA_ARGS__)

#endif
