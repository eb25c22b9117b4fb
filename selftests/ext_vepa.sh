#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The "vepa" forwarding extension (kmod/ext/xsw_vepa.c, 802.1Qbg VEPA):
# with it attached, every frame from a VM goes out of the external port
# only, and the adjacent switch, in reflective relay ("hairpin") mode,
# sends back what is for another VM.  Without hairpin, VMs cannot reach
# each other; a reflected broadcast does not go back to the VM that sent
# it; a VM's MAC stays on its port when its frames come back reflected;
# frames from the uplink go by destination MAC.  Detached, the switch
# forwards VM to VM directly again.
#
#  +- $NS_A ------+  +- $NS_B ------+  +- $NS_ADJ: the adjacent switch --+
#  | e0 10.0.0.1  |  | e0 10.0.0.2  |  |  br0 (Linux bridge) 10.0.0.254  |
#  | $MAC_A       |  | $MAC_B       |  |  $MAC_ADJ                       |
#  +------|-------+  +------|-------+  |   up0: hairpin on or off;       |
#         | veth            | veth     |   tcpdump: what goes up         |
#         |                 |          +----|----------------------------+
#         |                 |               | veth
#  +------|-----------------|---------------|---- $NS_SW -+
#  |     vA (vm)           vB (vm)        uplink (external) |
#  |      +----------------- sw0 ----------+                |
#  |        forwarding: built-in, or vepa                   |
#  +--------------------------------------------------------+
#
# IPv6 is off and neighbour entries are permanent, so only the frames a
# test sends cross the switches.  A check that a frame did NOT arrive
# sends a marker frame after it along the same path and waits for that.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	direct_without_vepa
	vepa_sends_up
	vepa_no_hairpin
	vepa_broadcast
	vepa_from_uplink
	detach_direct_again
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/ext.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/ext.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_ADJ=02:00:00:00:00:ee
IP_A=10.0.0.1
IP_B=10.0.0.2
IP_ADJ=10.0.0.254
BCAST=ff:ff:ff:ff:ff:ff
ETH_MARK=0x88b6

setup()
{
	local ns

	setup_ns NS_SW NS_A NS_B NS_ADJ || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" "$NS_ADJ" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" "$IP_A/24" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" || return
	ip -n "$NS_SW" link set vA master sw0 || return
	ip -n "$NS_SW" link set vB master sw0 || return

	# The adjacent switch: a bridge without STP, whose host interface
	# br0 stands for the network beyond.
	ip -n "$NS_ADJ" link add br0 address "$MAC_ADJ" type bridge stp_state 0 ||
		return
	ip -n "$NS_SW" link add uplink type veth peer name up0 netns "$NS_ADJ" ||
		return
	ip -n "$NS_ADJ" link set up0 master br0 || return
	ip -n "$NS_ADJ" link set up0 up || return
	ip -n "$NS_ADJ" addr add "$IP_ADJ/24" dev br0 || return
	ip -n "$NS_ADJ" link set br0 up || return
	ip -n "$NS_SW" link set uplink up || return
	xsw -n "$NS_SW" port add sw0 dev uplink type external || return

	for ns in "$NS_A" "$NS_B"; do
		neigh "$ns" "$IP_A" "$MAC_A"
		neigh "$ns" "$IP_B" "$MAC_B"
		neigh "$ns" "$IP_ADJ" "$MAC_ADJ"
	done
	neigh "$NS_ADJ" "$IP_A" "$MAC_A" br0
	neigh "$NS_ADJ" "$IP_B" "$MAC_B" br0
}

# hairpin on|off: the adjacent bridge's reflective relay on up0.
hairpin()
{
	local got

	bridge -n "$NS_ADJ" link set dev up0 hairpin "$1" || return
	got=$(bridge -n "$NS_ADJ" -j -d link show dev up0 | jq -r '.[0].hairpin')
	[ "$got" = "$([ "$1" = on ] && echo true || echo false)" ]
}

# vepa on|off: attach or detach vepa on sw0.
vepa()
{
	if [ "$1" = on ]; then
		xsw_run -n "$NS_SW" ext attach sw0 vepa
	else
		xsw_run -n "$NS_SW" ext detach sw0 vepa
	fi
	[ "$rc" -eq 0 ] || echo "xsw ext ${1/on/attach} sw0 vepa: $err" >&2
	return "$rc"
}

# icmp_filter TYPE SRC DST: a pcap filter for ICMP echo requests
# (TYPE icmp-echo) or replies (icmp-echoreply) between two MACs.
icmp_filter()
{
	echo "icmp and icmp[icmptype] == $1 and ether src $2 and ether dst $3"
}

# up_marker: A sends a broadcast that goes up the uplink in every mode;
# waits until the adjacent switch got it, so everything A sent before it
# has got there too.
up_marker()
{
	send "$NS_A" e0 --src "$MAC_A" --dst "$BCAST" raw "$ETH_MARK"
	cap_wait adj 1 "ether proto $ETH_MARK"
}

# no_icmp_up WENT: A pings B three times, and none of the ICMP frames
# between them goes up the uplink (else: "N ICMP frames between A and B
# WENT").
no_icmp_up()
{
	local n

	cap_start adj "$NS_ADJ" up0
	check_err $? "tcpdump did not start"
	ip netns exec "$NS_A" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_B" >/dev/null
	check_err $? "ping -c 3 A -> B lost replies"
	up_marker
	check_err $? "the adjacent switch did not get A's broadcast"
	cap_stop adj
	n=$(cap_count adj "icmp")
	[ "$n" = 0 ]
	check_err $? "$n ICMP frames between A and B $1"
}

direct_without_vepa()
{
	RET=0
	hairpin off
	check_err $? "cannot turn hairpin off on up0"
	ping_ok "$NS_A" "$IP_B"		# learn A and B: no flooding after
	check_err $? "A cannot ping B"

	no_icmp_up "went up the uplink"
	fdb_is "$NS_SW" sw0 "$MAC_A" vA
	check_err $? "A's MAC is not on vA"

	log_test "without vepa, VMs talk directly"
}

vepa_sends_up()
{
	local n

	RET=0
	hairpin on
	check_err $? "cannot turn hairpin on on up0"
	vepa on
	check_err $? "cannot attach vepa"

	cap_start adj "$NS_ADJ" up0
	check_err $? "tcpdump did not start"
	ip netns exec "$NS_A" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_B" >/dev/null
	check_err $? "ping -c 3 A -> B through the hairpin lost replies"
	cap_wait adj 6 icmp
	check_err $? "the adjacent switch did not see the 6 ICMP frames"
	cap_stop adj
	n=$(cap_count adj "$(icmp_filter icmp-echo "$MAC_A" "$MAC_B")")
	[ "$n" = 3 ]
	check_err $? "the adjacent switch saw $n of A's 3 echo requests to B"
	n=$(cap_count adj "$(icmp_filter icmp-echoreply "$MAC_B" "$MAC_A")")
	[ "$n" = 3 ]
	check_err $? "the adjacent switch saw $n of B's 3 echo replies to A"

	# Reflected frames come back up the uplink with A's and B's source
	# MACs; they must not move those MACs there.
	fdb_is "$NS_SW" sw0 "$MAC_A" vA
	check_err $? "A's MAC is on '$(fdb_port "$NS_SW" sw0 "$MAC_A")', not vA"
	fdb_is "$NS_SW" sw0 "$MAC_B" vB
	check_err $? "B's MAC is on '$(fdb_port "$NS_SW" sw0 "$MAC_B")', not vB"

	log_test "vepa: VM to VM goes through the adjacent switch (hairpin)"
}

vepa_no_hairpin()
{
	local n

	RET=0
	hairpin off
	check_err $? "cannot turn hairpin off on up0"
	cap_start adj "$NS_ADJ" up0
	check_err $? "tcpdump did not start"
	ping_fails "$NS_A" "$IP_B"
	check_err $? "A reached B with vepa and no hairpin"
	up_marker
	check_err $? "the adjacent switch did not get A's broadcast"
	cap_stop adj
	n=$(cap_count adj "$(icmp_filter icmp-echo "$MAC_A" "$MAC_B")")
	[ "$n" = 1 ]
	check_err $? "the adjacent switch saw $n echo requests from A to B, expected 1"

	log_test "vepa without hairpin: VMs cannot reach each other"
}

vepa_broadcast()
{
	local n

	RET=0
	hairpin on
	check_err $? "cannot turn hairpin on on up0"
	cap_start a "$NS_A" e0 && cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"

	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST and ether src $MAC_A"
	check_err $? "B did not get A's broadcast"
	# The marker: B to A, up and back down the same way.
	send "$NS_B" e0 --src "$MAC_B" --dst "$MAC_A" raw "$ETH_MARK"
	cap_wait a 1 "ether proto $ETH_MARK"
	check_err $? "A did not get B's frame through the hairpin"
	cap_stop a b

	n=$(cap_count a "ether proto $ETH_TEST")
	[ "$n" = 0 ]
	check_err $? "A got its own broadcast back $n times"
	n=$(cap_count b "ether proto $ETH_TEST")
	[ "$n" = 1 ]
	check_err $? "B got A's broadcast $n times, expected once (reflected, not also direct)"

	log_test "vepa: a reflected broadcast does not go back to its sender"
}

vepa_from_uplink()
{
	local n

	RET=0
	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	ping_ok "$NS_ADJ" "$IP_A"
	check_err $? "the adjacent host cannot ping A"
	send "$NS_ADJ" br0 --src "$MAC_ADJ" --dst "$BCAST" raw "$ETH_MARK"
	cap_wait b 1 "ether proto $ETH_MARK"
	check_err $? "B did not get the adjacent host's broadcast"
	cap_stop b
	n=$(cap_count b "icmp")
	[ "$n" = 0 ]
	check_err $? "B got $n ICMP frames between the adjacent host and A"

	log_test "vepa: frames from the uplink go by destination MAC"
}

detach_direct_again()
{
	RET=0
	vepa off
	check_err $? "cannot detach vepa"
	hairpin off
	check_err $? "cannot turn hairpin off on up0"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after vepa was detached"

	no_icmp_up "still went up the uplink"

	log_test "vepa detached: VMs talk directly again"
}

l2_require
require_cmd bridge
require_module xsw_vepa
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
