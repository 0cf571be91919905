#!/bin/sh
# tools/setup.sh
# SPDX-License-Identifier: Apache-2.0
# Install what Slipway needs on a Debian machine. Idempotent: when everything
# is there it only checks and returns. Uses sudo when not run as root.
#  - Debian packages: compilers for every arch, C libraries for targets,
#    kconfig-frontends, mbedtls, libsodium (Ed25519), cmocka, cJSON (test
#    vectors), valgrind, clang with libFuzzer,
#    QEMU.
#  - the Debian source package of libsodium at the installed -dev version,
#    unpacked into .deps/ (git-ignored) for device builds;
#  - mbedtls 3.6 LTS, Debian 13's (trixie) source package, fetched through
#    a trixie deb-src entry and unpacked into .deps/mbedtls-3.6 for every
#    program (device, host program, tests).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)

packages="make gcc libc6-dev binutils
gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf
gcc-arm-none-eabi libnewlib-arm-none-eabi picolibc-arm-none-eabi
kconfig-frontends-nox libncurses-dev
libsodium-dev libcmocka-dev libcjson-dev valgrind
clang libclang-rt-dev
qemu-system-misc qemu-system-arm
dpkg-dev"

if [ "$(id -u)" -eq 0 ]; then
	SUDO=
elif command -v sudo >/dev/null 2>&1; then
	SUDO=sudo
else
	echo "setup: not root and no sudo: install as root:" $packages >&2
	exit 1
fi

installed() {
	dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'
}

updated=
apt_update() {
	if [ -z "$updated" ]; then
		echo "setup: apt-get update"
		$SUDO apt-get update -qq
		updated=1
	fi
}

missing=
for p in $packages; do
	installed "$p" || missing="$missing $p"
done
if [ -n "$missing" ]; then
	apt_update
	echo "setup: installing$missing"
	$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends $missing >/dev/null
fi

# Source packages for device builds, at the versions of the host's -dev
# packages: mbedtls (ECDSA, RSA, SHA, AES) and libsodium (Ed25519).
ensure_deb_src() {
	if ! grep -rqsE '^(deb-src|Types:.*deb-src)' /etc/apt/sources.list /etc/apt/sources.list.d/; then
		codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
		echo "setup: adding Debian's deb-src entries for $codename"
		$SUDO tee /etc/apt/sources.list.d/slipway-deb-src.sources >/dev/null <<EOT
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: $codename $codename-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: $codename-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOT
		updated=
	fi
}

# fetch_source SOURCE-PACKAGE DEV-PACKAGE: unpack into .deps/SOURCE-PACKAGE.
fetch_source() {
	name=$1
	version=$(dpkg-query -W -f='${Version}' "$2")
	dest=$src/.deps/$name
	[ "$(cat "$dest/.debian-version" 2>/dev/null)" = "$version" ] && return 0
	ensure_deb_src
	apt_update
	work=$src/.deps/$name.work
	rm -rf "$work" "$dest"
	mkdir -p "$work"
	echo "setup: fetching Debian source package $name $version"
	# apt checks the files against Debian's signed index; dpkg-source then
	# checks them against the .dsc (it cannot check the uploader's
	# signature without debian-keyring, and says so in its log).
	if ! (cd "$work" && apt-get source -qq --download-only "$name=$version" &&
	      dpkg-source -x ./*.dsc tree) >"$src/.deps/$name.log" 2>&1; then
		cat "$src/.deps/$name.log" >&2
		echo "setup: could not fetch the $name $version source package" >&2
		exit 1
	fi
	mv "$work/tree" "$dest"
	rm -rf "$work"
	echo "$version" >"$dest/.debian-version"
}


# mbedtls 3.6 LTS: Debian 13 (trixie) carries it, bookworm only 2.28 (whose
# support ended in 2024). A deb-src entry for trixie brings its sources
# only: no binary package comes from trixie. The newest 3.6.x there is
# fetched, checked as above, and kept until removed.
MBEDTLS_SERIES=3.6
ensure_trixie_deb_src() {
	list=/etc/apt/sources.list.d/slipway-trixie-src.sources
	[ -f $list ] && return 0
	# On trixie itself ensure_deb_src's entry is the one.
	ensure_deb_src
	[ "$(. /etc/os-release && echo "$VERSION_CODENAME")" = trixie ] && return 0
	echo "setup: adding Debian 13 (trixie) deb-src entry for mbedtls $MBEDTLS_SERIES"
	$SUDO tee $list >/dev/null <<EOT
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOT
	updated=
}

fetch_mbedtls_lts() {
	dest=$src/.deps/mbedtls-$MBEDTLS_SERIES
	case "$(cat "$dest/.debian-version" 2>/dev/null)" in
	$MBEDTLS_SERIES.*) return 0 ;;
	esac
	ensure_trixie_deb_src
	apt_update
	version=$(apt-cache showsrc --only-source mbedtls 2>/dev/null |
		sed -n 's/^Version: //p' | grep "^$MBEDTLS_SERIES\." | sort -V | tail -n 1)
	if [ -z "$version" ]; then
		echo "setup: no mbedtls $MBEDTLS_SERIES source package in Debian's archive (trixie)" >&2
		exit 1
	fi
	work=$dest.work
	log=$dest.log
	rm -rf "$work" "$dest"
	mkdir -p "$work"
	echo "setup: fetching Debian source package mbedtls $version"
	if ! (cd "$work" && apt-get source -qq --download-only "mbedtls=$version" &&
	      dpkg-source -x ./*.dsc tree) >"$log" 2>&1; then
		cat "$log" >&2
		echo "setup: could not fetch the mbedtls $version source package" >&2
		exit 1
	fi
	mv "$work/tree" "$dest"
	rm -rf "$work"
	echo "$version" >"$dest/.debian-version"
}

fetch_mbedtls_lts
fetch_source libsodium libsodium-dev
echo "setup: all dependencies present"
