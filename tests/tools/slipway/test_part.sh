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
reject "two otadata" "otadata" 'o, data, ota, 0x9000, 8K,\np, data, ota, 0xb000, 8K,\n'
reject "readonly otadata" "cannot be readonly" 'o, data, ota, 0x9000, 8K, readonly\n'
reject "small read/write nvs" "smaller than 0x3000" 'n, data, nvs, 0x9000, 8K,\n'
reject "unknown flag" "unknown flag 'secret'" 'n, data, nvs, 0x9000, 16K, secret\n'
reject "unknown type" "unknown partition type 'code'" 'n, code, nvs, 0x9000, 16K,\n'
reject "unknown subtype" "unknown subtype 'ota_16'" 'n, app, ota_16, 0x10000, 1M,\n'
reject "app without subtype" "needs a subtype" 'n, app, , 0x10000, 1M,\n'
reject "too many fields" "more than 6 fields" 'n, data, nvs, 0x9000, 16K, , x\n'
reject "name too long" "1 to 16 characters" 'seventeen_chars_x, data, nvs, 0x9000, 16K,\n'
reject "bad size" "bad size '12Q'" 'n, data, nvs, 0x9000, 12Q,\n'
reject "leading-zero decimal (Python int)" "bad offset '0100'" 'n, data, nvs, 0100, 16K,\n'
reject "inside the table's sector" "within the partition table" 'n, data, fat, 0x8000, 4K,\n'
reject "unknown variable" "unknown variable" 'n, data, nvs, $SLIPWAY_NO_SUCH_VAR, 16K,\n'
reject "no partitions" "no partitions" '# nothing\n'
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
