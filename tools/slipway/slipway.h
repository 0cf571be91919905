/* tools/slipway/slipway.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The host program `slipway`: one binary, commands in groups
 * (`slipway <group> <command> [options]`). A group is a table of commands;
 * adding a group is adding a table to main.c.
 */
#ifndef SLIPWAY_TOOLS_SLIPWAY_H
#define SLIPWAY_TOOLS_SLIPWAY_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Exit codes: 0 success, 1 the operation failed, 2 bad command line. */
#define EXIT_USAGE 2

struct slipway_cmd {
	const char *name;
	const char *summary;
	const char *usage; /* full --help text, after the "usage:" line */
	int (*run)(int argc, char **argv); /* argv[0] is the command name */
};

struct slipway_group {
	const char *name;
	const char *summary;
	const struct slipway_cmd *cmds; /* ends with a zeroed entry */
};

extern const struct slipway_group image_group;
extern const struct slipway_group flash_group;
extern const struct slipway_group part_group;
extern const struct slipway_group smp_group;
extern const struct slipway_group esp_group;
extern const struct slipway_group otadata_group;

/* Prefix for messages: "slipway <group> <command>", set by main. */
extern const char *slipway_prog;

/* Commands implemented outside their group's file. */
int image_dumpinfo(int argc, char **argv);
int esp_secure_cmd(int argc, char **argv); /* cmd_esp_secure.c */
extern const char esp_secure_usage[];
int esp_efuse_cmd(int argc, char **argv); /* cmd_esp_efuse.c */
extern const char esp_efuse_usage[];

/* Set to silence cli_error (fuzzing). */
extern int cli_quiet;

/* Print "<prog>: <message>" to stderr; returns `code` for `return err(...)`. */
int cli_error(int code, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Parse a whole decimal or 0x-hex number within [0, max]. 0 or -1. */
int cli_parse_u32(const char *text, uint32_t max, uint32_t *out);

/* Read a whole file into a malloc'd buffer. 0, or -1 after printing why. */
int cli_read_file(const char *path, uint8_t **data, size_t *len);
/* Write `len` bytes to `path` (replacing it). 0, or -1 after printing why. */
int cli_write_file(const char *path, const uint8_t *data, size_t len);

#endif
