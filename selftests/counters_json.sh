#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The JSON of "xsw -j [-s] port show", "xsw -j -s switch show" and
# "xsw -j fdb show" has exactly the keys of the contract
# (docs: the issue 3 CLI contract), with the right types, every drop
# reason present, and values that agree with ip(8).
#
#  +- $NS_A -----+
#  | e0          |
#  +-----|-------+
#  +-----|----------------------------- $NS_SW --+
#  |    vA (vm)     vT (vm, trunk    h1          |
#  |     |           10,20-30)     (internal)    |
#  |     +----------- sw0 (host port) ---+       |
#  +---------------------------------------------+

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	port_keys
	port_types
	port_values_match_ip
	port_no_stats_without_s
	port_show_selectors
	trunk_vlans_json
	switch_drops_json
	fdb_json
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_A=02:00:00:00:00:0a

PORT_KEYS='["carrier","dhcp_guard","ifindex","ifname","isolated","learn_limit",
	"learned","mac","mac_spoofing","mtu","native_vlan","pvid","router_guard",
	"stats","switch","type","vlan_mode","vlans"]'
STATS_KEYS='["drops","rx_bytes","rx_packets","tx_bytes","tx_packets"]'
DROP_KEYS='["acl","dhcp-guard","extension","isolated","learn-limit","link-down","malformed","mtu",
	"no-destination","nomem","qos","router-guard","spoofed-mac","vlan","vnet-malformed",
	"vnet-no-mapping","vnet-no-route","vnet-spoofed-ca","vnet-ttl","vnet-unknown-pa",
	"vnet-unknown-vsid"]'
FDB_KEYS='["age_ms","ifname","mac","master","state","vlan"]'

setup()
{
	setup_ns NS_SW NS_A || return
	ns_quiet "$NS_SW" "$NS_A" || return
	ip -n "$NS_SW" link add sw0 type xswitch &&
		ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" 10.0.0.1/24 || return
	ip -n "$NS_SW" link set vA master sw0 || return
	ip -n "$NS_SW" link add vT type veth peer name vT2 || return
	ip -n "$NS_SW" link set vT master sw0 || return
	xsw -n "$NS_SW" port add sw0 name h1 type internal || return
	# Some traffic, so the counters are not all zero.
	send_test "$NS_A" e0 "$MAC_A" ff:ff:ff:ff:ff:ff
}

# jq_check JSON FILTER WHAT: FILTER on JSON must print true.
jq_check()
{
	local r

	r=$(jq -e "$2" <<<"$1" 2>&1)
	check_err $? "$3 (jq says: ${r:0:300})"
}

port_keys()
{
	local j

	RET=0
	j=$(xsw_json -n "$NS_SW" -s port show)
	check_err $? "xsw -j -s port show failed or printed invalid JSON"
	jq_check "$j" 'type == "array" and length == 4' \
		"not an array of the 4 ports (sw0, vA, vT, h1)"
	jq_check "$j" "all(.[]; (keys_unsorted | sort) == ($PORT_KEYS | sort))" \
		"a port's keys differ from the contract: $(jq -c '[.[] | keys]' <<<"$j")"
	jq_check "$j" "all(.[]; (.stats | keys_unsorted | sort) == $STATS_KEYS)" \
		"a port's stats keys differ: $(jq -c '[.[].stats | keys]' <<<"$j")"
	jq_check "$j" "all(.[]; (.stats.drops | keys_unsorted | sort) == $DROP_KEYS)" \
		"a port's drop reasons differ from the contract's: $(jq -c '[.[].stats.drops | keys]' <<<"$j")"

	log_test "port show -s: exactly the contract's keys, every drop reason"
}

port_types()
{
	local j

	RET=0
	j=$(xsw_json -n "$NS_SW" -s port show)
	jq_check "$j" 'all(.[];
		(.ifname | type) == "string" and (.ifindex | type) == "number" and
		.switch == "sw0" and
		(.type | IN("external", "vm", "internal", "host")) and
		(.vlan_mode | IN("access", "trunk")) and
		(.pvid | type) == "number" and (.native_vlan | type) == "number" and
		(.vlans | type) == "array" and
		((.mac | type) == "null" or (.mac | test("^[0-9a-f]{2}(:[0-9a-f]{2}){5}$"))) and
		all(.mac_spoofing, .dhcp_guard, .router_guard, .isolated, .carrier;
		    type == "boolean") and
		all(.learn_limit, .learned, .mtu; type == "number") and
		all(.stats | .rx_packets, .tx_packets, .rx_bytes, .tx_bytes;
		    type == "number" and . >= 0) and
		all(.stats.drops[]; type == "number" and . >= 0))' \
		"a value has the wrong type: $j"
	jq_check "$j" '[.[] | "\(.ifname)=\(.type)"] | sort ==
		["h1=internal", "sw0=host", "vA=vm", "vT=vm"]' \
		"port types: $(jq -c '[.[] | "\(.ifname)=\(.type)"]' <<<"$j")"
	jq_check "$j" '.[] | select(.ifname == "vA") |
		.mac == "02:00:00:00:00:0a" and .stats.rx_packets >= 1' \
		"vA: its MAC or rx_packets is wrong"
	jq_check "$j" '.[] | select(.ifname == "vT") | .mac == null' \
		"vT sent nothing, but its mac is not null"

	log_test "port show -s: every value has the contract's type"
}

port_values_match_ip()
{
	local j ip_j dev a b key

	RET=0
	j=$(xsw_json -n "$NS_SW" port show)
	for dev in sw0 vA vT h1; do
		ip_j=$(ip -n "$NS_SW" -j link show "$dev")
		for key in ifindex mtu; do
			a=$(jq -r ".[] | select(.ifname == \"$dev\") | .$key" <<<"$j")
			b=$(jq -r ".[0].$key" <<<"$ip_j")
			[ -n "$a" ] && [ "$a" = "$b" ]
			check_err $? "$dev: xsw $key '$a', ip says '$b'"
		done
	done

	log_test "port show: ifindex and mtu agree with ip link"
}

port_no_stats_without_s()
{
	local j

	RET=0
	j=$(xsw_json -n "$NS_SW" port show)
	check_err $? "xsw -j port show failed or printed invalid JSON"
	jq_check "$j" 'length == 4 and all(.[]; has("stats") | not)' \
		"stats printed without -s"
	jq_check "$j" "all(.[]; (keys_unsorted | sort) == ($PORT_KEYS - [\"stats\"] | sort))" \
		"keys without -s differ from the contract"

	log_test "port show without -s has no stats"
}

port_show_selectors()
{
	local j

	RET=0
	j=$(xsw_json -n "$NS_SW" port show dev vA)
	jq_check "$j" 'length == 1 and .[0].ifname == "vA"' \
		"port show dev vA: $j"
	j=$(xsw_json -n "$NS_SW" port show vA)
	jq_check "$j" 'length == 1 and .[0].ifname == "vA"' \
		"port show vA (bare name): $j"
	j=$(xsw_json -n "$NS_SW" port show switch sw0)
	jq_check "$j" 'length == 4' "port show switch sw0: $j"
	xsw_run -n "$NS_SW" -j port show dev nosuch
	[ "$rc" -eq 1 ] && [ -z "$out" ]
	check_err $? "port show dev nosuch: exit $rc, stdout '$out'"
	xsw_run -n "$NS_SW" -j port show dev lo
	check_refused "port show dev lo" "not a switch port"

	log_test "port show dev, bare name and switch select ports"
}

trunk_vlans_json()
{
	local j

	RET=0
	xsw_run -n "$NS_SW" port set vT vlan-mode trunk vlans 1,10,20-30 native 1
	check_err "$rc" "xsw port set vT vlan-mode trunk vlans 1,10,20-30 native 1: $err"
	j=$(xsw_json -n "$NS_SW" port show dev vT)
	jq_check "$j" '.[0] | .vlan_mode == "trunk" and .native_vlan == 1 and
		.vlans == [{"vlan": 1}, {"vlan": 10}, {"vlan": 20, "vlan_end": 30}]' \
		"trunk vT: $(jq -c '.[0] | {vlan_mode, native_vlan, vlans}' <<<"$j")"
	j=$(xsw_json -n "$NS_SW" port show dev vA)
	jq_check "$j" '.[0] | .vlan_mode == "access" and .vlans == [] and .pvid == 1' \
		"access vA: $(jq -c '.[0] | {vlan_mode, pvid, vlans}' <<<"$j")"

	log_test "vlans is a list of {vlan[, vlan_end]}, [] on access ports"
}

switch_drops_json()
{
	local j

	RET=0
	j=$(xsw_json -n "$NS_SW" -s switch show sw0)
	check_err $? "xsw -j -s switch show sw0 failed or printed invalid JSON"
	jq_check "$j" '.[0].ageing == 300' "ageing: $(jq -c '.[0].ageing' <<<"$j")"
	jq_check "$j" "(.[0].stats.drops | keys_unsorted | sort) == $DROP_KEYS" \
		"switch drops: $(jq -c '.[0].stats' <<<"$j")"
	jq_check "$j" 'all(.[0].stats.drops[]; type == "number")' \
		"switch drop counters are not numbers"

	log_test "switch show -s: ageing and every drop reason"
}

fdb_json()
{
	local j

	RET=0
	xsw_run -n "$NS_SW" fdb add sw0 mac 02:00:00:00:00:77 port vA
	check_err "$rc" "xsw fdb add: $err"
	send_test "$NS_A" e0 "$MAC_A" ff:ff:ff:ff:ff:ff
	j=$(xsw_json -n "$NS_SW" fdb show sw0)
	check_err $? "xsw -j fdb show sw0 failed or printed invalid JSON"
	jq_check "$j" "length == 2 and all(.[]; (keys_unsorted | sort) == $FDB_KEYS)" \
		"fdb entries: $j"
	jq_check "$j" '[.[] | "\(.mac) \(.vlan) \(.ifname) \(.master) \(.state)"] | sort ==
		["02:00:00:00:00:0a 1 vA sw0 learned", "02:00:00:00:00:77 1 vA sw0 static"]' \
		"fdb entries: $j"
	jq_check "$j" 'all(.[]; (.age_ms | type) == "number")' "age_ms is not a number"

	log_test "fdb show: the contract's keys for learned and static entries"
}

l2_require
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
