/*
 * `slipway image`: MCUboot images, following imgtool's interface. This file
 * builds the image; the header encoding is libs/image's, shared with the
 * bootloader, and the hash comes from libs/crypto.
 */
#include "tools/slipway/slipway.h"
#include "libs/crypto/crypto_hash.h"
#include "libs/image/image_header.h"
#include "libs/image/image_tlv.h"
#include "libs/util/le.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* imgtool's default -M: swap status records budgeted per slot. */
#define IMGTOOL_MAX_SECTORS 128

struct sign_opts {
	const char *in, *out;
	struct image_version version;
	uint32_t header_size, slot_size, align;
	uint8_t erased;
	int pad_header;
};

static uint32_t align_up(uint32_t v, uint32_t a)
{
	return (v + a - 1) / a * a;
}

/* imgtool's trailer budget for the fit check (format doc, section 4.5). */
static uint32_t imgtool_trailer_size(uint32_t align)
{
	uint32_t max_align = align > 8 ? align : 8;
	uint32_t magic = align_up(16, max_align);

	return IMGTOOL_MAX_SECTORS * 3 * align + 4 * max_align + magic;
}

static int build_image(const struct sign_opts *o, const uint8_t *in,
		       size_t in_len, uint8_t **out, size_t *out_len)
{
	const size_t tlv_len = 4 + 4 + 32;
	struct image_header hdr = { 0 };
	size_t body_len, total;
	uint8_t *img;

	if (o->pad_header) {
		body_len = in_len;
	} else {
		/* imgtool: the input must already hold the header's room. */
		if (in_len < o->header_size)
			return cli_error(1, "%s: shorter than the header size "
					 "0x%x", o->in, o->header_size);
		for (size_t i = 0; i < o->header_size; i++)
			if (in[i] != 0)
				return cli_error(1, "%s: does not start with "
						 "0x%x zero bytes; use "
						 "--pad-header", o->in,
						 o->header_size);
		body_len = in_len - o->header_size;
	}
	if (body_len > UINT32_MAX - o->header_size - tlv_len)
		return cli_error(1, "%s: too large", o->in);
	total = o->header_size + body_len + tlv_len;
	if ((uint64_t)total + imgtool_trailer_size(o->align) > o->slot_size)
		return cli_error(1, "image (0x%zx bytes) and trailer (0x%x "
				 "bytes) exceed the slot size 0x%x", total,
				 imgtool_trailer_size(o->align), o->slot_size);
	img = malloc(total);
	if (img == NULL)
		return cli_error(1, "out of memory");
	memset(img, o->erased, o->header_size);
	memcpy(img + o->header_size,
	       o->pad_header ? in : in + o->header_size, body_len);

	hdr.magic = IMAGE_MAGIC;
	hdr.hdr_size = (uint16_t)o->header_size;
	hdr.img_size = (uint32_t)body_len;
	hdr.version = o->version;
	image_header_encode(&hdr, img);

	uint8_t *tlv = img + o->header_size + body_len;
	put_le16(tlv, IMAGE_TLV_INFO_MAGIC);
	put_le16(tlv + 2, (uint16_t)tlv_len);
	put_le16(tlv + 4, IMAGE_TLV_SHA256);
	put_le16(tlv + 6, 32);
	if (crypto_hash_buf(CRYPTO_HASH_SHA256, img, o->header_size + body_len,
			tlv + 8) != 0) {
		free(img);
		return cli_error(1, "SHA-256 failed");
	}
	*out = img;
	*out_len = total;
	return 0;
}

static int image_sign(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "version", required_argument, NULL, 'v' },
		{ "header-size", required_argument, NULL, 'H' },
		{ "pad-header", no_argument, NULL, 'P' },
		{ "slot-size", required_argument, NULL, 'S' },
		{ "align", required_argument, NULL, 'a' },
		{ "erased-val", required_argument, NULL, 'R' },
		{ NULL, 0, NULL, 0 },
	};
	struct sign_opts o = { .align = 1, .erased = 0xff };
	const char *version = NULL;
	int have_hdr = 0, have_slot = 0;
	uint8_t *in = NULL, *img = NULL;
	size_t in_len = 0, img_len = 0;
	uint32_t v;
	int c, rc;

	while ((c = getopt_long(argc, argv, "v:H:S:R:", longopts, NULL)) != -1) {
		switch (c) {
		case 'v':
			version = optarg;
			break;
		case 'H':
			if (cli_parse_u32(optarg, 0xffff, &o.header_size) ||
			    o.header_size < IMAGE_HEADER_ENCODED_SIZE)
				return cli_error(EXIT_USAGE, "--header-size: "
						 "'%s' is not a number from 32 "
						 "to 0xffff", optarg);
			have_hdr = 1;
			break;
		case 'P':
			o.pad_header = 1;
			break;
		case 'S':
			if (cli_parse_u32(optarg, UINT32_MAX, &o.slot_size))
				return cli_error(EXIT_USAGE, "--slot-size: '%s' "
						 "is not a number", optarg);
			have_slot = 1;
			break;
		case 'a':
			if (cli_parse_u32(optarg, 32, &v) || v == 0 ||
			    (v & (v - 1)) != 0)
				return cli_error(EXIT_USAGE, "--align: '%s' is "
						 "not 1, 2, 4, 8, 16 or 32",
						 optarg);
			o.align = v;
			break;
		case 'R':
			if (cli_parse_u32(optarg, 0xff, &v) ||
			    (v != 0 && v != 0xff))
				return cli_error(EXIT_USAGE, "--erased-val: "
						 "'%s' is not 0 or 0xff",
						 optarg);
			o.erased = (uint8_t)v;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (version == NULL || !have_hdr || !have_slot)
		return cli_error(EXIT_USAGE, "--version, --header-size and "
				 "--slot-size are required");
	if (image_version_parse(version, &o.version) != 0)
		return cli_error(EXIT_USAGE, "--version: '%s' is not "
				 "major[.minor[.revision[+build]]]", version);
	if (argc - optind != 2)
		return cli_error(EXIT_USAGE, "expected INFILE and OUTFILE");
	o.in = argv[optind];
	o.out = argv[optind + 1];
	if (cli_read_file(o.in, &in, &in_len) != 0)
		return 1;
	rc = build_image(&o, in, in_len, &img, &img_len);
	free(in);
	if (rc != 0)
		return rc;
	rc = cli_write_file(o.out, img, img_len) != 0;
	free(img);
	return rc;
}

static const struct slipway_cmd image_cmds[] = {
	{ "dumpinfo", "print an image's header, TLVs and trailer (imgtool dumpinfo)",
	  "[--json] IMAGE\n\n"
	  "Print what the bytes of IMAGE say, valid or not, in imgtool dumpinfo's\n"
	  "layout, or with --json as imgtool's JSON output. Values cut short by\n"
	  "the end of the file are shown as far as they go and named on stderr.\n",
	  image_dumpinfo },
	{ "sign", "make an MCUboot image from a binary (imgtool sign)",
	  "[options] INFILE OUTFILE\n\n"
	  "Wrap INFILE in an MCUboot image header and TLVs, as imgtool sign\n"
	  "does. The output is byte-identical to imgtool's for the same\n"
	  "options. This build writes hash-only images (SHA-256 TLV).\n\n"
	  "  -v, --version V        image version, major[.minor[.rev[+build]]]\n"
	  "  -H, --header-size N    bytes reserved for the header (>= 32)\n"
	  "      --pad-header       add the header's room in front of INFILE;\n"
	  "                         without it INFILE must start with N zeros\n"
	  "  -S, --slot-size N      slot size; the image and its trailer must fit\n"
	  "      --align N          flash write alignment: 1, 2, 4, 8, 16, 32\n"
	  "  -R, --erased-val V     erased value of the flash, 0 or 0xff\n",
	  image_sign },
	{ NULL, NULL, NULL, NULL },
};

const struct slipway_group image_group = {
	"image", "MCUboot images: sign, verify, dumpinfo, keys", image_cmds,
};
