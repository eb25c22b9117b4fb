#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# How ports come and go: devices that cannot be ports are refused with a
# message naming why; a port leaves cleanly with "ip link set nomaster",
# "xsw port del", when its lower device is deleted (under traffic) or moved
# to another namespace, and when the namespace holding the switch goes;
# internal ports are created and deleted by xsw, and stay ports when moved
# to a container; the carrier follows the VM's link; the switch MTU
# follows the smallest port MTU and oversize frames are dropped ("mtu");
# "ethtool -S" on internal ports and the switch shows the drop counters.
#
#  +- $NS_A -----+  +- $NS_B -----+  +- $NS_C -----+  +- $NS_J -----+  +- $NS_K ----+
#  | e0 10.0.0.1 |  | e0 10.0.0.2 |  | e0 10.0.0.3 |  | e0 10.0.2.1 |  | e0 10.0.2.2|
#  |             |  |             |  |             |  | mtu 9000    |  | mtu 1500   |
#  +-----|-------+  +-----|-------+  +-----|-------+  +-----|-------+  +-----|------+
#  +-----|----------------|----------------|-- $NS_SW ------|----------------|------+
#  |    vA               vB               vC               vJ               vK      |
#  |     +----------- sw0 ---------------+                  +------ sw2 ----+       |
#  |     | h1, h3 (internal)   h2 (internal) -> moved to $NS_H                      |
#  |                                                                              |
#  |  sw1 -- pX (veth pX/pY)    refused: lo, sw0, sw1, pX, d0 (in bridge br0),    |
#  |                            d1 (in bond0), e2 (2nd external), t0 (tun),       |
#  |                            i0 (ipip)                                         |
#  +------------------------------------------------------------------------------+
#
#  +- $NS_T (deleted whole) -------------+  +- $NS_V -----+
#  | sw9 -- vV ------------------------- veth --- e0      |
#  |     -- t1 (internal) 10.0.9.254     |  | 10.0.9.1    |
#  +-------------------------------------+  +-------------+
#
# IPv6 is off and neighbour entries are permanent.  Ports are read from
# "xsw -j port show", devices from "ip -j link"; the kernel log is checked
# for warnings after the disruptive tests (run.sh checks it again at the
# end).

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	refuse_loopback
	refuse_switch
	refuse_other_switch_port
	refuse_bridge_port
	refuse_bond_slave
	refuse_second_external
	refuse_non_ethernet
	refuse_host_port_del
	nomaster_detaches
	xsw_port_del_detaches
	del_switch_frees_ports
	del_lower_under_traffic
	move_lower_to_netns
	internal_port_add_del
	internal_port_in_container
	carrier_follows_vm
	switch_mtu_follows_ports
	oversize_dropped
	ethtool_stats
	internal_port_mac_follows
	delete_netns_with_switch
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_C=02:00:00:00:00:0c
MAC_J=02:00:00:00:00:1a
MAC_K=02:00:00:00:00:1b
IP_A=10.0.0.1
IP_B=10.0.0.2
IP_C=10.0.0.3

setup()
{
	local ns

	setup_ns NS_SW NS_A NS_B NS_C NS_J NS_K || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" "$NS_C" "$NS_J" "$NS_K" || return
	ip -n "$NS_SW" link add sw0 type xswitch &&
		ip -n "$NS_SW" link set sw0 up || return
	ip -n "$NS_SW" link add sw1 type xswitch || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" "$IP_A/24" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" || return
	vm_add "$NS_SW" vC "$NS_C" "$MAC_C" "$IP_C/24" || return
	for ns in "$NS_A" "$NS_B" "$NS_C"; do
		neigh "$ns" "$IP_A" "$MAC_A"
		neigh "$ns" "$IP_B" "$MAC_B"
		neigh "$ns" "$IP_C" "$MAC_C"
	done
	ip -n "$NS_SW" link set vA master sw0 &&
		ip -n "$NS_SW" link set vB master sw0 &&
		ip -n "$NS_SW" link set vC master sw0
}

# not_a_port DEV: xsw lists no port DEV in $NS_SW.
not_a_port()
{
	! port_exists "$NS_SW" "$1"
}

refuse_loopback()
{
	RET=0
	xsw_run -n "$NS_SW" port add sw0 dev lo
	check_refused "xsw port add sw0 dev lo" "loopback"
	not_a_port lo
	check_err $? "lo became a port"

	out=$(ip -n "$NS_SW" link set lo master sw0 2>&1)
	check_fail $? "ip link set lo master sw0 succeeded"
	grep -q "loopback" <<<"$out"
	check_err $? "ip link set lo master sw0: '$out' does not name the problem"

	log_test "the loopback device is refused"
}

refuse_switch()
{
	RET=0
	xsw_run -n "$NS_SW" port add sw0 dev sw0
	check_refused "xsw port add sw0 dev sw0" "itself"
	xsw_run -n "$NS_SW" port add sw0 dev sw1
	check_refused "xsw port add sw0 dev sw1" "switch cannot be a port"
	[ "$(link_get "$NS_SW" sw1 '.master // "none"')" = none ]
	check_err $? "sw1 got a master"

	log_test "a switch cannot be a port of itself or of another switch"
}

refuse_other_switch_port()
{
	local m

	RET=0
	ip -n "$NS_SW" link add pX type veth peer name pY &&
		ip -n "$NS_SW" link set pX master sw1
	check_err $? "cannot make pX a port of sw1"
	xsw_run -n "$NS_SW" port add sw0 dev pX
	check_refused "xsw port add sw0 dev pX (a port of sw1)" "already a port"
	m=$(port_get "$NS_SW" pX .switch)
	[ "$m" = sw1 ]
	check_err $? "pX: switch '$m', expected sw1 still"

	log_test "a port of another switch is refused"
}

refuse_bridge_port()
{
	RET=0
	ip -n "$NS_SW" link add br0 type bridge &&
		ip -n "$NS_SW" link add d0 type dummy &&
		ip -n "$NS_SW" link set d0 master br0
	check_err $? "cannot make d0 a bridge port"
	xsw_run -n "$NS_SW" port add sw0 dev d0
	check_refused "xsw port add sw0 dev d0 (a bridge port)" "bridge port"
	not_a_port d0
	check_err $? "d0 became a port"
	[ "$(link_get "$NS_SW" d0 .master)" = br0 ]
	check_err $? "d0 is no longer in br0"
	ip -n "$NS_SW" link del br0

	log_test "a bridge port is refused"
}

refuse_bond_slave()
{
	RET=0
	if ! ip -n "$NS_SW" link add bond0 type bond 2>/dev/null; then
		log_test_skip "a bond slave is refused" "no bonding"
		return
	fi
	ip -n "$NS_SW" link add d1 type dummy &&
		ip -n "$NS_SW" link set d1 master bond0
	check_err $? "cannot enslave d1 to bond0"
	xsw_run -n "$NS_SW" port add sw0 dev d1
	check_refused "xsw port add sw0 dev d1 (a bond slave)" "bond"
	not_a_port d1
	check_err $? "d1 became a port"
	ip -n "$NS_SW" link del bond0
	ip -n "$NS_SW" link del d1

	log_test "a bond slave is refused"
}

refuse_second_external()
{
	local t

	RET=0
	ip -n "$NS_SW" link add e1 type dummy &&
		ip -n "$NS_SW" link add e2 type dummy
	check_err $? "cannot add dummies"
	xsw_run -n "$NS_SW" port add sw0 dev e1 type external
	check_err "$rc" "xsw port add sw0 dev e1 type external: $err"
	t=$(port_get "$NS_SW" e1 '| "\(.type) \(.mac_spoofing)"')
	[ "$t" = "external true" ]
	check_err $? "e1: '$t', expected 'external true' (external ports may carry many MACs)"
	xsw_run -n "$NS_SW" port add sw0 dev e2 type external
	check_refused "xsw port add sw0 dev e2 type external (second)" "external port"
	not_a_port e2
	check_err $? "e2 became a port"

	# Once the first is gone, another may come.
	xsw_run -n "$NS_SW" port del e1
	check_err "$rc" "xsw port del e1: $err"
	xsw_run -n "$NS_SW" port add sw0 dev e2 type external
	check_err "$rc" "xsw port add sw0 dev e2 type external after e1 left: $err"
	ip -n "$NS_SW" link del e1
	ip -n "$NS_SW" link del e2

	log_test "a second external port is refused"
}

refuse_non_ethernet()
{
	local tried=0

	RET=0
	modprobe -q tun 2>/dev/null
	if ip -n "$NS_SW" tuntap add dev t0 mode tun 2>/dev/null; then
		tried=$((tried + 1))
		xsw_run -n "$NS_SW" port add sw0 dev t0
		check_refused "xsw port add sw0 dev t0 (tun, L3)" "Ethernet"
		not_a_port t0
		check_err $? "t0 became a port"
		out=$(ip -n "$NS_SW" link set t0 master sw0 2>&1)
		check_fail $? "ip link set t0 master sw0 succeeded"
		grep -q "Ethernet" <<<"$out"
		check_err $? "ip link set t0 master sw0: '$out' does not name the problem"
		ip -n "$NS_SW" tuntap del dev t0 mode tun
	fi
	if ip -n "$NS_SW" link add i0 type ipip local 10.9.9.1 remote 10.9.9.2 2>/dev/null; then
		tried=$((tried + 1))
		xsw_run -n "$NS_SW" port add sw0 dev i0
		check_refused "xsw port add sw0 dev i0 (ipip)" "Ethernet"
		not_a_port i0
		check_err $? "i0 became a port"
		ip -n "$NS_SW" link del i0
	fi

	if [ "$tried" -eq 0 ]; then
		log_test_skip "a non-Ethernet device is refused" "neither tun nor ipip"
		return
	fi
	log_test "a non-Ethernet device is refused"
}

refuse_host_port_del()
{
	RET=0
	xsw_run -n "$NS_SW" port del sw0
	check_refused "xsw port del sw0 (the host port)" "host port"
	[ "$(port_get "$NS_SW" sw0 .type)" = host ]
	check_err $? "the host port sw0 is gone"

	xsw_run -n "$NS_SW" port del vA-nosuch
	[ "$rc" -eq 1 ]
	check_err $? "xsw port del of a missing device: exit $rc"

	log_test "the host port cannot be deleted on its own"
}

# a_cannot_reach_b: A pings B, and no echo request gets to B: C then
# sends B a frame, and once B has it, B would have had the echo.  Prints
# why it failed.
a_cannot_reach_b()
{
	local n

	cap_start b "$NS_B" e0 || { echo "tcpdump did not start"; return 1; }
	ping_fails "$NS_A" "$IP_B" || {
		cap_stop b
		echo "A's echo to B was answered"
		return 1
	}
	send_test "$NS_C" e0 "$MAC_C" "$MAC_B"
	cap_wait b 1 "ether proto $ETH_TEST" || {
		cap_stop b
		echo "B did not get C's frame after A's echo"
		return 1
	}
	cap_stop b
	n=$(cap_count b icmp)
	[ "$n" -eq 0 ] || { echo "B got $n of A's echo requests"; return 1; }
}

nomaster_detaches()
{
	local m r

	RET=0
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"
	ip -n "$NS_SW" link set vA nomaster
	check_err $? "ip link set vA nomaster failed"
	not_a_port vA
	check_err $? "vA is still a port after nomaster"
	m=$(link_get "$NS_SW" vA '.master // "none"')
	[ "$m" = none ]
	check_err $? "vA still has master '$m'"
	fdb_gone "$NS_SW" sw0 "$MAC_A"
	check_err $? "A's FDB entry outlived its port"
	r=$(a_cannot_reach_b)
	check_err $? "A still reaches B after its port left: $r"

	ip -n "$NS_SW" link set vA master sw0
	check_err $? "cannot attach vA again"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after attaching again"

	log_test "ip link set nomaster detaches a port"
}

xsw_port_del_detaches()
{
	local r

	RET=0
	xsw_run -n "$NS_SW" port del dev vA
	check_err "$rc" "xsw port del dev vA: $err"
	not_a_port vA
	check_err $? "vA is still a port"
	ip -n "$NS_SW" link show vA >/dev/null 2>&1
	check_err $? "xsw port del deleted the lower device vA"
	r=$(a_cannot_reach_b)
	check_err $? "A still reaches B: $r"
	xsw_run -n "$NS_SW" port add sw0 dev vA
	check_err "$rc" "xsw port add sw0 dev vA: $err"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after xsw port add"

	log_test "xsw port del detaches a port and leaves its device"
}

del_switch_frees_ports()
{
	local m

	RET=0
	ip -n "$NS_SW" link del sw1
	check_err $? "ip link del sw1 failed"
	m=$(link_get "$NS_SW" pX '.master // "none"')
	[ "$m" = none ]
	check_err $? "pX: master '$m' after its switch was deleted"
	ip -n "$NS_SW" link set pX master sw0
	check_err $? "pX cannot join sw0 after sw1 went"
	ip -n "$NS_SW" link del pX

	log_test "deleting a switch releases its ports' devices"
}

del_lower_under_traffic()
{
	local pids=() n

	RET=0
	klog_mark
	ping_ok "$NS_A" "$IP_B"
	ip netns exec "$NS_A" ping -f -q -w 120 "$IP_B" >/dev/null 2>&1 &
	pids+=($!)
	ip netns exec "$NS_B" ping -f -q -w 120 "$IP_A" >/dev/null 2>&1 &
	pids+=($!)
	flowing "$NS_SW" vA 100 && flowing "$NS_SW" vB 100
	check_err $? "the flood pings do not flow"
	ip -n "$NS_SW" link del vB
	check_err $? "ip link del vB failed"
	not_a_port vB
	check_err $? "vB is still listed as a port"
	n=$(xsw_jq -n "$NS_SW" '[.[] | select(.ifname == "vB")] | length' fdb show sw0)
	[ "$n" = 0 ]
	check_err $? "$n FDB entries still point at vB"
	kill "${pids[@]}" 2>/dev/null
	wait "${pids[@]}" 2>/dev/null

	ping_ok "$NS_A" "$IP_C"
	check_err $? "A cannot ping C after vB went"
	out=$(klog_clean)
	check_err $? "kernel log: $out"

	# B again, for the tests below.
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" &&
		neigh "$NS_B" "$IP_A" "$MAC_A" && neigh "$NS_B" "$IP_C" "$MAC_C" &&
		ip -n "$NS_SW" link set vB master sw0
	check_err $? "cannot rebuild B"

	log_test "deleting a port's lower device under traffic detaches it"
}

move_lower_to_netns()
{
	local m

	RET=0
	setup_ns NS_X && ns_quiet "$NS_X"
	ip -n "$NS_SW" link set vC netns "$NS_X"
	check_err $? "cannot move vC to $NS_X"
	not_a_port vC
	check_err $? "vC is still a port after moving away"
	m=$(link_get "$NS_X" vC '.master // "none"')
	[ "$m" = none ]
	check_err $? "vC in $NS_X: master '$m'"
	# MAC_C is unknown now: A's echo to C floods, and once B has it, the
	# switch has handled it.
	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	ping_fails "$NS_A" "$IP_C"
	check_err $? "A still reaches C"
	cap_wait b 1 "icmp and ether dst $MAC_C"
	check_err $? "A's echo to C's MAC, unknown now, was not flooded to B"
	cap_stop b

	# Back home it can be a port again.
	ip -n "$NS_X" link set vC netns "$NS_SW" &&
		ip -n "$NS_SW" link set vC up &&
		ip -n "$NS_SW" link set vC master sw0
	check_err $? "cannot bring vC back"
	ping_ok "$NS_A" "$IP_C"
	check_err $? "A cannot ping C after vC came back"
	cleanup_ns "$NS_X"

	log_test "moving a port's device to another namespace detaches it"
}

internal_port_add_del()
{
	local kind t

	RET=0
	xsw_run -n "$NS_SW" port add sw0 name h1 type internal
	check_err "$rc" "xsw port add sw0 name h1 type internal: $err"
	kind=$(link_get "$NS_SW" h1 .linkinfo.info_kind)
	[ "$kind" = xswitch-port ]
	check_err $? "h1: kind '$kind', expected xswitch-port"
	t=$(port_get "$NS_SW" h1 '| "\(.type) \(.switch) \(.mac_spoofing)"')
	[ "$t" = "internal sw0 false" ]
	check_err $? "h1: '$t', expected 'internal sw0 false'"

	ip -n "$NS_SW" addr add 10.0.0.254/24 dev h1 &&
		ip -n "$NS_SW" link set h1 up &&
		neigh "$NS_SW" "$IP_A" "$MAC_A" h1 &&
		neigh "$NS_A" 10.0.0.254 "$(mac_of "$NS_SW" h1)"
	check_err $? "cannot configure h1"
	ping_ok "$NS_SW" "$IP_A"
	check_err $? "the host cannot ping A through h1"

	# An internal port's carrier follows its admin state, as ip shows it.
	ip -n "$NS_SW" link set h1 down
	carrier_is h1 false
	check_err $? "h1 is down but its carrier is up"
	ip -n "$NS_SW" link set h1 up
	carrier_is h1 true
	check_err $? "h1 is up again but its carrier is down"

	xsw_run -n "$NS_SW" port add sw0 name h1 type internal
	[ "$rc" -eq 1 ]
	check_err $? "a second internal port named h1 was accepted"

	xsw_run -n "$NS_SW" port del h1
	check_err "$rc" "xsw port del h1: $err"
	ip -n "$NS_SW" link show h1 >/dev/null 2>&1
	check_fail $? "h1 still exists after xsw port del"
	not_a_port h1
	check_err $? "h1 is still listed"

	out=$(ip -n "$NS_SW" link add h9 type xswitch-port 2>&1)
	check_fail $? "ip link add type xswitch-port succeeded"
	grep -q "xsw port add" <<<"$out"
	check_err $? "ip link add type xswitch-port: '$out' does not say how"

	log_test "internal ports: created and deleted with their netdevice"
}

internal_port_in_container()
{
	RET=0
	klog_mark
	setup_ns NS_H && ns_quiet "$NS_H"
	xsw_run -n "$NS_SW" port add sw0 name h2 type internal
	check_err "$rc" "xsw port add sw0 name h2 type internal: $err"
	ip -n "$NS_SW" link set h2 netns "$NS_H"
	check_err $? "cannot move h2 to $NS_H"
	port_exists "$NS_SW" h2
	check_err $? "h2 is no longer a port of sw0 after moving"
	ip -n "$NS_H" addr add 10.0.0.200/24 dev h2 &&
		ip -n "$NS_H" link set h2 up &&
		neigh "$NS_H" "$IP_A" "$MAC_A" h2 &&
		neigh "$NS_A" 10.0.0.200 "$(mac_of "$NS_H" h2)"
	check_err $? "cannot configure h2 in $NS_H"
	ping_ok "$NS_H" "$IP_A"
	check_err $? "the container cannot ping A through h2"

	# The container goes, and its port with it.
	cleanup_ns "$NS_H"
	busywait 30000 not_a_port h2
	check_err $? "h2 is still a port after its namespace was deleted"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "sw0 no longer forwards"
	out=$(klog_clean)
	check_err $? "kernel log: $out"

	log_test "an internal port moved to a container stays a port, goes with it"
}

# carrier_is PORT true|false
carrier_is()
{
	[ "$(port_get "$NS_SW" "$1" .carrier)" = "$2" ]
}

carrier_follows_vm()
{
	local c l0 l1

	RET=0
	ping_ok "$NS_B" "$IP_A"		# A's MAC known: unicast, not flood
	[ "$(port_get "$NS_SW" vA .carrier)" = true ]
	check_err $? "vA: carrier is not true"

	ip -n "$NS_A" link set e0 down
	busywait 30000 carrier_is vA false
	check_err $? "vA: carrier not false after A's e0 went down"
	l0=$(port_drop "$NS_SW" vA link-down)
	ping_fails "$NS_B" "$IP_A"
	check_err $? "B pinged A while A's link is down"
	l1=$(port_drop_wait "$NS_SW" vA link-down $((l0 + 1)))
	[ "$l1" -eq $((l0 + 1)) ]
	check_err $? "vA link-down drops $l0 -> $l1, expected +1"

	ip -n "$NS_A" link set e0 up
	busywait 30000 carrier_is vA true
	check_err $? "vA: carrier not true after A's e0 came up"
	c=0
	busywait 30000 ping_ok "$NS_B" "$IP_A" || c=1
	check_err "$c" "B cannot ping A after A's link came back"

	log_test "a port's carrier follows the VM's link; down ports drop (link-down)"
}

sw2_mtu()
{
	ip -n "$NS_SW" -j link show sw2 | jq -r '.[0].mtu'
}

switch_mtu_follows_ports()
{
	local m

	RET=0
	ip -n "$NS_SW" link add sw2 type xswitch && ip -n "$NS_SW" link set sw2 up
	check_err $? "cannot add sw2"
	vm_add "$NS_SW" vJ "$NS_J" "$MAC_J" 10.0.2.1/24 9000 &&
		vm_add "$NS_SW" vK "$NS_K" "$MAC_K" 10.0.2.2/24 &&
		neigh "$NS_J" 10.0.2.2 "$MAC_K" && neigh "$NS_K" 10.0.2.1 "$MAC_J"
	check_err $? "cannot make J and K"

	ip -n "$NS_SW" link set vJ master sw2
	m=$(sw2_mtu)
	[ "$m" = 9000 ]
	check_err $? "sw2 with one port of MTU 9000: MTU $m"
	ip -n "$NS_SW" link set vK master sw2
	m=$(sw2_mtu)
	[ "$m" = 1500 ]
	check_err $? "sw2 with ports of MTU 9000 and 1500: MTU $m, expected 1500"
	[ "$(port_get "$NS_SW" vJ .mtu) $(port_get "$NS_SW" vK .mtu)" = "9000 1500" ]
	check_err $? "xsw port show: port MTUs are not 9000 and 1500"

	ip -n "$NS_SW" link set vK mtu 9000
	m=$(sw2_mtu)
	[ "$m" = 9000 ]
	check_err $? "vK raised to 9000: sw2 MTU $m, expected 9000"
	ip -n "$NS_SW" link set vK mtu 1500
	m=$(sw2_mtu)
	[ "$m" = 1500 ]
	check_err $? "vK back to 1500: sw2 MTU $m, expected 1500"

	ip -n "$NS_SW" link set sw2 mtu 9000 2>/dev/null
	check_fail $? "sw2's MTU was set above its smallest port's"
	ip -n "$NS_SW" link set sw2 mtu 1400
	check_err $? "cannot set sw2's MTU to 1400 by hand"
	ip -n "$NS_SW" link set vK mtu 9000
	m=$(sw2_mtu)
	[ "$m" = 1400 ]
	check_err $? "an MTU set by hand changed to $m when a port grew"
	ip -n "$NS_SW" link set vK mtu 1300
	m=$(sw2_mtu)
	[ "$m" = 1300 ]
	check_err $? "a port shrank below the hand-set MTU: sw2 MTU $m, expected 1300"
	ip -n "$NS_SW" link set vK mtu 1500

	log_test "the switch MTU follows the smallest port MTU"
}

oversize_dropped()
{
	local d0 d1

	RET=0
	ping_ok "$NS_J" 10.0.2.2
	check_err $? "J cannot ping K"
	# 1472 bytes of ICMP payload: an IP packet of exactly 1500.
	ip netns exec "$NS_J" ping -n -q -c 1 -W "$PING_WAIT" -s 1472 -M "do" 10.0.2.2 >/dev/null
	check_err $? "J cannot ping K with a packet of K's MTU (1500)"

	d0=$(port_drop "$NS_SW" vK mtu)
	ip netns exec "$NS_J" ping -n -q -c 1 -W 1 -s 1473 -M dont 10.0.2.2 >/dev/null
	check_fail $? "a 1501-byte packet reached K (MTU 1500)"
	ip netns exec "$NS_J" ping -n -q -c 1 -W 1 -s 1600 -M dont 10.0.2.2 >/dev/null
	check_fail $? "a 1628-byte packet reached K (MTU 1500)"
	d1=$(port_drop_wait "$NS_SW" vK mtu $((d0 + 2)))
	[ "$d1" -eq $((d0 + 2)) ]
	check_err $? "vK mtu drops $d0 -> $d1, expected +2 (counted on the egress port)"
	[ "$(port_drop "$NS_SW" vJ mtu)" = 0 ]
	check_err $? "vJ counted mtu drops"

	log_test "frames over the egress port's MTU are dropped (mtu)"
}

# ethtool_drop DEV REASON: drop_REASON from "ethtool -S DEV" in $NS_SW.
ethtool_drop()
{
	ip netns exec "$NS_SW" ethtool -S "$1" |
		awk -v k="drop_$2:" '$1 == k { print $2 }'
}

ethtool_drop_reaches()
{
	[ "$(ethtool_drop "$1" "$2")" -ge "$3" ]
}

ethtool_stats()
{
	local names want dev e0 e1 x

	RET=0
	if ! command -v ethtool >/dev/null; then
		log_test_skip "ethtool -S shows drop counters" "no ethtool"
		return
	fi
	want="drop_acl drop_dhcp-guard drop_extension drop_isolated drop_learn-limit"
	want+=" drop_link-down drop_malformed drop_mtu drop_no-destination drop_nomem"
	want+=" drop_qos drop_router-guard drop_spoofed-mac drop_vlan"
	want+=" drop_vnet-malformed drop_vnet-no-mapping drop_vnet-no-route"
	want+=" drop_vnet-spoofed-ca drop_vnet-ttl drop_vnet-unknown-pa"
	want+=" drop_vnet-unknown-vsid"

	xsw_run -n "$NS_SW" port add sw0 name h3 type internal
	check_err "$rc" "xsw port add sw0 name h3 type internal: $err"
	for dev in h3 sw0; do
		names=$(ip netns exec "$NS_SW" ethtool -S "$dev" |
			awk -F: 'NR > 1 { gsub(/ /, "", $1); print $1 }' | sort | xargs)
		[ "$names" = "$want" ]
		check_err $? "ethtool -S $dev: '$names'"
	done

	# A counter moves: h3 sends a frame from a MAC other than its own.
	ip -n "$NS_SW" link set h3 up
	e0=$(ethtool_drop h3 spoofed-mac)
	send "$NS_SW" h3 --src 02:00:00:00:0e:03 --dst ff:ff:ff:ff:ff:ff raw "$ETH_TEST"
	[ -n "$e0" ] && busywait 30000 ethtool_drop_reaches h3 spoofed-mac $((e0 + 1))
	e1=$(ethtool_drop h3 spoofed-mac)
	[ -n "$e0" ] && [ "$e1" -eq $((e0 + 1)) ]
	check_err $? "ethtool -S h3: drop_spoofed-mac $e0 -> $e1, expected +1"
	x=$(port_drop "$NS_SW" h3 spoofed-mac)
	[ "$x" = "$e1" ]
	check_err $? "xsw says spoofed-mac $x, ethtool says $e1"

	log_test "ethtool -S shows the drop counters of internal and host ports"
}

internal_port_mac_follows()
{
	local m new=02:00:00:00:0e:04

	RET=0
	m=$(port_get "$NS_SW" h3 .mac)
	[ "$m" = "$(mac_of "$NS_SW" h3)" ]
	check_err $? "h3: port mac '$m' is not its netdevice's"
	ip -n "$NS_SW" link set h3 address "$new"
	check_err $? "cannot change h3's MAC while up"
	m=$(port_get "$NS_SW" h3 .mac)
	[ "$m" = "$new" ]
	check_err $? "h3: port mac '$m' did not follow the netdevice to $new"

	ip -n "$NS_SW" addr add 10.0.0.253/24 dev h3 &&
		neigh "$NS_SW" "$IP_B" "$MAC_B" h3 &&
		neigh "$NS_B" 10.0.0.253 "$new"
	check_err $? "cannot configure h3"
	ping_ok "$NS_SW" "$IP_B" -I h3
	check_err $? "h3 cannot reach B with its new MAC"

	log_test "an internal port's MAC follows its netdevice's"
}

delete_netns_with_switch()
{
	local c=0 pid

	RET=0
	klog_mark
	setup_ns NS_T NS_V && ns_quiet "$NS_T" "$NS_V"
	ip -n "$NS_T" link add sw9 type xswitch &&
		ip -n "$NS_T" link set sw9 up &&
		vm_add "$NS_T" vV "$NS_V" 02:00:00:00:00:99 10.0.9.1/24 &&
		ip -n "$NS_T" link set vV master sw9
	check_err $? "cannot build sw9 in $NS_T"
	xsw_run -n "$NS_T" port add sw9 name t1 type internal
	check_err "$rc" "xsw port add sw9 name t1 type internal: $err"
	ip -n "$NS_T" addr add 10.0.9.254/24 dev t1 && ip -n "$NS_T" link set t1 up
	ping_ok "$NS_V" 10.0.9.254
	check_err $? "V cannot ping t1"

	ip netns exec "$NS_V" ping -f -q -w 120 10.0.9.254 >/dev/null 2>&1 &
	pid=$!
	flowing "$NS_T" vV 100
	check_err $? "V's flood ping does not flow"
	cleanup_ns "$NS_T"
	# The veth peer goes when the namespace's devices are gone.
	busywait 30000 sh -c "! ip -n '$NS_V' link show e0 >/dev/null 2>&1" || c=1
	check_err "$c" "V's e0 is still there 30 s after $NS_T was deleted"
	kill "$pid" 2>/dev/null
	wait "$pid"
	out=$(klog_clean)
	check_err $? "kernel log: $out"
	cleanup_ns "$NS_V"

	log_test "deleting a namespace with a switch and ports cleans up"
}

l2_require
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
