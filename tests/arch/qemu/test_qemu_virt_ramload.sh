# tests/arch/qemu/test_qemu_virt_ramload.sh
# SPDX-License-Identifier: Apache-2.0

# QEMU's RISC-V virt machine with the OS image started through its load
# header (qemu-rv32-virt_ramload_defconfig): the Espressif ports' start
# path (arch/risc-v/common/riscv_ramload.c) copies the image into RAM
# after checking every region, then jumps. The flows and the power cuts
# are tests/arch/qemu/qemu_flows.sh's, sampled: 4 cuts of each kind
# (QEMU_CUTS), swap cuts in the first half of the swap-to-jump time
# (QEMU_SWAP_SPAN_PCT: the copy and checks after the swap hold no flash
# writes) and a 16 KiB staged image (QEMU_STAGE_BYTES), as the flash side
# is the in-place configuration's code; what differs is the start. The fault check sends a hostile header
# (a region over the bootloader's RAM: refused by name, nothing copied)
# and a valid one whose entry is zeros (the trap handler reports it).
. "$SRCTREE/tests/lib.sh"

QEMU_CONFIG=qemu-rv32-virt_ramload
QEMU_SYSTEM=qemu-system-riscv32
QEMU_PACKAGE=qemu-system-misc
QEMU_XIP_BASE=0x20000000
QEMU_BOOTS="runs in place from pflash"
QEMU_STARTS="copied into RAM through its load header"
QEMU_FAULT_LINE='^trap:'
QEMU_CUTS=${QEMU_CUTS:-4}
QEMU_SWAP_SPAN_PCT=${QEMU_SWAP_SPAN_PCT:-50}
QEMU_STAGE_BYTES=${QEMU_STAGE_BYTES:-16384}
ram_base=$(sed -n 's/^CONFIG_QEMU_VIRT_RAMLOAD_BASE=//p' "$BUILD/$QEMU_CONFIG/.config" 2>/dev/null)
[ -n "$ram_base" ] || ram_base=0x80100000 # before the first build: Kconfig's default
QEMU_ENTRY=$(printf '%08x' $((ram_base)))
QEMU_ENTRY_WHAT="its load header's entry in RAM (0x$QEMU_ENTRY)"

start_dev() {
	rm -f "$uart" "$pidf"
	"$SRCTREE/tools/qemu/virt.sh" --pty "$uart" --log "$log" --pidfile "$pidf" \
		"$flash" 2>>"$TESTTMP/virt.err" &
	runner=$!
}

# One little-endian word, as bytes.
le32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $(($1 >> 8 & 255)) \
		$(($1 >> 16 & 255)) $(($1 >> 24 & 255)))"
}

# A payload: a load header (entry, one IRAM region at DEST holding the
# 1024 zero bytes after the header), then those bytes; signed and put in
# the primary slot beside the bootloader.
ramload_image() {
	dest=$1
	{
		le32 0xace637d3; le32 "$dest"
		le32 "$dest"; le32 $((hdr + 96)); le32 1024
		for _ in $(seq 19); do le32 0; done
		head -c 1024 /dev/zero
	} >"$TESTTMP/ramload.bin"
	"$SLIPWAY" image sign -k "$key" -v 9.0.0 -H "$hdr" --pad-header -S "$slot" \
		--align "$align" "$TESTTMP/ramload.bin" "$TESTTMP/ramload.img" >/dev/null &&
	"$SLIPWAY" flash assemble --size "$(cfg FLASH_SIZE)" --output "$flash" \
		"$(cfg FLASH_AREA_BOOTLOADER_OFFSET):$qdir/slipway-boot.bin" \
		"$(printf '0x%x' "$primary"):$TESTTMP/ramload.img" >/dev/null
}

fault_flow() {
	loader_ram=$(printf '0x%08x' $(($(cfg QEMU_VIRT_RAM_BASE))))
	ramload_image "$loader_ram"
	: >"$log"
	start_dev
	if wait_for "^boot: load header refused (IRAM): a region would overwrite the running bootloader's RAM\$" 1 20 &&
	   wait_for '^boot: starting image 0 failed' 1 5 && [ "$(count '^boot: load IRAM')" -eq 0 ]; then
		ok "a validly signed image whose load header targets the bootloader's RAM: refused by name, nothing copied"
	else
		not_ok "hostile load header refused"; showlog
	fi
	stop_dev
	entry=$(printf '0x%08x' $((ram_base)))
	ramload_image "$entry"
	: >"$log"
	start_dev
	if wait_for "^trap: illegal instruction (mcause 0x00000002) at mepc $entry, mtval 0x00000000; resetting\$" 1 20 &&
	   wait_for '^Slipway bootloader' 2 20; then
		ok "a fault in the RAM-loaded image: the trap handler names the cause and address, and the device resets"
	else
		not_ok "trap report and reset"; showlog
	fi
	stop_dev
}

. "$SRCTREE/tests/arch/qemu/qemu_flows.sh"
