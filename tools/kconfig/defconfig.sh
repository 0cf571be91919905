#!/bin/sh
# tools/kconfig/defconfig.sh
# SPDX-License-Identifier: Apache-2.0
# Load a defconfig into OUT/.config, refusing what kconfig-conf would drop in
# silence: unknown symbols, malformed lines, and values that do not survive
# (unmet dependencies, out of range).
# Usage: defconfig.sh SRCTREE OUT DEFCONFIG_FILE
set -eu
src=$1 out=$2 file=$3

if [ ! -f "$file" ]; then
	echo "error: no configuration file $file" >&2
	exit 1
fi
if ! command -v kconfig-conf >/dev/null 2>&1; then
	echo "error: kconfig-conf not found (Debian package kconfig-frontends-nox);" \
	     "run tools/setup.sh" >&2
	exit 1
fi

# The files kconfig-conf reads: the top Kconfig and what it sources, by
# path from the tree's root (a board's common.Kconfig as much as any file
# named Kconfig; a file nothing sources declares nothing).
kconfig_files() {
	echo "$src/$1"
	sed -n 's/^[[:space:]]*source[[:space:]]\{1,\}"\([^"]*\)".*/\1/p' "$src/$1" |
	while read -r f; do kconfig_files "$f"; done
}

known=$(mktemp)
trap 'rm -f "$known"' EXIT
kconfig_files Kconfig |
	xargs sed -n 's/^[[:space:]]*\(menu\)\{0,1\}config[[:space:]]\{1,\}\([A-Za-z0-9_]\{1,\}\).*/CONFIG_\2/p' |
	sort -u >"$known"

# Each line: blank, a comment, "CONFIG_X=value" or "# CONFIG_X is not set".
awk -v file="$file" -v known="$known" '
BEGIN { while ((getline s < known) > 0) ok[s] = 1 }
{
	sym = ""
	if ($0 ~ /^CONFIG_[A-Za-z0-9_]+=/) { sym = $0; sub(/=.*/, "", sym) }
	else if ($0 ~ /^# CONFIG_[A-Za-z0-9_]+ is not set$/) { sym = $2 }
	else if ($0 ~ /^[[:space:]]*(#.*)?$/) next
	else { printf "error: %s:%d: not a Kconfig assignment: %s\n", file, NR, $0; bad = 1; next }
	if (!(sym in ok)) { printf "error: %s:%d: unknown symbol %s\n", file, NR, sym; bad = 1 }
}
END { exit bad }' "$file" >&2

mkdir -p "$out"
cd "$src"
KCONFIG_CONFIG="$out/.config" kconfig-conf -s --defconfig="$file" Kconfig

# Every assignment must have taken effect.
awk -v file="$file" '
FNR == NR { have[$0] = 1; if ($0 ~ /^CONFIG_/) { s = $0; sub(/=.*/, "", s); set[s] = 1 } next }
/^CONFIG_[A-Za-z0-9_]+=/ {
	if (!($0 in have)) { printf "error: %s:%d: %s was not applied (unmet dependency or value out of range)\n", file, FNR, $0; bad = 1 }
}
/^# CONFIG_[A-Za-z0-9_]+ is not set$/ {
	if ($2 in set) { printf "error: %s:%d: %s is still set (selected by another symbol)\n", file, FNR, $2; bad = 1 }
}
END { exit bad }' "$out/.config" "$file" >&2 || { rm -f "$out/.config"; exit 1; }
