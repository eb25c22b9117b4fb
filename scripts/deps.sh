#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Installs the Debian 12 packages that building and testing xswitch needs.
# Idempotent and quick when everything is present; needs root (or sudo) only
# when something is missing.  Runs without a terminal (CI).

set -euo pipefail

PACKAGES=(
	build-essential pkg-config libnl-3-dev libnl-genl-3-dev   # lib/, tools/
	libnl-route-3-dev                                         # lib/qos_htb.c
	linux-headers-amd64                                       # kmod/
	linux-source-6.1 bc flex bison python3 xz-utils sparse    # KUnit (UML), lint
	libelf-dev                                                # the debug kernel (objtool)
	qemu-system-x86 linux-image-amd64 busybox-static kmod cpio  # scripts/vm-run
	iproute2 iputils-ping jq ethtool tcpdump iperf3           # selftests
	openvswitch-switch                                        # benchmarks
)

# One dpkg-query for all of them; packages dpkg has never heard of are left
# out of its output (and make it exit 1).
declare -A have=()
while read -r pkg status; do
	[ "$status" = installed ] && have[$pkg]=1
done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${PACKAGES[@]}" 2>/dev/null || true)
missing=()
for p in "${PACKAGES[@]}"; do
	[ -n "${have[$p]:-}" ] || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	exit 0
fi

echo "deps: installing ${missing[*]}" >&2
SUDO=
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "deps: need root to install packages" >&2; exit 1; }
	SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
APT_OPTS=(-y -q --no-install-recommends -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
$SUDO apt-get update -q </dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install "${APT_OPTS[@]}" "${missing[@]}" </dev/null
