# tests/arch/sim/test_sim_agent.sh
# SPDX-License-Identifier: Apache-2.0

# The update agent end to end on the sim: the reference OS's shell stages
# an update through the OTA API, asks for it, and confirms it; the real
# bootloader installs it, or reverts it. Bad updates are refused by the
# agent with their own errors, and the running image stays as it was.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
sim_use "$BUILD"

sign() { # VERSION OUT [options]
	v=$1 o=$2; shift 2
	"$SLIPWAY" image sign -k "$key" -v "$v" -H "$hdr" --pad-header -S "$slot" \
		--align 8 "$@" "$BUILD/slipway-os.payload" "$o"
}
# Run the sim with these shell lines as its console input.
sim() {
	printf '%s\n' "$@" | env SLIPWAY_SIM_FLASH="$flash" "$boot" >"$TESTTMP/sim.out" 2>&1
}
said() { grep -q -- "$1" "$TESTTMP/sim.out"; }
show() { sed 's/^/#   /' "$TESTTMP/sim.out"; }
# The n-th boot's banner names the version it runs.
boots() { [ "$(grep '^Slipway OS ' "$TESTTMP/sim.out" | sed 's/^Slipway OS //' | tr '\n' ' ' | sed 's/ $//')" = "$*" ]; }
fresh() { cp "$BUILD/slipway-flash.bin" "$flash"; rm -f "$flash.otp"; }

sign 2.0.0 "$TESTTMP/v2.img"

fresh
sim status "stage $TESTTMP/v2.img" pending status reboot status confirm reboot status
said '^stage: image 0: [0-9]* bytes staged, version 2.0.0+0, valid$' &&
said '^pending: image 0 will be installed at the next boot (test)$' &&
said 'secondary valid 2.0.0+0; next boot: test upgrade$' &&
	ok "v1 stages v2 and asks for a test upgrade" || { not_ok "stage and pending"; show; }
said '^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$' &&
said '^image 0: running 2.0.0+0, on trial; .*next boot: revert$' &&
	ok "the bootloader installs it; v2 runs on trial" || { not_ok "v2 on trial"; show; }
said '^confirm: image 0 confirmed$' && boots 1.0.0 2.0.0 2.0.0 &&
said '^image 0: running 2.0.0+0, confirmed; primary valid 2.0.0+0; secondary valid 1.0.0+0; next boot: nothing$' &&
	ok "v2 confirms itself and stays after the next reboot" || { not_ok "confirm and stay"; show; }

fresh
sim "stage $TESTTMP/v2.img" pending reboot reboot status
boots 1.0.0 2.0.0 1.0.0 &&
said '^boot: image 0: revert upgrade (swap-move) to version 1.0.0+0$' &&
said '^image 0: running 1.0.0+0, confirmed; primary valid 1.0.0+0; secondary valid 2.0.0+0; next boot: nothing$' &&
	ok "v2 not confirmed: the reboot after its trial brings v1 back" || { not_ok "revert path"; show; }

fresh
sim "stage $TESTTMP/v2.img" "pending --permanent" reboot reboot status
boots 1.0.0 2.0.0 2.0.0 && said 'permanent upgrade (swap-move)' &&
	ok "a permanent upgrade stays without a confirm" || { not_ok "permanent"; show; }

# The bad-update table: each refused with its own error; the running image
# and its confirmation as they were; nothing pending.
"$SLIPWAY" image keygen -k "$TESTTMP/other.pem" -t ecdsa-p256
"$SLIPWAY" image sign -k "$TESTTMP/other.pem" -v 2.0.0 -H "$hdr" --pad-header -S "$slot" \
	"$BUILD/slipway-os.payload" "$TESTTMP/wrongkey.img"
size=$(stat -c %s "$TESTTMP/v2.img")
head -c $((size / 2)) "$TESTTMP/v2.img" >"$TESTTMP/truncated.img"
head -c $((slot + 4096)) /dev/urandom >"$TESTTMP/big.bin"
"$SLIPWAY" image sign -k "$key" -v 2.0.0 -H "$hdr" --pad-header -S $((slot * 2)) \
	"$TESTTMP/big.bin" "$TESTTMP/big.img"
cp "$TESTTMP/v2.img" "$TESTTMP/flipped.img"
printf '\125' | dd of="$TESTTMP/flipped.img" bs=1 seek=$((hdr + 1000)) conv=notrunc 2>/dev/null
before='^image 0: running 1.0.0+0, confirmed; primary valid 1.0.0+0; secondary empty; next boot: nothing$'
bad() { # WHAT FILE ERROR [stage options]
	what=$1 file=$2 err=$3; shift 3
	fresh
	sim status "stage $file $*" pending status reboot
	n=$(grep -c -- "$before" "$TESTTMP/sim.out")
	if grep -q -- "^stage: image [0-9]*: refused: $err" "$TESTTMP/sim.out" &&
	   said '^pending: image 0: refused: ' && [ "$n" -eq 2 ] && boots 1.0.0 1.0.0 &&
	   ! said 'upgrade (swap'; then
		ok "bad update refused by the agent: $what"
	else
		not_ok "bad update: $what"; show
	fi
}
bad "wrong key" "$TESTTMP/wrongkey.img" "signed by a key this device does not trust"
bad "truncated" "$TESTTMP/truncated.img" "incomplete: nothing, or less than the image.s size, was staged"
bad "larger than the slot" "$TESTTMP/big.img" "larger than the bootloader can install"
bad "a changed byte" "$TESTTMP/flipped.img" "not a valid image .*(image hash mismatch)"
bad "wrong image index" "$TESTTMP/v2.img" "no such image" --image 1

# Console input is an input too: malformed lines get a message, change nothing.
fresh
sim "stage $TESTTMP/v2.img --image x" "pending --image 99999" "confirm --image" \
	"frobnicate" "stage" "stage /nonexistent/file" status
said '^stage: --image takes a number$' && said '^pending: --image takes a number$' &&
said '^commands: status, stage FILE' && said '^stage: cannot open /nonexistent/file$' &&
said "$before" && ! said 'bytes staged' &&
	ok "malformed shell lines are refused with a message; nothing changes" ||
	{ not_ok "malformed shell lines"; show; }
