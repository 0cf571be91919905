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

int boot_erase_sectors(struct flash_area *fa, uint32_t off, uint32_t len)
{
	const struct mtd_geometry *geo = fa->win.mtd.geo;
	uint64_t end = (uint64_t)off + len;

	/* Sector by sector, as the hardware does: a cut then lands between two. */
	while (off < end) {
		uint32_t start, size;
		int rc = mtd_sector_at(geo, off, &start, &size);

		if (rc == 0)
			rc = flash_area_erase(fa, start, size);
		if (rc != 0)
			return rc;
		off = start + size;
	}
	return 0;
}

int boot_copy_region(struct flash_area *from, struct flash_area *to,
		     uint32_t off, uint32_t len)
{
	uint8_t buf[512];
	uint32_t unit = to->win.mtd.geo->program_unit;
	uint8_t erased = to->win.mtd.geo->erased_value;

	while (len > 0) {
		uint32_t n = len < sizeof(buf) ? len : sizeof(buf);
		uint32_t padded = (n + unit - 1) / unit * unit;
		int rc;

		memset(buf, erased, sizeof(buf));
		rc = flash_area_read(from, off, buf, n);
		if (rc == 0)
			rc = flash_area_program(to, off, buf, padded);
		if (rc != 0)
			return rc;
		off += n;
		len -= n;
	}
	return 0;
}

static int erase_secondary(struct boot_engine *e)
{
	return boot_erase_sectors(e->secondary, 0, flash_area_size(e->secondary));
}

int boot_engine_run(struct boot_engine *e, struct boot_result *r)
{
	struct boot_trailer p, s;
	enum boot_swap_type type;
	int rc;

	memset(r, 0, sizeof(*r));
	r->swap = BOOT_SWAP_NONE;
	rc = e->strategy->resume(e);
	if (rc != 0)
		return rc;
	if ((rc = boot_trailer_read(&e->primary->win.mtd, &e->geo_primary, &p)) != 0 ||
	    (rc = boot_trailer_read(&e->secondary->win.mtd, &e->geo_secondary, &s)) != 0)
		return rc;
	type = boot_swap_type_of(&p, &s);
	if (type == BOOT_SWAP_REVERT && !e->strategy->supports_revert)
		type = BOOT_SWAP_NONE;
	if (type == BOOT_SWAP_TEST || type == BOOT_SWAP_PERM) {
		/* Nothing is erased before the new image has proven valid. */
		rc = image_validate(&e->secondary->win.mtd, e->policy,
				    &e->secondary_facts);
		if (rc != IMAGE_OK) {
			log_warn("boot: image 0 secondary slot: %s; erasing it, "
				 "no upgrade", image_strerror(rc));
			rc = erase_secondary(e);
			if (rc != 0)
				return rc;
			type = BOOT_SWAP_NONE;
		}
	}
	if (type != BOOT_SWAP_NONE) {
		log_info("boot: image 0: %s upgrade (%s)",
			 boot_swap_type_name(type), e->strategy->name);
		rc = e->strategy->upgrade(e, type);
		if (rc != 0)
			return rc;
	}
	r->swap = type;
	r->status = image_validate(&e->primary->win.mtd, e->policy, &r->facts);
	return 0;
}
