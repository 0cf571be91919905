#!/bin/sh
# tools/matrix.sh
# SPDX-License-Identifier: Apache-2.0
# Build every named defconfig, each in its own O= directory under DIR, all in
# parallel, then print one table row each: name, result, the bootloader's
# text, data and bss, the flash area it has, and its text by component
# (tools/size/components.sh). With --components (`make size`), then each
# bootloader's text, data and bss by component. Exits non-zero if any
# build failed.
# Usage: matrix.sh [--components] SRCTREE DIR NAME...
set -u
components=
[ "${1-}" = --components ] && { components=1; shift; }
src=$1 dir=$2
shift 2
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p "$dir"

build_one() {
	o=$dir/$1
	rm -f "$o/result"
	if make -s -C "$src" O="$o" "$1_defconfig" >"$dir/$1.log" 2>&1 &&
	   make -s -C "$src" O="$o" >>"$dir/$1.log" 2>&1; then
		echo ok >"$o/result"
	else
		mkdir -p "$o" && echo FAIL >"$o/result"
	fi
}

# One job per configuration; a bounded number at once.
running=0
for n in "$@"; do
	build_one "$n" &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then wait; running=0; fi
done
wait

# The area the layout reserves for the bootloader (none on the sim, where
# it is a host program).
area() {
	grep -q '^CONFIG_ARCH_SIM=y' "$dir/$1/.config" && { echo -; return; }
	echo $(($(sed -n 's/^CONFIG_FLASH_AREA_BOOTLOADER_SIZE=//p' "$dir/$1/.config")))
}
# Column $2 (2 text, 3 data, 4 bss) of component $1 in a components file.
comp() { awk -v c="$1" -v k="$2" '$1 == c { print $k }' "$3"; }
names="arch loader engine image crypto libc runtime"

status=0
printf '%-28s %-6s %8s %8s %8s %8s |' name result text data bss area
printf ' %7s' $names; echo '   (bootloader text by component)'
for n in "$@"; do
	r=$(cat "$dir/$n/result" 2>/dev/null || echo FAIL)
	if [ "$r" = ok ]; then
		read -r text data bss <"$dir/$n/sizes.txt"
		# Espressif: the ESP image the ROM loads, in bytes
		esp=
		[ -f "$dir/$n/slipway-boot.esp.bin" ] &&
			esp="   esp image $(stat -c %s "$dir/$n/slipway-boot.esp.bin")"
		printf '%-28s %-6s %8s %8s %8s %8s |' "$n" ok "$text" "$data" "$bss" "$(area "$n")"
		for c in $names; do printf ' %7s' "$(comp "$c" 2 "$dir/$n/size-components.txt")"; done
		echo "$esp"
	else
		printf '%-28s %-6s %8s %8s %8s %8s   (log: %s)\n' "$n" FAIL - - - - "$dir/$n.log"
		status=1
	fi
done
[ -n "$components" ] || exit $status
for n in "$@"; do
	[ "$(cat "$dir/$n/result" 2>/dev/null)" = ok ] || continue
	echo
	echo "$n: the bootloader by component (bytes; from $dir/$n/slipway-boot.map)"
	printf '  %-18s %8s %8s %8s\n' component text data bss
	while read -r c t d b; do
		[ "$c" = runtime ] && c="compiler runtime"
		printf '  %-18s %8s %8s %8s\n' "$c" "$t" "$d" "$b"
	done <"$dir/$n/size-components.txt"
done
exit $status
