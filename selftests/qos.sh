#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Port QoS from the command line ("xsw qos"), what needs no clock: set,
# show and del agree (the default burst is 300 ms at the rate; a
# guarantee gets an HTB class on the uplink; del takes away exactly what
# it names); bad input - a zero rate, a weight of 0 or 101, min on the
# external port, link on a vm port, max without dir, a port of another
# network namespace, and more - is refused with a message naming the
# problem, and changes neither "xsw -j qos show" nor the uplink's HTB
# tree; the min rates must fit in the uplink, whose link rate cannot be
# removed, and which cannot be added, when its device's speed is below
# them.  The rates themselves are measured by qos_rate.sh and qos_min.sh.
#
#  +- $NS_SW ------------------------------------+   +- $NS_O --------+
#  |  vA (vm)   vB (vm)   h1 (internal)          |   | sw1            |
#  |   +--------- sw0 ------+--- up0 (external)  |   |  +- vO (vm)    |
#  |  vZ: a veth, no port   |   (peer up0p)      |   +----------------+
#  +---------------------------------------------+

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	bad_rate_zero
	bad_weight
	bad_min_on_external
	bad_link_on_vm
	bad_max_without_dir
	bad_other_netns
	bad_other
	set_show_del
	uplink_capacity
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/qos.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/qos.sh"

setup()
{
	local p

	setup_ns NS_SW NS_O || return
	ns_quiet "$NS_SW" "$NS_O" || return
	ip -n "$NS_SW" link add sw0 type xswitch &&
		ip -n "$NS_SW" link set sw0 up || return
	for p in vA vB; do
		ip -n "$NS_SW" link add "$p" type veth peer name "${p}p" &&
			ip -n "$NS_SW" link set "$p" up &&
			xsw -n "$NS_SW" port add sw0 dev "$p" type vm || return
	done
	xsw -n "$NS_SW" port add sw0 name h1 type internal || return
	ip -n "$NS_SW" link add up0 type veth peer name up0p &&
		ip -n "$NS_SW" link set up0 up &&
		xsw -n "$NS_SW" port add sw0 dev up0 type external || return
	ip -n "$NS_SW" link add vZ type veth peer name vZp || return
	# Another namespace, with its own switch and port.
	ip -n "$NS_O" link add sw1 type xswitch &&
		ip -n "$NS_O" link add vO type veth peer name vOp &&
		xsw -n "$NS_O" port add sw1 dev vO type vm || return
}

# A state with something of every kind, that bad input must not change.
BASE=(
	"up0 link 100mbit"
	"vA dir in max 10mbit"
	"vA dir out max 2mbit burst 64kb"
	"vB min-weight 2"
	"h1 min 30mbit"
)

base_state()
{
	local spec p

	# The guarantees before the link they need.
	for p in vA vB h1 up0; do
		qos_run "$NS_SW" del dev "$p"
		[ "$rc" -eq 0 ] || { echo "xsw qos del dev $p: $err" >&2; return 1; }
	done
	for spec in "${BASE[@]}"; do
		# shellcheck disable=SC2086  # a spec is words
		qos_run "$NS_SW" set dev $spec
		[ "$rc" -eq 0 ] || { echo "xsw qos set dev $spec: $err" >&2; return 1; }
	done
}

# snapshot: "xsw -j qos show" and the uplink's HTB classes (few
# processes: under TCG each costs a good part of a second).
snapshot()
{
	"$XSW" -n "$NS_SW" -j qos show || return
	tc -n "$NS_SW" class show dev up0
}

# refused WHAT PATTERN ARGS...: "xsw qos ARGS" (in NS_SW) is refused with
# "Error: ...PATTERN" and changes nothing: the snapshot is still $STATE,
# taken when the base state was set (and again after a refusal that did
# change it, so that one failure is reported once).
refused()
{
	local what=$1 pattern=$2; shift 2
	local after

	xsw_run -n "$NS_SW" qos "$@"
	check_refused "$what: xsw qos $*" "$pattern"
	after=$(snapshot)
	[ -n "$STATE" ] && [ "$STATE" = "$after" ]
	check_err $? "$what: xsw qos $* changed the QoS state:
before: $STATE
after:  $after"
	STATE=$after
}

# bad_test: the base state is there (set once, as a refusal changes
# nothing; set again if one did).
bad_test()
{
	if [ -z "$STATE" ] || [ "$STATE" != "$BASE_STATE" ]; then
		base_state || return
		BASE_STATE=$(snapshot) || return
		STATE=$BASE_STATE
	fi
}
STATE=
BASE_STATE=

set_show_del()
{
	local j

	base_state
	check_err $? "cannot set the base state"
	j=$(qos_show "$NS_SW" dev vA)
	check_err $? "xsw -j qos show dev vA failed"
	# 10 Mbit/s for 300 ms: 375000 bytes.
	[ "$(jq -c '.[0].max | map([.dir, .rate, .burst])' <<<"$j")" = \
	  '[["in",10000000,375000],["out",2000000,65536]]' ]
	check_err $? "vA's limits: $(jq -c '.[0].max' <<<"$j")"
	[ "$(xsw_jq -n "$NS_SW" '.[0] | [.min_weight, .htb_major, (.htb_class > 0)] | @csv' \
		qos show dev vB)" = '2,1,true' ]
	check_err $? "vB's guarantee: $(qos_show "$NS_SW" dev vB)"
	[ "$(xsw_jq -n "$NS_SW" '.[0].min_rate' qos show dev h1)" = 30000000 ]
	check_err $? "h1's guarantee: $(qos_show "$NS_SW" dev h1)"
	[ "$(xsw_jq -n "$NS_SW" '.[0].link_rate' qos show dev up0)" = 100000000 ]
	check_err $? "up0's link rate: $(qos_show "$NS_SW" dev up0)"
	# The tree: root 1:1 at the link rate, the default, a class each.
	tc -n "$NS_SW" class show dev up0 | grep -q '^class htb 1:1 root rate 100Mbit'
	check_err $? "no root class at 100Mbit: $(tc -n "$NS_SW" class show dev up0)"
	[ "$(tc -n "$NS_SW" class show dev up0 | grep -c '^class htb 1:')" -eq 4 ]
	check_err $? "not 4 classes on up0: $(tc -n "$NS_SW" class show dev up0)"
	tc -n "$NS_SW" class show dev up0 | grep -q "^class htb 1:$(printf %x \
		"$(xsw_jq -n "$NS_SW" '.[0].htb_class' qos show dev h1)") parent 1:1 .*rate 30Mbit"
	check_err $? "no class of h1 at 30Mbit: $(tc -n "$NS_SW" class show dev up0)"

	# del takes what it names, and only that.
	qos_run "$NS_SW" del dev vA max dir out
	check_err "$rc" "xsw qos del dev vA max dir out: $err"
	[ "$(xsw_jq -n "$NS_SW" '.[0].max | map(.dir) | join(",")' qos show dev vA)" = in ]
	check_err $? "after del max dir out, vA has: $(qos_show "$NS_SW" dev vA)"
	qos_run "$NS_SW" del dev h1 min
	check_err "$rc" "xsw qos del dev h1 min: $err"
	[ "$(tc -n "$NS_SW" class show dev up0 | grep -c '^class htb 1:')" -eq 3 ]
	check_err $? "h1's class still on up0: $(tc -n "$NS_SW" class show dev up0)"
	qos_run "$NS_SW" del dev vB
	check_err "$rc" "xsw qos del dev vB: $err"
	# No guarantee left: xsw takes its tree away.
	! tc -n "$NS_SW" qdisc show dev up0 | grep -q '^qdisc htb 1: root'
	check_err $? "no guarantee left, but up0 still has: $(tc -n "$NS_SW" qdisc show dev up0)"
	log_test "set, show and del agree; the tree follows the guarantees"
}

bad_rate_zero()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "rate 0"; return; }
	refused "max 0" 'max.*(zero|above 0|at least)' set dev vA dir in max 0
	refused "max 0bit" 'max.*(zero|above 0|at least)' set dev vA dir in max 0bit
	refused "min 0" 'min.*(zero|above 0|at least)' set dev vB min 0
	refused "link 0" 'link.*(zero|above 0|at least)' set dev up0 link 0
	log_test "a rate of 0 (max, min, link) is refused"
}

bad_weight()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "weight"; return; }
	refused "min-weight 0" 'min-weight.*1\.\.100' set dev vB min-weight 0
	refused "min-weight 101" 'min-weight.*1\.\.100' set dev vB min-weight 101
	refused "min-weight -1" 'min-weight' set dev vB min-weight -1
	log_test "a weight of 0 or 101 is refused"
}

bad_min_on_external()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "min on external"; return; }
	refused "min on up0" 'vm and internal' set dev up0 min 1mbit
	refused "min-weight on up0" 'vm and internal' set dev up0 min-weight 5
	log_test "min and min-weight on the external port are refused"
}

bad_link_on_vm()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "link on vm"; return; }
	refused "link on vA" 'external port' set dev vA link 10mbit
	refused "link on h1" 'external port' set dev h1 link 10mbit
	log_test "link on a vm or internal port is refused"
}

bad_max_without_dir()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "max without dir"; return; }
	refused "max without dir" 'max.*needs.*dir' set dev vA max 1mbit
	refused "dir without max" 'dir.*max' set dev vA dir in min-weight 3
	refused "dir sideways" 'dir.*in or out' set dev vA dir sideways max 1mbit
	refused "burst without max" 'burst.*max' set dev vA burst 10kb
	log_test "max without dir (and dir or burst without max) is refused"
}

bad_other_netns()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "other netns"; return; }
	# vO is a port, of sw1, in NS_O: in NS_SW there is no such device.
	refused "set, port in another netns" 'no such port|vO' set dev vO dir in max 1mbit
	refused "del, port in another netns" 'no such (port|device)|vO' del dev vO
	xsw_run -n "$NS_SW" -j qos show dev vO
	check_refused "show, port in another netns" 'no such port|vO'
	# And the other way round: NS_O's view has no sw0 ports.
	xsw_run -n "$NS_O" qos set dev vA dir in max 1mbit
	check_refused "set vA from NS_O" 'no such port|vA'
	[ "$(xsw_json -n "$NS_O" qos show)" = '[]' ]
	check_err $? "NS_O shows QoS it never set: $(xsw_json -n "$NS_O" qos show)"
	log_test "a port in another network namespace is refused"
}

bad_other()
{
	bad_test || { check_err 1 "cannot set the base state"; log_test "other bad input"; return; }
	refused "min and min-weight" 'exclusive' set dev vB min 1mbit min-weight 3
	refused "unknown unit" 'max' set dev vA dir in max 10furlongs
	refused "no number" 'max' set dev vA dir in max fast
	refused "nothing to set" 'nothing to set' set dev vA
	refused "not a port" 'not a switch port|vZ' set dev vZ dir in max 1mbit
	refused "no such device" 'no such (port|device)|nosuch' set dev nosuch dir in max 1mbit
	refused "guarantees above the link" 'uplink|link' set dev vB min 80mbit
	refused "del what is not there" 'no max' del dev vB max dir in
	refused "del min not there" 'guarantee|min' del dev vA min
	log_test "other bad input is refused and changes nothing"
}

HDR=$(cd "$(dirname "$0")/.." && pwd)/uapi/linux/xswitch.h
NLREQ=$(cd "$(dirname "$0")" && pwd)/lib/xsw_nlreq.py

# nlreq: the raw netlink cases on stdin (selftests/lib/xsw_nlreq.py), in
# NS_SW; what failed in $NLREQ_OUT.
nlreq()
{
	NLREQ_OUT=$(ip netns exec "$NS_SW" python3 "$NLREQ" "$HDR" sw0)
}

uplink_capacity()
{
	RET=0
	# up0 is a veth, which says it runs at 10 Gbit/s; its link rate of
	# 20 Gbit/s lets h1 have 15.
	base_state
	check_err $? "cannot set the base state"
	qos_run "$NS_SW" set dev up0 link 20gbit
	check_err "$rc" "xsw qos set dev up0 link 20gbit: $err"
	qos_run "$NS_SW" set dev h1 min 15gbit
	check_err "$rc" "xsw qos set dev h1 min 15gbit: $err"
	# xsw refuses both on its own; the kernel must too, for any client
	# (xsw_nlreq.py also checks that a refusal changes nothing).
	nlreq <<-EOF
		34|min rates.*speed|DEL_LINK QOS_DEL PORT_IFNAME=str:up0 DEL_LINK=flag:
		34|min rates.*speed|- QOS_DEL PORT_IFNAME=str:up0
	EOF
	check_err $? "the kernel took up0's link rate away under 15 Gbit/s of min rates: $NLREQ_OUT"

	# Nor may a 10 Gbit/s device become the uplink.
	xsw_run -n "$NS_SW" port del up0
	check_err "$rc" "xsw port del up0: $err"
	nlreq <<-EOF
		34|min rates.*speed|- PORT_NEW SWITCH_IFNAME=str:sw0 IFNAME=str:up0 TYPE=u8:1
	EOF
	check_err $? "the kernel made a 10 Gbit/s uplink under 15 Gbit/s of min rates: $NLREQ_OUT"
	xsw_run -n "$NS_SW" port add sw0 dev up0 type external
	check_refused "port add of a 10 Gbit/s uplink under 15 Gbit/s of min rates" \
		'speed'
	! port_exists "$NS_SW" up0
	check_err $? "up0 became a port all the same"
	# Once they fit, it may.
	qos_run "$NS_SW" set dev h1 min 5gbit
	check_err "$rc" "xsw qos set dev h1 min 5gbit: $err"
	xsw_run -n "$NS_SW" port add sw0 dev up0 type external
	check_err "$rc" "xsw port add sw0 dev up0 type external: $err"
	STATE=

	log_test "min rates must fit in the uplink's speed when its link rate goes or it comes"
}

l2_require
if ! setup; then
	echo "setup failed"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
