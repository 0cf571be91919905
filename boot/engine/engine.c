/* boot/engine/engine.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "arch/arch.h"
#include "boot/engine/engine.h"
#include "boot/engine/validation_cache.h"
#include "libs/log/log.h"

#include <errno.h>

#include <string.h>

const char *boot_swap_type_name(enum boot_swap_type t)
{
	switch (t) {
	case BOOT_SWAP_NONE: return "none";
	case BOOT_SWAP_TEST: return "test";
	case BOOT_SWAP_PERM: return "permanent";
	case BOOT_SWAP_REVERT: return "revert";
	case BOOT_SWAP_FAIL: return "fail";
	default: return "panic";
	}
}

static int all_erased(const uint8_t *buf, uint32_t len, uint8_t erased)
{
	for (uint32_t i = 0; i < len; i++)
		if (buf[i] != erased)
			return 0;
	return 1;
}

int boot_copy(struct flash_area *from, uint32_t src, struct flash_area *to,
	      uint32_t dst, uint32_t len)
{
	uint8_t buf[512];
	uint32_t unit = to->win.mtd.geo->program_unit;
	uint8_t erased = to->win.mtd.geo->erased_value;

	while (len > 0) {
		uint32_t n = len < sizeof(buf) ? len : sizeof(buf);
		uint32_t padded = (n + unit - 1) / unit * unit;
		int rc;

		arch_wdt_feed();
		memset(buf, erased, sizeof(buf));
		rc = flash_area_read(from, src, buf, n);
		/* Erased bytes are already what an erased sector holds. */
		if (rc == 0 && !all_erased(buf, padded, erased))
			rc = flash_area_program(to, dst, buf, padded);
		if (rc != 0)
			return rc;
		src += n;
		dst += n;
		len -= n;
	}
	return 0;
}

int boot_copy_region(struct flash_area *from, struct flash_area *to,
		     uint32_t off, uint32_t len)
{
	return boot_copy(from, off, to, off, len);
}

const struct boot_strategy *boot_engine_strategy(enum boot_upgrade_kind k)
{
	const struct boot_strategy_desc *p = boot_strategy_desc(k);

	return p != NULL ? p->ops : NULL;
}

struct boot_slots boot_engine_slots(struct boot_engine *e, unsigned int img)
{
	struct boot_image *bi = &e->images[img];

	return (struct boot_slots){ bi->primary, bi->secondary, e->scratch,
				    &bi->geo_primary, &bi->geo_secondary,
				    boot_stage_offset(bi->secondary, e->strategy->desc) };
}

uint32_t boot_engine_max_image_size(struct boot_engine *e, unsigned int img)
{
	struct boot_slots s = boot_engine_slots(e, img);

	return boot_max_image_size(e->strategy->desc->kind, &s);
}

static int erase_slot(struct flash_area *fa)
{
	return flash_area_erase_sectors(fa, 0, flash_area_size(fa));
}

/* Say what the plan decided for image `img`, where it is worth saying. */
static void log_plan(struct boot_engine *e, unsigned int img)
{
	const struct boot_plan_image *pi = &e->images[img].plan;

	switch (pi->why) {
	case BOOT_PLAN_INVALID:
		log_warn("boot: image %u secondary slot: %s; erasing it, no upgrade",
			 img, pi->detail);
		break;
	case BOOT_PLAN_REFUSED:
		log_warn("boot: image %u secondary slot: %s; refused%s", img,
			 pi->detail, pi->rule == BOOT_RULE_DOWNGRADE ?
			 " (downgrade prevention)" : "");
		break;
	case BOOT_PLAN_DEPENDENCY:
		log_warn("boot: %s: image %u's change is not applied", pi->detail, img);
		break;
	case BOOT_PLAN_NO_REVERT:
		log_info("boot: image %u: unconfirmed, but %s cannot revert; "
			 "keeping it", img, e->strategy->desc->name);
		break;
	case BOOT_PLAN_REVERT_HELD:
		log_info("boot: image %u: revert postponed to the next boot: "
			 "another image's upgrade is being applied", img);
		break;
	case BOOT_PLAN_NOTHING_TO_REVERT:
		log_warn("boot: image %u: unconfirmed, but the secondary slot holds "
			 "nothing to revert to (%s); keeping it", img, pi->detail);
		break;
	default:
		break;
	}
}

static int confirmed_by_trailer(struct boot_image *bi);

/* Validate-once spares the planner's look at a confirmed primary too. */
static int plan_inspects_only(void *arg, unsigned int img)
{
	struct boot_engine *e = arg;

	return !e->images[img].resumed && confirmed_by_trailer(&e->images[img]);
}

/* Plan this boot (libs/bootstate/update_plan.h) once resuming is done. */
static int plan_boot(struct boot_engine *e)
{
	struct boot_slots slots[BOOT_PLAN_MAX_IMAGES];
	struct boot_plan_flash from = { slots, e->policy, NULL };
	struct validation_cache_source cached;
	struct boot_plan_source src = validation_cache_source(e->vcache, &from, &cached);
	struct boot_plan plan = { e->nimages, { NULL }, &src, &e->rules,
				  e->strategy->desc->can_revert };
	int rc;

	if (e->nimages > BOOT_PLAN_MAX_IMAGES)
		return -EINVAL;
	if (e->validate_primary_once) {
		cached.inspect_only = plan_inspects_only;
		cached.inspect_arg = e;
	}
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];

		slots[i] = boot_engine_slots(e, i);
		plan.img[i] = &bi->plan;
		bi->plan.max_size = boot_engine_max_image_size(e, i);
		bi->plan.resumed = bi->resumed ? bi->swap : BOOT_SWAP_NONE;
	}
	rc = boot_plan_make(&plan);
	for (unsigned int i = 0; rc == 0 && i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];

		log_plan(e, i);
		bi->swap = bi->plan.action;
		if (bi->plan.erase_secondary)
			rc = erase_slot(bi->secondary);
	}
	return rc;
}

/*
 * The running image of `img` is confirmed unless it was installed by a
 * test swap that has not been confirmed yet.
 */
static int confirmed(struct boot_image *bi)
{
	struct boot_trailer p;

	if (boot_trailer_read(&bi->primary->win.mtd, &bi->geo_primary, &p) != 0)
		return 0;
	return !boot_trailer_on_trial(&p);
}

/* The primary's trailer holds the magic and a set image_ok. */
static int confirmed_by_trailer(struct boot_image *bi)
{
	struct boot_trailer p;

	return boot_trailer_read(&bi->primary->win.mtd, &bi->geo_primary, &p) == 0 &&
	       p.magic == BOOT_MAGIC_GOOD && p.image_ok == BOOT_FLAG_SET;
}

/*
 * Validate the primary (or, once validated and confirmed, inspect it:
 * validate_primary_once); refuse it if its security counter is below the
 * device's; once it is confirmed, and when `may_raise` (the boot's work
 * completed: a swap cut short by a flash error leaves a trailer that can
 * read as confirmed), raise the device's counter to it.
 */
/* Validate-once may spare image `img` the hash and signature. */
static int may_inspect_only(struct boot_engine *e, unsigned int img)
{
	struct boot_image *bi = &e->images[img];

	return e->validate_primary_once && bi->swap == BOOT_SWAP_NONE &&
	       confirmed_by_trailer(bi);
}

/*
 * The hardened verdict on image `img`'s primary: its status, the
 * validation's own verdict (image_facts.verdict; for an image only
 * inspected, validate-once's condition evaluated a second time), its
 * counter: each enters as a word, not as a branch already taken.
 */
static struct fih_verdict primary_verdict(struct boot_engine *e, unsigned int img,
					  uint32_t cnt, uint32_t dev)
{
	struct boot_image *bi = &e->images[img];
	int spared = bi->inspected_only & !may_inspect_only(e, img);
	struct fih_verdict validated = bi->inspected_only ?
		fih_verdict_of(spared) : bi->facts.verdict;

	return fih_both(fih_both(fih_verdict_of(bi->status),
				 fih_verdict_of(cnt < dev)),
			validated);
}

static int settle_primary(struct boot_engine *e, unsigned int img, int may_raise)
{
	struct boot_image *bi = &e->images[img];
	uint32_t dev = 0, cnt;
	int rc;

	bi->verdict = fih_failed();
	if (FIH_DECIDE(FIH_D_PRIMARY_ONCE, may_inspect_only(e, img))) {
		bi->status = image_inspect(&bi->primary->win.mtd, &bi->facts);
		bi->inspected_only = 1;
		log_debug("boot: image %u: confirmed and validated before; "
			  "header and TLVs checked only", img);
	} else {
		bi->status = validation_cache_validate(e->vcache, bi->primary,
						       e->policy, &bi->facts);
	}
	if (!FIH_DECIDE(FIH_D_PRIMARY_VALID, bi->status == IMAGE_OK))
		return 0;
	rc = boot_rules_counter(&e->rules, img, &dev);
	if (rc != 0)
		return rc;
	cnt = bi->facts.has_sec_cnt ? bi->facts.sec_cnt : 0;
	bi->verdict = primary_verdict(e, img, cnt, dev);
	if (FIH_DECIDE(FIH_D_PRIMARY_COUNTER, cnt < dev)) {
		log_error("boot: image %u primary slot: security counter %u is "
			  "lower than the device's %u", img, (unsigned)cnt,
			  (unsigned)dev);
		bi->status = IMAGE_ERR_ROLLBACK;
		bi->verdict = fih_failed();
		return 0;
	}
	if (may_raise && e->rules.counter != NULL && cnt > dev && confirmed(bi)) {
		log_info("boot: image %u: raising the security counter from %u "
			 "to %u", img, (unsigned)dev, (unsigned)cnt);
		return moncnt_raise(e->rules.counter, img, cnt);
	}
	return 0;
}

/* Every image's verdict, combined without a branch. */
static struct fih_verdict all_verdicts(struct boot_engine *e)
{
	struct fih_verdict all = fih_verdict_of(e->nimages == 0);

	for (unsigned int i = 0; i < e->nimages; i++)
		all = fih_both(all, e->images[i].verdict);
	return all;
}

int boot_engine_start(struct boot_engine *e, int (*jump)(void *arg), void *arg)
{
	struct fih_verdict all = all_verdicts(e);

	if (!FIH_DECIDE(FIH_D_START, fih_passed(&all)))
		return -EACCES;
	fih_delay();
	all = all_verdicts(e);
	if (!FIH_DECIDE(FIH_D_JUMP, fih_passed(&all)))
		return -EACCES;
	return jump(arg);
}

/* Resume, plan and upgrade: the work of a boot. 0 or a negative errno. */
static int do_work(struct boot_engine *e)
{
	char ver[48];
	int rc;

	/* Half-done work first, for every image: it decides nothing new. */
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];

		bi->swap = BOOT_SWAP_NONE;
		bi->resumed = 0;
		bi->inspected_only = 0;
		bi->status = IMAGE_ERR_IO;
		bi->verdict = fih_failed();
		memset(&bi->facts, 0, sizeof(bi->facts));
		if ((rc = e->strategy->resume(e, i)) != 0)
			return rc;
	}
	if ((rc = plan_boot(e)) != 0)
		return rc;
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];

		if (bi->swap == BOOT_SWAP_NONE || bi->resumed)
			continue;
		boot_version_text(&bi->plan.update.hdr.version, ver, sizeof(ver));
		log_info("boot: image %u: %s upgrade (%s) to version %s", i,
			 boot_swap_type_name(bi->swap), e->strategy->desc->name, ver);
		if ((rc = e->strategy->upgrade(e, i, bi->swap)) != 0)
			return rc;
	}
	return 0;
}

int boot_engine_run(struct boot_engine *e)
{
	int rc = do_work(e), settled;

	/*
	 * A flash error stops the work, not the boot: what each primary
	 * holds is still validated, so a valid image starts (and the next
	 * boot resumes the work) and an invalid one leads to recovery.
	 */
	if (rc != 0)
		log_error("boot: flash error %d during the upgrade; validating "
			  "what the primary slots hold", rc);
	for (unsigned int i = 0; i < e->nimages; i++)
		if ((settled = settle_primary(e, i, rc == 0)) != 0 && rc == 0)
			rc = settled;
	return rc;
}
