# tests/bench/test_bench_runs.sh
# SPDX-License-Identifier: Apache-2.0

# `make bench` runs and prints every figure it promises (the figures
# themselves are read by people, not asserted: they come from the bench).
. "$SRCTREE/tests/lib.sh"
need_shared
out=$(make -s -C "$SRCTREE" O="$BUILD" bench 2>&1)
for line in "validate, total" "hashing (flash reads" "signature (ECDSA P-256 verify)" \
	    "one plain mbedtls SHA-256" "hashing / plain SHA-256"; do
	printf '%s\n' "$out" | grep -F "$line" | grep -qE '[1-9]' &&
		ok "bench prints: $line" || { not_ok "bench lacks: $line"; printf '%s\n' "$out" | sed 's/^/#   /'; }
done
for s in overwrite-only swap-scratch swap-move swap-offset; do
	for n in 32 256; do
		printf '%s\n' "$out" | grep -qE "^  $s +$n +[1-9][0-9]* +[1-9][0-9]* +[1-9][0-9]* +[1-9][0-9]* +[1-9][0-9]*$" &&
			ok "bench prints the upgrade counts of $s, $n sectors" ||
			{ not_ok "bench lacks the upgrade counts of $s, $n sectors"; printf '%s\n' "$out" | sed 's/^/#   /'; }
	done
done
# Issue 19's bounds for swap-offset, the default strategy: a test upgrade
# of N sectors, and its revert, erase at most 2N + 4 sectors and program at
# most 2.05x the image's bytes (N sectors of 4 KiB).
for n in 32 256; do
	printf '%s\n' "$out" | awk -v n="$n" '
		$1 == "swap-offset" && $2 == n { up = 1; e = $3; b = $5; next }
		up && $1 == "its" && $2 == "revert" && $3 == n { re = $4; rb = $6; up = 0 }
		END {
			img = n * 4096
			if (e == "" || re == "") { print "#   no swap-offset rows for " n; exit 1 }
			printf "#   swap-offset %d: %d erases, %d bytes; revert %d erases, %d bytes\n", n, e, b, re, rb
			exit !(e <= 2 * n + 4 && b <= 2.05 * img && re <= 2 * n + 4 && rb <= 2.05 * img)
		}' &&
		ok "swap-offset, $n sectors: upgrade and revert within 2N + 4 erases and 2.05x the image's bytes" ||
		{ not_ok "swap-offset, $n sectors: over 2N + 4 erases or 2.05x the bytes"; printf '%s\n' "$out" | sed 's/^/#   /'; }
done
for chunk in 512 4096; do
	printf '%s\n' "$out" | grep -qE "^bench: staging [0-9]+ bytes through the agent in $chunk-byte writes: .* ratio (0\.[0-9]+|1\.000)$" &&
		ok "bench prints the staging ratio for $chunk-byte writes" ||
		{ not_ok "bench lacks the staging ratio ($chunk)"; printf '%s\n' "$out" | sed 's/^/#   /'; }
done
printf '%s\n' "$out" | grep -qE '^bench: qemu-rv32-virt, -icount shift=0: reset to the jump into a 26[0-9]{4}-byte image .*: [1-9][0-9]* instructions \(identical in 2 runs\)$' &&
	ok "bench prints the QEMU instructions from reset to the jump, repeatable under -icount" ||
	{ not_ok "bench lacks a repeatable QEMU reset-to-jump count"; printf '%s\n' "$out" | sed 's/^/#   /'; }
printf '%s\n' "$out" | grep -qE '^bench: sim .*: main to the jump into a 26[0-9]{4}-byte image .*: [1-9][0-9]* instructions, of which image validation [1-9][0-9]* ' &&
	ok "bench prints the sim's boot flow, counted by callgrind" ||
	{ not_ok "bench lacks the sim's boot flow"; printf '%s\n' "$out" | sed 's/^/#   /'; }
printf '%s\n' "$out" | grep -qE '^bench: qemu-rv32-virt bootloader .*: text [1-9][0-9]*, data [0-9]+, bss [1-9][0-9]* bytes' &&
	ok "bench prints the QEMU bootloader's text, data and bss" ||
	{ not_ok "bench lacks the QEMU bootloader sizes"; printf '%s\n' "$out" | sed 's/^/#   /'; }
