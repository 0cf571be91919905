/* libs/otadata/otadata.h
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * ESP-IDF's otadata (../shared/docs/esp-formats.md section 4): the two
 * 32-byte entries, one per 4 KiB sector of the otadata partition, that say
 * which OTA app partition boots and in what state it is.
 *
 * Everything that decides is a pure function of the two entries and the
 * partition table's shape (struct otadata_layout): the loader's slot choice
 * (otadata_choose), the order it falls back in (otadata_candidates), and
 * what the OTA API writes (otadata_set_boot, otadata_mark). The only flash
 * I/O is otadata_read and otadata_write_entry, so the loader, the agent and
 * `slipway otadata` make the same decisions and write the same bytes.
 */
#ifndef SLIPWAY_LIBS_OTADATA_OTADATA_H
#define SLIPWAY_LIBS_OTADATA_OTADATA_H

#include <stddef.h>
#include <stdint.h>

struct mtd_dev;

#define OTADATA_SIZE 0x2000      /* the partition: two sectors */
#define OTADATA_SECTOR 0x1000    /* one entry per sector */
#define OTADATA_ENTRY_LEN 32     /* used bytes of a sector; the rest 0xff */
#define OTADATA_LABEL_LEN 20
#define OTADATA_SEQ_ERASED 0xffffffffu
#define OTADATA_MAX_OTA 16       /* subtypes ota_0..ota_15 */

/* esp_ota_img_states_t */
enum otadata_state {
	OTADATA_STATE_NEW = 0,
	OTADATA_STATE_PENDING_VERIFY = 1,
	OTADATA_STATE_VALID = 2,
	OTADATA_STATE_INVALID = 3,
	OTADATA_STATE_ABORTED = 4,
	OTADATA_STATE_UNDEFINED = 0xffffffffu,
};

/* esp_ota_select_entry_t */
struct otadata_entry {
	uint32_t seq;
	uint8_t label[OTADATA_LABEL_LEN];
	uint32_t state;
	uint32_t crc;
};

/* ROM crc32_le(0xffffffff, &seq, 4): zlib's crc32(seq_le, 0xffffffff). */
uint32_t otadata_crc(uint32_t seq);

void otadata_entry_decode(const uint8_t buf[OTADATA_ENTRY_LEN],
			  struct otadata_entry *e);
void otadata_entry_encode(const struct otadata_entry *e,
			  uint8_t buf[OTADATA_ENTRY_LEN]);
/* An erased entry (all 0xff). */
void otadata_entry_blank(struct otadata_entry *e);
/* Decode both entries from an OTADATA_SIZE buffer. */
void otadata_decode(const uint8_t *buf, struct otadata_entry e[2]);

/* Invalid: seq erased, or state INVALID or ABORTED (the CRC is not read).
 * Valid: not invalid and the CRC matches. An entry can be neither. */
int otadata_entry_invalid(const struct otadata_entry *e);
int otadata_entry_valid(const struct otadata_entry *e);
/* The active entry: the valid one with the larger seq (tie: entry 0),
 * or -1 when neither is valid. */
int otadata_active(const struct otadata_entry e[2]);
const char *otadata_state_name(uint32_t state);

/* What of the partition table the choice depends on. */
struct otadata_layout {
	unsigned int ota_count; /* app partitions ota_0..ota_{n-1} */
	int has_otadata;
	int has_factory;
	int has_test;
	int rollback;           /* CONFIG_BOOTLOADER_APP_ROLLBACK_ENABLE */
};

/* A boot candidate: an OTA index 0..15, or one of these. */
#define OTADATA_FACTORY (-1)
#define OTADATA_TEST (-2)

/* Why the choice is what it is (logged by the loader, dumped by slipway). */
enum otadata_reason {
	OTADATA_WHY_NO_OTADATA,  /* no otadata partition: factory */
	OTADATA_WHY_NO_OTA_APPS, /* otadata but no OTA app partition */
	OTADATA_WHY_BOTH_INVALID,/* both entries invalid (blank, aborted...) */
	OTADATA_WHY_ACTIVE,      /* the active entry's slot */
	OTADATA_WHY_NO_ACTIVE,   /* neither entry valid though not both invalid */
};

struct otadata_choice {
	int start;              /* first candidate: OTA index or FACTORY */
	int active;             /* active entry after the rewrites, or -1 */
	enum otadata_reason why;
	/* Rewrites before the app runs, in this order: entries whose
	 * write[i] is set get new[i] written in place (rollback: an
	 * unconfirmed PENDING_VERIFY becomes ABORTED, then the chosen NEW
	 * becomes PENDING_VERIFY). */
	int write[2];
	struct otadata_entry new_entry[2];
	/* Both entries blank or of bad CRC, no factory: after OTA index k
	 * loads, entry 0 becomes {seq k + 1, VALID} (otadata_initial). */
	int init_on_boot;
	/* The active entry was VALID: an anti-rollback counter may be raised
	 * to the booted app's secure_version. */
	int active_was_valid;
};

/* The loader's choice, section 4 steps 1-6. Never fails. */
void otadata_choose(const struct otadata_entry e[2],
		    const struct otadata_layout *l, struct otadata_choice *c);

/*
 * Step 7: the order candidates are tried in when `start` fails to load:
 * start, lower OTA indices down to factory (when present), higher OTA
 * indices, then test (when present). Returns how many were stored in
 * `out` (room for OTADATA_MAX_OTA + 2).
 */
unsigned int otadata_candidates(int start, const struct otadata_layout *l,
				int out[OTADATA_MAX_OTA + 2]);

/* The entry written for init_on_boot when OTA index k booted. */
void otadata_initial(unsigned int k, struct otadata_entry *e);

/*
 * esp_ota_set_boot_partition(ota_k): the entry to write and which sector
 * (`*sector`) it goes to. The sequence is the smallest ((k+1) mod N) + i*N
 * not below the active seq (k+1 into sector 0 when nothing is valid), and
 * never 0 (ESP-IDF writes 0 after an active seq 0, which names slot
 * 0xffffffff mod N, not k, unless N divides 2^32);
 * state NEW with rollback, else UNDEFINED; the other fields are that
 * sector's old ones. -EINVAL: k not below N; -EOVERFLOW: no such sequence
 * below 0xffffffff (ESP-IDF loops forever there).
 */
int otadata_set_boot(const struct otadata_entry e[2], unsigned int k,
		     unsigned int ota_count, int rollback, int *sector,
		     struct otadata_entry *out);

/*
 * Mark the active entry VALID (esp_ota_mark_app_valid_cancel_rollback) or
 * INVALID (esp_ota_mark_app_invalid_rollback_and_reboot): the entry to
 * write in place into `*sector`. 1: nothing to write (already VALID);
 * 0: write; -ENOENT: no active entry (factory runs).
 */
int otadata_mark(const struct otadata_entry e[2], int valid, int *sector,
		 struct otadata_entry *out);

/* OTA index the active entry boots ((seq - 1) mod N), or -1. */
int otadata_active_slot(const struct otadata_entry e[2],
			unsigned int ota_count);

/* Flash I/O on the otadata partition (an OTADATA_SIZE device/window). */
int otadata_read(struct mtd_dev *dev, struct otadata_entry e[2]);
/* Erase sector `sector`, program the entry (ESP-IDF's write_otadata),
 * its CRC in a second program of the same bytes (so a torn program never
 * leaves a valid entry; NOR allows it; not for write-once ECC flash). */
int otadata_write_entry(struct mtd_dev *dev, int sector,
			const struct otadata_entry *e);
/* Erase both sectors (otatool erase_otadata). */
int otadata_erase(struct mtd_dev *dev);

#endif
