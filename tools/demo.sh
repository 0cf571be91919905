#!/bin/sh
# tools/demo.sh
# SPDX-License-Identifier: Apache-2.0
# `make demo`: the update flow on the sim, as a user would type it into the
# reference OS's shell: boot v1, stage v2 through the update agent, ask for
# a test upgrade, reboot into v2, confirm it, reboot: v2 stays.
# Usage: demo.sh SRCTREE BUILDDIR (configured with sim_defconfig and built).
set -eu
src=$1 b=$2
cfg() { sed -n "s/^CONFIG_$1=//p" "$b/.config"; }
key=$(cfg BOOT_SIGNING_KEY | tr -d '"')
case "$key" in /*) ;; *) key=$src/$key ;; esac
dir=$b/demo-run
mkdir -p "$dir"
cp "$b/slipway-flash.bin" "$dir/flash.bin"
rm -f "$dir/flash.bin.otp"
# v2: the same program, signed as version 2.0.0 with the sim's test key,
# for the room the strategy leaves it in the secondary (the layout check's).
"$b/host/slipway" image sign -k "$key" -v 2.0.0 \
	-H "$(cfg OS_IMAGE_HEADER_SIZE)" --pad-header \
	-S "$(sed -n 's/^0 //p' "$b/hostcfg/layout.ok")" --align "$(cfg FLASH_WRITE_ALIGN)" \
	"$b/slipway-os.payload" "$dir/v2.img"
echo "demo: the sim boots v1; its shell stages $dir/v2.img, reboots into it and confirms it"
echo
printf '%s\n' status "stage $dir/v2.img" pending reboot status confirm reboot status |
	SLIPWAY_SIM_FLASH=$dir/flash.bin "$b/slipway-boot" | tee "$dir/console.log"
echo
if tail -1 "$dir/console.log" | grep -q '^image 0: running 2.0.0+0, confirmed;'; then
	echo "demo: v2 runs, confirmed; 'make run' gives you the same shell"
else
	echo "demo: the update flow did not end with v2 confirmed" >&2
	exit 1
fi
