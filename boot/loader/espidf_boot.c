/* boot/loader/espidf_boot.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * The ESP-IDF scheme's slot choice and the writes that go with it, in
 * ESP-IDF's order: the otadata rewrites (unconfirmed PENDING_VERIFY to
 * ABORTED first, then the chosen NEW to PENDING_VERIFY), the factory reset,
 * the test app, then candidates in the fallback order until one validates.
 */
#include "boot/loader/espidf_boot.h"

#include "drivers/mtd/mtd_window.h"
#include "libs/log/log.h"

#include <errno.h>
#include <string.h>

int espidf_label_listed(const char *list, const char *label)
{
	size_t n = strlen(label);

	while (list != NULL && *list != '\0') {
		const char *end = strchr(list, ','), *s = list, *e;

		e = end ? end : list + strlen(list);
		while (s < e && *s == ' ')
			s++;
		while (e > s && e[-1] == ' ')
			e--;
		if ((size_t)(e - s) == n && n != 0 && memcmp(s, label, n) == 0)
			return 1;
		list = end ? end + 1 : NULL;
	}
	return 0;
}

static int open_otadata(const struct espidf_boot_cfg *cfg,
			const struct ota_parts *p, struct mtd_window *w)
{
	return mtd_window_init(w, cfg->flash, p->otadata->offset,
			       p->otadata->size);
}

/* otadata's entries; blank ones when it cannot be read (logged). */
static void read_entries(const struct espidf_boot_cfg *cfg,
			 const struct ota_parts *p, struct otadata_entry e[2])
{
	struct mtd_window w;
	int rc;

	otadata_entry_blank(&e[0]);
	otadata_entry_blank(&e[1]);
	if (p->otadata == NULL)
		return;
	rc = open_otadata(cfg, p, &w);
	if (rc == 0)
		rc = otadata_read(&w.mtd, e);
	if (rc != 0) {
		log_error("boot: otadata at 0x%x unreadable (%d)",
			  (unsigned)p->otadata->offset, rc);
		otadata_entry_blank(&e[0]);
		otadata_entry_blank(&e[1]);
	}
}

static void write_entry(const struct espidf_boot_cfg *cfg,
			const struct ota_parts *p, int i,
			const struct otadata_entry *e)
{
	struct mtd_window w;
	int rc = open_otadata(cfg, p, &w);

	if (rc == 0)
		rc = otadata_write_entry(&w.mtd, i, e);
	if (rc != 0) /* ESP-IDF goes on with its in-RAM copy too */
		log_error("boot: writing otadata entry %d failed (%d)", i, rc);
}

/* Steps 1-6 of section 4, with their rewrites in ESP-IDF's order. */
static void choose(const struct espidf_boot_cfg *cfg, const struct ota_parts *p,
		   struct otadata_choice *c)
{
	struct otadata_entry e[2];

	read_entries(cfg, p, e);
	otadata_choose(e, &p->layout, c);
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < 2; i++) {
			int abort = c->new_entry[i].state == OTADATA_STATE_ABORTED;

			if (!c->write[i] || abort != (pass == 0))
				continue;
			log_info("boot: otadata entry %d: %s -> %s", i,
				 otadata_state_name(e[i].state),
				 otadata_state_name(c->new_entry[i].state));
			write_entry(cfg, p, i, &c->new_entry[i]);
		}
	}
}

static void factory_reset(const struct espidf_boot_cfg *cfg,
			  const struct ota_parts *p)
{
	log_info("boot: factory reset: erasing data partitions '%s'%s",
		 cfg->erase_list ? cfg->erase_list : "",
		 cfg->erase_otadata ? " and otadata" : "");
	for (unsigned int i = 0; i < p->table.count; i++) {
		const struct esp_part *e = &p->table.parts[i];
		int rc;

		if (e->type != ESP_PART_TYPE_DATA)
			continue;
		if (!(cfg->erase_otadata && e == p->otadata) &&
		    !espidf_label_listed(cfg->erase_list, e->label))
			continue;
		rc = mtd_erase(cfg->flash, e->offset, e->size);
		if (rc != 0)
			log_error("boot: factory reset: erasing '%s' failed (%d)",
				  e->label, rc);
	}
}

/* Raise the anti-rollback counter to what a confirmed app carries. */
static void raise_counter(const struct espidf_boot_cfg *cfg, uint32_t v,
			  uint32_t now)
{
	int rc;

	if (v <= now)
		return;
	rc = moncnt_raise(cfg->counter, cfg->counter_id, v);
	if (rc != 0)
		log_error("boot: raising the anti-rollback counter to %u "
			  "failed (%d)", (unsigned)v, rc);
	else
		log_info("boot: anti-rollback counter raised to %u", (unsigned)v);
}

int espidf_boot_select(const struct espidf_boot_cfg *cfg,
		       struct ota_parts *parts, struct espidf_boot_result *r)
{
	struct ota_app_policy pol = cfg->app;
	struct otadata_choice c;
	int order[OTADATA_MAX_OTA + 2];
	unsigned int n;
	char why[96], nb[8];
	int rc;

	memset(r, 0, sizeof(*r));
	rc = ota_parts_read(cfg->flash, cfg->table_offset, parts, why,
			    sizeof(why));
	if (rc != 0) {
		log_error("boot: partition table at 0x%x: %s; booting nothing",
			  (unsigned)cfg->table_offset, why);
		return -EINVAL;
	}
	parts->layout.rollback = cfg->rollback;
	pol.anti_rollback = cfg->counter != NULL;
	pol.secure_version_min = 0;
	if (cfg->counter != NULL &&
	    moncnt_read(cfg->counter, cfg->counter_id, &pol.secure_version_min) != 0) {
		log_error("boot: the anti-rollback counter is unreadable; "
			  "booting nothing");
		return -ENOENT;
	}
	choose(cfg, parts, &c);
	if (cfg->factory_reset) {
		factory_reset(cfg, parts);
		r->factory_reset_done = 1;
		choose(cfg, parts, &c);
	}
	if (cfg->test_app) {
		log_info("boot: test-app pin held");
		if (parts->test == NULL) {
			log_error("boot: the partition table has no test app");
			return -ENOENT;
		}
		order[0] = OTADATA_TEST;
		n = 1;
	} else {
		n = otadata_candidates(c.start, &parts->layout, order);
	}
	for (unsigned int i = 0; i < n; i++) {
		const struct esp_part *part = ota_parts_candidate(parts, order[i]);

		rc = ota_app_check(cfg->flash, part, &pol, &r->img);
		if (rc != 0) {
			log_error("boot: %s at 0x%x: %s; trying the next",
				  ota_parts_candidate_name(order[i], nb),
				  (unsigned)part->offset, ota_app_strerror(rc));
			r->refused++;
			continue;
		}
		r->candidate = order[i];
		r->part = part;
		if (c.init_on_boot && order[i] >= 0) {
			struct otadata_entry init;

			otadata_initial((unsigned int)order[i], &init);
			log_info("boot: otadata entry 0 set to seq %u",
				 (unsigned)init.seq);
			write_entry(cfg, parts, 0, &init);
		}
		if (cfg->counter != NULL && r->img.has_app_desc &&
		    ((order[i] == c.start && c.active_was_valid) ||
		     (c.init_on_boot && order[i] >= 0)))
			raise_counter(cfg, r->img.app.secure_version,
				      pol.secure_version_min);
		log_info("boot: %s at 0x%x: %u segments, %s", part->label,
			 (unsigned)part->offset, r->img.segment_count,
			 r->img.hash_appended ? "checksum and SHA-256 valid"
					      : "checksum valid");
		return 0;
	}
	log_error("boot: no bootable app partition");
	return -ENOENT;
}
