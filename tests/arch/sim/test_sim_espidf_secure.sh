# tests/arch/sim/test_sim_espidf_secure.sh
# SPDX-License-Identifier: Apache-2.0

# Secure Boot V2 app verification in the ESP-IDF scheme on the sim
# (sim_espidf_secure_defconfig): the build signs the OS app (RSA-3072 test
# key); with the eFuse bit clear nothing is checked; with the key's digest
# and SECURE_BOOT_EN burned into the sim's OTP the signed app boots, the
# agent stages an update signed by the same key and refuses one signed by
# another key and an unsigned one, the loader refuses an app swapped in
# behind the agent's back by name and boots the next candidate, and a
# revoked key leaves nothing bootable.
. "$SRCTREE/tests/lib.sh"

b=$TESTTMP/b
if ! { make -s -C "$SRCTREE" O="$b" sim_espidf_secure_defconfig >/dev/null &&
       make -s -C "$SRCTREE" O="$b" >"$TESTTMP/build.log" 2>&1; }; then
	not_ok "build sim_espidf_secure_defconfig"; sed 's/^/#   /' "$TESTTMP/build.log"; exit 0
fi
defconfig_built sim_espidf_secure
tool=$b/host/slipway
key=$SRCTREE/keys/test/rsa-3072.pem
"$tool" esp secure verify-signature --version 2 --keyfile "$key" "$b/slipway-os.espimg" >/dev/null 2>&1 &&
	ok "the build signs the OS app (slipway esp secure sign-data)" || not_ok "the OS app is not signed"
boot=$b/slipway-boot
flash=$TESTTMP/flash.bin
cp "$b/slipway-flash.bin" "$flash"
rm -f "$flash.otp"

# Update images: the same program, other versions, signed or not.
image() { # VERSION OUT [KEY]
	mkdir -p "$TESTTMP/img-$1"
	"$SRCTREE/tools/espidf_image.sh" "$tool" riscv64-unknown-elf-objcopy \
		"$b/slipway-os.payload" "$1" 0 "$SRCTREE/boards/sim/host/sim/partitions_espidf.csv" \
		0x8000 0x100000 "$TESTTMP/img-$1" ${3:+"$3"} && cp "$TESTTMP/img-$1/slipway-os.espimg" "$2"
}
"$tool" esp secure generate-signing-key --version 2 --scheme rsa3072 "$TESTTMP/other.pem" >/dev/null &&
image 2.0.0 "$TESTTMP/v2.bin" "$key" && image 3.0.0 "$TESTTMP/v3-other.bin" "$TESTTMP/other.pem" &&
	image 4.0.0 "$TESTTMP/v4-unsigned.bin" || { not_ok "build the update images"; exit 0; }

session() { # INPUT: one power-on, console input from INPUT
	printf "$1" | env SLIPWAY_SIM_FLASH="$flash" "$boot" >"$TESTTMP/boot.out" 2>&1
}
show() { sed 's/^/#   /' "$TESTTMP/boot.out"; }
expect() { # WHAT PATTERN...: every pattern is in the session's output
	what=$1; shift
	for p in "$@"; do
		grep -q -- "$p" "$TESTTMP/boot.out" || { not_ok "$what (no /$p/)"; show; return; }
	done
	ok "$what"
}

# The sim's eFuses: OTP words from CONFIG_EFUSE_OTP_FIRST_WORD, laid out as
# drivers/efuse/efuse.c lays them (BLOCK0 words 0-4, key block n at 5 + 8n).
first=$(sed -n 's/^CONFIG_EFUSE_OTP_FIRST_WORD=//p' "$b/.config")
burn() { # WORD BITS: OR BITS into eFuse word WORD (fuses only go 0 -> 1)
	at=$(((first + $1) * 4))
	old=$(od -An -tu4 -j$at -N4 "$flash.otp" | tr -d ' ')
	v=$((old | $2))
	printf "$(printf '\\%03o\\%03o\\%03o\\%03o' $((v & 255)) $(((v >> 8) & 255)) \
		$(((v >> 16) & 255)) $(((v >> 24) & 255)))" |
		dd of="$flash.otp" bs=1 seek=$at conv=notrunc status=none
}

session 'exit\n'
expect "eFuse bit clear: apps are not checked, the signed OS boots" \
	"^boot: Secure Boot V2 off in the eFuses" "^boot: starting factory" "^Slipway OS 1.0.0"

# Key block 0 := the key's digest, purpose SECURE_BOOT_DIGEST0 (9); then
# SECURE_BOOT_EN (BLOCK0 word 2 bit 8).
"$tool" esp secure digest-sbv2-public-key --keyfile "$key" --output "$TESTTMP/digest.bin" >/dev/null
for i in 0 1 2 3 4 5 6 7; do burn $((5 + i)) "$(od -An -tu4 -j$((i * 4)) -N4 "$TESTTMP/digest.bin" | tr -d ' ')"; done
burn 3 9
burn 2 $((1 << 8))
session 'exit\n'
expect "secure boot on: the signed factory app verifies and boots" \
	"^boot: Secure Boot V2 on: apps must be signed" "^boot: starting factory" "^Slipway OS 1.0.0"

session "stage $TESTTMP/v4-unsigned.bin ota_0\nstage $TESTTMP/v3-other.bin ota_0\nstage $TESTTMP/v2.bin ota_1\nsetboot ota_1\nreboot\nconfirm\nexit\n"
expect "the agent refuses an update signed by another key and an unsigned one, by name; a signed one runs" \
	"^stage: ota_0: refused: .*Secure Boot V2: signed by a key not in the eFuses" \
	"^stage: ota_0: refused: .*Secure Boot V2: unsigned" \
	"^stage: ota_1: .* bytes, valid" "^Slipway OS 2.0.0" "^confirm: running app marked valid"

# Behind the agent: the confirmed ota_1 overwritten with the other key's app.
dd if="$TESTTMP/v3-other.bin" of="$flash" bs=1 seek=$((0x90000)) conv=notrunc status=none
session 'exit\n'
expect "an app swapped in behind the agent is refused by name; factory boots" \
	"^boot: ota_1 at 0x90000: Secure Boot V2: signed by a key not in the eFuses; trying the next" \
	"^boot: starting factory" "^Slipway OS 1.0.0"
cmp -s <(dd if="$flash" bs=1 skip=$((0x90000)) count=16 status=none) <(head -c 16 "$TESTTMP/v3-other.bin") &&
	ok "the refused app was not erased" || not_ok "the refused app was erased"

burn 2 $((1 << 5)) # SECURE_BOOT_KEY_REVOKE0
session 'exit\n'
expect "the key revoked: every app is refused by name, nothing boots" \
	"^boot: factory at 0x10000: Secure Boot V2: signed by a revoked key" "^boot: no bootable app partition"
grep -q "^Slipway OS" "$TESTTMP/boot.out" && not_ok "an OS started with its key revoked" || ok "no OS started"
