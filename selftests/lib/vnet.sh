# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Helpers for the network virtualisation selftests (vnet_vxlan.sh,
# vnet_nd.sh), sourced after lib.sh:
#
#	source "$(dirname "$0")/lib.sh"
#	source "$(dirname "$0")/lib/vnet.sh"
#
# They expect $NS1, the namespace of the switch sw0, and $TMPD, a scratch
# directory, from the sourcing script.

# x ARGS...: xsw in the switch's namespace
x()
{
	"$XSW" -n "$NS1" "$@"
}

# drops PORT REASON: a port's drop counter
drops()
{
	xsw_jq -n "$NS1" ".[0].stats.drops[\"$2\"]" -s port show "$1"
}

# drops_reach WANT CMD...: wait (10 s) until CMD prints a number >= WANT
drops_reach()
{
	local want=$1; shift

	busywait 10000 eval "[ \"\$($*)\" -ge $want ]"
}

# capture NS DEV FILTER NAME: tcpdump, printing frames with their MACs to
# $TMPD/NAME.txt, ready when it returns; stop with capture_stop NAME.
capture()
{
	local ns=$1 dev=$2 filter=$3 name=$4

	ip netns exec "$ns" tcpdump -l -n -e -i "$dev" "$filter" \
		>"$TMPD/$name.txt" 2>"$TMPD/$name.err" &
	echo $! >"$TMPD/$name.pid"
	busywait 10000 grep -q "listening on" "$TMPD/$name.err"
}

capture_stop()
{
	local pid

	pid=$(<"$TMPD/$1.pid")
	kill -INT "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
}

# captured NAME PATTERN: lines of the capture with PATTERN
captured()
{
	grep -c -- "$2" "$TMPD/$1.txt"
}
