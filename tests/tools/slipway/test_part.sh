# tests/tools/slipway/test_part.sh
# SPDX-License-Identifier: Apache-2.0

# `slipway part gen/dump` against gen_esp32part's own outputs, and the
# refusals of its documented rules (the MANIFEST has no negative partition
# vectors, so each reject case below is built from esp-formats.md 3.3).
. "$SRCTREE/tests/lib.sh"
need_shared
P=$SHARED/vectors/esp/part
T=$TESTTMP

for csv in "$P"/*.csv; do
	case "$csv" in *.decoded.csv) continue ;; esac
	v=$(basename "$csv" .csv)
	grep -q "gen_esp32part.py part/$v.csv part/$v.bin" "$SHARED/vectors/esp/MANIFEST.md" &&
		ok "$v: MANIFEST command is plain 'gen_esp32part.py CSV BIN'" ||
		not_ok "$v: MANIFEST command differs from what this test mirrors"
	if "$SLIPWAY" part gen "$csv" "$T/$v.bin" 2>"$T/err" && cmp -s "$T/$v.bin" "$P/$v.bin"; then
		ok "$v: gen output equals gen_esp32part's byte for byte"
	else
		not_ok "$v: gen"; sed 's/^/#   /' "$T/err"
	fi
	if "$SLIPWAY" part dump "$P/$v.bin" >"$T/$v.csv" 2>"$T/err" && cmp -s "$T/$v.csv" "$P/$v.decoded.csv"; then
		ok "$v: dump prints gen_esp32part's CSV"
	else
		not_ok "$v: dump"; diff "$T/$v.csv" "$P/$v.decoded.csv" | sed 's/^/#   /'
	fi
done

# Options.
expect_ok "--disable-md5sum" "$SLIPWAY" part gen --disable-md5sum "$P/pt_single_factory.csv" "$T/nomd5.bin"
[ "$(od -An -tx1 -j96 -N2 "$T/nomd5.bin" | tr -d ' ')" = "ffff" ] &&
	ok "--disable-md5sum: end marker right after the entries" || not_ok "--disable-md5sum layout"
cmp -s <(head -c 96 "$T/nomd5.bin") <(head -c 96 "$P/pt_single_factory.bin") &&
	ok "--disable-md5sum: same entries" || not_ok "--disable-md5sum entries"
printf 'a, data, nvs, , 0x4000,\n' >"$T/auto.csv"
expect_ok "--offset moves auto-placed partitions" "$SLIPWAY" part gen --offset 0x10000 "$T/auto.csv" "$T/auto.bin"
[ "$(od -An -tx1 -j4 -N4 "$T/auto.bin" | tr -d ' ')" = "00100100" ] &&
	ok "first auto offset = table offset + 0x1000" || not_ok "--offset auto placement"
expect_fail "--flash-size refuses a partition past the end" "ends past the end of the flash" \
	"$SLIPWAY" part gen --flash-size 2MB "$P/pt_factory_two_ota.csv" "$T/x.bin"
expect_ok "--flash-size accepts a table that fits" \
	"$SLIPWAY" part gen --flash-size 4MB "$P/pt_factory_two_ota.csv" "$T/fits.bin"

# gen refusals: one CSV each.
reject() {
	what=$1 pattern=$2 text=$3
	printf '%b' "$text" >"$T/bad.csv"
	rm -f "$T/x.bin"
	expect_fail "gen refuses: $what" "$pattern" "$SLIPWAY" part gen "$T/bad.csv" "$T/x.bin"
	[ ! -e "$T/x.bin" ] || not_ok "gen wrote output for: $what"
}
reject "overlap" "overlap" \
	'a, data, nvs, 0x9000, 0x4000,\nb, data, fat, 0xa000, 0x1000,\n'
reject "rows out of order" "ascending offset order" \
	'a, data, nvs, 0x10000, 0x4000,\nb, data, fat, 0x9000, 0x1000,\n'
reject "misaligned app" "not aligned" \
	'a, app, factory, 0x18000, 1M,\n'
reject "misaligned data" "not aligned" \
	'a, data, fat, 0x9800, 0x1000,\n'
reject "duplicate names" "names must be unique" \
	'a, data, nvs, 0x9000, 0x4000,\na, data, fat, 0xd000, 0x1000,\n'
reject "otadata size" "otadata" 'o, data, ota, 0x9000, 0x1000,\n'
reject "TEE otadata size" "TEE otadata" 'o, data, tee_ota, 0x9000, 0x1000,\n'
reject "two TEE otadata" "TEE otadata" 'o, data, tee_ota, 0x9000, 8K,\np, data, tee_ota, 0xb000, 8K,\n'
reject "bootloader row without its offset" "needs --primary-bootloader-offset" \
	'b, bootloader, primary, , ,\nn, data, nvs, 0x9000, 16K,\n'
reject "UTF-16 text" "UTF-16 or UTF-32 text.*convert it to UTF-8" '\377\376n\000,\000'
reject "two otadata" "otadata" 'o, data, ota, 0x9000, 8K,\np, data, ota, 0xb000, 8K,\n'
reject "readonly otadata" "cannot be readonly" 'o, data, ota, 0x9000, 8K, readonly\n'
reject "small read/write nvs" "smaller than 0x3000" 'n, data, nvs, 0x9000, 8K,\n'
reject "unknown flag" "unknown flag 'secret'" 'n, data, nvs, 0x9000, 16K, secret\n'
reject "unknown type" "unknown partition type 'code'" 'n, code, nvs, 0x9000, 16K,\n'
reject "unknown subtype" "unknown subtype 'ota_16'" 'n, app, ota_16, 0x10000, 1M,\n'
reject "app without subtype" "needs a subtype" 'n, app, , 0x10000, 1M,\n'
reject "too many fields" "more than 6 fields" 'n, data, nvs, 0x9000, 16K, , x\n'
reject "names equal once truncated to 16 bytes" "names must be unique" \
	'seventeen_chars_x, data, nvs, 0x9000, 16K,\nseventeen_chars_y, data, fat, 0xd000, 16K,\n'
reject "bad size" "bad size '12Q'" 'n, data, nvs, 0x9000, 12Q,\n'
reject "leading-zero decimal (Python int)" "bad offset '0100'" 'n, data, nvs, 0100, 16K,\n'
reject "inside the table's sector" "within the partition table" 'n, data, fat, 0x8000, 4K,\n'
reject "unknown variable" "unknown variable" 'n, data, nvs, $SLIPWAY_NO_SUCH_VAR, 16K,\n'
reject "no partitions" "no partitions" '# nothing\n'
reject "errors name the file's line, blank lines counted" "line 4: bad size" \
	'# table\r\n\r\nn, data, nvs, 0x9000, 16K,\r\nm, data, nvs, , 12Q,\r\n'
# gen_esp32part's edge cases (ESP-IDF 5.5's gen_esp32part.py, read beside
# this test): the expected entry bytes are built here field by field.
entry() { # entry N FILE: the 32 bytes of entry N, in hex
	od -An -tx1 -v -j$(($1 * 32)) -N32 "$2" | tr -d ' \n'
}
hex16() { printf '%s' "$1" | od -An -tx1 -v | tr -d ' \n'; printf '%*s' $((32 - 2 * ${#1})) '' | tr ' ' 0; }
printf 'seventeen_chars_x, data, nvs, 0x9000, 16K,\n' >"$T/long.csv"
expect_output "a name over 16 bytes is truncated, with a warning" "truncated to 'seventeen_chars_'" \
	"$SLIPWAY" part gen "$T/long.csv" "$T/long.bin"
[ "$(entry 0 "$T/long.bin")" = "aa5001020090000000400000$(hex16 seventeen_chars_)00000000" ] &&
	ok "truncated name: the entry's 16 label bytes, no terminator" || not_ok "truncated name bytes"
printf ', data, nvs, 0x9000, 16K,\n' >"$T/noname.csv"
expect_ok "an empty name is accepted" "$SLIPWAY" part gen "$T/noname.csv" "$T/noname.bin"
[ "$(entry 0 "$T/noname.bin")" = "aa50010200900000004000000000000000000000000000000000000000000000" ] &&
	ok "empty name: 16 zero label bytes" || not_ok "empty name bytes"
printf '\357\273\277' | cat - "$P/pt_factory_two_ota.csv" >"$T/bom.csv"
expect_ok "a UTF-8 byte-order mark is dropped" "$SLIPWAY" part gen "$T/bom.csv" "$T/bom.bin"
cmp -s "$T/bom.bin" "$P/pt_factory_two_ota.bin" &&
	ok "with a byte-order mark: gen_esp32part's bytes" || not_ok "byte-order mark reached the table"
printf 'x, 0xff, 0xff, 0x9000, 16K,\n' >"$T/ff.csv"
expect_ok "type and subtype 0xff are accepted" "$SLIPWAY" part gen "$T/ff.csv" "$T/ff.bin"
[ "$(entry 0 "$T/ff.bin")" = "aa50ffff0090000000400000$(hex16 x)00000000" ] &&
	ok "type/subtype 0xff entry bytes" || not_ok "0xff entry bytes"
printf 'o, data, tee_ota, 0x9000, 8K,\n' >"$T/tee.csv"
expect_ok "one TEE otadata of 0x2000 bytes" "$SLIPWAY" part gen "$T/tee.csv" "$T/tee.bin"
printf 'pt, partition_table, primary, 0x1234, 7,\nn, data, nvs, , 16K,\n' >"$T/pt.csv"
expect_ok "a partition_table row needs no option" "$SLIPWAY" part gen "$T/pt.csv" "$T/pt.bin"
[ "$(entry 0 "$T/pt.bin")" = "aa5003000080000000100000$(hex16 pt)00000000" ] &&
	[ "$(entry 1 "$T/pt.bin")" = "aa5001020090000000400000$(hex16 n)00000000" ] &&
	ok "primary table row at the table's offset, 0x1000 bytes; the next placed after the table" ||
	not_ok "partition_table row bytes"
printf 'bl, bootloader, primary, , ,\npt, partition_table, primary, , ,\nn, data, nvs, , 16K,\n' >"$T/bl.csv"
expect_ok "--primary-bootloader-offset places bootloader rows" \
	"$SLIPWAY" part gen --primary-bootloader-offset 0x1000 "$T/bl.csv" "$T/bl.bin"
[ "$(entry 0 "$T/bl.bin")" = "aa5002000010000000700000$(hex16 bl)00000000" ] &&
	ok "primary bootloader row: from the option to the table" || not_ok "bootloader row bytes"
expect_output "dump prints bootloader and table rows" "^bl,bootloader,primary,0x1000,28K," \
	"$SLIPWAY" part dump "$T/bl.bin"
printf 'r, bootloader, recovery, , ,\n' >"$T/rec.csv"
expect_fail "a recovery bootloader row needs its offset" "needs --recovery-bootloader-offset" \
	"$SLIPWAY" part gen --primary-bootloader-offset 0x1000 "$T/rec.csv" "$T/x.bin"
expect_ok "--recovery-bootloader-offset places it" \
	"$SLIPWAY" part gen --primary-bootloader-offset 0x1000 --recovery-bootloader-offset 0x10000 "$T/rec.csv" "$T/rec.bin"
[ "$(entry 0 "$T/rec.bin")" = "aa5002020000010000700000$(hex16 r)00000000" ] &&
	ok "recovery bootloader row bytes" || not_ok "recovery bootloader row bytes"
expect_fail "--primary-bootloader-offset at or above the table" "must lie below the table" \
	"$SLIPWAY" part gen --primary-bootloader-offset 0x8000 "$T/bl.csv" "$T/x.bin"
printf 'a, app, factory, 0x10000, 0x11000,\n' >"$T/app.csv"
expect_ok "app size in 4 KiB units without --secure" "$SLIPWAY" part gen "$T/app.csv" "$T/x.bin"
expect_ok "--secure v2: 4 KiB units" "$SLIPWAY" part gen --secure v2 "$T/app.csv" "$T/x.bin"
expect_fail "--secure (v1): 64 KiB units" "not a multiple of 0x1000 \\(0x10000 with --secure v1" \
	"$SLIPWAY" part gen --secure "$T/app.csv" "$T/x.bin"
expect_fail "--secure=v1" "not a multiple" "$SLIPWAY" part gen --secure=v1 "$T/app.csv" "$T/x.bin"
printf 'n, data, nvs, 0x9000, 8K,\n' >"$T/small.csv"
expect_ok "--no-verify skips the consistency rules" "$SLIPWAY" part gen --no-verify "$T/small.csv" "$T/x.bin"
expect_fail "--no-verify still checks --flash-size" "past the end of the flash" \
	"$SLIPWAY" part gen --no-verify --flash-size 0x9000 "$T/small.csv" "$T/x.bin"
expect_fail "dump refuses a partition lying entirely below the table" "below the end of the partition table" \
	"$SLIPWAY" part dump --offset 0x10000 "$P/pt_single_factory.bin"
SLIPWAY_TEST_OFF=0x9000 expect_ok "environment variables expand" \
	"$SLIPWAY" part gen <(printf 'n, data, nvs, $SLIPWAY_TEST_OFF, 16K,\n') "$T/env.bin"
printf 'n, data, nvs, 0x9000, -0xd000,\n' >"$T/neg.csv"
expect_ok "negative size ends the partition at an address" "$SLIPWAY" part gen "$T/neg.csv" "$T/neg.bin"
[ "$(od -An -tx1 -j8 -N4 "$T/neg.bin" | tr -d ' ')" = "00400000" ] &&
	ok "-0xd000 from 0x9000 is 0x4000 bytes" || not_ok "negative size"

# dump refusals: corrupted binaries.
cp "$P/pt_factory_two_ota.bin" "$T/md5.bin"
printf '\001' | dd of="$T/md5.bin" bs=1 seek=40 conv=notrunc 2>/dev/null
expect_fail "dump refuses a bad MD5" "entry 6: MD5 checksum does not match" "$SLIPWAY" part dump "$T/md5.bin"
cp "$P/pt_factory_two_ota.bin" "$T/magic.bin"
printf '\000' | dd of="$T/magic.bin" bs=1 seek=64 conv=notrunc 2>/dev/null
expect_fail "dump refuses a bad magic" "entry 2: entry has a bad magic" "$SLIPWAY" part dump "$T/magic.bin"
head -c 64 "$P/pt_factory_two_ota.bin" >"$T/short.bin"
expect_fail "dump refuses a table with no end" "no end marker" "$SLIPWAY" part dump "$T/short.bin"
