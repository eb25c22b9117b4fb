#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Port QoS, maximum bandwidth ("xsw qos set dev PORT dir in|out max RATE"):
# iperf3 through a port with a limit in each direction gets the limit,
# within 5%, over 10 s, for TCP and for UDP, in both directions; UDP sent
# at 1.3 times the limit loses exactly what the policer drops, counted
# under the port's drop reason "qos"; without the limit the same UDP
# stream goes through at its full rate.
#
#  +- $NS_A ----------+                       +- $NS_B ----------+
#  | e0 10.0.0.1      |                       | e0 10.0.0.2      |
#  | iperf3           |                       | iperf3           |
#  +-----|------------+                       +-----|------------+
#  +-----|------------------------------------------|-- $NS_SW --+
#  |    vA (vm): max in $RATE_IN, out $RATE_OUT    vB (vm)        |
#  |     +----------------------- sw0 --------------+             |
#  +--------------------------------------------------------------+
#
# "in" is A sending (frames from vA into the switch), "out" is B sending
# to A (frames from the switch out of vA).  The two limits differ, so a
# limit applied in the wrong direction shows.
#
# What is compared.  The policer charges each frame its length from the
# Ethernet header (no FCS, no preamble; a GSO frame as its length, so one
# set of headers for several segments), and so do a veth's byte counters.
# The rate is the receiver's e0 rx_bytes increase over a 10 s window that
# starts 2 s after its first frame of a 13 s iperf3 run, times 8, over the
# window's length:
# the same bytes the policer let through, in the same units, after its
# initial burst (300 ms at the rate) is spent.  The receiver gets nothing
# else: IPv6 is off, the neighbours are permanent, and the only frames
# towards it are the stream's (its ACKs go the other way).  iperf3's own
# goodput (payload only, over the whole run) is logged for information.
#
# The figures are deterministic in a guest under QEMU -icount (how
# scripts/check.sh runs this test, see selftests/settings "icount="); on
# a busy host without icount the guest may not keep up with the rate.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	max_tcp_in
	max_tcp_out
	max_udp_in
	max_udp_out
	no_limit_full_rate
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/qos.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/qos.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
IP_A=10.0.0.1
IP_B=10.0.0.2
RATE_IN=20000000	# bits/s
RATE_OUT=30000000
TOLERANCE=5		# percent
UDP_LEN=1400		# iperf3 UDP payload: 1442-byte frames
UDP_OVER=13		# UDP is sent at UDP_OVER/10 times the limit
PORT=5201
RUNS=0

setup()
{
	setup_ns NS_SW NS_A NS_B || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" || return
	ip -n "$NS_SW" link add sw0 type xswitch &&
		ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" "$IP_A/24" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" || return
	xsw -n "$NS_SW" port add sw0 dev vA type vm || return
	xsw -n "$NS_SW" port add sw0 dev vB type vm || return
	neigh "$NS_A" "$IP_B" "$MAC_B" || return
	neigh "$NS_B" "$IP_A" "$MAC_A" || return
	ping_ok "$NS_A" "$IP_B" || { echo "setup: A cannot ping B" >&2; return 1; }
	set_limits
}

# set_limits: vA's limits, in both directions, with the default burst.
set_limits()
{
	qos_run "$NS_SW" set dev vA dir in max "$RATE_IN"bit
	[ "$rc" -eq 0 ] || { echo "xsw qos set dev vA dir in max: $err" >&2; return 1; }
	qos_run "$NS_SW" set dev vA dir out max "$RATE_OUT"bit
	[ "$rc" -eq 0 ] || { echo "xsw qos set dev vA dir out max: $err" >&2; return 1; }
}

# limit_drops DIR: the frames vA's limit in DIR dropped, from "xsw -j -s
# qos show" (0 when it has no limit in DIR).
limit_drops()
{
	xsw_jq -n "$NS_SW" "[(.[0].max // [])[] | select(.dir == \"$1\") | .dropped_packets] | add // 0" \
		-s qos show dev vA
}

# measure PROTO DIR [IPERF ARGS...]: run iperf3 for DIR ("in": A sends to
# B; "out": B sends to A) and set RATE (bits/s of Ethernet frames the
# receiver got in the window), FRAMES (their number), DROPS (vA's "qos"
# drops over the whole run), QDROPS (those its limit in DIR reports),
# DROPS_B (vB's), LOST (UDP: the datagrams the
# iperf3 server missed), GOODPUT (iperf3's, bits/s) and LIMIT.
measure()
{
	local proto=$1 dir=$2; shift 2
	local src dst rcv d0 b0 q0 secs bytes res cli

	RUNS=$((RUNS + 1))
	res=$TMPD/server.$RUNS.json cli=$TMPD/client.$RUNS.json

	if [ "$dir" = in ]; then
		src=$NS_A dst=$IP_B rcv=$NS_B LIMIT=$RATE_IN
	else
		src=$NS_B dst=$IP_A rcv=$NS_A LIMIT=$RATE_OUT
	fi
	d0=$(port_drop "$NS_SW" vA qos) || return
	b0=$(port_drop "$NS_SW" vB qos) || return
	q0=$(limit_drops "$dir") || return
	iperf_server "$rcv" "$PORT" "$res" || return
	sample_counters "$rcv" /sys/class/net/e0/statistics/rx_bytes \
		/sys/class/net/e0/statistics/rx_packets >"$TMPD/sample.$RUNS" &
	iperf_client "$src" "$dst" "$PORT" "$cli" "$@"
	wait
	read -r secs bytes FRAMES <"$TMPD/sample.$RUNS"
	if [ -z "$FRAMES" ]; then
		echo "no sample of $rcv's e0 counters" >&2
		return 1
	fi
	if ! jq -e '.end.sum_received // .end.sum' "$cli" >/dev/null 2>&1; then
		echo "iperf3 ($proto $dir) failed: $(head -c 300 "$cli")" >&2
		return 1
	fi
	RATE=$(bps "$bytes" "$secs")
	DROPS=$(($(port_drop "$NS_SW" vA qos) - d0))
	DROPS_B=$(($(port_drop "$NS_SW" vB qos) - b0))
	QDROPS=$(($(limit_drops "$dir") - q0))
	LOST=$(jq -r '.end.sum.lost_packets // 0' "$res")
	GOODPUT=$(jq -r '(.end.sum_received // .end.sum).bits_per_second | floor' "$res")
	log_info "$proto $dir: limit $(mbit "$LIMIT"), frames $(mbit "$RATE")" \
		"(ratio $(ratio "$RATE" "$LIMIT"), $FRAMES frames of $((bytes / (FRAMES ? FRAMES : 1)))" \
		"bytes on average, in ${secs}s); iperf3 goodput $(mbit "$GOODPUT");" \
		"vA qos drops +$DROPS (its $dir limit's +$QDROPS); lost $LOST"
	# Per second, for a diagnosis: goodput, and TCP's retransmissions.
	log_info "$proto $dir: Mbit/s per second $(jq -c \
		'[.intervals[].sum.bits_per_second / 1e5 | floor / 10]' "$res")" \
		"$(jq -r 'if .intervals[0].sum.retransmits == null then ""
			  else "retransmits \([.intervals[].sum.retransmits])" end' "$cli")"
}

# check_rate: RATE is LIMIT within TOLERANCE percent.
check_rate()
{
	within "$RATE" "$LIMIT" "$TOLERANCE"
	check_err $? "$(mbit "$RATE") of frames, expected $(mbit "$LIMIT") +-$TOLERANCE%"
}

# TCP through a policer stalls now and then: a lost window's tail waits
# for the retransmission timer (200 ms at least).  One stall in a 10 s run
# costs 2%, and about one run in twenty has enough to lose 7%.  So the
# median of three 10 s runs is compared with the limit: a policer off by
# 5% still fails every run, and so the median.
max_tcp()
{
	local dir=$1 i rates=() drops_b=0

	for i in 1 2 3; do
		measure tcp "$dir" || { check_err 1 "the measurement failed"; return; }
		rates+=("$RATE")
		drops_b=$((drops_b + DROPS_B))
	done
	RATE=$(printf '%s\n' "${rates[@]}" | sort -n | sed -n 2p)
	log_info "tcp $dir: rates ${rates[*]}, median $RATE"
	check_rate
	[ "$drops_b" -eq 0 ]
	check_err $? "vB's qos drops grew by $drops_b; vB has no limit"
}

max_tcp_in()
{
	max_tcp in
	log_test "TCP from the port in: the rate is the in limit +-$TOLERANCE%"
}

max_tcp_out()
{
	max_tcp out
	log_test "TCP towards the port out: the rate is the out limit +-$TOLERANCE%"
}

max_udp()
{
	local dir=$1 limit=$RATE_IN tol

	[ "$dir" = out ] && limit=$RATE_OUT
	measure udp "$dir" -u -b $((limit * UDP_OVER / 10)) -l "$UDP_LEN" ||
		{ check_err 1 "the measurement failed"; return; }
	check_rate
	# Everything lost was dropped by the policer, and only by it: the
	# counts agree to within 1% (a datagram in flight at the end).
	[ "$DROPS" -gt 0 ]
	check_err $? "UDP at $UDP_OVER/10 the limit, but vA counted no qos drop"
	tol=$((LOST / 100 + 3))
	[ "$DROPS" -ge $((LOST - tol)) ] && [ "$DROPS" -le $((LOST + tol)) ]
	check_err $? "vA qos drops +$DROPS, but iperf3 lost $LOST datagrams"
	[ "$QDROPS" -eq "$DROPS" ]
	check_err $? "vA's port counts +$DROPS qos drops, its $dir limit +$QDROPS"
	[ "$DROPS_B" -eq 0 ]
	check_err $? "vB's qos drops grew by $DROPS_B; vB has no limit"
}

max_udp_in()
{
	max_udp in
	log_test "UDP at 1.3x from the port in: the in limit +-$TOLERANCE%, drops under qos"
}

max_udp_out()
{
	max_udp out
	log_test "UDP at 1.3x towards the port out: the out limit +-$TOLERANCE%, drops under qos"
}

# The same UDP stream as max_udp_in, without the limit: it all gets
# through (the limit is what held it back, not the guest's speed).
no_limit_full_rate()
{
	local sent=$((RATE_IN * UDP_OVER / 10))
	# Nothing to wait for here: a shorter run.
	local QOS_SKIP=1 QOS_WINDOW=4

	qos_run "$NS_SW" del dev vA
	check_err "$rc" "xsw qos del dev vA: $err"
	measure udp in -u -b "$sent" -l "$UDP_LEN" ||
		{ check_err 1 "the measurement failed"; set_limits; return; }
	[ "$DROPS" -eq 0 ]
	check_err $? "no limit, but vA counted $DROPS qos drops"
	# Frames per second of the stream: iperf3 paces datagrams of UDP_LEN.
	LIMIT=$((sent * (UDP_LEN + 42) / UDP_LEN))
	check_rate
	set_limits
	check_err $? "cannot set the limits again"
	log_test "without the limit the same UDP stream gets through whole"
}

l2_require
qos_require
qos_clock_note
if ! setup; then
	echo "setup failed"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
