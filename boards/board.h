/* What every board provides. */
#ifndef SLIPWAY_BOARDS_BOARD_H
#define SLIPWAY_BOARDS_BOARD_H

struct mtd_dev;

/*
 * The flash device holding the bootloader and the image slots, ready for
 * use, or NULL after printing why it is not available.
 */
struct mtd_dev *board_boot_flash(void);

#endif
