#!/bin/sh
# tools/espidf_app_desc.sh
# SPDX-License-Identifier: Apache-2.0
# Writes an ESP-IDF app descriptor, esp_app_desc_t (esp-formats.md 2.1), to
# standard output: 256 bytes of magic, secure_version, reserved, version and
# project_name, the rest zero. The ESP-IDF scheme's image scripts put it
# first in the app's first segment (tools/espidf_image.sh, the QEMU virt
# board's scripts/espidf_flash.sh).
# Usage: espidf_app_desc.sh VERSION SECURE_VERSION
set -eu
version=$1 sv=$2
le32() { printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $((($1 >> 8) & 255)) \
	$((($1 >> 16) & 255)) $((($1 >> 24) & 255)))"; }
field() { printf '%s' "$1" | head -c $(($2 - 1)); head -c $(($2 - $(printf '%s' "$1" | head -c $(($2 - 1)) | wc -c))) /dev/zero; }
le32 $((0xabcd5432)); le32 "$sv"; head -c 8 /dev/zero
field "$version" 32; field slipway-os 32
head -c $((256 - 80)) /dev/zero
