/* boot/engine/validation_cache.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */
#include "boot/engine/validation_cache.h"

#include <string.h>

static struct validation_cache *to_cache(struct mtd_dev *dev)
{
	return (struct validation_cache *)dev;
}

/* Drop every entry whose slot overlaps [off, off + len) of the flash. */
static void forget_range(struct validation_cache *c, uint32_t off, size_t len)
{
	for (unsigned int i = 0; i < CONFIG_BOOT_IMAGE_NUMBER; i++) {
		struct validation_cache_entry *e = &c->entries[i];

		if (e->slot != NULL && off < e->slot->offset + e->slot->geo.size &&
		    e->slot->offset < off + len)
			memset(e, 0, sizeof(*e));
	}
}

static int watch_read(struct mtd_dev *dev, uint32_t off, void *buf, size_t len)
{
	return mtd_read(to_cache(dev)->parent, off, buf, len);
}

static int watch_program(struct mtd_dev *dev, uint32_t off, const void *buf,
			 size_t len)
{
	forget_range(to_cache(dev), off, len);
	return mtd_program(to_cache(dev)->parent, off, buf, len);
}

static int watch_erase(struct mtd_dev *dev, uint32_t off, size_t len)
{
	forget_range(to_cache(dev), off, len);
	return mtd_erase(to_cache(dev)->parent, off, len);
}

static int watch_sync(struct mtd_dev *dev)
{
	return mtd_sync(to_cache(dev)->parent);
}

static int watch_xip_address(struct mtd_dev *dev, uint32_t off, uintptr_t *addr)
{
	return mtd_xip_address(to_cache(dev)->parent, off, addr);
}

static const struct mtd_ops watch_ops = {
	.read = watch_read,
	.program = watch_program,
	.erase = watch_erase,
	.sync = watch_sync,
	.xip_address = watch_xip_address,
};

struct mtd_dev *validation_cache_init(struct validation_cache *c,
				      struct mtd_dev *flash)
{
	memset(c, 0, sizeof(*c));
	c->mtd.ops = &watch_ops;
	c->mtd.geo = flash->geo;
	c->parent = flash;
	return &c->mtd;
}

static struct validation_cache_entry *lookup(struct validation_cache *c,
					     const struct mtd_window *slot)
{
	for (unsigned int i = 0; i < CONFIG_BOOT_IMAGE_NUMBER; i++)
		if (c->entries[i].slot == slot)
			return &c->entries[i];
	return NULL;
}

int validation_cache_validate(struct validation_cache *c, struct flash_area *fa,
			      const struct image_policy *pol,
			      struct image_facts *facts)
{
	struct validation_cache_entry *e;
	int status;

	if (c == NULL || fa->win.parent != &c->mtd)
		return image_validate(&fa->win.mtd, pol, facts);
	e = lookup(c, &fa->win);
	if (e != NULL && e->policy == pol &&
	    e->status_check == ~(uint32_t)e->status) {
		*facts = e->facts;
		c->hits++;
		return e->status;
	}
	status = image_validate(&fa->win.mtd, pol, facts);
	/* Only a pass is kept: a refusal may be a read that failed once. */
	if (status != IMAGE_OK)
		return status;
	if (e == NULL)
		e = lookup(c, NULL);
	if (e != NULL) {
		*e = (struct validation_cache_entry){
			.slot = &fa->win, .policy = pol, .status = status,
			.status_check = ~(uint32_t)status, .facts = *facts,
		};
	}
	return status;
}

static int cached_validate(void *arg, unsigned int img, enum boot_plan_slot which,
			   struct image_facts *facts)
{
	struct validation_cache_source *s = arg;

	if (which != BOOT_PLAN_PRIMARY)
		return s->inner.validate(s->inner.arg, img, which, facts);
	if (s->inspect_only != NULL && s->inspect_only(s->inspect_arg, img))
		return image_inspect(&s->flash->slots[img].primary->win.mtd, facts);
	return validation_cache_validate(s->cache, s->flash->slots[img].primary,
					 s->flash->policy, facts);
}

static int cached_trailers(void *arg, unsigned int img, struct boot_trailer *p,
			   struct boot_trailer *s)
{
	struct validation_cache_source *src = arg;

	return src->inner.trailers(src->inner.arg, img, p, s);
}

struct boot_plan_source validation_cache_source(struct validation_cache *c,
						struct boot_plan_flash *flash,
						struct validation_cache_source *hold)
{
	*hold = (struct validation_cache_source){
		.cache = c, .inner = boot_plan_flash_source(flash), .flash = flash,
	};
	return (struct boot_plan_source){ cached_trailers, cached_validate, hold };
}
