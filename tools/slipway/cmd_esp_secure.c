/* tools/slipway/cmd_esp_secure.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * `slipway esp secure`: espsecure v4.8.1's Secure Boot V2 and XTS-AES
 * flash-encryption commands (esp-formats.md section 6), same options (the
 * underscore spellings too) and same bytes where they are deterministic.
 * Blocks are checked by libs/espsecure, the code a ROM stage runs; keys
 * and signing are in esp_secure_key.c; XTS in libs/crypto/crypto_xts.c.
 */
#include "libs/crypto/crypto_hash.h"
#include "libs/crypto/crypto_xts.h"
#include "libs/espsecure/sbv2.h"
#include "tools/slipway/esp_secure_key.h"
#include "tools/slipway/slipway.h"

#include <getopt.h>
#include <sodium/core.h>
#include <sodium/randombytes.h>
#include <sodium/utils.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define PEM_MAX 4096

/* --version: only 2 (Secure Boot V1 is the ESP32's; not implemented). */
static int check_version(const char *v)
{
	if (v == NULL)
		return cli_error(EXIT_USAGE, "--version 2 is required");
	if (strcmp(v, "2") != 0)
		return cli_error(EXIT_USAGE, "--version %s: only Secure Boot V2 "
				 "(--version 2) is implemented", v);
	return 0;
}

static int write_text(const char *path, const char *text)
{
	return cli_write_file(path, (const uint8_t *)text, strlen(text));
}

static int gen_signing_key(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "scheme", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 },
	};
	enum sbv2_scheme scheme = SBV2_SCHEME_RSA3072;
	const char *version = NULL;
	struct sbv2_key k;
	struct stat st;
	char pem[PEM_MAX * 2];
	int c, rc;

	while ((c = getopt_long(argc, argv, "v:s:", longopts, NULL)) != -1) {
		if (c == 'v')
			version = optarg;
		else if (c == 's') {
			if (sbv2_scheme_parse(optarg, &scheme) != 0)
				return cli_error(EXIT_USAGE, "--scheme: '%s' is not "
						 "rsa3072, ecdsa192, ecdsa256 or "
						 "ecdsa384", optarg);
		} else
			return EXIT_USAGE;
	}
	if ((rc = check_version(version)) != 0)
		return rc;
	if (argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected KEYFILE");
	if (stat(argv[optind], &st) == 0)
		return cli_error(1, "key file %s already exists", argv[optind]);
	if (sbv2_key_generate(scheme, &k) != 0)
		return 1;
	rc = sbv2_key_private_pem(&k, pem, sizeof(pem)) != 0 ? -1
	     : write_text(argv[optind], pem);
	sodium_memzero(pem, sizeof(pem));
	sbv2_key_free(&k);
	if (rc != 0)
		return cli_error(1, "could not write %s", argv[optind]);
	printf("%s private key in PEM format written to %s\n",
	       scheme == SBV2_SCHEME_RSA3072 ? "RSA 3072" :
	       scheme == SBV2_SCHEME_ECDSA192 ? "ECDSA NIST192p" :
	       scheme == SBV2_SCHEME_ECDSA256 ? "ECDSA NIST256p" : "ECDSA NIST384p",
	       argv[optind]);
	return 0;
}

/* Blocks 0.. of the sector that decode, in order, up to the first that does not. */
static unsigned int valid_blocks(const uint8_t *sector)
{
	unsigned int n = 0;
	struct sbv2_block b;

	while (n < SBV2_MAX_BLOCKS &&
	       sbv2_block_decode(sector + n * SBV2_BLOCK_SIZE, &b) == SBV2_OK)
		n++;
	return n;
}

static int sign_data(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "keyfile", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ "append-signatures", no_argument, NULL, 'a' },
		{ "append_signatures", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL, *output = NULL, *keys[SBV2_MAX_BLOCKS + 1];
	unsigned int nkeys = 0, have = 0;
	uint8_t *data = NULL, *out = NULL, sector[SBV2_SECTOR_SIZE];
	size_t len, pad = 0;
	int append = 0, c, rc = 1;

	while ((c = getopt_long(argc, argv, "v:k:o:a", longopts, NULL)) != -1) {
		switch (c) {
		case 'v': version = optarg; break;
		case 'o': output = optarg; break;
		case 'a': append = 1; break;
		case 'k':
			if (nkeys == SBV2_MAX_BLOCKS + 1)
				return cli_error(EXIT_USAGE, "too many --keyfile");
			keys[nkeys++] = optarg;
			break;
		default: return EXIT_USAGE;
		}
	}
	if ((rc = check_version(version)) != 0)
		return rc;
	if (nkeys == 0 || argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected --keyfile KEY... DATAFILE");
	if (cli_read_file(argv[optind], &data, &len) != 0)
		return 1;
	rc = 1;
	memset(sector, 0xff, sizeof(sector));
	if (len % SBV2_SECTOR_SIZE != 0 || len == 0) {
		pad = SBV2_SECTOR_SIZE - len % SBV2_SECTOR_SIZE;
		printf("Padding data contents by %zu bytes so signature sector "
		       "aligns at sector boundary\n", pad);
	} else if (append) {
		have = valid_blocks(data + len - SBV2_SECTOR_SIZE);
		if (have == 0) {
			printf("No valid signature blocks found. Discarding "
			       "--append-signature and proceeding to sign the "
			       "image afresh.\n");
		} else {
			printf("%u valid signature block(s) already present in "
			       "the signature sector.\n", have);
			if (have == SBV2_MAX_BLOCKS) {
				cli_error(1, "up to %u signature blocks are "
					  "supported", SBV2_MAX_BLOCKS);
				goto out;
			}
			memcpy(sector, data + len - SBV2_SECTOR_SIZE,
			       have * SBV2_BLOCK_SIZE);
			len -= SBV2_SECTOR_SIZE;
		}
	}
	if (nkeys > SBV2_MAX_BLOCKS - have) {
		cli_error(1, "%u keys but %u empty signature blocks", nkeys,
			  SBV2_MAX_BLOCKS - have);
		goto out;
	}
	printf("%u signing key(s) found.\n", nkeys);
	out = malloc(len + pad + SBV2_SECTOR_SIZE);
	if (out == NULL) {
		cli_error(1, "out of memory");
		goto out;
	}
	memcpy(out, data, len);
	memset(out + len, 0xff, pad);
	len += pad;
	for (unsigned int i = 0; i < nkeys; i++) {
		struct sbv2_key k;
		int r;

		if (sbv2_key_load(keys[i], &k) != 0)
			goto out;
		if (!k.has_private) {
			sbv2_key_free(&k);
			cli_error(1, "%s: a public key cannot sign", keys[i]);
			goto out;
		}
		r = sbv2_key_sign_block(&k, out, len,
					sector + (have + i) * SBV2_BLOCK_SIZE);
		sbv2_key_free(&k);
		if (r != 0) {
			cli_error(1, "%s: signing failed", keys[i]);
			goto out;
		}
	}
	memcpy(out + len, sector, SBV2_SECTOR_SIZE);
	if (cli_write_file(output ? output : argv[optind], out,
			   len + SBV2_SECTOR_SIZE) != 0)
		goto out;
	printf("Signed %zu bytes of data from %s. Signature sector now has %u "
	       "signature blocks.\n", len, argv[optind], have + nkeys);
	rc = 0;
out:
	free(out);
	free(data);
	return rc;
}

/* Read DATAFILE and check it is a whole number of sectors. */
static int read_signed(const char *path, uint8_t **data, size_t *len)
{
	if (cli_read_file(path, data, len) != 0)
		return -1;
	if (*len < SBV2_SECTOR_SIZE || *len % SBV2_SECTOR_SIZE != 0) {
		free(*data);
		return cli_error(-1, "%s: %s", path, sbv2_strerror(SBV2_ERR_LENGTH));
	}
	return 0;
}

static int verify_signature(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "keyfile", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL, *keyfile = NULL;
	enum sbv2_status why[SBV2_MAX_BLOCKS], st;
	uint8_t digest[1][SBV2_KEY_DIGEST_LEN], *data;
	struct sbv2_key k;
	unsigned int max;
	size_t len;
	int c, rc;

	while ((c = getopt_long(argc, argv, "v:k:", longopts, NULL)) != -1) {
		if (c == 'v')
			version = optarg;
		else if (c == 'k')
			keyfile = optarg;
		else
			return EXIT_USAGE;
	}
	if ((rc = check_version(version)) != 0)
		return rc;
	if (keyfile == NULL || argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected --keyfile KEY DATAFILE");
	if (sbv2_key_load(keyfile, &k) != 0)
		return 1;
	/* An ECDSA chip (C2) holds one key, so only block 0 counts. */
	max = k.scheme == SBV2_SCHEME_RSA3072 ? SBV2_MAX_BLOCKS : 1;
	rc = sbv2_key_digest(&k, digest[0]);
	sbv2_key_free(&k);
	if (rc != 0)
		return cli_error(1, "key digest failed");
	if (read_signed(argv[optind], &data, &len) != 0)
		return 1;
	st = sbv2_check_image(data, len, max, digest, 1, 0, why);
	free(data);
	for (unsigned int i = 0; i < max; i++) {
		if (why[i] == SBV2_OK) {
			printf("Signature block %u verification successful using "
			       "the supplied key.\n", i);
			break;
		}
		printf("Signature block %u: %s.\n", i, sbv2_strerror(why[i]));
	}
	if (st != SBV2_OK)
		return cli_error(1, "%s: not verified: %s", argv[optind],
				 sbv2_strerror(st));
	return 0;
}

static int signature_info(int argc, char **argv)
{
	uint8_t *data, kd[SBV2_KEY_DIGEST_LEN];
	size_t len;
	unsigned int n = 0;

	if (argc != 2)
		return cli_error(EXIT_USAGE, "expected DATAFILE");
	if (read_signed(argv[1], &data, &len) != 0)
		return 1;
	for (unsigned int i = 0; i < SBV2_MAX_BLOCKS; i++) {
		struct sbv2_block b;
		enum sbv2_status s = sbv2_block_decode(data + len - SBV2_SECTOR_SIZE +
						       i * SBV2_BLOCK_SIZE, &b);

		if (s != SBV2_OK) {
			printf("Signature block %u absent/invalid (%s). Skipping "
			       "checking next blocks.\n", i, sbv2_strerror(s));
			break;
		}
		n++;
		printf("Signature block %u is valid (%s).\n", i,
		       b.version == SBV2_VERSION_RSA ? "RSA" : "ECDSA");
		if (sbv2_block_key_digest(&b, kd) != 0)
			break;
		printf("Public key digest for block %u:", i);
		for (size_t j = 0; j < sizeof(kd); j++)
			printf(" %02x", kd[j]);
		printf("\n");
	}
	free(data);
	return n > 0 ? 0 : cli_error(1, "%s: %s", argv[1],
				     sbv2_strerror(SBV2_ERR_UNSIGNED));
}

static int digest_public_key(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keyfile", required_argument, NULL, 'k' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keyfile = NULL, *output = NULL;
	uint8_t digest[SBV2_KEY_DIGEST_LEN];
	struct sbv2_key k;
	int c, rc;

	while ((c = getopt_long(argc, argv, "k:o:", longopts, NULL)) != -1) {
		if (c == 'k')
			keyfile = optarg;
		else if (c == 'o')
			output = optarg;
		else
			return EXIT_USAGE;
	}
	if (keyfile == NULL || output == NULL || argc != optind)
		return cli_error(EXIT_USAGE, "expected --keyfile KEY --output FILE");
	if (sbv2_key_load(keyfile, &k) != 0)
		return 1;
	rc = sbv2_key_digest(&k, digest);
	sbv2_key_free(&k);
	if (rc != 0 || cli_write_file(output, digest, sizeof(digest)) != 0)
		return 1;
	printf("Writing the public key digest of %s to %s.\n", keyfile, output);
	return 0;
}

static int extract_public_key(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "keyfile", required_argument, NULL, 'k' },
		{ NULL, 0, NULL, 0 },
	};
	const char *version = NULL, *keyfile = NULL;
	char pem[PEM_MAX];
	struct sbv2_key k;
	int c, rc;

	while ((c = getopt_long(argc, argv, "v:k:", longopts, NULL)) != -1) {
		if (c == 'v')
			version = optarg;
		else if (c == 'k')
			keyfile = optarg;
		else
			return EXIT_USAGE;
	}
	if ((rc = check_version(version)) != 0)
		return rc;
	if (keyfile == NULL || argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected --keyfile KEY PUBLIC_KEYFILE");
	if (sbv2_key_load(keyfile, &k) != 0)
		return 1;
	rc = sbv2_key_public_pem(&k, pem, sizeof(pem));
	sbv2_key_free(&k);
	if (rc != 0 || write_text(argv[optind], pem) != 0)
		return cli_error(1, "could not write %s", argv[optind]);
	printf("%s public key extracted to %s\n", keyfile, argv[optind]);
	return 0;
}

static int gen_flash_encryption_key(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keylen", required_argument, NULL, 'l' },
		{ NULL, 0, NULL, 0 },
	};
	uint32_t bits = 256;
	uint8_t key[64];
	int c, rc;

	while ((c = getopt_long(argc, argv, "l:", longopts, NULL)) != -1) {
		if (c != 'l')
			return EXIT_USAGE;
		if (cli_parse_u32(optarg, 512, &bits) != 0 ||
		    (bits != 128 && bits != 192 && bits != 256 && bits != 512))
			return cli_error(EXIT_USAGE, "--keylen: '%s' is not 128, "
					 "192, 256 or 512", optarg);
	}
	if (argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected KEYFILE");
	if (sodium_init() < 0)
		return cli_error(1, "no random number generator");
	printf("Writing %u random bits to key file %s\n", (unsigned int)bits,
	       argv[optind]);
	randombytes_buf(key, bits / 8);
	rc = cli_write_file(argv[optind], key, bits / 8);
	sodium_memzero(key, sizeof(key));
	return rc == 0 ? 0 : 1;
}

/*
 * A flash-encryption key file as espsecure reads it: 32 or 64 bytes as
 * they are; 16 expanded to SHA-256 of itself; 24 (3/4 coding) extended
 * with its bytes 8..15. Returns the key length, or 0 after printing why.
 */
static size_t load_fe_key(const char *path, uint8_t key[64])
{
	uint8_t *data;
	size_t len;

	if (cli_read_file(path, &data, &len) != 0)
		return 0;
	if (len == 16) {
		crypto_hash_buf(CRYPTO_HASH_SHA256, data, 16, key);
		printf("Using 128-bit key (extended)\n");
		len = 32;
	} else if (len == 24) {
		memcpy(key, data, 24);
		memcpy(key + 24, data + 8, 8);
		printf("Using 192-bit key (extended)\n");
		len = 32;
	} else if (len == 32 || len == 64) {
		memcpy(key, data, len);
		printf("Using %zu-bit key\n", len * 8);
	} else {
		cli_error(0, "%s: key file holds %zu bytes; 16, 24, 32 or 64 expected",
			  path, len);
		len = 0;
	}
	sodium_memzero(data, len > 64 ? 64 : len);
	free(data);
	return len;
}

static int flash_data(int argc, char **argv, int encrypt)
{
	static const struct option longopts[] = {
		{ "aes-xts", no_argument, NULL, 'x' },
		{ "aes_xts", no_argument, NULL, 'x' },
		{ "keyfile", required_argument, NULL, 'k' },
		{ "address", required_argument, NULL, 'a' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *keyfile = NULL, *output = NULL, *address = NULL;
	struct crypto_esp_xts xts;
	uint8_t key[64], *data;
	uint32_t addr;
	size_t key_len, len;
	int xts_mode = 0, c, rc;

	while ((c = getopt_long(argc, argv, "xk:a:o:", longopts, NULL)) != -1) {
		switch (c) {
		case 'x': xts_mode = 1; break;
		case 'k': keyfile = optarg; break;
		case 'a': address = optarg; break;
		case 'o': output = optarg; break;
		default: return EXIT_USAGE;
		}
	}
	if (keyfile == NULL || output == NULL || address == NULL ||
	    argc - optind != 1)
		return cli_error(EXIT_USAGE, "expected --aes-xts --keyfile KEY "
				 "--address ADDR --output OUT FILE");
	if (!xts_mode)
		return cli_error(EXIT_USAGE, "only --aes-xts (C2, C3, C6, H2, S2, "
				 "S3) is implemented, not the ESP32's scheme");
	if (cli_parse_u32(address, UINT32_MAX, &addr) != 0)
		return cli_error(EXIT_USAGE, "--address: '%s' is not a number",
				 address);
	if (addr % 16 != 0)
		return cli_error(1, "starting flash address 0x%x must be a "
				 "multiple of 16", (unsigned int)addr);
	if (strcmp(output, keyfile) == 0 || strcmp(output, argv[optind]) == 0)
		return cli_error(EXIT_USAGE, "the output file must not be an input");
	if ((key_len = load_fe_key(keyfile, key)) == 0)
		return 1;
	if (cli_read_file(argv[optind], &data, &len) != 0) {
		sodium_memzero(key, sizeof(key));
		return 1;
	}
	rc = 1;
	if (len == 0 || len % 16 != 0)
		cli_error(0, "input data length (%zu) must be a non-zero multiple "
			  "of 16", len);
	else if ((uint64_t)addr + len > 0x100000000ull)
		cli_error(0, "the data runs past the 4 GiB address space");
	else if (crypto_esp_xts_init(&xts, key, key_len) != 0)
		cli_error(0, "XTS key setup failed");
	else {
		if (crypto_esp_xts_crypt(&xts, encrypt, addr, data, data, len) == 0 &&
		    cli_write_file(output, data, len) == 0)
			rc = 0;
		crypto_esp_xts_free(&xts);
	}
	sodium_memzero(key, sizeof(key));
	free(data);
	return rc;
}

static int encrypt_flash_data(int argc, char **argv)
{
	return flash_data(argc, argv, 1);
}

static int decrypt_flash_data(int argc, char **argv)
{
	return flash_data(argc, argv, 0);
}

static const struct slipway_cmd secure_cmds[] = {
	{ "generate-signing-key", "a new Secure Boot V2 signing key (PEM)",
	  "--version 2 [--scheme rsa3072|ecdsa192|ecdsa256|ecdsa384] KEYFILE\n\n"
	  "Write a new private key as espsecure does: RSA-3072 (the default) as\n"
	  "PKCS#1 PEM, ECDSA as SEC1 PEM. Refuses to overwrite KEYFILE.\n",
	  gen_signing_key },
	{ "sign-data", "append a Secure Boot V2 signature sector",
	  "--version 2 --keyfile KEY [--keyfile KEY]... [--append-signatures]\n"
	  "       [--output OUT] DATAFILE\n\n"
	  "Pad DATAFILE with 0xFF to a 4 KiB multiple and append the 4 KiB\n"
	  "signature sector: one 1216-byte block per key (at most 3), the rest\n"
	  "0xFF. --append-signatures keeps the valid blocks of DATAFILE's last\n"
	  "sector and adds the new ones after them. Without --output DATAFILE is\n"
	  "replaced.\n",
	  sign_data },
	{ "verify-signature", "check a Secure Boot V2 signed file with a key",
	  "--version 2 --keyfile KEY DATAFILE\n\n"
	  "Valid when a block (any of 3 for RSA, block 0 for ECDSA) signs the\n"
	  "data before the signature sector with KEY (private or public PEM).\n"
	  "Each block's fate is named; exit status 1 when none verifies.\n",
	  verify_signature },
	{ "signature-info-v2", "list a file's signature blocks and key digests",
	  "DATAFILE\n\n"
	  "Print each valid block of the signature sector with its public key\n"
	  "digest (the value burned into a SECURE_BOOT_DIGESTn eFuse).\n",
	  signature_info },
	{ "digest-sbv2-public-key", "the eFuse digest of a signing key",
	  "--keyfile KEY --output FILE\n\n"
	  "Write the 32-byte SHA-256 of the key as a signature block holds it\n"
	  "(RSA: n | e | rinv | m'; ECDSA: curve | point).\n",
	  digest_public_key },
	{ "extract-public-key", "a signing key's public half (PEM)",
	  "--version 2 --keyfile KEY PUBLIC_KEYFILE\n",
	  extract_public_key },
	{ "generate-flash-encryption-key", "a random flash-encryption key file",
	  "[--keylen 128|192|256|512] KEYFILE\n\n"
	  "256 bits (the default) is XTS-AES-128's key, 512 XTS-AES-256's.\n",
	  gen_flash_encryption_key },
	{ "encrypt-flash-data", "XTS-AES encrypt data as the flash holds it",
	  "--aes-xts --keyfile KEY --address ADDR --output OUT FILE\n\n"
	  "FILE's bytes as flash encryption stores them at flash address ADDR\n"
	  "(16-byte aligned; length a multiple of 16): 128-byte units, tweak =\n"
	  "the unit's address, Espressif's byte order.\n",
	  encrypt_flash_data },
	{ "decrypt-flash-data", "XTS-AES decrypt data read raw from flash",
	  "--aes-xts --keyfile KEY --address ADDR --output OUT FILE\n",
	  decrypt_flash_data },
	{ NULL, NULL, NULL, NULL },
};

static void secure_help(FILE *out)
{
	fprintf(out, "usage: slipway esp secure <command> [options]\n\n"
		     "Secure Boot V2 and flash encryption (espsecure). Commands:\n");
	for (const struct slipway_cmd *c = secure_cmds; c->name; c++)
		fprintf(out, "  %-30s %s\n", c->name, c->summary);
}

/*
 * `slipway esp secure <command>`: espsecure's names with - or _. A --help
 * anywhere prints the esp group's "secure" usage (main.c), which lists
 * every command's synopsis.
 */
int esp_secure_cmd(int argc, char **argv)
{
	static char prog[96];
	char name[64];

	if (argc < 2) {
		secure_help(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		secure_help(stdout);
		return 0;
	}
	snprintf(name, sizeof(name), "%s", argv[1]);
	for (char *p = name; *p; p++)
		if (*p == '_')
			*p = '-';
	for (const struct slipway_cmd *c = secure_cmds; c->name; c++) {
		if (strcmp(name, c->name) != 0)
			continue;
		snprintf(prog, sizeof(prog), "slipway esp secure %s", c->name);
		slipway_prog = prog;
		argv[1] = prog;
		optind = 1;
		return c->run(argc - 1, argv + 1);
	}
	fprintf(stderr, "slipway esp secure: unknown command '%s'\n", argv[1]);
	secure_help(stderr);
	return EXIT_USAGE;
}

const char esp_secure_usage[] =
	"<command> [options]\n\n"
	"Secure Boot V2 and XTS-AES flash encryption as espsecure v4.8.1 (its\n"
	"command names with '_' are accepted too):\n"
	"  generate-signing-key --version 2 [--scheme rsa3072|ecdsa192|ecdsa256|\n"
	"                       ecdsa384] KEYFILE\n"
	"  sign-data --version 2 --keyfile KEY... [--append-signatures]\n"
	"            [--output OUT] DATAFILE\n"
	"  verify-signature --version 2 --keyfile KEY DATAFILE\n"
	"  signature-info-v2 DATAFILE\n"
	"  digest-sbv2-public-key --keyfile KEY --output FILE\n"
	"  extract-public-key --version 2 --keyfile KEY PUBLIC_KEYFILE\n"
	"  generate-flash-encryption-key [--keylen 128|192|256|512] KEYFILE\n"
	"  encrypt-flash-data --aes-xts --keyfile KEY --address ADDR --output OUT FILE\n"
	"  decrypt-flash-data --aes-xts --keyfile KEY --address ADDR --output OUT FILE\n\n"
	"sign-data pads DATAFILE with 0xFF to a 4 KiB multiple and appends the\n"
	"signature sector (one 1216-byte block per key, at most 3); without\n"
	"--output DATAFILE is replaced. verify-signature accepts DATAFILE when a\n"
	"block (any of 3 for RSA; block 0 for ECDSA, as a C2 holds one key)\n"
	"signs it with KEY, and names each block's fate. digest-sbv2-public-key\n"
	"writes the 32 bytes burned into a SECURE_BOOT_DIGESTn eFuse. The flash\n"
	"data commands take ADDR and the length in multiples of 16 bytes; key\n"
	"files of 16 bytes are expanded with SHA-256 as espsecure does.\n";
