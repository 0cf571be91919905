# tests/arch/espressif/test_esp_boards.sh
# SPDX-License-Identifier: Apache-2.0

# The Espressif boards, checked by format (no emulator runs these chips):
# each esp32*_defconfig builds; its bootloader's ESP image passes
# `slipway esp image-info` with the chip's id, valid checksum and hash,
# segments in RAM only (the ROM cannot map flash), the bootloader
# descriptor, the flash parameters and minimum revision the
# configuration asks for, and fits its flash area; its linked RAM lies
# between the chip's bootloader RAM and the ROM's stack (esp-formats.md
# 1.9); the OS image verifies and its payload starts with a load header
# whose entry is the chip's app IRAM origin; the whole-flash image holds
# both where the layout says.
. "$SRCTREE/tests/lib.sh"

map_h=$SRCTREE/libs/espimage/esp_load_map.h
hdrval() { sed -n "s/^#define $1 \(0x[0-9a-f]*\).*/\1/p" "$2"; }
le32_at() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
le32() {
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $(($1 & 255)) $(($1 >> 8 & 255)) \
		$(($1 >> 16 & 255)) $(($1 >> 24 & 255)))"
}

for def in "$SRCTREE"/defconfigs/esp32*_defconfig; do
	name=$(basename "$def" _defconfig)
	o=$BUILD/$name
	if ! { make -s -C "$SRCTREE" O="$o" "${name}_defconfig" >/dev/null &&
	       make -s -C "$SRCTREE" O="$o" >"$TESTTMP/$name.log" 2>&1; }; then
		not_ok "$name builds"; sed 's/^/#   /' "$TESTTMP/$name.log"; continue
	fi
	ok "$name builds: bootloader ESP image, signed OS image, flash image"
	defconfig_built "$name"
	cfg() { sed -n "s/^CONFIG_$1=//p" "$o/.config" | tr -d '"'; }
	chip=$(cfg ESP_CHIP_NAME)
	CHIP=$(echo "$chip" | tr a-z A-Z)
	chip_h=$SRCTREE/arch/risc-v/espressif/$chip/$chip.h
	boot=$o/slipway-boot.esp.bin
	info=$TESTTMP/$name.info
	if "$o/host/slipway" esp image-info "$boot" >"$info" 2>&1 &&
	   grep -q "^$CHIP image header" "$info" &&
	   grep -q '^Checksum: 0x[0-9a-f]* (valid)' "$info" &&
	   grep -q '^Validation hash: [0-9a-f]* (valid)' "$info"; then
		ok "$name: image-info: $CHIP, checksum and hash valid"
	else
		not_ok "$name: image-info"; sed 's/^/#   /' "$info"
	fi
	# esp_bootloader_desc_t first in segment 0 (image offset 0x20): magic
	# 0x50, version 1, idf_ver "slipway-<version>" (esp-formats.md 2.2)
	if [ "$(od -An -tx1 -j 32 -N1 "$boot" | tr -d ' ')" = 50 ] &&
	   [ "$(le32_at "$boot" 36)" = 1 ] &&
	   [ "$(dd if="$boot" bs=1 skip=40 count=8 2>/dev/null)" = slipway- ]; then
		ok "$name: esp_bootloader_desc_t at image offset 0x20"
	else
		not_ok "$name: bootloader descriptor at 0x20"
	fi
	# image-info prints it by esptool's rule (the last DRAM segment of 80
	# bytes or more starts with it): on the C3 and C2 the code is in IRAM;
	# on the C6 and H2 every SRAM address is DRAM, so the bootloader is
	# one segment, descriptor first (esp_program.ld.S).
	grep -q '^Bootloader information' "$info" && grep -q "^ESP-IDF: slipway-" "$info" &&
		ok "$name: image-info prints the bootloader information" ||
		not_ok "$name: image-info's bootloader information"
	# every segment in DRAM or IRAM, none in the flash windows
	segs=$(awk '/^-------/ { s = 1; next } s && NF >= 5 && $1 ~ /^[0-9]+$/ { print $5, $6, $7 } /^$/ { s = 0 }' "$info")
	if [ -n "$segs" ] && ! echo "$segs" | grep -q 'ROM' &&
	   [ "$(echo "$segs" | grep -c 'RAM')" -eq "$(echo "$segs" | wc -l)" ]; then
		ok "$name: the bootloader's segments are all RAM ($(echo "$segs" | wc -l))"
	else
		not_ok "$name: segments outside RAM"; echo "$segs" | sed 's/^/#   /'
	fi
	mode=$(cfg ESP_FLASH_MODE | tr a-z A-Z)
	rev=$(cfg ESP_MIN_CHIP_REV)
	if grep -q "^Flash mode: $mode\$" "$info" &&
	   grep -q "^Flash freq: $(cfg ESP_FLASH_FREQ)\$" "$info" &&
	   grep -q "^Flash size: $(cfg ESP_FLASH_SIZE)\$" "$info" &&
	   grep -q "^Minimal chip revision: v$((rev / 100)).$((rev % 100))," "$info"; then
		ok "$name: flash $mode $(cfg ESP_FLASH_FREQ) $(cfg ESP_FLASH_SIZE), minimum revision v$((rev / 100)).$((rev % 100)) as configured"
	else
		not_ok "$name: header fields"; sed 's/^/#   /' "$info"
	fi
	size=$(stat -c %s "$boot")
	[ "$size" -le $(($(cfg FLASH_AREA_BOOTLOADER_SIZE))) ] &&
		ok "$name: the bootloader image ($size bytes) fits its area ($(cfg FLASH_AREA_BOOTLOADER_SIZE))" ||
		not_ok "$name: the bootloader image ($size bytes) is larger than its area"
	# the linked RAM: from the chip's bootloader RAM to the ROM's stack
	up=$(echo "$chip" | tr a-z A-Z)
	lo=$(hdrval "ESP_LOADER_RAM_$up" "$map_h")
	top=$(hdrval "ESP_ROM_STACK_$up" "$map_h")
	alias=$(hdrval ESP_IRAM_ALIAS "$chip_h")
	nm=$(riscv64-unknown-elf-nm "$o/slipway-boot")
	st=$(echo "$nm" | awk '$3 == "__stack_top" { print $1 }')
	low_ok=1
	for a in $(riscv64-unknown-elf-objdump -h "$o/slipway-boot" | awk '$2 ~ /^\./ && $4 !~ /^0+$/ { print $4 }'); do
		d=$((0x$a)); [ $d -ge $((lo + alias)) ] && d=$((d - alias))
		[ $d -ge $((lo)) ] || low_ok=0
	done
	if [ -n "$st" ] && [ $((0x$st)) -eq $((top)) ] && [ $low_ok -eq 1 ]; then
		ok "$name: the bootloader links between $lo and the ROM's stack at $top"
	else
		not_ok "$name: bootloader RAM (stack top 0x$st, want $top; low $low_ok)"
	fi
	# the SMP line Kconfig chose: the USB-Serial-JTAG driver linked in
	# both programs only when chosen (the C2 has no such controller)
	usj_in() { riscv64-unknown-elf-nm "$o/$1" | grep -q ' esp_usj_read$'; }
	if [ "$(cfg ESP_SMP_USB_SERIAL_JTAG)" = y ]; then
		usj_in slipway-boot && usj_in slipway-os &&
			ok "$name: SMP on USB-Serial-JTAG: its driver is in the bootloader and the OS" ||
			not_ok "$name: USB-Serial-JTAG chosen but its driver is not linked"
	else
		! usj_in slipway-boot && ! usj_in slipway-os &&
			ok "$name: SMP on UART0: no USB-Serial-JTAG driver linked" ||
			not_ok "$name: USB-Serial-JTAG driver linked though UART0 was chosen"
	fi
	expect_ok "$name: the OS image verifies" "$o/host/slipway" image verify \
		--key "$SRCTREE/keys/test/ecdsa-p256.pem" "$o/slipway-os.img"
	hdr=$(($(cfg OS_IMAGE_HEADER_SIZE)))
	app=$(hdrval ESP_APP_IRAM "$chip_h")
	if [ "$(le32_at "$o/slipway-os.img" $hdr)" = $((0xace637d3)) ] &&
	   [ "$(le32_at "$o/slipway-os.img" $((hdr + 4)))" = $((app)) ] &&
	   [ "$(le32_at "$o/slipway-os.img" $((hdr + 8)))" = $((app)) ]; then
		ok "$name: the OS payload starts with a load header, entry and IRAM at $app"
	else
		not_ok "$name: load header"
	fi
	# code and read-only data mapped from the slot (IROM, DROM): each at
	# its window's start plus its slot offset (so congruent modulo the
	# 64 KiB page), DROM one page higher (never IROM's MMU entry)
	irom=$(hdrval ESP_APP_IROM "$chip_h") drom=$(hdrval ESP_APP_DROM "$chip_h")
	p=$o/slipway-os.payload
	i_addr=$(le32_at "$p" 56) i_off=$(le32_at "$p" 60) i_size=$(le32_at "$p" 64)
	d_addr=$(le32_at "$p" 68) d_off=$(le32_at "$p" 72) d_size=$(le32_at "$p" 76)
	if [ "$i_size" -gt 0 ] && [ "$d_size" -gt 0 ] &&
	   [ "$i_addr" = $((irom + i_off)) ] && [ "$d_addr" = $((drom + 0x10000 + d_off)) ] &&
	   [ $((i_off + i_size)) -le "$d_off" ]; then
		ok "$name: the OS maps IROM ($i_size bytes at $(printf %#x "$i_addr")) and DROM ($d_size bytes) from the slot"
	else
		not_ok "$name: IROM/DROM regions ($i_addr $i_off $i_size; $d_addr $d_off $d_size)"
	fi
	# the build step that refuses a load header the bootloader would refuse
	grep -q "IROM .*DROM .*accepted on $chip\$" "$o/hostcfg/esp-load.ok" &&
		ok "$name: the build checked the OS image's load header against the $chip map" ||
		not_ok "$name: the load header build check"
	# the same payload with its IRAM region moved onto the bootloader's
	# code (IRAM view of ESP_LOADER_RAM): refused, naming the rule
	{ head -c 8 "$o/slipway-os.payload"; le32 $((lo + alias))
	  tail -c +13 "$o/slipway-os.payload"; } >"$TESTTMP/hostile.payload"
	if "$o/hostcfg/esp-load-check" "$chip" "$hdr" "$TESTTMP/hostile.payload" 2>"$TESTTMP/err" >/dev/null; then
		not_ok "$name: a load header over the bootloader's RAM passes the build check"
	elif grep -q "(IRAM): a region would overwrite the running bootloader's RAM" "$TESTTMP/err"; then
		ok "$name: the build check refuses IRAM over the bootloader's RAM, naming the region"
	else
		not_ok "$name: hostile header message"; sed 's/^/#   /' "$TESTTMP/err"
	fi
	flash=$o/slipway-flash.bin
	prim=$(($(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET)))
	if cmp -s -n "$size" "$flash" "$boot" &&
	   cmp -s -i "$prim:0" -n "$(stat -c %s "$o/slipway-os.img")" "$flash" "$o/slipway-os.img"; then
		ok "$name: slipway-flash.bin holds the bootloader image at 0x0 and the OS image at $(cfg FLASH_AREA_IMAGE0_PRIMARY_OFFSET)"
	else
		not_ok "$name: whole-flash image"
	fi
done
