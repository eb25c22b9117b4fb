#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# VLANs: access ports talk only within their PVID; a trunk port carries
# its listed VLANs tagged (802.1Q on the wire) and its native VLAN
# untagged; frames in a VLAN a port does not carry are dropped and counted
# under "vlan"; a port that leaves a VLAN forgets its FDB entries in it,
# static ones too; an 802.1ad (QinQ) frame from an access port is payload
# and arrives with its 0x88a8 header intact; a priority tag that hides a
# second tag is dropped (VLAN hopping).
#
#  +- $NS_A -----+ +- $NS_B -----+ +- $NS_C -----+ +- $NS_D -----+ +- $NS_T -----------+
#  | e0          | | e0          | | e0          | | e0          | | e0    10.0.1.100   |
#  | 10.0.10.1   | | 10.0.10.2   | | 10.0.20.3   | | 10.0.10.4   | | e0.10 10.0.10.100  |
#  |             | |             | |             | |             | | e0.20 10.0.20.100  |
#  |             | |             | |             | |             | | e0.30 10.0.30.100  |
#  +-----|-------+ +-----|-------+ +-----|-------+ +-----|-------+ +-----|--------------+
#  +-----|---------------|---------------|---------------|---------------|-- $NS_SW ---+
#  |    vA              vB              vC              vD              vT            |
#  |  access          access          access          access          trunk           |
#  |  pvid 10         pvid 10         pvid 20         pvid 20         vlans 10,20     |
#  |                                                  (10.0.10.x:     native none, 1  |
#  |                                                   wrong VLAN)                    |
#  |   +--------------------------- sw0 10.0.1.254 (host port, pvid 1) -----------+   |
#  +----------------------------------------------------------------------------------+
#
# IPv6 is off and neighbour entries are permanent, so only the frames a
# test sends cross the switch.  Wire formats are checked with tcpdump
# filters on captures taken in the VMs; settings and counters come from
# "xsw -j".

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	access_same_pvid
	access_other_pvid
	access_drops_tagged
	trunk_settings
	trunk_reaches_access
	trunk_tagged_on_wire
	trunk_unlisted_vlan
	vlan_change_forgets_fdb
	trunk_native_vlan
	mode_refusals
	qinq_is_payload
	priority_tag_hides_tag
	host_port_vlan
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_C=02:00:00:00:00:0c
MAC_D=02:00:00:00:00:0d
MAC_T=02:00:00:00:00:1f
BCAST=ff:ff:ff:ff:ff:ff

setup()
{
	local ns

	setup_ns NS_SW NS_A NS_B NS_C NS_D NS_T || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" "$NS_C" "$NS_D" "$NS_T" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" addr add 10.0.1.254/24 dev sw0 || return
	ip -n "$NS_SW" link set sw0 up || return
	MAC_SW=$(mac_of "$NS_SW" sw0)

	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" 10.0.10.1/24 || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" 10.0.10.2/24 || return
	vm_add "$NS_SW" vC "$NS_C" "$MAC_C" 10.0.20.3/24 || return
	vm_add "$NS_SW" vD "$NS_D" "$MAC_D" 10.0.10.4/24 || return
	vm_add "$NS_SW" vT "$NS_T" "$MAC_T" 10.0.1.100/24 || return
	for vid in 10 20 30; do
		ip -n "$NS_T" link add link e0 name "e0.$vid" type vlan id "$vid" &&
		ip -n "$NS_T" addr add "10.0.$vid.100/24" dev "e0.$vid" &&
		ip -n "$NS_T" link set "e0.$vid" up || return
	done
	for ns in "$NS_A" "$NS_B" "$NS_D"; do
		neigh "$ns" 10.0.10.1 "$MAC_A"
		neigh "$ns" 10.0.10.2 "$MAC_B"
		neigh "$ns" 10.0.10.4 "$MAC_D"
		neigh "$ns" 10.0.10.100 "$MAC_T"
	done
	neigh "$NS_C" 10.0.20.100 "$MAC_T"
	neigh "$NS_T" 10.0.10.1 "$MAC_A" e0.10
	neigh "$NS_T" 10.0.20.3 "$MAC_C" e0.20
	neigh "$NS_T" 10.0.30.1 "$MAC_A" e0.30
	neigh "$NS_T" 10.0.1.254 "$MAC_SW" e0
	neigh "$NS_SW" 10.0.1.100 "$MAC_T" sw0

	for p in vA vB vC vD vT; do
		ip -n "$NS_SW" link set "$p" master sw0 || return
	done
	xsw -n "$NS_SW" port set vA pvid 10 &&
		xsw -n "$NS_SW" port set vB pvid 10 &&
		xsw -n "$NS_SW" port set vC pvid 20 &&
		xsw -n "$NS_SW" port set vD pvid 20
}

access_same_pvid()
{
	local p

	RET=0
	p=$(xsw_jq -n "$NS_SW" '[.[] | select(.ifname | test("^v[ABCD]$")) |
			"\(.ifname):\(.vlan_mode):\(.pvid):\(.vlans | length)"] | sort | join(" ")' \
		port show)
	[ "$p" = "vA:access:10:0 vB:access:10:0 vC:access:20:0 vD:access:20:0" ]
	check_err $? "xsw port show: '$p'"

	ping_ok "$NS_A" 10.0.10.2
	check_err $? "A cannot ping B (both pvid 10)"

	log_test "access ports with the same PVID talk"
}

# no_echo_to NS DEV IP: A (pvid 10) pings IP, which DEV in NS has, and no
# echo request gets to DEV: A sends a broadcast after the echo, and once B
# (pvid 10) has it, DEV would have had the echo.  Prints why it failed.
no_echo_to()
{
	local ns=$1 dev=$2 ip=$3 n

	if ! cap_start x "$ns" "$dev" || ! cap_start b "$NS_B" e0; then
		echo "tcpdump did not start"
		return 1
	fi
	ping_fails "$NS_A" "$ip" || {
		cap_stop x b
		echo "A's echo to $ip was answered"
		return 1
	}
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST" || {
		cap_stop x b
		echo "B did not get A's broadcast after the echo"
		return 1
	}
	cap_stop x b
	n=$(cap_count x "icmp and src host 10.0.10.1")
	[ "$n" -eq 0 ] || {
		echo "$dev got $n of A's echo requests"
		return 1
	}
}

access_other_pvid()
{
	local n r

	RET=0
	# An echo to D and then a broadcast, which must stay in VLAN 10: once
	# B has the broadcast, D would have had the echo.
	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0 && cap_start d "$NS_D" e0
	check_err $? "tcpdump did not start"
	ping_fails "$NS_A" 10.0.10.4
	check_err $? "A (pvid 10) pinged D (pvid 20)"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST"
	check_err $? "B (same VLAN) did not get A's broadcast"
	cap_stop b c d
	n=$(($(cap_count c "ether proto $ETH_TEST") + $(cap_count d "ether proto $ETH_TEST")))
	[ "$n" -eq 0 ]
	check_err $? "C and D (pvid 20) got $n of A's broadcasts in VLAN 10"
	n=$(cap_count d icmp)
	[ "$n" -eq 0 ]
	check_err $? "D (pvid 20) got $n of A's echo requests in VLAN 10"

	# It is the VLAN that separates them.
	xsw_run -n "$NS_SW" port set vD pvid 10
	check_err "$rc" "xsw port set vD pvid 10: $err"
	ping_ok "$NS_A" 10.0.10.4
	check_err $? "A cannot ping D once both are in pvid 10"
	xsw_run -n "$NS_SW" port set vD pvid 20
	r=$(no_echo_to "$NS_D" e0 10.0.10.4)
	check_err $? "A still pings D after D went back to pvid 20: $r"

	log_test "access ports in different PVIDs are separated"
}

access_drops_tagged()
{
	local v0 v1 n

	RET=0
	v0=$(port_drop "$NS_SW" vA vlan)
	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST" 0x8100:10
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"		# the marker
	cap_wait b 1 "ether proto $ETH_TEST"
	check_err $? "B did not get the untagged marker"
	cap_stop b
	n=$(cap_count b vlan)
	[ "$n" -eq 0 ]
	check_err $? "B got $n tagged frames from access port A"
	v1=$(port_drop "$NS_SW" vA vlan)
	[ "$v1" -eq $((v0 + 1)) ]
	check_err $? "vA vlan drops $v0 -> $v1, expected +1"

	# A priority tag (VLAN 0) is untagged, with a priority.
	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$MAC_B" 0x8100:0
	cap_wait b 1 "ether dst $MAC_B and ether proto $ETH_TEST"
	check_err $? "B did not get A's priority-tagged frame"
	cap_stop b
	n=$(cap_count b vlan)
	[ "$n" -eq 0 ]
	check_err $? "B got the priority-tagged frame with its tag"
	v1=$(port_drop "$NS_SW" vA vlan)
	[ "$v1" -eq $((v0 + 1)) ]
	check_err $? "vA vlan drops $v0 -> $v1 after a priority-tagged frame, expected +1"

	log_test "an access port drops 802.1Q-tagged frames (counted: vlan)"
}

trunk_settings()
{
	local v

	RET=0
	xsw_run -n "$NS_SW" port set vT vlan-mode trunk vlans 10,20 native none
	check_err "$rc" "xsw port set vT vlan-mode trunk vlans 10,20 native none: $err"
	v=$(port_get "$NS_SW" vT '| "\(.vlan_mode) \(.native_vlan) \(.vlans | tojson)"')
	[ "$v" = 'trunk 0 [{"vlan":10},{"vlan":20}]' ]
	check_err $? "xsw port show dev vT: '$v'"

	log_test "a port becomes a trunk carrying VLANs 10 and 20"
}

trunk_reaches_access()
{
	RET=0
	ping_ok "$NS_T" 10.0.10.1
	check_err $? "T (e0.10) cannot ping A (pvid 10)"
	ping_ok "$NS_T" 10.0.20.3
	check_err $? "T (e0.20) cannot ping C (pvid 20)"
	ping_ok "$NS_C" 10.0.20.100
	check_err $? "C cannot ping T's e0.20"

	log_test "a trunk reaches access ports in each of its VLANs"
}

trunk_tagged_on_wire()
{
	local n

	RET=0
	cap_start t "$NS_T" e0 && cap_start a "$NS_A" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	ping_ok "$NS_A" 10.0.10.100
	check_err $? "A cannot ping T's e0.10"
	ping_ok "$NS_C" 10.0.20.100
	check_err $? "C cannot ping T's e0.20"
	cap_wait t 1 "vlan 10 and icmp[icmptype] = icmp-echo and src host 10.0.10.1"
	check_err $? "T's e0 got no 802.1Q VLAN 10 echo request from A"
	cap_wait t 1 "vlan 20 and icmp[icmptype] = icmp-echo and src host 10.0.20.3"
	check_err $? "T's e0 got no 802.1Q VLAN 20 echo request from C"
	cap_wait a 1 "icmp[icmptype] = icmp-echoreply"
	check_err $? "A's e0 got no untagged echo reply"
	cap_wait c 1 "icmp[icmptype] = icmp-echoreply"
	check_err $? "C's e0 got no untagged echo reply"
	cap_stop t a c
	n=$(cap_count t "not vlan")
	[ "$n" -eq 0 ]
	check_err $? "T got $n untagged frames (native none)"
	n=$(($(cap_count a vlan) + $(cap_count c vlan)))
	[ "$n" -eq 0 ]
	check_err $? "the access ports got $n tagged frames"

	log_test "tagged on the trunk's wire, untagged on the access side"
}

trunk_unlisted_vlan()
{
	local v0 v1 s0 s1 n

	RET=0
	v0=$(port_drop "$NS_SW" vT vlan)
	s0=$(switch_drop "$NS_SW" sw0 vlan)
	cap_start a "$NS_A" e0
	check_err $? "tcpdump did not start"
	ip netns exec "$NS_T" ping -n -q -c 2 -i 0.2 -W 1 10.0.30.1 >/dev/null
	check_fail $? "ping in VLAN 30, which vT does not carry, was answered"
	send_test "$NS_T" e0 "$MAC_T" "$BCAST" 0x8100:30
	send_test "$NS_T" e0 "$MAC_T" "$BCAST" 0x8100:10	# the marker
	cap_wait a 1 "ether proto $ETH_TEST"
	check_err $? "A did not get T's broadcast in VLAN 10"
	cap_stop a
	n=$(cap_count a "icmp or vlan")
	[ "$n" -eq 0 ]
	check_err $? "A got $n frames from VLAN 30"

	v1=$(port_drop "$NS_SW" vT vlan)
	[ "$v1" -eq $((v0 + 3)) ]
	check_err $? "vT vlan drops $v0 -> $v1, expected +3 (2 pings, 1 broadcast)"
	s1=$(switch_drop "$NS_SW" sw0 vlan)
	[ "$s1" -eq $((s0 + 3)) ]
	check_err $? "sw0 (switch-wide) vlan drops $s0 -> $s1, expected +3"

	log_test "frames in a VLAN the trunk does not carry are dropped (vlan)"
}

# fdb_vlan_count PORT VLAN: how many FDB entries PORT has in VLAN.
fdb_vlan_count()
{
	xsw_jq -n "$NS_SW" "[.[] | select(.ifname == \"$1\" and .vlan == $2)] | length" \
		fdb show sw0
}

# fdb_on MAC VLAN PORT: MAC's entry in VLAN points at PORT.
fdb_on()
{
	[ "$(fdb_get "$NS_SW" sw0 "$1" "$2" .ifname)" = "$3" ]
}

vlan_change_forgets_fdb()
{
	local mac=02:00:00:00:66:66 a0 a1 n

	RET=0
	# The kernel refuses a static entry in a VLAN the port does not
	# carry; make one while vA is in VLAN 20, and let it learn A there.
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" vlan 20 port vA
	check_refused "xsw fdb add sw0 mac $mac vlan 20 port vA (pvid 10)" "carry"
	xsw_run -n "$NS_SW" port set vA pvid 20
	check_err "$rc" "xsw port set vA pvid 20: $err"
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" vlan 20 port vA
	check_err "$rc" "xsw fdb add sw0 mac $mac vlan 20 port vA: $err"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	busywait 30000 fdb_on "$MAC_A" 20 vA
	check_err $? "vA did not learn A in VLAN 20"
	n=$(fdb_vlan_count vA 20)
	[ "$n" -eq 2 ]
	check_err $? "vA has $n FDB entries in VLAN 20, expected 2 (static and learned)"

	# Back to VLAN 10: both entries go, static or not ...
	xsw_run -n "$NS_SW" port set vA pvid 10
	check_err "$rc" "xsw port set vA pvid 10: $err"
	n=$(fdb_vlan_count vA 20)
	[ "$n" -eq 0 ]
	check_err $? "vA kept $n FDB entries in VLAN 20, which it left"
	# ... so a frame to the MAC in VLAN 20 is flooded there, not sent to
	# vA and dropped.
	a0=$(port_drop "$NS_SW" vA vlan)
	cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_T" e0 "$MAC_T" "$mac" 0x8100:20
	cap_wait c 1 "ether dst $mac and ether proto $ETH_TEST"
	check_err $? "C (pvid 20) did not get the frame to $mac flooded in VLAN 20"
	cap_stop c
	a1=$(port_drop "$NS_SW" vA vlan)
	[ "$a1" -eq "$a0" ]
	check_err $? "vA vlan drops $a0 -> $a1: the frame in VLAN 20 went to vA"

	# A trunk keeps its entries in the VLANs it still carries.
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" vlan 10 port vT &&
		xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" vlan 20 port vT
	check_err "$rc" "xsw fdb add sw0 mac $mac vlan 10/20 port vT: $err"
	xsw_run -n "$NS_SW" port set vT vlans 10
	check_err "$rc" "xsw port set vT vlans 10: $err"
	[ -z "$(fdb_get "$NS_SW" sw0 "$mac" 20 .ifname)" ] && fdb_on "$mac" 10 vT
	check_err $? "vT's entries after leaving VLAN 20: $(xsw_json -n "$NS_SW" fdb show sw0)"
	xsw_run -n "$NS_SW" port set vT vlans 10,20
	check_err "$rc" "xsw port set vT vlans 10,20: $err"
	xsw_run -n "$NS_SW" fdb del sw0 mac "$mac"

	log_test "a port that leaves a VLAN forgets its FDB entries in it"
}

trunk_native_vlan()
{
	local v0 v1 n

	RET=0
	v0=$(port_drop "$NS_SW" vT vlan)
	ping_fails "$NS_T" 10.0.1.254
	check_err $? "untagged frames from a trunk without a native VLAN got through"
	v1=$(port_drop_wait "$NS_SW" vT vlan $((v0 + 1)))
	[ "$v1" -eq $((v0 + 1)) ]
	check_err $? "vT vlan drops $v0 -> $v1, expected +1"

	# The native VLAN is one of the trunk's VLANs.
	xsw_run -n "$NS_SW" port set vT vlans 1,10,20 native 1
	check_err "$rc" "xsw port set vT vlans 1,10,20 native 1: $err"
	[ "$(port_get "$NS_SW" vT .native_vlan)" = 1 ]
	check_err $? "native_vlan is not 1"
	cap_start t "$NS_T" e0
	check_err $? "tcpdump did not start"
	ping_ok "$NS_T" 10.0.1.254
	check_err $? "T (untagged, native 1) cannot ping the host port (pvid 1)"
	cap_wait t 1 "icmp[icmptype] = icmp-echoreply and src host 10.0.1.254"
	check_err $? "T got no untagged echo reply from the host port"
	cap_stop t
	n=$(cap_count t vlan)
	[ "$n" -eq 0 ]
	check_err $? "T got $n tagged frames in its native VLAN"
	# The other VLANs stay tagged.
	ping_ok "$NS_T" 10.0.10.1
	check_err $? "T (e0.10) lost A after setting a native VLAN"

	xsw_run -n "$NS_SW" port set vT native none vlans 10,20
	check_err "$rc" "xsw port set vT native none vlans 10,20: $err"
	v0=$(port_drop "$NS_SW" vT vlan)
	ping_fails "$NS_T" 10.0.1.254
	check_err $? "native none still passes untagged frames"
	v1=$(port_drop_wait "$NS_SW" vT vlan $((v0 + 1)))
	[ "$v1" -eq $((v0 + 1)) ]
	check_err $? "native none: vT vlan drops $v0 -> $v1, expected +1"

	log_test "native VLAN: untagged on the trunk, none drops untagged"
}

mode_refusals()
{
	local before

	RET=0
	before=$(xsw_json -n "$NS_SW" port show dev vT)
	xsw_run -n "$NS_SW" port set vT pvid 5
	check_refused "xsw port set vT pvid 5 (trunk)" "pvid"
	xsw_run -n "$NS_SW" port set vA vlans 10
	check_refused "xsw port set vA vlans 10 (access)" "vlan"
	xsw_run -n "$NS_SW" port set vA native 10
	check_refused "xsw port set vA native 10 (access)" "vlan"
	# All or nothing: a refused request changes nothing.
	xsw_run -n "$NS_SW" port set vT isolated on pvid 5
	check_refused "xsw port set vT isolated on pvid 5" "pvid"
	[ "$(xsw_json -n "$NS_SW" port show dev vT)" = "$before" ]
	check_err $? "a refused port set changed vT"
	xsw_run -n "$NS_SW" port set vT vlans 0
	[ "$rc" -ne 0 ]
	check_err $? "xsw port set vT vlans 0 was accepted"
	xsw_run -n "$NS_SW" port set vT vlans 4095
	[ "$rc" -ne 0 ]
	check_err $? "xsw port set vT vlans 4095 was accepted"
	[ "$(xsw_json -n "$NS_SW" port show dev vT)" = "$before" ]
	check_err $? "a refused vlans list changed vT"

	log_test "pvid on a trunk, vlans/native on an access port are refused"
}

qinq_is_payload()
{
	local v0 v1 n qinq

	RET=0
	qinq="ether[12:2] = 0x88a8 and (ether[14:2] & 0xfff) = 100 and"
	qinq+=" ether[16:2] = 0x8100 and (ether[18:2] & 0xfff) = 5 and"
	qinq+=" ether[20:2] = $ETH_TEST"
	v0=$(port_drop "$NS_SW" vA vlan)
	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST" 0x88a8:100 0x8100:5
	cap_wait b 1 "$qinq"
	check_err $? "B did not get the QinQ frame with its 0x88a8/0x8100 headers intact"
	cap_stop b c
	n=$(cap_count c)
	[ "$n" -eq 0 ]
	check_err $? "C (pvid 20) got $n frames: the QinQ frame left VLAN 10"
	v1=$(port_drop "$NS_SW" vA vlan)
	[ "$v1" -eq "$v0" ]
	check_err $? "vA vlan drops $v0 -> $v1: the QinQ frame was taken for a tagged one"

	log_test "a QinQ (802.1ad) frame from an access port passes as payload"
}

priority_tag_hides_tag()
{
	local v0 v1 n

	RET=0
	# vT's native VLAN is A's: what A sends leaves vT untagged.  A frame
	# with a priority tag and a tag for VLAN 20 behind it would leave
	# with only the second tag, in VLAN 20, which A cannot reach.
	xsw_run -n "$NS_SW" port set vT native 10
	check_err "$rc" "xsw port set vT native 10: $err"
	v0=$(port_drop "$NS_SW" vA vlan)
	cap_start t "$NS_T" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST" 0x8100:0 0x8100:20
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"		# the marker
	# (Not "not vlan and ...": after "vlan" libpcap reads 4 bytes on.)
	cap_wait t 1 "ether proto $ETH_TEST"
	check_err $? "T did not get A's untagged marker in its native VLAN"
	cap_stop t
	n=$(cap_count t "vlan")
	[ "$n" -eq 0 ]
	check_err $? "T got $n tagged frames from access port A (VLAN hopping)"
	v1=$(port_drop "$NS_SW" vA vlan)
	[ "$v1" -eq $((v0 + 1)) ]
	check_err $? "vA vlan drops $v0 -> $v1, expected +1"
	xsw_run -n "$NS_SW" port set vT native none
	check_err "$rc" "xsw port set vT native none: $err"

	log_test "a priority tag that hides a second tag is dropped (vlan)"
}

host_port_vlan()
{
	local p r

	RET=0
	ip -n "$NS_SW" addr add 10.0.10.254/24 dev sw0 &&
		neigh "$NS_SW" 10.0.10.1 "$MAC_A" sw0 &&
		neigh "$NS_A" 10.0.10.254 "$MAC_SW"
	check_err $? "cannot give sw0 an address in 10.0.10.0/24"
	r=$(no_echo_to "$NS_SW" sw0 10.0.10.254)
	check_err $? "A (pvid 10) pinged the host port in pvid 1: $r"

	xsw_run -n "$NS_SW" port set sw0 pvid 10
	check_err "$rc" "xsw port set sw0 pvid 10: $err"
	p=$(port_get "$NS_SW" sw0 '| "\(.type) \(.pvid)"')
	[ "$p" = "host 10" ]
	check_err $? "sw0: '$p', expected 'host 10'"
	ping_ok "$NS_A" 10.0.10.254
	check_err $? "A cannot ping the host port once it is in pvid 10"

	xsw_run -n "$NS_SW" port set sw0 pvid 1
	check_err "$rc" "xsw port set sw0 pvid 1: $err"
	r=$(no_echo_to "$NS_SW" sw0 10.0.10.254)
	check_err $? "A still pings the host port after it went back to pvid 1: $r"

	log_test "the host port's VLAN can be set"
}

l2_require
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
