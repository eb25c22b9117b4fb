#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation in the Hyper-V layout: the PA lives on an internal
# port of the switch whose external port is the uplink, so the outer
# packets the host's IP stack sends enter the switch on the internal port
# and leave by the external port, and those that come back take the same
# way in.  The other host is Linux's own devices (vxlan + bridge).
#
#   NS_A1 e1 10.1.1.11 (Contoso VM1) -- v1 vsid 5001 --+
#   NS1: sw0 (xswitch), internal port host1 192.168.1.10/24 (PA1),
#        external port u1 ==veth== u2 192.168.1.20/24 NS2 (host 2, PA2)
#   NS2: vxc (vxlan id 5001 dstport 4789 nolearning) in brc -- wc ==veth==
#        NS_A2 e 10.1.1.12 (Contoso VM2)

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	hyperv_ping
	hyperv_tcp
	hyperv_outer_path
	hyperv_vm_not_on_underlay
"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/vnet.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/vnet.sh"

PA1=192.168.1.10
PA2=192.168.1.20
MAC_A1=02:00:00:00:50:11
MAC_A2=02:00:00:00:50:12
MAC_H1=02:00:00:00:01:10
TCP_PORT=7000

setup()
{
	setup_ns NS1 NS2 NS_A1 NS_A2 || return 1
	ip -n "$NS1" link add sw0 type xswitch &&
	ip -n "$NS1" link set sw0 up &&
	vm "$NS_A1" e1 v1 "$MAC_A1" 10.1.1.11 "$NS1" &&
	x port add sw0 dev v1 || return 1

	# The uplink is the switch's external port; the PA is on its
	# internal port, as a Hyper-V host's management vNIC.
	ip -n "$NS1" link add u1 type veth peer name u2 netns "$NS2" &&
	ip -n "$NS1" link set u1 up &&
	x port add sw0 dev u1 type external &&
	x port add sw0 name host1 type internal &&
	# The PA is answered on host1 only, not also by sw0, the switch's own
	# port (README: addresses on internal ports want arp_ignore).
	ip netns exec "$NS1" sysctl -qw net.ipv4.conf.all.arp_ignore=1 &&
	ip -n "$NS1" link set host1 address "$MAC_H1" &&
	ip -n "$NS1" addr add "$PA1/24" dev host1 &&
	ip -n "$NS1" link set host1 up &&
	ip -n "$NS2" addr add "$PA2/24" dev u2 &&
	ip -n "$NS2" link set u2 up || return 1

	x vnet add Contoso rdid 1 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	x pa add sw0 "$PA1" &&
	x port set v1 vsid 5001 ca 10.1.1.11 &&
	x map add vsid 5001 ca 10.1.1.11 mac "$MAC_A1" pa "$PA1" &&
	x map add vsid 5001 ca 10.1.1.12 mac "$MAC_A2" pa "$PA2" || return 1

	# Host 2: Linux's own devices only.
	ip -n "$NS2" link add brc type bridge &&
	ip -n "$NS2" link add vxc type vxlan id 5001 dstport 4789 \
		local "$PA2" nolearning &&
	ip -n "$NS2" link set vxc master brc &&
	vm "$NS_A2" e wc "$MAC_A2" 10.1.1.12 "$NS2" &&
	ip -n "$NS2" link set wc master brc &&
	ip -n "$NS2" link set vxc up && ip -n "$NS2" link set brc up &&
	bridge -n "$NS2" fdb append 00:00:00:00:00:00 dev vxc dst "$PA1" &&
	bridge -n "$NS2" fdb append "$MAC_A1" dev vxc dst "$PA1" || return 1

	ip -n "$NS_A1" neigh add 10.1.1.12 lladdr "$MAC_A2" dev e1 &&
	ip -n "$NS_A2" neigh add 10.1.1.11 lladdr "$MAC_A1" dev e
}

# port_stat PORT FIELD: a port's counter (rx_packets, tx_packets, ...)
port_stat()
{
	xsw_jq -n "$NS1" ".[0].stats.$2" -s port show "$1"
}

hyperv_ping()
{
	ping_ok "$NS_A1" 10.1.1.12
	check_err $? "Contoso VM1 cannot ping VM2 on host 2 through the PA on host1"
	ping_ok "$NS_A2" 10.1.1.11
	check_err $? "Contoso VM2 cannot ping VM1 back"
	log_test "VMs ping across hosts with the PA on an internal port of the same switch"
}

hyperv_tcp()
{
	local out

	serve "$NS_A2" contoso-web
	check_err $? "no server in Contoso VM2"
	out=$(fetch "$NS_A1")
	[ "$out" = contoso-web ]
	check_err $? "Contoso VM1 got '$out' over TCP, not contoso-web"
	log_test "TCP across hosts in the Hyper-V layout"
}

hyperv_outer_path()
{
	local host_rx up_tx up_rx host_tx

	host_rx=$(port_stat host1 rx_packets)
	up_tx=$(port_stat u1 tx_packets)
	up_rx=$(port_stat u1 rx_packets)
	host_tx=$(port_stat host1 tx_packets)
	capture "$NS2" u2 "udp dst port 4789 and src host $PA1" outer
	check_err $? "no capture on host 2's underlay"
	# -w: ping fails unless all five get their replies.
	ip netns exec "$NS_A1" ping -q -c 5 -i 0.2 -w 20 10.1.1.12 >/dev/null
	check_err $? "the pings did not all get their replies"
	busywait 10000 eval "[ \$(captured outer 'VXLAN.*vni 5001') -ge 5 ]"
	check_err $? "host 2 saw $(captured outer 'VXLAN.*vni 5001') VXLAN frames from $PA1, not 5"
	capture_stop outer
	# Each counter only grows: five requests out, five replies in at least.
	[ "$(port_stat host1 rx_packets)" -ge $((host_rx + 5)) ]
	check_err $? "the outer packets did not enter the switch on the internal port: rx $host_rx -> $(port_stat host1 rx_packets)"
	[ "$(port_stat u1 tx_packets)" -ge $((up_tx + 5)) ]
	check_err $? "the outer packets did not leave by the external port: tx $up_tx -> $(port_stat u1 tx_packets)"
	[ "$(port_stat u1 rx_packets)" -ge $((up_rx + 5)) ]
	check_err $? "the replies did not come in by the external port: rx $up_rx -> $(port_stat u1 rx_packets)"
	[ "$(port_stat host1 tx_packets)" -ge $((host_tx + 5)) ]
	check_err $? "the replies did not reach the host's stack on the internal port: tx $host_tx -> $(port_stat host1 tx_packets)"
	log_test "outer packets go host1 -> switch -> u1, and back the same way"
}

hyperv_vm_not_on_underlay()
{
	local before

	# The VM knows host 2's underlay MAC and sends to it from its CA: the
	# underlay is in no VSID, so the frame is not switched there.
	ip -n "$NS_A1" neigh replace 10.1.1.99 \
		lladdr "$(ip -n "$NS2" -j link show u2 | jq -r '.[0].address')" dev e1
	before=$(drops v1 vnet-no-mapping)
	capture "$NS2" u2 "icmp" leak
	ip netns exec "$NS_A1" ping -q -c 1 -W 1 10.1.1.99 >/dev/null
	check_fail $? "a VSID VM reached the underlay"
	drops_reach $((before + 1)) drops v1 vnet-no-mapping
	check_err $? "not counted as vnet-no-mapping on v1: $(drops v1 vnet-no-mapping)"
	capture_stop leak
	[ "$(captured leak 10.1.1.11)" -eq 0 ]
	check_err $? "host 2's underlay saw the VM's frame"
	log_test "a VSID port sharing the switch with the uplink never reaches the underlay"
}

require_cmd xsw jq python3 tcpdump ping ss
require_module xswitch
TMPD=$(mktemp -d)
defer "rm -rf $TMPD"
if ! setup; then
	echo "FAIL: setup"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
