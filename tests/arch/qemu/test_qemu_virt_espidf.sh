# tests/arch/qemu/test_qemu_virt_espidf.sh
# SPDX-License-Identifier: Apache-2.0

# QEMU's RISC-V virt machine in the ESP-IDF boot scheme
# (qemu-rv32-virt_espidf_defconfig): the flash is the file backing the
# machine's RAM (tools/qemu/virt.sh --ramflash, 4 KiB NOR sectors), the
# loader runs in place at 0x80000000, reads the table at 0x10000 and
# otadata, validates the chosen app and copies its RAM segments to the
# OS's RAM. Checked: ota_0 boots from blank otadata; v2 written into ota_1
# (with the device off, as esptool writes a partition) is set as the boot
# partition by the OS's agent, runs on trial (PENDING_VERIFY) and is
# confirmed; v3 in ota_0, not confirmed, is rolled back to v2; an app
# segment aimed at the loader's RAM is refused; then VIRT_ESPIDF_CUTS
# (default 3) power cuts at seeded random moments after `setboot` is sent
# (the agent's otadata erase and program; QEMU_SEED): each power-on boots
# what the otadata left in the file chooses. Cheap on purpose: make check
# is over its time budget.
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/qemu/virt_lib.sh"

virt_build qemu-rv32-virt_espidf
ok "qemu-rv32-virt_espidf builds: loader, OS as an ESP image, partition table, flash file"
SLIPWAY=$qdir/host/slipway
csv=$SRCTREE/$(cfg BOOT_ESPIDF_PARTITION_CSV | tr -d '"')
toff=$(cfg BOOT_ESPIDF_TABLE_OFFSET)
ota0=$(awk -F, '$1 == "ota_0" { gsub(/ /, "", $4); print $4 }' "$csv")
ota1=$(awk -F, '$1 == "ota_1" { gsub(/ /, "", $4); print $4 }' "$csv")

# v2 and v3: the same OS ELF with another version in its app descriptor.
espimg() {
	mkdir -p "$TESTTMP/$1"
	"$SRCTREE/boards/risc-v/qemu-virt/qemu-rv32-virt/scripts/espidf_flash.sh" \
		"$SLIPWAY" riscv64-unknown-elf-objcopy "$qdir/slipway-os" \
		"$qdir/slipway-boot.bin" "$1" 0 "$csv" "$toff" "$(cfg FLASH_SIZE)" \
		"$TESTTMP/$1" >/dev/null && cp "$TESTTMP/$1/slipway-os.espimg" "$TESTTMP/v$1.bin"
}
espimg 2.0.0 && espimg 3.0.0 || { not_ok "make the v2 and v3 ESP images"; exit 0; }

flash=$TESTTMP/flash.bin
log=$TESTTMP/uart.log
uart=$TESTTMP/uart
pidf=$TESTTMP/qemu.pid
runner=
cp "$qdir/slipway-flash.bin" "$flash" && truncate -s 16M "$flash"

console() { tr -d '\r' <"$log"; }
count() { console | grep -c -- "$1"; }
showlog() { console | tail -n "${1:-25}" | sed 's/^/#   /'; }
wait_for() {
	for _ in $(seq $((${3:-20} * 20))); do
		[ "$(count "$1")" -ge "${2:-1}" ] && return 0
		sleep 0.05
	done
	return 1
}
start_dev() {
	rm -f "$uart" "$pidf"
	"$SRCTREE/tools/qemu/virt.sh" --ramflash --pty "$uart" --log "$log" \
		--pidfile "$pidf" "$flash" 2>>"$TESTTMP/virt.err" &
	runner=$!
}
cut_power() {
	for _ in $(seq 100); do [ -s "$pidf" ] && break; sleep 0.01; done
	kill -9 "$(cat "$pidf" 2>/dev/null)" 2>/dev/null
	wait "$runner" 2>/dev/null
	runner=
}
stop_dev() { [ -n "$runner" ] && cut_power; return 0; }
trap stop_dev EXIT
# A shell command typed on the console; QEMU reads its pty only once it
# has noticed a reader (every second), so hold the line open first.
# With CUT (seconds), the power is cut that long after the line is sent.
shell() {
	n=$(count "^> $1\$")
	exec 3<>"$uart"
	sleep 1.1
	printf '%s\r' "$1" >&3
	if [ -n "${2:-}" ]; then
		sleep "$2"
		cut_power
		exec 3>&-
		return 0
	fi
	wait_for "^> $1\$" $((n + 1)) 10; rc=$?
	timeout 0.2 cat <&3 >/dev/null
	exec 3>&-
	return $rc
}
# Power on and wait for the shell; N counts the shells seen so far.
power_on() {
	n=$(count '^os: shell ready')
	start_dev
	wait_for '^os: shell ready' $((n + 1))
}
# Write an image into a partition with the device off.
write_part() { dd if="$2" of="$flash" bs=4096 seek=$(($1 / 4096)) conv=notrunc status=none; }

: >"$log"
if power_on && console | grep -q '^os: running from ota_0 (ESP-IDF scheme)$' &&
   console | grep -q '^boot: jumping to 0x80800100$'; then
	ok "blank otadata: the loader validates ota_0, copies its RAM segments and starts it"
else
	not_ok "boot ota_0"; showlog
fi

cut_power
write_part "$ota1" "$TESTTMP/v2.0.0.bin"
power_on
n=$(count '^Slipway OS 2.0.0$')
if shell "setboot ota_1" && wait_for '^setboot: ota_1 boots next on trial$' &&
   shell reboot && wait_for '^Slipway OS 2.0.0$' $((n + 1)) &&
   wait_for '^os: shell ready' 3 && shell status &&
   wait_for '^  ota_1: PENDING_VERIFY$'; then
	ok "the agent sets ota_1 as the boot partition; v2 runs on trial (PENDING_VERIFY)"
else
	not_ok "v2 on trial"; showlog
fi
if shell confirm && wait_for '^confirm: running app marked valid$' &&
   shell status && wait_for '^  ota_1: VALID$'; then
	ok "confirm: ota_1 VALID"
else
	not_ok "confirm v2"; showlog
fi

cut_power
write_part "$ota0" "$TESTTMP/v3.0.0.bin"
cp "$flash" "$TESTTMP/before-setboot.bin"
power_on
n3=$(count '^Slipway OS 3.0.0$')
n2=$(count '^Slipway OS 2.0.0$')
if shell "setboot ota_0" && shell reboot && wait_for '^Slipway OS 3.0.0$' $((n3 + 1)) &&
   console | grep -q '^boot: otadata entry 0: NEW -> PENDING_VERIFY$' &&
   wait_for '^os: shell ready' $((n2 + n3 + 2)) &&
   shell reboot && wait_for '^Slipway OS 2.0.0$' $((n2 + 1)) &&
   console | grep -q '^boot: otadata entry 0: PENDING_VERIFY -> ABORTED$'; then
	ok "v3 in ota_0 not confirmed: the next boot marks it ABORTED and v2 runs again"
else
	not_ok "rollback of v3"; showlog 40
fi
cut_power

# A hostile app: ota_0's first segment retargeted at the loader's own RAM
# (0x80400000). Refused by the memory map before a byte is copied (the
# reason named), nothing erased, and the next candidate, v2 in ota_1, boots.
cp "$qdir/slipway-flash.bin" "$flash" && truncate -s 16M "$flash"
write_part "$ota1" "$TESTTMP/v2.0.0.bin"
printf '\000\000\100\200' | dd of="$flash" bs=1 seek=$((ota0 + 24)) conv=notrunc status=none
: >"$log"
if power_on && console | grep -q '^Slipway OS 2.0.0$' &&
   console | grep -q '^boot: ota_0 at 0x20000: .*segment load address in no memory of the chip.*; trying the next$'; then
	ok "an app segment over the loader's RAM is refused by name; ota_1 boots"
else
	not_ok "hostile segment address"; showlog
fi
cut_power

# Power cuts during the agent's otadata write (seeded, sampled): setboot
# validates ota_0, erases otadata's sector 0 (50 ms, the defconfig's
# MTD_RAM_NOR_ERASE_MS, an SPI NOR's typical 4 KiB erase) and programs
# entry 0 {seq 3, NEW}, CRC last. Where a cut left entry 0 (read from the
# flash file) decides what must boot: a complete entry, v3 on trial;
# anything else (untouched, erased, torn), v2.
seed=${QEMU_SEED:-1}
cuts=${VIRT_ESPIDF_CUTS:-3}
bad=0 untouched=0 cut=0 written=0
for i in $(seq "$cuts"); do
	cp "$TESTTMP/before-setboot.bin" "$flash"
	: >"$log"
	power_on || { bad=$((bad + 1)); break; }
	# Stratified: cut i falls in the i-th of `cuts` equal parts of 60 ms.
	delay=$(awk -v s=$((seed + i)) -v i="$i" -v n="$cuts" \
		'BEGIN { srand(s); printf "%.3f", (i - 1 + rand()) / n * 0.06 }')
	shell "setboot ota_0" "$delay"
	e0=$("$SLIPWAY" otadata dump --table-offset "$toff" "$flash" | sed -n 's/^entry 0: //p')
	case $e0 in
	"seq 0x00000001 state 0x00000002 (VALID)"*"(ok)"*) untouched=$((untouched + 1)); want=2.0.0 ;;
	"seq 0x00000003 state 0x00000000 (NEW)"*"(ok)"*) written=$((written + 1)); want=3.0.0 ;;
	*) cut=$((cut + 1)); want=2.0.0 ;;
	esac
	: >"$log"
	power_on
	if ! console | grep -q "^Slipway OS $want\$"; then
		bad=$((bad + 1))
		echo "#   cut $i after ${delay}s: entry 0 $e0; expected v$want"; showlog
	fi
	cut_power
done
[ "$bad" -eq 0 ] && ok "$cuts power cuts during setboot (seed $seed; entry 0 untouched $untouched, erased or torn $cut, written $written): each boots what otadata says" ||
	not_ok "$bad of $cuts power cuts booted something otadata does not choose"
