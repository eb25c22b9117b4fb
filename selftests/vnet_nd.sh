#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation: the switch answers ARP requests and IPv6
# neighbour solicitations of VSID ports from its mappings (kmod/vnet_nd.c).
# The VMs resolve with their own kernels' ARP and ND, so an answer counts
# only if Linux accepts it (addresses, checksum, hop limit, flags).
#
#   NS_A e1 10.1.1.11, 2001:db8:5::11 (Contoso VM1) -- v1 vsid 5001 --+
#   NS_C e3 10.1.1.13, no mapping     (Contoso VM3) -- v3 vsid 5001 --+ NS1:
#   NS_G e6 2001:db8:6::11            (Contoso VM6) -- v6 vsid 5002 --+ sw0
#   NS_V e8 10.1.1.18, access VLAN 10  (Contoso VM8) -- v8 vsid 5001 --+
#   NS_T e7.20 10.1.1.17, trunk VLAN 20 (Contoso VM7) -- v7 vsid 5001 -+
#
#   NS1 u1 (dummy) 192.168.1.10: the switch's PA
#
#   vsid 5001: 10.1.1.0/24 and 2001:db8:5::/64, gateway 10.1.1.1
#   vsid 5002: 2001:db8:6::/64, gateway 2001:db8:6::1
#   mappings: 10.1.1.11 and 2001:db8:5::11 -> VM1 on PA1; 10.1.1.12 and
#   2001:db8:5::12 -> 02:00:00:00:50:12 on PA2 (a remote VM that is not
#   there: only the answer matters); 2001:db8:6::11 -> VM6 on PA1.
#   10.1.1.13 (VM3) has no mapping: VM3 answers for itself.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	nd_arp_mapped
	nd_arp_gateway
	nd_arp_local_unmapped
	nd_arp_unmapped
	nd_arp_vlan
	nd_arp_acl
	nd_ns_mapped
	nd_ns_gateway
	nd_ns_unmapped
	nd_ns_malformed
	nd_dad_not_answered
"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/vnet.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/vnet.sh"

PA1=192.168.1.10
PA2=192.168.2.20
MAC_A=02:00:00:00:50:11
MAC_A2=02:00:00:00:50:12
MAC_C=02:00:00:00:50:13
MAC_G=02:00:00:00:50:16
MAC_T=02:00:00:00:50:17
MAC_V=02:00:00:00:50:18
ROUTER_MAC=02:15:5d:ff:ff:fe
SENDFRAME="$(dirname "$0")/lib/sendframe.py"

# vm NS IFNAME PEER MAC ADDR...: a "VM" namespace on a veth to sw0
vm()
{
	local ns=$1 dev=$2 peer=$3 mac=$4 a
	shift 4

	ip -n "$NS1" link add "$peer" type veth peer name "$dev" netns "$ns" &&
	ip -n "$ns" link set "$dev" address "$mac" || return
	for a in "$@"; do
		case $a in
		*:*) ip -n "$ns" addr add "$a" dev "$dev" nodad ;;
		*) ip -n "$ns" addr add "$a" dev "$dev" ;;
		esac || return
	done
	ip -n "$ns" link set "$dev" up &&
	ip -n "$NS1" link set "$peer" up &&
	x port add sw0 dev "$peer"
}

setup()
{
	setup_ns NS1 NS_A NS_C NS_G NS_T NS_V || return 1
	ip -n "$NS1" link add sw0 type xswitch &&
	ip -n "$NS1" link set sw0 up &&
	ip -n "$NS1" link add u1 type dummy &&
	ip -n "$NS1" addr add "$PA1/24" dev u1 &&
	ip -n "$NS1" link set u1 up &&
	vm "$NS_A" e1 v1 "$MAC_A" 10.1.1.11/24 2001:db8:5::11/64 &&
	vm "$NS_C" e3 v3 "$MAC_C" 10.1.1.13/24 &&
	vm "$NS_G" e6 v6 "$MAC_G" 2001:db8:6::11/64 &&
	vm "$NS_V" e8 v8 "$MAC_V" 10.1.1.18/24 &&
	vm "$NS_T" e7 v7 "$MAC_T" || return 1
	ip -n "$NS_T" link add link e7 name e7.20 type vlan id 20 &&
	ip -n "$NS_T" addr add 10.1.1.17/24 dev e7.20 &&
	ip -n "$NS_T" link set e7.20 up &&
	x port set v8 vlan-mode access pvid 10 &&
	x port set v7 vlan-mode trunk vlans 20 || return 1

	x vnet add Contoso rdid 1 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 \
		prefix 2001:db8:5::/64 &&
	x vsubnet add 5002 vnet Contoso prefix 2001:db8:6::/64 \
		gateway 2001:db8:6::1 &&
	x pa add sw0 "$PA1" &&
	x port set v1 vsid 5001 ca 10.1.1.11 ca 2001:db8:5::11 &&
	x port set v3 vsid 5001 ca 10.1.1.13 &&
	x port set v6 vsid 5002 ca 2001:db8:6::11 &&
	x port set v7 vsid 5001 ca 10.1.1.17 &&
	x port set v8 vsid 5001 ca 10.1.1.18 &&
	x map add vsid 5001 ca 10.1.1.11 mac "$MAC_A" pa "$PA1" &&
	x map add vsid 5001 ca 2001:db8:5::11 mac "$MAC_A" pa "$PA1" &&
	x map add vsid 5001 ca 10.1.1.12 mac "$MAC_A2" pa "$PA2" &&
	x map add vsid 5001 ca 2001:db8:5::12 mac "$MAC_A2" pa "$PA2" &&
	x map add vsid 5002 ca 2001:db8:6::11 mac "$MAC_G" pa "$PA1"
}

# neigh NS DEV ADDR: the neighbour entry of ADDR as JSON, "null" if none
neigh()
{
	ip -n "$1" -j neigh show "$3" dev "$2" | jq -c '.[0]'
}

# lladdr_is NS DEV ADDR MAC: the neighbour entry of ADDR has MAC
lladdr_is()
{
	[ "$(neigh "$1" "$2" "$3" | jq -r '.lladdr')" = "$4" ]
}

# resolve NS DEV ADDR WANT: make NS resolve ADDR (one ping, whose echo
# nobody may answer) and wait (10 s) for the neighbour entry to hold WANT
resolve()
{
	local ns=$1 dev=$2 addr=$3 want=$4

	ip -n "$ns" neigh flush dev "$dev" to "$addr" 2>/dev/null
	ip netns exec "$ns" ping -q -c 1 -W 1 "$addr" >/dev/null 2>&1
	busywait 10000 lladdr_is "$ns" "$dev" "$addr" "$want"
}

# vm3_saw NAME ADDR: stop capture NAME of VM3's ARP and print how many
# requests for ADDR it holds, once VM3 has resolved VM1: a request flooded
# before that marker is in the capture by then.  "marker failed" if VM3
# could not resolve VM1.
vm3_saw()
{
	if ! resolve "$NS_C" e3 10.1.1.11 "$MAC_A" >/dev/null; then
		capture_stop "$1"
		echo "marker failed"
		return
	fi
	capture_stop "$1"
	captured "$1" "who-has $2"
}

nd_arp_mapped()
{
	capture "$NS_C" e3 arp c_mapped
	check_err $? "tcpdump did not start in VM3"
	resolve "$NS_A" e1 10.1.1.12 "$MAC_A2"
	check_err $? "VM1 did not learn the mapping's MAC for 10.1.1.12: $(neigh "$NS_A" e1 10.1.1.12)"
	[ "$(vm3_saw c_mapped 10.1.1.12)" = 0 ]
	check_err $? "VM1's answered request was flooded: $(cat "$TMPD/c_mapped.txt")"
	log_test "ARP for a mapped CA is answered with the mapping's MAC, not flooded"
}

nd_arp_gateway()
{
	resolve "$NS_A" e1 10.1.1.1 "$ROUTER_MAC"
	check_err $? "VM1's gateway 10.1.1.1 is $(neigh "$NS_A" e1 10.1.1.1), not the router's MAC"
	log_test "ARP for the gateway is answered with the router's MAC"
}

nd_arp_local_unmapped()
{
	resolve "$NS_A" e1 10.1.1.13 "$MAC_C"
	check_err $? "VM1 did not resolve VM3, which has no mapping: $(neigh "$NS_A" e1 10.1.1.13)"
	ip netns exec "$NS_A" ping -q -c 1 -W 2 10.1.1.13 >/dev/null
	check_err $? "VM1 cannot ping VM3"
	log_test "ARP for a local CA without a mapping goes to its VM, which answers"
}

# unanswered ADDR: VM1 asks for ADDR, gets no answer, and v1 counts the
# request as vnet-no-mapping; else says what went wrong
unanswered()
{
	local before

	before=$(drops v1 vnet-no-mapping)
	ip netns exec "$NS_A" ping -q -c 1 -W 1 "$1" >/dev/null 2>&1
	if ! drops_reach $((before + 1)) drops v1 vnet-no-mapping >/dev/null; then
		echo "vnet-no-mapping on v1: $(drops v1 vnet-no-mapping), want > $before"
		return 1
	fi
	if [ "$(neigh "$NS_A" e1 "$1" | jq -r '.lladdr')" != null ]; then
		echo "$1, which nothing maps, was answered: $(neigh "$NS_A" e1 "$1")"
		return 1
	fi
}

nd_arp_unmapped()
{
	local msg

	capture "$NS_C" e3 arp c_unmapped
	check_err $? "tcpdump did not start in VM3"
	msg=$(unanswered 10.1.1.66)
	check_err $? "$msg"
	[ "$(vm3_saw c_unmapped 10.1.1.66)" = 0 ]
	check_err $? "the unanswered request was flooded: $(cat "$TMPD/c_unmapped.txt")"
	log_test "ARP for an unmapped address is not answered, dropped as vnet-no-mapping"
}

nd_arp_vlan()
{
	resolve "$NS_V" e8 10.1.1.12 "$MAC_A2"
	check_err $? "VM8, on an access port of VLAN 10, got no untagged answer: $(neigh "$NS_V" e8 10.1.1.12)"
	resolve "$NS_T" e7.20 10.1.1.12 "$MAC_A2"
	check_err $? "VM7, tagged in VLAN 20 on a trunk port, got no answer in VLAN 20: $(neigh "$NS_T" e7.20 10.1.1.12)"
	log_test "the answer goes out in the request's VLAN, tagged as the port's mode says"
}

nd_arp_acl()
{
	local before

	before=$(drops v1 acl)
	x acl add dev v1 dir out action deny eth_type arp
	check_err $? "acl add failed"
	ip -n "$NS_A" neigh flush dev e1 to 10.1.1.12
	ip netns exec "$NS_A" ping -q -c 1 -W 1 10.1.1.12 >/dev/null 2>&1
	drops_reach $((before + 1)) drops v1 acl
	check_err $? "the answer did not meet v1's out ACL: acl drops $(drops v1 acl), want > $before"
	[ "$(neigh "$NS_A" e1 10.1.1.12 | jq -r '.lladdr')" = null ]
	check_err $? "an answer went past v1's out ACL, which denies ARP"
	x acl flush dev v1 dir out
	resolve "$NS_A" e1 10.1.1.12 "$MAC_A2"
	check_err $? "no answer once the ACL is flushed"
	log_test "the answer meets the asking port's out ACL, as any frame out of it"
}

nd_ns_mapped()
{
	resolve "$NS_A" e1 2001:db8:5::12 "$MAC_A2"
	check_err $? "VM1 did not learn the mapping's MAC for 2001:db8:5::12: $(neigh "$NS_A" e1 2001:db8:5::12)"
	neigh "$NS_A" e1 2001:db8:5::12 | jq -e 'has("router") | not' >/dev/null
	check_err $? "a VM's advertisement has the router flag"
	log_test "ND for a mapped IPv6 CA is answered with the mapping's MAC"
}

nd_ns_gateway()
{
	resolve "$NS_G" e6 2001:db8:6::1 "$ROUTER_MAC"
	check_err $? "VM6's gateway is $(neigh "$NS_G" e6 2001:db8:6::1), not the router's MAC"
	neigh "$NS_G" e6 2001:db8:6::1 | jq -e 'has("router")' >/dev/null
	check_err $? "the gateway's advertisement has no router flag: $(neigh "$NS_G" e6 2001:db8:6::1)"
	log_test "ND for an IPv6 gateway is answered with the router's MAC, as a router"
}

nd_ns_unmapped()
{
	local msg

	msg=$(unanswered 2001:db8:5::66)
	check_err $? "$msg"
	log_test "ND for an unmapped address is not answered, dropped as vnet-no-mapping"
}

nd_ns_malformed()
{
	local before nomap

	before=$(drops v1 vnet-malformed)
	nomap=$(drops v1 vnet-no-mapping)
	# RFC 4861: a solicitation that crossed a router (hop limit < 255).
	ip netns exec "$NS_A" python3 "$SENDFRAME" e1 --src "$MAC_A" \
		--dst 33:33:ff:00:00:12 ns6 2001:db8:5::11 ff02::1:ff00:12 \
		2001:db8:5::12 64
	check_err $? "sendframe.py failed"
	drops_reach $((before + 1)) drops v1 vnet-malformed
	check_err $? "vnet-malformed on v1: $(drops v1 vnet-malformed), want > $before"
	# The same, well formed, for an unmapped target: vnet-no-mapping.
	ip netns exec "$NS_A" python3 "$SENDFRAME" e1 --src "$MAC_A" \
		--dst 33:33:ff:00:00:66 ns6 2001:db8:5::11 ff02::1:ff00:66 \
		2001:db8:5::66
	drops_reach $((nomap + 1)) drops v1 vnet-no-mapping
	check_err $? "vnet-no-mapping on v1: $(drops v1 vnet-no-mapping), want > $nomap"
	[ "$(drops v1 vnet-malformed)" = $((before + 1)) ]
	check_err $? "the well-formed solicitation counted as malformed"
	log_test "a solicitation with hop limit 64 is dropped as vnet-malformed"
}

# dad_over NS DEV ADDR: duplicate address detection of ADDR has ended,
# one way or the other (a failed address stays tentative)
dad_over()
{
	ip -n "$1" -j addr show dev "$2" |
		jq -e --arg a "$3" '.[0].addr_info[] | select(.local == $a) |
			(has("tentative") | not) or has("dadfailed")' >/dev/null
}

nd_dad_not_answered()
{
	local info

	# 2001:db8:5::12 is mapped: an answer to DAD would make it dadfailed.
	ip -n "$NS_A" addr add 2001:db8:5::12/64 dev e1
	check_err $? "cannot add 2001:db8:5::12 to VM1"
	busywait 10000 dad_over "$NS_A" e1 2001:db8:5::12
	check_err $? "DAD of 2001:db8:5::12 did not end"
	info=$(ip -n "$NS_A" -j addr show dev e1 |
		jq -c '.[0].addr_info[] | select(.local == "2001:db8:5::12")')
	jq -e '(has("dadfailed") or has("tentative")) | not' <<<"$info" >/dev/null
	check_err $? "duplicate address detection was answered: $info"
	ip -n "$NS_A" addr del 2001:db8:5::12/64 dev e1
	log_test "duplicate address detection is never answered"
}

require_cmd xsw jq python3 tcpdump ping
require_module xswitch
TMPD=$(mktemp -d)
defer "rm -rf $TMPD"
if ! setup; then
	echo "FAIL: setup"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
