/* tools/slipway/cmd_esp_efuse.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway esp efuse`: espefuse's summary, burn_efuse, write_protect_efuse
 * and burn_key over Slipway's virtual eFuses (drivers/efuse), kept in the
 * sim's OTP file (--otp, from --first-word, CONFIG_EFUSE_OTP_FIRST_WORD)
 * or in a flash file (--flash, at --offset, CONFIG_EFUSE_FLASH_OFFSET; a
 * burned bit is a programmed 0, as drivers/efuse/efuse_flash.c keeps
 * them). The field rules are the device's own (efuse.c): bits only go
 * from 0 to 1, write-protected fields refuse burns, read-protected keys
 * do not read back.
 */
#define _GNU_SOURCE
#include "drivers/efuse/efuse.h"
#include "tools/slipway/slipway.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The words of a file from byte `base`, inverted when flash-kept. */
struct efuse_file {
	struct efuse_dev dev; /* first */
	int fd;
	off_t base;
	uint32_t invert;
};

static int file_read(struct efuse_dev *dev, unsigned int word, uint32_t *v)
{
	struct efuse_file *f = (struct efuse_file *)dev;
	uint8_t b[4];

	if (word >= EFUSE_WORDS)
		return -ERANGE;
	if (pread(f->fd, b, 4, f->base + (off_t)word * 4) != 4)
		return -EIO;
	*v = ((uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 |
	      (uint32_t)b[3] << 24) ^ f->invert;
	return 0;
}

static int file_burn(struct efuse_dev *dev, unsigned int word, uint32_t bits)
{
	struct efuse_file *f = (struct efuse_file *)dev;
	uint32_t v;
	uint8_t b[4];
	int rc = file_read(dev, word, &v);

	if (rc < 0)
		return rc;
	v = (v | bits) ^ f->invert;
	b[0] = (uint8_t)v;
	b[1] = (uint8_t)(v >> 8);
	b[2] = (uint8_t)(v >> 16);
	b[3] = (uint8_t)(v >> 24);
	return pwrite(f->fd, b, 4, f->base + (off_t)word * 4) == 4 ? 0 : -EIO;
}

static const struct efuse_ops file_ops = { .read = file_read, .burn = file_burn };

static const struct {
	const char *name;
	enum efuse_purpose purpose;
} purposes[] = {
	{ "USER", EFUSE_PURPOSE_USER },
	{ "XTS_AES_256_KEY_1", EFUSE_PURPOSE_XTS_AES_256_KEY_1 },
	{ "XTS_AES_256_KEY_2", EFUSE_PURPOSE_XTS_AES_256_KEY_2 },
	{ "XTS_AES_128_KEY", EFUSE_PURPOSE_XTS_AES_128_KEY },
	{ "SECURE_BOOT_DIGEST0", EFUSE_PURPOSE_SECURE_BOOT_DIGEST0 },
	{ "SECURE_BOOT_DIGEST1", EFUSE_PURPOSE_SECURE_BOOT_DIGEST1 },
	{ "SECURE_BOOT_DIGEST2", EFUSE_PURPOSE_SECURE_BOOT_DIGEST2 },
};

static const char *purpose_name(uint32_t p)
{
	for (size_t i = 0; i < sizeof(purposes) / sizeof(purposes[0]); i++)
		if (purposes[i].purpose == p)
			return purposes[i].name;
	return "?";
}

static int field_of(const char *name)
{
	for (int f = 0; f < EFUSE_FIELD_COUNT; f++)
		if (strcmp(efuse_field_name((enum efuse_field)f), name) == 0)
			return f;
	return -1;
}

/* "BLOCK_KEYn" -> n, or -1. */
static int key_block_of(const char *name)
{
	if (strncmp(name, "BLOCK_KEY", 9) == 0 && name[9] >= '0' &&
	    name[9] < '0' + EFUSE_KEY_BLOCKS && name[10] == '\0')
		return name[9] - '0';
	return -1;
}

static int summary(struct efuse_dev *ef)
{
	for (int f = 0; f < EFUSE_FIELD_COUNT; f++) {
		uint32_t v;
		int wp = efuse_is_write_protected(ef, (enum efuse_field)f);

		if (efuse_field_read(ef, (enum efuse_field)f, &v) < 0 || wp < 0)
			return cli_error(1, "the eFuses cannot be read");
		printf("%-28s = ", efuse_field_name((enum efuse_field)f));
		if (f >= EFUSE_KEY_PURPOSE_0 && f <= EFUSE_KEY_PURPOSE_5)
			printf("%s (%u)", purpose_name(v), (unsigned)v);
		else
			printf(v > 9 ? "0x%x" : "%u", (unsigned)v);
		printf(" R/%s\n", wp ? "-" : "W");
	}
	for (unsigned int b = 0; b < EFUSE_KEY_BLOCKS; b++) {
		uint8_t key[EFUSE_KEY_LEN];
		int rc = efuse_key_read(ef, b, key);

		printf("BLOCK_KEY%u                   = ", b);
		if (rc == -EACCES) {
			printf("?? (read-protected)\n");
			continue;
		}
		if (rc < 0)
			return cli_error(1, "the eFuses cannot be read");
		for (unsigned int i = 0; i < EFUSE_KEY_LEN; i++)
			printf("%02x", key[i]);
		printf("\n");
	}
	return 0;
}

static int burn_error(const char *what, int rc)
{
	return cli_error(1, "%s: %s", what,
			 rc == -EROFS ? "would clear a burned bit (fuses only go 0 to 1)" :
			 rc == -EACCES ? "write-protected" :
			 rc == -ERANGE ? "value does not fit the field" :
			 rc == -EEXIST ? "the block holds another key or purpose" :
			 "the eFuses cannot be written");
}

static int burn_efuse(struct efuse_dev *ef, int argc, char **argv)
{
	if (argc == 0 || argc % 2 != 0)
		return cli_error(EXIT_USAGE, "burn-efuse needs NAME VALUE pairs");
	/* Every pair checked before anything is burned. */
	for (int i = 0; i < argc; i += 2) {
		uint32_t v;

		if (field_of(argv[i]) < 0)
			return cli_error(EXIT_USAGE, "no eFuse field '%s'", argv[i]);
		if (cli_parse_u32(argv[i + 1], UINT32_MAX, &v) != 0)
			return cli_error(EXIT_USAGE, "bad value '%s'", argv[i + 1]);
	}
	for (int i = 0; i < argc; i += 2) {
		uint32_t v;
		int rc;

		cli_parse_u32(argv[i + 1], UINT32_MAX, &v);
		rc = efuse_field_burn(ef, (enum efuse_field)field_of(argv[i]), v);
		if (rc < 0)
			return burn_error(argv[i], rc);
		printf("burned %s = 0x%x\n", argv[i], (unsigned)v);
	}
	return 0;
}

static int write_protect(struct efuse_dev *ef, int argc, char **argv)
{
	if (argc == 0)
		return cli_error(EXIT_USAGE, "write-protect-efuse needs field names");
	for (int i = 0; i < argc; i++)
		if (field_of(argv[i]) < 0)
			return cli_error(EXIT_USAGE, "no eFuse field '%s'", argv[i]);
	for (int i = 0; i < argc; i++) {
		int rc = efuse_write_protect(ef, (enum efuse_field)field_of(argv[i]));

		if (rc < 0)
			return burn_error(argv[i], rc);
		printf("write-protected %s\n", argv[i]);
	}
	return 0;
}

static int burn_key(struct efuse_dev *ef, int argc, char **argv)
{
	uint8_t *key;
	size_t len;
	int block, purpose = -1, rc;

	if (argc != 3)
		return cli_error(EXIT_USAGE, "burn-key needs BLOCK_KEYn KEYFILE PURPOSE");
	if ((block = key_block_of(argv[0])) < 0)
		return cli_error(EXIT_USAGE, "no key block '%s' (BLOCK_KEY0..5)", argv[0]);
	for (size_t i = 0; i < sizeof(purposes) / sizeof(purposes[0]); i++)
		if (strcmp(purposes[i].name, argv[2]) == 0)
			purpose = (int)purposes[i].purpose;
	if (purpose < 0)
		return cli_error(EXIT_USAGE, "no key purpose '%s'", argv[2]);
	if (cli_read_file(argv[1], &key, &len) != 0)
		return 1;
	if (len != EFUSE_KEY_LEN) {
		free(key);
		return cli_error(1, "%s: a key block takes exactly 32 bytes, not %zu",
				 argv[1], len);
	}
	/* As espefuse burn_key: encryption keys become unreadable, digests not. */
	rc = efuse_key_burn(ef, (unsigned int)block, key, (enum efuse_purpose)purpose,
			    purpose == EFUSE_PURPOSE_XTS_AES_128_KEY ||
			    purpose == EFUSE_PURPOSE_XTS_AES_256_KEY_1 ||
			    purpose == EFUSE_PURPOSE_XTS_AES_256_KEY_2);
	free(key);
	if (rc < 0)
		return burn_error(argv[0], rc);
	printf("burned %s with purpose %s\n", argv[0], argv[2]);
	return 0;
}

int esp_efuse_cmd(int argc, char **argv)
{
	enum { O_OTP = 256, O_FLASH, O_FIRST, O_OFFSET };
	static const struct option longopts[] = {
		{ "otp", required_argument, NULL, O_OTP },
		{ "flash", required_argument, NULL, O_FLASH },
		{ "first-word", required_argument, NULL, O_FIRST },
		{ "offset", required_argument, NULL, O_OFFSET },
		{ NULL, 0, NULL, 0 },
	};
	const char *otp = NULL, *flash = NULL, *cmd;
	uint32_t first = 8, offset = 0;
	struct efuse_file f = { .dev.ops = &file_ops };
	int c, have_offset = 0, rc;
	off_t size;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		switch (c) {
		case O_OTP: otp = optarg; break;
		case O_FLASH: flash = optarg; break;
		case O_FIRST:
			if (cli_parse_u32(optarg, 1023, &first) != 0)
				return cli_error(EXIT_USAGE, "bad --first-word '%s'", optarg);
			break;
		case O_OFFSET:
			if (cli_parse_u32(optarg, UINT32_MAX, &offset) != 0)
				return cli_error(EXIT_USAGE, "bad --offset '%s'", optarg);
			have_offset = 1;
			break;
		default: return EXIT_USAGE;
		}
	}
	if (!otp == !flash)
		return cli_error(EXIT_USAGE, "name the eFuses: --otp FILE or --flash FILE --offset N");
	if (flash && !have_offset)
		return cli_error(EXIT_USAGE, "--flash needs --offset (CONFIG_EFUSE_FLASH_OFFSET)");
	if (optind >= argc)
		return cli_error(EXIT_USAGE, "no command (summary, burn-efuse, "
				 "write-protect-efuse, burn-key)");
	cmd = argv[optind];
	f.base = otp ? (off_t)first * 4 : (off_t)offset;
	f.invert = otp ? 0 : 0xffffffffu;
	f.fd = open(otp ? otp : flash, O_RDWR | O_CLOEXEC);
	if (f.fd < 0)
		return cli_error(1, "%s: %s", otp ? otp : flash, strerror(errno));
	size = lseek(f.fd, 0, SEEK_END);
	if (size < f.base + EFUSE_WORDS * 4) {
		close(f.fd);
		return cli_error(1, "%s: too short for the eFuses at byte %lld (%d bytes)",
				 otp ? otp : flash, (long long)f.base, EFUSE_WORDS * 4);
	}
	argc -= optind + 1;
	argv += optind + 1;
	if (strcmp(cmd, "summary") == 0)
		rc = argc ? cli_error(EXIT_USAGE, "summary takes no arguments") : summary(&f.dev);
	else if (strcmp(cmd, "burn-efuse") == 0 || strcmp(cmd, "burn_efuse") == 0)
		rc = burn_efuse(&f.dev, argc, argv);
	else if (strcmp(cmd, "write-protect-efuse") == 0 || strcmp(cmd, "write_protect_efuse") == 0)
		rc = write_protect(&f.dev, argc, argv);
	else if (strcmp(cmd, "burn-key") == 0 || strcmp(cmd, "burn_key") == 0)
		rc = burn_key(&f.dev, argc, argv);
	else
		rc = cli_error(EXIT_USAGE, "no command '%s'", cmd);
	close(f.fd);
	return rc;
}

const char esp_efuse_usage[] =
	"(--otp FILE [--first-word N] | --flash FILE --offset N) COMMAND ...\n\n"
	"Slipway's virtual eFuses (drivers/efuse), espefuse's names:\n"
	"  summary                             every field and key block\n"
	"  burn-efuse NAME VALUE [NAME VALUE ...]   burn fields (bits only 0 -> 1)\n"
	"  write-protect-efuse NAME ...        set the fields' WR_DIS bits\n"
	"  burn-key BLOCK_KEYn KEYFILE PURPOSE  a 32-byte key with its purpose\n"
	"                                      (USER, XTS_AES_128_KEY, XTS_AES_256_KEY_1/2,\n"
	"                                      SECURE_BOOT_DIGEST0..2); XTS keys are\n"
	"                                      read-protected, as espefuse burn_key\n\n"
	"--otp: the sim's OTP file, eFuses from word --first-word (default 8,\n"
	"CONFIG_EFUSE_OTP_FIRST_WORD). --flash: a flash file keeping them at byte\n"
	"--offset (CONFIG_EFUSE_FLASH_OFFSET), a burned bit a programmed 0.\n"
	"Every argument is checked before anything is burned. Exit status 1 when a\n"
	"burn is refused (write-protected, would clear a bit, value too wide).\n";
