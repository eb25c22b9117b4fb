#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The extension framework, seen from outside: "xsw ext show" lists the
# registered extensions with their type, description and options; attach
# loads a missing module; attach, set and detach check what they are given
# and change all or nothing; frames go through captures, then filters in
# priority order, then the forwarding extension, and the counters say so;
# a filter's drop counts as the port's "extension" drop; one forwarding
# extension per switch; a port_add veto refuses a port (and an attach);
# an extension can clone and inject; rmmod of an attached extension
# detaches it everywhere; attach, detach, reorder and rmmod under traffic
# lose no frame.
#
#  +- $NS_A ------+  +- $NS_B ------+  +- $NS_C ------+
#  | e0 10.0.0.1  |  | e0 10.0.0.2  |  | e0 10.0.0.3  |
#  | $MAC_A       |  | $MAC_B       |  | $MAC_C       |
#  +------|-------+  +------|-------+  +------|-------+
#         | veth            | veth            | veth
#  +------|-----------------|-----------------|---- $NS_SW -------+
#  |     vA                vB                vC        vX (veth,  |
#  |      +----------------- sw0 ---------------+       vetoed)   |
#  |      extensions: example, vepa (kmod/ext), st-capture,       |
#  |      st-filter, st-forward (selftests/ext/xsw_selftest.ko)   |
#  +--------------------------------------------------------------+
#  +- $NS_SW2 -----+
#  | sw1 (xswitch) |   a second switch, for rmmod
#  +---------------+
#
# IPv6 is off and neighbour entries are permanent, so only the frames a
# test sends cross the switch and counters can be checked exactly.  Frames
# of the experimental ethertypes 0x88b5 (dropped by "example") and 0x88b6
# (passed) are sent with lib/sendframe.py and watched with tcpdump;
# everything else is read from "xsw -j" with jq.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	ext_list
	attach_autoloads
	attach_twice
	show_dev
	priority
	options_roundtrip
	options_refused
	order_capture_filter
	order_filter_priority
	forwarding_extension
	port_veto
	attach_veto
	mirror
	rmmod_detaches
	churn_under_traffic
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/ext.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/ext.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_C=02:00:00:00:00:0c
IP_A=10.0.0.1
IP_B=10.0.0.2
IP_C=10.0.0.3
ETH_DROP=0x88b5		# = $ETH_TEST; "example" is set to drop it
ETH_PASS=0x88b6
U32_MAX=4294967295

setup()
{
	local ns p

	setup_ns NS_SW NS_SW2 NS_A NS_B NS_C || return
	ns_quiet "$NS_SW" "$NS_SW2" "$NS_A" "$NS_B" "$NS_C" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" link set sw0 up || return
	ip -n "$NS_SW2" link add sw1 type xswitch || return
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
	ip -n "$NS_SW" link add vX type veth peer name vXp &&
		ip -n "$NS_SW" link set vX up && ip -n "$NS_SW" link set vXp up
}

# ext NS ARGS...: xsw_run -n NS ext ARGS
ext()
{
	local ns=$1; shift

	xsw_run -n "$ns" ext "$@"
}

# ext_ok WHAT: the last xsw_run succeeded quietly on stderr.
ext_ok()
{
	[ "$rc" -eq 0 ] && [ -z "$err" ]
	check_err $? "$1: exit $rc, stderr '$err'"
}

# send_eth NS TYPE SRC DST: one frame of ethertype TYPE from NS's e0.
send_eth()
{
	send "$1" e0 --src "$3" --dst "$4" raw "$2"
}

# st_filter_opts: st-filter's options on sw0, as "drop=X,mirror=X,veto=X".
st_filter_opts()
{
	att_get "$NS_SW" sw0 st-filter \
		'.options | to_entries | map("\(.key)=\(.value)") | sort | join(",")'
}

# known_macs: A and B each sent a frame, so A <-> B is known unicast.
known_macs()
{
	ping_ok "$NS_A" "$IP_B"
}

ext_list()
{
	local got opts

	RET=0
	modprobe -a xsw_example xsw_vepa xsw_sample
	check_err $? "modprobe xsw_example xsw_vepa xsw_sample failed"

	# Each once, with its type.
	got=$(xsw_jq -n "$NS_SW" '[.[] | select(.name | test("^(example|vepa|sample|st-.*)$")) |
		"\(.name) \(.type)"] | sort | join(",")' ext show)
	[ "$got" = "example filter,sample capture,st-capture capture,st-filter filter,st-forward forwarding,vepa forwarding" ]
	check_err $? "xsw ext show lists '$got'"

	got=$(xsw_jq -n "$NS_SW" '[.[] | select(.name | test("^(example|vepa|sample|st-.*)$")) |
		select((.description | type) != "string" or (.description | length) == 0 or
		       (.version | type) != "string" or (.version | length) == 0) | .name] | join(" ")' \
		ext show)
	[ -z "$got" ]
	check_err $? "no description or version for: '$got'"
	got=$(ext_get "$NS_SW" st-filter .description)
	[ "$got" = "selftest: drop everything, veto a port, mirror to a port" ]
	check_err $? "st-filter's description is '$got'"

	# The option declarations, as the modules make them.
	opts=$(ext_get "$NS_SW" example \
		'.options | map("\(.name):\(.type):\(.default)") | join(",")')
	[ "$opts" = "ethertype:u32:0" ]
	check_err $? "example's options: '$opts', expected ethertype:u32:0"
	opts=$(ext_get "$NS_SW" sample \
		'.options | map(select(.name | test("^(rate|group|ingress|egress|trunc)$")) |
		"\(.name):\(.type):\(.default | if . == true then 1 elif . == false then 0 else . end)") |
		sort | join(",")')
	[ "$opts" = "egress:bool:0,group:u32:1,ingress:bool:1,rate:u32:1000,trunc:u32:128" ]
	check_err $? "sample's options: '$opts'"
	opts=$(ext_get "$NS_SW" st-filter \
		'.options | map("\(.name):\(.type)\(if .type == "string" then ":\(.max)" else "" end)") |
		join(",")')
	[ "$opts" = "drop:bool,veto:string:15,mirror:string:15" ]
	check_err $? "st-filter's options: '$opts', expected drop:bool,veto:string:15,mirror:string:15"
	opts=$(ext_get "$NS_SW" st-filter '.options | map(.help | length > 0) | all')
	[ "$opts" = true ]
	check_err $? "st-filter's options have no help"
	[ "$(ext_get "$NS_SW" vepa '.attached | length')" = 0 ]
	check_err $? "vepa is listed as attached somewhere"

	log_test "xsw ext show lists the loaded extensions, their types and options"
}

attach_autoloads()
{
	local p

	RET=0
	ext_detach_all "$NS_SW" sw0
	modprobe -r xsw_example
	check_err $? "modprobe -r xsw_example failed"
	ext_listed "$NS_SW" example
	check_fail $? "example is listed with its module unloaded"

	ext "$NS_SW" attach sw0 example
	ext_ok "xsw ext attach sw0 example (module not loaded)"
	mod_loaded xsw_example
	check_err $? "attach did not load xsw_example"
	p=$(att_get "$NS_SW" sw0 example .priority)
	[ "$p" = 100 ]
	check_err $? "example on sw0: priority '$p', expected the default 100"
	[ "$(att_get "$NS_SW" sw0 example '.options.ethertype')" = 0 ]
	check_err $? "example on sw0: ethertype is not its default 0"
	[ "$(att_count "$NS_SW2" sw0 example)" = 0 ]
	check_err $? "$NS_SW2 sees sw0's attachment"

	ext "$NS_SW" detach sw0 example
	ext_ok "xsw ext detach sw0 example"
	[ "$(att_count "$NS_SW" sw0 example)" = 0 ]
	check_err $? "example is still attached after detach"
	ext_listed "$NS_SW" example
	check_err $? "detach unregistered example"

	log_test "attach loads the extension's module (xswitch-ext-NAME)"
}

attach_twice()
{
	RET=0
	ext_detach_all "$NS_SW" sw0
	ext "$NS_SW" attach sw0 example
	ext_ok "xsw ext attach sw0 example"
	ext "$NS_SW" attach sw0 example
	check_refused "xsw ext attach sw0 example (again)" "already"
	[ "$(att_count "$NS_SW" sw0 example)" = 1 ]
	check_err $? "example is attached $(att_count "$NS_SW" sw0 example) times"

	ext "$NS_SW" attach sw0 nosuchext
	check_refused "xsw ext attach sw0 nosuchext" "no such extension"
	ext "$NS_SW" attach swnone example
	check_refused "xsw ext attach swnone example" "no such switch"
	ext "$NS_SW" detach sw0 st-capture
	check_refused "xsw ext detach of an extension not attached" "not attached"

	ext "$NS_SW" detach sw0 example
	ext_ok "xsw ext detach sw0 example"

	log_test "attach twice, an unknown extension or switch: refused"
}

show_dev()
{
	local got

	RET=0
	ext_detach_all "$NS_SW" sw0
	ip -n "$NS_SW" link add sw2 type xswitch
	check_err $? "cannot add sw2"
	ext "$NS_SW" attach sw0 example
	ext_ok "xsw ext attach sw0 example"
	ext "$NS_SW" attach sw2 example priority 7
	ext_ok "xsw ext attach sw2 example priority 7"

	got=$(xsw_jq -n "$NS_SW" '.[] | select(.name == "example") |
		[.attached[] | "\(.switch):\(.priority)"] | sort | join(",")' ext show)
	[ "$got" = "sw0:100,sw2:7" ]
	check_err $? "xsw ext show: example attached to '$got', expected sw0:100,sw2:7"
	got=$(xsw_jq -n "$NS_SW" '.[] | select(.name == "example") |
		[.attached[] | "\(.switch):\(.priority)"] | join(",")' ext show dev sw2)
	[ "$got" = "sw2:7" ]
	check_err $? "xsw ext show dev sw2: example attached to '$got', expected sw2:7"

	# A switch takes its attachments with it.
	ip -n "$NS_SW" link del sw2
	check_err $? "cannot delete sw2"
	got=$(xsw_jq -n "$NS_SW" '.[] | select(.name == "example") |
		[.attached[].switch] | join(",")' ext show)
	[ "$got" = sw0 ]
	check_err $? "after ip link del sw2, example is attached to '$got'"

	ext_detach_all "$NS_SW" sw0
	log_test "xsw ext show [dev SWITCH]; deleting a switch detaches"
}

priority()
{
	local p

	RET=0
	ext_detach_all "$NS_SW" sw0
	ext "$NS_SW" attach sw0 example priority 10
	ext_ok "xsw ext attach sw0 example priority 10"
	p=$(att_get "$NS_SW" sw0 example .priority)
	[ "$p" = 10 ]
	check_err $? "priority '$p' after attach with priority 10"

	ext "$NS_SW" set sw0 example priority 65535
	ext_ok "xsw ext set sw0 example priority 65535"
	p=$(att_get "$NS_SW" sw0 example .priority)
	[ "$p" = 65535 ]
	check_err $? "priority '$p' after set priority 65535"

	ext "$NS_SW" set sw0 example priority 70000
	check_refused "xsw ext set sw0 example priority 70000" "priority"
	p=$(att_get "$NS_SW" sw0 example .priority)
	[ "$p" = 65535 ]
	check_err $? "priority '$p' after a refused set"

	ext "$NS_SW" attach sw0 st-capture priority 70000
	check_refused "xsw ext attach sw0 st-capture priority 70000" "priority"
	[ "$(att_count "$NS_SW" sw0 st-capture)" = 0 ]
	check_err $? "st-capture got attached with priority 70000"

	ext "$NS_SW" detach sw0 example
	log_test "priority: shown, changed with set, 0..65535"
}

options_roundtrip()
{
	local v

	RET=0
	ext_detach_all "$NS_SW" sw0
	ext "$NS_SW" attach sw0 example ethertype 0x88b5
	ext_ok "xsw ext attach sw0 example ethertype 0x88b5"
	v=$(ext_opt "$NS_SW" sw0 example ethertype)
	[ "$v" = $((0x88b5)) ]
	check_err $? "ethertype '$v' after attach with 0x88b5"
	ext "$NS_SW" set sw0 example ethertype 2054
	ext_ok "xsw ext set sw0 example ethertype 2054"
	v=$(ext_opt "$NS_SW" sw0 example ethertype)
	[ "$v" = 2054 ]
	check_err $? "ethertype '$v' after set 2054"

	ext "$NS_SW" attach sw0 st-filter
	ext_ok "xsw ext attach sw0 st-filter"
	v=$(st_filter_opts)
	[ "$v" = "drop=false,mirror=,veto=" ]
	check_err $? "st-filter's options after attach: '$v'"
	ext "$NS_SW" set sw0 st-filter veto vZ mirror vC drop on
	ext_ok "xsw ext set sw0 st-filter veto vZ mirror vC drop on"
	v=$(st_filter_opts)
	[ "$v" = "drop=true,mirror=vC,veto=vZ" ]
	check_err $? "st-filter's options after set: '$v'"
	# Options left out keep their values.
	ext "$NS_SW" set sw0 st-filter drop off
	ext_ok "xsw ext set sw0 st-filter drop off"
	v=$(st_filter_opts)
	[ "$v" = "drop=false,mirror=vC,veto=vZ" ]
	check_err $? "st-filter's options after set drop off: '$v'"

	# Each attachment has its own values.
	ext "$NS_SW2" attach sw1 example
	ext_ok "xsw ext attach sw1 example"
	v=$(ext_opt "$NS_SW2" sw1 example ethertype)
	[ "$v" = 0 ]
	check_err $? "example on sw1: ethertype '$v', expected its default"

	ext "$NS_SW2" detach sw1 example
	ext_detach_all "$NS_SW" sw0
	log_test "option values round-trip through attach, set and show"
}

options_refused()
{
	local max v p

	RET=0
	ext_detach_all "$NS_SW" sw0
	ext "$NS_SW" attach sw0 example
	ext_ok "xsw ext attach sw0 example"

	ext "$NS_SW" set sw0 example nosuchopt 1
	check_refused "xsw ext set sw0 example nosuchopt 1" "nosuchopt"
	ext "$NS_SW" attach sw0 st-capture nosuchopt 1
	check_refused "xsw ext attach sw0 st-capture nosuchopt 1" "nosuchopt"
	[ "$(att_count "$NS_SW" sw0 st-capture)" = 0 ]
	check_err $? "st-capture got attached with an unknown option"

	max=$(ext_get "$NS_SW" example '.options[] | select(.name == "ethertype") | .max')
	[ -n "$max" ] && [ "$max" -lt "$U32_MAX" ]
	check_err $? "example's ethertype has no maximum below 2^32 - 1 ('$max'): an ethertype is 16 bits"
	max=${max:-65535}
	ext "$NS_SW" set sw0 example ethertype $((max + 1))
	check_refused "xsw ext set sw0 example ethertype $((max + 1)) (max $max)" "ethertype.*range"
	ext "$NS_SW" set sw0 example ethertype not-a-number
	check_refused "xsw ext set sw0 example ethertype not-a-number" "ethertype.*not a number"

	# All or nothing: a good priority with a bad value, a good value with
	# a bad priority, a good option with a bad one.
	ext "$NS_SW" set sw0 example priority 30 ethertype $((max + 1))
	check_refused "xsw ext set sw0 example priority 30 ethertype $((max + 1))" "ethertype.*range"
	ext "$NS_SW" set sw0 example priority 70000 ethertype 5
	check_refused "xsw ext set sw0 example priority 70000 ethertype 5" "priority"
	p=$(att_get "$NS_SW" sw0 example '"\(.priority) \(.options.ethertype)"')
	[ "$p" = "100 0" ]
	check_err $? "example's priority and ethertype: '$p' after refused sets, expected '100 0'"

	ext "$NS_SW" attach sw0 st-filter
	ext_ok "xsw ext attach sw0 st-filter"
	ext "$NS_SW" set sw0 st-filter drop on mirror 0123456789abcdefg
	check_refused "xsw ext set sw0 st-filter drop on mirror <17 characters>" "mirror.*15"
	v=$(st_filter_opts)
	[ "$v" = "drop=false,mirror=,veto=" ]
	check_err $? "st-filter's options after a refused set: '$v'"
	# The extension's configure callback refuses this one: the priority
	# that came with it must not change either.
	ext "$NS_SW" set sw0 st-filter priority 30 drop on mirror vQ veto vQ
	check_refused "xsw ext set sw0 st-filter priority 30 drop on mirror vQ veto vQ" \
		"cannot mirror to a port it vetoes"
	v=$(st_filter_opts)
	[ "$v" = "drop=false,mirror=,veto=" ]
	check_err $? "st-filter's options after its configure refused: '$v'"
	p=$(att_get "$NS_SW" sw0 st-filter .priority)
	[ "$p" = 100 ]
	check_err $? "st-filter's priority is '$p' after its configure refused, expected 100"
	ext "$NS_SW" set sw0 st-filter drop maybe
	check_refused "xsw ext set sw0 st-filter drop maybe" "drop.*maybe"

	ext_detach_all "$NS_SW" sw0
	log_test "bad options and priorities are refused, nothing half-applied"
}

order_capture_filter()
{
	local c0 c1 e0 e1 x0 x1 n

	RET=0
	ext_detach_all "$NS_SW" sw0
	known_macs
	ext "$NS_SW" attach sw0 st-capture
	ext_ok "xsw ext attach sw0 st-capture"
	ext "$NS_SW" attach sw0 example ethertype "$ETH_DROP"
	ext_ok "xsw ext attach sw0 example ethertype $ETH_DROP"

	read -ra c0 <<<"$(ext_stats "$NS_SW" sw0 st-capture)"
	read -ra e0 <<<"$(ext_stats "$NS_SW" sw0 example)"
	x0=$(port_drop "$NS_SW" vA extension)
	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	send_eth "$NS_A" "$ETH_DROP" "$MAC_A" "$MAC_B"
	send_eth "$NS_A" "$ETH_PASS" "$MAC_A" "$MAC_B"
	cap_wait b 1 "ether proto $ETH_PASS"
	check_err $? "B did not get the $ETH_PASS frame"
	cap_stop b
	n=$(cap_count b "ether proto $ETH_DROP")
	[ "$n" = 0 ]
	check_err $? "B got $n frames of ethertype $ETH_DROP"

	read -ra c1 <<<"$(ext_stats "$NS_SW" sw0 st-capture)"
	read -ra e1 <<<"$(ext_stats "$NS_SW" sw0 example)"
	x1=$(port_drop "$NS_SW" vA extension)
	# Captures run before filters on ingress, after them on egress.
	[ $((c1[0] - c0[0])) = 2 ] && [ $((c1[1] - c0[1])) = 1 ]
	check_err $? "st-capture ingress +$((c1[0] - c0[0])), egress +$((c1[1] - c0[1])); expected +2 (both frames), +1 (the one that passed)"
	[ $((e1[0] - e0[0])) = 2 ] && [ $((e1[1] - e0[1])) = 1 ] && [ $((e1[2] - e0[2])) = 1 ]
	check_err $? "example ingress/egress/dropped +$((e1[0] - e0[0]))/+$((e1[1] - e0[1]))/+$((e1[2] - e0[2])), expected +2/+1/+1"
	[ "$((x1 - x0))" = 1 ]
	check_err $? "vA extension drops $x0 -> $x1, expected +1"
	n=$(port_drop "$NS_SW" vB extension)
	[ "$n" = 0 ]
	check_err $? "vB counts $n extension drops"

	ext_detach_all "$NS_SW" sw0
	log_test "captures see a frame before a filter drops it; drop reason extension"
}

order_filter_priority()
{
	local s0 s1 s2 d0 d2 n

	RET=0
	ext_detach_all "$NS_SW" sw0
	known_macs
	ext "$NS_SW" attach sw0 example priority 10 ethertype "$ETH_DROP"
	ext_ok "xsw ext attach sw0 example priority 10 ethertype $ETH_DROP"
	ext "$NS_SW" attach sw0 st-filter priority 20
	ext_ok "xsw ext attach sw0 st-filter priority 20"

	s0=$(ext_stat "$NS_SW" sw0 st-filter ingress)
	d0=$(ext_stat "$NS_SW" sw0 example dropped)
	cap_start b "$NS_B" e0
	check_err $? "tcpdump did not start"
	send_eth "$NS_A" "$ETH_DROP" "$MAC_A" "$MAC_B"
	send_eth "$NS_A" "$ETH_PASS" "$MAC_A" "$MAC_B"
	cap_wait b 1 "ether proto $ETH_PASS"
	check_err $? "B did not get the first $ETH_PASS frame"
	s1=$(ext_stat "$NS_SW" sw0 st-filter ingress)
	[ $((s1 - s0)) = 1 ]
	check_err $? "example (10) before st-filter (20): st-filter saw $((s1 - s0)) frames, expected 1 (the $ETH_PASS one)"

	ext "$NS_SW" set sw0 example priority 30
	ext_ok "xsw ext set sw0 example priority 30"
	send_eth "$NS_A" "$ETH_DROP" "$MAC_A" "$MAC_B"
	send_eth "$NS_A" "$ETH_PASS" "$MAC_A" "$MAC_B"
	cap_wait b 2 "ether proto $ETH_PASS"
	check_err $? "B did not get the second $ETH_PASS frame"
	cap_stop b
	s2=$(ext_stat "$NS_SW" sw0 st-filter ingress)
	[ $((s2 - s1)) = 2 ]
	check_err $? "st-filter (20) before example (30): st-filter saw $((s2 - s1)) frames, expected 2"
	d2=$(ext_stat "$NS_SW" sw0 example dropped)
	[ $((d2 - d0)) = 2 ]
	check_err $? "example dropped $((d2 - d0)) frames, expected 2"
	n=$(cap_count b "ether proto $ETH_DROP")
	[ "$n" = 0 ]
	check_err $? "B got $n frames of ethertype $ETH_DROP"

	ext_detach_all "$NS_SW" sw0
	log_test "filters run in priority order; set priority reorders them"
}

# forward_asked N: st-forward has been asked about N frames on sw0.
forward_asked()
{
	[ "$(ext_stat "$NS_SW" sw0 st-forward ingress)" -ge "$1" ]
}

forwarding_extension()
{
	local f0 f1

	RET=0
	ext_detach_all "$NS_SW" sw0
	known_macs
	ext "$NS_SW" attach sw0 st-forward
	ext_ok "xsw ext attach sw0 st-forward"
	f0=$(ext_stat "$NS_SW" sw0 st-forward ingress)
	ip netns exec "$NS_A" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_B" >/dev/null
	check_err $? "ping -c 3 A -> B through st-forward lost replies"
	busywait 30000 forward_asked $((f0 + 6))
	f1=$(ext_stat "$NS_SW" sw0 st-forward ingress)
	[ $((f1 - f0)) = 6 ]
	check_err $? "st-forward was asked about $((f1 - f0)) frames, expected 6 (3 requests, 3 replies)"

	ext "$NS_SW" attach sw0 vepa
	check_refused "xsw ext attach sw0 vepa (a second forwarding extension)" "busy|forwarding"
	[ "$(att_count "$NS_SW" sw0 vepa)" = 0 ]
	check_err $? "vepa got attached next to st-forward"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after the refused attach"

	ext "$NS_SW" detach sw0 st-forward
	ext_ok "xsw ext detach sw0 st-forward"
	ext "$NS_SW" attach sw0 vepa
	ext_ok "xsw ext attach sw0 vepa (the slot is free again)"
	ext "$NS_SW" detach sw0 vepa
	ext_ok "xsw ext detach sw0 vepa"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B with the built-in forwarding back"

	log_test "one forwarding extension per switch; it is asked about every frame"
}

port_veto()
{
	local out

	RET=0
	ext_detach_all "$NS_SW" sw0
	ext "$NS_SW" attach sw0 st-filter
	ext_ok "xsw ext attach sw0 st-filter"
	ext "$NS_SW" set sw0 st-filter veto vX
	ext_ok "xsw ext set sw0 st-filter veto vX"

	xsw_run -n "$NS_SW" port add sw0 dev vX
	check_refused "xsw port add sw0 dev vX (vetoed)" "vetoed by st-filter"
	port_exists "$NS_SW" vX
	check_fail $? "vX became a port"
	out=$(ip -n "$NS_SW" link set vX master sw0 2>&1)
	check_fail $? "ip link set vX master sw0 succeeded"
	grep -q "vetoed by st-filter" <<<"$out"
	check_err $? "ip link set vX master sw0: '$out' does not say why"
	port_exists "$NS_SW" vX
	check_fail $? "vX became a port through ip link set master"

	ext "$NS_SW" set sw0 st-filter veto vY
	ext_ok "xsw ext set sw0 st-filter veto vY"
	xsw_run -n "$NS_SW" port add sw0 dev vX
	check_err "$rc" "xsw port add sw0 dev vX once no longer vetoed: $err"
	port_exists "$NS_SW" vX
	check_err $? "vX is not a port"

	ext_detach_all "$NS_SW" sw0
	log_test "an extension's port_add veto refuses the port, with its message"
}

attach_veto()
{
	RET=0
	ext_detach_all "$NS_SW" sw0
	port_exists "$NS_SW" vX || xsw -n "$NS_SW" port add sw0 dev vX
	ext "$NS_SW" attach sw0 st-filter veto vX
	check_refused "xsw ext attach sw0 st-filter veto vX (vX is a port)" "vetoed by st-filter"
	[ "$(att_count "$NS_SW" sw0 st-filter)" = 0 ]
	check_err $? "st-filter got attached although it vetoes a port"
	port_exists "$NS_SW" vX
	check_err $? "vX is no longer a port"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after the refused attach"

	xsw_run -n "$NS_SW" port del vX
	check_err "$rc" "xsw port del vX: $err"
	log_test "attach is refused when the extension vetoes a port the switch has"
}

mirror()
{
	local s0 s1 i0 i1 n pid out

	RET=0
	ext_detach_all "$NS_SW" sw0
	known_macs
	ext "$NS_SW" attach sw0 st-filter mirror vC
	ext_ok "xsw ext attach sw0 st-filter mirror vC"

	read -ra s0 <<<"$(ext_stats "$NS_SW" sw0 st-filter)"
	cap_start c "$NS_C" e0 icmp
	check_err $? "tcpdump did not start"
	ip netns exec "$NS_A" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_B" >/dev/null
	check_err $? "ping -c 3 A -> B with a mirror lost replies"
	cap_wait c 6 icmp
	check_err $? "C did not get 6 ICMP copies"
	cap_stop c
	n=$(cap_count c "icmp[icmptype] == icmp-echo and ether src $MAC_A and ether dst $MAC_B")
	[ "$n" = 3 ]
	check_err $? "C got $n copies of A's echo requests, expected 3"
	n=$(cap_count c "icmp[icmptype] == icmp-echoreply and ether src $MAC_B and ether dst $MAC_A")
	[ "$n" = 3 ]
	check_err $? "C got $n copies of B's echo replies, expected 3"

	read -ra s1 <<<"$(ext_stats "$NS_SW" sw0 st-filter)"
	[ $((s1[3] - s0[3])) = 6 ] && [ $((s1[4] - s0[4])) = 6 ]
	check_err $? "st-filter injected +$((s1[3] - s0[3])), cloned +$((s1[4] - s0[4])); expected +6, +6"
	# Its own copies do not pass through it again.
	[ $((s1[0] - s0[0])) = 6 ] && [ $((s1[1] - s0[1])) = 6 ]
	check_err $? "st-filter ingress +$((s1[0] - s0[0])), egress +$((s1[1] - s0[1])); expected +6, +6"

	# The mirror port goes away under traffic, and comes back.
	klog_mark
	ip netns exec "$NS_A" ping -f -q -w 120 "$IP_B" >/dev/null 2>&1 &
	pid=$!
	flowing "$NS_SW" vA 100
	check_err $? "A's flood ping does not flow"
	xsw_run -n "$NS_SW" port del vC
	check_err "$rc" "xsw port del vC: $err"
	kill "$pid" 2>/dev/null
	wait "$pid"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after the mirror port left"
	xsw_run -n "$NS_SW" port add sw0 dev vC
	check_err "$rc" "xsw port add sw0 dev vC: $err"
	i0=$(ext_stat "$NS_SW" sw0 st-filter injected)
	ping_ok "$NS_A" "$IP_B"
	i1=$(ext_stat "$NS_SW" sw0 st-filter injected)
	[ $((i1 - i0)) = 2 ]
	check_err $? "mirroring to vC did not resume when it came back (injected +$((i1 - i0)))"
	out=$(klog_clean)
	check_err $? "kernel log: $out"

	ext_detach_all "$NS_SW" sw0
	log_test "a filter clones frames and injects them at another port"
}

rmmod_detaches()
{
	local out

	RET=0
	ext_detach_all "$NS_SW" sw0
	klog_mark
	ext "$NS_SW" attach sw0 example
	ext_ok "xsw ext attach sw0 example"
	ext "$NS_SW2" attach sw1 example
	ext_ok "xsw ext attach sw1 example"
	out=$(rmmod xsw_example 2>&1)
	check_err $? "rmmod xsw_example with two attachments: '$out'"
	mod_loaded xsw_example
	check_fail $? "xsw_example is still loaded"
	ext_listed "$NS_SW" example
	check_fail $? "example is still listed after rmmod"
	[ "$(att_names "$NS_SW" sw0)$(att_names "$NS_SW2" sw1)" = "" ]
	check_err $? "something is still attached to sw0 or sw1"
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after rmmod"
	out=$(klog_clean)
	check_err $? "kernel log: $out"

	log_test "rmmod of an attached extension detaches it from every switch"
}

# churn N ERRFILE: N rounds of attach, set priority, rmmod and detach of
# extensions that pass every frame; failed commands go to ERRFILE.
churn()
{
	local n=$1 errs=$2 i

	for ((i = 1; i <= n; i++)); do
		{
			"$XSW" -n "$NS_SW" ext attach sw0 st-capture &&
			"$XSW" -n "$NS_SW" ext attach sw0 example &&
			"$XSW" -n "$NS_SW" ext attach sw0 st-filter priority $((i % 3 * 50)) &&
			"$XSW" -n "$NS_SW" ext attach sw0 st-forward &&
			"$XSW" -n "$NS_SW" ext set sw0 example priority $((200 - i)) &&
			"$XSW" -n "$NS_SW" ext set sw0 st-filter priority $((i * 7 % 300)) &&
			"$XSW" -n "$NS_SW" ext detach sw0 st-capture &&
			rmmod xsw_example &&
			"$XSW" -n "$NS_SW" ext detach sw0 st-forward &&
			"$XSW" -n "$NS_SW" ext detach sw0 st-filter
		} 2>>"$errs" || echo "round $i failed" >>"$errs"
		echo "$i" >"$errs.rounds"
	done
}

churn_under_traffic()
{
	local errs=$TMPD/churn.err pid sent=0 got=0 res x0 x1 out

	RET=0
	ext_detach_all "$NS_SW" sw0
	known_macs
	klog_mark
	: >"$errs"
	x0="$(port_drop "$NS_SW" vA extension) $(port_drop "$NS_SW" vB extension)"
	churn 25 "$errs" &
	pid=$!
	# Rounds of 50 pings, 10 ms apart, for as long as the churn goes on
	# and at least 200 in all.
	while kill -0 "$pid" 2>/dev/null || [ "$sent" -lt 200 ]; do
		res=$(ip netns exec "$NS_A" ping -n -q -c 50 -i 0.01 -W "$PING_WAIT" "$IP_B" |
			awk '/packets transmitted/ { print $1, $4 }')
		[ -n "$res" ] || break
		sent=$((sent + ${res% *}))
		got=$((got + ${res#* }))
	done
	wait "$pid"
	[ "$sent" -ge 200 ] && [ "$sent" = "$got" ]
	check_err $? "$got of $sent pings answered during the churn ($(cat "$errs.rounds" 2>/dev/null) rounds)"
	[ ! -s "$errs" ]
	check_err $? "churn: $(head -n 3 "$errs")"
	[ "$(cat "$errs.rounds" 2>/dev/null)" = 25 ]
	check_err $? "churn ran $(cat "$errs.rounds" 2>/dev/null) of 25 rounds"
	x1="$(port_drop "$NS_SW" vA extension) $(port_drop "$NS_SW" vB extension)"
	[ "$x0" = "$x1" ]
	check_err $? "extension drops on vA, vB moved: $x0 -> $x1"
	[ -z "$(att_names "$NS_SW" sw0)" ]
	check_err $? "left attached: $(att_names "$NS_SW" sw0 | xargs)"
	out=$(klog_clean)
	check_err $? "kernel log: $out"

	log_test "attach, reorder, detach, rmmod under traffic: no frame lost ($sent pings)"
}

l2_require
st_load
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
