#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Built-in L2 forwarding: ports attached with "ip link set master" and
# "xsw port add" forward between VMs; the FDB learns each MAC on its port;
# unknown unicast floods, known unicast goes to one port only, and nothing
# goes back out of the port it came in on; static entries, flush, ageing,
# the learn limit, a MAC moving between ports; the port counters and an
# internal port's "ip -s link" count exactly the frames sent.
#
#  +- $NS_A ------+  +- $NS_B ------+  +- $NS_C ------+
#  | e0 10.0.0.1  |  | e0 10.0.0.2  |  | e0 10.0.0.3  |
#  | $MAC_A       |  | $MAC_B       |  | $MAC_C       |
#  +------|-------+  +------|-------+  +------|-------+
#         | veth            | veth            | veth
#  +------|-----------------|-----------------|---- $NS_SW -------+
#  |     vA                vB                vC                   |
#  |  (ip link set      (ip link set      (xsw port add)          |
#  |   master sw0)       master sw0)                              |
#  |      +-------------------- sw0 ----------------------+       |
#  |                             |                                |
#  |                   h1 10.0.0.254 (internal port)              |
#  +--------------------------------------------------------------+
#
# IPv6 is off and every neighbour entry is permanent, so only the frames a
# test sends cross the switch.  Frames are sent with lib/sendframe.py and
# watched with tcpdump on the VMs; FDB, ports and counters are read from
# "xsw -j" with jq.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	attach_ip_master
	attach_xsw_port_add
	fdb_learns
	flood_unknown_unicast
	known_unicast_one_port
	no_reflection
	fdb_static
	fdb_flush
	ageing
	port_counters
	internal_port
	learn_limit
	mac_move
	switch_down
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_C=02:00:00:00:00:0c
IP_A=10.0.0.1
IP_B=10.0.0.2
IP_C=10.0.0.3
IP_H1=10.0.0.254
MAC_UNKNOWN=02:00:00:00:99:99
BCAST=ff:ff:ff:ff:ff:ff

setup()
{
	local ns

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
}

attach_ip_master()
{
	local m

	RET=0
	ip -n "$NS_SW" link set vA master sw0
	check_err $? "ip link set vA master sw0 failed"
	ip -n "$NS_SW" link set vB master sw0
	check_err $? "ip link set vB master sw0 failed"

	m=$(link_get "$NS_SW" vA .master)
	[ "$m" = sw0 ]
	check_err $? "ip link show vA: master '$m', expected sw0"
	[ "$(port_get "$NS_SW" vB .type)" = vm ]
	check_err $? "xsw port show dev vB: not a vm port of sw0"
	[ "$(port_get "$NS_SW" vB .switch)" = sw0 ]
	check_err $? "xsw port show dev vB: switch is not sw0"

	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"
	ping_ok "$NS_B" "$IP_A"
	check_err $? "B cannot ping A"

	log_test "vm ports attached with ip link set master forward"
}

attach_xsw_port_add()
{
	local m

	RET=0
	xsw_run -n "$NS_SW" port add sw0 dev vC
	[ "$rc" -eq 0 ] && [ -z "$err" ]
	check_err $? "xsw port add sw0 dev vC: exit $rc, stderr '$err'"

	m=$(link_get "$NS_SW" vC .master)
	[ "$m" = sw0 ]
	check_err $? "ip link show vC: master '$m', expected sw0"
	[ "$(port_get "$NS_SW" vC .type)" = vm ]
	check_err $? "xsw port show dev vC: type is not vm (the default)"

	ping_ok "$NS_A" "$IP_C"
	check_err $? "A cannot ping C"
	ping_ok "$NS_B" "$IP_C"
	check_err $? "B cannot ping C"

	log_test "a vm port attached with xsw port add forwards"
}

fdb_learns()
{
	local e

	RET=0
	xsw_run -n "$NS_SW" fdb flush sw0
	check_err "$rc" "xsw fdb flush sw0: $err"
	[ "$(xsw_jq -n "$NS_SW" length fdb show sw0)" = 0 ]
	check_err $? "the FDB is not empty after a flush"

	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"

	e=$(fdb_get "$NS_SW" sw0 "$MAC_A" \
		'| "\(.ifname) \(.vlan) \(.master) \(.state) \(.age_ms | type)"')
	[ "$e" = "vA 1 sw0 learned number" ]
	check_err $? "FDB entry for A: '$e', expected 'vA 1 sw0 learned number'"
	e=$(fdb_get "$NS_SW" sw0 "$MAC_B" '| "\(.ifname) \(.vlan) \(.state)"')
	[ "$e" = "vB 1 learned" ]
	check_err $? "FDB entry for B: '$e', expected 'vB 1 learned'"
	fdb_gone "$NS_SW" sw0 "$MAC_C"
	check_err $? "C sent nothing since the flush, but its MAC is in the FDB"

	[ "$(port_get "$NS_SW" vA .learned)" = 1 ]
	check_err $? "vA: learned is not 1"
	[ "$(port_get "$NS_SW" vC .learned)" = 0 ]
	check_err $? "vC: learned is not 0"

	log_test "the FDB learns each source MAC on its ingress port"
}

flood_unknown_unicast()
{
	RET=0
	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"

	send_test "$NS_A" e0 "$MAC_A" "$MAC_UNKNOWN"
	cap_wait b 1 "ether dst $MAC_UNKNOWN"
	check_err $? "B did not get the unknown unicast frame"
	cap_wait c 1 "ether dst $MAC_UNKNOWN"
	check_err $? "C did not get the unknown unicast frame"
	cap_stop b c

	log_test "unknown unicast floods to every other port"
}

known_unicast_one_port()
{
	local n

	RET=0
	ping_ok "$NS_B" "$IP_A"		# B's MAC known
	fdb_is "$NS_SW" sw0 "$MAC_B" vB
	check_err $? "B's MAC is not in the FDB on vB"

	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$MAC_B"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"	# the marker
	cap_wait b 1 "ether proto $ETH_TEST and ether dst $MAC_B"
	check_err $? "B did not get the frame sent to its MAC"
	cap_wait c 1 "ether proto $ETH_TEST and ether broadcast"
	check_err $? "C did not get the broadcast marker"
	cap_stop b c
	n=$(cap_count c "ether dst $MAC_B")
	[ "$n" -eq 0 ]
	check_err $? "C got $n frames for B's known MAC"

	log_test "known unicast goes to its port only"
}

no_reflection()
{
	local mac_self=02:00:00:00:77:77 nd0 nd1 n

	RET=0
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac_self" port vA
	check_err "$rc" "xsw fdb add sw0 mac $mac_self port vA: $err"
	nd0=$(port_drop "$NS_SW" vA no-destination)

	cap_start a "$NS_A" e0 && cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	# To a MAC behind A's own port, then a broadcast (the marker).
	send_test "$NS_A" e0 "$MAC_A" "$mac_self"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether proto $ETH_TEST and ether broadcast"
	check_err $? "B did not get A's broadcast"
	cap_stop a b

	n=$(cap_count a "ether src $MAC_A")
	[ "$n" -eq 0 ]
	check_err $? "$n of A's own frames came back to A"
	n=$(cap_count b "ether dst $mac_self")
	[ "$n" -eq 0 ]
	check_err $? "a frame for a MAC on vA went out of vB"
	nd1=$(port_drop "$NS_SW" vA no-destination)
	[ "$nd1" -eq $((nd0 + 1)) ]
	check_err $? "vA no-destination drops $nd0 -> $nd1, expected +1"

	xsw_run -n "$NS_SW" fdb del sw0 mac "$mac_self"
	check_err "$rc" "xsw fdb del: $err"

	log_test "frames never go back out of their ingress port"
}

fdb_static()
{
	local mac=02:00:00:00:55:55 e n

	RET=0
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" port vB
	check_err "$rc" "xsw fdb add sw0 mac $mac port vB: $err"
	e=$(fdb_get "$NS_SW" sw0 "$mac" '| "\(.ifname) \(.vlan) \(.state)"')
	[ "$e" = "vB 1 static" ]
	check_err $? "static entry: '$e', expected 'vB 1 static'"

	# Forwarding follows it: to B only.
	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$mac"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether dst $mac"
	check_err $? "B did not get the frame for its static MAC"
	cap_wait c 1 "ether proto $ETH_TEST and ether broadcast"
	check_err $? "C did not get the broadcast marker"
	cap_stop b c
	n=$(cap_count c "ether dst $mac")
	[ "$n" -eq 0 ]
	check_err $? "C got $n frames for a MAC statically on vB"

	# A static entry does not move when the MAC shows up elsewhere.
	xsw_run -n "$NS_SW" port set vC mac-spoofing on
	check_err "$rc" "xsw port set vC mac-spoofing on: $err"
	# The switch learns before it floods: once A has the broadcast, the
	# switch has seen $mac on vC.
	cap_start a "$NS_A" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_C" e0 "$mac" "$BCAST"
	cap_wait a 1 "ether src $mac and ether broadcast"
	check_err $? "A did not get the broadcast from $mac on vC"
	cap_stop a
	fdb_is "$NS_SW" sw0 "$mac" vB
	check_err $? "a frame from $mac on vC moved the static entry"
	xsw_run -n "$NS_SW" port set vC mac-spoofing off

	# Adding it again replaces it.
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" port vC
	check_err "$rc" "xsw fdb add (replace): $err"
	e=$(fdb_get "$NS_SW" sw0 "$mac" '| "\(.ifname) \(.state)"')
	[ "$e" = "vC static" ]
	check_err $? "replaced static entry: '$e', expected 'vC static'"

	xsw_run -n "$NS_SW" fdb del sw0 mac "$mac"
	check_err "$rc" "xsw fdb del sw0 mac $mac: $err"
	fdb_gone "$NS_SW" sw0 "$mac"
	check_err $? "the entry is still there after fdb del"

	xsw_run -n "$NS_SW" fdb del sw0 mac "$mac"
	check_refused "xsw fdb del of a missing entry" "no such"

	log_test "static FDB entries: add, forward, replace, del"
}

fdb_flush()
{
	local mac=02:00:00:00:55:56

	RET=0
	xsw_run -n "$NS_SW" fdb add sw0 mac "$mac" port vC
	check_err "$rc" "xsw fdb add: $err"
	ping_ok "$NS_A" "$IP_B"
	fdb_is "$NS_SW" sw0 "$MAC_A" vA && fdb_is "$NS_SW" sw0 "$MAC_B" vB
	check_err $? "A and B not learned"

	xsw_run -n "$NS_SW" fdb flush sw0 port vA
	check_err "$rc" "xsw fdb flush sw0 port vA: $err"
	fdb_gone "$NS_SW" sw0 "$MAC_A"
	check_err $? "flush port vA left A's entry"
	fdb_is "$NS_SW" sw0 "$MAC_B" vB
	check_err $? "flush port vA removed B's entry"

	xsw_run -n "$NS_SW" fdb flush sw0
	check_err "$rc" "xsw fdb flush sw0: $err"
	fdb_gone "$NS_SW" sw0 "$MAC_B"
	check_err $? "flush left a learned entry"
	fdb_is "$NS_SW" sw0 "$mac" vC
	check_err $? "flush without static removed a static entry"

	xsw_run -n "$NS_SW" fdb flush sw0 static
	check_err "$rc" "xsw fdb flush sw0 static: $err"
	[ "$(xsw_jq -n "$NS_SW" length fdb show sw0)" = 0 ]
	check_err $? "flush static left entries"

	log_test "fdb flush: one port, learned only, static too"
}

# age_at_least NS MAC MS: MAC's FDB entry is there, MS ms old or older.
age_at_least()
{
	local age

	age=$(fdb_get "$NS_SW" sw0 "$1" .age_ms)
	[ -n "$age" ] && [ "$age" -ge "$2" ]
}

ageing()
{
	local a age t0 t1

	RET=0
	# With ageing 300 a learned entry's age counts from its last frame,
	# and the entry outlives 3 s (more than the 2 s set below).
	xsw_run -n "$NS_SW" switch set sw0 ageing 300
	check_err "$rc" "xsw switch set sw0 ageing 300: $err"
	t0=$(date +%s%3N)
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"
	age=$(fdb_get "$NS_SW" sw0 "$MAC_A" .age_ms)
	t1=$(date +%s%3N)
	# +10 ms: the entry's clock ticks in jiffies.
	[ -n "$age" ] && [ "$age" -le $((t1 - t0 + 10)) ]
	check_err $? "A's entry right after a ping: age_ms '$age', more than the $((t1 - t0)) ms since the ping began"
	busywait 30000 age_at_least "$MAC_A" 3000
	check_err $? "with ageing 300, A's entry did not live to 3 s (age_ms '$(fdb_get "$NS_SW" sw0 "$MAC_A" .age_ms)')"

	xsw_run -n "$NS_SW" switch set sw0 ageing 2
	check_err "$rc" "xsw switch set sw0 ageing 2: $err"
	a=$(xsw_jq -n "$NS_SW" '.[0].ageing' switch show sw0)
	[ "$a" = 2 ]
	check_err $? "xsw switch show: ageing '$a', expected 2"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"
	busywait 30000 fdb_gone "$NS_SW" sw0 "$MAC_A"
	check_err $? "A's entry did not age out within 30 s with ageing 2"
	busywait 30000 fdb_gone "$NS_SW" sw0 "$MAC_B"
	check_err $? "B's entry did not age out within 30 s with ageing 2"

	xsw_run -n "$NS_SW" switch set sw0 ageing 300
	check_err "$rc" "xsw switch set sw0 ageing 300: $err"

	log_test "learned entries age out after the ageing time"
}

# stats_of NS PORT: "rx_packets tx_packets rx_bytes tx_bytes"
stats_of()
{
	port_get "$1" "$2" \
		'.stats | "\(.rx_packets) \(.tx_packets) \(.rx_bytes) \(.tx_bytes)"'
}

port_counters()
{
	local a0 a1 b0 b1 c0 c1 want

	RET=0
	ping_ok "$NS_A" "$IP_B"		# both MACs known: no flooding
	read -ra a0 <<<"$(stats_of "$NS_SW" vA)"
	read -ra b0 <<<"$(stats_of "$NS_SW" vB)"
	read -ra c0 <<<"$(stats_of "$NS_SW" vC)"

	# 3 echo requests and 3 replies of 98 bytes (14 + 20 + 8 + 56).
	ip netns exec "$NS_A" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_B" >/dev/null
	check_err $? "ping -c 3 A -> B lost replies"

	# The last reply out of vA is the last frame.
	port_stat_wait "$NS_SW" vA tx_packets $((a0[1] + 3)) >/dev/null
	read -ra a1 <<<"$(stats_of "$NS_SW" vA)"
	read -ra b1 <<<"$(stats_of "$NS_SW" vB)"
	read -ra c1 <<<"$(stats_of "$NS_SW" vC)"
	want="3 3 294 294"
	[ "$((a1[0] - a0[0])) $((a1[1] - a0[1])) $((a1[2] - a0[2])) $((a1[3] - a0[3]))" = "$want" ]
	check_err $? "vA rx/tx packets/bytes moved by $((a1[0] - a0[0])) $((a1[1] - a0[1])) $((a1[2] - a0[2])) $((a1[3] - a0[3])), expected $want"
	[ "$((b1[0] - b0[0])) $((b1[1] - b0[1])) $((b1[2] - b0[2])) $((b1[3] - b0[3]))" = "$want" ]
	check_err $? "vB rx/tx packets/bytes moved by $((b1[0] - b0[0])) $((b1[1] - b0[1])) $((b1[2] - b0[2])) $((b1[3] - b0[3])), expected $want"
	[ "$((c1[0] - c0[0])) $((c1[1] - c0[1]))" = "0 0" ]
	check_err $? "vC rx/tx packets moved by $((c1[0] - c0[0])) $((c1[1] - c0[1])), expected 0 0"

	log_test "port counters count each frame once, from the switch's side"
}

# link_rx_reaches NS DEV N: DEV has received at least N packets.
link_rx_reaches()
{
	[ "$(link_get "$1" "$2" .stats64.rx.packets)" -ge "$3" ]
}

internal_port()
{
	local kind mac_h1 t0 r0 t1 r1 xr0 xr1

	RET=0
	xsw_run -n "$NS_SW" port add sw0 name h1 type internal
	check_err "$rc" "xsw port add sw0 name h1 type internal: $err"
	kind=$(link_get "$NS_SW" h1 .linkinfo.info_kind)
	[ "$kind" = xswitch-port ]
	check_err $? "h1: kind '$kind', expected xswitch-port"
	[ "$(port_get "$NS_SW" h1 '| "\(.type) \(.switch)"')" = "internal sw0" ]
	check_err $? "xsw port show dev h1: not an internal port of sw0"

	ip -n "$NS_SW" addr add "$IP_H1/24" dev h1 &&
		ip -n "$NS_SW" link set h1 up
	check_err $? "cannot configure h1"
	mac_h1=$(mac_of "$NS_SW" h1)
	neigh "$NS_SW" "$IP_A" "$MAC_A" h1
	neigh "$NS_A" "$IP_H1" "$mac_h1"

	ping_ok "$NS_SW" "$IP_A"
	check_err $? "the host cannot ping A through h1"

	t0=$(link_get "$NS_SW" h1 .stats64.tx.packets)
	r0=$(link_get "$NS_SW" h1 .stats64.rx.packets)
	xr0=$(port_stat "$NS_SW" h1 rx_packets)
	ip netns exec "$NS_SW" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_A" >/dev/null
	check_err $? "ping -c 3 host -> A through h1 lost replies"
	# The last reply into h1 is the last frame.
	busywait 30000 link_rx_reaches "$NS_SW" h1 $((r0 + 3))
	t1=$(link_get "$NS_SW" h1 .stats64.tx.packets)
	r1=$(link_get "$NS_SW" h1 .stats64.rx.packets)
	xr1=$(port_stat "$NS_SW" h1 rx_packets)
	[ $((t1 - t0)) -eq 3 ] && [ $((r1 - r0)) -eq 3 ]
	check_err $? "ip -s link show h1: tx +$((t1 - t0)) rx +$((r1 - r0)), expected +3 +3"
	[ $((xr1 - xr0)) -eq 3 ]
	check_err $? "xsw port show h1: rx_packets +$((xr1 - xr0)), expected +3"

	log_test "internal port: the host reaches a VM; ip -s link counts it"
}

learn_limit()
{
	local ll0 ll1 n l entries

	RET=0
	xsw_run -n "$NS_SW" port set vC mac-spoofing on learn-limit 2
	check_err "$rc" "xsw port set vC mac-spoofing on learn-limit 2: $err"
	[ "$(port_get "$NS_SW" vC '| "\(.learn_limit) \(.mac_spoofing)"')" = "2 true" ]
	check_err $? "xsw port show dev vC: learn_limit/mac_spoofing not set"
	xsw_run -n "$NS_SW" fdb flush sw0 port vC
	ll0=$(port_drop "$NS_SW" vC learn-limit)

	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	for n in 1 2 3; do
		send_test "$NS_C" e0 "02:00:00:00:01:0$n" "$BCAST"
	done
	cap_wait b 3 "ether proto $ETH_TEST and ether broadcast"
	check_err $? "B did not get all 3 frames (a frame over the limit is still forwarded)"
	cap_stop b

	l=$(port_get "$NS_SW" vC .learned)
	[ "$l" = 2 ]
	check_err $? "vC: learned '$l', expected 2"
	entries=$(xsw_jq -n "$NS_SW" '[.[] | select(.ifname == "vC") | .mac] | sort | join(" ")' \
		fdb show sw0)
	[ "$entries" = "02:00:00:00:01:01 02:00:00:00:01:02" ]
	check_err $? "FDB entries on vC: '$entries'"
	ll1=$(port_drop "$NS_SW" vC learn-limit)
	[ "$ll1" -eq $((ll0 + 1)) ]
	check_err $? "vC learn-limit counter $ll0 -> $ll1, expected +1"

	xsw_run -n "$NS_SW" port set vC mac-spoofing off learn-limit 1024
	xsw_run -n "$NS_SW" fdb flush sw0 port vC

	log_test "learn limit: at most N MACs learned, the rest counted"
}

mac_move()
{
	local mac=02:00:00:00:88:88 lb0 lc0 lb1 lc1 n

	RET=0
	xsw_run -n "$NS_SW" port set vB mac-spoofing on
	check_err "$rc" "xsw port set vB mac-spoofing on: $err"
	xsw_run -n "$NS_SW" port set vC mac-spoofing on
	check_err "$rc" "xsw port set vC mac-spoofing on: $err"

	send_test "$NS_C" e0 "$mac" "$BCAST"
	busywait 30000 fdb_is "$NS_SW" sw0 "$mac" vC
	check_err $? "$mac not learned on vC"
	lb0=$(port_get "$NS_SW" vB .learned)
	lc0=$(port_get "$NS_SW" vC .learned)

	send_test "$NS_B" e0 "$mac" "$BCAST"
	busywait 30000 fdb_is "$NS_SW" sw0 "$mac" vB
	check_err $? "$mac did not move to vB"
	[ "$(xsw_jq -n "$NS_SW" "[.[] | select(.mac == \"$mac\")] | length" fdb show sw0)" = 1 ]
	check_err $? "$mac is in the FDB more than once"
	lb1=$(port_get "$NS_SW" vB .learned)
	lc1=$(port_get "$NS_SW" vC .learned)
	[ "$((lb1 - lb0)) $((lc1 - lc0))" = "1 -1" ]
	check_err $? "learned on vB/vC moved by $((lb1 - lb0))/$((lc1 - lc0)), expected 1/-1"

	# Traffic follows the move.
	cap_start b "$NS_B" e0 && cap_start c "$NS_C" e0
	check_err $? "tcpdump did not start"
	send_test "$NS_A" e0 "$MAC_A" "$mac"
	send_test "$NS_A" e0 "$MAC_A" "$BCAST"
	cap_wait b 1 "ether dst $mac"
	check_err $? "a frame for the moved MAC did not reach B"
	cap_wait c 1 "ether proto $ETH_TEST and ether broadcast"
	check_err $? "C did not get the broadcast marker"
	cap_stop b c
	n=$(cap_count c "ether dst $mac")
	[ "$n" -eq 0 ]
	check_err $? "C got $n frames for the MAC that moved away"

	xsw_run -n "$NS_SW" port set vB mac-spoofing off
	xsw_run -n "$NS_SW" port set vC mac-spoofing off

	log_test "a MAC seen on another port moves there"
}

switch_down()
{
	local l0 l1 c=0

	RET=0
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B"
	ip -n "$NS_SW" link set sw0 down
	l0=$(port_drop "$NS_SW" vA link-down)
	ping_fails "$NS_A" "$IP_B"
	check_err $? "A pinged B through a switch that is down"
	l1=$(port_drop_wait "$NS_SW" vA link-down $((l0 + 1)))
	[ "$l1" -eq $((l0 + 1)) ]
	check_err $? "vA link-down drops $l0 -> $l1 with sw0 down, expected +1"

	ip -n "$NS_SW" link set sw0 up
	busywait 30000 ping_ok "$NS_A" "$IP_B" || c=1
	check_err "$c" "A cannot ping B once sw0 is up again"

	log_test "the switch forwards only while it is up (link-down)"
}

l2_require
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
