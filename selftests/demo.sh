#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What `make demo` shows, run in the scripts/vm-run guest: load xswitch,
# create and list switches with ip(8) and xsw, then switch traffic between
# "VMs" (network namespaces) in two VLANs:
#
#            sw0 (xswitch)
#   +--------+--------+--------+---------+
#  vred1    vred2    vblue1   vblue2    vgw (trunk: VLANs 10, 20)
#  VLAN 10  VLAN 10  VLAN 20  VLAN 20    |
#  10.0.0.1 10.0.0.2 10.1.0.1 10.0.0.9   gw.10 10.0.0.254, gw.20 10.1.0.254
#
# Prints each command ("$ ...") before its output and its result after;
# exits 1 if any step did not do what it should.

set -uo pipefail

NS=demo-$$
VMS="red1 red2 blue1 blue2 gw"
failed=0

# shellcheck disable=SC2317  # called from the EXIT trap
cleanup() {
	local vm

	for vm in $VMS; do
		ip netns del "$NS-$vm" 2>/dev/null
	done
	ip netns del "$NS" 2>/dev/null
}
trap cleanup EXIT

# step_in NETNS CMD...: show CMD, run it in NETNS, show how it went.
step_in() {
	local ns=$1 rc

	shift
	echo "\$ $*"
	ip netns exec "$ns" "$@" 2>&1
	rc=$?
	if [ $rc -eq 0 ]; then
		echo "  -> ok"
	else
		echo "  -> FAILED (exit status $rc)"
		failed=1
	fi
	echo
}

# step CMD...: step_in the switch's namespace.
step() {
	step_in "$NS" "$@"
}

# ping_in VM ADDR yes|no: ping ADDR from VM; "no" means it must not answer.
ping_in() {
	local vm=$1 addr=$2 want=$3

	echo "[$vm]\$ ping -c 1 $addr    # expect: $([ "$want" = yes ] && echo reply || echo no reply)"
	if ip netns exec "$NS-$vm" ping -c 1 -W 1 "$addr" >/dev/null 2>&1; then
		[ "$want" = yes ] && echo "  -> ok, it answers" ||
			{ echo "  -> FAILED: it answers across VLANs"; failed=1; }
	else
		[ "$want" = no ] && echo "  -> ok, no reply: another VLAN" ||
			{ echo "  -> FAILED: no reply"; failed=1; }
	fi
	echo
}

# vm NAME ADDR/LEN: a "VM" namespace with e0 on the switch port vNAME.
vm() {
	local name=$1 addr=$2

	ip netns add "$NS-$name"
	ip -n "$NS" link add "v$name" type veth peer name e0 netns "$NS-$name"
	ip -n "$NS" link set "v$name" up
	ip -n "$NS-$name" link set e0 up
	[ -n "$addr" ] && ip -n "$NS-$name" addr add "$addr" dev e0
	ip netns exec "$NS" xsw port add sw0 dev "v$name"
}

echo "xswitch demo, kernel $(uname -r)"
echo

echo "\$ modprobe xswitch"
if modprobe xswitch 2>&1; then
	echo "  -> ok ($(grep -c '^xswitch ' /proc/modules) module loaded; /sys/module/xswitch $([ -d /sys/module/xswitch ] && echo exists || echo missing))"
else
	echo "  -> FAILED: is kmod/xswitch.ko built (make kmod)?"
	failed=1
fi
echo

echo "\$ ip netns add $NS    # everything below runs in this namespace"
if ! ip netns add "$NS"; then
	echo "  -> FAILED"
	exit 1
fi
ip -n "$NS" link set lo up
echo

command -v xsw >/dev/null || echo "(xsw is not built yet: make tools)"

step ip link add sw0 type xswitch
step xsw switch show
step xsw -j switch show
if out=$(ip netns exec "$NS" xsw -j switch show 2>/dev/null) &&
   names=$(jq -r '[.[].ifname] | join(" ")' <<<"$out" 2>/dev/null); then
	echo "  (jq reads the JSON: switches: ${names:-none})"
	echo
fi
step xsw switch add sw1
step xsw switch show
step xsw switch del sw1

echo "== Two tenants on one switch, kept apart by VLANs =="
echo
step ip link set sw0 up
echo "(five VMs: network namespaces with a veth each, attached as vm ports)"
vm red1 10.0.0.1/24
vm red2 10.0.0.2/24
vm blue1 10.1.0.1/24
vm blue2 10.0.0.9/24
vm gw ""
ip -n "$NS-gw" link add link e0 name gw.10 type vlan id 10
ip -n "$NS-gw" link add link e0 name gw.20 type vlan id 20
ip -n "$NS-gw" addr add 10.0.0.254/24 dev gw.10
ip -n "$NS-gw" addr add 10.1.0.254/24 dev gw.20
ip -n "$NS-gw" link set gw.10 up
ip -n "$NS-gw" link set gw.20 up
echo

step xsw port set vred1 vlan-mode access pvid 10
step xsw port set vred2 vlan-mode access pvid 10
step xsw port set vblue1 vlan-mode access pvid 20
step xsw port set vblue2 vlan-mode access pvid 20
step xsw port set vgw vlan-mode trunk vlans 10,20
step xsw port show switch sw0

ping_in red1 10.0.0.2 yes
ping_in red1 10.0.0.9 no
ping_in red1 10.0.0.254 yes
ping_in blue1 10.1.0.254 yes

step xsw fdb show sw0
step xsw -s port show dev vblue2

step ip link del sw0

if [ $failed -eq 0 ]; then
	echo "demo: all steps ok"
else
	echo "demo: some steps FAILED"
fi
exit $failed
