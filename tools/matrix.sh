#!/bin/sh
# tools/matrix.sh
# SPDX-License-Identifier: Apache-2.0
# Build every named defconfig, each in its own O= directory under DIR, all in
# parallel, then print one table row each: name, result, and the
# bootloader's text, data and bss. Exits non-zero if any build failed.
# Usage: matrix.sh SRCTREE DIR NAME...
set -u
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

status=0
printf '%-28s %-6s %8s %8s %8s\n' name result text data bss
for n in "$@"; do
	r=$(cat "$dir/$n/result" 2>/dev/null || echo FAIL)
	if [ "$r" = ok ]; then
		read -r text data bss <"$dir/$n/sizes.txt"
		# Espressif: the ESP image the ROM loads, in bytes
		esp=
		[ -f "$dir/$n/slipway-boot.esp.bin" ] &&
			esp="   esp image $(stat -c %s "$dir/$n/slipway-boot.esp.bin")"
		printf '%-28s %-6s %8s %8s %8s%s\n' "$n" ok "$text" "$data" "$bss" "$esp"
	else
		printf '%-28s %-6s %8s %8s %8s   (log: %s)\n' "$n" FAIL - - - "$dir/$n.log"
		status=1
	fi
done
exit $status
