#!/bin/sh
# tools/kconfig/savedefconfig.sh
# SPDX-License-Identifier: Apache-2.0
# Write the minimal defconfig of OUT/.config to DEST in canonical form: the
# lines kconfig-conf keeps, sorted bytewise, so that loading it and saving
# again gives the same bytes.
# Usage: savedefconfig.sh SRCTREE OUT DEST
set -eu
src=$1 out=$2 dest=$3
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
cd "$src"
KCONFIG_CONFIG="$out/.config" kconfig-conf -s --savedefconfig="$tmp" Kconfig
LC_ALL=C sort "$tmp" >"$dest"
echo "wrote $dest"
