# tests/arch/qemu/virt_lib.sh
# SPDX-License-Identifier: Apache-2.0

# Helpers for the QEMU virt tests of one defconfig (sourced after
# tests/lib.sh; the flows of qemu_flows.sh have their own).
#
# virt_build NAME: build defconfigs/NAME_defconfig in $BUILD/NAME (qdir);
# says "not ok" and exits when QEMU is missing or the build fails.
# virt_power_on FILE [CUT]: one power-on of the machine on FILE (with the
# ROM stage when the build has one) until the OS's shell is ready or QEMU
# ends; with CUT, QEMU is killed (a power cut) CUT seconds after the
# console says a first boot is encrypting. The console is in $out.txt;
# said PATTERN greps it, show prints it.

virt_build() {
	qdir=$BUILD/$1
	if ! command -v qemu-system-riscv32 >/dev/null; then
		not_ok "qemu-system-riscv32 is installed (tools/setup.sh installs qemu-system-misc)"
		exit 0
	fi
	if ! { make -s -C "$SRCTREE" O="$qdir" "$1_defconfig" >/dev/null &&
	       make -s -C "$SRCTREE" O="$qdir" >"$TESTTMP/build.log" 2>&1; }; then
		not_ok "build $1_defconfig"; sed 's/^/#   /' "$TESTTMP/build.log"; exit 0
	fi
	defconfig_built "$1"
	out=$TESTTMP/uart.log
}

cfg() { sed -n "s/^CONFIG_$1=//p" "$qdir/.config"; }

virt_power_on() {
	rom=
	[ -f "$qdir/slipway-rom" ] && rom=$qdir/slipway-rom
	: >"$out"
	"$SRCTREE/tools/qemu/virt.sh" --once ${rom:+--rom "$rom"} --log "$out" \
		--pidfile "$TESTTMP/qemu.pid" "$1" </dev/null >/dev/null 2>&1 &
	runner=$!
	for _ in $(seq 1200); do
		if [ -n "${2:-}" ] && grep -q "first boot: encrypting" "$out" 2>/dev/null; then
			sleep "$2"
			break
		fi
		grep -q "^os: shell ready" "$out" 2>/dev/null && break
		kill -0 $runner 2>/dev/null || break
		sleep 0.05
	done
	kill -KILL "$(cat "$TESTTMP/qemu.pid" 2>/dev/null)" 2>/dev/null
	wait $runner 2>/dev/null
	tr -d '\r' <"$out" >"$out.txt"
}

said() { grep -q -- "$1" "$out.txt"; }
show() { sed 's/^/#   /' "$out.txt"; }
