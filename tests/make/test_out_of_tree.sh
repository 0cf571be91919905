# tests/make/test_out_of_tree.sh
# SPDX-License-Identifier: Apache-2.0

# An O= build writes nothing into the source tree, and a changed symbol
# rebuilds what depends on it.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE"
o=$TESTTMP/oot

if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	before=$(git status --porcelain --ignored)
	make -s O="$o" sim_defconfig >/dev/null && make -s O="$o" >/dev/null
	after=$(git status --porcelain --ignored)
	if [ "$before" = "$after" ]; then
		ok "O= build leaves git status (ignored files included) as it was"
	else
		not_ok "O= build changed the source tree"
		diff <(echo "$before") <(echo "$after") 2>/dev/null | sed 's/^/#   /'
	fi
else
	echo "# SKIP $0: not a git checkout: source-tree cleanliness NOT CHECKED"
	make -s O="$o" sim_defconfig >/dev/null && make -s O="$o" >/dev/null
fi

[ -x "$o/slipway-boot" ] && [ -f "$o/slipway-flash.bin" ] && [ -x "$o/host/slipway" ] &&
	ok "one configuration builds bootloader, flash image and host tool" ||
	not_ok "build products missing in $o"

# Nothing changed: nothing is rebuilt.
out=$(make O="$o" 2>&1)
if echo "$out" | grep -q ' CC '; then not_ok "no-op build recompiled"; echo "$out" | sed 's/^/#   /'
else ok "no-op build compiles nothing"; fi

# A changed symbol reaches the objects and the signed image.
sed -i 's/^CONFIG_OS_IMAGE_VERSION=.*/CONFIG_OS_IMAGE_VERSION="2.3.4"/' "$o/.config"
out=$(make O="$o" 2>&1)
echo "$out" | grep -q 'CC *os/reference/os_main.c' &&
	ok "changing CONFIG_OS_IMAGE_VERSION recompiles the OS image" ||
	{ not_ok "changed symbol did not rebuild os_main.c"; echo "$out" | sed 's/^/#   /'; }
expect_output "the new version reaches the image header and the banner" \
	"Slipway OS 2.3.4" make -s O="$o" run
