# tests/make/test_demo.sh
# SPDX-License-Identifier: Apache-2.0

# `make demo`, the README's first command: it builds the sim and shows the
# update flow (boot v1, stage v2 through the agent, reboot into it, confirm
# it), and exits 0.
. "$SRCTREE/tests/lib.sh"
if make -s -C "$SRCTREE" O="$TESTTMP" demo >"$TESTTMP/demo.out" 2>&1; then
	ok "make demo exits 0"
else
	not_ok "make demo failed"; sed 's/^/#   /' "$TESTTMP/demo.out"
fi
out=$TESTTMP/demo.out
grep -q '^stage: image 0: [0-9]* bytes staged, version 2.0.0+0, valid$' "$out" &&
grep -q '^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$' "$out" &&
grep -q '^confirm: image 0 confirmed$' "$out" &&
[ "$(grep '^Slipway OS ' "$out" | head -3 | tr '\n' ' ')" = "Slipway OS 1.0.0 Slipway OS 2.0.0 Slipway OS 2.0.0 " ] &&
	ok "make demo shows boot, stage, reboot into v2, confirm, v2 stays" ||
	{ not_ok "make demo's flow"; sed 's/^/#   /' "$out"; }
# The ESP-IDF scheme's run (tools/demo_espidf.sh): update, trial, confirm;
# then an unconfirmed trial rolled back.
grep -q '^boot: otadata entry 0: NEW -> PENDING_VERIFY$' "$out" &&
grep -q '^confirm: running app marked valid$' "$out" &&
grep -q '^boot: otadata entry 1: PENDING_VERIFY -> ABORTED$' "$out" &&
[ "$(grep '^Slipway OS ' "$out" | tail -n +4 | tr '\n' ' ')" = "Slipway OS 1.0.0 Slipway OS 2.0.0 Slipway OS 3.0.0 Slipway OS 2.0.0 " ] &&
	ok "make demo's ESP-IDF run: ota_1 on trial, confirmed; ota_0 not confirmed, rolled back" ||
	{ not_ok "make demo's ESP-IDF flow"; sed 's/^/#   /' "$out"; }
