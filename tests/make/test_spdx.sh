# tests/make/test_spdx.sh
# SPDX-License-Identifier: Apache-2.0
# Every source file of the tree opens with a banner: its path and the SPDX
# line of the project's licence (LICENSE, Apache-2.0), within its first 5 lines.
. "$SRCTREE/tests/lib.sh"
cd "$SRCTREE" || exit 1

if git rev-parse --git-dir >/dev/null 2>&1; then
	files=$(git ls-files)
else
	files=$(find . -type f ! -path './.git/*' ! -path './build/*' ! -path './.deps/*' | sed 's|^\./||')
fi

missing_spdx= missing_path= n=0
for f in $files; do
	case "$f" in
	*.c|*.h|*.S|*.ld|*.ld.in|*.lds|*.sh|*/Kconfig|Kconfig|*Make.defs|Makefile|.ci/run) ;;
	*) continue ;;
	esac
	n=$((n + 1))
	head -5 "$f" | grep -q 'SPDX-License-Identifier: Apache-2.0' ||
		missing_spdx="$missing_spdx $f"
	head -5 "$f" | grep -qF "$f" || missing_path="$missing_path $f"
done

if [ -z "$missing_spdx" ]; then ok "all $n source files carry the SPDX line"
else not_ok "no SPDX line in:$missing_spdx"; fi
if [ -z "$missing_path" ]; then ok "all $n source files name their path in the banner"
else not_ok "no path in the banner of:$missing_path"; fi
if grep -q 'Apache License' LICENSE && grep -q 'Version 2.0' LICENSE; then
	ok "LICENSE is the Apache License 2.0"
else not_ok "LICENSE missing or not Apache-2.0"; fi
