# tests/arch/qemu/test_qemu_mps2.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# The real firmware on QEMU's mps2-an385 machine (board mps2-an385,
# Cortex-M3): the bootloader runs from the code memory QEMU loads it into,
# and starts the OS image in place from its primary slot in the
# file-backed window, whose NOR behaviour drivers/mtd/ram_nor.c emulates;
# the flows and the power cuts are tests/arch/qemu/qemu_flows.sh's. A kill
# of QEMU is a power cut at store granularity: the window is the file.
. "$SRCTREE/tests/lib.sh"

QEMU_CONFIG=mps2-an385
QEMU_SYSTEM=qemu-system-arm
QEMU_PACKAGE=qemu-system-arm
QEMU_XIP_BASE=0x21000000
QEMU_BOOTS="runs from QEMU's code memory at 0x0"
QEMU_FAULT_LINE='^fault:'
# The CMSDK UART takes one byte at a time (a few KiB/s of image through
# QEMU's pty): stage 16 KiB images in the staging cuts.
QEMU_STAGE_BYTES=16384

machine=an385
start_dev() {
	rm -f "$uart" "$pidf"
	"$SRCTREE/tools/qemu/mps2.sh" --machine "$machine" --pty "$uart" --log "$log" \
		--pidfile "$pidf" "$qdir/slipway-boot" "$flash" 2>>"$TESTTMP/mps2.err" &
	runner=$!
}

# The OS image with its reset vector's Thumb bit cleared, validly signed:
# the bootloader sets VTOR to the image's table and branches there, the
# core faults on the first instruction (INVSTATE, escalated to HardFault)
# and the image's own fault handler, whose start-up never ran, reports the
# stacked pc and the fault status registers, then resets.
fault_flow() {
	cp "$qdir/slipway-os.payload" "$TESTTMP/fault.bin"
	reset=$(od -An -tu4 -j4 -N4 "$TESTTMP/fault.bin" | tr -d ' ')
	even=$((reset & ~1))
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((even & 255)) $(((even >> 8) & 255)) \
		$(((even >> 16) & 255)) $(((even >> 24) & 255)))" |
		dd of="$TESTTMP/fault.bin" bs=1 seek=4 conv=notrunc status=none
	"$SLIPWAY" image sign -k "$key" -v 9.0.0 -H "$hdr" --pad-header -S "$slot" \
		--align "$align" "$TESTTMP/fault.bin" "$TESTTMP/fault.img" >/dev/null &&
	"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash" \
		"$(cfg FLASH_AREA_BOOTLOADER_OFFSET):$qdir/slipway-boot.bin" \
		"$(printf '0x%x' "$primary"):$TESTTMP/fault.img" >/dev/null
	: >"$log"
	start_dev
	pc=$(printf '0x%08x' "$even")
	# CFSR 0x00020000: UsageFault INVSTATE; HFSR 0x40000000: FORCED.
	if wait_for "^fault: HardFault (exception 0x00000003) at pc $pc, lr 0x[0-9a-f]*, xpsr 0x[0-9a-f]*; cfsr 0x00020000, hfsr 0x40000000, mmfar 0x[0-9a-f]*, bfar 0x[0-9a-f]*; resetting\$" 1 20 &&
	   wait_for '^Slipway bootloader' 2 20; then
		ok "a fault in the started image: its fault handler reports the exception, pc and fault registers, and the device resets"
	else
		not_ok "fault report and reset"; showlog
	fi
	stop_dev
}

. "$SRCTREE/tests/arch/qemu/qemu_flows.sh"

# --- the watchdog (CONFIG_BOOT_WDT), with a 4 s timeout ------------------------
# The CMSDK watchdog resets the machine 4 s after the last feed (its NMI at
# half-time only reports). The OS image's shell feeds it while idle; its
# 'hang' command stops feeding, and the watchdog must bring the bootloader
# back. A test swap of an image padded to most of the slot lasts several
# timeouts: it completes without a reset only because the swap loop feeds.
# The watchdog counts QEMU's virtual time, which is the host's: a loaded
# host stretches the unfed signature check (0.4 s idle, over 1 s seen
# under load), so the timeout is 4 s, and erases last 30 ms so that the
# swap (erases busy-wait in that same time) lasts about 10 s.
wdt_ms=4000
qdir=$BUILD/mps2-an385-wdt
if make -s -C "$SRCTREE" O="$qdir" mps2-an385_defconfig >/dev/null &&
   sed -i -e "s/^CONFIG_BOOT_WDT_TIMEOUT_MS=.*/CONFIG_BOOT_WDT_TIMEOUT_MS=$wdt_ms/" \
	-e "s/^CONFIG_MTD_RAM_NOR_ERASE_MS=.*/CONFIG_MTD_RAM_NOR_ERASE_MS=30/" "$qdir/.config" &&
   make -s -C "$SRCTREE" O="$qdir" olddefconfig >/dev/null &&
   make -s -C "$SRCTREE" O="$qdir" >"$TESTTMP/buildwdt.log" 2>&1; then
	banner='^Slipway bootloader'
	expired='^fault: NMI (exception 0x00000002) at pc 0x[0-9a-f]*, .*; the watchdog expired: waiting for its reset$'
	cp "$qdir/slipway-flash.bin" "$flash"
	: >"$log"
	start_dev
	if wait_for '^os: shell ready' 1 20 && sleep $((3 * wdt_ms / 2000)) &&
	   shell version && [ "$(count "$banner")" -eq 1 ]; then
		ok "watchdog on (${wdt_ms} ms): the OS shell feeds it; $((3 * wdt_ms / 2)) ms idle and no reset"
	else
		not_ok "the OS shell feeds the watchdog"; showlog
	fi
	shell hang
	if wait_for '^os: hanging' 1 5 && wait_for "$expired" 1 10 &&
	   wait_for "$banner" 2 10 && wait_for '^os: shell ready' 2 20 &&
	   [ "$(count '^fault: .*resetting$')" -eq 0 ]; then
		ok "an image that stops feeding: the watchdog's NMI is reported, then its second timeout resets the machine into the bootloader"
	else
		not_ok "the watchdog resets a hung image"; showlog
	fi
	stop_dev
	# v2: the payload padded with random bytes to 460 KiB, marked for test.
	head -c $((460 * 1024 - $(stat -c %s "$qdir/slipway-os.payload"))) /dev/urandom |
		cat "$qdir/slipway-os.payload" - >"$TESTTMP/big.bin"
	if "$SLIPWAY" image sign -k "$key" -v 2.0.0 -H "$hdr" --pad-header -S "$slot" \
		--align "$align" --pad "$TESTTMP/big.bin" "$TESTTMP/big.img" >/dev/null; then
		cp "$qdir/slipway-flash.bin" "$flash"
		dd if="$TESTTMP/big.img" of="$flash" bs=4096 conv=notrunc status=none \
			seek=$(($(cfg FLASH_AREA_IMAGE0_SECONDARY_OFFSET) / 4096))
		: >"$log"
		start_dev
		wait_tight '^boot: image 0: test upgrade (swap-move) to version 2.0.0+0$'
		t0=$(date +%s%N)
		wait_tight '^boot: jumping'
		swap_ms=$((($(date +%s%N) - t0) / 1000000))
		if wait_for '^Slipway OS 2.0.0$' 1 30 && [ "$(count "$banner")" -eq 1 ] &&
		   [ "$(count '^fault:')" -eq 0 ] && [ "$swap_ms" -gt $((2 * wdt_ms)) ]; then
			ok "a test swap of a 460 KiB image lasting $swap_ms ms under a $wdt_ms ms watchdog completes without a reset: the swap loop feeds it"
		else
			not_ok "the swap feeds the watchdog ($swap_ms ms swap, $wdt_ms ms timeout, $(count "$banner") bootloader starts)"
			showlog
		fi
		stop_dev
	else
		not_ok "sign the 460 KiB v2"
	fi
else
	not_ok "build mps2-an385_defconfig with CONFIG_BOOT_WDT_TIMEOUT_MS=$wdt_ms"
	sed 's/^/#   /' "$TESTTMP/buildwdt.log"
fi

# --- mps2-an505: the Cortex-M33 build, started Secure, boots --------------
machine=an505
qdir=$BUILD/mps2-an505
if make -s -C "$SRCTREE" O="$qdir" mps2-an505_defconfig >/dev/null &&
   make -s -C "$SRCTREE" O="$qdir" >"$TESTTMP/build505.log" 2>&1; then
	defconfig_built mps2-an505
	cp "$qdir/slipway-flash.bin" "$flash"
	: >"$log"
	start_dev
	xip=$(($(cfg ARM_FLASH_XIP_BASE) + $(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET) + $(cfg OS_IMAGE_HEADER_SIZE)))
	if wait_for '^os: shell ready' 1 30 &&
	   console | grep -q "^boot: jumping to $(printf '0x%08x' "$xip") " &&
	   console | grep -q '^Slipway OS 1.0.0$'; then
		ok "mps2-an505 (Cortex-M33, Secure): the bootloader starts the OS image in place from 0x$(printf '%08x' "$xip") and its shell comes up"
	else
		not_ok "mps2-an505 boots to the OS shell"; showlog
	fi
	stop_dev
else
	not_ok "build mps2-an505_defconfig"; sed 's/^/#   /' "$TESTTMP/build505.log"
fi
