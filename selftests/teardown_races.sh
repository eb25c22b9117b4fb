#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Teardown races under traffic: while frames flood the switch, tear down
# what they go through, cycle after cycle, and check after each cycle what
# a user would see.  Six kinds of cycle, XSW_RACE_CYCLES of each (default
# 3; make check-debug runs 1000):
#
#   lower-device   a vm port's veth, or the external port's, is deleted
#                  (itself or its peer) while frames go in and out of it;
#                  the port must then be gone from "xsw port show";
#   netns          a namespace is deleted that holds the peer of a vm
#                  port, or a whole switch with its ports, an internal
#                  port and a stateful ACL; the ports must go;
#   extension      example, vepa and sample are attached, carry frames,
#                  then are detached or rmmod-ed while attached; nothing
#                  may stay attached, and rmmod-ed modules must be gone;
#   switch         the switch is deleted with its ports, an internal port,
#                  ACLs, rate limits and (every other cycle) an extension;
#                  it must be gone and its lower devices free;
#   module         the extension modules, attached, then xswitch itself,
#                  with switches, ports, ACLs and rate limits, are rmmod-ed
#                  and xswitch loaded again; a fresh switch must forward;
#   config         four processes at once replace ACLs, set a port, flush
#                  the FDB and set rate limits ("xsw -batch" of
#                  XSW_RACE_CONFIG_CYCLES commands each, default the
#                  larger of 200 and XSW_RACE_CYCLES); every command must
#                  succeed and the last of each must be what "xsw show"
#                  reads back.
# The same commands also run, in turn, from a background process during
# the first five kinds, where their targets vanish under them: each must
# then succeed, or fail with an "Error: ..." message (exit 1); never crash,
# hang (60 s) or exit otherwise.
#
# Each cycle waits (bounded) until frames went through the port, switch or
# extension it is about to tear down, so traffic is proven to flow in every
# cycle.  The kernel log must stay clean (checked after each kind; run.sh
# checks it again after the unload).  XSW_RACE_TIME_CAP (seconds, default
# 3000) bounds each kind: hitting it before the count fails the kind.
#
#  +- $NSW ------------------------------------------------------------+
#  | flood.py -> vsrcp   vlp           fv / gv      (peers, in $NSW)   |
#  |              |       |             |    |                         |
#  |             vsrc    vl (vm or      |    |         vcfg  icfg      |
#  |              |      external)      |    |          |  (internal)  |
#  |              +-------+----- sw ----+----|----------+---+          |
#  |                                    |    |                         |
#  +------------------------------------|----|-------------------------+
#  +- $VIC (made and deleted per cycle) |    |                         +
#  |  e0 (peer of vn, a port of sw)     pv   qv -- swv (a switch)      |
#  +-------------------------------------------------------------------+
#
# flood.py sends broadcast IPv4, IPv6, ICMP and raw frames on vsrcp, vlp
# and fv by name, whichever exist.  IPv6 is off in the namespaces, so the
# flood is the only traffic.  Results are read from "xsw -j" with jq.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	lower_device_delete
	netns_delete
	extension_churn
	switch_delete
	module_reload
	config_concurrent
	traffic_flowed
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/ext.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/ext.sh"

CYCLES=${XSW_RACE_CYCLES:-2}
# The config kind's commands are cheap (one xsw -batch process each).
CFG_CYCLES=${XSW_RACE_CONFIG_CYCLES:-$((CYCLES > 200 ? CYCLES : 200))}
TIME_CAP=${XSW_RACE_TIME_CAP:-3000}
# Bound on each wait for a condition, in ms (a debug kernel is slow).
WAIT_MS=${XSW_RACE_WAIT_MS:-60000}
EXTS="example vepa sample"
FLOOD_PID=
VIC=
BG_PID=
declare -A NCYC		# cycles run, per kind

cleanup()
{
	if [ -n "$BG_PID" ]; then
		touch "$TMPD/stop"
		wait "$BG_PID"
	fi
	if [ -n "$FLOOD_PID" ]; then
		kill "$FLOOD_PID" 2>/dev/null
		wait "$FLOOD_PID" 2>/dev/null
	fi
	[ -n "$VIC" ] && ip netns del "$VIC" 2>/dev/null
	lib_cleanup
}

x()
{
	"$XSW" -n "$NSW" "$@"
}

##############################################################################
# Conditions to wait for

# stat_ge NS PORT KEY N: the port exists and its .stats.KEY is at least N.
stat_ge()
{
	local v

	v=$(port_stat "$1" "$2" "$3" 2>/dev/null)
	[[ "$v" =~ ^[0-9]+$ ]] && [ "$v" -ge "$4" ]
}

# carried NS PORT...: wait until each PORT has sent out a frame; prints
# the sum of their tx_packets (the frames that crossed them this cycle).
carried()
{
	local ns=$1 p sum=0; shift

	for p in "$@"; do
		if ! busywait "$WAIT_MS" stat_ge "$ns" "$p" tx_packets 1 >/dev/null; then
			echo "# $p: $(xsw_json -n "$ns" -s port show dev "$p" | jq -c .)" >&2
			return 1
		fi
		sum=$((sum + $(port_stat "$ns" "$p" tx_packets)))
	done
	echo "$sum"
}

port_gone()
{
	! port_exists "$1" "$2"
}

link_gone()
{
	! ip -n "$1" link show "$2" >/dev/null 2>&1
}

# no_master NS DEV: DEV exists and is no device's lower device.
no_master()
{
	[ "$(link_get "$1" "$2" '.master // "none"')" = none ]
}

# exts_carried: example, vepa and sample are attached to sw and each saw
# a frame.
exts_carried()
{
	[ "$(xsw_jq -n "$NSW" '[.[] | .attached[] | select(.switch == "sw") |
		select(.stats.ingress > 0)] | length' -s ext show)" = 3 ]
}

##############################################################################
# Topology

# sw_create: the switch with vsrc, vcfg and the internal port icfg, and an
# ACL and rate limit on vcfg (which the configuration commands change).
sw_create()
{
	ip -n "$NSW" link add sw type xswitch &&
		ip -n "$NSW" link set sw up &&
		ip -n "$NSW" link set vsrc master sw &&
		ip -n "$NSW" link set vcfg master sw &&
		x port add sw name icfg type internal &&
		ip -n "$NSW" link set icfg up &&
		x acl replace dev vcfg dir out default allow -batch "$TMPD/rules.0" &&
		x qos set dev vcfg dir in max 100mbit
}

setup()
{
	local p

	setup_ns NSW || return
	ns_quiet "$NSW" || return
	for p in vsrc vcfg; do
		ip -n "$NSW" link add "$p" type veth peer name "${p}p" &&
			ip -n "$NSW" link set "${p}p" up &&
			ip -n "$NSW" link set "$p" up || return
	done
	acl_rules
	sw_create || return
	ip netns exec "$NSW" python3 -I -S "$L2_DIR/flood.py" "$TMPD/flood" \
		vsrcp vlp fv >/dev/null 2>"$TMPD/flood.err" &
	FLOOD_PID=$!
	carried "$NSW" vcfg >/dev/null
}

# acl_rules: two rule sets, with every match field, for acl replace.
acl_rules()
{
	cat >"$TMPD/rules.0" <<-EOF
		action allow src_mac 02:00:00:fd:00:01 dst_mac ff:ff:ff:ff:ff:ff
		action allow eth_type 0x88b6
		action allow-stateful src_ip 10.99.0.0/16 ip_proto udp dst_port 9
		action allow-stateful src_ip 10.99.0.1 ip_proto icmp icmp_type 8 icmp_code 0
		action allow priority 5 vlan_id 1 dst_ip fd00::/8 ip_proto udp src_port 4000-4010
		action allow ip_proto tcp tcp_flags syn/syn,ack dst_port 80-89
		action deny priority 200 eth_type ipv6 ip_proto sctp
	EOF
	cat >"$TMPD/rules.1" <<-EOF
		action allow-stateful eth_type ipv4
		action allow ip_proto icmpv6 icmp_type 128
		action deny priority 300 dst_mac 01:00:5e:00:00:00/25
	EOF
}

##############################################################################
# Configuration workers

# cfg_cmd KIND I: the I-th command of configuration worker KIND, as words.
cfg_cmd()
{
	local i=$2

	case $1 in
	acl)	echo "acl replace dev vcfg dir $( ((i % 2)) && echo in || echo out)" \
			"default allow -batch $TMPD/rules.$((i % 2))" ;;
	port)	echo "port set vcfg dhcp-guard $( ((i % 2)) && echo on || echo off)" \
			"router-guard $( ((i % 3)) && echo on || echo off)" \
			"learn-limit $((100 + i % 50))" ;;
	fdb)	echo "fdb flush sw" ;;
	qos)	echo "qos set dev vcfg dir out max $((10 + i % 90))mbit" ;;
	esac
}

# bg_worker: until $TMPD/stop exists, the four kinds of cfg_cmd in turn,
# paced so that the cycles keep most of the (few) CPUs.  Each command must
# succeed or be refused with "Error: ..." (exit 1): its target may be gone.
# Counts go to $TMPD/w.bg ("ok N refused N"), anything else to
# $TMPD/w.bg.err.
bg_worker()
{
	local i=0 ok=0 refused=0 rc cmd k

	while [ ! -e "$TMPD/stop" ]; do
		i=$((i + 1))
		for k in acl port fdb qos; do
			cmd=$(cfg_cmd "$k" "$i")
			# shellcheck disable=SC2086  # cmd is words
			timeout 60 "$XSW" -n "$NSW" $cmd >/dev/null 2>"$TMPD/w.bg.stderr"
			rc=$?
			if [ $rc -eq 0 ]; then
				ok=$((ok + 1))
			elif [ $rc -eq 1 ] && grep -q '^Error: ' "$TMPD/w.bg.stderr"; then
				refused=$((refused + 1))
			else
				echo "xsw $cmd: exit $rc: $(head -c 200 "$TMPD/w.bg.stderr")" \
					>>"$TMPD/w.bg.err"
			fi
			sleep 0.5
		done
	done
	echo "ok $ok refused $refused" >"$TMPD/w.bg"
}

bg_worker_start()
{
	rm -f "$TMPD/stop"
	: >"$TMPD/w.bg.err"
	bg_worker &
	BG_PID=$!
}

# bg_worker_done: stop the background worker and check what it saw; once.
bg_worker_done()
{
	[ -n "$BG_PID" ] || return 0
	touch "$TMPD/stop"
	wait "$BG_PID"
	BG_PID=
	[ ! -s "$TMPD/w.bg.err" ]
	check_err $? "background configuration: $(head -n 3 "$TMPD/w.bg.err")"
	log_info "background configuration commands: $(cat "$TMPD/w.bg")"
}

##############################################################################
# The cycles

# run_kind KIND FUNCTION: FUNCTION I for I = 1..CYCLES, stopping at the
# first failure (which FUNCTION reports with check_err) or at the time cap.
run_kind()
{
	local kind=$1 fn=$2 i deadline=$((SECONDS + TIME_CAP)) out t0=$SECONDS

	klog_mark
	NCYC[$kind]=0
	FRAMES=0
	for ((i = 1; i <= CYCLES; i++)); do
		if [ "$SECONDS" -ge "$deadline" ]; then
			check_err 1 "time cap ${TIME_CAP}s hit after $((i - 1)) of $CYCLES cycles"
			break
		fi
		"$fn" "$i" || break
		[ "$RET" -eq 0 ] || break
		NCYC[$kind]=$i
	done
	out=$(klog_clean)
	check_err $? "kernel log: $out"
	log_info "$kind: ${NCYC[$kind]} cycles in $((SECONDS - t0))s, $FRAMES frames through what was torn down"
}

# got N: add N frames to FRAMES; fail the cycle (with MSG) when N is empty.
got()
{
	local n=$1 msg=$2

	if [ -z "$n" ]; then
		check_err 1 "$msg"
		return 1
	fi
	FRAMES=$((FRAMES + n))
}

lower_cycle()
{
	local i=$1 n type=vm victim

	ip -n "$NSW" link add vl type veth peer name vlp &&
		ip -n "$NSW" link set vlp up && ip -n "$NSW" link set vl up
	check_err $? "cycle $i: cannot make veth vl" || return 1
	if ((i % 2)); then
		ip -n "$NSW" link set vl master sw
	else
		type=external
		x port add sw dev vl type external
	fi
	check_err $? "cycle $i: cannot add vl as a $type port" || return 1
	# Frames flooded from vsrc go out of vl; flood.py's from vlp come in.
	n=$(carried "$NSW" vl)
	got "$n" "cycle $i: no frame went out of $type port vl" || return 1
	busywait "$WAIT_MS" stat_ge "$NSW" vl rx_packets 1 >/dev/null
	check_err $? "cycle $i: no frame came in on $type port vl" || return 1
	victim=$( ((i % 4 < 2)) && echo vl || echo vlp)
	ip -n "$NSW" link del "$victim"
	check_err $? "cycle $i: ip link del $victim failed" || return 1
	busywait "$WAIT_MS" port_gone "$NSW" vl
	check_err $? "cycle $i: $type port vl still listed after deleting $victim"
}

lower_device_delete()
{
	RET=0
	run_kind lower-device lower_cycle
	log_test "lower device deleted under traffic (${NCYC[lower-device]} cycles)"
}

# vic_del I NS PORT: once a frame went out of PORT (in NS), delete $VIC.
vic_del()
{
	local i=$1 n

	n=$(carried "$2" "$3")
	got "$n" "cycle $i: no frame went out of $3" || return 1
	ip netns del "$VIC"
	check_err $? "cycle $i: ip netns del $VIC failed" || return 1
	VIC=
}

netns_cycle()
{
	local i=$1

	VIC=vic-$$
	ip netns add "$VIC" && ns_quiet "$VIC"
	check_err $? "cycle $i: cannot make namespace $VIC" || return 1
	if ((i % 2)); then
		# The peer of a port of sw in $VIC.
		ip -n "$NSW" link add vn type veth peer name e0 netns "$VIC" &&
			ip -n "$VIC" link set e0 up && ip -n "$NSW" link set vn up &&
			ip -n "$NSW" link set vn master sw
		check_err $? "cycle $i: cannot make port vn" || return 1
		vic_del "$i" "$NSW" vn || return 1
		busywait "$WAIT_MS" port_gone "$NSW" vn
		check_err $? "cycle $i: port vn still listed after its peer's namespace went"
		return
	fi
	# A whole switch in $VIC: ports pv and qv (peers fv, gv in $NSW), an
	# internal port and a stateful ACL.
	ip -n "$VIC" link add swv type xswitch && ip -n "$VIC" link set swv up &&
		ip -n "$NSW" link add fv type veth peer name pv netns "$VIC" &&
		ip -n "$NSW" link add gv type veth peer name qv netns "$VIC" &&
		ip -n "$NSW" link set fv up && ip -n "$NSW" link set gv up &&
		ip -n "$VIC" link set pv up && ip -n "$VIC" link set qv up &&
		ip -n "$VIC" link set pv master swv &&
		ip -n "$VIC" link set qv master swv &&
		"$XSW" -n "$VIC" port add swv name iv type internal &&
		ip -n "$VIC" link set iv up &&
		"$XSW" -n "$VIC" acl replace dev pv dir in default deny -batch "$TMPD/rules.0"
	check_err $? "cycle $i: cannot make switch swv in $VIC" || return 1
	vic_del "$i" "$VIC" qv || return 1
	busywait "$WAIT_MS" link_gone "$NSW" fv && busywait "$WAIT_MS" link_gone "$NSW" gv
	check_err $? "cycle $i: fv or gv still there after swv's namespace went"
}

netns_delete()
{
	RET=0
	run_kind netns netns_cycle
	log_test "namespace holding ports or a switch deleted under traffic (${NCYC[netns]} cycles)"
}

ext_cycle()
{
	local i=$1 e left how opts

	for e in $EXTS; do
		opts=()
		[ "$e" = sample ] && opts=(rate 10)
		x ext attach sw "$e" "${opts[@]}"
		check_err $? "cycle $i: xsw ext attach sw $e failed" || return 1
	done
	busywait "$WAIT_MS" exts_carried
	check_err $? "cycle $i: a frame did not go through each extension" || return 1
	FRAMES=$((FRAMES + 3))
	case $((i % 3)) in
	0)	how=detached
		for e in $EXTS; do
			x ext detach sw "$e"
			check_err $? "cycle $i: xsw ext detach sw $e failed" || return 1
		done ;;
	1)	how="rmmod-ed while attached"
		rmmod xsw_example xsw_vepa xsw_sample
		check_err $? "cycle $i: rmmod of the attached extensions failed" || return 1 ;;
	2)	how="detached (vepa) and rmmod-ed"
		x ext detach sw vepa && rmmod xsw_sample xsw_example
		check_err $? "cycle $i: detach vepa, rmmod sample and example failed" || return 1 ;;
	esac
	left=$(att_names "$NSW" sw | xargs)
	[ -z "$left" ]
	check_err $? "cycle $i: still attached after they were $how: $left" || return 1
	if ((i % 3)); then
		for e in xsw_example xsw_sample; do
			! mod_loaded "$e"
			check_err $? "cycle $i: $e still loaded after rmmod" || return 1
		done
	fi
}

extension_churn()
{
	RET=0
	run_kind extension ext_cycle
	log_test "extensions attached, detached, rmmod-ed under traffic (${NCYC[extension]} cycles)"
}

switch_cycle()
{
	local i=$1 n

	if ((i % 2)); then
		x ext attach sw example
		check_err $? "cycle $i: cannot attach example" || return 1
	fi
	n=$(carried "$NSW" vcfg icfg)
	got "$n" "cycle $i: no frame went through sw" || return 1
	ip -n "$NSW" link del sw
	check_err $? "cycle $i: ip link del sw failed" || return 1
	link_gone "$NSW" sw && link_gone "$NSW" icfg
	check_err $? "cycle $i: sw or its internal port icfg still there" || return 1
	no_master "$NSW" vsrc && no_master "$NSW" vcfg
	check_err $? "cycle $i: vsrc or vcfg still has a master" || return 1
	sw_create
	check_err $? "cycle $i: cannot make sw again"
}

switch_delete()
{
	RET=0
	run_kind switch switch_cycle
	log_test "switch deleted under traffic (${NCYC[switch]} cycles)"
}

module_cycle()
{
	local i=$1 n m

	x ext attach sw example && x ext attach sw sample rate 10
	check_err $? "cycle $i: cannot attach example and sample" || return 1
	n=$(carried "$NSW" vcfg icfg)
	got "$n" "cycle $i: no frame went through sw" || return 1
	for m in xsw_example xsw_vepa xsw_sample; do
		if mod_loaded "$m"; then
			rmmod "$m"
			check_err $? "cycle $i: rmmod $m (attached) failed" || return 1
		fi
	done
	# A dump in progress holds the module ("in use"): retry, bounded.
	busywait "$WAIT_MS" rmmod xswitch
	check_err $? "cycle $i: rmmod xswitch failed" || return 1
	# A configuration worker's next xsw may load xswitch again at once;
	# what must hold is that the switch went with the module.
	link_gone "$NSW" sw && link_gone "$NSW" icfg
	check_err $? "cycle $i: sw or icfg still there after rmmod xswitch" || return 1
	no_master "$NSW" vsrc && no_master "$NSW" vcfg
	check_err $? "cycle $i: vsrc or vcfg still has a master" || return 1
	modprobe xswitch
	check_err $? "cycle $i: modprobe xswitch failed" || return 1
	sw_create
	check_err $? "cycle $i: cannot make sw on the reloaded module" || return 1
	# The fresh switch forwards.
	n=$(carried "$NSW" vcfg)
	got "$n" "cycle $i: the switch on the reloaded module does not forward"
}

module_reload()
{
	RET=0
	run_kind module module_cycle
	bg_worker_done
	log_test "rmmod xswitch with switches, ports, extensions under traffic (${NCYC[module]} cycles)"
}

# config_concurrent: four processes, one per kind of cfg_cmd, each an
# "xsw -batch" of CFG_CYCLES commands, at once; every command must succeed
# (a batch stops at its first failure) and the last of each must show.
config_concurrent()
{
	local k pids=() got want i rc

	RET=0
	bg_worker_done
	klog_mark
	for k in acl port fdb qos; do
		for ((i = 1; i <= CFG_CYCLES; i++)); do
			cfg_cmd "$k" "$i"
		done >"$TMPD/batch.$k"
		timeout 3000 "$XSW" -n "$NSW" -batch "$TMPD/batch.$k" \
			>/dev/null 2>"$TMPD/batch.$k.err" &
		pids+=($!)
	done
	i=0
	for k in acl port fdb qos; do
		wait "${pids[$i]}"
		rc=$?
		i=$((i + 1))
		check_err "$rc" "$k: xsw -batch exit $rc: $(head -c 300 "$TMPD/batch.$k.err")"
	done
	[ "$RET" -eq 0 ] && NCYC[config]=$CFG_CYCLES

	want=$(grep -c . "$TMPD/rules.$((CFG_CYCLES % 2))")
	got=$(xsw_jq -n "$NSW" ".[] | select(.dir == \"$( ((CFG_CYCLES % 2)) && echo in || echo out)\") |
		.rules | length" acl show dev vcfg)
	[ "$got" = "$want" ]
	check_err $? "vcfg's ACL has $got rules after the last replace, expected $want"
	got=$(port_get "$NSW" vcfg '| "\(.dhcp_guard) \(.router_guard) \(.learn_limit)"')
	want="$( ((CFG_CYCLES % 2)) && echo true || echo false) $( ((CFG_CYCLES % 3)) && echo true || echo false) $((100 + CFG_CYCLES % 50))"
	[ "$got" = "$want" ]
	check_err $? "vcfg: guards and learn limit '$got', expected '$want'"
	got=$(xsw_jq -n "$NSW" '.[0].max[] | select(.dir == "out") | .rate' qos show dev vcfg)
	want=$(((10 + CFG_CYCLES % 90) * 1000000))
	[ "$got" = "$want" ]
	check_err $? "vcfg's rate limit out is '$got', expected $want (the last set)"
	out=$(klog_clean)
	check_err $? "kernel log: $out"

	log_test "ACL replace, port set, FDB flush, QoS set from 4 processes at once ($CFG_CYCLES each)"
}

# flood_sent: what flood.py last said it sent, if more than 0.
flood_sent()
{
	local n

	n=$(awk '{ print $2 }' "$TMPD/flood" 2>/dev/null)
	echo "${n:-0}"
	[ "${n:-0}" -gt 0 ]
}

traffic_flowed()
{
	local sent k

	RET=0
	kill -0 "$FLOOD_PID" 2>/dev/null
	check_err $? "flood.py died: $(head -c 300 "$TMPD/flood.err")"
	busywait "$WAIT_MS" flood_sent >/dev/null
	check_err $? "flood.py sent nothing"
	sent=$(flood_sent)
	log_info "flood.py sent ${sent:-0} frames"
	for k in lower-device netns extension switch module config; do
		log_info "cycles: $k ${NCYC[$k]:-0}"
	done
	log_test "frames flowed all along (flood.py sent ${sent:-0})"
}

l2_require
require_cmd python3 modprobe rmmod
setup || exit "$ksft_fail"
log_info "$CYCLES cycles of each kind (XSW_RACE_CYCLES), $CFG_CYCLES of config, time cap ${TIME_CAP}s per kind"
bg_worker_start
tests_run
exit "$EXIT_STATUS"
