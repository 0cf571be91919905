/* tools/slipway/main.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/* `slipway`: the host program. Dispatches `slipway <group> <command>`. */
#include "tools/slipway/slipway.h"

#include <string.h>

static const struct slipway_group *const groups[] = {
	&image_group,
	&flash_group,
	&part_group,
	&smp_group,
	&esp_group,
	&otadata_group,
};

#define NGROUPS (sizeof(groups) / sizeof(groups[0]))

static int is_help(const char *arg)
{
	return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

/* --help or -h anywhere before a "--" (`slipway smp image list --help`
 * describes `smp image`). */
static int wants_help(int argc, char **argv)
{
	for (int i = 0; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (is_help(argv[i]))
			return 1;
	return 0;
}

static void main_help(FILE *out)
{
	fprintf(out, "usage: slipway <group> <command> [options]\n"
		     "       slipway <group> --help | slipway --version\n\n"
		     "Host tools of Slipway. Groups:\n");
	for (size_t i = 0; i < NGROUPS; i++)
		fprintf(out, "  %-8s %s\n", groups[i]->name,
			groups[i]->summary);
}

static void group_help(FILE *out, const struct slipway_group *g)
{
	fprintf(out, "usage: slipway %s <command> [options]\n\n%s. Commands:\n",
		g->name, g->summary);
	for (const struct slipway_cmd *c = g->cmds; c->name; c++)
		fprintf(out, "  %-10s %s\n", c->name, c->summary);
	fprintf(out, "\n'slipway %s <command> --help' describes one.\n",
		g->name);
}

static int run_group(const struct slipway_group *g, int argc, char **argv)
{
	static char prog[64];

	if (argc < 2) {
		group_help(stderr, g);
		return EXIT_USAGE;
	}
	if (is_help(argv[1])) {
		group_help(stdout, g);
		return 0;
	}
	for (const struct slipway_cmd *c = g->cmds; c->name; c++) {
		if (strcmp(argv[1], c->name) != 0)
			continue;
		snprintf(prog, sizeof(prog), "slipway %s %s", g->name, c->name);
		slipway_prog = prog;
		if (wants_help(argc - 2, argv + 2)) {
			size_t n = strlen(c->usage);

			printf("usage: %s %s%s", prog, c->usage,
			       n > 0 && c->usage[n - 1] == '\n' ? "" : "\n");
			return 0;
		}
		argv[1] = prog; /* getopt's messages name the command */
		return c->run(argc - 1, argv + 1);
	}
	fprintf(stderr, "slipway %s: unknown command '%s'\n", g->name, argv[1]);
	group_help(stderr, g);
	return EXIT_USAGE;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		main_help(stderr);
		return EXIT_USAGE;
	}
	if (is_help(argv[1])) {
		main_help(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("slipway %s\n", SLIPWAY_VERSION);
		return 0;
	}
	for (size_t i = 0; i < NGROUPS; i++)
		if (strcmp(argv[1], groups[i]->name) == 0)
			return run_group(groups[i], argc - 1, argv + 1);
	fprintf(stderr, "slipway: unknown group '%s'\n", argv[1]);
	main_help(stderr);
	return EXIT_USAGE;
}
