#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation, the data path over VXLAN: the HNV document's
# Contoso/Fabrikam example between an xswitch host and a "remote host" built
# only from Linux's own devices (vxlan + bridge), so the wire format is the
# one Linux accepts.  Both tenants use the same CAs.
#
#   NS_A1 e1 10.1.1.11 (Contoso VM1)  -- v1 vsid 5001 --+
#   NS_C1 e3 10.1.1.13 (Contoso VM3)  -- v3 vsid 5001 --+  NS1: sw0 (xswitch)
#   NS_B1 e2 10.1.1.11 (Fabrikam VM1) -- v2 vsid 6001 --+       PA1 192.168.1.10
#   NS_N  e4 10.1.1.99 (in no VSID)   -- v4 ------------+       on u1
#                                                               xsw-vxlan-4789
#   NS1 u1 192.168.1.10/24 ==veth== ra 192.168.1.1/24  NS_R (a router)
#                         NS_R rb 192.168.2.1/24 ==veth== u2 192.168.2.20/24
#                                                         NS2 (host 2, PA2)
#   NS1 r1 192.168.3.10/24 ==veth== r3 192.168.3.30/24 NS3 (a rogue host)
#
#   NS2: vxc (vxlan id 5001 dstport 4789 nolearning) in brc -- wc ==veth==
#            NS_A2 e 10.1.1.12 (Contoso VM2)
#        vxf (vxlan id 6001 ...) in brf -- wf ==veth== NS_B2 e 10.1.1.12
#            (Fabrikam VM2)
#        static "bridge fdb append" entries: 00:..:00 and the host-1 VMs'
#        MACs -> 192.168.1.10
#   NS3: vxlan id 5001 and id 7777 towards 192.168.1.10: a PA no mapping
#        names, and a VNI that is no local VSID
#
#   Over IPv6 PAs: Woodgrove, VSID 7001, NS_W1 e5 10.1.1.11 -- v5 on host 1
#   (PA 2001:db8:1::10 on u1), NS_W2 10.1.1.12 behind vxw (vxlan id 7001,
#   local 2001:db8:2::20) on host 2, routed by NS_R too.
#
# The VMs have static neighbour entries (vnet_nd.sh tests the ARP/ND
# responder) and IPv6 off, so that every frame a test counts is its own.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	vxlan_tunnel_device
	vxlan_ping
	vxlan_tcp
	vxlan_wire_format
	vxlan_cross_tenant
	vnet_local_isolation
	vnet_unknown_unicast
	vnet_spoofed_ca
	vxlan_unknown_vni
	vxlan_unknown_pa
	vxlan_ipv6_underlay
	vxlan_mtu
	vnet_vsid_counters
	vnet_vsid_counters_json
	vxlan_tunnel_lifecycle
"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/vnet.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/vnet.sh"

PA1=192.168.1.10
PA2=192.168.2.20
PA6_1=2001:db8:1::10
PA6_2=2001:db8:2::20
ROGUE=192.168.3.30
MAC_A1=02:00:00:00:50:11
MAC_A2=02:00:00:00:50:12
MAC_A3=02:00:00:00:50:13
MAC_B1=02:00:00:00:60:11
MAC_B2=02:00:00:00:60:12
MAC_N=02:00:00:00:99:99
MAC_R=02:00:00:00:77:77
MAC_W1=02:00:00:00:70:11
MAC_W2=02:00:00:00:70:12
TUN=xsw-vxlan-4789
TCP_PORT=7000

# remote_tenant VNI BRIDGE VXLAN VETH NS_VM VM_MAC LOCAL REMOTE LOCAL_MACS...
remote_tenant()
{
	local vni=$1 br=$2 vx=$3 veth=$4 ns=$5 mac=$6 local=$7 remote=$8 m
	shift 8

	ip -n "$NS2" link add "$br" type bridge &&
	ip -n "$NS2" link add "$vx" type vxlan id "$vni" dstport 4789 \
		local "$local" nolearning &&
	ip -n "$NS2" link set "$vx" master "$br" &&
	vm "$ns" e "$veth" "$mac" 10.1.1.12 "$NS2" &&
	ip -n "$NS2" link set "$veth" master "$br" &&
	ip -n "$NS2" link set "$vx" up &&
	ip -n "$NS2" link set "$br" up &&
	bridge -n "$NS2" fdb append 00:00:00:00:00:00 dev "$vx" dst "$remote" || return
	for m in "$@"; do
		bridge -n "$NS2" fdb append "$m" dev "$vx" dst "$remote" || return
	done
}

setup()
{
	setup_ns NS1 NS2 NS3 NS_R NS_A1 NS_B1 NS_C1 NS_N NS_A2 NS_B2 NS_W1 NS_W2 ||
		return 1
	ip -n "$NS1" link add sw0 type xswitch &&
	ip -n "$NS1" link set sw0 up &&
	vm "$NS_A1" e1 v1 "$MAC_A1" 10.1.1.11 "$NS1" &&
	vm "$NS_B1" e2 v2 "$MAC_B1" 10.1.1.11 "$NS1" &&
	vm "$NS_C1" e3 v3 "$MAC_A3" 10.1.1.13 "$NS1" &&
	vm "$NS_N" e4 v4 "$MAC_N" 10.1.1.99 "$NS1" &&
	vm "$NS_W1" e5 v5 "$MAC_W1" 10.1.1.11 "$NS1" &&
	x port add sw0 dev v1 && x port add sw0 dev v2 &&
	x port add sw0 dev v3 && x port add sw0 dev v4 &&
	x port add sw0 dev v5 || return 1

	# The underlay: two subnets and a router, and the rogue host's link.
	ip -n "$NS1" link add u1 type veth peer name ra netns "$NS_R" &&
	ip -n "$NS2" link add u2 type veth peer name rb netns "$NS_R" &&
	ip -n "$NS1" addr add "$PA1/24" dev u1 && ip -n "$NS1" link set u1 up &&
	ip -n "$NS2" addr add "$PA2/24" dev u2 && ip -n "$NS2" link set u2 up &&
	ip -n "$NS_R" addr add 192.168.1.1/24 dev ra &&
	ip -n "$NS_R" addr add 192.168.2.1/24 dev rb &&
	ip -n "$NS_R" link set ra up && ip -n "$NS_R" link set rb up &&
	ip netns exec "$NS_R" sysctl -qw net.ipv4.ip_forward=1 &&
	ip -n "$NS1" route add 192.168.2.0/24 via 192.168.1.1 &&
	ip -n "$NS2" route add 192.168.1.0/24 via 192.168.2.1 &&
	ip -n "$NS1" addr add "$PA6_1/64" dev u1 nodad &&
	ip -n "$NS2" addr add "$PA6_2/64" dev u2 nodad &&
	ip -n "$NS_R" addr add 2001:db8:1::1/64 dev ra nodad &&
	ip -n "$NS_R" addr add 2001:db8:2::1/64 dev rb nodad &&
	ip netns exec "$NS_R" sysctl -qw net.ipv6.conf.all.forwarding=1 &&
	ip -n "$NS1" route add 2001:db8:2::/64 via 2001:db8:1::1 &&
	ip -n "$NS2" route add 2001:db8:1::/64 via 2001:db8:2::1 &&
	ip -n "$NS1" link add r1 type veth peer name r3 netns "$NS3" &&
	ip -n "$NS1" addr add 192.168.3.10/24 dev r1 && ip -n "$NS1" link set r1 up &&
	ip -n "$NS3" addr add "$ROGUE/24" dev r3 && ip -n "$NS3" link set r3 up &&
	ip -n "$NS3" route add "$PA1/32" via 192.168.3.10 || return 1

	# Host 1's policy: two routing domains with the same prefix.
	x vnet add Contoso rdid 1 && x vnet add Fabrikam rdid 2 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	x vsubnet add 6001 vnet Fabrikam prefix 10.1.1.0/24 &&
	x pa add sw0 "$PA1" &&
	x port set v1 vsid 5001 ca 10.1.1.11 &&
	x port set v3 vsid 5001 ca 10.1.1.13 &&
	x port set v2 vsid 6001 ca 10.1.1.11 &&
	x map add vsid 5001 ca 10.1.1.11 mac "$MAC_A1" pa "$PA1" &&
	x map add vsid 5001 ca 10.1.1.13 mac "$MAC_A3" pa "$PA1" &&
	x map add vsid 5001 ca 10.1.1.12 mac "$MAC_A2" pa "$PA2" &&
	x map add vsid 6001 ca 10.1.1.11 mac "$MAC_B1" pa "$PA1" &&
	x map add vsid 6001 ca 10.1.1.12 mac "$MAC_B2" pa "$PA2" || return 1
	# Woodgrove, over IPv6 PAs.
	x vnet add Woodgrove rdid 3 &&
	x vsubnet add 7001 vnet Woodgrove prefix 10.1.1.0/24 &&
	x pa add sw0 "$PA6_1" &&
	x port set v5 vsid 7001 ca 10.1.1.11 &&
	x map add vsid 7001 ca 10.1.1.11 mac "$MAC_W1" pa "$PA6_1" &&
	x map add vsid 7001 ca 10.1.1.12 mac "$MAC_W2" pa "$PA6_2" || return 1

	# Host 2: Linux's own devices only.
	remote_tenant 5001 brc vxc wc "$NS_A2" "$MAC_A2" "$PA2" "$PA1" \
		"$MAC_A1" "$MAC_A3" &&
	remote_tenant 6001 brf vxf wf "$NS_B2" "$MAC_B2" "$PA2" "$PA1" "$MAC_B1" &&
	remote_tenant 7001 brw vxw ww "$NS_W2" "$MAC_W2" "$PA6_2" "$PA6_1" \
		"$MAC_W1" || return 1

	# Static neighbours: each VM knows its tenant's other VMs.
	ip -n "$NS_A1" neigh add 10.1.1.12 lladdr "$MAC_A2" dev e1 &&
	ip -n "$NS_A1" neigh add 10.1.1.13 lladdr "$MAC_A3" dev e1 &&
	ip -n "$NS_C1" neigh add 10.1.1.11 lladdr "$MAC_A1" dev e3 &&
	ip -n "$NS_A2" neigh add 10.1.1.11 lladdr "$MAC_A1" dev e &&
	ip -n "$NS_B1" neigh add 10.1.1.12 lladdr "$MAC_B2" dev e2 &&
	ip -n "$NS_B2" neigh add 10.1.1.11 lladdr "$MAC_B1" dev e &&
	ip -n "$NS_N" neigh add 10.1.1.11 lladdr "$MAC_A1" dev e4 &&
	ip -n "$NS_W1" neigh add 10.1.1.12 lladdr "$MAC_W2" dev e5 &&
	ip -n "$NS_W2" neigh add 10.1.1.11 lladdr "$MAC_W1" dev e || return 1

	# The rogue host: VNI 5001 from an unknown PA, and an unknown VNI.
	rogue_vxlan vxr 5001 10.1.1.50 &&
	rogue_vxlan vxu 7777 10.9.9.2
}

# rogue_vxlan DEV VNI ADDR: a vxlan device in NS3 aimed at PA1, whose
# neighbour 10.x.x.1/.11 is host 1's Contoso VM1
rogue_vxlan()
{
	local dev=$1 vni=$2 addr=$3

	ip -n "$NS3" link add "$dev" type vxlan id "$vni" dstport 4789 \
		local "$ROGUE" remote "$PA1" nolearning &&
	ip -n "$NS3" link set "$dev" address "$MAC_R" &&
	ip -n "$NS3" addr add "$addr/24" dev "$dev" &&
	ip -n "$NS3" link set "$dev" up &&
	ip -n "$NS3" neigh add "${addr%.*}.11" lladdr "$MAC_A1" dev "$dev"
}

vxlan_tunnel_device()
{
	local kind

	kind=$(ip -n "$NS1" -j -d link show "$TUN" | jq -r '.[0].linkinfo.info_kind')
	[ "$kind" = vxlan ]
	check_err $? "no vxlan device $TUN after the first PA: '$kind'"
	ip -n "$NS1" -j -d link show "$TUN" |
		jq -e '.[0].linkinfo.info_data | .external == true and .port == 4789' >/dev/null
	check_err $? "$TUN is not a collect-metadata device on UDP 4789"
	! ip -n "$NS1" link show xsw-gre >/dev/null 2>&1 &&
		! ip -n "$NS1" link show xsw-gre6 >/dev/null 2>&1
	check_err $? "a namespace with VXLAN VSIDs only has an NVGRE device"
	log_test "the first PA makes the switch's collect-metadata vxlan device"
}

vxlan_ping()
{
	check_tenant_pings
	log_test "each tenant's VMs ping across hosts, with the same CAs"
}

vxlan_tcp()
{
	check_tenant_tcp
	log_test "TCP reaches each tenant's own server at the same CA"
}

vxlan_wire_format()
{
	local out

	if ! command -v tshark >/dev/null; then
		log_test_skip "tshark decodes VXLAN with the VSID as VNI" "no tshark"
		return
	fi
	underlay_decode "udp dst port 4789 and src host $PA1" \
		ip.src ip.dst udp.dstport vxlan.vni
	out=$(<"$TMPD/u2.fields")
	[ "$out" = "$PA1 $PA2 4789 5001;$PA1 $PA2 4789 6001;" ]
	check_err $? "tshark decoded: '$out' $(cat "$TMPD/tshark.err")"
	log_test "tshark decodes VXLAN from PA1 to PA2 with the VSID as VNI"
}

vxlan_cross_tenant()
{
	check_cross_tenant
	log_test "Contoso traffic never reaches Fabrikam's VM at the same CA"
}

vnet_local_isolation()
{
	capture "$NS_A1" e1 "icmp or arp" a1
	check_err $? "tcpdump did not start in Contoso VM1"
	capture "$NS_B1" e2 "icmp or arp" b1
	check_err $? "tcpdump did not start in Fabrikam VM1"

	# The port in no VSID: unicast to Contoso VM1's MAC, and broadcast.
	ip netns exec "$NS_N" ping -q -c 3 -i 0.2 -W 1 10.1.1.11 >/dev/null
	check_fail $? "a port in no VSID reached a VSID port"
	drops_reach 3 drops v4 isolated
	check_err $? "v4's unicast to a VSID port is not counted as isolated: $(drops v4 isolated)"
	ip netns exec "$NS_N" ping -q -b -c 2 -i 0.2 -W 1 10.1.1.255 >/dev/null 2>&1
	# Contoso VM3 to VM1 on the same switch works, and is the marker.
	ip netns exec "$NS_C1" ping -q -c 2 -i 0.2 -W 2 10.1.1.11 >/dev/null
	check_err $? "Contoso VM3 cannot ping Contoso VM1 on the same switch"
	busywait 10000 grep -q "$MAC_A3" "$TMPD/a1.txt"
	check_err $? "Contoso VM1 did not see VM3's ping"
	capture_stop a1
	capture_stop b1
	[ "$(captured a1 "$MAC_N")" = 0 ]
	check_err $? "a VSID port got frames of a port in no VSID: $(grep -- "$MAC_N" "$TMPD/a1.txt")"
	[ "$(captured b1 "$MAC_A3")$(captured b1 "$MAC_N")" = 00 ]
	check_err $? "Fabrikam VM1 got another VSID's frames: $(cat "$TMPD/b1.txt")"
	log_test "VSID isolation on one switch, unicast and broadcast"
}

vnet_unknown_unicast()
{
	ip -n "$NS_A1" neigh replace 10.1.1.66 lladdr 02:00:00:00:50:66 dev e1
	ip netns exec "$NS_A1" ping -q -c 3 -i 0.2 -W 1 10.1.1.66 >/dev/null
	check_fail $? "a ping to a MAC with no mapping got a reply"
	drops_reach 3 drops v1 vnet-no-mapping
	check_err $? "vnet-no-mapping on v1: $(drops v1 vnet-no-mapping), want 3"
	# Fabrikam VM1's MAC is on this switch, but in another VSID.
	ip -n "$NS_A1" neigh replace 10.1.1.77 lladdr "$MAC_B1" dev e1
	ip netns exec "$NS_A1" ping -q -c 2 -i 0.2 -W 1 10.1.1.77 >/dev/null
	check_fail $? "Contoso reached Fabrikam's MAC"
	drops_reach 5 drops v1 vnet-no-mapping
	check_err $? "vnet-no-mapping on v1: $(drops v1 vnet-no-mapping), want 5"
	log_test "unknown unicast in a VSID is dropped as vnet-no-mapping"
}

vnet_spoofed_ca()
{
	local n tags

	ip -n "$NS_A1" addr add 10.1.1.98/24 dev e1
	ip netns exec "$NS_A1" ping -q -c 3 -i 0.2 -W 1 -I 10.1.1.98 10.1.1.12 >/dev/null
	check_fail $? "a ping from an address not the port's CA got a reply"
	drops_reach 3 drops v1 vnet-spoofed-ca
	check_err $? "vnet-spoofed-ca on v1: $(drops v1 vnet-spoofed-ca), want 3"
	ip -n "$NS_A1" addr del 10.1.1.98/24 dev e1
	ping_ok "$NS_A1" 10.1.1.12
	check_err $? "its CA no longer gets through"
	# Nor behind a tag the receiver takes off: 802.1ad, and 802.1ad
	# with an 802.1Q tag inside.
	n=$(drops v1 vnet-spoofed-ca)
	for tags in "0x88a8:100" "0x88a8:100 --tag 0x8100:5"; do
		# shellcheck disable=SC2086  # the tags are words
		ip netns exec "$NS_A1" python3 -I -S "$(dirname "$0")/lib/sendframe.py" \
			e1 --src "$MAC_A1" --dst "$MAC_A2" --tag $tags \
			udp4 10.1.1.98 10.1.1.12 4000 4000
	done
	drops_reach $((n + 2)) drops v1 vnet-spoofed-ca
	check_err $? "vnet-spoofed-ca on v1 after two tagged frames: $(drops v1 vnet-spoofed-ca), want $((n + 2))"
	log_test "a VSID port sending from another address is dropped as vnet-spoofed-ca"
}

vxlan_unknown_vni()
{
	ip netns exec "$NS3" ping -q -c 3 -i 0.2 -W 1 10.9.9.11 >/dev/null
	check_fail $? "a frame with an unknown VNI got a reply"
	drops_reach 3 sw_drops vnet-unknown-vsid
	check_err $? "vnet-unknown-vsid: $(sw_drops vnet-unknown-vsid), want 3"
	log_test "a VNI that is no local VSID is dropped as vnet-unknown-vsid"
}

vxlan_unknown_pa()
{
	capture "$NS_A1" e1 "ether src $MAC_R" rogue
	check_err $? "tcpdump did not start in Contoso VM1"
	ip netns exec "$NS3" ping -q -c 3 -i 0.2 -W 1 10.1.1.11 >/dev/null
	check_fail $? "a frame from an unknown PA got a reply"
	drops_reach 3 sw_drops vnet-unknown-pa
	check_err $? "vnet-unknown-pa: $(sw_drops vnet-unknown-pa), want 3"
	capture_stop rogue
	[ "$(captured rogue "$MAC_R")" = 0 ]
	check_err $? "Contoso VM1 got the rogue's frames"
	log_test "VNI 5001 from a PA no mapping names is dropped as vnet-unknown-pa"
}

vxlan_ipv6_underlay()
{
	ping_ok "$NS_W1" 10.1.1.12
	check_err $? "Woodgrove VM1 cannot ping its VM2 over IPv6 PAs"
	ping_ok "$NS_W2" 10.1.1.11
	check_err $? "Woodgrove VM2 cannot ping its VM1 back over IPv6 PAs"
	log_test "VXLAN over IPv6 PAs, routed, with Linux's vxlan"
}

# big NS ADDR: one full-size IPv4 packet (1500 bytes, DF set, as a VM's
# path MTU discovery sends) gets its reply, within 30 s
big()
{
	busywait 30000 ip netns exec "$1" ping -q -c 1 -W 2 -M do -s 1472 "$2" \
		>/dev/null
}

# tun_tx_errors: the tunnel device's tx errors
tun_tx_errors()
{
	ip -n "$NS1" -j -s link show "$TUN" | jq '.[0].stats64.tx.errors'
}

vxlan_mtu()
{
	local dev

	# IPv4 PAs: the outer packet goes without DF and is fragmented.
	big "$NS_A1" 10.1.1.12
	check_err $? "a 1500-byte packet from Contoso VM1 does not cross the 1500-byte underlay"

	# IPv6 PAs: IPv6 routers do not fragment, and the host does not
	# fragment a tunnel's packets: the frame is lost, counted in the
	# tunnel device's tx errors, until the underlay carries 70 bytes more.
	ip netns exec "$NS_W1" ping -q -c 1 -W 2 -M do -s 1472 10.1.1.12 >/dev/null
	check_fail $? "a 1500-byte packet crossed a 1500-byte IPv6 underlay"
	drops_reach 1 tun_tx_errors
	check_err $? "the lost frame is not counted in $TUN's tx errors: $(tun_tx_errors)"
	for dev in "$NS_R ra" "$NS_R rb" "$NS1 u1" "$NS2 u2"; do
		# shellcheck disable=SC2086  # "NS DEV"
		set -- $dev
		ip -n "$1" link set "$2" mtu 1570 || break
	done
	check_err $? "cannot raise the underlay's MTU"
	big "$NS_W1" 10.1.1.12
	check_err $? "a 1500-byte packet does not cross a 1570-byte IPv6 underlay"
	for dev in "$NS1 u1" "$NS2 u2" "$NS_R ra" "$NS_R rb"; do
		# shellcheck disable=SC2086
		set -- $dev
		ip -n "$1" link set "$2" mtu 1500
	done
	log_test "full-size frames: fragmented over IPv4 PAs; over IPv6 PAs counted until the underlay has 70 bytes more"
}

VS_KEYS="in_packets in_bytes out_packets out_bytes encap_packets encap_bytes
	decap_packets decap_bytes"

# vs_stats VSID: "KEY VALUE" lines of the vsubnet's counters
vs_stats()
{
	xsw_jq -n "$NS1" '.[0].stats | to_entries[] | "\(.key) \(.value)"' \
		-s vsubnet show "$1"
}

vnet_vsid_counters()
{
	local -A before after
	local k v n=5 frame=98	# an echo of 56 bytes: 14 + 20 + 8 + 56

	while read -r k v; do before[$k]=$v; done < <(vs_stats 5001)
	[ "${#before[@]}" = 8 ]
	check_err $? "xsw -s vsubnet show 5001 has ${#before[@]} counters, not 8"
	# Every one of the n echoes must get its reply: -w makes ping fail
	# otherwise.
	ip netns exec "$NS_A1" ping -q -c "$n" -i 0.2 -w 20 10.1.1.12 >/dev/null
	check_err $? "Contoso VM1 lost some of $n pings to VM2"
	while read -r k v; do after[$k]=$v; done < <(vs_stats 5001)
	for k in $VS_KEYS; do
		local want=$n

		[ "${k%_bytes}" != "$k" ] && want=$((n * frame))
		[ -n "${after[$k]:-}" ] &&
			[ "$((after[$k] - ${before[$k]:-0}))" -ge "$want" ]
		check_err $? "vsid 5001 $k moved from ${before[$k]} to ${after[$k]}, by less than $want"
	done
	log_test "vsid 5001 counts $n echoes in, encapsulated, and their replies decapsulated and out"
}

vnet_vsid_counters_json()
{
	local j

	j=$(xsw_json -n "$NS1" -s vsubnet show)
	check_err $? "xsw -j -s vsubnet show failed or printed invalid JSON"
	jq -e 'length == 3 and all(.[]; .stats | keys ==
		["decap_bytes","decap_packets","encap_bytes","encap_packets",
		 "in_bytes","in_packets","out_bytes","out_packets"] and
		all(.[]; type == "number"))' <<<"$j" >/dev/null
	check_err $? "each of the 3 vsubnets needs stats with the 8 numeric counters: $j"
	j=$(xsw_json -n "$NS1" vsubnet show)
	check_err $? "xsw -j vsubnet show failed or printed invalid JSON"
	jq -e 'all(.[]; has("stats") | not)' <<<"$j" >/dev/null
	check_err $? "xsw -j vsubnet show without -s has stats: $j"
	log_test "xsw -j -s vsubnet show: valid JSON, 8 counters per vsubnet, none without -s"
}

vxlan_tunnel_lifecycle()
{
	# The user deletes the device: frames are dropped, counted; the next
	# PA makes a new one.
	ip -n "$NS1" link del "$TUN"
	check_err $? "cannot delete $TUN"
	ip netns exec "$NS_A1" ping -q -c 1 -W 1 10.1.1.12 >/dev/null
	check_fail $? "a ping went through without a tunnel device"
	drops_reach 1 drops v1 vnet-no-route
	check_err $? "vnet-no-route on v1: $(drops v1 vnet-no-route)"
	ip -n "$NS1" addr add 192.168.1.11/24 dev u1
	x pa add sw0 192.168.1.11
	check_err $? "pa add failed"
	ip -n "$NS1" link show "$TUN" >/dev/null 2>&1
	check_err $? "no new $TUN"
	ping_ok "$NS_A1" 10.1.1.12
	check_err $? "no traffic over the new $TUN"

	# A new vxlan port moves it; the last PA takes it away.
	x switch set sw0 vxlan-port 4790
	check_err $? "switch set vxlan-port 4790 failed"
	ip -n "$NS1" link show xsw-vxlan-4790 >/dev/null 2>&1 &&
		! ip -n "$NS1" link show "$TUN" >/dev/null 2>&1
	check_err $? "the device did not move to UDP 4790"
	x pa del sw0 192.168.1.11 && x pa del sw0 "$PA1" && x pa del sw0 "$PA6_1"
	check_err $? "pa del failed"
	! ip -n "$NS1" link show xsw-vxlan-4790 >/dev/null 2>&1
	check_err $? "the device outlived the switch's last PA"
	# It goes with its namespace too (run.sh checks the kernel log).
	x pa add sw0 "$PA1"
	check_err $? "pa add failed"
	ip -n "$NS1" link show xsw-vxlan-4790 >/dev/null 2>&1
	check_err $? "no device for the PA"
	log_test "the tunnel device follows the PAs, the vxlan port and its deletion"
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
