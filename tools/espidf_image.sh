#!/bin/sh
# tools/espidf_image.sh
# SPDX-License-Identifier: Apache-2.0
# The ESP-IDF boot scheme's build products: the OS payload as an ESP image
# (one flash-mapped DROM segment: a 256-byte app descriptor, then the
# payload), the binary partition table from the board's CSV, and the whole
# flash with the table, blank otadata and the OS in factory (ota_0 when the
# table has no factory partition).
# With SIGNING_KEY (a Secure Boot V2 PEM key), the ESP image is then signed
# as ESP-IDF's build signs apps: `slipway esp secure sign-data --version 2`
# (padded to 4 KiB, the signature sector after it).
# Usage: espidf_image.sh SLIPWAY OBJCOPY PAYLOAD VERSION SECURE_VERSION CSV
#        TABLE_OFFSET FLASH_SIZE OUTDIR [SIGNING_KEY]
set -eu
slipway=$1 objcopy=$2 payload=$3 version=$4 sv=$5 csv=$6 toff=$7 size=$8 out=$9
key=${10:-}
tmp=$out/espidf.tmp
mkdir -p "$tmp"

# esp_app_desc_t first (esp-formats.md 2.1), then the payload.
sh "$(dirname "$0")/espidf_app_desc.sh" "$version" "$sv" >"$tmp/seg"
cat "$payload" >>"$tmp/seg"
n=$(wc -c <"$tmp/seg")
head -c $(((4 - n % 4) % 4)) /dev/zero >>"$tmp/seg"
"$objcopy" -I binary -O elf32-littleriscv -B riscv \
	--rename-section .data=.flash.rodata,alloc,load,readonly,data,contents \
	--change-section-address .data=0x3c000020 "$tmp/seg" "$tmp/os.elf"
"$slipway" esp elf2image --chip esp32c3 --flash-mode dio --flash-freq 80m \
	--flash-size 4MB -o "$out/slipway-os.espimg" "$tmp/os.elf" >/dev/null
if [ -n "$key" ]; then
	"$slipway" esp secure sign-data --version 2 --keyfile "$key" \
		--output "$tmp/signed" "$out/slipway-os.espimg" >/dev/null
	mv "$tmp/signed" "$out/slipway-os.espimg"
fi
"$slipway" part gen --offset "$toff" "$csv" "$out/partition-table.bin" >/dev/null
"$slipway" otadata gen "$out/otadata-initial.bin"
place=$("$slipway" part dump --offset "$toff" "$out/partition-table.bin" |
	awk -F, '$2 == "app" && $3 == "factory" { f = $4 } $2 == "app" && $3 == "ota_0" { o = $4 }
		 $2 == "data" && $3 == "ota" { d = $4 } END { print (f != "" ? f : o), d }')
set -- $place
"$slipway" flash assemble --size "$size" --output "$out/slipway-flash.bin" \
	"$toff:$out/partition-table.bin" "$2:$out/otadata-initial.bin" \
	"$1:$out/slipway-os.espimg"
rm -rf "$tmp"
