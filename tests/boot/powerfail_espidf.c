/* tests/boot/powerfail_espidf.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

/*
 * Power-fail proof of the ESP-IDF boot scheme. A scenario is a short life
 * of a device (tests/boot/espidf_device.h): boots, and the app calling the
 * OTA API (set boot partition, mark valid, mark invalid), factory resets.
 * It runs with power cut at every program and erase, the operation
 * skipped, completed or torn (drivers/mtd/sim_replay); then the device
 * settles: it boots again and again, no app calling anything, until a boot
 * writes nothing and starts what the boot before it started.
 *
 * What must hold after every cut:
 *  - every boot of the settling starts an app (never "nothing bootable");
 *  - the settled outcome (the app started, the anti-rollback counter) is
 *    the one the uninterrupted life settles to from just before, or just
 *    after, the step (boot or API call) power failed in;
 *  - no app partition's bytes changed (otadata writes and factory resets
 *    never touch an app);
 *  - with secure boot, an app signed by an unknown key never starts.
 * And once per scenario: the uninterrupted life ends on the app its rules
 * say (e.g. an unconfirmed update is rolled back).
 */
#include "tests/test.h"

#include "tests/boot/espidf_device.h"
#include "tests/boot/espidf_signed.h"
#include "tests/boot/powerfail_espidf.h"
#include "drivers/mtd/sim_replay.h"

#include <errno.h>
#include <string.h>

enum step_kind { BOOT, SET, VALID, INVALID, RESET, RESET_KEEP };

struct step {
	enum step_kind kind;
	int arg; /* SET: OTA index, or OTADATA_FACTORY */
};

#define MAX_STEPS 10

/* Secure Boot V2 (espidf_signed.h): the eFuse bit on, every app signed by
 * the trusted key; SB_SWAPPED: but ota_1 by an unknown key, and otadata
 * entry 1 names it NEW (a flasher's doing, behind the agent). */
enum secure_setup { SB_OFF, SB_SIGNED, SB_SWAPPED };

struct pf_scenario {
	const char *name;
	unsigned int n_ota;
	int factory, rollback, anti;
	int init_slot;          /* -1: blank otadata; else {seq k+1, VALID} */
	uint32_t init_counter;
	struct step steps[MAX_STEPS];
	unsigned int nsteps;
	int want;               /* the candidate the life settles on */
	enum secure_setup secure;
};

struct outcome {
	uint32_t app, counter;
};

static struct espidf_dev dev;
static uint8_t initial[ESPIDF_DEV_SIZE], snap[ESPIDF_DEV_SIZE];
static struct ota_parts parts;
static const struct pf_scenario *cur;
static uint32_t running;
static uint64_t ops_at[MAX_STEPS + 1];
static struct outcome settled[MAX_STEPS + 1];
static const char *broken;

static int do_boot(int reset, int keep_otadata)
{
	struct espidf_boot_cfg cfg = espidf_dev_boot_cfg(&dev, cur->rollback,
							 cur->anti);
	struct espidf_boot_result r;
	int rc;

	if (cur->secure != SB_OFF)
		cfg.app = espidf_secure_policy();
	cfg.factory_reset = reset;
	cfg.erase_list = "nvs";
	cfg.erase_otadata = !keep_otadata;
	rc = espidf_boot_select(&cfg, &parts, &r);
	if (rc != 0)
		return rc;
	if (cur->secure == SB_SWAPPED && r.part->offset == ESPIDF_DEV_OTA(1)) {
		broken = "an app signed by an unknown key started";
		return -EPERM;
	}
	running = r.part->offset;
	return 0;
}

static int agent_call(const struct step *s)
{
	struct ota_espidf_config c = espidf_dev_agent_cfg(&dev, cur->rollback,
							  cur->anti, running);
	struct ota_espidf o;
	int rc;

	if (cur->secure != SB_OFF)
		c.app = espidf_secure_policy();
	rc = ota_espidf_init(&o, &c);

	if (rc != 0)
		return rc;
	switch (s->kind) {
	case SET:
		return ota_espidf_set_boot(&o, s->arg == OTADATA_FACTORY ?
					   o.parts.factory : o.parts.ota[s->arg]);
	case VALID:
		return ota_espidf_mark_valid(&o);
	default:
		return ota_espidf_mark_invalid(&o);
	}
}

static int do_step(const struct step *s)
{
	switch (s->kind) {
	case BOOT:
		return do_boot(0, 0);
	case RESET:
		return do_boot(1, 0);
	case RESET_KEEP:
		return do_boot(1, 1);
	default:
		return agent_call(s);
	}
}

static int life(struct mtd_dev *d, void *ctx)
{
	(void)d;
	(void)ctx;
	dev.counter.value = cur->init_counter;
	running = 0;
	for (unsigned int i = 0; i < cur->nsteps; i++) {
		int rc = do_step(&cur->steps[i]);

		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Boot until a boot writes nothing and starts what the one before did. */
static int settle(struct outcome *o)
{
	uint32_t prev = 0;

	for (int i = 0; i < 8; i++) {
		uint64_t ops = dev.fl.ops;

		if (do_boot(0, 0) != 0) {
			if (broken == NULL)
				broken = "a boot found nothing to start";
			return -1;
		}
		if (i > 0 && dev.fl.ops == ops && running == prev) {
			o->app = running;
			o->counter = dev.counter.value;
			return 0;
		}
		prev = running;
	}
	broken = "the boots never settle";
	return -1;
}

/* Settle a copy: the flash and the counter are put back afterwards. */
static int settle_copy(struct outcome *o)
{
	uint32_t counter = dev.counter.value;
	uint64_t ops = dev.fl.ops;
	int rc;

	memcpy(snap, dev.mem, sizeof(snap));
	rc = settle(o);
	memcpy(dev.mem, snap, sizeof(snap));
	dev.counter.value = counter;
	dev.fl.ops = ops;
	return rc;
}

static int apps_intact(void)
{
	for (unsigned int i = 0; i < parts.table.count; i++) {
		const struct esp_part *p = &parts.table.parts[i];

		if (p->type == ESP_PART_TYPE_APP &&
		    memcmp(dev.mem + p->offset, initial + p->offset, p->size) != 0)
			return 0;
	}
	return 1;
}

static int same(const struct outcome *a, const struct outcome *b)
{
	return a->app == b->app && a->counter == b->counter;
}

static int check(struct mtd_dev *d, const struct sim_replay_point *pt,
		 int scenario_rc, void *ctx)
{
	struct outcome o;
	unsigned int s = 0;

	(void)d;
	(void)ctx;
	(void)scenario_rc;
	broken = NULL;
	while (s < cur->nsteps && pt->op >= ops_at[s + 1])
		s++;
	if (settle(&o) != 0)
		goto fail;
	if (!apps_intact()) {
		broken = "an app partition changed";
		goto fail;
	}
	if (s == cur->nsteps ? same(&o, &settled[s])
			     : (same(&o, &settled[s]) || same(&o, &settled[s + 1])))
		return 0;
	broken = "settled on an outcome neither before nor after the step";
fail:
	fprintf(stderr, "%s: cut at op %llu (step %u) mode %d: %s (app 0x%x "
		"counter %u)\n", cur->name, (unsigned long long)pt->op, s,
		pt->mode, broken, (unsigned)o.app, (unsigned)o.counter);
	return -1;
}

static uint32_t candidate_offset(int c)
{
	const struct esp_part *p = ota_parts_candidate(&parts, c);

	return p ? p->offset : 0xffffffffu;
}

/* An app in every app partition (signed when the scenario says). */
static void put_apps(const struct pf_scenario *sc)
{
	static const int trusted[] = { ESPIDF_KEY_A, -1 },
			 unknown[] = { ESPIDF_KEY_C, -1 };

	if (sc->secure != SB_OFF) {
		espidf_keys_make();
		espidf_efuse_fresh(1);
	}
	for (int k = -1; k < (int)sc->n_ota; k++) {
		uint32_t off = k < 0 ? ESPIDF_DEV_FACTORY : ESPIDF_DEV_OTA(k);
		uint32_t sv = k < 0 ? 1u : (uint32_t)k + 1u;
		char tag[16];

		if (k < 0 && !sc->factory)
			continue;
		if (k < 0)
			snprintf(tag, sizeof(tag), "factory");
		else
			snprintf(tag, sizeof(tag), "ota_%d", k);
		if (sc->secure == SB_OFF)
			espidf_dev_put_app(&dev, off, tag, sv);
		else
			espidf_dev_put_signed(&dev, off, tag, sv,
					      sc->secure == SB_SWAPPED && k == 1
					      ? unknown : trusted);
	}
}

static void put_entry(unsigned int sector, const struct otadata_entry *e)
{
	uint8_t raw[OTADATA_ENTRY_LEN];

	otadata_entry_encode(e, raw);
	memcpy(dev.mem + ESPIDF_DEV_OTADATA + sector * OTADATA_SECTOR, raw,
	       sizeof(raw));
}

static void prepare(const struct pf_scenario *sc)
{
	espidf_dev_init(&dev, sc->n_ota, sc->factory, 0);
	put_apps(sc);
	memset(dev.mem + ESPIDF_DEV_NVS, 0x5a, 0x3000);
	if (sc->init_slot >= 0) {
		struct otadata_entry e;

		otadata_initial((unsigned int)sc->init_slot, &e);
		put_entry(0, &e);
	}
	if (sc->secure == SB_SWAPPED) {
		struct otadata_entry e;

		otadata_initial(1, &e); /* seq 2: ota_1 */
		e.state = OTADATA_STATE_NEW;
		put_entry(1, &e);
	}
	memcpy(initial, dev.mem, sizeof(initial));
}

static void run_scenario(const struct pf_scenario *sc, uint64_t *cut_points,
			 uint64_t *failures)
{
	struct sim_replay rp = {
		.fl = &dev.fl, .initial = initial, .seed = 16,
		.scenario = life, .check = check,
	};
	struct sim_replay_result res;

	cur = sc;
	prepare(sc);
	/* The uninterrupted life, step by step: the operations each step
	 * does and what the device settles to before and after it. */
	sim_flash_arm_cut(&dev.fl, SIM_NO_CUT, SIM_CUT_SKIP, 0);
	dev.counter.value = sc->init_counter;
	running = 0;
	for (unsigned int i = 0; i < sc->nsteps; i++) {
		ops_at[i] = dev.fl.ops;
		assert_int_equal(settle_copy(&settled[i]), 0);
		if (do_step(&sc->steps[i]) != 0)
			fail_msg("%s: step %u fails without a cut", sc->name, i);
	}
	ops_at[sc->nsteps] = dev.fl.ops;
	assert_int_equal(settle_copy(&settled[sc->nsteps]), 0);
	if (settled[sc->nsteps].app != candidate_offset(sc->want))
		fail_msg("%s: the life ends on 0x%x, the rules want 0x%x",
			 sc->name, (unsigned)settled[sc->nsteps].app,
			 (unsigned)candidate_offset(sc->want));
	memcpy(dev.mem, initial, sizeof(initial));
	sim_replay_all(&rp, &res);
	*cut_points += res.cut_points;
	*failures += res.failures;
	fprintf(stderr, "  %-58s %6llu cut points, %llu runs, %llu failures\n",
		sc->name, (unsigned long long)res.cut_points,
		(unsigned long long)res.runs, (unsigned long long)res.failures);
}

#define F OTADATA_FACTORY
#define S(...) { __VA_ARGS__ }

static const struct pf_scenario scenarios[] = {
	{ "esp-idf: set ota_0, trial boot, mark valid", 2, 1, 1, 0, -1, 0,
	  S({ BOOT, 0 }, { SET, 0 }, { BOOT, 0 }, { VALID, 0 }, { BOOT, 0 }),
	  5, 0, SB_OFF },
	{ "esp-idf: set ota_1, trial not confirmed: rollback", 2, 1, 1, 0, 0, 0,
	  S({ BOOT, 0 }, { SET, 1 }, { BOOT, 0 }, { BOOT, 0 }), 4, 0, SB_OFF },
	{ "esp-idf: set ota_1, trial, mark invalid", 2, 1, 1, 0, 0, 0,
	  S({ BOOT, 0 }, { SET, 1 }, { BOOT, 0 }, { INVALID, 0 }, { BOOT, 0 }),
	  5, 0, SB_OFF },
	{ "esp-idf: rollback off: set ota_1, mark valid", 2, 1, 0, 0, 0, 0,
	  S({ BOOT, 0 }, { SET, 1 }, { BOOT, 0 }, { VALID, 0 }, { BOOT, 0 }),
	  5, 1, SB_OFF },
	{ "esp-idf: 3 OTA slots, two updates round the ring", 3, 0, 1, 0, 2, 0,
	  S({ BOOT, 0 }, { SET, 0 }, { BOOT, 0 }, { VALID, 0 }, { SET, 1 },
	    { BOOT, 0 }, { VALID, 0 }), 7, 1, SB_OFF },
	{ "esp-idf: back to factory (otadata erased)", 2, 1, 1, 0, 1, 0,
	  S({ BOOT, 0 }, { SET, F }, { BOOT, 0 }), 3, F, SB_OFF },
	{ "esp-idf: blank otadata, no factory: entry 0 initialised", 2, 0, 1,
	  0, -1, 0, S({ BOOT, 0 }, { BOOT, 0 }), 2, 0, SB_OFF },
	{ "esp-idf: factory reset, nvs and otadata erased", 2, 1, 1, 0, 1, 0,
	  S({ BOOT, 0 }, { RESET, 0 }, { BOOT, 0 }), 3, F, SB_OFF },
	{ "esp-idf: factory reset, nvs erased, otadata kept", 2, 1, 1, 0, 1, 0,
	  S({ BOOT, 0 }, { RESET_KEEP, 0 }, { BOOT, 0 }), 3, 1, SB_OFF },
	{ "esp-idf: anti-rollback raised by mark valid", 2, 1, 1, 1, 0, 1,
	  S({ BOOT, 0 }, { SET, 1 }, { BOOT, 0 }, { VALID, 0 }, { BOOT, 0 }),
	  5, 1, SB_OFF },
	{ "esp-idf: anti-rollback, trial not confirmed: rollback", 2, 1, 1, 1,
	  0, 1, S({ BOOT, 0 }, { SET, 1 }, { BOOT, 0 }, { BOOT, 0 }), 4, 0, SB_OFF },
	{ "esp-idf: secure boot: set signed ota_1, trial, mark valid", 2, 1, 1,
	  0, 0, 0, S({ BOOT, 0 }, { SET, 1 }, { BOOT, 0 }, { VALID, 0 },
		     { BOOT, 0 }), 5, 1, SB_SIGNED },
	{ "esp-idf: secure boot: NEW app of an unknown key refused", 2, 1, 1,
	  0, 0, 0, S({ BOOT, 0 }, { BOOT, 0 }), 2, 0, SB_SWAPPED },
};

void powerfail_espidf_run(uint64_t *cut_points, uint64_t *nscenarios,
			  uint64_t *failures)
{
	for (size_t i = 0; i < sizeof(scenarios) / sizeof(scenarios[0]); i++) {
		run_scenario(&scenarios[i], cut_points, failures);
		(*nscenarios)++;
	}
}
