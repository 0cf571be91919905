/* libs/espimage/esp_image.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP image (magic 0xE9) that Espressif ROMs and ESP-IDF's second-stage
 * bootloader load (../shared/docs/esp-formats.md sections 1 and 2), read
 * from a flash device or area in bounded chunks: nothing is read past the
 * `size` given, and no buffer is sized by the image. The bootloader, the
 * update agent and the host program (`slipway esp`) share this code.
 *
 * The chips' memory maps are data (esp_chip.c): which memory a load
 * address falls in decides whether a segment is flash-mapped, RAM or
 * padding, and whether it lies anywhere the chip can load it.
 */
#ifndef SLIPWAY_LIBS_ESPIMAGE_ESP_IMAGE_H
#define SLIPWAY_LIBS_ESPIMAGE_ESP_IMAGE_H

#include "drivers/mtd/mtd.h"

#include <stddef.h>
#include <stdint.h>

#define ESP_IMAGE_MAGIC 0xe9
#define ESP_IMAGE_HEADER_LEN 24    /* common (8) + extended (16) */
#define ESP_IMAGE_SEG_HEADER_LEN 8
#define ESP_IMAGE_MAX_SEGMENTS 16
#define ESP_IMAGE_MAX_SEG_LEN 0x1000000 /* ESP-IDF: lengths below 16 MiB */
#define ESP_IMAGE_CHECKSUM_SEED 0xef
#define ESP_IMAGE_DIGEST_LEN 32
#define ESP_IMAGE_WP_PIN_DISABLED 0xee
#define ESP_IMAGE_PADDING_END 0x10000000 /* below: a padding segment */
#define ESP_IMAGE_DEFAULT_PAGE 0x10000

#define ESP_APP_DESC_MAGIC 0xabcd5432
#define ESP_APP_DESC_LEN 256
#define ESP_BOOT_DESC_MAGIC 0x50
#define ESP_BOOT_DESC_LEN 80

/* Memory types, in the order esptool's memory maps list them. */
enum esp_mem_type {
	ESP_MEM_PADDING,
	ESP_MEM_DROM,
	ESP_MEM_DRAM,
	ESP_MEM_BYTE_ACCESSIBLE,
	ESP_MEM_DROM_MASK,
	ESP_MEM_IROM_MASK,
	ESP_MEM_IROM,
	ESP_MEM_IRAM,
	ESP_MEM_RTC_IRAM,
	ESP_MEM_RTC_DRAM,
	ESP_MEM_INTERNAL2,
	ESP_MEM_NTYPES,
};

struct esp_mem_range {
	uint32_t start, end; /* half-open */
	uint8_t type;        /* enum esp_mem_type */
};

struct esp_flash_freq {
	const char *name; /* "80m" */
	uint8_t code;
};

struct esp_chip {
	const char *name;    /* "esp32c3": what --chip takes */
	const char *display; /* "ESP32-C3" */
	uint16_t chip_id;
	const struct esp_mem_range *map;
	unsigned int nmap;
	const struct esp_flash_freq *freqs; /* first entry per code is its name */
	unsigned int nfreqs;
	uint32_t page_sizes;        /* MMU page sizes allowed, as a bit mask of sizes */
	uint32_t bootloader_offset; /* where the ROM reads the bootloader */
	int app_desc_required;      /* ESP-IDF probes the page size from it */
};

/* The image chip id of QEMU virt in the ESP-IDF scheme (project-private). */
#define ESP_CHIP_ID_QEMU_VIRT 0x7f01

/* The four RISC-V chips and qemu-virt; NULL when `name` is none of them. */
const struct esp_chip *esp_chip_find(const char *name);
/* The one of them with this image chip id, or NULL. */
const struct esp_chip *esp_chip_by_id(uint16_t chip_id);
/* The name of a known chip id ("ESP32-C3"), or NULL. */
const char *esp_chip_id_name(uint16_t chip_id);
const char *esp_mem_type_name(enum esp_mem_type t);
/* Bit mask (1 << enum esp_mem_type) of the ranges `addr` falls in. */
uint32_t esp_chip_mem_types(const struct esp_chip *chip, uint32_t addr);
/* In the flash-mapped windows (IROM or DROM)? */
int esp_chip_is_flash(const struct esp_chip *chip, uint32_t addr);
/* Frequency code for "80m", or -1; name for a code, or NULL. */
int esp_chip_freq_code(const struct esp_chip *chip, const char *name);
const char *esp_chip_freq_name(const struct esp_chip *chip, uint8_t code);

enum esp_image_error {
	ESP_IMAGE_OK = 0,
	ESP_IMAGE_ERR_EMPTY = -1300,     /* the area reads as erased */
	ESP_IMAGE_ERR_MAGIC,             /* first byte is not 0xE9 */
	ESP_IMAGE_ERR_TRUNC_HEADER,      /* area ends inside the 24-byte header */
	ESP_IMAGE_ERR_SEG_COUNT,         /* more than 16 segments */
	ESP_IMAGE_ERR_HASH_FLAG,         /* hash_appended neither 0 nor 1 */
	ESP_IMAGE_ERR_CHIP_ID,           /* built for another chip */
	ESP_IMAGE_ERR_CHIP_REV,          /* chip revision outside min..max */
	ESP_IMAGE_ERR_TRUNC_SEG_HEADER,  /* area ends inside a segment header */
	ESP_IMAGE_ERR_SEG_LEN_ALIGN,     /* segment length not a multiple of 4 */
	ESP_IMAGE_ERR_SEG_TOO_LONG,      /* segment of 16 MiB or more */
	ESP_IMAGE_ERR_SEG_PAST_END,      /* segment data runs past the area */
	ESP_IMAGE_ERR_SEG_ADDR,          /* segment in no loadable memory of the chip */
	ESP_IMAGE_ERR_SEG_OVERLAP,       /* two segments load to the same bytes */
	ESP_IMAGE_ERR_SEG_MAPPING,       /* flash offset and address disagree mod page */
	ESP_IMAGE_ERR_TRUNC_CHECKSUM,    /* area ends before the checksum byte */
	ESP_IMAGE_ERR_TRUNC_DIGEST,      /* area ends inside the appended SHA-256 */
	ESP_IMAGE_ERR_NO_APP_DESC,       /* segment 0 does not start with esp_app_desc_t */
	ESP_IMAGE_ERR_PAGE_SIZE,         /* app descriptor names an unusable page size */
	ESP_IMAGE_ERR_IO,                /* reading the flash failed */
	ESP_IMAGE_ERR_CHECKSUM,          /* checksum byte does not match the data */
	ESP_IMAGE_ERR_DIGEST,            /* appended SHA-256 does not match */
};

const char *esp_image_strerror(int err);

struct esp_image_seg {
	uint32_t load_addr;
	uint32_t len;
	uint32_t offset;    /* of the segment header in the image */
	uint32_t mem_types; /* esp_chip_mem_types() of load_addr */
};

struct esp_app_desc {
	uint32_t magic;
	uint32_t secure_version;
	char version[33];
	char project_name[33];
	char time[17];
	char date[17];
	char idf_ver[33];
	uint8_t app_elf_sha256[32];
	uint16_t min_efuse_blk_rev_full;
	uint16_t max_efuse_blk_rev_full;
	uint8_t mmu_page_log2; /* 0: legacy, 64 KiB */
};

struct esp_boot_desc {
	uint8_t magic;
	uint8_t secure_version;
	uint32_t version;
	char idf_ver[33];
	char date_time[25];
};

struct esp_image {
	/* common header */
	uint8_t segment_count;
	uint8_t flash_mode;
	uint8_t flash_size_freq; /* size code high nibble, frequency low */
	uint32_t entry;
	/* extended header */
	uint8_t wp_pin;
	uint8_t drv[3]; /* clk|q<<4, d|cs0<<4, hd|wp<<4 */
	uint16_t chip_id;
	uint8_t min_rev;
	uint16_t min_rev_full, max_rev_full;
	uint8_t hash_appended;

	struct esp_image_seg segs[ESP_IMAGE_MAX_SEGMENTS];
	uint32_t checksum_offset; /* where the checksum byte is */
	uint8_t checksum, checksum_calc;
	uint8_t digest[ESP_IMAGE_DIGEST_LEN], digest_calc[ESP_IMAGE_DIGEST_LEN];
	uint32_t image_len; /* through the checksum, and the digest if any */

	int has_app_desc, has_boot_desc; /* at the start of segment 0 */
	struct esp_app_desc app;
	struct esp_boot_desc boot;
	uint32_t mmu_page; /* from the app descriptor, else 64 KiB */
	int bad_seg;       /* segment at fault, or -1 */
};

/* What esp_image_read checks beyond the format itself. */
struct esp_image_policy {
	const struct esp_chip *chip; /* NULL: any chip id, no memory map checks */
	int check_mapping; /* flash segments aligned with their addresses (mod page) */
	int require_app_desc; /* an app for a chip whose bootloader needs it */
};

/*
 * Read and check the image at offset 0 of `dev`, reading at most `size`
 * bytes. Every field that could be read is in `img` even on failure. The
 * checksum and digest errors come last: when one is returned, every other
 * check passed.
 */
int esp_image_read(struct mtd_dev *dev, uint32_t size,
		   const struct esp_image_policy *pol, struct esp_image *img);

/*
 * Every flash-mapped segment's data offset agrees with its load address
 * modulo `page` (doc 5.3): esp_image_read applies it with the app
 * descriptor's page size; callers that know the configured page size call
 * it with that. ESP_IMAGE_OK or ESP_IMAGE_ERR_SEG_MAPPING (img->bad_seg).
 */
int esp_image_check_mapping(const struct esp_chip *chip, struct esp_image *img,
			    uint32_t page);

/* The chip revision rule of ESP-IDF (doc 1.3): app: min <= rev <= max
 * (max 0 or 65535: unset); bootloader: only the minimum. */
int esp_image_check_chip_rev(const struct esp_image *img, uint16_t rev,
			     int is_app);

/* Decode descriptors from their raw bytes. 0, or -1 on a wrong magic. */
int esp_app_desc_decode(const uint8_t raw[ESP_APP_DESC_LEN],
			struct esp_app_desc *d);
int esp_boot_desc_decode(const uint8_t raw[ESP_BOOT_DESC_LEN],
			 struct esp_boot_desc *d);

#endif
