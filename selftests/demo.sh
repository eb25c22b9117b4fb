#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What `make demo` shows, run in the scripts/vm-run guest: load xswitch,
# create and list switches with ip(8) and xsw, then switch traffic between
# "VMs" (network namespaces) in two VLANs, then network virtualisation
# (two tenants with the same addresses on two hosts, at the end):
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

# Network virtualisation: the HNV document's Contoso/Fabrikam example.
# Two hosts (namespaces h1 and h2, each with its own xswitch) on two
# underlay subnets joined by a router; each tenant has SQL at 10.1.1.11 on
# host 1 and Web at 10.1.1.12 on host 2: the same addresses, kept apart by
# VSID (Contoso 5001, Fabrikam 6001) and carried over VXLAN between the
# provider addresses 192.168.1.10 and 192.168.2.20.
echo "=== Network virtualisation: Contoso and Fabrikam, same addresses, two hosts ==="
echo
H1=$NS-h1 H2=$NS-h2 RT=$NS-rt
ip netns add "$H1" && ip netns add "$H2" && ip netns add "$RT"
ip -n "$H1" link add u1 type veth peer name ra netns "$RT"
ip -n "$H2" link add u2 type veth peer name rb netns "$RT"
ip -n "$H1" addr add 192.168.1.10/24 dev u1 && ip -n "$H1" link set u1 up
ip -n "$H2" addr add 192.168.2.20/24 dev u2 && ip -n "$H2" link set u2 up
ip -n "$RT" addr add 192.168.1.1/24 dev ra && ip -n "$RT" link set ra up
ip -n "$RT" addr add 192.168.2.1/24 dev rb && ip -n "$RT" link set rb up
ip netns exec "$RT" sysctl -qw net.ipv4.ip_forward=1
ip -n "$H1" route add default via 192.168.1.1
ip -n "$H2" route add default via 192.168.2.1

# tenant_vm HOST VM MAC ADDR: a VM namespace on port vVM of HOST's sw0
tenant_vm() {
	local host=$1 vm=$2 mac=$3 addr=$4

	ip netns add "$NS-$vm"
	ip -n "$host" link add "v$vm" type veth peer name e0 netns "$NS-$vm"
	ip -n "$NS-$vm" link set e0 address "$mac"
	ip -n "$NS-$vm" addr add "$addr/24" dev e0
	ip -n "$NS-$vm" link set e0 up
	ip -n "$host" link set "v$vm" up
	ip netns exec "$host" xsw port add sw0 dev "v$vm"
}
VMS="$VMS sqlc sqlf webc webf h1 h2 rt"

# policy HOST: both hosts hold the same routing domains, virtual subnets
# and mappings, as a host agent would give them.
policy() {
	step_in "$1" xsw vnet add Contoso rdid 1
	step_in "$1" xsw vnet add Fabrikam rdid 2
	step_in "$1" xsw vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24
	step_in "$1" xsw vsubnet add 6001 vnet Fabrikam prefix 10.1.1.0/24
	step_in "$1" xsw map add vsid 5001 ca 10.1.1.11 mac 02:00:00:00:50:11 pa 192.168.1.10
	step_in "$1" xsw map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:50:12 pa 192.168.2.20
	step_in "$1" xsw map add vsid 6001 ca 10.1.1.11 mac 02:00:00:00:60:11 pa 192.168.1.10
	step_in "$1" xsw map add vsid 6001 ca 10.1.1.12 mac 02:00:00:00:60:12 pa 192.168.2.20
}

echo "--- host 1 (PA 192.168.1.10): Contoso SQL and Fabrikam SQL, both 10.1.1.11"
step_in "$H1" ip link add sw0 type xswitch
ip -n "$H1" link set sw0 up
tenant_vm "$H1" sqlc 02:00:00:00:50:11 10.1.1.11
tenant_vm "$H1" sqlf 02:00:00:00:60:11 10.1.1.11
policy "$H1"
step_in "$H1" xsw pa add sw0 192.168.1.10
step_in "$H1" xsw port set vsqlc vsid 5001 ca 10.1.1.11
step_in "$H1" xsw port set vsqlf vsid 6001 ca 10.1.1.11

echo "--- host 2 (PA 192.168.2.20): Contoso Web and Fabrikam Web, both 10.1.1.12"
step_in "$H2" ip link add sw0 type xswitch
ip -n "$H2" link set sw0 up
tenant_vm "$H2" webc 02:00:00:00:50:12 10.1.1.12
tenant_vm "$H2" webf 02:00:00:00:60:12 10.1.1.12
policy "$H2"
step_in "$H2" xsw pa add sw0 192.168.2.20
step_in "$H2" xsw port set vwebc vsid 5001 ca 10.1.1.12
step_in "$H2" xsw port set vwebf vsid 6001 ca 10.1.1.12
step_in "$H1" xsw vsubnet show

# Each SQL answers TCP with its tenant's name.
for vm in sqlc:contoso-sql sqlf:fabrikam-sql; do
	ip netns exec "$NS-${vm%:*}" python3 -c '
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("10.1.1.11", 1433))
s.listen(8)
while True:
    c, _ = s.accept()
    c.sendall(sys.argv[1].encode())
    c.close()
' "${vm#*:}" &
done
for vm in sqlc sqlf; do
	for _ in $(seq 100); do
		ip netns exec "$NS-$vm" ss -Hltn 'sport = :1433' | grep -q . && break
		sleep 0.1
	done
done

# sql_from WEB WANT: WEB connects to 10.1.1.11:1433 and must hear WANT.
sql_from() {
	local web=$1 want=$2 got

	echo "[$web]\$ connect 10.1.1.11:1433    # expect: $want"
	got=$(ip netns exec "$NS-$web" timeout 20 bash -c \
		'exec 3<>/dev/tcp/10.1.1.11/1433 && cat <&3' 2>&1)
	if [ "$got" = "$want" ]; then
		echo "  -> ok, $got answered"
	else
		echo "  -> FAILED: got '$got'"
		failed=1
	fi
	echo
}
sql_from webc contoso-sql
sql_from webf fabrikam-sql
ping_in webc 10.1.1.11 yes
step_in "$H2" xsw -s map show vsid 5001
step_in "$H1" xsw -s port show dev vsqlc
kill %% 2>/dev/null
jobs -p | xargs -r kill 2>/dev/null
ip netns del "$H1"; ip netns del "$H2"; ip netns del "$RT"

if [ $failed -eq 0 ]; then
	echo "demo: all steps ok"
else
	echo "demo: some steps FAILED"
fi
exit $failed
