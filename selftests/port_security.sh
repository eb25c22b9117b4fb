#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Port security, as Hyper-V's vSwitch does it: with MAC spoofing off (the
# default on vm ports) the first source MAC a port sends sticks and frames
# from any other are dropped ("spoofed-mac") until the port's MAC is set or
# forgotten, or spoofing is allowed; DHCP guard drops DHCP and DHCPv6
# server messages ("dhcp-guard"); router guard drops router advertisements
# and ICMPv4/ICMPv6 redirects ("router-guard"); isolated ports cannot
# reach each other ("isolated") but reach everyone else.
#
#  +- $NS_A ---------------+  +- $NS_B -------+  +- $NS_C -------+
#  | e0 10.0.0.1           |  | e0 10.0.0.2   |  | e0 10.0.0.3   |
#  | $MAC_A, changed to    |  | $MAC_B        |  | $MAC_C        |
#  | $MAC_NEW1, $MAC_NEW2  |  |               |  |               |
#  | sends DHCP server     |  | tcpdump:      |  | tcpdump:      |
#  | replies, RAs,         |  | what gets     |  | what gets     |
#  | redirects             |  | through       |  | through       |
#  +---------|-------------+  +------|--------+  +------|--------+
#  +---------|-----------------------|------------------|-- $NS_SW -+
#  |        vA                      vB                 vC           |
#  |         +------------------- sw0 ---------------------+        |
#  +----------------------------------------------------------------+
#
# IPv6 is off in the namespaces (the IPv6 frames are built by
# lib/sendframe.py) and neighbour entries are permanent, so drop counters
# can be checked exactly.  Settings and counters come from "xsw -j".

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	defaults
	first_mac_sticks
	spoofed_mac_dropped
	port_set_mac
	port_forget_mac
	mac_spoofing_on
	dhcp_guard
	dhcpv6_guard
	router_guard
	isolated
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_C=02:00:00:00:00:0c
MAC_NEW1=02:00:00:00:0a:01
MAC_NEW2=02:00:00:00:0a:02
IP_A=10.0.0.1
IP_B=10.0.0.2
IP_C=10.0.0.3
BCAST=ff:ff:ff:ff:ff:ff

setup()
{
	local ns p

	setup_ns NS_SW NS_A NS_B NS_C || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" "$NS_C" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" "$IP_A/24" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" || return
	vm_add "$NS_SW" vC "$NS_C" "$MAC_C" "$IP_C/24" || return
	for ns in "$NS_A" "$NS_B" "$NS_C"; do
		neigh "$ns" "$IP_A" "$MAC_A"
		neigh "$ns" "$IP_B" "$MAC_B"
		neigh "$ns" "$IP_C" "$MAC_C"
	done
	for p in vA vB vC; do
		ip -n "$NS_SW" link set "$p" master sw0 || return
	done
}

# a_mac MAC: give A's e0 a new MAC and tell B and C about it.  (A MAC
# change flushes A's neighbour table, permanent entries too: put them back,
# or A would ARP, with frames the tests do not expect.)
a_mac()
{
	ip -n "$NS_A" link set e0 address "$1" &&
		neigh "$NS_A" "$IP_B" "$MAC_B" &&
		neigh "$NS_A" "$IP_C" "$MAC_C" &&
		neigh "$NS_B" "$IP_A" "$1" &&
		neigh "$NS_C" "$IP_A" "$1"
}

defaults()
{
	local v

	RET=0
	v=$(port_get "$NS_SW" vA '| "\(.mac) \(.mac_spoofing) \(.dhcp_guard) \(.router_guard) \(.isolated) \(.learn_limit)"')
	[ "$v" = "null false false false false 1024" ]
	check_err $? "vA before any traffic: '$v', expected 'null false false false false 1024'"
	v=$(port_get "$NS_SW" sw0 '| "\(.type) \(.mac_spoofing)"')
	[ "$v" = "host true" ]
	check_err $? "sw0 (host port): '$v', expected 'host true'"

	log_test "defaults: vm ports may not spoof, no guards, not isolated"
}

first_mac_sticks()
{
	local m

	RET=0
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"
	m=$(port_get "$NS_SW" vA .mac)
	[ "$m" = "$MAC_A" ]
	check_err $? "vA: mac '$m' after A sent, expected $MAC_A"

	log_test "the first source MAC a vm port sends becomes its MAC"
}

spoofed_mac_dropped()
{
	local s0 s1 m

	RET=0
	s0=$(port_drop "$NS_SW" vA spoofed-mac)
	a_mac "$MAC_NEW1"
	check_err $? "cannot change A's MAC"

	ip netns exec "$NS_A" ping -n -q -c 2 -i 0.2 -W 1 "$IP_B" >/dev/null
	check_fail $? "A pinged B with a MAC other than its port's"
	s1=$(port_drop_wait "$NS_SW" vA spoofed-mac $((s0 + 2)))
	[ "$s1" -eq $((s0 + 2)) ]
	check_err $? "vA spoofed-mac drops $s0 -> $s1, expected +2"
	m=$(port_get "$NS_SW" vA .mac)
	[ "$m" = "$MAC_A" ]
	check_err $? "vA: mac changed to '$m'"
	fdb_gone "$NS_SW" sw0 "$MAC_NEW1"
	check_err $? "the spoofed MAC was learned"

	log_test "frames from another MAC are dropped (spoofed-mac)"
}

port_set_mac()
{
	local m

	RET=0
	xsw_run -n "$NS_SW" port set vA mac "$MAC_NEW1"
	check_err "$rc" "xsw port set vA mac $MAC_NEW1: $err"
	m=$(port_get "$NS_SW" vA .mac)
	[ "$m" = "$MAC_NEW1" ]
	check_err $? "vA: mac '$m', expected $MAC_NEW1"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B with the MAC set on its port"

	xsw_run -n "$NS_SW" port set vA mac 01:00:5e:00:00:01
	[ "$rc" -ne 0 ]
	check_err $? "a multicast port MAC was accepted"

	log_test "xsw port set mac makes a new MAC work"
}

port_forget_mac()
{
	local m s0 s1

	RET=0
	a_mac "$MAC_A"
	s0=$(port_drop "$NS_SW" vA spoofed-mac)
	ping_fails "$NS_A" "$IP_B"
	check_err $? "A pinged B with its old MAC while the port has $MAC_NEW1"
	s1=$(port_drop_wait "$NS_SW" vA spoofed-mac $((s0 + 1)))
	[ "$s1" -eq $((s0 + 1)) ]
	check_err $? "vA spoofed-mac drops $s0 -> $s1, expected +1 (A's echo from its old MAC)"

	xsw_run -n "$NS_SW" port set vA mac none
	check_err "$rc" "xsw port set vA mac none: $err"
	m=$(port_get "$NS_SW" vA .mac)
	[ "$m" = null ]
	check_err $? "vA: mac '$m' after mac none, expected null"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after its port forgot its MAC"
	m=$(port_get "$NS_SW" vA .mac)
	[ "$m" = "$MAC_A" ]
	check_err $? "vA: mac '$m' after A sent again, expected $MAC_A"

	log_test "xsw port set mac none forgets; the next MAC sticks"
}

mac_spoofing_on()
{
	local s0 s1

	RET=0
	xsw_run -n "$NS_SW" port set vA mac-spoofing on
	check_err "$rc" "xsw port set vA mac-spoofing on: $err"
	[ "$(port_get "$NS_SW" vA .mac_spoofing)" = true ]
	check_err $? "vA: mac_spoofing is not true"
	s0=$(port_drop "$NS_SW" vA spoofed-mac)

	a_mac "$MAC_NEW2"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B from another MAC with mac-spoofing on"
	send_test "$NS_A" e0 02:00:00:00:0a:03 "$BCAST"
	busywait 30000 fdb_is "$NS_SW" sw0 02:00:00:00:0a:03 vA
	check_err $? "a third MAC from A was not learned on vA"
	s1=$(port_drop "$NS_SW" vA spoofed-mac)
	[ "$s1" -eq "$s0" ]
	check_err $? "vA spoofed-mac drops $s0 -> $s1 with mac-spoofing on"

	a_mac "$MAC_A"
	xsw_run -n "$NS_SW" port set vA mac-spoofing off
	check_err "$rc" "xsw port set vA mac-spoofing off: $err"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B with its own MAC after mac-spoofing off"
	a_mac "$MAC_NEW2"
	s0=$(port_drop "$NS_SW" vA spoofed-mac)
	ping_fails "$NS_A" "$IP_B"
	check_err $? "mac-spoofing off again, but another MAC still passes"
	s1=$(port_drop_wait "$NS_SW" vA spoofed-mac $((s0 + 1)))
	[ "$s1" -eq $((s0 + 1)) ]
	check_err $? "mac-spoofing off again: vA spoofed-mac drops $s0 -> $s1, expected +1"
	a_mac "$MAC_A"

	log_test "mac-spoofing on lets any MAC through"
}

dhcp_guard()
{
	local g0 g1 n

	RET=0
	xsw_run -n "$NS_SW" port set vA dhcp-guard on
	check_err "$rc" "xsw port set vA dhcp-guard on: $err"
	[ "$(port_get "$NS_SW" vA .dhcp_guard)" = true ]
	check_err $? "vA: dhcp_guard is not true"
	g0=$(port_drop "$NS_SW" vA dhcp-guard)

	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	# A server's reply, a client's request, then the marker.
	send "$NS_A" e0 --src "$MAC_A" --dst "$BCAST" udp4 "$IP_A" 255.255.255.255 67 68
	send "$NS_A" e0 --src "$MAC_A" --dst "$BCAST" udp4 0.0.0.0 255.255.255.255 68 67
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST"
	check_err $? "B did not get the marker"
	cap_stop b
	n=$(cap_count b "udp src port 67")
	[ "$n" -eq 0 ]
	check_err $? "B got $n DHCP server messages from a dhcp-guarded port"
	n=$(cap_count b "udp src port 68 and udp dst port 67")
	[ "$n" -eq 1 ]
	check_err $? "B got $n DHCP client requests, expected 1 (the guard drops servers only)"
	g1=$(port_drop_wait "$NS_SW" vA dhcp-guard $((g0 + 1)))
	[ "$g1" -eq $((g0 + 1)) ]
	check_err $? "vA dhcp-guard drops $g0 -> $g1, expected +1"

	xsw_run -n "$NS_SW" port set vA dhcp-guard off
	check_err "$rc" "xsw port set vA dhcp-guard off: $err"
	cap_start b "$NS_B" e0
	send "$NS_A" e0 --src "$MAC_A" --dst "$BCAST" udp4 "$IP_A" 255.255.255.255 67 68
	cap_wait b 1 "udp src port 67"
	check_err $? "with dhcp-guard off, B did not get the DHCP server message"
	cap_stop b
	g1=$(port_drop "$NS_SW" vA dhcp-guard)
	[ "$g1" -eq $((g0 + 1)) ]
	check_err $? "vA dhcp-guard drops moved with the guard off"

	log_test "dhcp-guard drops DHCP server messages (dhcp-guard)"
}

dhcpv6_guard()
{
	local g0 g1 n dst=33:33:00:01:00:02

	RET=0
	xsw_run -n "$NS_SW" port set vA dhcp-guard on
	check_err "$rc" "xsw port set vA dhcp-guard on: $err"
	g0=$(port_drop "$NS_SW" vA dhcp-guard)

	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	send "$NS_A" e0 --src "$MAC_A" --dst "$dst" udp6 fe80::a ff02::1:2 547 546
	send "$NS_A" e0 --src "$MAC_A" --dst "$dst" udp6 fe80::a ff02::1:2 546 547
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST"
	check_err $? "B did not get the marker"
	cap_stop b
	n=$(cap_count b "ip6 and udp src port 547")
	[ "$n" -eq 0 ]
	check_err $? "B got $n DHCPv6 server messages from a dhcp-guarded port"
	n=$(cap_count b "ip6 and udp src port 546")
	[ "$n" -eq 1 ]
	check_err $? "B got $n DHCPv6 client messages, expected 1"
	g1=$(port_drop_wait "$NS_SW" vA dhcp-guard $((g0 + 1)))
	[ "$g1" -eq $((g0 + 1)) ]
	check_err $? "vA dhcp-guard drops $g0 -> $g1, expected +1"

	xsw_run -n "$NS_SW" port set vA dhcp-guard off
	cap_start b "$NS_B" e0
	send "$NS_A" e0 --src "$MAC_A" --dst "$dst" udp6 fe80::a ff02::1:2 547 546
	cap_wait b 1 "ip6 and udp src port 547"
	check_err $? "with dhcp-guard off, B did not get the DHCPv6 server message"
	cap_stop b

	log_test "dhcp-guard drops DHCPv6 server messages (dhcp-guard)"
}

router_guard()
{
	local r0 r1 n

	RET=0
	ping_ok "$NS_B" "$IP_A"		# B's MAC in the FDB
	xsw_run -n "$NS_SW" port set vA router-guard on
	check_err "$rc" "xsw port set vA router-guard on: $err"
	[ "$(port_get "$NS_SW" vA .router_guard)" = true ]
	check_err $? "vA: router_guard is not true"
	r0=$(port_drop "$NS_SW" vA router-guard)

	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	# Refused: RA, ICMPv6 redirect, ICMPv4 redirect.
	send "$NS_A" e0 --src "$MAC_A" --dst 33:33:00:00:00:01 icmp6 fe80::a ff02::1 134 0
	send "$NS_A" e0 --src "$MAC_A" --dst "$MAC_B" icmp6 fe80::a fe80::b 137 0
	send "$NS_A" e0 --src "$MAC_A" --dst "$MAC_B" icmp4 "$IP_A" "$IP_B" 5 1
	# Allowed: a router solicitation, an ICMPv6 echo, then the marker.
	send "$NS_A" e0 --src "$MAC_A" --dst 33:33:00:00:00:02 icmp6 fe80::a ff02::2 133 0
	send "$NS_A" e0 --src "$MAC_A" --dst "$MAC_B" icmp6 fe80::a fe80::b 128 0
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST"
	check_err $? "B did not get the marker"
	cap_stop b
	n=$(cap_count b "ip6 and ip6[40] = 134")
	[ "$n" -eq 0 ]
	check_err $? "B got $n router advertisements"
	n=$(cap_count b "ip6 and ip6[40] = 137")
	[ "$n" -eq 0 ]
	check_err $? "B got $n ICMPv6 redirects"
	n=$(cap_count b "icmp[icmptype] = icmp-redirect")
	[ "$n" -eq 0 ]
	check_err $? "B got $n ICMPv4 redirects"
	n=$(cap_count b "ip6 and (ip6[40] = 133 or ip6[40] = 128)")
	[ "$n" -eq 2 ]
	check_err $? "B got $n of the router solicitation and ICMPv6 echo, expected 2"
	r1=$(port_drop_wait "$NS_SW" vA router-guard $((r0 + 3)))
	[ "$r1" -eq $((r0 + 3)) ]
	check_err $? "vA router-guard drops $r0 -> $r1, expected +3"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "router-guard blocks a normal ping"

	xsw_run -n "$NS_SW" port set vA router-guard off
	check_err "$rc" "xsw port set vA router-guard off: $err"
	cap_start b "$NS_B" e0
	send "$NS_A" e0 --src "$MAC_A" --dst 33:33:00:00:00:01 icmp6 fe80::a ff02::1 134 0
	send "$NS_A" e0 --src "$MAC_A" --dst "$MAC_B" icmp4 "$IP_A" "$IP_B" 5 1
	cap_wait b 1 "ip6 and ip6[40] = 134"
	check_err $? "with router-guard off, B did not get the RA"
	cap_wait b 1 "icmp[icmptype] = icmp-redirect"
	check_err $? "with router-guard off, B did not get the ICMPv4 redirect"
	cap_stop b
	r1=$(port_drop "$NS_SW" vA router-guard)
	[ "$r1" -eq $((r0 + 3)) ]
	check_err $? "vA router-guard drops moved with the guard off"

	log_test "router-guard drops RAs and redirects (router-guard)"
}

isolated()
{
	local i0 i1 n

	RET=0
	ping_ok "$NS_A" "$IP_B" && ping_ok "$NS_A" "$IP_C" && ping_ok "$NS_B" "$IP_C"
	check_err $? "A, B and C cannot all ping each other before isolation"

	xsw_run -n "$NS_SW" port set vA isolated on
	check_err "$rc" "xsw port set vA isolated on: $err"
	xsw_run -n "$NS_SW" port set vB isolated on
	check_err "$rc" "xsw port set vB isolated on: $err"
	[ "$(port_get "$NS_SW" vA .isolated) $(port_get "$NS_SW" vC .isolated)" = "true false" ]
	check_err $? "isolated flags: vA should be true, vC false"

	i0=$(port_drop "$NS_SW" vA isolated)
	ip netns exec "$NS_A" ping -n -q -c 2 -i 0.2 -W 1 "$IP_B" >/dev/null
	check_fail $? "isolated A pinged isolated B"
	i1=$(port_drop_wait "$NS_SW" vA isolated $((i0 + 2)))
	[ "$i1" -eq $((i0 + 2)) ]
	check_err $? "vA isolated drops $i0 -> $i1, expected +2"
	i0=$(port_drop "$NS_SW" vB isolated)
	ping_fails "$NS_B" "$IP_A"
	check_err $? "isolated B pinged isolated A"
	i1=$(port_drop_wait "$NS_SW" vB isolated $((i0 + 1)))
	[ "$i1" -eq $((i0 + 1)) ]
	check_err $? "vB isolated drops $i0 -> $i1, expected +1"

	ping_ok "$NS_A" "$IP_C"
	check_err $? "isolated A cannot ping C (not isolated)"
	ping_ok "$NS_B" "$IP_C"
	check_err $? "isolated B cannot ping C (not isolated)"

	# A broadcast from A reaches C but not B.
	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait c 1 "ether proto $ETH_TEST"
	check_err $? "C did not get isolated A's broadcast"
	cap_stop b c
	n=$(cap_count b "ether proto $ETH_TEST")
	[ "$n" -eq 0 ]
	check_err $? "isolated B got isolated A's broadcast"

	xsw_run -n "$NS_SW" port set vA isolated off
	xsw_run -n "$NS_SW" port set vB isolated off
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after isolation is off"

	log_test "isolated ports reach everyone but each other (isolated)"
}

l2_require
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
