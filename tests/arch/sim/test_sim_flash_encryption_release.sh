# tests/arch/sim/test_sim_flash_encryption_release.sh
# SPDX-License-Identifier: Apache-2.0

# Flash encryption in release mode on the sim (CONFIG_FLASH_ENCRYPTION_RELEASE):
# the first boot encrypts, raises SPI_BOOT_CRYPT_CNT and locks it:
# DIS_DOWNLOAD_MANUAL_ENCRYPT, DIS_PAD_JTAG, DIS_DOWNLOAD_MODE, the counter
# write-protected. Then encryption cannot be turned off (the counter
# refuses a burn) while the anti-rollback counter can still be raised and
# the OS boots. A power cut right after the counter, and one before the
# last lock, are finished by the next boot (the locks run on every boot).
# (Development mode, the plaintext checks and the in-place kill test are
# test_sim_flash_encryption.sh's.)
. "$SRCTREE/tests/lib.sh"
. "$SRCTREE/tests/arch/sim/sim_lib.sh"
sim_build "$TESTTMP/fer" CONFIG_EFUSE=y CONFIG_FLASH_ENCRYPTION=y \
	CONFIG_FLASH_ENCRYPTION_RELEASE=y CONFIG_FLASH_WRITE_ALIGN=16 CONFIG_BOOT_MAX_ALIGN=16
first=$(cfg EFUSE_OTP_FIRST_WORD)
ef() { "$SLIPWAY" esp efuse --otp "$1" --first-word "$first" "$2" ; }
# BLOCK0's words (the key blocks differ: each first boot draws its key).
fuses() { od -An -tx4 -v -j$((first * 4)) -N20 "$1"; }

# The first boot burns 17 eFuse words: the key's 8, its purpose, 2 WR_DIS
# and RD_DIS bits, the counter (12), then the 4 locks (13..16). A cut
# asked for at burn 17 must not happen: if it does, the flow changed and
# the cut points below no longer are the ones named.
fresh() { cp "$simdir/slipway-flash.bin" "$1"; chmod u+w "$1"; rm -f "$1.otp"; }
fresh "$flash"
env SLIPWAY_SIM_FLASH="$flash" SLIPWAY_SIM_OTP_CUT=17 "$boot" </dev/null >"$TESTTMP/boot.out" 2>&1
rc=$?
if [ $rc = 0 ] && said "^flash encryption: on (release mode)" && runs 1.0.0+0; then
	ok "release mode: the first boot encrypts, locks, and the OS runs (17 eFuse burns)"
else not_ok "release-mode first boot (exit $rc)"; show; fi
ef "$flash.otp" summary >"$TESTTMP/summary"
if grep -q "^SPI_BOOT_CRYPT_CNT *= 1 R/-" "$TESTTMP/summary" &&
    grep -q "^DIS_DOWNLOAD_MANUAL_ENCRYPT *= 1 " "$TESTTMP/summary" &&
    grep -q "^DIS_PAD_JTAG *= 1 " "$TESTTMP/summary" &&
    grep -q "^DIS_DOWNLOAD_MODE *= 1 " "$TESTTMP/summary" &&
    grep -q "^BLOCK_KEY0 *= ?? (read-protected)" "$TESTTMP/summary"; then
	ok "eFuses: counter 1 and write-protected, manual encryption, JTAG and download mode disabled, key unreadable"
else not_ok "release-mode eFuses"; sed 's/^/#   /' "$TESTTMP/summary"; fi

cp "$flash.otp" "$TESTTMP/try.otp"
expect_fail "encryption cannot be turned off: SPI_BOOT_CRYPT_CNT refuses a burn" \
	"SPI_BOOT_CRYPT_CNT: write-protected" \
	"$SLIPWAY" esp efuse --otp "$TESTTMP/try.otp" --first-word "$first" \
	burn-efuse SPI_BOOT_CRYPT_CNT 3
expect_output "the anti-rollback counter can still be raised" "burned SECURE_VERSION" \
	"$SLIPWAY" esp efuse --otp "$TESTTMP/try.otp" --first-word "$first" \
	burn-efuse SECURE_VERSION 1
before=$(fuses "$flash.otp")
env SLIPWAY_SIM_FLASH="$flash" "$boot" </dev/null >"$TESTTMP/boot.out" 2>&1
if ! said "first boot" && runs 1.0.0+0 && [ "$(fuses "$flash.otp")" = "$before" ]; then
	ok "the next boot boots the encrypted flash, burning nothing"
else not_ok "second release-mode boot"; show; fi

# Cuts right after the counter (before the first lock) and before the last.
bad=
for cut in 13 16; do
	fresh "$TESTTMP/cut.bin"
	env SLIPWAY_SIM_FLASH="$TESTTMP/cut.bin" SLIPWAY_SIM_OTP_CUT=$cut "$boot" \
		</dev/null >"$TESTTMP/cut.out" 2>&1
	[ $? = 137 ] || bad="$bad $cut(not cut)"
	env SLIPWAY_SIM_FLASH="$TESTTMP/cut.bin" "$boot" </dev/null >"$TESTTMP/boot.out" 2>&1
	runs 1.0.0+0 && ! said "first boot" &&
		[ "$(fuses "$TESTTMP/cut.bin.otp")" = "$(fuses "$flash.otp")" ] || bad="$bad $cut"
done 2>/dev/null # the shell's "Killed" notices
if [ -z "$bad" ]; then
	ok "power cut after the counter and before the last lock: the next boot locks, eFuses as uncut"
else not_ok "release-mode cuts at:$bad"; show; fi
