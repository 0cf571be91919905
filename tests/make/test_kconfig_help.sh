# tests/make/test_kconfig_help.sh
# SPDX-License-Identifier: Apache-2.0

# Every user-visible Kconfig symbol (one with a prompt) has help text.
. "$SRCTREE/tests/lib.sh"

# missing_help DIR: print each prompted symbol under DIR without help.
missing_help() {
	find "$1" \( -name .git -o -name .deps -o -name build \) -prune -o -name Kconfig -type f -print |
	sort | xargs awk '
function flush() {
	if (name != "" && prompt && !help) printf "%s:%d: %s has a prompt but no help\n", file, line, name
	name = ""; prompt = 0; help = 0
}
FNR == 1 { flush(); file = FILENAME }
/^[[:space:]]*(menu)?config[[:space:]]/ { flush(); name = $2; line = FNR; next }
/^[[:space:]]*choice/ { flush(); name = "choice"; line = FNR; next }
/^[[:space:]]*(endchoice|endmenu|endif|menu|if|source|comment|mainmenu)([[:space:]]|$)/ { flush(); next }
name != "" && /^[[:space:]]*(bool|tristate|string|hex|int)[[:space:]]+"/ { prompt = 1 }
name != "" && /^[[:space:]]*prompt[[:space:]]/ { prompt = 1 }
name != "" && /^[[:space:]]*(help|---help---)[[:space:]]*$/ { help = 1 }
END { flush() }'
}

out=$(missing_help "$SRCTREE")
if [ -z "$out" ]; then ok "every prompted Kconfig symbol has help"; else
	not_ok "Kconfig symbols without help"; echo "$out" | sed 's/^/#   /'; fi

mkdir -p "$TESTTMP/k"
printf 'config HIDDEN\n\tbool\n\nconfig SHOWN\n\tbool "x"\n\nconfig GOOD\n\tint "y"\n\thelp\n\t  z\n' \
	>"$TESTTMP/k/Kconfig"
out=$(missing_help "$TESTTMP/k")
[ "$out" = "$TESTTMP/k/Kconfig:4: SHOWN has a prompt but no help" ] &&
	ok "the check finds exactly the prompted symbol without help in a fixture" ||
	{ not_ok "fixture: got '$out'"; }
