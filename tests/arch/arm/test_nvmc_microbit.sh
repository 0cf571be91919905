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
# after each. The firmware prints a line per check and exits QEMU through
# semihosting with its failure count.
. "$SRCTREE/tests/lib.sh"

if ! command -v qemu-system-arm >/dev/null || ! command -v arm-none-eabi-gcc >/dev/null; then
	not_ok "qemu-system-arm and arm-none-eabi-gcc are installed (tools/setup.sh)"
	exit 0
fi
out=$BUILD/microbit-nvmc
mkdir -p "$out"
fw=$SRCTREE/tests/arch/arm/microbit
if ! arm-none-eabi-gcc -mcpu=cortex-m0 -mthumb -mfloat-abi=soft -Os -g -std=gnu11 \
	-Wall -Wextra -Werror -ffreestanding --specs=picolibc.specs -nostartfiles \
	-I"$SRCTREE" -T "$fw/nvmc_test.ld" -Wl,--gc-sections -Wl,--no-warn-rwx-segments \
	-o "$out/nvmc_test.elf" "$fw/nvmc_test.c" "$SRCTREE/drivers/mtd/nrf_nvmc.c" \
	"$SRCTREE/drivers/mtd/mtd.c" >"$TESTTMP/build.log" 2>&1; then
	not_ok "build the micro:bit NVMC test firmware"; sed 's/^/#   /' "$TESTTMP/build.log"
	exit 0
fi
ok "the micro:bit NVMC test firmware builds (Cortex-M0, nrf_nvmc.c and mtd.c)"

rc=0
timeout 60 qemu-system-arm -M microbit -display none -monitor none -serial stdio \
	-semihosting-config enable=on,target=native -kernel "$out/nvmc_test.elf" \
	</dev/null >"$TESTTMP/log" 2>&1 || rc=$?
tr -d '\r' <"$TESTTMP/log" >"$TESTTMP/uart"
passed=$(grep -c '^ok ' "$TESTTMP/uart")
failed=$(grep -c '^not ok' "$TESTTMP/uart")
phases=$(grep -c '^# nvmc test: phase [12]$' "$TESTTMP/uart")
if [ "$rc" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -ge 15 ] && [ "$phases" -eq 2 ]; then
	ok "nrf_nvmc on the modelled NVMC: $passed checks passed across 2 resets between flash operations"
else
	not_ok "nrf_nvmc on the modelled NVMC (QEMU exit $rc, $passed passed, $failed failed, $phases of 2 resets)"
	sed 's/^/#   /' "$TESTTMP/uart"
fi
grep -q '^ok [0-9]* - a program that would set a cleared bit is refused (-EROFS), the word unchanged$' "$TESTTMP/uart" &&
	ok "the NOR rule: a program that would set a bit is refused before the controller writes" ||
	not_ok "the NOR rule check did not pass"
