#include "arch/arch.h"
#include "boot/engine/engine.h"
#include "libs/log/log.h"

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

struct boot_slots boot_engine_slots(struct boot_engine *e, unsigned int img)
{
	struct boot_image *bi = &e->images[img];

	return (struct boot_slots){ bi->primary, bi->secondary, e->scratch,
				    &bi->geo_primary, &bi->geo_secondary };
}

uint32_t boot_engine_max_image_size(struct boot_engine *e, unsigned int img)
{
	struct boot_slots s = boot_engine_slots(e, img);

	return boot_max_image_size(e->strategy->kind, &s);
}

/*
 * The rules of libs/bootstate/update_rules.h for image `img`'s update.
 * IMAGE_OK, 1 when refused (logged), or a negative errno.
 */
static int update_rules(struct boot_engine *e, unsigned int img, int revert)
{
	struct boot_image *bi = &e->images[img];
	char why[128];
	int rc = boot_rules_check(&e->rules, img, &bi->secondary_facts, &bi->facts,
				  boot_engine_max_image_size(e, img), revert, why,
				  sizeof(why));

	if (rc <= 0)
		return rc;
	log_warn("boot: image %u secondary slot: %s; refused%s", img, why,
		 rc == BOOT_RULE_DOWNGRADE ? " (downgrade prevention)" : "");
	return 1;
}

enum decide_phase { DECIDE_UPDATES, DECIDE_REVERTS };

static int erase_slot(struct flash_area *fa)
{
	return flash_area_erase_sectors(fa, 0, flash_area_size(fa));
}

/*
 * A revert request the bootloader itself wrote into the secondary (a
 * permanent request tagged REVERT) is honoured as a revert only while the
 * running image is unconfirmed; otherwise it is an ordinary update.
 */
static int is_revert_request(const struct boot_trailer *p,
			     const struct boot_trailer *s)
{
	return s->magic == BOOT_MAGIC_GOOD && s->image_ok == BOOT_FLAG_SET &&
	       s->swap_type == BOOT_SWAP_REVERT &&
	       (p->magic != BOOT_MAGIC_GOOD || p->image_ok != BOOT_FLAG_SET);
}

/*
 * Decide image `img`'s swap type for this boot, validating what it needs.
 * Updates are decided for every image first; reverts after, knowing them:
 * with `hold` set, a revert that has not started yet waits for the next
 * boot, because another image's upgrade is being applied in this one (a
 * request, or an interrupted swap finished): this boot continues one that
 * power cut short, in which no image got its trial run, and reverting now
 * would split a set meant to go in together.
 */
static int decide(struct boot_engine *e, unsigned int img,
		  enum decide_phase phase, int hold)
{
	struct boot_image *bi = &e->images[img];
	struct boot_trailer p, s;
	enum boot_swap_type type;
	int rc, revert;

	if ((rc = boot_trailer_read(&bi->primary->win.mtd, &bi->geo_primary, &p)) != 0 ||
	    (rc = boot_trailer_read(&bi->secondary->win.mtd, &bi->geo_secondary, &s)) != 0)
		return rc;
	/*
	 * copy_done is programmed only once the copy is complete: torn, it
	 * still says so (else a torn one would make a test upgrade permanent).
	 */
	if (p.copy_done == BOOT_FLAG_BAD)
		p.copy_done = BOOT_FLAG_SET;
	type = boot_swap_type_of(&p, &s);
	revert = type == BOOT_SWAP_REVERT || is_revert_request(&p, &s);
	if (type == BOOT_SWAP_NONE || revert != (phase == DECIDE_REVERTS))
		return 0;
	if (revert && !e->strategy->supports_revert) {
		log_info("boot: image %u: unconfirmed, but %s cannot revert; "
			 "keeping it", img, e->strategy->name);
		return 0;
	}
	if (type == BOOT_SWAP_REVERT && hold) {
		log_info("boot: image %u: revert postponed to the next boot: "
			 "another image's upgrade is being applied", img);
		return 0;
	}
	/* The running image's facts: the version rule compares against them. */
	image_validate(&bi->primary->win.mtd, e->policy, &bi->facts);
	/* Nothing is erased before the update has proven valid. */
	rc = image_validate(&bi->secondary->win.mtd, e->policy, &bi->secondary_facts);
	if (rc != IMAGE_OK && revert) {
		log_warn("boot: image %u: unconfirmed, but the secondary slot "
			 "holds no valid image to revert to (%s); keeping it",
			 img, image_strerror(rc));
		return 0;
	}
	if (rc != IMAGE_OK) {
		log_warn("boot: image %u secondary slot: %s; erasing it, no upgrade",
			 img, image_strerror(rc));
		return erase_slot(bi->secondary);
	}
	rc = update_rules(e, img, revert);
	if (rc < 0)
		return rc;
	if (rc > 0) {
		if (revert) /* the old image breaks the rules: nothing to go back to */
			return 0;
		return erase_slot(bi->secondary);
	}
	bi->swap = revert ? BOOT_SWAP_REVERT : type;
	bi->revert_started = revert && type != BOOT_SWAP_REVERT;
	return 0;
}

/* What image `img` will run after this boot's planned work. */
static const struct image_facts *planned(struct boot_engine *e, unsigned int img)
{
	struct boot_image *bi = &e->images[img];

	if (!bi->resumed && bi->swap != BOOT_SWAP_NONE)
		return &bi->secondary_facts;
	if (bi->facts.size == 0 &&
	    image_validate(&bi->primary->win.mtd, e->policy, &bi->facts) != IMAGE_OK)
		memset(&bi->facts, 0, sizeof(bi->facts));
	return &bi->facts;
}

/* Work of this phase that may still be called off. */
static int changing(const struct boot_image *bi, enum decide_phase phase)
{
	if (bi->resumed)
		return 0;
	if (phase == DECIDE_UPDATES)
		return bi->swap == BOOT_SWAP_TEST || bi->swap == BOOT_SWAP_PERM;
	return bi->swap == BOOT_SWAP_REVERT && !bi->revert_started;
}

static int dependency_met(struct boot_engine *e, const struct image_dependency *dep)
{
	return dep->image < e->nimages &&
	       boot_rules_dependency_met(dep, planned(e, dep->image));
}

/*
 * Every image's planned image must find the versions it depends on in the
 * planned set. Where it does not, the change that breaks it is called off:
 * the dependent image's own update (or revert) if it has one, else the
 * change of the image depended on. Repeated until the set is consistent,
 * since calling one change off can break another. An update called off
 * stays staged (staging the missing image later completes the set); a
 * revert called off leaves the unconfirmed image running, because a
 * confirmed image needs it.
 */
static void check_dependencies(struct boot_engine *e, enum decide_phase phase)
{
	int changed = 1;

	while (changed) {
		changed = 0;
		for (unsigned int j = 0; j < e->nimages && !changed; j++) {
			const struct image_facts *f = planned(e, j);

			for (unsigned int d = 0; d < f->ndeps && !changed; d++) {
				const struct image_dependency *dep = &f->deps[d];
				unsigned int victim;
				char need[48];

				if (dependency_met(e, dep))
					continue;
				if (changing(&e->images[j], phase))
					victim = j;
				else if (dep->image < e->nimages &&
					 changing(&e->images[dep->image], phase))
					victim = dep->image;
				else
					continue; /* the running set already disagrees */
				boot_version_text(&dep->min, need, sizeof(need));
				log_warn("boot: image %u needs image %u at %s or later: "
					 "the %s of image %u is not applied", j,
					 dep->image, need,
					 boot_swap_type_name(e->images[victim].swap),
					 victim);
				e->images[victim].swap = BOOT_SWAP_NONE;
				changed = 1;
			}
		}
	}
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
 * device's; once it is confirmed, raise the device's counter to it.
 */
static int settle_primary(struct boot_engine *e, unsigned int img)
{
	struct boot_image *bi = &e->images[img];
	uint32_t dev, cnt;
	int rc;

	if (e->validate_primary_once && bi->swap == BOOT_SWAP_NONE &&
	    confirmed_by_trailer(bi)) {
		bi->status = image_inspect(&bi->primary->win.mtd, &bi->facts);
		bi->inspected_only = 1;
		log_debug("boot: image %u: confirmed and validated before; "
			  "header and TLVs checked only", img);
	} else {
		bi->status = image_validate(&bi->primary->win.mtd, e->policy,
					    &bi->facts);
	}
	if (bi->status != IMAGE_OK || e->rules.counter == NULL)
		return 0;
	rc = boot_rules_counter(&e->rules, img, &dev);
	if (rc != 0)
		return rc;
	cnt = bi->facts.has_sec_cnt ? bi->facts.sec_cnt : 0;
	if (cnt < dev) {
		log_error("boot: image %u primary slot: security counter %u is "
			  "lower than the device's %u", img, (unsigned)cnt,
			  (unsigned)dev);
		bi->status = IMAGE_ERR_ROLLBACK;
		return 0;
	}
	if (cnt > dev && confirmed(bi)) {
		log_info("boot: image %u: raising the security counter from %u "
			 "to %u", img, (unsigned)dev, (unsigned)cnt);
		return moncnt_raise(e->rules.counter, img, cnt);
	}
	return 0;
}

int boot_engine_run(struct boot_engine *e)
{
	char ver[48];
	int rc, hold;

	/* Half-done work first, for every image: it decides nothing new. */
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];

		bi->swap = BOOT_SWAP_NONE;
		bi->resumed = 0;
		bi->revert_started = 0;
		bi->inspected_only = 0;
		bi->status = IMAGE_ERR_IO;
		memset(&bi->facts, 0, sizeof(bi->facts));
		memset(&bi->secondary_facts, 0, sizeof(bi->secondary_facts));
		if ((rc = e->strategy->resume(e, i)) != 0)
			return rc;
	}
	for (unsigned int i = 0; i < e->nimages; i++)
		if (!e->images[i].resumed &&
		    (rc = decide(e, i, DECIDE_UPDATES, 0)) != 0)
			return rc;
	check_dependencies(e, DECIDE_UPDATES);
	hold = 0;
	for (unsigned int i = 0; i < e->nimages; i++)
		hold |= e->images[i].swap == BOOT_SWAP_TEST ||
			e->images[i].swap == BOOT_SWAP_PERM;
	for (unsigned int i = 0; i < e->nimages; i++)
		if (!e->images[i].resumed &&
		    (rc = decide(e, i, DECIDE_REVERTS, hold)) != 0)
			return rc;
	check_dependencies(e, DECIDE_REVERTS);
	for (unsigned int i = 0; i < e->nimages; i++) {
		struct boot_image *bi = &e->images[i];

		if (bi->swap == BOOT_SWAP_NONE || bi->resumed)
			continue;
		boot_version_text(&bi->secondary_facts.hdr.version, ver, sizeof(ver));
		log_info("boot: image %u: %s upgrade (%s) to version %s", i,
			 boot_swap_type_name(bi->swap), e->strategy->name, ver);
		if ((rc = e->strategy->upgrade(e, i, bi->swap)) != 0)
			return rc;
	}
	for (unsigned int i = 0; i < e->nimages; i++)
		if ((rc = settle_primary(e, i)) != 0)
			return rc;
	return 0;
}
