#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What `make demo` shows, run in the scripts/vm-run guest: load xswitch,
# create and list switches with ip(8) and xsw, and remove them again, in a
# network namespace of its own.  Prints each command ("$ ...") before its
# output and its result after; exits 1 if any step failed.

set -uo pipefail

NS=demo-$$
failed=0

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
	ip netns del "$NS" 2>/dev/null
}
trap cleanup EXIT

# step CMD...: show CMD, run it in the demo namespace, show how it went.
step() {
	echo "\$ $*"
	ip netns exec "$NS" "$@" 2>&1
	local rc=$?
	if [ $rc -eq 0 ]; then
		echo "  -> ok"
	else
		echo "  -> FAILED (exit status $rc)"
		failed=1
	fi
	echo
}

echo "xswitch demo, kernel $(uname -r)"
echo

echo "\$ modprobe xswitch"
if modprobe xswitch 2>&1; then
	echo "  -> ok ($(grep -c '^xswitch ' /proc/modules) module loaded; /sys/module/xswitch $([ -d /sys/module/xswitch ] && echo exists || echo missing))"
else
	echo "  -> FAILED: is kmod/xswitch.ko built (make kmod)?"
	failed=1
fi
echo

echo "\$ ip netns add $NS    # everything below runs in this namespace"
if ! ip netns add "$NS"; then
	echo "  -> FAILED"
	exit 1
fi
ip -n "$NS" link set lo up
echo

command -v xsw >/dev/null || echo "(xsw is not built yet: make tools)"

step ip link add sw0 type xswitch
step xsw switch show
step xsw -j switch show
if out=$(ip netns exec "$NS" xsw -j switch show 2>/dev/null) &&
   names=$(jq -r '[.[].ifname] | join(" ")' <<<"$out" 2>/dev/null); then
	echo "  (jq reads the JSON: switches: ${names:-none})"
	echo
fi
step xsw switch add sw1
step xsw switch show
step xsw switch del sw1
step ip link del sw0

if [ $failed -eq 0 ]; then
	echo "demo: all steps ok"
else
	echo "demo: some steps FAILED"
fi
exit $failed
