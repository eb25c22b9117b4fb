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
	tshark                                                    # selftests/vnet_vxlan.sh
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

# Another apt or dpkg (unattended-upgrades, a second checkout's deps.sh)
# may hold the package manager's locks: wait for them, up to
# DEPS_LOCK_WAIT seconds (default 10 minutes) in all, rather than fail.
# apt waits for dpkg's locks itself with DPkg::Lock::Timeout; it does not
# for the lists lock of "apt-get update" or the archives lock, so apt_get
# retries a command that failed on a lock.
LOCK_DEADLINE=$((SECONDS + ${DEPS_LOCK_WAIT:-600}))

apt_get() {
	local err rc left said=0

	err=$(mktemp)
	while :; do
		left=$((LOCK_DEADLINE - SECONDS))
		((left > 0)) || left=1
		rc=0
		$SUDO env DEBIAN_FRONTEND=noninteractive apt-get \
			-o DPkg::Lock::Timeout="$left" "$@" </dev/null 2> >(tee "$err" >&2) || rc=$?
		wait $! || true	# tee has written it all
		if [ "$rc" -eq 0 ] || ! grep -qE 'Could not get lock|Unable to lock' "$err"; then
			break
		fi
		if [ "$SECONDS" -ge "$LOCK_DEADLINE" ]; then
			echo "deps: another package manager still holds its lock after ${DEPS_LOCK_WAIT:-600} s; giving up" >&2
			break
		fi
		if [ "$said" -eq 0 ]; then
			echo "deps: another apt or dpkg is running; waiting for its lock (up to $((LOCK_DEADLINE - SECONDS)) s more)" >&2
			said=1
		fi
		sleep 5
	done
	rm -f "$err"
	return "$rc"
}

apt_get update -q
apt_get install "${APT_OPTS[@]}" "${missing[@]}"
