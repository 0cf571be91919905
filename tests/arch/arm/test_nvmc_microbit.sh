# tests/arch/arm/test_nvmc_microbit.sh
#
# SPDX-License-Identifier: Apache-2.0
#
# drivers/mtd/nrf_nvmc.c on QEMU's micro:bit (nRF51822, Cortex-M0), whose
# NVMC is modelled: a test firmware (tests/arch/arm/microbit) drives the
# driver through the mtd_* calls against the controller's registers: the
# geometry from the FICR, erase, program and read back, the NOR rule
# (refused before anything is written), the controller left read-only,
# and two resets between flash operations with what was written checked
# after each, then a fault: arch/arm/common's Armv6-M handler must report it
# and reset. The firmware prints a line per check and exits QEMU through
# semihosting with its failure count.
. "$SRCTREE/tests/lib.sh"

if ! command -v qemu-system-arm >/dev/null || ! command -v arm-none-eabi-gcc >/dev/null; then
	not_ok "qemu-system-arm and arm-none-eabi-gcc are installed (tools/setup.sh)"
	exit 0
fi
out=$BUILD/microbit-nvmc
mkdir -p "$out"
fw=$SRCTREE/tests/arch/arm/microbit
cfg=$fw/microbit_config.h
# arch/arm/common with the micro:bit's configuration: its Armv6-M start-up,
# time, reset, fault report and semihosting exit; the image jump is not
# needed.
common="arm_start.S arm_main.c arm_time.c arm_reset.c arm_fault.c arm_semihost.c"
flags="-mcpu=cortex-m0 -mthumb -mfloat-abi=soft -Os -g -std=gnu11 -Wall -Wextra -Werror
	-ffreestanding --specs=picolibc.specs -I$SRCTREE -include $cfg"
# shellcheck disable=SC2086
if ! { arm-none-eabi-gcc -E -P -x c -include "$cfg" -DLINK_LOADER \
	"$SRCTREE/arch/arm/common/arm_program.ld.S" -o "$out/firmware.ld" &&
       arm-none-eabi-gcc $flags -nostartfiles -T "$out/firmware.ld" -Wl,--gc-sections \
	-Wl,--no-warn-rwx-segments -Wl,--undefined=arm_vectors -o "$out/nvmc_test.elf" \
	"$fw/nvmc_test.c" "$fw/microbit_chip.c" "$SRCTREE/drivers/mtd/nrf_nvmc.c" \
	"$SRCTREE/drivers/mtd/mtd.c" $(for f in $common; do echo "$SRCTREE/arch/arm/common/$f"; done); } \
	>"$TESTTMP/build.log" 2>&1; then
	not_ok "build the micro:bit NVMC test firmware"; sed 's/^/#   /' "$TESTTMP/build.log"
	exit 0
fi
ok "the micro:bit NVMC test firmware builds (Cortex-M0: arch/arm/common, nrf_nvmc.c, mtd.c)"

rc=0
timeout 60 qemu-system-arm -M microbit -display none -monitor none -serial stdio \
	-semihosting-config enable=on,target=native -kernel "$out/nvmc_test.elf" \
	</dev/null >"$TESTTMP/log" 2>&1 || rc=$?
tr -d '\r' <"$TESTTMP/log" >"$TESTTMP/uart"
passed=$(grep -c '^ok ' "$TESTTMP/uart")
failed=$(grep -c '^not ok' "$TESTTMP/uart")
phases=$(grep -c '^# nvmc test: phase [123]$' "$TESTTMP/uart")
if [ "$rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -ge 17 ] && [ "$phases" -eq 3 ]; then
	ok "nrf_nvmc on the modelled NVMC: $passed checks passed across 2 resets between flash operations and 1 after a fault"
else
	not_ok "nrf_nvmc on the modelled NVMC (QEMU exit $rc, $passed passed, $failed failed, $phases of 3 resets)"
	sed 's/^/#   /' "$TESTTMP/uart"
fi
grep -q '^ok [0-9]* - a program that would set a cleared bit is refused (-EROFS), the word unchanged$' "$TESTTMP/uart" &&
	ok "the NOR rule: a program that would set a bit is refused before the controller writes" ||
	not_ok "the NOR rule check did not pass"

# The fault phase: arch/arm/common's handler on Armv6-M names the exception
# and the faulting address (the udf in nvmc_test_fault), then resets.
udf=$(arm-none-eabi-nm "$out/nvmc_test.elf" | awk '$3 == "nvmc_test_fault" { print $1 }')
if [ -n "$udf" ] && grep -q "^fault: HardFault.*pc 0x$udf" "$TESTTMP/uart" &&
   grep -q '^ok [0-9]* - after the fault report the device reset and started again$' "$TESTTMP/uart"; then
	ok "Armv6-M: an undefined instruction is reported by the fault handler (HardFault at pc 0x$udf) and the device resets"
else
	not_ok "Armv6-M fault report at pc 0x$udf and reset"; grep -a '^fault' "$TESTTMP/uart" | sed 's/^/#   /'
fi
