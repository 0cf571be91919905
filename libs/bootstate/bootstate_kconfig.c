/* The trailer geometry from Kconfig (see bootstate.h). */
#include "libs/bootstate/bootstate.h"

struct boot_trailer_geo boot_trailer_geo_kconfig(const struct mtd_dev *slot)
{
	return (struct boot_trailer_geo){
		.slot_size = slot->geo->size,
		.max_align = CONFIG_BOOT_MAX_ALIGN,
		.write_size = slot->geo->program_unit,
		.max_sectors = CONFIG_BOOT_MAX_IMG_SECTORS,
		.records = 3, /* swap-status records per sector, swap modes */
		.erased = slot->geo->erased_value,
	};
}
