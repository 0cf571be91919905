#!/bin/sh
# tools/demo_espidf.sh
# SPDX-License-Identifier: Apache-2.0
# `make demo`'s second run: the ESP-IDF boot scheme on the sim. The OS
# (factory) stages v2 into ota_1 with the ESP-IDF OTA API, sets it as the
# boot partition, reboots into its trial and confirms it; then stages v3
# into ota_0, reboots into its trial and reboots again without confirming:
# the loader rolls back to v2.
# Usage: demo_espidf.sh SRCTREE BUILDDIR (configured with
# sim_espidf_defconfig and built).
set -eu
src=$1 b=$2
cfg() { sed -n "s/^CONFIG_$1=//p" "$b/.config"; }
dir=$b/demo-run
mkdir -p "$dir"
cp "$b/slipway-flash.bin" "$dir/flash.bin"
rm -f "$dir/flash.bin.otp"
for v in 2.0.0 3.0.0; do
	mkdir -p "$dir/$v"
	"$src/tools/espidf_image.sh" "$b/host/slipway" riscv64-unknown-elf-objcopy \
		"$b/slipway-os.payload" "$v" 0 "$src/$(cfg BOOT_ESPIDF_PARTITION_CSV | tr -d '"')" \
		"$(cfg BOOT_ESPIDF_TABLE_OFFSET)" "$(cfg FLASH_SIZE)" "$dir/$v"
done
echo "demo (ESP-IDF scheme): factory runs v1; its shell stages v2 into ota_1, reboots into"
echo "its trial and confirms it; then v3 into ota_0, not confirmed: rolled back to v2"
echo
printf '%s\n' status "stage $dir/2.0.0/slipway-os.espimg ota_1" "setboot ota_1" reboot \
	status confirm "stage $dir/3.0.0/slipway-os.espimg ota_0" "setboot ota_0" reboot \
	version reboot status |
	SLIPWAY_SIM_FLASH=$dir/flash.bin "$b/slipway-boot" | tee "$dir/console.log"
echo
if grep -q '^running ota_1, boot ota_1, next update ota_0, last invalid ota_0$' "$dir/console.log"; then
	echo "demo: v2 runs from ota_1, confirmed; v3 was rolled back (ota_0 ABORTED)"
else
	echo "demo: the ESP-IDF update flow did not end with v2 running and v3 rolled back" >&2
	exit 1
fi
