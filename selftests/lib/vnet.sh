# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Helpers for the network virtualisation selftests (vnet_vxlan.sh,
# vnet_route.sh), sourced after lib.sh:
#
#	source "$(dirname "$0")/lib.sh"
#	source "$(dirname "$0")/lib/vnet.sh"
#
# The scripts' host 1 is the namespace $NS1 with the switch sw0; x runs xsw
# there.  A "VM" is a namespace holding one end of a veth pair whose other
# end, in the host's namespace, becomes a switch port; VMs have IPv6 off
# and static neighbour entries, so that every frame a test counts is its
# own.  Frames are watched with tcpdump (capture, capture_stop, captured;
# $TMPD must be set), and counters read from xsw's JSON.

# shellcheck disable=SC2034  # variables are for the sourcing scripts

# The distributed router's MAC: every gateway address resolves to it.
ROUTER_MAC=02:15:5d:ff:ff:fe
TCP_PORT=${TCP_PORT:-7000}

x()
{
	"$XSW" -n "$NS1" "$@"
}

# drops PORT REASON [NS]: a port's drop counter (host 1 by default)
drops()
{
	xsw_jq -n "${3:-$NS1}" ".[0].stats.drops[\"$2\"]" -s port show "$1"
}

# sw_drops REASON [SW NS]: a switch's drop counter (sw0 of host 1 by default)
sw_drops()
{
	xsw_jq -n "${3:-$NS1}" ".[0].stats.drops[\"$1\"]" -s switch show "${2:-sw0}"
}

# drops_reach WANT CMD...: wait (10 s) until CMD prints a number >= WANT
drops_reach()
{
	local want=$1; shift

	busywait 10000 eval "[ \"\$($*)\" -ge $want ]"
}

# vm NS IFNAME PEER MAC ADDR [NS_PEER]: a "VM" namespace on a veth
vm()
{
	local ns=$1 dev=$2 peer=$3 mac=$4 addr=$5 pns=$6

	ip -n "$pns" link add "$peer" type veth peer name "$dev" netns "$ns" &&
	ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 &&
	ip -n "$ns" link set "$dev" address "$mac" &&
	ip -n "$ns" addr add "$addr/24" dev "$dev" &&
	ip -n "$ns" link set "$dev" up &&
	ip -n "$pns" link set "$peer" up
}

# vm_gateway NS IFNAME GATEWAY: route everything off-link through the
# virtual subnet's gateway, whose MAC is the router's (set by hand, so that
# a test does not depend on the switch's ARP responder)
vm_gateway()
{
	ip -n "$1" neigh replace "$3" lladdr "$ROUTER_MAC" dev "$2" &&
	ip -n "$1" route add default via "$3" dev "$2"
}

# ping_ok NS ADDR: wait (30 s) until one ping gets its reply; the first
# frames may wait for the underlay's ARP.
ping_ok()
{
	busywait 30000 ip netns exec "$1" ping -q -c 1 -W 2 "$2" >/dev/null
}

# capture NS DEV FILTER NAME [TCPDUMP_OPTS...]: tcpdump, printing frames
# with their MACs to $TMPD/NAME.txt, ready when it returns; stop with
# capture_stop NAME.
capture()
{
	local ns=$1 dev=$2 filter=$3 name=$4
	shift 4

	ip netns exec "$ns" tcpdump -l -n -e "$@" -i "$dev" "$filter" \
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

# serve NS TEXT [ADDR]: a TCP server on ADDR (10.1.1.12) port $TCP_PORT
# that answers TEXT
serve()
{
	ip netns exec "$1" python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((sys.argv[3], int(sys.argv[1])))
s.listen(8)
while True:
    c, _ = s.accept()
    c.sendall(sys.argv[2].encode())
    c.close()
' "$TCP_PORT" "$2" "${3:-10.1.1.12}" &
	busywait 30000 sh -c "ip netns exec $1 ss -Hltn 'sport = :$TCP_PORT' | grep -q ."
}

# fetch NS [ADDR]: what the server on ADDR (10.1.1.12) answers
fetch()
{
	ip netns exec "$1" timeout 20 bash -c \
		"exec 3<>/dev/tcp/${2:-10.1.1.12}/$TCP_PORT && cat <&3"
}
