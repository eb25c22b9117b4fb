#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# scripts/bench-guest.sh [PATH...]
#
# Runs INSIDE the scripts/vm-run guest (started by scripts/bench.sh under
# QEMU -icount shift=0,sleep=off with one vCPU; see docs/benchmark.md and
# the method in BENCHMARK.md).  For every forwarding path it builds the same
# topology, sends BENCH_COUNT 60-byte frames with the kernel's pktgen, and
# takes guest instructions per packet = pktgen usec * 1000 / packets.
#
#   pktgen -> a0 ==veth== a1 -> [switch] -> b1 ==veth== b0 -> IP/UDP sink
#   baseline:  pktgen -> a0 ==veth== b0 -> IP/UDP sink   (no switch)
#
# PATH... selects paths (default: all in PATHS below).  "map-load" is not a
# forwarding path: it loads BENCH_MAPS (100000) CA-PA mappings with
# "xsw -batch" and reports, at the top level of the JSON, the guest CPU
# seconds the load took (map_load_100k_guest_s, every CPU's user, system,
# irq and softirq time, so the hash tables' resize workers count too) and
# the kernel memory per mapping (map_bytes: used memory after the load less
# before, page cache dropped both times, over the count).  A path that cannot
# be set up, or whose frames do not all reach the sink, is recorded as
# {"error": "..."}; the run goes on.  Results go to $BENCH_OUT as JSON.
#
# Adding a path NAME: write setup_NAME and teardown_NAME (a '-' in NAME is
# '_' in the function names), add NAME to PATHS.  setup runs with set -e in
# a subshell; it gets a0/a1/b1/b0 from topo_switch and must forward frames
# arriving on a1 for $SINK_MAC out of b1.  xswitch modes are named
# xswitch-<mode> and build on setup_xswitch (see the example at the end of
# the path section).
#
# Environment (all optional):
#   BENCH_COUNT    frames per repeat (default 50000)
#   BENCH_REPEATS  repeats per path, each on a freshly built path; the
#                  median is reported (default 5)
#   BENCH_WARMUP   frames sent before each repeat, unmeasured (default 5000)
#   BENCH_SETTLE   guest seconds to idle after building a path, before its
#                  warm-up (default 2; free in host time under sleep=off)
#   BENCH_RETRIES  repeats per path that may be re-run because they were
#                  disturbed: a frame lost, a pktgen xmit error or an input
#                  backlog drop (default 3)
#   BENCH_MAPS     mappings map-load loads (default 100000)
#   BENCH_OUT      JSON output (default build/bench.json in the project)
#   BENCH_ALLOW_NO_ICOUNT=1  measure even if the clock check says QEMU is
#                  not running with -icount shift=0,sleep=off

set -uo pipefail

PROJ=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
COUNT=${BENCH_COUNT:-50000}
REPEATS=${BENCH_REPEATS:-5}
WARMUP=${BENCH_WARMUP:-5000}
SETTLE=${BENCH_SETTLE:-2}
RETRIES=${BENCH_RETRIES:-3}
OUT=${BENCH_OUT:-$PROJ/build/bench.json}
MAPS=${BENCH_MAPS:-100000}
MAP_LOAD=null		# map-load's results, for write_json
MAP_BYTES=null

# The paths, in the order they run.  The figures are relative to baseline,
# so a run without it reports no extras.  xswitch-acl-N are defined below.
PATHS=(baseline bridge flower ovs xswitch xswitch-3ext
	xswitch-acl-0 xswitch-acl-10 xswitch-acl-100 xswitch-acl-1000 xswitch-acl-10000
	bridge-vxlan xswitch-vxlan bridge-vxlan-rx xswitch-vxlan-rx
	map-load)

# Every module any path needs, loaded before anything is measured so the
# kernel's hooks are the same for every path (BENCHMARK.md: openvswitch.ko
# pulls in nf_conntrack, which changes the cost at the IP sink).
MODULES=(veth pktgen bridge openvswitch cls_flower act_mirred sch_ingress)
PROJECT_MODULES=(xswitch)
# Project modules that are not installed in the guest, loaded by path
# after PROJECT_MODULES: the selftests' extensions (selftests/ext).
PROJECT_KOS=("$PROJ/selftests/ext/xsw_selftest.ko")

SRC_MAC=02:00:00:00:00:a0	# a0, pktgen's device
A1_MAC=02:00:00:00:00:a1
B1_MAC=02:00:00:00:00:b1
SINK_MAC=02:00:00:00:00:b0	# b0, the sink
SRC_IP=10.200.0.1
SINK_IP=10.200.0.2
UDP_PORT=9			# closed at the sink
OVS_DP=xsbench
PG=/proc/net/pktgen

log() { echo "bench: $*" >&2; }
die() {
	echo "bench: FATAL: $*" >&2
	[ -z "${STATE:-}" ] || rm -f "$STATE"	# the harness broke, not a path
	exit 1
}

[[ "$COUNT" =~ ^[1-9][0-9]*$ ]] || die "BENCH_COUNT must be a positive integer"
[[ "$REPEATS" =~ ^[1-9][0-9]*$ ]] || die "BENCH_REPEATS must be a positive integer"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "BENCH_WARMUP must be a non-negative integer"
[[ "$SETTLE" =~ ^[0-9]+(\.[0-9]+)?$ ]] || die "BENCH_SETTLE must be a number of seconds"
[[ "$RETRIES" =~ ^[0-9]+$ ]] || die "BENCH_RETRIES must be a non-negative integer"

###########################################################################
# Topology and sink, shared by every path.

veth_pair() {  # veth_pair NAME MAC PEER PEERMAC
	ip link add "$1" address "$2" type veth peer name "$3" address "$4"
}

# The sink: b0 owns SINK_IP; frames are UDP to a closed port, and ICMP
# errors are switched off globally (prepare_kernel), so each frame ends in
# udp_rcv -> no socket -> drop, the same for every path.
sink_up() {
	ip addr add "$SINK_IP/24" dev b0
	ip link set b0 up
}

topo_direct() {  # baseline: a0 -- b0
	veth_pair a0 "$SRC_MAC" b0 "$SINK_MAC"
	sink_up
	ip link set a0 up
}

topo_switch() {  # a0 -- a1 [switch] b1 -- b0; a1, b1 up, not yet attached
	veth_pair a0 "$SRC_MAC" a1 "$A1_MAC"
	veth_pair b0 "$SINK_MAC" b1 "$B1_MAC"
	sink_up
	ip link set a1 up
	ip link set b1 up
	ip link set a0 up
}

topo_down() {
	local d
	for d in a0 a1 b0 b1; do
		[ -e "/sys/class/net/$d" ] && ip link del "$d" 2>/dev/null
	done
	return 0
}

###########################################################################
# Paths: setup_NAME / teardown_NAME.

setup_baseline() { topo_direct; }
teardown_baseline() { topo_down; }

setup_bridge() {
	topo_switch
	ip link add br0 type bridge stp_state 0
	ip link set a1 master br0
	ip link set b1 master br0
	ip link set br0 up
	bridge fdb add "$SINK_MAC" dev b1 master static
}
teardown_bridge() {
	[ -e /sys/class/net/br0 ] && ip link del br0
	topo_down
}

setup_flower() {
	topo_switch
	tc qdisc add dev a1 ingress
	tc filter add dev a1 ingress protocol all pref 1 flower skip_hw \
		dst_mac "$SINK_MAC" action mirred egress redirect dev b1
}
teardown_flower() {
	[ -e /sys/class/net/a1 ] && tc qdisc del dev a1 ingress 2>/dev/null
	topo_down
}

ovs_port() {  # ovs_port DEV: the datapath's port number for DEV
	ovs-dpctl show "$OVS_DP" |
		sed -n "s/^[[:space:]]*port \([0-9]*\): $1\( (.*)\)\{0,1\}\$/\1/p"
}
setup_ovs() {
	topo_switch
	ovs-dpctl add-dp "$OVS_DP"
	ovs-dpctl add-if "$OVS_DP" a1
	ovs-dpctl add-if "$OVS_DP" b1
	local in out
	in=$(ovs_port a1)
	out=$(ovs_port b1)
	if [ -z "$in" ] || [ -z "$out" ]; then
		echo "cannot find the datapath's port numbers for a1/b1" >&2
		return 1
	fi
	ovs-dpctl add-flow "$OVS_DP" "in_port($in),eth(),eth_type(0x0800),ipv4()" "$out"
}
teardown_ovs() {
	ovs-dpctl del-dp "$OVS_DP" 2>/dev/null
	topo_down
}

setup_xswitch() {
	lsmod | grep -q '^xswitch ' || modprobe xswitch
	topo_switch
	ip link add sw0 type xswitch
	ip link set dev a1 master sw0
	ip link set dev b1 master sw0
	ip link set sw0 up
	xsw port set a1 mac-spoofing on
	xsw fdb add sw0 mac "$SINK_MAC" port b1
}
teardown_xswitch() {
	[ -e /sys/class/net/sw0 ] && ip link del sw0
	topo_down
}

# xswitch with three no-op extensions attached (selftests/ext): a capture
# that does nothing, a filter that passes everything, and a forwarding
# extension that asks for the built-in FDB forwarding.  What they add over
# "xswitch" is the cost of the extension pipeline itself; the target is at
# most 10% of xswitch's extra instructions per packet.
setup_xswitch_3ext() {
	setup_xswitch
	xsw ext attach sw0 st-capture
	xsw ext attach sw0 st-filter
	xsw ext attach sw0 st-forward
}
teardown_xswitch_3ext() { teardown_xswitch; }

# xswitch-acl-N: xswitch with N rules in the "in" ACL of a1 (the frames'
# ingress port), loaded with one "xsw acl replace -batch": N - 1 deny rules
# that the bench's frames do not match, in 8 match shapes, then, last in
# evaluation order (priority 200 after the others' 100), the allow that
# they match; the default is deny, so every frame needs that last rule.
# The allow has the shape of one of the denies, so a lookup probes at most
# 8 masks whatever N.  xswitch-acl-0 has no rule and the default allow, in
# which case the kernel keeps no ACL for the direction at all: it measures
# "ACLs built in, none configured" (one load and test a frame).  The five
# the issue names are in PATHS; xswitch-acl-1 (the allow alone, 1 shape)
# runs by name, to split the cost between the probes and the rest.
ACL_SIZES=(0 1 10 100 1000 10000)

acl_rules() {  # acl_rules N FILE: write xswitch-acl-N's rules to FILE
	local n=$1 i
	{
		for ((i = 0; i < n - 1; i++)); do
			case $((i % 8)) in
			0) echo "priority 100 action deny ip_proto udp dst_port $((1000 + i))" ;;
			1) echo "priority 100 action deny ip_proto udp src_port $((1000 + i))" ;;
			2) echo "priority 100 action deny dst_ip 10.201.$((i / 256 % 256)).$((i % 256))" ;;
			3) echo "priority 100 action deny src_ip 10.202.$((i / 256 % 256)).0/24" ;;
			4) printf 'priority 100 action deny dst_mac 02:00:01:00:%02x:%02x\n' $((i / 256 % 256)) $((i % 256)) ;;
			5) printf 'priority 100 action deny src_mac 02:00:02:00:%02x:%02x\n' $((i / 256 % 256)) $((i % 256)) ;;
			6) echo "priority 100 action deny ip_proto udp dst_ip 10.203.$((i / 256 % 256)).$((i % 256)) dst_port $UDP_PORT" ;;
			7) echo "priority 100 action deny eth_type $((0x9000 + i / 8))" ;;
			esac
		done
		if [ "$n" -gt 0 ]; then
			echo "priority 200 action allow ip_proto udp dst_ip $SINK_IP dst_port $UDP_PORT"
		fi
	} >"$2"
}

setup_xswitch_acl() {  # setup_xswitch_acl N
	local n=$1 f=$TMP/acl-$1.rules def=deny got
	[ "$n" -gt 0 ] || def=allow
	# Written once, for the first repeat.
	[ -s "$f" ] || [ "$n" = 0 ] || acl_rules "$n" "$f"
	[ -e "$f" ] || : >"$f"
	setup_xswitch
	xsw acl replace dev a1 dir in default "$def" -batch "$f"
	got=$(xsw -j acl show dev a1 dir in | jq -r '.[0] | "\(.rules | length) \(.shapes)"')
	if [ "${got% *}" != "$n" ] || [ "${got#* }" -gt 8 ]; then
		echo "a1 in: $got (rules, shapes), expected $n rules in at most 8 shapes" >&2
		return 1
	fi
}
for n in "${ACL_SIZES[@]}"; do
	eval "setup_xswitch_acl_$n() { setup_xswitch_acl $n; }
		teardown_xswitch_acl_$n() { teardown_xswitch; }"
done
unset n

# Network virtualisation, VXLAN (VNI 5001), beside the Linux bridge with a
# vxlan port and a static FDB entry.  The sink is then another host: a
# namespace ($SINK_NS, see sink_exec) that owns the remote PA.
#
#   xswitch-vxlan, bridge-vxlan (encapsulation):
#     pktgen -> a0 ==veth== a1 [VSID port] -> switch -> vxlan -> routed
#       out of b1 (PA1, not a switch port) ==veth== b0 (PA2, in $SINK_NS)
#       -> UDP 4789, no socket: the outer packet is the sink's frame
#   xswitch-vxlan-rx, bridge-vxlan-rx (decapsulation):
#     pktgen -> a0 (a Linux vxlan device, PA2 on a1) ==veth== u1 (PA1, in
#       $SINK_NS) -> vxlan -> switch -> b1 [VSID port] ==veth== b0 -> sink,
#       all in $SINK_NS; the sender's encapsulation is the same for both
#       and so cancels out of the comparison.
VNI=5001
PA1=10.201.0.1
PA2=10.201.0.2
SINK_NS=

sink_exec() {  # sink_exec CMD...: run CMD where the sink is
	if [ -n "$SINK_NS" ]; then
		ip netns exec "$SINK_NS" "$@"
	else
		"$@"
	fi
}

# The sink's namespace, quiet as prepare_kernel makes the root one.
sink_ns_add() {
	ip netns add "$SINK_NS"
	sink_exec sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1 \
		net.ipv4.icmp_msgs_per_sec=0 net.ipv4.icmp_msgs_burst=0 \
		net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
	ip -n "$SINK_NS" link set lo up
}

topo_vxlan_tx() {  # a0 -- a1 [switch]; b1 PA1 -- b0 PA2 in $SINK_NS
	veth_pair a0 "$SRC_MAC" a1 "$A1_MAC"
	sink_ns_add
	veth_pair b1 "$B1_MAC" b0 "$SINK_MAC"
	ip link set b0 netns "$SINK_NS"
	ip addr add "$PA1/24" dev b1
	ip -n "$SINK_NS" addr add "$PA2/24" dev b0
	ip -n "$SINK_NS" link set b0 up
	ip link set b1 up
	ip link set a1 up
	ip link set a0 up
	# No ARP for the remote PA in a measurement.
	ip neigh replace "$PA2" lladdr "$SINK_MAC" dev b1 nud permanent
}

topo_vxlan_down() {
	[ -n "$SINK_NS" ] && ip netns del "$SINK_NS" 2>/dev/null
	topo_down
}

setup_xswitch_vxlan() {
	lsmod | grep -q '^xswitch ' || modprobe xswitch
	topo_vxlan_tx
	ip link add sw0 type xswitch
	ip link set dev a1 master sw0
	ip link set sw0 up
	xsw vnet add bench rdid 1
	xsw vsubnet add "$VNI" vnet bench prefix 10.200.0.0/24 gateway 10.200.0.254
	xsw pa add sw0 "$PA1"
	xsw port set a1 vsid "$VNI" ca "$SRC_IP"
	xsw port set a1 mac-spoofing on
	xsw map add vsid "$VNI" ca "$SRC_IP" mac "$SRC_MAC" pa "$PA1"
	xsw map add vsid "$VNI" ca "$SINK_IP" mac "$SINK_MAC" pa "$PA2"
}
teardown_xswitch_vxlan() {
	[ -e /sys/class/net/sw0 ] && ip link del sw0
	if xsw vnet show bench >/dev/null 2>&1; then
		xsw map flush vsid "$VNI"
		xsw vsubnet del "$VNI"
		xsw vnet del bench
	fi
	topo_vxlan_down
}

setup_bridge_vxlan() {
	topo_vxlan_tx
	ip link add br0 type bridge stp_state 0
	ip link add vx0 type vxlan id "$VNI" dstport 4789 local "$PA1" nolearning
	ip link set a1 master br0
	ip link set vx0 master br0
	ip link set vx0 up
	ip link set br0 up
	bridge fdb append "$SINK_MAC" dev vx0 dst "$PA2"
}
teardown_bridge_vxlan() {
	[ -e /sys/class/net/br0 ] && ip link del br0
	[ -e /sys/class/net/vx0 ] && ip link del vx0
	topo_vxlan_down
}

# a0: a Linux vxlan device aimed at PA1 over a1 ==veth== u1 (in $SINK_NS);
# b1 ==veth== b0 (the sink), both in $SINK_NS
topo_vxlan_rx() {
	sink_ns_add
	veth_pair a1 "$A1_MAC" u1 02:00:00:00:00:c1
	ip link set u1 netns "$SINK_NS"
	ip addr add "$PA2/24" dev a1
	ip -n "$SINK_NS" addr add "$PA1/24" dev u1
	ip -n "$SINK_NS" link set u1 up
	ip link set a1 up
	ip neigh replace "$PA1" lladdr 02:00:00:00:00:c1 dev a1 nud permanent
	ip link add a0 address "$SRC_MAC" type vxlan id "$VNI" dstport 4789 \
		local "$PA2" remote "$PA1" nolearning
	ip link set a0 up
	veth_pair b1 "$B1_MAC" b0 "$SINK_MAC"
	ip link set b1 netns "$SINK_NS"
	ip link set b0 netns "$SINK_NS"
	ip -n "$SINK_NS" addr add "$SINK_IP/24" dev b0
	ip -n "$SINK_NS" link set b0 up
	ip -n "$SINK_NS" link set b1 up
}

setup_xswitch_vxlan_rx() {
	lsmod | grep -q '^xswitch ' || modprobe xswitch
	topo_vxlan_rx
	local x="xsw -n $SINK_NS"
	ip -n "$SINK_NS" link add sw0 type xswitch
	ip -n "$SINK_NS" link set dev b1 master sw0
	ip -n "$SINK_NS" link set sw0 up
	$x vnet add bench rdid 1
	$x vsubnet add "$VNI" vnet bench prefix 10.200.0.0/24 gateway 10.200.0.254
	$x pa add sw0 "$PA1"
	$x port set b1 vsid "$VNI" ca "$SINK_IP"
	$x map add vsid "$VNI" ca "$SRC_IP" mac "$SRC_MAC" pa "$PA2"
	$x map add vsid "$VNI" ca "$SINK_IP" mac "$SINK_MAC" pa "$PA1"
	$x fdb add sw0 mac "$SINK_MAC" port b1
}
teardown_xswitch_vxlan_rx() { topo_vxlan_down; }

setup_bridge_vxlan_rx() {
	topo_vxlan_rx
	local n="ip -n $SINK_NS"
	$n link add br0 type bridge stp_state 0
	$n link add vx0 type vxlan id "$VNI" dstport 4789 local "$PA1" nolearning
	$n link set vx0 master br0
	$n link set b1 master br0
	$n link set vx0 up
	$n link set br0 up
	bridge -n "$SINK_NS" fdb add "$SINK_MAC" dev b1 master static
}
teardown_bridge_vxlan_rx() { topo_vxlan_down; }

# xswitch modes build on setup_xswitch, as xswitch-3ext and xswitch-acl-N
# above do, e.g. (add "xswitch-isolated" to PATHS to run it):
#
#   setup_xswitch_isolated() {
#	setup_xswitch
#	xsw port set a1 isolated on
#   }
#   teardown_xswitch_isolated() { teardown_xswitch; }

###########################################################################
# Kernel preparation and checks.

modules_loaded() { awk '{print $1}' /proc/modules | sort; }

prepare_kernel() {
	local m
	# Set before any interface exists: no IPv6 autoconf, DAD, MLD or
	# router solicitations on the test links during a measurement.
	sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
	# No ICMP port unreachables from the sink (type 3 is in the default
	# icmp_ratemask, so the global limiter of 0 messages/s drops them
	# before any work is done).  Set before any frame is sent.
	sysctl -qw net.ipv4.icmp_msgs_per_sec=0 net.ipv4.icmp_msgs_burst=0
	sysctl -qw net.ipv4.conf.all.rp_filter=0 net.ipv4.conf.default.rp_filter=0
	# Fewer periodic kernel wakeups during a measurement: a woken kthread
	# makes the softirq code hand pending NET_RX work to ksoftirqd, which
	# adds cost or overflows the input backlog.
	sysctl -qw kernel.watchdog=0 || log "cannot set kernel.watchdog=0"
	sysctl -qw vm.stat_interval=60 || log "cannot set vm.stat_interval=60"
	for m in "${MODULES[@]}"; do
		modprobe "$m" || die "cannot load $m"
	done
	# A project module that does not load only fails its own paths.
	for m in "${PROJECT_MODULES[@]}"; do
		modprobe "$m" 2>"$TMP/modprobe-$m" ||
			log "cannot load $m: $(tr '\n' ' ' <"$TMP/modprobe-$m")"
	done
	for m in "${PROJECT_KOS[@]}"; do
		lsmod | grep -q "^$(basename "$m" .ko) " && continue
		insmod "$m" 2>"$TMP/insmod" ||
			log "cannot load $m: $(tr '\n' ' ' <"$TMP/insmod")"
	done
	if lsmod | grep -q '^br_netfilter '; then
		rmmod br_netfilter || die "br_netfilter is loaded and cannot be removed"
	fi
	[ -d "$PG" ] || die "no $PG after modprobe pktgen"
}

# With -icount shift=0,sleep=off, an idle guest's clock jumps straight to
# the next timer, so "sleep 2" takes far less than 2 s of host time.  The
# host's clock is read through the mtime of a file written on the 9p share.
check_icount() {
	local f=$PROJ/build/.bench-clock t0 t1 d
	mkdir -p "$PROJ/build"
	echo 0 >"$f" && t0=$(stat -c %.3Y "$f") || return 0
	sleep 2
	echo 1 >"$f" && t1=$(stat -c %.3Y "$f") || return 0
	rm -f "$f"
	d=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')
	if awk -v d="$d" 'BEGIN { exit !(d >= 1.5) }'; then
		if [ "${BENCH_ALLOW_NO_ICOUNT:-0}" = 1 ]; then
			log "WARNING: 'sleep 2' took ${d}s of host time: QEMU is not running with -icount shift=0,sleep=off; the figures are NOT instruction counts"
		else
			die "'sleep 2' took ${d}s of host time: QEMU is not running with -icount shift=0,sleep=off (set BENCH_ALLOW_NO_ICOUNT=1 to measure anyway)"
		fi
	else
		log "clock check: 'sleep 2' took ${d}s of host time (icount sleep=off is in effect)"
	fi
}

###########################################################################
# pktgen.

pgset() {  # pgset FILE CMD: write a pktgen command and check its result
	local f=$1
	shift
	echo "$*" >"$f" || { echo "pktgen: '$*' > $f failed" >&2; return 1; }
	if [ "$f" != "$PG/pgctrl" ] && ! grep -q '^Result: OK' "$f"; then
		echo "pktgen: '$*' > $f: $(grep '^Result:' "$f")" >&2
		return 1
	fi
}

pktgen_setup() {  # on a0; frames to the sink's MAC and IP
	local t
	local -a threads=("$PG"/kpktgend_*)
	[ -e "${threads[0]}" ] || { echo "no pktgen thread" >&2; return 1; }
	t=${threads[0]##*/}
	pgset "$PG/$t" rem_device_all || return 1
	pgset "$PG/$t" add_device a0 || return 1
	local c
	for c in "clone_skb 0" "delay 0" "pkt_size 60" "burst 1" \
		"flag NO_TIMESTAMP" "dst_mac $SINK_MAC" "dst $SINK_IP" \
		"src_min $SRC_IP" "src_max $SRC_IP" \
		"udp_src_min $UDP_PORT" "udp_src_max $UDP_PORT" \
		"udp_dst_min $UDP_PORT" "udp_dst_max $UDP_PORT"; do
		pgset "$PG/a0" "$c" || return 1
	done
}

stat_b0() { sink_exec cat /sys/class/net/b0/statistics/rx_packets; }
# Frames dropped because a CPU's input backlog was full (netdev_max_backlog).
backlog_drops() {
	local n=0 _ d
	while read -r _ d _; do n=$((n + 16#$d)); done </proc/net/softnet_stat
	echo $n
}
snmp() {  # snmp Udp NoPorts: a counter from /proc/net/snmp
	sink_exec awk -v t="$1:" -v f="$2" '$1 == t && !h { for (i = 2; i <= NF; i++) n[$i] = i; h = 1; next }
		$1 == t { print $n[f] }' /proc/net/snmp
}
udp_noports() { snmp Udp NoPorts; }

# pktgen_run N: sends N frames; prints "usec packets"; fails (message on
# stderr) if pktgen reports an error (1) or not every frame reached the
# sink (2).
pktgen_run() {
	local n=$1 rx0 np0 bd0 rx1 np1 bd1 res usec pkts errors
	pgset "$PG/a0" "count $n" || return 1
	rx0=$(stat_b0)
	np0=$(udp_noports)
	bd0=$(backlog_drops)
	echo start >"$PG/pgctrl" || { echo "pktgen start failed" >&2; return 1; }
	rx1=$(stat_b0)
	np1=$(udp_noports)
	bd1=$(backlog_drops)
	res=$(grep -A1 '^Result:' "$PG/a0")
	# Result: OK: 803562(c803416+d146) usec, 100000 (60byte,0frags)
	#   124445pps 59Mb/sec (59733600bps) errors: 0
	if ! [[ "$res" =~ Result:\ OK:\ ([0-9]+)\(c[0-9]+\+d[0-9]+\)\ usec,\ ([0-9]+)\ \( ]]; then
		echo "pktgen: unexpected result: ${res//$'\n'/ }" >&2
		return 1
	fi
	usec=${BASH_REMATCH[1]}
	pkts=${BASH_REMATCH[2]}
	errors=unknown
	[[ "$res" =~ errors:\ ([0-9]+) ]] && errors=${BASH_REMATCH[1]}
	if [ "$pkts" != "$n" ]; then
		echo "pktgen sent $pkts of $n frames: ${res//$'\n'/ }" >&2
		return 1
	fi
	# A frame dropped on the first hop is an xmit error that pktgen makes
	# up for with one more frame, so its time would silently grow: any
	# error or backlog drop marks the run as disturbed.
	if [ $((rx1 - rx0)) != "$n" ] || [ $((np1 - np0)) != "$n" ] ||
		[ "$errors" != 0 ] || [ $((bd1 - bd0)) != 0 ]; then
		echo "of $n frames sent, b0 received $((rx1 - rx0)) and UDP saw $((np1 - np0)); pktgen xmit errors: $errors, input backlog drops: $((bd1 - bd0))" >&2
		return 2
	fi
	echo "$usec $pkts"
}

###########################################################################
# One path: set up, warm up, measure REPEATS times, tear down.

RESULTS='{}'
BASE_LINKS=

links() { ip -o link show | awk -F': ' '{print $2}' | sed 's/@.*//' | sort | tr '\n' ' '; }

record_error() {  # record_error PATH MESSAGE
	log "$1: ERROR: $2"
	RESULTS=$(jq -c --arg p "$1" --arg e "$2" '.[$p] = {error: $e}' <<<"$RESULTS")
}

errmsg() {  # the last lines of FILE, on one line
	tail -n 3 "$1" | tr '\n' ' ' | sed 's/[[:space:]]*$//'
}

# The path's hash tables (the bridge's and xswitch's FDBs are rhashtables)
# get a random seed each time the path is built, and whether the frames'
# MACs collide in a bucket moved the bridge's cost by ~57 instructions per
# packet per collision.  So every repeat measures a freshly built instance:
# the median is over instances, and the spread shows that luck.

# measure_once PATH FN: build, settle, warm up, measure COUNT frames, tear
# down.  Prints "usec packets"; returns 1 for a failure of the path, 2 when
# not every frame reached the sink.
measure_once() {
	local p=$1 fn=$2 err=$TMP/err rc=0 out mods
	: >"$err"
	# Not "( ... ) || rc=1": set -e is ignored in a subshell on the left
	# of ||, so a failed step would not fail the setup.
	(
		set -eE
		trap 'echo "failed ($?): $BASH_COMMAND" >&2' ERR
		"setup_$fn"
	) 2>"$err"
	[ $? = 0 ] || rc=1
	if [ $rc = 0 ]; then
		pktgen_setup 2>"$err" || rc=1
	fi
	if [ $rc != 0 ]; then
		echo "setup failed: $(errmsg "$err")" >"$TMP/why"
	else
		# Deferred work from the setup (linkwatch runs up to 1 s after a
		# link change) or from the last teardown must not land in a
		# measurement: it wakes a kworker, net_rx softirqs get deferred
		# to ksoftirqd, and the cost rises or frames are dropped.
		sleep "$SETTLE"
		if [ "$WARMUP" -gt 0 ]; then
			pktgen_run "$WARMUP" >/dev/null 2>"$err" || {
				rc=$?
				echo "warm-up: $(errmsg "$err")" >"$TMP/why"
			}
		fi
		if [ $rc = 0 ]; then
			out=$(pktgen_run "$COUNT" 2>"$err") || {
				rc=$?
				errmsg "$err" >"$TMP/why"
			}
		fi
	fi

	mods=$(comm -13 <(echo "$MODS_BEFORE") <(modules_loaded) | tr '\n' ' ')
	if [ -n "$mods" ]; then
		log "$p: WARNING: modules loaded by this path (a confound for the paths before it): $mods"
		MODS_BEFORE=$(modules_loaded)
	fi

	"teardown_$fn" 2>"$err" || log "$p: teardown: $(errmsg "$err")"
	if [ "$(links)" != "$BASE_LINKS" ]; then
		log "$p: WARNING: links left after teardown: $(links); removing"
		teardown_bridge >/dev/null 2>&1; teardown_ovs >/dev/null 2>&1
		teardown_xswitch >/dev/null 2>&1; topo_down
	fi
	[ $rc = 0 ] && echo "$out"
	return $rc
}

run_path() {
	local p=$1 fn=${1//-/_} rc i out ipp retries=$RETRIES
	local -a reps=()

	# The VXLAN paths' sink is another host (see topo_vxlan_tx).
	SINK_NS=
	[[ "$p" == *vxlan* ]] && SINK_NS=xsbench-sink

	if ! declare -F "setup_$fn" >/dev/null || ! declare -F "teardown_$fn" >/dev/null; then
		record_error "$p" "no setup_$fn/teardown_$fn in $(basename "$0")"
		return
	fi
	for ((i = 1; i <= REPEATS; i++)); do
		measure_once "$p" "$fn" >"$TMP/out"
		rc=$?
		out=$(cat "$TMP/out")
		if [ $rc = 2 ] && [ "$retries" -gt 0 ]; then
			log "$p: WARNING: repeat $i disturbed, running it again: $(cat "$TMP/why")"
			retries=$((retries - 1))
			i=$((i - 1))
			continue
		elif [ $rc != 0 ]; then
			record_error "$p" "$([ "$i" = 1 ] || echo "repeat $i: ")$(cat "$TMP/why")"
			return
		fi
		ipp=$(awk -v u="${out% *}" -v n="${out#* }" 'BEGIN { printf "%.1f", u * 1000 / n }')
		log "$p: repeat $i: ${out% *} usec for ${out#* } frames = $ipp instr/pkt"
		reps+=("$ipp")
	done
	RESULTS=$(jq -c --arg p "$p" --argjson r "[$(IFS=,; echo "${reps[*]}")]" '
		.[$p] = {
			instr_per_pkt: ($r | sort | if length % 2 == 1
				then .[length / 2 | floor]
				else (.[length / 2 - 1] + .[length / 2]) / 2 end),
			repeats: $r
		}' <<<"$RESULTS")
}

###########################################################################

busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
used_kb() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	awk '/^MemTotal:/ { t = $2 } /^MemFree:/ { f = $2 } END { print t - f }' /proc/meminfo
}

# map-load: BENCH_MAPS mappings of one VSID, spread over 200 remote PAs,
# through "xsw -batch" as a user would load them.
measure_map_load() {
	local ns=xsbmaps batch=$TMP/maps.batch hz kb0 kb1 t0 t1 got

	hz=$(getconf CLK_TCK)
	lsmod | grep -q '^xswitch ' || modprobe xswitch
	ip netns add "$ns" &&
	ip -n "$ns" link add xsbsw0 type xswitch &&
	xsw -n "$ns" vnet add bench rdid 1 &&
	xsw -n "$ns" vsubnet add 5001 vnet bench prefix 10.0.0.0/8 || {
		record_error map-load "cannot set up the vsubnet"
		ip netns del "$ns" 2>/dev/null
		return
	}
	awk -v n="$MAPS" 'BEGIN {
		for (i = 1; i <= n; i++) {
			j = i + 65536
			printf "map add vsid 5001 ca 10.%d.%d.%d mac 02:00:%02x:%02x:%02x:01 pa 192.168.%d.20\n",
				int(j / 65536), int(j / 256) % 256, j % 256,
				int(i / 65536), int(i / 256) % 256, i % 256, i % 200 + 1
		}
	}' >"$batch"
	kb0=$(used_kb)
	t0=$(busy_ticks)
	xsw -n "$ns" -batch "$batch"
	t1=$(busy_ticks)
	kb1=$(used_kb)
	got=$(xsw -j -n "$ns" vsubnet show 5001 | jq '.[0].num_maps')
	if [ "$got" = "$MAPS" ]; then
		MAP_LOAD=$(awk -v t=$((t1 - t0)) -v hz="$hz" -v n="$MAPS" \
			'BEGIN { printf "%.3f", t / hz * 100000 / n }')
		MAP_BYTES=$(((kb1 - kb0) * 1024 / MAPS))
		log "map-load: $MAPS mappings in $((t1 - t0)) ticks of $hz Hz; $((kb1 - kb0)) kB more memory"
	else
		record_error map-load "the vsubnet has $got mappings after the load, want $MAPS"
	fi
	ip netns del "$ns"
}

# Written after every path, so that a guest that dies in a path (panic,
# hang) leaves the paths before it; $STATE names the path in progress for
# scripts/bench.sh, and is removed once every path has run.
write_json() {
	mkdir -p "$(dirname "$OUT")"
	jq --arg k "$(uname -r)" --argjson c "$COUNT" \
		--argjson ml "$MAP_LOAD" --argjson mb "$MAP_BYTES" '
		def r1: . * 10 | round / 10;
		def r3: . * 1000 | round / 1000;
		(.baseline.instr_per_pkt // null) as $b
		| (if $b != null and (.bridge.instr_per_pkt // null) != null
		   then .bridge.instr_per_pkt - $b else null end) as $bx
		| . as $all
		| {
			paths: with_entries(
				if .key == "baseline" or (.value | has("error")) then .
				else .value = ({
					instr_per_pkt: .value.instr_per_pkt,
					extra_instr_per_pkt:
						(if $b != null then .value.instr_per_pkt - $b | r1 else null end),
					ratio_to_bridge:
						(if $bx != null and $bx > 0
						 then (.value.instr_per_pkt - $b) / $bx | r3 else null end),
					repeats: .value.repeats
				} + (
					# xswitch-vxlan[-rx] beside bridge-vxlan[-rx]
					(.key | sub("^xswitch-"; "bridge-")) as $peer
					| ($all[$peer].instr_per_pkt // null) as $px
					| if (.key | startswith("xswitch-vxlan")) and $b != null and $px != null and $px > $b
					  then {ratio_to_linux: ((.value.instr_per_pkt - $b) / ($px - $b) | r3),
						linux_path: $peer}
					  else {} end)) end),
			kernel: $k,
			count: $c,
			map_load_100k_guest_s: $ml,
			map_bytes: $mb
		}' <<<"$RESULTS" >"$OUT.tmp" || die "cannot write $OUT.tmp"
	mv -f "$OUT.tmp" "$OUT" || die "cannot write $OUT"
}

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# xsw, copied once (it is linked with libxswitch.a): the tree is the host's,
# where a rebuild during the run (another shell's make) would replace
# tools/xsw under a path's setup.  The modules are loaded once, below.
snapshot_xsw() {
	local x
	x=$(command -v xsw) || return 0
	mkdir -p "$TMP/bin"
	if ! cp "$x" "$TMP/bin/xsw" || ! "$TMP/bin/xsw" -V >/dev/null 2>&1; then
		die "cannot copy $x (rebuilt right now?); run the bench again"
	fi
	PATH=$TMP/bin:$PATH
}

STATE=$(dirname "$OUT")/.bench-state

run=("$@")
[ ${#run[@]} -gt 0 ] || run=("${PATHS[@]}")
for p in "${run[@]}"; do
	[[ "$p" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "bad path name '$p'"
done

[ -n "${XSW_VM:-}" ] || log "WARNING: not in the scripts/vm-run guest (XSW_VM unset)"
[ "$(nproc)" = 1 ] || log "WARNING: $(nproc) CPUs; the method wants one (VM_SMP=1)"
command -v jq >/dev/null || die "no jq"

check_icount
snapshot_xsw
prepare_kernel
MODS_BEFORE=$(modules_loaded)
BASE_LINKS=$(links)
log "kernel $(uname -r), $COUNT frames x $REPEATS repeats per path (+$WARMUP warm-up each); modules: $(modules_loaded | grep -E '^(openvswitch|nf_conntrack|bridge|br_netfilter|pktgen|cls_flower|act_mirred|sch_ingress|xswitch|xsw_selftest|veth)$' | tr '\n' ' ')"

icmp0=$(snmp Icmp OutMsgs)
write_json
for p in "${run[@]}"; do
	printf 'planned: %s\ncurrent: %s\n' "${run[*]}" "$p" >"$STATE"
	if [ "$p" = map-load ]; then
		measure_map_load
	else
		run_path "$p"
	fi
	write_json
done
rm -f "$STATE"
SINK_NS=
icmp=$(($(snmp Icmp OutMsgs) - icmp0))
[ "$icmp" = 0 ] || log "WARNING: the sink sent $icmp ICMP messages; the paths' costs include them"
log "wrote $OUT"
