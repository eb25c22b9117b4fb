#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The kernel's own validation of generic netlink requests, sent raw (no
# libxswitch, no xsw: selftests/lib/xsw_nlreq.py), as any client in any
# language would send them.  Every refusal must carry an errno AND an
# extended-ack message that names the problem, and leave the state as it
# was (read back with "xsw -j"):
#  - an attribute an operation does not take is refused, not ignored;
#  - what an operation takes is honoured: FDB_FLUSH's mac, vlan and port
#    filters, FDB_DEL's port, the switch of PORT_DEL, PORT_GET and QOS_GET,
#    the port or name of a PORT_GET, SWITCH_GET or EXT_GET dump;
#  - nonsense is refused: a min rate above the uplink (or guarantees that
#    add up to more), a static fdb entry in a VLAN the port does not carry,
#    a trunk's native VLAN outside its VLANs, a bridge, bond, switch, port
#    or loopback device, or one with an rx_handler, as a port;
#  - a missing required attribute gets a message, besides the
#    NLMSGERR_ATTR_MISS_TYPE pointer;
#  - the same for the network virtualisation's commands (vnets, virtual
#    subnets, PAs, ports' VSIDs, mappings): what an operation does not
#    take, the read-only attributes the kernel reports, a name or CA in a
#    dump, and every missing required attribute.
#
#  +- $NS_SW ---------------------------------------------------------+
#  |  sw0: up0 (external, veth, 10 Gbit/s)                            |
#  |       vA (vm, trunk vlans 10,20)  vB (vm, access pvid 1)         |
#  |       h0 (internal)                                              |
#  |  sw1: vC (vm)                                                    |
#  |  not ports: br0 (bridge), bond0 (bond), vR (macvlan m0's lower)  |
#  |  vnet_*: vnets T1 (VSIDs 5001, 10.1.1.0/24, and 5002, layer 2)   |
#  |  and T2; PA 192.0.2.10 of sw0 (h0 has it, and 192.0.2.11); vB in  |
#  |  5001 with CA 10.1.1.11; mapping 10.1.1.12 -> 198.51.100.20       |
#  |  the veths' peers (pU, pA, pB, pC, pR) stay here, unused         |
#  +------------------------------------------------------------------+
#
# No frame is sent: the FDB holds only the static entries the tests add.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	unused_attrs_refused
	missing_attrs_named
	fdb_flush_filters
	fdb_del_port
	switch_of_port_honoured
	dump_filters_honoured
	qos_min_above_link
	fdb_static_vlan_carried
	trunk_native_in_vlans
	port_devices_refused
	vnet_attrs_refused
	vnet_missing_attrs_named
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"

HDR=$(cd "$(dirname "$0")/.." && pwd)/uapi/linux/xswitch.h
NLREQ=$(cd "$(dirname "$0")" && pwd)/lib/xsw_nlreq.py

M1=02:00:00:00:01:01
M2=02:00:00:00:01:02
M3=02:00:00:00:01:03

# VLANS=hex:... for XSW_A_PORT_VLANS: bit N is VLAN N, LSB first.
vlan_bitmap()
{
	python3 -c '
import sys
b = bytearray(512)
for v in sys.argv[1:]:
    b[int(v) // 8] |= 1 << (int(v) % 8)
print("hex:" + b.hex())' "$@"
}

setup()
{
	local d

	ip netns exec "$NS_SW" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 || return 1
	"$XSW" -n "$NS_SW" switch add sw0 && "$XSW" -n "$NS_SW" switch add sw1 ||
		return 1
	for d in U A B C R; do
		ip -n "$NS_SW" link add "v$d" type veth peer name "p$d" || return 1
	done
	ip -n "$NS_SW" link set vU name up0 &&
	"$XSW" -n "$NS_SW" port add sw0 dev up0 type external &&
	"$XSW" -n "$NS_SW" port add sw0 dev vA &&
	"$XSW" -n "$NS_SW" port add sw0 dev vB &&
	"$XSW" -n "$NS_SW" port add sw0 name h0 type internal &&
	"$XSW" -n "$NS_SW" port add sw1 dev vC &&
	"$XSW" -n "$NS_SW" port set vA vlan-mode trunk vlans 10,20 || return 1
	ip -n "$NS_SW" link add br0 type bridge &&
	ip -n "$NS_SW" link add bond0 type bond || return 1
	# A macvlan takes its lower device's rx_handler; a kernel without
	# macvlan leaves vR free, and that case is skipped.
	ip -n "$NS_SW" link add m0 link vR type macvlan 2>/dev/null
	for d in up0 vA vB vC pU pA pB pC; do
		ip -n "$NS_SW" link set "$d" up || return 1
	done
}

# batch: the cases on stdin (selftests/lib/xsw_nlreq.py says how to write
# them), sent raw in one process.  Each refusal is checked for its errno,
# its message and attribute, and for leaving every setting of every switch
# as it was (raw dumps around it); xsw_nlreq.py prints what failed.
batch()
{
	local out

	out=$(ip netns exec "$NS_SW" python3 "$NLREQ" "$HDR" sw0 sw1)
	check_err $? "$out"
	log_info "$(tail -n1 <<<"$out")"
}

# The state as xsw reads it (-j): every object's settings, of both
# switches, without what moves by itself (counters, ages, link state).
state()
{
	local sw

	{
		"$XSW" -n "$NS_SW" -j switch show &&
		"$XSW" -n "$NS_SW" -j port show &&
		for sw in sw0 sw1; do
			"$XSW" -n "$NS_SW" -j fdb show "$sw" &&
			"$XSW" -n "$NS_SW" -j ext show dev "$sw" || return 1
		done &&
		"$XSW" -n "$NS_SW" -j acl show &&
		"$XSW" -n "$NS_SW" -j qos show &&
		"$XSW" -n "$NS_SW" -j vnet show &&
		"$XSW" -n "$NS_SW" -j vsubnet show &&
		"$XSW" -n "$NS_SW" -j pa show &&
		"$XSW" -n "$NS_SW" -j map show
	} | jq -c 'walk(if type == "object" then
			del(.stats, .age_ms, .learned, .carrier, .operstate,
			    .mtu, .conn_entries, .conn_evictions, .conn_expired)
		    else . end)'
}

# refusals: a batch of refusals, and xsw -j reads the same state after it.
refusals()
{
	local before after

	before=$(state)
	check_err $? "xsw cannot read the state"
	batch
	after=$(state)
	[ "$before" = "$after" ]
	check_err $? "xsw reads another state after the refusals: $(diff <(echo "$before") <(echo "$after"))"
}

# fdb_entries: "MAC/VLAN/PORT/state" of sw0's entries as xsw reads them.
fdb_entries()
{
	"$XSW" -n "$NS_SW" -j fdb show sw0 |
		jq -r '[.[] | "\(.mac)/\(.vlan)/\(.ifname)/\(.state)"] | sort | join(" ")'
}

FDB_FILL="
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 STATIC=flag:
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:10 PORT_IFNAME=str:vA
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:20 PORT_IFNAME=str:vA
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M2 VLAN=u16:10 PORT_IFNAME=str:vA
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M2 VLAN=u16:1 PORT_IFNAME=str:vB
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M3 VLAN=u16:1 PORT_IFNAME=str:vB
fdb sw0 $M1/10/vA/static $M1/20/vA/static $M2/1/vB/static $M2/10/vA/static $M3/1/vB/static
"

unused_attrs_refused()
{
	RET=0
	"$XSW" -n "$NS_SW" ext attach sw0 example
	check_err $? "cannot attach example to sw0"
	"$XSW" -n "$NS_SW" fdb add sw0 mac "$M1" vlan 10 port vA
	check_err $? "cannot add a static entry"

	refusals <<EOF
22|static|STATIC FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M2 VLAN=u16:10 PORT_IFNAME=str:vA STATIC=flag:
22|static|STATIC FDB_DEL SWITCH_IFNAME=str:sw0 MAC=mac:$M1 STATIC=flag:
22|dump|MAC --dump FDB_GET SWITCH_IFNAME=str:sw0 MAC=mac:$M1
22|priority|PRIORITY EXT_GET NAME=str:example SWITCH_IFNAME=str:sw0 PRIORITY=u32:5
22|options|OPTIONS EXT_GET NAME=str:example OPTIONS=hex:
22|priority|PRIORITY EXT_DETACH NAME=str:example SWITCH_IFNAME=str:sw0 PRIORITY=u32:5
22|options|OPTIONS EXT_DETACH NAME=str:example SWITCH_IFNAME=str:sw0 OPTIONS=hex:
# A nest sent as one (NLA_F_NESTED) meets the kernel's own check first.
22|NLA_F_NESTED|OPTIONS EXT_DETACH NAME=str:example SWITCH_IFNAME=str:sw0 OPTIONS=nest:
22|ageing|AGEING_TIME SWITCH_NEW IFNAME=str:sw9 AGEING_TIME=u32:10
22|ifindex|IFINDEX SWITCH_NEW IFINDEX=u32:1 IFNAME=str:sw9
22|conn max|CONN_MAX SWITCH_DEL IFNAME=str:sw1 CONN_MAX=u32:10
22|port set|PVID PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:pR PVID=u16:5
22|type|TYPE PORT_DEL IFNAME=str:vB TYPE=u8:2
22|port set|ISOLATED PORT_DEL IFNAME=str:vB ISOLATED=u8:1
22|port set|VLAN_MODE PORT_GET IFNAME=str:vB VLAN_MODE=u8:2
22|type|TYPE PORT_SET IFNAME=str:vB TYPE=u8:1 ISOLATED=u8:1
22|kernel|ID ACL_ADD PORT_IFNAME=str:vB DIR=u8:1 ACTION=u8:2 ID=u32:7
22|default|DEFAULT ACL_ADD PORT_IFNAME=str:vB DIR=u8:1 ACTION=u8:2 DEFAULT=u8:2
22|replace|RULES ACL_ADD PORT_IFNAME=str:vB DIR=u8:1 ACTION=u8:2 RULES=hex:
22|NLA_F_NESTED|RULES ACL_ADD PORT_IFNAME=str:vB DIR=u8:1 ACTION=u8:2 RULES=nest:
22|acl del|ACTION ACL_DEL PORT_IFNAME=str:vB ID=u32:1 ACTION=u8:2
22|flush|SRC_MAC --dump ACL_GET PORT_IFNAME=str:vB SRC_MAC=mac:$M1
22|flush|PRIORITY ACL_FLUSH PORT_IFNAME=str:vB PRIORITY=u32:1
22|acl set|ID ACL_SET PORT_IFNAME=str:vB DIR=u8:1 DEFAULT=u8:2 ID=u32:1
22|XSW_A_ACL_RULE|ACTION ACL_REPLACE PORT_IFNAME=str:vB DIR=u8:1 RULES=nest: ACTION=u8:2
22|qos del|DEL_MIN QOS_SET PORT_IFNAME=str:vB MIN_WEIGHT=u32:5 DEL_MIN=flag:
22|qos show|MAX_RATE QOS_GET PORT_IFNAME=str:vB MAX_RATE=u64:1000
22|values|MIN_RATE QOS_DEL PORT_IFNAME=str:vB MIN_RATE=u64:1000
EOF

	"$XSW" -n "$NS_SW" ext detach sw0 example
	check_err $? "cannot detach example from sw0"
	"$XSW" -n "$NS_SW" fdb flush sw0 static
	log_test "attributes an operation does not take: refused with a message, nothing changed"
}

missing_attrs_named()
{
	RET=0
	refusals <<EOF
miss|mac|MAC FDB_NEW SWITCH_IFNAME=str:sw0 PORT_IFNAME=str:vA
miss|mac|MAC FDB_DEL SWITCH_IFNAME=str:sw0
miss|name|NAME EXT_GET SWITCH_IFNAME=str:sw0
miss|name|NAME EXT_ATTACH SWITCH_IFNAME=str:sw0
miss|name|NAME EXT_SET SWITCH_IFNAME=str:sw0 PRIORITY=u32:1
miss|name|NAME EXT_DETACH SWITCH_IFNAME=str:sw0
miss|direction|DIR ACL_ADD PORT_IFNAME=str:vB ACTION=u8:1
miss|action|ACTION ACL_ADD PORT_IFNAME=str:vB DIR=u8:1
miss|id|ID ACL_DEL PORT_IFNAME=str:vB
miss|direction|DIR ACL_REPLACE PORT_IFNAME=str:vB RULES=nest:
miss|rules|RULES ACL_REPLACE PORT_IFNAME=str:vB DIR=u8:1
miss|direction|DIR ACL_SET PORT_IFNAME=str:vB DEFAULT=u8:1
miss|default|DEFAULT ACL_SET PORT_IFNAME=str:vB DIR=u8:1
miss|name|IFNAME PORT_NEW SWITCH_IFNAME=str:sw0 TYPE=u8:3
EOF
	log_test "a missing required attribute: MISS_TYPE and a message"
}

fdb_flush_filters()
{
	local e

	RET=0
	batch <<EOF
$FDB_FILL
# Without STATIC, a filter flushes learned entries only: none here.
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 VLAN=u16:10
fdb sw0 $M1/10/vA/static $M1/20/vA/static $M2/1/vB/static $M2/10/vA/static $M3/1/vB/static
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 VLAN=u16:10 STATIC=flag:
fdb sw0 $M1/20/vA/static $M2/1/vB/static $M3/1/vB/static
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 MAC=mac:$M3 STATIC=flag:
fdb sw0 $M1/20/vA/static $M2/1/vB/static
$FDB_FILL
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 PORT_IFNAME=str:vB STATIC=flag:
fdb sw0 $M1/10/vA/static $M1/20/vA/static $M2/10/vA/static
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:20 PORT_IFNAME=str:vA STATIC=flag:
fdb sw0 $M1/10/vA/static $M2/10/vA/static
# Combined filters must all match: $M2 is on vA only now.
ok FDB_FLUSH SWITCH_IFNAME=str:sw0 MAC=mac:$M2 PORT_IFNAME=str:vB STATIC=flag:
fdb sw0 $M1/10/vA/static $M2/10/vA/static
# A port of another switch is refused.
22|not a port of this switch|PORT_IFNAME FDB_FLUSH SWITCH_IFNAME=str:sw0 PORT_IFNAME=str:vC STATIC=flag:
$FDB_FILL
EOF
	# xsw's own filters, read back with xsw.
	"$XSW" -n "$NS_SW" fdb flush sw0 vlan 10 mac "$M2" static
	check_err $? "xsw fdb flush sw0 vlan 10 mac $M2 static"
	e="$M1/10/vA/static $M1/20/vA/static $M2/1/vB/static $M3/1/vB/static"
	[ "$(fdb_entries)" = "$e" ]
	check_err $? "xsw fdb flush vlan 10 mac $M2: '$(fdb_entries)', expected '$e'"
	"$XSW" -n "$NS_SW" fdb flush sw0 port vB static
	e="$M1/10/vA/static $M1/20/vA/static"
	[ "$(fdb_entries)" = "$e" ]
	check_err $? "xsw fdb flush port vB: '$(fdb_entries)', expected '$e'"

	"$XSW" -n "$NS_SW" fdb flush sw0 static
	log_test "FDB_FLUSH honours mac, vlan and port, alone and together"
}

fdb_del_port()
{
	local e

	RET=0
	batch <<EOF
$FDB_FILL
2|another port|MAC FDB_DEL SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:10 PORT_IFNAME=str:vB
2|another port|MAC FDB_DEL SWITCH_IFNAME=str:sw0 MAC=mac:$M3 PORT_IFNAME=str:vA
22|not a port of this switch|PORT_IFNAME FDB_DEL SWITCH_IFNAME=str:sw0 MAC=mac:$M3 PORT_IFNAME=str:vC
ok FDB_DEL SWITCH_IFNAME=str:sw0 MAC=mac:$M2 PORT_IFNAME=str:vB
fdb sw0 $M1/10/vA/static $M1/20/vA/static $M2/10/vA/static $M3/1/vB/static
EOF
	"$XSW" -n "$NS_SW" fdb del sw0 mac "$M1" port vB 2>/dev/null
	check_fail $? "xsw fdb del sw0 mac $M1 port vB: deleted an entry on vA"
	"$XSW" -n "$NS_SW" fdb del sw0 mac "$M1" port vA
	check_err $? "xsw fdb del sw0 mac $M1 port vA"
	e="$M2/10/vA/static $M3/1/vB/static"
	[ "$(fdb_entries)" = "$e" ]
	check_err $? "after xsw fdb del: '$(fdb_entries)', expected '$e'"

	"$XSW" -n "$NS_SW" fdb flush sw0 static
	log_test "FDB_DEL with a port deletes only entries on that port"
}

switch_of_port_honoured()
{
	RET=0
	refusals <<EOF
22|not on this switch|SWITCH_IFNAME PORT_DEL IFNAME=str:vC SWITCH_IFNAME=str:sw0
22|not on this switch|SWITCH_IFNAME PORT_GET IFNAME=str:vC SWITCH_IFNAME=str:sw0
22|not on this switch|SWITCH_IFNAME PORT_SET IFNAME=str:vC SWITCH_IFNAME=str:sw0 ISOLATED=u8:1
22|not on this switch|SWITCH_IFNAME QOS_GET PORT_IFNAME=str:vC SWITCH_IFNAME=str:sw0
22|not on this switch|SWITCH_IFNAME QOS_SET PORT_IFNAME=str:vC SWITCH_IFNAME=str:sw0 MIN_WEIGHT=u32:5
19|no such switch|SWITCH_IFNAME PORT_GET IFNAME=str:vC SWITCH_IFNAME=str:nosuch
ok:1 PORT_GET IFNAME=str:vC SWITCH_IFNAME=str:sw1
ok:1 QOS_GET PORT_IFNAME=str:vC SWITCH_IFNAME=str:sw1
EOF
	log_test "PORT_DEL, PORT_GET, PORT_SET, QOS_GET, QOS_SET: the port must be on the named switch"
}

dump_filters_honoured()
{
	local n

	RET=0
	modprobe -a xsw_example xsw_vepa
	check_err $? "modprobe xsw_example xsw_vepa"
	n=$("$XSW" -n "$NS_SW" -j ext show | jq length)
	[ "$n" -gt 1 ]
	check_err $? "xsw lists $n extensions, expected more than one"
	batch <<EOF
ok:1 --dump PORT_GET IFNAME=str:vA
# A dump's own refusal (in NLMSG_DONE) carries the message only.
22|not on this switch|- --dump PORT_GET IFNAME=str:vA SWITCH_IFNAME=str:sw1
ok:1 --dump SWITCH_GET IFNAME=str:sw1
ok:2 --dump SWITCH_GET
ok:$n --dump EXT_GET
ok:1 --dump EXT_GET NAME=str:example
2|no extension|- --dump EXT_GET NAME=str:nosuch
EOF
	log_test "dumps honour the port, switch or extension they name"
}

qos_min_above_link()
{
	local vb="PORT_IFNAME=str:vB" va="PORT_IFNAME=str:vA" n e

	RET=0
	# up0 is a veth: 10 Gbit/s, with no link rate set.
	batch <<EOF
34|uplink|MIN_RATE QOS_SET $va MIN_RATE=u64:900000000000
ok QOS_SET $va MIN_RATE=u64:6000000000
34|add up|MIN_RATE QOS_SET $vb MIN_RATE=u64:5000000000
ok QOS_SET $vb MIN_RATE=u64:4000000000
# Replacing a port's own guarantee counts it once.
ok QOS_SET $va MIN_RATE=u64:6000000000
# A link rate below the guarantees is refused; above, it is the bound.
34|below|LINK_RATE QOS_SET PORT_IFNAME=str:up0 LINK_RATE=u64:9000000000
ok QOS_DEL $vb DEL_MIN=flag:
ok QOS_SET PORT_IFNAME=str:up0 LINK_RATE=u64:7000000000
34|add up|MIN_RATE QOS_SET $vb MIN_RATE=u64:2000000000
ok QOS_SET $vb MIN_RATE=u64:1000000000
# Weights share what the rates leave: always fine.
ok QOS_SET $vb MIN_WEIGHT=u32:50
EOF
	n=$("$XSW" -n "$NS_SW" -j qos show | jq -c 'map({ifname, min_rate,
		min_weight, link_rate}) | sort_by(.ifname)')
	e='[{"ifname":"up0","min_rate":null,"min_weight":null,"link_rate":7000000000},{"ifname":"vA","min_rate":6000000000,"min_weight":null,"link_rate":null},{"ifname":"vB","min_rate":null,"min_weight":50,"link_rate":null}]'
	[ "$n" = "$e" ]
	check_err $? "xsw qos show: $n, expected $e"
	batch <<EOF
ok QOS_DEL $va
ok QOS_DEL $vb
ok QOS_DEL PORT_IFNAME=str:up0
EOF
	log_test "min rates above the uplink's link rate, alone or together, are refused"
}

fdb_static_vlan_carried()
{
	RET=0
	batch <<EOF
22|does not carry|VLAN FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:30 PORT_IFNAME=str:vA
22|does not carry|VLAN FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:10 PORT_IFNAME=str:vB
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M1 VLAN=u16:20 PORT_IFNAME=str:vA
ok FDB_NEW SWITCH_IFNAME=str:sw0 MAC=mac:$M2 PORT_IFNAME=str:vB
EOF
	[ "$(fdb_entries)" = "$M1/20/vA/static $M2/1/vB/static" ]
	check_err $? "entries: '$(fdb_entries)'"
	"$XSW" -n "$NS_SW" fdb flush sw0 static
	log_test "a static fdb entry in a VLAN its port does not carry is refused"
}

trunk_native_in_vlans()
{
	local n

	RET=0
	batch <<EOF
22|native|NATIVE_VLAN PORT_SET IFNAME=str:vA NATIVE_VLAN=u16:30
22|native|NATIVE_VLAN PORT_SET IFNAME=str:vA NATIVE_VLAN=u16:10 VLANS=$(vlan_bitmap 20 30)
22|native|NATIVE_VLAN PORT_SET IFNAME=str:vB VLAN_MODE=u8:2 VLANS=$(vlan_bitmap 10) NATIVE_VLAN=u16:1
ok PORT_SET IFNAME=str:vA NATIVE_VLAN=u16:10
# Taking the native VLAN off the list is refused too.
22|native|VLANS PORT_SET IFNAME=str:vA VLANS=$(vlan_bitmap 20)
EOF
	n=$("$XSW" -n "$NS_SW" -j port show vA | jq -c '.[0] | [.native_vlan, .vlans]')
	[ "$n" = '[10,[{"vlan":10},{"vlan":20}]]' ]
	check_err $? "vA: $n, expected native 10 and vlans 10, 20"
	"$XSW" -n "$NS_SW" port set vA vlans 20 native 1 2>/dev/null
	check_fail $? "xsw port set vA vlans 20 native 1 was accepted"
	"$XSW" -n "$NS_SW" port set vA native none
	check_err $? "xsw port set vA native none"
	log_test "a trunk's native VLAN must be one of its VLANs"
}

port_devices_refused()
{
	local rx=

	RET=0
	# A macvlan takes its lower device's rx_handler.
	if ip -n "$NS_SW" link show m0 >/dev/null 2>&1; then
		rx="16|rx_handler|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:vR"
	else
		log_info "no macvlan: the rx_handler case is not run"
	fi
	refusals <<EOF
22|bridge|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:br0
22|bond|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:bond0
22|loopback|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:lo
40|switch|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:sw1
40|itself|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:sw0
16|already a port|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:vC
16|already a port|- PORT_NEW SWITCH_IFNAME=str:sw1 IFNAME=str:h0
$rx
EOF
	log_test "bridge, bond, loopback, switch, port and busy devices cannot be ports"
}

# The network virtualisation objects of the vnet_* tests.
CA1=hex:0a01010b	# 10.1.1.11, vB's CA
CA2=hex:0a01010c	# 10.1.1.12, mapped
CA3=hex:0a01010d	# 10.1.1.13, free
PA1=hex:c000020a	# 192.0.2.10, sw0's PA
PA2=hex:c000020b	# 192.0.2.11, h0's, no PA
RPA=hex:c6336414	# 198.51.100.20, a remote PA
M5=mac:02:00:00:00:05:01

# nv ARGS: xsw ARGS in the switches' namespace
nv()
{
	"$XSW" -n "$NS_SW" "$@"
}

vnet_setup()
{
	ip -n "$NS_SW" addr add 192.0.2.10/32 dev h0 &&
	ip -n "$NS_SW" addr add 192.0.2.11/32 dev h0 &&
	nv vnet add T1 rdid 1 && nv vnet add T2 rdid 2 &&
	nv vsubnet add 5001 vnet T1 prefix 10.1.1.0/24 &&
	nv vsubnet add 5002 vnet T1 encap nvgre &&
	nv pa add sw0 192.0.2.10 &&
	nv port set vB vsid 5001 ca 10.1.1.11 &&
	nv map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:05:12 pa 198.51.100.20
}

vnet_cleanup()
{
	nv map flush
	nv port set vB vsid none
	nv pa del sw0 192.0.2.10
	nv vsubnet del 5001 && nv vsubnet del 5002 &&
	nv vnet del T1 && nv vnet del T2
	ip -n "$NS_SW" addr flush dev h0
}

# Each refusal would change the state if the kernel ignored the attribute
# it must refuse (or honoured it): refusals checks that nothing changed.
vnet_attrs_refused()
{
	local map="VSID=u32:5001 CA=$CA3 MAC=$M5 PA=$RPA"

	RET=0
	vnet_setup
	check_err $? "cannot set up vnets, subnets, a PA, a VSID port, a mapping"
	refusals <<EOF
22|read-only|NUM_VSUBNETS VNET_NEW NAME=str:T9 RDID=u32:9 NUM_VSUBNETS=u32:1
22|read-only|GEN VNET_NEW NAME=str:T9 RDID=u32:9 GEN=u64:1
22|rdid|RDID VNET_DEL NAME=str:T2 RDID=u32:2
22|rdid|RDID VNET_GET NAME=str:T1 RDID=u32:1
22|get one|- --dump VNET_GET NAME=str:T1
22|read-only|RDID VSUBNET_NEW VSID=u32:5009 VNET=str:T1 RDID=u32:1
22|read-only|NUM_PORTS VSUBNET_NEW VSID=u32:5009 VNET=str:T1 NUM_PORTS=u32:0
22|prefixes nest|PREFIX VSUBNET_NEW VSID=u32:5009 VNET=str:T1 PREFIX=hex:
22|vsid alone|VNET VSUBNET_DEL VSID=u32:5002 VNET=str:T1
22|vsid alone|ENCAP VSUBNET_DEL VSID=u32:5002 ENCAP=u8:2
22|vsid alone|GATEWAY VSUBNET_GET VSID=u32:5001 GATEWAY=$CA3
22|read-only|NUM_MAPS VSUBNET_GET VSID=u32:5001 NUM_MAPS=u32:0
22|get one|- --dump VSUBNET_GET VSID=u32:5001
22|read-only|GEN PA_NEW SWITCH_IFNAME=str:sw0 ADDR=$PA2 GEN=u64:1
22|read-only|GEN PA_DEL SWITCH_IFNAME=str:sw0 ADDR=$PA1 GEN=u64:1
22|pa show|SWITCH_IFNAME --dump PA_GET SWITCH_IFNAME=str:sw0
22|pa show|ADDR --dump PA_GET ADDR=$PA1
22|cas nest|CA VPORT_SET PORT_IFNAME=str:vB VSID=u32:0 CA=$CA1
22|read-only|GEN VPORT_SET PORT_IFNAME=str:vB VSID=u32:0 GEN=u64:1
22|dumped whole|PORT_IFNAME --dump VPORT_GET PORT_IFNAME=str:vB
22|dumped whole|VSID --dump VPORT_GET VSID=u32:5001
22|read-only|RDID MAP_NEW $map RDID=u32:1
22|read-only|HITS MAP_NEW $map HITS=u64:1
22|map bulk|ENTRIES MAP_NEW $map ENTRIES=hex:
22|dump filter|GEN_MIN MAP_NEW $map GEN_MIN=u64:1
22|vsid and ca alone|MAC MAP_DEL VSID=u32:5001 CA=$CA2 MAC=$M5
22|vsid and ca alone|PA MAP_DEL VSID=u32:5001 CA=$CA2 PA=$RPA
22|vsid, ca and gen min|MAC MAP_GET VSID=u32:5001 CA=$CA2 MAC=$M5
22|filters a map dump|GEN_MIN MAP_GET VSID=u32:5001 CA=$CA2 GEN_MIN=u64:1
22|no ca|- --dump MAP_GET VSID=u32:5001 CA=$CA2
22|vsid or nothing|CA MAP_FLUSH VSID=u32:5001 CA=$CA2
22|vsid or nothing|GEN_MIN MAP_FLUSH GEN_MIN=u64:999999
22|entries nest|VSID MAP_BULK $map
22|switch set|VXLAN_PORT SWITCH_NEW IFNAME=str:sw9 VXLAN_PORT=u16:4790
22|switch set|VXLAN_PORT SWITCH_DEL IFNAME=str:sw1 VXLAN_PORT=u16:4790
ok:1 VNET_GET NAME=str:T1
ok:2 --dump VNET_GET
ok:1 --dump MAP_GET VSID=u32:5001
ok:1 --dump VPORT_GET
EOF
	vnet_cleanup
	log_test "network virtualisation: unused and read-only attributes refused, nothing changed"
}

vnet_missing_attrs_named()
{
	local mac="MAC=$M5" pa="PA=$RPA"

	RET=0
	vnet_setup
	check_err $? "cannot set up vnets, subnets, a PA, a VSID port, a mapping"
	refusals <<EOF
miss|vnet name|NAME VNET_NEW RDID=u32:9
miss|rdid|RDID VNET_NEW NAME=str:T9
miss|vnet name|NAME VNET_DEL
miss|vnet name|NAME VNET_GET
miss|vsid|VSID VSUBNET_NEW VNET=str:T1
miss|vnet name|VNET VSUBNET_NEW VSID=u32:5009
miss|vsid|VSID VSUBNET_DEL
miss|vsid|VSID VSUBNET_GET
22|switch ifindex or name|- PA_NEW ADDR=$PA2
miss|address|ADDR PA_NEW SWITCH_IFNAME=str:sw0
miss|address|ADDR PA_DEL SWITCH_IFNAME=str:sw0
22|port ifindex or name|- VPORT_SET VSID=u32:0
miss|vsid|VSID VPORT_SET PORT_IFNAME=str:vB
miss|with its cas|CAS VPORT_SET PORT_IFNAME=str:vA VSID=u32:5001
miss|a vsid|VSID MAP_NEW CA=$CA3 $mac $pa
miss|a ca|CA MAP_NEW VSID=u32:5001 $mac $pa
miss|a mac|MAC MAP_NEW VSID=u32:5001 CA=$CA3 $pa
miss|a pa|PA MAP_NEW VSID=u32:5001 CA=$CA3 $mac
miss|vsid|VSID MAP_DEL CA=$CA2
miss|ca is|CA MAP_DEL VSID=u32:5001
miss|vsid|VSID MAP_GET CA=$CA2
miss|ca is|CA MAP_GET VSID=u32:5001
miss|entries|ENTRIES MAP_BULK
EOF
	vnet_cleanup
	log_test "network virtualisation: a missing required attribute, MISS_TYPE and a message"
}

require_root
require_cmd xsw jq ip python3
require_module xswitch
trap lib_cleanup EXIT
setup_ns NS_SW
setup || { echo "FAIL: setup"; exit "$ksft_fail"; }
tests_run
exit "$EXIT_STATUS"
