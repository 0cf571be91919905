#!/bin/sh
# tools/kconfig/mkautoconf.sh
# SPDX-License-Identifier: Apache-2.0
# Turn a .config into a C header. The header is replaced only when its text
# changes, so a build that did not change the configuration rebuilds nothing.
# Usage: mkautoconf.sh CONFIG HEADER
set -eu
config=$1 header=$2
tmp="$header.tmp"
mkdir -p "$(dirname "$header")"
awk '
BEGIN {
	print "/* Generated from .config by tools/kconfig/mkautoconf.sh; do not edit. */"
	print "#ifndef SLIPWAY_AUTOCONF_H"
	print "#define SLIPWAY_AUTOCONF_H"
}
/^CONFIG_[A-Za-z0-9_]+=/ {
	name = $0; sub(/=.*/, "", name)
	val = $0; sub(/^[^=]*=/, "", val)
	if (val == "n") next
	if (val == "y") val = "1"
	printf "#define %s %s\n", name, val
}
END { print "#endif" }' "$config" >"$tmp"
if cmp -s "$tmp" "$header"; then
	rm -f "$tmp"
else
	mv "$tmp" "$header"
fi
