#!/bin/sh
# tools/size/components.sh
# SPDX-License-Identifier: Apache-2.0
# The bootloader's text, data and bss by component, from its link map.
# Every input section the map places in an allocated output section is
# counted once, by the file it came from; the output sections' flags (as
# objdump -h gives them) say whether it is text, data or bss, the way
# `size` counts them, so the components add up to `size`'s totals.
# Usage: components.sh OBJDUMP ELF MAP OBJLIST >TABLE
#   OBJLIST: the archive's objects, one path per line (members are named
#   by their file name in the map).
# Prints one line per component: NAME TEXT DATA BSS, then "total ...".
# A link-time optimised program (CONFIG_BOOT_LTO) places GCC's partitions
# (*.ltrans.o), not our objects: their bytes go by the symbols in them,
# each owning the bytes up to the next, to the component of the source
# file its debug information names (nm -l); bytes no symbol owns (merged
# string constants) are "other".
set -eu
objdump=$1 elf=$2 map=$3 objlist=$4
srctree=$(cd "$(dirname "$0")/../.." && pwd)

: >"$map.syms"
if grep -q '\.ltrans[0-9]*\.ltrans\.o' "$map"; then
	"${objdump%objdump}nm" -n -l --defined-only "$elf" |
		awk '$2 ~ /^[tTrRdDbBsSgGvVwW]$/ { f = $4; sub(/:[0-9]+$/, "", f); print $1, f }' >"$map.syms"
fi

"$objdump" -h "$elf" | awk '
	$1 ~ /^[0-9]+$/ { name = $2; next }
	name != "" {
		if ($0 !~ /ALLOC/) kind = "-"
		else if ($0 !~ /LOAD/) kind = "bss"
		else if ($0 ~ /READONLY/ || $0 ~ /CODE/) kind = "text"
		else kind = "data"
		print name, kind; name = ""
	}' >"$map.kinds"

awk -v kinds="$map.kinds" -v objlist="$objlist" -v syms="$map.syms" -v srctree="$srctree" '
function hex(s,   i, n) {
	n = 0; s = tolower(substr(s, 3))
	for (i = 1; i <= length(s); i++) n = n * 16 + index("0123456789abcdef", substr(s, i, 1)) - 1
	return n
}
# The component of a path inside the tree (an object under obj/ in the build,
# or a source file). Order matters: first match wins.
function tree_component(rel) {
	if (rel ~ /^(arch|boards|drivers)\//) return "arch"
	if (rel ~ /^(boot\/loader|libs\/(log|util|smp|cbor))\//) return "loader"
	if (rel ~ /^(boot\/engine|libs\/(bootstate|flashmap|esppart))\//) return "engine"
	if (rel ~ /^(libs\/(image|espimage)|generated)\//) return "image"
	if (rel ~ /^(libs\/crypto|\.deps\/(mbedtls[^\/]*|libsodium))\//) return "crypto"
	return "other"
}
# The component of an input file.
function component(file,   m, p) {
	if (match(file, /\([^()]*\)$/)) {          # archive(member)
		m = substr(file, RSTART + 1, RLENGTH - 2)
		p = substr(file, 1, RSTART - 1)
		if (p ~ /libslipway\.a$/ && (m in member)) file = member[m]
		else file = p
	}
	if (file ~ /\.ltrans[0-9]*\.ltrans\.o$/) return "lto"
	if (match(file, /\/obj\//)) return tree_component(substr(file, RSTART + RLENGTH))
	if (file ~ /libmbedcrypto\.a$|libsodium\.a$/) return "crypto"
	if (file ~ /libgcc\.a$|libgcc_s|libatomic/) return "runtime"
	if (file ~ /\/(libc|libm|libsemihost|libc_nonshared)\.a$|\/crt[^\/]*\.o$|\/Scrt1\.o$/) return "libc"
	return "other"
}
# The component of a source file named by the debug information.
function source_component(src) {
	if (index(src, srctree "/") == 1) return tree_component(substr(src, length(srctree) + 2))
	if (src ~ /\/generated\/[^\/]*$/) return "image"
	return "other"
}
# Bytes [lo, hi) of an LTO partition: by the symbols in them.
function split_lto(lo, hi, k,   j, s, e) {
	s = lo
	for (j = 1; j <= nsym && saddr[j] < hi; j++) {
		if (saddr[j] < lo || (j < nsym && saddr[j + 1] == saddr[j])) continue
		if (saddr[j] > s) bytes[s == lo ? "other" : scomp_prev, k] += saddr[j] - s
		s = saddr[j]; scomp_prev = scomp[j]
	}
	if (hi > s) bytes[s == lo ? "other" : scomp_prev, k] += hi - s
}
BEGIN {
	while ((getline l < kinds) > 0) { split(l, f, " "); kind[f[1]] = f[2] }
	while ((getline l < syms) > 0) {
		split(l, f, " "); nsym++; saddr[nsym] = hex("0x" f[1]); scomp[nsym] = source_component(f[2])
	}
	while ((getline l < objlist) > 0) { n = split(l, f, "/"); member[f[n]] = l }
	ncomp = split("arch loader engine image crypto libc runtime other", order, " ")
}
/^Linker script and memory map/ { inmap = 1; next }
!inmap { next }
# An output section: its name at column 0, its address and size after it
# or on the next line.
/^[^ ]/ {
	flush(); out = $1; pending = 0; oaddr = ""
	if (NF >= 3 && $2 ~ /^0x/ && $3 ~ /^0x/) { oaddr = hex($2); oend = oaddr + hex($3) }
	else outpending = 1
	next
}
outpending { outpending = 0; if ($1 ~ /^0x/ && $2 ~ /^0x/) { oaddr = hex($1); oend = oaddr + hex($2); next } }
# Padding belongs to the input before it (no entry: its range runs on).
/^ \*fill\*/ { pending = 0; next }
# An input section whose name filled the line: its figures on the next.
/^ [^ ]/ && NF == 1 { pending = 1; next }
{
	if (/^ [^ ]/ && NF >= 3 && $2 ~ /^0x/ && $3 ~ /^0x/) {
		a = $2; file = (NF >= 4) ? $4 : ""
	} else if (pending && NF >= 2 && $1 ~ /^0x/ && $2 ~ /^0x/) {
		a = $1; file = (NF >= 3) ? $3 : ""
	} else {
		pending = 0; next
	}
	pending = 0
	if (file == "") next
	n++; eaddr[n] = hex(a); ecomp[n] = component(file)
}
# The sizes the map prints are wrong for merged strings (an input merged
# away keeps its size): each input owns the bytes up to the next one.
function flush(   i, k, e) {
	k = kind[out]
	if (k != "" && k != "-" && oaddr != "") {
		if (n == 0 || eaddr[1] > oaddr) bytes["other", k] += ((n ? eaddr[1] : oend) - oaddr)
		for (i = 1; i <= n; i++) {
			e = (i < n) ? eaddr[i + 1] : oend
			if (e <= eaddr[i]) continue
			if (ecomp[i] == "lto") split_lto(eaddr[i], e, k)
			else bytes[ecomp[i], k] += e - eaddr[i]
		}
	}
	n = 0
}
END {
	flush()
	for (i = 1; i <= ncomp; i++) {
		c = order[i]
		printf "%s %d %d %d\n", c, bytes[c, "text"], bytes[c, "data"], bytes[c, "bss"]
		t += bytes[c, "text"]; d += bytes[c, "data"]; b += bytes[c, "bss"]
	}
	printf "total %d %d %d\n", t, d, b
}' "$map"
rm -f "$map.kinds" "$map.syms"
