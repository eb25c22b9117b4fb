#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation, the data path over NVGRE (RFC 7637): an xswitch
# host and a "remote host" built only from Linux's own devices (gretap with
# key VSID << 8, in a bridge), so the wire format is the one Linux accepts.
# Two tenants use the same CAs.
#
#   NS_A1 e1 10.1.1.11 (Contoso VM1)  -- v1 vsid 5001 nvgre --+
#   NS_B1 e2 10.1.1.11 (Fabrikam VM1) -- v2 vsid 6001 nvgre --+ NS1: sw0
#   NS_W1 e5 10.1.1.11 (Woodgrove VM1) - v5 vsid 7001 nvgre --+ (xswitch)
#                        vsid 8001 (Tailspin, vxlan, no port)   xsw-gre,
#                                                               xsw-gre6
#   NS1 u1 192.168.1.10/24 2001:db8:1::10/64 (PA1, PA6_1)
#       ==veth== u2 192.168.1.20/24 2001:db8:1::20/64 NS2 (host 2: PA2, PA6_2)
#   NS1 r1 192.168.3.10/24 ==veth== r3 192.168.3.30/24 NS3 (a rogue host)
#
#   NS2: grc (gretap key 5001<<8) in brc -- wc ==veth== NS_A2 e 10.1.1.12
#        grf (gretap key 6001<<8) in brf -- wf ==veth== NS_B2 e 10.1.1.12
#        grw (ip6gretap key 7001<<8) in brw -- ww ==veth== NS_W2 e 10.1.1.12
#        and, aimed at PA1, a keyless gretap, one with key 7777<<8 (no
#        VSID), one with key 8001<<8 (a VXLAN VSID) and a vxlan with VNI
#        5001 (an NVGRE VSID)
#   NS3: gretap key 5001<<8 towards PA1: a PA no mapping names
#
# The VMs have static neighbour entries and IPv6 off, so that every frame a
# test counts is its own.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	nvgre_tunnel_devices
	nvgre_ping
	nvgre_tcp
	nvgre_wire_format
	nvgre_cross_tenant
	nvgre_wrong_key
	nvgre_keyless
	nvgre_unknown_key
	nvgre_unknown_pa
	nvgre_cross_encap
	nvgre_ipv6_underlay
	nvgre_device_lifecycle
	nvgre_device_conflict
"
# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/vnet.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/vnet.sh"

PA1=192.168.1.10
PA2=192.168.1.20
PA6_1=2001:db8:1::10
PA6_2=2001:db8:1::20
ROGUE=192.168.3.30
MAC_A1=02:00:00:00:50:11
MAC_A2=02:00:00:00:50:12
MAC_B1=02:00:00:00:60:11
MAC_B2=02:00:00:00:60:12
MAC_W1=02:00:00:00:70:11
MAC_W2=02:00:00:00:70:12
MAC_R=02:00:00:00:77:77
TCP_PORT=7000

# remote_tenant VSID BRIDGE GRE VETH NS_VM VM_MAC KIND LOCAL REMOTE: a
# tenant's VM behind a bridge with a gretap (KIND) port, as Linux does
# NVGRE
remote_tenant()
{
	local vsid=$1 br=$2 gre=$3 veth=$4 ns=$5 mac=$6 kind=$7 local=$8 remote=$9

	ip -n "$NS2" link add "$br" type bridge &&
	ip -n "$NS2" link add "$gre" type "$kind" key $((vsid << 8)) \
		local "$local" remote "$remote" &&
	ip -n "$NS2" link set "$gre" master "$br" &&
	vm "$ns" e "$veth" "$mac" 10.1.1.12 "$NS2" &&
	ip -n "$NS2" link set "$veth" master "$br" &&
	ip -n "$NS2" link set "$gre" up &&
	ip -n "$NS2" link set "$br" up
}

# rogue NS DEV ADDR TYPE ARGS...: a tunnel device aimed at PA1 whose
# neighbour ADDR.11 is Contoso VM1; ping ADDR.11 through it
rogue()
{
	local ns=$1 dev=$2 addr=$3
	shift 3

	ip -n "$ns" link add "$dev" "$@" &&
	ip -n "$ns" link set "$dev" address "$MAC_R" &&
	ip -n "$ns" addr add "$addr.2/24" dev "$dev" &&
	ip -n "$ns" link set "$dev" up &&
	ip -n "$ns" neigh add "$addr.11" lladdr "$MAC_A1" dev "$dev"
}

setup()
{
	setup_ns NS1 NS2 NS3 NS4 NS_A1 NS_B1 NS_W1 NS_A2 NS_B2 NS_W2 || return 1
	ip -n "$NS1" link add sw0 type xswitch &&
	ip -n "$NS1" link set sw0 up &&
	vm "$NS_A1" e1 v1 "$MAC_A1" 10.1.1.11 "$NS1" &&
	vm "$NS_B1" e2 v2 "$MAC_B1" 10.1.1.11 "$NS1" &&
	vm "$NS_W1" e5 v5 "$MAC_W1" 10.1.1.11 "$NS1" &&
	x port add sw0 dev v1 && x port add sw0 dev v2 &&
	x port add sw0 dev v5 || return 1

	# The underlay, and the rogue host's link.
	ip -n "$NS1" link add u1 type veth peer name u2 netns "$NS2" &&
	ip -n "$NS1" addr add "$PA1/24" dev u1 &&
	ip -n "$NS1" addr add "$PA6_1/64" dev u1 nodad &&
	ip -n "$NS2" addr add "$PA2/24" dev u2 &&
	ip -n "$NS2" addr add "$PA6_2/64" dev u2 nodad &&
	ip -n "$NS1" link set u1 up && ip -n "$NS2" link set u2 up &&
	ip -n "$NS1" link add r1 type veth peer name r3 netns "$NS3" &&
	ip -n "$NS1" addr add 192.168.3.10/24 dev r1 && ip -n "$NS1" link set r1 up &&
	ip -n "$NS3" addr add "$ROGUE/24" dev r3 && ip -n "$NS3" link set r3 up &&
	ip -n "$NS3" route add "$PA1/32" via 192.168.3.10 || return 1

	# Host 1's policy: NVGRE VSIDs, two routing domains with the same
	# prefix, one over IPv6 PAs, and a VXLAN VSID.
	x vnet add Contoso rdid 1 && x vnet add Fabrikam rdid 2 &&
	x vnet add Woodgrove rdid 3 && x vnet add Tailspin rdid 4 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 encap nvgre &&
	x vsubnet add 6001 vnet Fabrikam prefix 10.1.1.0/24 encap nvgre &&
	x vsubnet add 7001 vnet Woodgrove prefix 10.1.1.0/24 encap nvgre &&
	x vsubnet add 8001 vnet Tailspin prefix 10.1.1.0/24 encap vxlan &&
	x pa add sw0 "$PA1" && x pa add sw0 "$PA6_1" &&
	x port set v1 vsid 5001 ca 10.1.1.11 &&
	x port set v2 vsid 6001 ca 10.1.1.11 &&
	x port set v5 vsid 7001 ca 10.1.1.11 &&
	x map add vsid 5001 ca 10.1.1.11 mac "$MAC_A1" pa "$PA1" &&
	x map add vsid 5001 ca 10.1.1.12 mac "$MAC_A2" pa "$PA2" &&
	x map add vsid 6001 ca 10.1.1.11 mac "$MAC_B1" pa "$PA1" &&
	x map add vsid 6001 ca 10.1.1.12 mac "$MAC_B2" pa "$PA2" &&
	x map add vsid 7001 ca 10.1.1.11 mac "$MAC_W1" pa "$PA6_1" &&
	x map add vsid 7001 ca 10.1.1.12 mac "$MAC_W2" pa "$PA6_2" &&
	x map add vsid 8001 ca 10.1.1.12 mac 02:00:00:00:80:12 pa "$PA2" ||
		return 1

	# Host 2: Linux's own devices only.
	remote_tenant 5001 brc grc wc "$NS_A2" "$MAC_A2" gretap "$PA2" "$PA1" &&
	remote_tenant 6001 brf grf wf "$NS_B2" "$MAC_B2" gretap "$PA2" "$PA1" &&
	remote_tenant 7001 brw grw ww "$NS_W2" "$MAC_W2" ip6gretap \
		"$PA6_2" "$PA6_1" || return 1

	# Static neighbours: each VM knows its tenant's other VM.
	ip -n "$NS_A1" neigh add 10.1.1.12 lladdr "$MAC_A2" dev e1 &&
	ip -n "$NS_A2" neigh add 10.1.1.11 lladdr "$MAC_A1" dev e &&
	ip -n "$NS_B1" neigh add 10.1.1.12 lladdr "$MAC_B2" dev e2 &&
	ip -n "$NS_B2" neigh add 10.1.1.11 lladdr "$MAC_B1" dev e &&
	ip -n "$NS_W1" neigh add 10.1.1.12 lladdr "$MAC_W2" dev e5 &&
	ip -n "$NS_W2" neigh add 10.1.1.11 lladdr "$MAC_W1" dev e || return 1

	# Frames host 1 must drop.
	rogue "$NS2" grk 10.5.5 type gretap local "$PA2" remote "$PA1" &&
	rogue "$NS2" gru 10.6.6 type gretap key $((7777 << 8)) \
		local "$PA2" remote "$PA1" &&
	rogue "$NS2" grx 10.7.7 type gretap key $((8001 << 8)) \
		local "$PA2" remote "$PA1" &&
	rogue "$NS2" vxn 10.8.8 type vxlan id 5001 dstport 4789 \
		local "$PA2" remote "$PA1" nolearning &&
	rogue "$NS3" grr 10.9.9 type gretap key $((5001 << 8)) \
		local "$ROGUE" remote "$PA1"
}

# rogue_counted NET REASON WHAT: three pings from host 2 to NET.11 through
# its rogue device for NET get no reply and count 3 more REASON drops
rogue_counted()
{
	local before

	before=$(sw_drops "$2")
	ip netns exec "$NS2" ping -q -c 3 -i 0.2 -W 1 "$1.11" >/dev/null
	check_fail $? "$3 got a reply"
	drops_reach $((before + 3)) sw_drops "$2"
	check_err $? "$2: $(sw_drops "$2"), want $((before + 3)) after $3"
}

nvgre_tunnel_devices()
{
	local dev want kind

	for dev in xsw-gre:gretap xsw-gre6:ip6gretap; do
		want=${dev#*:} dev=${dev%:*}
		kind=$(ip -n "$NS1" -j -d link show "$dev" | jq -r '.[0].linkinfo.info_kind')
		[ "$kind" = "$want" ]
		check_err $? "no $want device $dev: '$kind'"
		ip -n "$NS1" -j -d link show "$dev" |
			jq -e '.[0].linkinfo.info_data.external == true' >/dev/null
		check_err $? "$dev is not a collect-metadata device"
	done
	log_test "NVGRE VSIDs and PAs make collect-metadata gretap and ip6gretap devices"
}

nvgre_ping()
{
	check_tenant_pings
	log_test "each tenant's VMs ping across hosts over NVGRE, with the same CAs"
}

nvgre_tcp()
{
	local out

	check_tenant_tcp
	# And the other way: a server on host 1, a client on host 2.
	serve "$NS_A1" contoso-vm1 10.1.1.11
	check_err $? "no server in Contoso VM1"
	out=$(fetch "$NS_A2" 10.1.1.11)
	[ "$out" = contoso-vm1 ]
	check_err $? "Contoso VM2 got '$out' from VM1 over TCP, not contoso-vm1"
	log_test "TCP both ways over NVGRE, each tenant to its own server"
}

nvgre_wire_format()
{
	local out

	if ! command -v tshark >/dev/null; then
		log_test_skip "tshark decodes GRE 0x6558 with key VSID << 8" "no tshark"
		return
	fi
	underlay_decode "ip proto gre and src host $PA1" \
		ip.src ip.dst gre.proto gre.key
	out=$(<"$TMPD/u2.fields")
	# 5001 << 8 = 0x138900, 6001 << 8 = 0x177100
	[ "$out" = "$PA1 $PA2 0x6558 0x00138900;$PA1 $PA2 0x6558 0x00177100;" ]
	check_err $? "tshark decoded: '$out' $(cat "$TMPD/tshark.err")"
	log_test "tshark decodes GRE 0x6558 from PA1 to PA2 with key VSID << 8"
}

nvgre_cross_tenant()
{
	check_cross_tenant
	log_test "Contoso traffic never reaches Fabrikam's VM at the same CA"
}

nvgre_wrong_key()
{
	# Fabrikam VM2 sends to Contoso VM1's MAC: key 6001 << 8, so VSID
	# 6001, where that MAC is not.
	capture "$NS_A1" e1 "icmp" a1
	check_err $? "tcpdump did not start in Contoso VM1"
	ip -n "$NS_B2" neigh replace 10.1.1.77 lladdr "$MAC_A1" dev e
	ip netns exec "$NS_B2" ping -q -c 3 -i 0.2 -W 1 10.1.1.77 >/dev/null
	check_fail $? "Fabrikam reached Contoso's VM"
	# Contoso's own frame after them is the marker.
	ip netns exec "$NS_A2" ping -q -c 1 -W 2 10.1.1.11 >/dev/null
	check_err $? "Contoso ping failed"
	busywait 10000 grep -q "$MAC_A2" "$TMPD/a1.txt"
	check_err $? "Contoso VM1 did not see its own tenant's ping"
	capture_stop a1
	[ "$(captured a1 "$MAC_B2")" = 0 ]
	check_err $? "Contoso VM1 got frames with Fabrikam's key: $(grep -- "$MAC_B2" "$TMPD/a1.txt")"
	log_test "a frame with another VSID's key does not reach a VM of this VSID"
}

nvgre_keyless()
{
	rogue_counted 10.5.5 vnet-malformed "a keyless GRE frame"
	log_test "keyless GRE is dropped as vnet-malformed"
}

nvgre_unknown_key()
{
	rogue_counted 10.6.6 vnet-unknown-vsid "a frame with an unknown key"
	log_test "a key of no local VSID is dropped as vnet-unknown-vsid"
}

nvgre_unknown_pa()
{
	local before

	capture "$NS_A1" e1 "ether src $MAC_R" rogue
	check_err $? "tcpdump did not start in Contoso VM1"
	before=$(sw_drops vnet-unknown-pa)
	ip netns exec "$NS3" ping -q -c 3 -i 0.2 -W 1 10.9.9.11 >/dev/null
	check_fail $? "a frame from an unknown PA got a reply"
	drops_reach $((before + 3)) sw_drops vnet-unknown-pa
	check_err $? "vnet-unknown-pa: $(sw_drops vnet-unknown-pa), want $((before + 3))"
	capture_stop rogue
	[ "$(captured rogue "$MAC_R")" = 0 ]
	check_err $? "Contoso VM1 got the rogue's frames"
	log_test "key 5001 << 8 from a PA no mapping names is dropped as vnet-unknown-pa"
}

nvgre_cross_encap()
{
	# VXLAN with the VNI of an NVGRE VSID, NVGRE with the key of a VXLAN one.
	rogue_counted 10.8.8 vnet-unknown-vsid "VXLAN for an NVGRE VSID"
	rogue_counted 10.7.7 vnet-unknown-vsid "NVGRE for a VXLAN VSID"
	log_test "a VSID takes frames of its own encapsulation only (vnet-unknown-vsid)"
}

nvgre_ipv6_underlay()
{
	ping_ok "$NS_W1" 10.1.1.12
	check_err $? "Woodgrove VM1 cannot ping its VM2 over IPv6 PAs"
	ping_ok "$NS_W2" 10.1.1.11
	check_err $? "Woodgrove VM2 cannot ping its VM1 back over IPv6 PAs"
	log_test "NVGRE over IPv6 PAs, with Linux's ip6gretap"
}

nvgre_device_lifecycle()
{
	# The user deletes the device: frames are dropped, counted; the next
	# PA makes a new one.
	ip -n "$NS1" link del xsw-gre
	check_err $? "cannot delete xsw-gre"
	ip netns exec "$NS_A1" ping -q -c 1 -W 1 10.1.1.12 >/dev/null
	check_fail $? "a ping went through without a gretap device"
	drops_reach 1 drops v1 vnet-no-route
	check_err $? "vnet-no-route on v1: $(drops v1 vnet-no-route)"
	ip -n "$NS1" addr add 192.168.1.11/24 dev u1
	x pa add sw0 192.168.1.11
	check_err $? "pa add failed"
	ip -n "$NS1" link show xsw-gre >/dev/null 2>&1
	check_err $? "no new xsw-gre"
	ping_ok "$NS_A1" 10.1.1.12
	check_err $? "no traffic over the new xsw-gre"

	# The last PA of a family takes its device away, the vxlan one too.
	x pa del sw0 "$PA6_1"
	check_err $? "pa del failed"
	! ip -n "$NS1" link show xsw-gre6 >/dev/null 2>&1 &&
		ip -n "$NS1" link show xsw-gre >/dev/null 2>&1
	check_err $? "xsw-gre6 outlived the last IPv6 PA, or xsw-gre went with it"
	x pa del sw0 192.168.1.11 && x pa del sw0 "$PA1"
	check_err $? "pa del failed"
	! ip -n "$NS1" link show xsw-gre >/dev/null 2>&1
	check_err $? "xsw-gre outlived the last IPv4 PA"
	# It goes with its namespace too (run.sh checks the kernel log).
	x pa add sw0 "$PA1"
	check_err $? "pa add failed"
	ip -n "$NS1" link show xsw-gre >/dev/null 2>&1
	check_err $? "no xsw-gre for the PA"
	log_test "the NVGRE devices follow the PAs and their deletion"
}

nvgre_device_conflict()
{
	local out

	# Another namespace whose user has a collect-metadata gretap device.
	ip -n "$NS4" link add ovs-gre type gretap external &&
	ip -n "$NS4" link add sw1 type xswitch &&
	ip -n "$NS4" link add d0 type dummy &&
	ip -n "$NS4" addr add 192.168.9.1/24 dev d0 &&
	ip -n "$NS4" link set d0 up &&
	"$XSW" -n "$NS4" vnet add T rdid 1 &&
	"$XSW" -n "$NS4" pa add sw1 192.168.9.1
	check_err $? "cannot set up the namespace"
	# VXLAN still works there.
	"$XSW" -n "$NS4" vsubnet add 5001 vnet T
	check_err $? "a VXLAN vsubnet failed next to a user's gretap device"
	out=$("$XSW" -n "$NS4" vsubnet add 6001 vnet T encap nvgre 2>&1)
	check_fail $? "an NVGRE vsubnet was added without its device"
	[[ "$out" == *"cannot create xsw-gre: the namespace has a collect-metadata gretap device"* ]]
	check_err $? "no clear reason: '$out'"
	! "$XSW" -n "$NS4" vsubnet show 6001 >/dev/null 2>&1
	check_err $? "the failed vsubnet is there"
	ip -n "$NS4" link del ovs-gre &&
		"$XSW" -n "$NS4" vsubnet add 6001 vnet T encap nvgre
	check_err $? "no NVGRE vsubnet once the gretap device is gone"
	ip -n "$NS4" link show xsw-gre >/dev/null 2>&1
	check_err $? "no xsw-gre"
	# A second switch with a PA shares it; when the namespace goes, the
	# first switch's deletion must not make a device anew (run.sh checks
	# the kernel log).
	ip -n "$NS4" link add sw2 type xswitch &&
		ip -n "$NS4" addr add 192.168.9.2/24 dev d0 &&
		"$XSW" -n "$NS4" pa add sw2 192.168.9.2
	check_err $? "no PA for a second switch"
	[ "$(ip -n "$NS4" -o link show type gretap | grep -c ' xsw-gre')" = 1 ]
	check_err $? "not one xsw-gre for two switches"
	log_test "a user's collect-metadata gretap fails NVGRE with a reason, not VXLAN"
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
