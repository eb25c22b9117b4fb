#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation, the distributed router: a frame a VM sends to its
# gateway (the router's MAC) for an address in another VSID of its routing
# domain is routed by the switch it is plugged into, then delivered locally
# or encapsulated with the destination's VSID.  Two xswitch hosts; two
# routing domains that use the same addresses.
#
#   Contoso (RDID 1): 5001 10.1.1.0/24, 5002 10.1.2.0/24, 5003 10.1.3.0/24
#   Fabrikam (RDID 2): 6001 10.1.1.0/24, 6003 10.1.3.0/24, 6004 10.1.4.0/24
#   (gateways .1; every VM's default route is its gateway, whose neighbour
#   entry is the router's MAC, set by hand)
#
#   NS1 (host 1): sw0, PA1 192.168.1.10 on u1
#     NS_A1 e1 10.1.1.11 (Contoso)  -- v1 vsid 5001
#     NS_A2 e2 10.1.2.12 (Contoso)  -- v2 vsid 5002
#     NS_F1 e3 10.1.1.11 (Fabrikam) -- v3 vsid 6001
#     NS_F3 e4 10.1.3.23 (Fabrikam) -- v4 vsid 6003
#   NS1 u1 192.168.1.10/24 ==veth== u2 192.168.1.20/24 NS2
#   NS2 (host 2): sw1, PA2 192.168.1.20 on u2
#     NS_B3 e 10.1.3.23 (Contoso)   -- w1 vsid 5003
#
# Contoso's 10.1.3.23 is on host 2 and Fabrikam's on host 1: a lookup in
# the wrong routing domain would deliver locally.  Host 2 has no mapping of
# 5003 at PA1, nor host 1 of 5001 at PA2: routed frames are accepted only
# because the decapsulation check takes every PA of the routing domain.
# Fabrikam's 10.1.4.44 is mapped (to PA1) but no Contoso prefix has it.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	route_local_ping
	route_local_tcp
	route_rewrite
	route_ttl
	route_domains
	route_remote
	route_remote_tcp
	route_remote_pa_check
"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/vnet.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/vnet.sh"

PA1=192.168.1.10
PA2=192.168.1.20
MAC_A1=02:00:00:00:51:11
MAC_A2=02:00:00:00:52:12
MAC_B3=02:00:00:00:53:23
MAC_F1=02:00:00:00:61:11
MAC_F3=02:00:00:00:63:23

x2()
{
	"$XSW" -n "$NS2" "$@"
}

# policy XSW: the mapping table both hosts share, given to each
policy()
{
	local xsw=$1

	$xsw vnet add Contoso rdid 1 && $xsw vnet add Fabrikam rdid 2 &&
	$xsw vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	$xsw vsubnet add 5002 vnet Contoso prefix 10.1.2.0/24 &&
	$xsw vsubnet add 5003 vnet Contoso prefix 10.1.3.0/24 &&
	$xsw vsubnet add 6001 vnet Fabrikam prefix 10.1.1.0/24 &&
	$xsw vsubnet add 6003 vnet Fabrikam prefix 10.1.3.0/24 &&
	$xsw vsubnet add 6004 vnet Fabrikam prefix 10.1.4.0/24 &&
	$xsw map add vsid 5001 ca 10.1.1.11 mac "$MAC_A1" pa "$PA1" &&
	$xsw map add vsid 5002 ca 10.1.2.12 mac "$MAC_A2" pa "$PA1" &&
	$xsw map add vsid 5003 ca 10.1.3.23 mac "$MAC_B3" pa "$PA2" &&
	$xsw map add vsid 6001 ca 10.1.1.11 mac "$MAC_F1" pa "$PA1" &&
	$xsw map add vsid 6003 ca 10.1.3.23 mac "$MAC_F3" pa "$PA1" &&
	$xsw map add vsid 6004 ca 10.1.4.44 mac 02:00:00:00:64:44 pa "$PA1"
}

setup()
{
	setup_ns NS1 NS2 NS_A1 NS_A2 NS_F1 NS_F3 NS_B3 || return 1
	ip -n "$NS1" link add sw0 type xswitch && ip -n "$NS1" link set sw0 up &&
	ip -n "$NS2" link add sw1 type xswitch && ip -n "$NS2" link set sw1 up &&
	vm "$NS_A1" e1 v1 "$MAC_A1" 10.1.1.11 "$NS1" &&
	vm "$NS_A2" e2 v2 "$MAC_A2" 10.1.2.12 "$NS1" &&
	vm "$NS_F1" e3 v3 "$MAC_F1" 10.1.1.11 "$NS1" &&
	vm "$NS_F3" e4 v4 "$MAC_F3" 10.1.3.23 "$NS1" &&
	vm "$NS_B3" e w1 "$MAC_B3" 10.1.3.23 "$NS2" &&
	vm_gateway "$NS_A1" e1 10.1.1.1 && vm_gateway "$NS_A2" e2 10.1.2.1 &&
	vm_gateway "$NS_F1" e3 10.1.1.1 && vm_gateway "$NS_F3" e4 10.1.3.1 &&
	vm_gateway "$NS_B3" e 10.1.3.1 || return 1

	ip -n "$NS1" link add u1 type veth peer name u2 netns "$NS2" &&
	ip -n "$NS1" addr add "$PA1/24" dev u1 && ip -n "$NS1" link set u1 up &&
	ip -n "$NS2" addr add "$PA2/24" dev u2 && ip -n "$NS2" link set u2 up ||
		return 1

	policy x && x pa add sw0 "$PA1" &&
	x port add sw0 dev v1 && x port set v1 vsid 5001 ca 10.1.1.11 &&
	x port add sw0 dev v2 && x port set v2 vsid 5002 ca 10.1.2.12 &&
	x port add sw0 dev v3 && x port set v3 vsid 6001 ca 10.1.1.11 &&
	x port add sw0 dev v4 && x port set v4 vsid 6003 ca 10.1.3.23 ||
		return 1
	policy x2 && x2 pa add sw1 "$PA2" &&
	x2 port add sw1 dev w1 && x2 port set w1 vsid 5003 ca 10.1.3.23
}

# ping_ttl NS ADDR: the TTL of the reply to one ping
ping_ttl()
{
	ip netns exec "$1" ping -c 1 -W 2 "$2" | sed -n 's/.* ttl=\([0-9]*\) .*/\1/p'
}

route_local_ping()
{
	ping_ok "$NS_A1" 10.1.2.12
	check_err $? "Contoso 5001 cannot ping 5002 through the gateway"
	ping_ok "$NS_A2" 10.1.1.11
	check_err $? "Contoso 5002 cannot ping 5001 back"
	ping_ok "$NS_F1" 10.1.3.23
	check_err $? "Fabrikam 6001 cannot ping its 6003 on the same host"
	log_test "VMs of two VSIDs of a routing domain ping through the router"
}

# tcp_ok NS_SERVER ADDR TEXT: Contoso's 5001 VM gets TEXT from a server
# at ADDR over TCP
tcp_ok()
{
	local out

	serve "$1" "$3" "$2"
	check_err $? "no server at $2"
	out=$(fetch "$NS_A1" "$2")
	[ "$out" = "$3" ]
	check_err $? "Contoso 5001 got '$out' over TCP from $2, not $3"
}

route_local_tcp()
{
	tcp_ok "$NS_A2" 10.1.2.12 contoso-5002
	log_test "TCP between two VSIDs through the router"
}

route_rewrite()
{
	local ttl

	capture "$NS_A2" e2 "icmp" a2 -v
	check_err $? "tcpdump did not start in Contoso's 5002 VM"
	ttl=$(ping_ttl "$NS_A1" 10.1.2.12)
	[ "$ttl" = 63 ]
	check_err $? "the reply came back with TTL '$ttl', not 64 - 1"
	# tcpdump -e -v: "MAC > MAC, ... (tos 0x0, ttl 63, ..." then the IPs.
	# Wait for tcpdump to print it: stopped at once, it may not have read
	# the frame yet.
	busywait 10000 grep -q "^.*$ROUTER_MAC > $MAC_A2, .*ttl 63," "$TMPD/a2.txt"
	check_err $? "5002's VM did not get the echo request from the router's MAC with TTL 63: $(head -4 "$TMPD/a2.txt")"
	capture_stop a2
	[ "$(captured a2 "$MAC_A1")" = 0 ]
	check_err $? "5002's VM saw 5001's VM's own MAC"
	log_test "a routed frame comes from the router's MAC with its TTL decremented"
}

route_ttl()
{
	local before

	before=$(drops v1 vnet-ttl)
	ip netns exec "$NS_A1" ping -q -t 1 -c 3 -i 0.2 -W 1 10.1.2.12 >/dev/null
	check_fail $? "a ping with TTL 1 got through the router"
	drops_reach $((before + 3)) drops v1 vnet-ttl
	check_err $? "vnet-ttl on v1: $(drops v1 vnet-ttl), want $((before + 3))"
	ip netns exec "$NS_A1" ping -q -t 2 -c 1 -W 2 10.1.2.12 >/dev/null
	check_err $? "a ping with TTL 2 did not get through"
	log_test "TTL 1 is dropped at the router and counted as vnet-ttl"
}

route_domains()
{
	local before

	capture "$NS_F3" e4 "icmp" f3
	check_err $? "tcpdump did not start in Fabrikam's 6003 VM"
	# Fabrikam's 10.1.4.44: mapped, but in no Contoso prefix
	before=$(drops v1 vnet-no-route)
	ip netns exec "$NS_A1" ping -q -c 2 -i 0.2 -W 1 10.1.4.44 >/dev/null
	check_fail $? "Contoso reached Fabrikam's 10.1.4.44"
	drops_reach $((before + 2)) drops v1 vnet-no-route
	check_err $? "vnet-no-route on v1: $(drops v1 vnet-no-route), want $((before + 2))"
	# in Contoso's prefix, but no mapping
	before=$(drops v1 vnet-no-mapping)
	ip netns exec "$NS_A1" ping -q -c 2 -i 0.2 -W 1 10.1.2.99 >/dev/null
	check_fail $? "a ping to an unmapped CA got a reply"
	drops_reach $((before + 2)) drops v1 vnet-no-mapping
	check_err $? "vnet-no-mapping on v1: $(drops v1 vnet-no-mapping), want $((before + 2))"
	# Contoso's 10.1.3.23 is on host 2; Fabrikam's, here, must not see it.
	ping_ok "$NS_A1" 10.1.3.23
	check_err $? "Contoso 5001 cannot reach its 5003 VM on host 2"
	# Fabrikam's own ping, after Contoso's, is the marker.
	ip netns exec "$NS_F1" ping -q -c 1 -W 2 10.1.3.23 >/dev/null
	check_err $? "Fabrikam's ping to its 6003 VM failed"
	busywait 10000 grep -q "$ROUTER_MAC > $MAC_F3" "$TMPD/f3.txt"
	check_err $? "Fabrikam's 6003 VM did not see its own tenant's ping"
	capture_stop f3
	[ "$(grep -c "10.1.1.11 > 10.1.3.23" "$TMPD/f3.txt")" = 1 ]
	check_err $? "Fabrikam's 6003 VM got Contoso's frames: $(cat "$TMPD/f3.txt")"
	log_test "a routing domain never reaches another, even at the same address"
}

route_remote()
{
	local ttl

	capture "$NS2" u2 "udp dst port 4789 and src host $PA1" u2 -v
	check_err $? "tcpdump did not start on host 2's underlay"
	capture "$NS_B3" e "icmp" b3 -v
	check_err $? "tcpdump did not start in host 2's 5003 VM"
	ttl=$(ping_ttl "$NS_A1" 10.1.3.23)
	[ "$ttl" = 63 ]
	check_err $? "the reply from host 2 came with TTL '$ttl', not 64 - 1"
	ping_ok "$NS_B3" 10.1.1.11
	check_err $? "host 2's 5003 VM cannot ping 5001 on host 1"
	# Wait for tcpdump to print what it saw before stopping it.
	# tcpdump decodes VXLAN on 4789: "VXLAN, flags [I] (0x08), vni 5003"
	busywait 10000 grep -qw "vni 5003" "$TMPD/u2.txt"
	check_err $? "host 1 did not encapsulate with the destination's VSID: $(grep -m2 vni "$TMPD/u2.txt")"
	busywait 10000 grep -q "^.*$ROUTER_MAC > $MAC_B3, .*ttl 63," "$TMPD/b3.txt"
	check_err $? "host 2's VM did not get the frame from the router's MAC, TTL 63"
	capture_stop u2
	capture_stop b3
	[ "$(grep -cw "vni 5001" "$TMPD/u2.txt")" = 0 ]
	check_err $? "host 1 sent the routed frame with the source's VSID"
	[ "$(sw_drops vnet-unknown-pa sw1 "$NS2")$(sw_drops vnet-unknown-pa)" = 00 ]
	check_err $? "a host refused a routed frame's PA"
	log_test "routed on the sending host, encapsulated with the destination's VSID, accepted by the other"
}

route_remote_tcp()
{
	tcp_ok "$NS_B3" 10.1.3.23 contoso-5003
	log_test "TCP between VSIDs across hosts"
}

route_remote_pa_check()
{
	# Without host 1's Contoso mappings, host 2 knows no Contoso VM at PA1:
	# a routed frame from there is no longer accepted.
	x2 map del vsid 5001 ca 10.1.1.11 && x2 map del vsid 5002 ca 10.1.2.12
	check_err $? "map del failed on host 2"
	ip netns exec "$NS_A1" ping -q -c 2 -i 0.2 -W 1 10.1.3.23 >/dev/null
	check_fail $? "a ping got through from a PA of no mapping of the domain"
	drops_reach 2 sw_drops vnet-unknown-pa sw1 "$NS2"
	check_err $? "vnet-unknown-pa on host 2: $(sw_drops vnet-unknown-pa sw1 "$NS2"), want 2"
	# Fabrikam's mappings at PA1 do not count for Contoso.
	[ "$(x2 -j map show | jq '[.[] | select(.pa == "'"$PA1"'")] | length')" -gt 0 ]
	check_err $? "host 2 has no other routing domain's mapping at PA1"
	x2 map add vsid 5001 ca 10.1.1.11 mac "$MAC_A1" pa "$PA1"
	check_err $? "map add failed on host 2"
	ping_ok "$NS_A1" 10.1.3.23
	check_err $? "one Contoso mapping at PA1 (of 5001, not 5003) does not let it in again"
	log_test "the decapsulation check takes the routing domain's PAs, no other's"
}

require_cmd xsw jq python3 tcpdump ping ss
require_module xswitch
TMPD=$(mktemp -d)
defer "rm -rf $TMPD"
if ! setup; then
	echo "FAIL: setup"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
