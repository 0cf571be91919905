/* libs/bootstate/update_plan.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "libs/bootstate/update_plan.h"
#include "libs/bootstate/fih.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

enum plan_phase { PHASE_UPDATES, PHASE_REVERTS };

const char *boot_plan_reason_name(enum boot_plan_reason r)
{
	switch (r) {
	case BOOT_PLAN_NO_REQUEST: return "no request";
	case BOOT_PLAN_RESUMED: return "resumed";
	case BOOT_PLAN_APPLY: return "apply";
	case BOOT_PLAN_INVALID: return "invalid";
	case BOOT_PLAN_REFUSED: return "refused";
	case BOOT_PLAN_DEPENDENCY: return "dependency";
	case BOOT_PLAN_NO_REVERT: return "no revert";
	case BOOT_PLAN_REVERT_HELD: return "revert held";
	case BOOT_PLAN_NOTHING_TO_REVERT: return "nothing to revert";
	default: return "?";
	}
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

/* The running image's facts, validated once (size 0 when not valid). */
static const struct image_facts *running(struct boot_plan *plan, unsigned int img)
{
	struct boot_plan_image *pi = plan->img[img];

	if (!pi->running_known) {
		if (plan->src->validate(plan->src->arg, img, BOOT_PLAN_PRIMARY,
				       &pi->running) != IMAGE_OK)
			memset(&pi->running, 0, sizeof(pi->running));
		pi->running_known = 1;
	}
	return &pi->running;
}

const struct image_facts *boot_plan_next_run(struct boot_plan *plan,
					     unsigned int img)
{
	struct boot_plan_image *pi = plan->img[img];

	if (pi->why != BOOT_PLAN_RESUMED && pi->action != BOOT_SWAP_NONE)
		return &pi->update;
	return running(plan, img);
}

/* Read the request of image `img` (step 0 of the plan). */
static int read_request(struct boot_plan *plan, unsigned int img)
{
	struct boot_plan_image *pi = plan->img[img];
	struct boot_trailer p, s;
	int rc = plan->src->trailers(plan->src->arg, img, &p, &s);

	if (rc != 0)
		return rc;
	if (p.copy_done == BOOT_FLAG_BAD) /* programmed only once complete */
		p.copy_done = BOOT_FLAG_SET;
	pi->request = boot_swap_type_of(&p, &s);
	pi->revert = pi->request == BOOT_SWAP_REVERT || is_revert_request(&p, &s);
	return 0;
}

static void refuse(struct boot_plan_image *pi, enum boot_plan_reason why,
		   int erase)
{
	pi->action = BOOT_SWAP_NONE;
	pi->why = why;
	pi->erase_secondary = erase;
}

/* Decide one image's update (phase UPDATES) or revert (REVERTS). */
static int decide(struct boot_plan *plan, unsigned int img,
		  enum plan_phase phase, int hold)
{
	struct boot_plan_image *pi = plan->img[img];
	int rc;

	if (pi->request == BOOT_SWAP_NONE || pi->revert != (phase == PHASE_REVERTS))
		return 0;
	if (pi->revert && !plan->supports_revert) {
		refuse(pi, BOOT_PLAN_NO_REVERT, 0);
		return 0;
	}
	if (pi->request == BOOT_SWAP_REVERT && hold) {
		refuse(pi, BOOT_PLAN_REVERT_HELD, 0);
		return 0;
	}
	/* Nothing is erased before the update has proven valid. */
	rc = plan->src->validate(plan->src->arg, img, pi->revert ?
				 BOOT_PLAN_REVERT_IMAGE : BOOT_PLAN_STAGED, &pi->update);
	if (FIH_DECIDE(FIH_D_UPDATE_VALID, rc != IMAGE_OK)) {
		pi->image_error = rc;
		snprintf(pi->detail, sizeof(pi->detail), "%s", image_strerror(rc));
		memset(&pi->update, 0, sizeof(pi->update));
		/* Unreadable is not invalid: kept, for a boot that can read it. */
		refuse(pi, pi->revert ? BOOT_PLAN_NOTHING_TO_REVERT : BOOT_PLAN_INVALID,
		       !pi->revert && rc != IMAGE_ERR_IO);
		return 0;
	}
	rc = boot_rules_check(plan->rules, img, &pi->update, running(plan, img),
			      pi->max_size, pi->revert, pi->detail,
			      sizeof(pi->detail));
	if (rc < 0)
		return rc;
	if (FIH_DECIDE(FIH_D_UPDATE_RULES, rc != BOOT_RULE_OK)) {
		pi->rule = rc;
		/* A revert breaking the rules: nothing to go back to. */
		refuse(pi, pi->revert ? BOOT_PLAN_NOTHING_TO_REVERT : BOOT_PLAN_REFUSED,
		       !pi->revert);
		return 0;
	}
	pi->action = pi->revert ? BOOT_SWAP_REVERT : (enum boot_swap_type)pi->request;
	pi->why = BOOT_PLAN_APPLY;
	pi->revert_started = pi->revert && pi->request != BOOT_SWAP_REVERT;
	return 0;
}

/* A change of this phase that may still be called off. */
static int changing(const struct boot_plan_image *pi, enum plan_phase phase)
{
	if (pi->why != BOOT_PLAN_APPLY)
		return 0;
	if (phase == PHASE_UPDATES)
		return pi->action == BOOT_SWAP_TEST || pi->action == BOOT_SWAP_PERM;
	return pi->action == BOOT_SWAP_REVERT && !pi->revert_started;
}

static int dependency_met(struct boot_plan *plan, const struct image_dependency *dep)
{
	return dep->image < plan->nimages &&
	       boot_rules_dependency_met(dep, boot_plan_next_run(plan, dep->image));
}

/*
 * Every image's planned image must find the versions it depends on in the
 * planned set; where it does not, the change that breaks it is called off
 * (the header's step 3). Calling one off can break another: repeated.
 */
static void check_dependencies(struct boot_plan *plan, enum plan_phase phase)
{
	int changed = 1;

	while (changed) {
		changed = 0;
		for (unsigned int j = 0; j < plan->nimages && !changed; j++) {
			const struct image_facts *f = boot_plan_next_run(plan, j);

			for (unsigned int d = 0; d < f->ndeps && !changed; d++) {
				const struct image_dependency *dep = &f->deps[d];
				struct boot_plan_image *victim;
				char need[48];

				if (dependency_met(plan, dep))
					continue;
				if (changing(plan->img[j], phase))
					victim = plan->img[j];
				else if (dep->image < plan->nimages &&
					 changing(plan->img[dep->image], phase))
					victim = plan->img[dep->image];
				else
					continue; /* the running set already disagrees */
				boot_version_text(&dep->min, need, sizeof(need));
				snprintf(victim->detail, sizeof(victim->detail),
					 "image %u needs image %u at %s or later",
					 j, dep->image, need);
				refuse(victim, BOOT_PLAN_DEPENDENCY, 0);
				changed = 1;
			}
		}
	}
}

int boot_plan_make(struct boot_plan *plan)
{
	int rc, hold = 0;

	if (plan->nimages > BOOT_PLAN_MAX_IMAGES)
		return -EINVAL;
	for (unsigned int i = 0; i < plan->nimages; i++) {
		struct boot_plan_image *pi = plan->img[i];

		pi->action = BOOT_SWAP_NONE;
		pi->why = BOOT_PLAN_NO_REQUEST;
		pi->erase_secondary = pi->revert_started = 0;
		pi->image_error = pi->rule = 0;
		pi->detail[0] = '\0';
		pi->running_known = 0;
		pi->request = BOOT_SWAP_NONE;
		pi->revert = 0;
		memset(&pi->update, 0, sizeof(pi->update));
		if (pi->resumed != BOOT_SWAP_NONE) {
			pi->action = pi->resumed;
			pi->why = BOOT_PLAN_RESUMED;
		} else if ((rc = read_request(plan, i)) != 0) {
			return rc;
		}
	}
	for (unsigned int i = 0; i < plan->nimages; i++)
		if ((rc = decide(plan, i, PHASE_UPDATES, 0)) != 0)
			return rc;
	check_dependencies(plan, PHASE_UPDATES);
	/*
	 * A revert not begun yet waits while another image's update is
	 * applied in this boot (a request, or an interrupted swap finished):
	 * no image of that set has had its trial run, and reverting now would
	 * split a set meant to go in together.
	 */
	for (unsigned int i = 0; i < plan->nimages; i++)
		hold |= plan->img[i]->action == BOOT_SWAP_TEST ||
			plan->img[i]->action == BOOT_SWAP_PERM;
	for (unsigned int i = 0; i < plan->nimages; i++)
		if ((rc = decide(plan, i, PHASE_REVERTS, hold)) != 0)
			return rc;
	check_dependencies(plan, PHASE_REVERTS);
	return 0;
}

/* ---- the flash source ---- */

static int flash_trailers(void *arg, unsigned int img, struct boot_trailer *p,
			  struct boot_trailer *s)
{
	const struct boot_plan_flash *f = arg;
	const struct boot_slots *sl = &f->slots[img];
	int rc = boot_trailer_read(&sl->primary->win.mtd, sl->geo_primary, p);

	if (rc == 0)
		rc = boot_trailer_read(&sl->secondary->win.mtd, sl->geo_secondary, s);
	if (rc == 0 && f->ask != NULL && f->ask->image == img) {
		/* What boot_request_upgrade writes into an erased trailer. */
		*s = (struct boot_trailer){
			.magic = BOOT_MAGIC_GOOD,
			.image_ok = f->ask->permanent ? BOOT_FLAG_SET : BOOT_FLAG_UNSET,
			.copy_done = BOOT_FLAG_UNSET,
			.swap_type = f->ask->permanent ? BOOT_SWAP_PERM : BOOT_SWAP_TEST,
			.image = (uint8_t)img,
			.swap_size = 0xffffffffu,
		};
	}
	return rc;
}

static int flash_validate(void *arg, unsigned int img,
			  enum boot_plan_slot which, struct image_facts *facts)
{
	const struct boot_plan_flash *f = arg;
	const struct boot_slots *sl = &f->slots[img];
	struct boot_stage_area stage;

	if (which == BOOT_PLAN_PRIMARY)
		return image_validate(&sl->primary->win.mtd, f->policy, facts);
	if (which == BOOT_PLAN_REVERT_IMAGE || sl->stage_offset == 0)
		return image_validate(&sl->secondary->win.mtd, f->policy, facts);
	if (boot_stage_open(sl->secondary, sl->stage_offset, &stage) != 0)
		return IMAGE_ERR_IO;
	return image_validate(&stage.fa.win.mtd, f->policy, facts);
}

struct boot_plan_source boot_plan_flash_source(struct boot_plan_flash *f)
{
	return (struct boot_plan_source){ flash_trailers, flash_validate, f };
}
