#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Notifications on the xswitch "events" multicast group.
#
#   NS1:  sw0 (xswitch) --- v1 (vm port) ==veth== e1 (NS_VM)
#         genl_events.py listening on the group in NS1
#
# A listener joins the group, then the test makes a switch and a port,
# takes the port's link down, changes its settings, deletes the port and
# the switch; each must be announced, in order, in the switch's namespace
# only.

ALL_TESTS="
	events_in_order
	events_stay_in_namespace
"
source "$(dirname "$0")/lib.sh"

LISTEN=$(dirname "$0")/lib/genl_events.py

# start_listener NS OUT: run the listener in NS, writing to OUT, until it
# has joined the group.
start_listener()
{
	local ns=$1 out=$2
	local ready=$out.ready

	rm -f "$ready"
	ip netns exec "$ns" python3 "$LISTEN" "$ready" 300 >"$out" 2>&1 &
	LISTENER=$!
	defer "kill $LISTENER 2>/dev/null"
	busywait 30000 test -e "$ready"
}

# has_event OUT EVENT: the listener printed EVENT ("cmd ifname").
has_event()
{
	events "$1" | grep -qxF "$2"
}

# stop_listener OUT LAST: wait (up to 30 s) for the event LAST ("cmd
# ifname") to show in OUT, then stop the listener.  Events are queued to
# the listener's socket in the order the kernel sends them, so any event
# before LAST is in OUT by then too.
stop_listener()
{
	local out=$1 last=$2

	busywait 30000 has_event "$out" "$last"
	kill "$LISTENER" 2>/dev/null
	wait "$LISTENER" 2>/dev/null
}

# events OUT: the "cmd ifname" lines the listener printed.
events()
{
	jq -r '"\(.cmd) \(.ifname)"' <"$1" 2>/dev/null
}

events_in_order()
{
	local out=$TMPD/events want got

	RET=0
	start_listener "$NS1" "$out"
	check_err $? "the listener did not join the events group"

	ip -n "$NS1" link add sw0 type xswitch
	ip -n "$NS1" link add v1 type veth peer name e1 netns "$NS_VM"
	ip -n "$NS1" link set v1 up
	ip -n "$NS_VM" link set e1 up
	xsw -n "$NS1" port add sw0 dev v1
	check_err $? "port add failed"
	ip -n "$NS_VM" link set e1 down		# v1 loses carrier
	# The kernel reports carrier changes from a work item: wait for it,
	# so that it comes before the next command's.
	busywait 30000 has_event "$out" "PORT_SET v1"
	check_err $? "no PORT_SET for v1's carrier loss"
	xsw -n "$NS1" port set v1 isolated on
	xsw -n "$NS1" port del v1
	ip -n "$NS1" link del sw0
	stop_listener "$out" "SWITCH_DEL sw0"

	got=$(events "$out" | tr '\n' ',')
	# Carrier loss and the settings change give a PORT_SET each (a link
	# change may be reported more than once).
	want='^SWITCH_NEW sw0,PORT_NEW v1,(PORT_SET v1,){2,}PORT_DEL v1,SWITCH_DEL sw0,$'
	[[ "$got" =~ $want ]]
	check_err $? "events were '$got', want $want"
	log_test "switch and port events arrive in order"
}

events_stay_in_namespace()
{
	local out=$TMPD/other

	RET=0
	start_listener "$NS_VM" "$out"
	check_err $? "the listener did not join the events group"

	ip -n "$NS1" link add sw1 type xswitch
	ip -n "$NS1" link del sw1
	ip -n "$NS_VM" link add sw2 type xswitch
	ip -n "$NS_VM" link del sw2
	# sw1's events, were they sent here, would come before sw2's.
	stop_listener "$out" "SWITCH_DEL sw2"

	[ "$(events "$out" | tr '\n' ',')" = "SWITCH_NEW sw2,SWITCH_DEL sw2," ]
	check_err $? "a listener in another namespace saw: $(events "$out" | tr '\n' ' ')"
	log_test "events go only to the switch's namespace"
}

require_cmd xsw jq python3
require_module xswitch
TMPD=$(mktemp -d)
defer "rm -rf $TMPD"
setup_ns NS1 NS_VM
tests_run
exit "$EXIT_STATUS"
