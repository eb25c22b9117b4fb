# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Helpers for the xswitch L2 selftests (l2_forwarding.sh, vlan.sh,
# port_security.sh, port_lifecycle.sh, counters_json.sh), sourced after
# lib.sh:
#
#	source "$(dirname "$0")/lib.sh"
#	source "$(dirname "$0")/lib/l2.sh"
#
# A "VM" is a network namespace holding e0, one end of a veth pair whose
# other end is the switch port.  Namespaces are made quiet (no IPv6, so no
# DAD, MLD or router solicitations) and VMs get permanent neighbour entries,
# so that the only frames on the switch are the ones a test sends and
# counters can be checked exactly.
#
# Frames are sent with lib/sendframe.py and watched with tcpdump: cap_start
# starts a capture of what an interface receives, cap_wait waits for frames
# to show up in it, cap_count counts frames matching a filter.  A check that
# a frame does NOT arrive sends a "marker" frame after it on the same path
# and waits for the marker, so it neither races nor sleeps.

# shellcheck disable=SC2034  # variables are for the sourcing scripts

L2_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SENDFRAME=$L2_DIR/sendframe.py
# A local experimental ethertype: nothing but the tests sends it.
ETH_TEST=0x88b5

# l2_require: skip unless the tools these helpers use are there; makes $TMPD.
l2_require()
{
	require_root
	require_cmd "$XSW" ip jq tcpdump python3 ping timeout
	require_module xswitch
	TMPD=$(mktemp -d)
	defer rm -rf "$TMPD"
}

# ns_quiet NS...: no IPv6 on any interface made or moved there later.
ns_quiet()
{
	local ns

	for ns in "$@"; do
		ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
			net.ipv6.conf.default.disable_ipv6=1 || return
	done
}

# vm_add SW_NS PORT VM_NS MAC [ADDR/PLEN] [MTU]: a veth pair, PORT (up) in
# SW_NS and e0 (up, MAC, ADDR) in VM_NS.  PORT is not attached.
vm_add()
{
	local sw_ns=$1 port=$2 vm_ns=$3 mac=$4 addr=${5:-} mtu=${6:-1500}

	ip -n "$sw_ns" link add "$port" mtu "$mtu" type veth peer name e0 \
		netns "$vm_ns" address "$mac" mtu "$mtu" || return
	if [ -n "$addr" ]; then
		ip -n "$vm_ns" addr add "$addr" dev e0 || return
	fi
	ip -n "$vm_ns" link set e0 up &&
		ip -n "$sw_ns" link set "$port" up
}

# neigh NS IP MAC [DEV]: a permanent neighbour entry (no ARP traffic).
neigh()
{
	ip -n "$1" neigh replace "$2" lladdr "$3" dev "${4:-e0}" nud permanent
}

# mac_of NS DEV: the device's MAC.
mac_of()
{
	ip -n "$1" -j link show "$2" | jq -r '.[0].address'
}

# ping_ok NS DST [PING ARGS...]: one echo, answered.  One echo only, so
# that tests can count the frames; the reply may take up to PING_WAIT
# seconds (a loaded host slows the guest; waiting costs nothing when the
# reply comes).
: "${PING_WAIT:=10}"
ping_ok()
{
	local ns=$1 dst=$2; shift 2

	ip netns exec "$ns" ping -n -q -c 1 -W "$PING_WAIT" "$@" "$dst" >/dev/null 2>&1
}

# ping_fails NS DST [PING ARGS...]: one echo, not answered within 1 s.
ping_fails()
{
	local ns=$1 dst=$2; shift 2

	! ip netns exec "$ns" ping -n -q -c 1 -W 1 "$@" "$dst" >/dev/null 2>&1
}

# send NS IFNAME [-c N] --src MAC --dst MAC [--tag TPID:VID]... KIND ARGS...
# (see lib/sendframe.py)
send()
{
	local ns=$1; shift

	ip netns exec "$ns" python3 -I -S "$SENDFRAME" "$@"
}

# send_test NS IFNAME SRC DST [TAG...]: one frame of the test ethertype.
send_test()
{
	local ns=$1 dev=$2 src=$3 dst=$4; shift 4
	local tags=() t

	for t in "$@"; do
		tags+=(--tag "$t")
	done
	send "$ns" "$dev" --src "$src" --dst "$dst" "${tags[@]}" raw "$ETH_TEST"
}

##############################################################################
# Captures

declare -A CAP_PID

# cap_start NAME NS IFNAME [FILTER]: capture what IFNAME in NS receives into
# $TMPD/NAME.pcap; returns once tcpdump listens.
cap_start()
{
	local name=$1 ns=$2 dev=$3; shift 3

	rm -f "$TMPD/$name.pcap"
	ip netns exec "$ns" tcpdump -Z root -i "$dev" -nn -U --immediate-mode \
		-Q in -w "$TMPD/$name.pcap" "$@" >"$TMPD/$name.log" 2>&1 &
	CAP_PID[$name]=$!
	defer "cap_stop $name"
	busywait 30000 grep -q "listening on" "$TMPD/$name.log" >/dev/null
}

# cap_stop NAME...: stop captures (no-op for stopped ones).
cap_stop()
{
	local name pid

	for name in "$@"; do
		pid=${CAP_PID[$name]:-}
		[ -n "$pid" ] || continue
		kill "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		CAP_PID[$name]=
	done
}

# cap_count NAME [FILTER]: how many captured frames match FILTER.
cap_count()
{
	local name=$1; shift
	local n

	n=$(tcpdump --count -r "$TMPD/$name.pcap" "$@" 2>/dev/null | awk '{ print $1 }')
	echo "${n:-0}"
}

__cap_at_least()
{
	local name=$1 want=$2; shift 2

	[ "$(cap_count "$name" "$@")" -ge "$want" ]
}

# cap_wait NAME N FILTER: wait (up to 30 s) until N frames match FILTER.
cap_wait()
{
	local name=$1 want=$2; shift 2

	busywait 30000 __cap_at_least "$name" "$want" "$@"
}

##############################################################################
# xsw

# xsw_run ARGS...: run xsw; sets $out (stdout), $err (stderr), $rc.
xsw_run()
{
	out=$("$XSW" "$@" 2>"$TMPD/stderr")
	rc=$?
	err=$(<"$TMPD/stderr")
}

# check_refused WHAT PATTERN: the last xsw_run exited 1, printed nothing
# and named the problem: "Error: ...PATTERN" on stderr.
check_refused()
{
	local what=$1 pattern=$2

	[ "$rc" -eq 1 ]
	check_err $? "$what: exit status $rc, expected 1 (stderr '$err')"
	[ -z "$out" ]
	check_err $? "$what: wrote to stdout: '$out'"
	grep -qiE "^Error: .*$pattern" <<<"$err"
	check_err $? "$what: stderr '$err' does not match 'Error: ...$pattern'"
}

# port_get NS PORT FILTER: jq FILTER on PORT's element of
# "xsw -j -s port show dev PORT", e.g. port_get "$NS" vA .learned
port_get()
{
	xsw_jq -n "$1" ".[0]$3" -s port show dev "$2"
}

# port_stat NS PORT KEY: .stats.KEY of the port (rx_packets, tx_bytes...)
port_stat()
{
	port_get "$1" "$2" ".stats.$3"
}

__stat_at_least()
{
	[ "$(port_stat "$1" "$2" "$3")" -ge "$4" ]
}

# port_stat_wait NS PORT KEY N: wait (up to 30 s) until the port's counter
# KEY reaches N, then print it.  "ping -c N" waits for its last reply only
# twice the longest round trip, so on a loaded host it may exit before the
# last reply has passed the switch: a test counting its frames waits for
# the count first.
port_stat_wait()
{
	busywait 30000 __stat_at_least "$@" >/dev/null
	port_stat "$1" "$2" "$3"
}

# flowing NS PORT N: wait (up to 30 s) until N more frames than now came
# in through PORT: traffic started in the background is flowing.
flowing()
{
	local n0

	n0=$(port_stat "$1" "$2" rx_packets) || return
	busywait 30000 __stat_at_least "$1" "$2" rx_packets $((n0 + $3)) >/dev/null
}

# port_drop NS PORT REASON: the port's drop counter for REASON.
port_drop()
{
	port_get "$1" "$2" ".stats.drops[\"$3\"]"
}

# port_drop_wait NS PORT REASON N: wait (up to 30 s) until the port's drop
# counter for REASON reaches N, then print it: the positive event a check
# that something did NOT get through waits for.
port_drop_wait()
{
	port_stat_wait "$1" "$2" "drops[\"$3\"]" "$4"
}

# switch_drop NS SWITCH REASON: the switch-wide drop counter for REASON.
switch_drop()
{
	xsw_jq -n "$1" ".[0].stats.drops[\"$3\"]" -s switch show "$2"
}

# port_exists NS PORT: "xsw -j port show" lists PORT.
port_exists()
{
	xsw_jq -n "$1" ".[] | select(.ifname == \"$2\") | .ifname" port show |
		grep -qxF -- "$2"
}

# fdb_get NS SWITCH MAC [VLAN] FILTER: jq FILTER on the FDB entry for MAC
# (in VLAN, if given); empty when there is none.
fdb_get()
{
	local ns=$1 sw=$2 mac=$3 vlan="" filter

	if [ $# -eq 5 ]; then
		vlan=$4
		filter=$5
	else
		filter=$4
	fi
	xsw_jq -n "$ns" "[.[] | select(.mac == \"$mac\"${vlan:+ and .vlan == $vlan})] |
		if length == 0 then empty else .[0]$filter end" fdb show "$sw"
}

# fdb_port NS SWITCH MAC: the port MAC was learned on, or nothing.
fdb_port()
{
	fdb_get "$1" "$2" "$3" .ifname
}

# fdb_is NS SWITCH MAC PORT: MAC's entry points at PORT.
fdb_is()
{
	[ "$(fdb_port "$1" "$2" "$3")" = "$4" ]
}

# fdb_gone NS SWITCH MAC: no entry for MAC.
fdb_gone()
{
	[ -z "$(fdb_port "$1" "$2" "$3")" ]
}

# link_get NS DEV FILTER: jq FILTER on "ip -j -s -d link show DEV".
link_get()
{
	ip -n "$1" -j -s -d link show "$2" | jq -r ".[0]$3"
}

##############################################################################
# Kernel log

KLOG_PATTERNS=$L2_DIR/../../scripts/vm/kernel-log-patterns

# klog_mark: remember where the kernel log is now.
klog_mark()
{
	KLOG_MARK=$(dmesg 2>/dev/null | wc -l)
}

# klog_clean: nothing since klog_mark matches scripts/vm/kernel-log-patterns
# (WARNING, BUG, refcount, "unregister_netdevice: waiting", ...); prints
# the offending lines otherwise.
klog_clean()
{
	local bad

	[ -r "$KLOG_PATTERNS" ] || return 0
	bad=$(dmesg 2>/dev/null | tail -n +"$((KLOG_MARK + 1))" |
		grep -E -f <(grep -Ev '^(#|$)' "$KLOG_PATTERNS"))
	[ -z "$bad" ] && return 0
	echo "$bad" | head -n 5
	return 1
}
