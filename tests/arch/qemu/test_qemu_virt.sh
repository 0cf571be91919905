# tests/arch/qemu/test_qemu_virt.sh
# SPDX-License-Identifier: Apache-2.0

# The real firmware on QEMU's RISC-V virt machine (board qemu-rv32-virt):
# the bootloader runs in place from CFI flash and starts the OS image in
# place from its primary slot; the flows and the power cuts are
# tests/arch/qemu/qemu_flows.sh's.
. "$SRCTREE/tests/lib.sh"

QEMU_CONFIG=qemu-rv32-virt
QEMU_SYSTEM=qemu-system-riscv32
QEMU_PACKAGE=qemu-system-misc
QEMU_XIP_BASE=0x20000000
QEMU_BOOTS="runs in place from pflash"
QEMU_FAULT_LINE='^trap:'

# Start the device on $flash (the runner restarts QEMU at each reset).
start_dev() {
	rm -f "$uart" "$pidf"
	"$SRCTREE/tools/qemu/virt.sh" --pty "$uart" --log "$log" --pidfile "$pidf" \
		"$flash" 2>>"$TESTTMP/virt.err" &
	runner=$!
}

# A validly signed image whose first instruction is all zeros (defined
# illegal): the bootloader's trap handler is still installed when it runs.
fault_flow() {
	head -c 1024 /dev/zero >"$TESTTMP/zeros.bin"
	"$SLIPWAY" image sign -k "$key" -v 9.0.0 -H "$hdr" --pad-header -S "$slot" \
		--align "$align" "$TESTTMP/zeros.bin" "$TESTTMP/fault.img" >/dev/null &&
	"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash" \
		"$(cfg FLASH_AREA_BOOTLOADER_OFFSET):$qdir/slipway-boot.bin" \
		"$(printf '0x%x' "$primary"):$TESTTMP/fault.img" >/dev/null
	: >"$log"
	start_dev
	entry=$(printf '0x%08x' $((QEMU_XIP_BASE + primary + hdr)))
	if wait_for "^trap: illegal instruction (mcause 0x00000002) at mepc $entry, mtval 0x00000000; resetting\$" 1 20 &&
	   wait_for '^Slipway bootloader' 2 20; then
		ok "a fault in the started image: the trap handler names the cause and address, and the device resets"
	else
		not_ok "trap report and reset"; showlog
	fi
	stop_dev
}

. "$SRCTREE/tests/arch/qemu/qemu_flows.sh"
