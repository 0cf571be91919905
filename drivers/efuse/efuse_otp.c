/* drivers/efuse/efuse_otp.c
 *
 * SPDX-License-Identifier: Apache-2.0
 */

#include "drivers/efuse/efuse_otp.h"
#include "drivers/otp/otp.h"

#include <errno.h>

static int otp_efuse_read(struct efuse_dev *dev, unsigned int word, uint32_t *v)
{
	struct efuse_otp *e = (struct efuse_otp *)dev;

	if (word >= EFUSE_WORDS)
		return -ERANGE;
	return otp_read(e->first_word + word, v);
}

static int otp_efuse_burn(struct efuse_dev *dev, unsigned int word, uint32_t bits)
{
	struct efuse_otp *e = (struct efuse_otp *)dev;

	if (word >= EFUSE_WORDS)
		return -ERANGE;
	return otp_burn(e->first_word + word, bits);
}

static const struct efuse_ops otp_efuse_ops = {
	.read = otp_efuse_read,
	.burn = otp_efuse_burn,
};

int efuse_otp_init(struct efuse_otp *e, unsigned int first_word)
{
	if ((unsigned long)first_word + EFUSE_WORDS > otp_word_count())
		return -ERANGE;
	e->dev.ops = &otp_efuse_ops;
	e->first_word = first_word;
	return 0;
}
