#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation: bad VXLAN frames on the wire.  Each kind is sent,
# with lib/sendframe.py, from the underlay to the switch's PA on UDP 4789,
# and must be dropped (the VM never sees it: a good frame sent after all of
# them does arrive) and counted where a user can see it: the switch's drop
# reasons (xsw -s switch show) where xswitch sees the frame, the vxlan
# device's own counters (ip -s link show xsw-vxlan-4789) where Linux's
# vxlan code drops it first.  run.sh then checks the kernel log for WARN
# and BUG.
#
#   NS_A1 e1 10.1.1.11 (Contoso VM1) -- v1 vsid 5001 -- NS1: sw0 (xswitch)
#                                                          PA1 192.168.1.10
#   NS1 u1 192.168.1.10/24 ==veth== ra NS_W (the wire): 192.168.1.20 (PA2,
#          2001:db8:1::10/64           which a mapping names), 192.168.1.30
#          (PA6)                       (a PA no mapping names),
#                                      2001:db8:1::20
#
#   mappings of vsid 5001: 10.1.1.11 MAC_A1 -> PA1 (local),
#                          10.1.1.12 MAC_A2 -> PA2
#
# Every inner frame is UDP from 10.1.1.12 (MAC_A2) to VM1, to a port of its
# own: 9000 for the good frames, 9001.. for the bad ones.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	malformed_no_i_flag
	malformed_reserved_flags
	malformed_reserved_vni_byte
	malformed_short_vxlan_header
	malformed_short_inner_ethernet
	malformed_short_inner_ip
	malformed_unknown_vni
	malformed_unknown_pa
	malformed_ipv6_no_i_flag
	malformed_after_reopen
	malformed_never_delivered
"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"

SENDFRAME=$(dirname "$0")/lib/sendframe.py
PA1=192.168.1.10
PA2=192.168.1.20
ROGUE=192.168.1.30
PA6=2001:db8:1::10
WIRE6=2001:db8:1::20
MAC_A1=02:00:00:00:50:11
MAC_A2=02:00:00:00:50:12
TUN=xsw-vxlan-4789
COUNT=3

x()
{
	"$XSW" -n "$NS1" "$@"
}

# sw_drops REASON: the switch-wide drop counter
sw_drops()
{
	xsw_jq -n "$NS1" ".[0].stats.drops[\"$1\"]" -s switch show sw0
}

# tun_stat KEY: a counter of the vxlan device's stats64.rx (errors, dropped)
tun_stat()
{
	ip -n "$NS1" -j -s link show "$TUN" | jq -r ".[0].stats64.rx.$1"
}

# vs_stat KEY: a counter of vsid 5001
vs_stat()
{
	xsw_jq -n "$NS1" ".[0].stats.$1" -s vsubnet show 5001
}

setup()
{
	setup_ns NS1 NS_W NS_A1 || return 1
	ip -n "$NS1" link add sw0 type xswitch &&
	ip -n "$NS1" link set sw0 up &&
	ip -n "$NS1" link add v1 type veth peer name e1 netns "$NS_A1" &&
	ip netns exec "$NS_A1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 &&
	ip -n "$NS_A1" link set e1 address "$MAC_A1" &&
	ip -n "$NS_A1" addr add 10.1.1.11/24 dev e1 &&
	ip -n "$NS_A1" link set e1 up &&
	ip -n "$NS1" link set v1 up &&
	x port add sw0 dev v1 &&
	# VM1 sends nothing: the switch knows its MAC from the port's setting.
	x port set v1 mac "$MAC_A1" || return 1

	ip -n "$NS1" link add u1 type veth peer name ra netns "$NS_W" &&
	ip -n "$NS1" addr add "$PA1/24" dev u1 && ip -n "$NS1" link set u1 up &&
	ip -n "$NS_W" addr add "$PA2/24" dev ra &&
	ip -n "$NS_W" addr add "$ROGUE/24" dev ra &&
	ip -n "$NS1" addr add "$PA6/64" dev u1 nodad &&
	ip -n "$NS_W" addr add "$WIRE6/64" dev ra nodad &&
	ip -n "$NS_W" link set ra up || return 1
	U1_MAC=$(ip -n "$NS1" -j link show u1 | jq -r '.[0].address') &&
	RA_MAC=$(ip -n "$NS_W" -j link show ra | jq -r '.[0].address') ||
		return 1

	x vnet add Contoso rdid 1 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	x pa add sw0 "$PA1" && x pa add sw0 "$PA6" &&
	x port set v1 vsid 5001 ca 10.1.1.11 &&
	x map add vsid 5001 ca 10.1.1.11 mac "$MAC_A1" pa "$PA1" &&
	x map add vsid 5001 ca 10.1.1.12 mac "$MAC_A2" pa "$PA2" || return 1

	# Everything VM1 gets from the remote CA, from now on, but the ARP
	# responder's answers for it (VM1 asks, to send its ICMP errors back).
	ip netns exec "$NS_A1" tcpdump -l -n -e -i e1 "ether src $MAC_A2 and not arp" \
		>"$TMPD/vm.txt" 2>"$TMPD/vm.err" &
	echo $! >"$TMPD/vm.pid"
	defer "kill $! 2>/dev/null"
	busywait 10000 grep -q "listening on" "$TMPD/vm.err"
}

# send [OPTIONS...] [--from ADDR] [--vni N] [--v6 1] PORT: COUNT VXLAN
# frames from the wire to PA1 (PA6 with --v6), around a UDP frame to VM1's
# port PORT
send()
{
	local from=$PA2 to=$PA1 kind=vxlan4 vni=5001 opts=()

	while [ $# -gt 1 ]; do
		case "$1" in
		--from) from=$2; shift 2 ;;
		--vni) vni=$2; shift 2 ;;
		--v6) from=$WIRE6; to=$PA6; kind=vxlan6; shift 2 ;;
		*) opts+=("$1" "$2"); shift 2 ;;
		esac
	done
	ip netns exec "$NS_W" python3 "$SENDFRAME" -c "$COUNT" ra \
		--src "$RA_MAC" --dst "$U1_MAC" "${opts[@]}" \
		"$kind" "$from" "$to" "$vni" "$MAC_A2" "$MAC_A1" \
		udp4 10.1.1.12 10.1.1.11 4242 "$1"
}

# counted WHAT FROM CMD...: wait (10 s) until CMD prints at least FROM +
# COUNT; WHAT names the counter in the message
counted()
{
	local what=$1 from=$2
	shift 2

	busywait 10000 eval "[ \"\$($*)\" -ge $((from + COUNT)) ]"
	check_err $? "$what: $from before, $("$@") now; want at least $((from + COUNT))"
}

# bad_switch TEXT REASON SEND_ARGS...: frames xswitch drops under REASON
bad_switch()
{
	local text=$1 reason=$2 before
	shift 2

	before=$(sw_drops "$reason")
	send "$@"
	check_err $? "sendframe.py failed"
	counted "$reason" "$before" sw_drops "$reason"
	log_test "$text: dropped, counted as $reason"
}

malformed_no_i_flag()
{
	bad_switch "VXLAN without the I flag" vnet-malformed \
		--vx-flags 0 9001
}

malformed_reserved_flags()
{
	bad_switch "VXLAN with a reserved flag bit" vnet-malformed \
		--vx-flags 0x08000100 9002
}

malformed_reserved_vni_byte()
{
	bad_switch "VXLAN with the byte after the VNI set" vnet-malformed \
		--vx-rsvd 1 9003
}

malformed_short_vxlan_header()
{
	bad_switch "a VXLAN header of 4 bytes" vnet-malformed --cut 4 9004
}

malformed_short_inner_ethernet()
{
	bad_switch "an inner Ethernet header of 10 bytes" vnet-malformed \
		--cut 18 9005
}

# Linux's vxlan code counts this one itself, before the switch sees it.
malformed_short_inner_ip()
{
	local before

	before=$(tun_stat errors)
	# 8 bytes of VXLAN header, 14 of Ethernet, 10 of the IPv4 header
	send --cut 32 9006
	check_err $? "sendframe.py failed"
	counted "$TUN rx errors" "$before" tun_stat errors
	log_test "an inner IPv4 header of 10 bytes from a remote CA: dropped, counted in $TUN's rx errors"
}

malformed_unknown_vni()
{
	bad_switch "VNI 7777, no local VSID" vnet-unknown-vsid \
		--vni 7777 9007
}

malformed_unknown_pa()
{
	bad_switch "VNI 5001 from $ROGUE, a PA no mapping names" \
		vnet-unknown-pa --from "$ROGUE" 9008
}

# The tunnel device's IPv6 socket is checked as its IPv4 one.
malformed_ipv6_no_i_flag()
{
	bad_switch "VXLAN without the I flag, over IPv6 to PA $PA6" \
		vnet-malformed --v6 1 --vx-flags 0 9009
}

# Closing and opening the device gives it new sockets: checked as well.
malformed_after_reopen()
{
	ip -n "$NS1" link set "$TUN" down && ip -n "$NS1" link set "$TUN" up
	check_err $? "cannot close and reopen $TUN"
	bad_switch "VXLAN without the I flag, after $TUN was closed and reopened" \
		vnet-malformed --vx-flags 0 9010
}

malformed_never_delivered()
{
	local before pid

	before=$(vs_stat decap_packets)
	send 9000
	check_err $? "sendframe.py failed"
	counted "vsid 5001 decap_packets" "$before" vs_stat decap_packets
	busywait 10000 eval "[ \"\$(grep -c '\.9000:' $TMPD/vm.txt)\" -ge $COUNT ]"
	check_err $? "VM1 did not get the $COUNT good frames: $(cat "$TMPD/vm.txt")"
	pid=$(<"$TMPD/vm.pid")
	kill -INT "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	! grep -v '\.9000:' "$TMPD/vm.txt" | grep -q .
	check_err $? "VM1 got bad frames: $(grep -v '\.9000:' "$TMPD/vm.txt")"
	log_test "good frames sent after the bad ones (and the reopening) reach VM1, and only they do"
}

require_cmd xsw jq python3 tcpdump
require_module xswitch
TMPD=$(mktemp -d)
defer "rm -rf $TMPD"
if ! setup; then
	echo "FAIL: setup"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
