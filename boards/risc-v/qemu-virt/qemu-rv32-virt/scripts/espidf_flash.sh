#!/bin/sh
# boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/espidf_flash.sh
# SPDX-License-Identifier: Apache-2.0
# QEMU virt's ESP-IDF scheme build products: the OS ELF (linked for RAM,
# scripts/espidf_os.ld.S) with its esp_app_desc_t filled in, made an ESP
# image by `slipway esp elf2image --chip qemu-virt` (RAM segments only);
# the binary partition table from the board's CSV; and the whole flash
# with the loader at 0, the table, blank otadata and the OS in ota_0.
# Usage: espidf_flash.sh SLIPWAY OBJCOPY OS_ELF LOADER_BIN VERSION
#        SECURE_VERSION CSV TABLE_OFFSET FLASH_SIZE OUTDIR
set -eu
slipway=$1 objcopy=$2 elf=$3 loader=$4 version=$5 sv=$6 csv=$7 toff=$8 size=$9
out=${10}
tmp=$out/espidf.tmp
mkdir -p "$tmp"

# esp_app_desc_t (esp-formats.md 2.1), into the ELF's .app_desc.
sh "$(dirname "$0")/../../../../../tools/espidf_app_desc.sh" "$version" "$sv" >"$tmp/desc"
"$objcopy" --update-section .app_desc="$tmp/desc" "$elf" "$tmp/os.elf"
"$slipway" esp elf2image --chip qemu-virt --flash-mode dio --flash-freq 80m \
	--flash-size 4MB -o "$out/slipway-os.espimg" "$tmp/os.elf" >/dev/null
"$slipway" part gen --offset "$toff" "$csv" "$out/partition-table.bin" >/dev/null
"$slipway" otadata gen "$out/otadata-initial.bin"
place=$("$slipway" part dump --offset "$toff" "$out/partition-table.bin" |
	awk -F, '$2 == "app" && $3 == "ota_0" { o = $4 } $2 == "data" && $3 == "ota" { d = $4 }
		 END { print o, d }')
set -- $place
"$slipway" flash assemble --size "$size" --output "$out/slipway-flash.bin" \
	"0:$loader" "$toff:$out/partition-table.bin" "$2:$out/otadata-initial.bin" \
	"$1:$out/slipway-os.espimg"
rm -rf "$tmp"
