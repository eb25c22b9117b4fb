#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Port QoS, minimum bandwidth ("xsw qos set dev PORT min RATE |
# min-weight N", "xsw qos set dev UPLINK link RATE"): vm ports that all
# send more than the uplink takes each get their guarantee, within 10%,
# for weights (1 and 3), for weights beside an absolute rate, over UDP and
# over TCP; a port that sends alone gets at least 90% of the link.
#
#  +- $NS_A -----+  +- $NS_B -----+  +- $NS_C -----+
#  | e0 10.0.0.1 |  | e0 10.0.0.2 |  | e0 10.0.0.3 |   iperf3 clients
#  +-----|-------+  +-----|-------+  +-----|-------+
#  +-----|----------------|----------------|------------- $NS_SW --+
#  |    vA (vm)          vB (vm)          vC (vm)                   |
#  |     +-------------- sw0 -------------+--- up0 (external)       |
#  |                                     HTB root 1: on up0, kept   |
#  |                                     by xsw (link $LINK)        |
#  +-------------------------------------------|--------------------+
#  +- $NS_X -----------------------------------|--+
#  | e0 10.0.0.100: one iperf3 server per client  |
#  +----------------------------------------------+
#
# xswitch puts the frames each port sends out of up0 in the port's HTB
# class; the tree on up0 is what xsw made of the guarantees and the link
# rate.  The test only sets guarantees and measures what arrives.
#
# What is compared.  A guarantee is a share of the uplink's link rate in
# Ethernet frame bytes, as HTB counts them (a GSO frame as the frames it
# becomes).  A weight W among weights summing to S is W/S of the link (xsw
# keeps 1% for the ports without a guarantee, which send nothing here; the
# tolerance covers it); an absolute guarantee is its rate; weights share
# what absolute ones leave.  Each port's rate is measured at its iperf3
# server, end to end (it would see a port's frames put in another port's
# class): the payload bytes of the 1 s intervals of its iperf3 server's
# report within a 10 s window that starts 2 s into a 13 s run, turned into frame bytes by the frame's size
# over its payload - UDP datagrams of $UDP_LEN bytes are 42 bytes longer
# as frames, TCP segments of MSS bytes are 1514-byte frames (MTU 1500).
#
# The figures are deterministic in a guest under QEMU -icount (how
# scripts/check.sh runs this test, see selftests/settings "icount=").

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	weights_udp
	weights_tcp
	rate_and_weights_udp
	alone_gets_link_udp
	alone_gets_link_tcp
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/qos.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/qos.sh"

LINK=20000000		# bits/s
TOLERANCE=10		# percent of each guarantee
ALONE_MIN=90		# percent of the link a port alone gets at least
UDP_LEN=1400
UDP_OVER=15		# each UDP client sends UDP_OVER/10 times the link
IP_X=10.0.0.100
MAC_X=02:00:00:00:00:99
declare -A IP=([A]=10.0.0.1 [B]=10.0.0.2 [C]=10.0.0.3)
declare -A MAC=([A]=02:00:00:00:00:0a [B]=02:00:00:00:00:0b [C]=02:00:00:00:00:0c)
declare -A SERVER_PORT=([A]=5201 [B]=5202 [C]=5203)
RUNS=0

setup()
{
	local v ns

	setup_ns NS_SW NS_A NS_B NS_C NS_X || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" "$NS_C" "$NS_X" || return
	ip -n "$NS_SW" link add sw0 type xswitch &&
		ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" up0 "$NS_X" "$MAC_X" "$IP_X/24" || return
	xsw -n "$NS_SW" port add sw0 dev up0 type external || return
	for v in A B C; do
		ns=NS_$v
		vm_add "$NS_SW" "v$v" "${!ns}" "${MAC[$v]}" "${IP[$v]}/24" || return
		xsw -n "$NS_SW" port add sw0 dev "v$v" type vm || return
		neigh "${!ns}" "$IP_X" "$MAC_X" || return
		neigh "$NS_X" "${IP[$v]}" "${MAC[$v]}" || return
	done
	for v in A B C; do
		ns=NS_$v
		ping_ok "${!ns}" "$IP_X" || { echo "setup: $v cannot ping X" >&2; return 1; }
	done
	qos_run "$NS_SW" set dev up0 link "$LINK"bit
	[ "$rc" -eq 0 ] || { echo "xsw qos set dev up0 link: $err" >&2; return 1; }
}

# guarantees SPEC...: each SPEC "PORT min RATE" or "PORT min-weight N";
# the ports not named lose theirs.
guarantees()
{
	local v spec

	for v in A B C; do
		if [ "$(xsw_jq -n "$NS_SW" '.[0] | (.min_rate // .min_weight // 0)' \
			qos show dev "v$v")" != 0 ]; then
			qos_run "$NS_SW" del dev "v$v" min
			[ "$rc" -eq 0 ] || { echo "xsw qos del dev v$v min: $err" >&2; return 1; }
		fi
	done
	for spec in "$@"; do
		# shellcheck disable=SC2086  # a SPEC is words
		qos_run "$NS_SW" set dev $spec
		[ "$rc" -eq 0 ] || { echo "xsw qos set dev $spec: $err" >&2; return 1; }
	done
}

# contend PROTO PORT...: PORTs (A, B, C) send PROTO to X at once; sets
# GOT[PORT] to the bits/s of frames each got through in the window.
declare -A GOT
contend()
{
	local proto=$1; shift
	local v ns opts=() res cli bytes secs mss factor

	RUNS=$((RUNS + 1))
	[ "$proto" = udp ] && opts=(-u -b $((LINK * UDP_OVER / 10)) -l "$UDP_LEN")
	for v in "$@"; do
		iperf_server "$NS_X" "${SERVER_PORT[$v]}" "$TMPD/server.$RUNS.$v.json" ||
			return
	done
	# For the log: what the uplink carried in the window, in all.
	sample_counters "$NS_X" /sys/class/net/e0/statistics/rx_bytes \
		>"$TMPD/sample.$RUNS" &
	for v in "$@"; do
		ns=NS_$v
		iperf_client "${!ns}" "$IP_X" "${SERVER_PORT[$v]}" \
			"$TMPD/client.$RUNS.$v.json" "${opts[@]}"
	done
	wait
	read -r secs bytes <"$TMPD/sample.$RUNS"
	TOTAL=$(bps "${bytes:-0}" "${secs:-1}")
	GOT=()
	for v in "$@"; do
		res=$TMPD/server.$RUNS.$v.json cli=$TMPD/client.$RUNS.$v.json
		if ! jq -e '.end' "$res" >/dev/null 2>&1; then
			echo "iperf3 $proto from $v failed: $(head -c 300 "$cli")" >&2
			return 1
		fi
		read -r bytes secs < <(iperf_window_bytes "$res")
		if [ "$proto" = udp ]; then
			factor="($UDP_LEN + 42) / $UDP_LEN"
		else
			mss=$(jq -r '.start.tcp_mss_default // 1448' "$cli")
			factor="1514 / $mss"
		fi
		GOT[$v]=$(awk -v b="$bytes" -v s="$secs" "BEGIN { printf \"%.0f\", s ? b * 8 / s * $factor : 0 }")
	done
}

# check_shares PROTO PORT=EXPECTED...: each PORT got EXPECTED bits/s
# within TOLERANCE percent.
check_shares()
{
	local proto=$1; shift
	local pe v e msg=

	for pe in "$@"; do
		v=${pe%%=*} e=${pe#*=}
		msg+=" v$v $(mbit "${GOT[$v]}") (guarantee $(mbit "$e"), ratio $(ratio "${GOT[$v]}" "$e"));"
	done
	log_info "$proto, link $(mbit "$LINK"), $(mbit "$TOTAL") of frames into X in all:$msg"
	for pe in "$@"; do
		v=${pe%%=*} e=${pe#*=}
		within "${GOT[$v]}" "$e" "$TOLERANCE"
		check_err $? "v$v got $(mbit "${GOT[$v]}"), its guarantee is $(mbit "$e") +-$TOLERANCE%"
	done
}

weights()
{
	local proto=$1

	if ! guarantees "vA min-weight 1" "vB min-weight 3" || ! contend "$proto" A B; then
		check_err 1 "setting up or measuring failed"
		return
	fi
	check_shares "$proto" A=$((LINK / 4)) B=$((LINK * 3 / 4))
}

weights_udp()
{
	weights udp
	log_test "UDP, min-weight 1 and 3: 1/4 and 3/4 of the link +-$TOLERANCE%"
}

weights_tcp()
{
	weights tcp
	log_test "TCP, min-weight 1 and 3: 1/4 and 3/4 of the link +-$TOLERANCE%"
}

# An absolute guarantee gets its rate; two equal weights share the rest.
rate_and_weights_udp()
{
	local abs=$((LINK * 6 / 10))

	if ! guarantees "vA min ${abs}bit" "vB min-weight 1" "vC min-weight 1" ||
	   ! contend udp A B C; then
		check_err 1 "setting up or measuring failed"
	else
		check_shares udp A="$abs" B=$(((LINK - abs) / 2)) C=$(((LINK - abs) / 2))
	fi
	log_test "UDP, min $(mbit "$abs") and min-weight 1, 1: their shares +-$TOLERANCE%"
}

# A port that sends alone borrows what the others' guarantees leave.
alone()
{
	local proto=$1

	if ! guarantees "vA min-weight 1" "vB min-weight 3" || ! contend "$proto" A; then
		check_err 1 "setting up or measuring failed"
		return
	fi
	log_info "$proto, vA (min-weight 1 of 4) alone: $(mbit "${GOT[A]}") ($(mbit "$TOTAL") into X)" \
		"of $(mbit "$LINK") (ratio $(ratio "${GOT[A]}" "$LINK"))"
	awk -v g="${GOT[A]}" -v l="$LINK" -v p="$ALONE_MIN" 'BEGIN { exit !(g >= l * p / 100) }'
	check_err $? "vA alone got $(mbit "${GOT[A]}"), less than $ALONE_MIN% of the link"
	# Nor more than the link (a measurement that cannot fail is no check).
	within "${GOT[A]}" "$LINK" "$((100 - ALONE_MIN))"
	check_err $? "vA alone got $(mbit "${GOT[A]}"), more than the link +$((100 - ALONE_MIN))%"
}

alone_gets_link_udp()
{
	alone udp
	log_test "UDP, vA (min-weight 1 of 4) alone gets >= $ALONE_MIN% of the link"
}

alone_gets_link_tcp()
{
	alone tcp
	log_test "TCP, vA (min-weight 1 of 4) alone gets >= $ALONE_MIN% of the link"
}

l2_require
qos_require
qos_clock_note
if ! setup; then
	echo "setup failed"
	exit "$ksft_fail"
fi
tests_run
tc -n "$NS_SW" -s class show dev up0 | sed 's/^/# /'
exit "$EXIT_STATUS"
