# tests/tools/slipway/test_otadata.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway otadata gen/dump/switch/erase` against the otadata vectors: the
# blank partition and otatool's switch_ota_partition steps byte for byte,
# the bootloader choices verify_report.txt states, on a bare otadata binary
# and inside a whole-flash image; then the refusals.
. "$SRCTREE/tests/lib.sh"
need_shared
O=$SHARED/vectors/esp/otadata
PT=$SHARED/vectors/esp/part/pt_factory_two_ota.bin
T=$TESTTMP

expect_ok "gen" "$SLIPWAY" otadata gen "$T/blank.bin"
cmp -s "$T/blank.bin" "$O/otatool_step0_blank.bin" && cmp -s "$T/blank.bin" "$O/otadata_blank.bin" &&
	ok "gen equals ota_data_initial (otatool_step0_blank, otadata_blank)" || not_ok "gen bytes"

# otatool switch_ota_partition 0, 1, 0 on the bare partition.
cp "$O/otatool_step0_blank.bin" "$T/ota.bin"
n=1
for s in 0 1 0; do
	want=$(ls "$O"/otatool_step${n}_switch_ota$s.bin)
	"$SLIPWAY" otadata switch --ota-count 2 --slot $s "$T/ota.bin" >"$T/out" 2>&1 &&
		cmp -s "$T/ota.bin" "$want" && ok "switch ota_$s (step $n) equals otatool's" ||
		{ not_ok "switch step $n"; sed 's/^/#   /' "$T/out"; }
	n=$((n + 1))
done

# The same inside a whole-flash image laid out by pt_factory_two_ota
# (otadata at 0xd000): the table gives the OTA count; -o leaves FILE alone.
flash() {
	head -c $((0x310000)) /dev/zero | tr '\0' '\377' >"$1"
	dd if="$PT" of="$1" bs=1 seek=$((0x8000)) conv=notrunc status=none
	dd if="$2" of="$1" bs=1 seek=$((0xd000)) conv=notrunc status=none
}
flash "$T/flash.bin" "$O/otatool_step0_blank.bin"
cp "$T/flash.bin" "$T/flash0.bin"
expect_ok "switch --name ota_0 in a flash image" "$SLIPWAY" otadata switch --name ota_0 -o "$T/flash1.bin" "$T/flash.bin"
cmp -s "$T/flash.bin" "$T/flash0.bin" && ok "-o leaves FILE unchanged" || not_ok "-o changed FILE"
flash "$T/want1.bin" "$O/otatool_step1_switch_ota0.bin"
cmp -s "$T/flash1.bin" "$T/want1.bin" && ok "flash image: only otadata changed, as otatool's step 1" ||
	not_ok "flash image switch bytes"
expect_ok "erase in a flash image" "$SLIPWAY" otadata erase "$T/flash1.bin"
cmp -s "$T/flash1.bin" "$T/flash0.bin" && ok "erase: otadata blank again, nothing else touched" || not_ok "erase bytes"

# The bootloader choices verify_report.txt records, from the flash image
# (factory present), with rollback off and on.
for v in blank seq1_only seq1_seq2_valid seq2_badcrc seq2_pending_verify seq2_new seq3_wrap; do
	flash "$T/f.bin" "$O/otadata_$v.bin"
	"$SLIPWAY" otadata dump "$T/f.bin" >"$T/dump" 2>&1 || { not_ok "dump $v"; continue; }
	for rb in off on; do
		want=$(sed -n "/^sample: otadata\/otadata_$v.bin/,/^\$/s/^bootloader choice (rollback $rb): \([a-z_0-9]*\).*/\1/p" "$O/verify_report.txt")
		wr=$(sed -n "/^sample: otadata\/otadata_$v.bin/,/^\$/s/^bootloader choice (rollback $rb): .*writes: entry\([01]\) \([A-Z_]*\)->\([A-Z_]*\).*/entry \1 \2->\3/p" "$O/verify_report.txt")
		got=$(sed -n "s/^boot (rollback $rb): \([a-z_0-9]*\).*/\1/p" "$T/dump")
		if [ -n "$want" ] && [ "$got" = "$want" ] &&
		   { [ -z "$wr" ] || grep -q "^boot (rollback $rb): .*writes $wr" "$T/dump"; }; then
			ok "$v, rollback $rb: boots $want${wr:+, writes $wr} (verify_report)"
		else
			not_ok "$v, rollback $rb: got '$got', report says '$want' '$wr'"; sed 's/^/#   /' "$T/dump"
		fi
	done
done
expect_output "dump marks a bad CRC" "entry 1: seq 0x00000002 .*crc 0x55f63674 \(bad\)" \
	"$SLIPWAY" otadata dump "$O/otadata_seq2_badcrc.bin"
expect_output "switch --rollback writes state NEW" "state NEW" \
	"$SLIPWAY" otadata switch --ota-count 2 --slot 1 --rollback -o "$T/new.bin" "$O/otadata_seq1_only.bin"

# Refusals: nothing is written.
cp "$O/otadata_seq1_only.bin" "$T/keep.bin"
expect_fail "slot past the OTA count" "no such OTA app partition" \
	"$SLIPWAY" otadata switch --ota-count 2 --slot 2 "$T/keep.bin"
expect_fail "a bare otadata needs --ota-count to switch" "needs --ota-count" \
	"$SLIPWAY" otadata switch --slot 0 "$T/keep.bin"
cmp -s "$T/keep.bin" "$O/otadata_seq1_only.bin" && ok "refused switches left FILE alone" || not_ok "refusal wrote"
head -c 100 "$O/otadata_seq1_only.bin" >"$T/short.bin"
expect_fail "a short file" "neither an otadata partition" "$SLIPWAY" otadata dump "$T/short.bin"
head -c 65536 /dev/zero >"$T/notable.bin"
expect_fail "a flash image without a table" "partition table at 0x8000" "$SLIPWAY" otadata dump "$T/notable.bin"
expect_fail "--ota-count against the table" "the partition table has 2" \
	"$SLIPWAY" otadata switch --ota-count 3 --slot 0 "$T/f.bin"
expect_fail "--name must be ota_K" "not ota_0..ota_15" "$SLIPWAY" otadata switch --name factory "$T/keep.bin"
expect_fail "--ota-count range" "not 1..16" "$SLIPWAY" otadata dump --ota-count 17 "$T/keep.bin"
"$SLIPWAY" otadata switch "$T/keep.bin" >/dev/null 2>&1; [ $? -eq 2 ] && ok "usage error exits 2" || not_ok "usage exit code"
