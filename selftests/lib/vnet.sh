# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Helpers for the network virtualisation data path selftests (vnet_vxlan.sh,
# vnet_nvgre.sh, vnet_nd.sh, vnet_route.sh, vnet_hyperv.sh), sourced after
# lib.sh:
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
# capture_stop NAME.  Ready within 30 s: tcpdump can take over 10 s to
# start in a busy TCG guest.
capture()
{
	local ns=$1 dev=$2 filter=$3 name=$4
	shift 4

	ip netns exec "$ns" tcpdump -l -n -e "$@" -i "$dev" "$filter" \
		>"$TMPD/$name.txt" 2>"$TMPD/$name.err" &
	echo $! >"$TMPD/$name.pid"
	busywait 30000 grep -q "listening on" "$TMPD/$name.err"
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

# pcap_first NS DEV COUNT FILTER NAME: tcpdump writing the first COUNT
# frames matching FILTER to $TMPD/NAME.pcap, ready when it returns; wait
# for it with pcap_wait NAME.
pcap_first()
{
	local ns=$1 dev=$2 count=$3 filter=$4 name=$5

	ip netns exec "$ns" tcpdump -U -n -i "$dev" -c "$count" \
		-w "$TMPD/$name.pcap" "$filter" 2>"$TMPD/$name.err" &
	echo $! >"$TMPD/$name.pid"
	busywait 30000 grep -q "listening on" "$TMPD/$name.err"
}

# pcap_wait NAME: wait (30 s) until tcpdump has its frames, then stop it
pcap_wait()
{
	local pid rc

	pid=$(<"$TMPD/$1.pid")
	busywait 30000 eval "! kill -0 $pid 2>/dev/null"
	rc=$?
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	return $rc
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

# The Contoso/Fabrikam checks both tunnel tests make.  Host 1 is $NS1 with
# Contoso VM1 ($NS_A1, $MAC_A1) and Fabrikam VM1 ($NS_B1, $MAC_B1), both
# 10.1.1.11; host 2 ($NS2, underlay device u2, PA $PA2) has Contoso VM2
# ($NS_A2) and Fabrikam VM2 ($NS_B2), both 10.1.1.12.  Each reports with
# check_err; the caller logs the test.

# check_tenant_pings: each tenant's VMs ping across hosts, both ways
check_tenant_pings()
{
	ping_ok "$NS_A1" 10.1.1.12
	check_err $? "Contoso VM1 cannot ping Contoso VM2 on host 2"
	ping_ok "$NS_B1" 10.1.1.12
	check_err $? "Fabrikam VM1 cannot ping Fabrikam VM2 on host 2"
	ping_ok "$NS_A2" 10.1.1.11
	check_err $? "Contoso VM2 cannot ping Contoso VM1 back"
	ping_ok "$NS_B2" 10.1.1.11
	check_err $? "Fabrikam VM2 cannot ping Fabrikam VM1 back"
}

# check_tenant_tcp: each tenant's VM1 gets its own tenant's server at the
# same CA
check_tenant_tcp()
{
	local out

	serve "$NS_A2" contoso-web
	check_err $? "no server in Contoso VM2"
	serve "$NS_B2" fabrikam-web
	check_err $? "no server in Fabrikam VM2"
	out=$(fetch "$NS_A1")
	[ "$out" = contoso-web ]
	check_err $? "Contoso VM1 got '$out' over TCP, not contoso-web"
	out=$(fetch "$NS_B1")
	[ "$out" = fabrikam-web ]
	check_err $? "Fabrikam VM1 got '$out' over TCP, not fabrikam-web"
}

# underlay_decode FILTER FIELD...: the FIELDs tshark decodes from the first
# two frames matching FILTER on host 2's underlay, a Contoso ping then a
# Fabrikam one, as "a b c;a b c;" in $TMPD/u2.fields
underlay_decode()
{
	local filter=$1
	shift

	pcap_first "$NS2" u2 2 "$filter" u2
	check_err $? "tcpdump did not start on the underlay"
	ip netns exec "$NS_A1" ping -q -c 1 -W 2 10.1.1.12 >/dev/null
	check_err $? "Contoso ping failed"
	ip netns exec "$NS_B1" ping -q -c 1 -W 2 10.1.1.12 >/dev/null
	check_err $? "Fabrikam ping failed"
	pcap_wait u2
	check_err $? "tcpdump saw fewer than 2 frames"
	tshark -n -r "$TMPD/u2.pcap" -T fields -E occurrence=f \
		"${@/#/-e}" 2>"$TMPD/tshark.err" | tr '\t\n' ' ;' >"$TMPD/u2.fields"
}

# check_cross_tenant: Contoso's frames never reach Fabrikam VM2
check_cross_tenant()
{
	capture "$NS_B2" e "icmp" b2
	check_err $? "tcpdump did not start in Fabrikam VM2"
	ip netns exec "$NS_A1" ping -q -c 5 -i 0.2 -W 2 10.1.1.12 >/dev/null
	check_err $? "Contoso VM1 lost pings to Contoso VM2"
	# Fabrikam's own frame after Contoso's: when it is there, a leaked
	# Contoso frame would be too.
	ip netns exec "$NS_B1" ping -q -c 1 -W 2 10.1.1.12 >/dev/null
	check_err $? "Fabrikam ping failed"
	busywait 10000 grep -q "$MAC_B1" "$TMPD/b2.txt"
	check_err $? "Fabrikam VM2 did not see its own tenant's ping"
	capture_stop b2
	[ "$(captured b2 "$MAC_A1")" = 0 ]
	check_err $? "Fabrikam VM2 saw Contoso frames: $(grep -- "$MAC_A1" "$TMPD/b2.txt")"
}
