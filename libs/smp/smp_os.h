/*
 * SMP group 0 (OS): echo (0), echo control (1), reset (5) and MCUmgr
 * parameters (6). Reset answers first and then calls the server's
 * after_reply hook (no hook: not supported).
 */
#ifndef SLIPWAY_LIBS_SMP_SMP_OS_H
#define SLIPWAY_LIBS_SMP_SMP_OS_H

#include "libs/smp/smp_server.h"

struct smp_os_ctx {
	uint32_t buf_size;  /* the largest packet received, header included */
	uint32_t buf_count; /* packets the device can hold at once */
};

extern const struct smp_group smp_os_group;

#endif
