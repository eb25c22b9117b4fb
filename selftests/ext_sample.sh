#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The "sample" capture extension (kmod/ext/xsw_sample.c): sFlow-style
# sampling of 1 in "rate" frames to a psample group, read by "xsw sample"
# and by any other psample consumer.  Checked: every field of a sample
# (group, seq counting up by one, rate, origsize, length, in and out port);
# rate 1 samples every frame and rate 10 about one in ten; egress sampling
# names the out port; "xsw sample write" makes a pcap tcpdump reads;
# "trunc" cuts the copied bytes; an independent psample listener
# (lib/psample_listen.py) sees the same samples as xsw; nothing is
# sampled once the extension is detached; a switch with sample attached
# cannot be moved to another namespace, and goes with its own.
#
#  +- $NS_A ------+  +- $NS_B ------+
#  | e0 $MAC_A    |  | e0 $MAC_B    |
#  | sends frames |  | sends the    |
#  | of 0x88b5    |  | end markers  |
#  +------|-------+  +------|-------+
#         | veth            | veth
#  +------|-----------------|-------------- $NS_SW ----------------+
#  |     vA                vB                                      |
#  |      +------- sw0 ----+   sample -> psample group $GROUP ->   |
#  |                            xsw sample, psample_listen.py      |
#  +---------------------------------------------------------------+
#
# The listeners run in $NS_SW, the switch's namespace, where the samples
# go.  A listener is known to be ready when its netlink socket shows the
# psample "packets" group in /proc/net/netlink, and to have read all that
# was sent when its receive queue there is empty; so no test sleeps for a
# fixed time.  Sample lists are read from "xsw -j sample" with jq.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	sample_fields
	sample_rate
	sample_egress
	sample_write_pcap
	psample_consumer
	sample_detached
	sample_switch_stays
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"
# shellcheck source=lib/ext.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/ext.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
IP_A=10.0.0.1
IP_B=10.0.0.2
GROUP=7
LISTEN=$(dirname "$0")/lib/psample_listen.py

setup()
{
	setup_ns NS_SW NS_A NS_B || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" "$IP_A/24" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" || return
	ip -n "$NS_SW" link set vA master sw0 || return
	ip -n "$NS_SW" link set vB master sw0 || return
	neigh "$NS_A" "$IP_B" "$MAC_B" && neigh "$NS_B" "$IP_A" "$MAC_A" || return
	ping_ok "$NS_A" "$IP_B" || return	# A <-> B is known unicast
	modprobe -a psample xsw_sample || return
	IFINDEX_A=$(link_get "$NS_SW" vA .ifindex)
	IFINDEX_B=$(link_get "$NS_SW" vB .ifindex)
	# psample's "packets" group: a bit of the Groups column of
	# /proc/net/netlink when its id is 1..32.
	PSAMPLE_GRP=$(ip netns exec "$NS_SW" python3 "$LISTEN" --group-id) || return
}

# sample_set OPTION VALUE...: attach "sample" to sw0, or set it, with
# these options.
sample_set()
{
	if [ "$(att_count "$NS_SW" sw0 sample)" = 0 ]; then
		xsw_run -n "$NS_SW" ext attach sw0 sample "$@"
	else
		xsw_run -n "$NS_SW" ext set sw0 sample "$@"
	fi
	[ "$rc" -eq 0 ] || echo "xsw ext attach/set sw0 sample $*: $err" >&2
	return "$rc"
}

# send_a N: N frames of ethertype $ETH_TEST from A to B (one process).
send_a()
{
	send "$NS_A" e0 -c "$1" --src "$MAC_A" --dst "$MAC_B" raw "$ETH_TEST"
}

# send_b: one frame from B to A, the end marker.
send_b()
{
	send "$NS_B" e0 --src "$MAC_B" --dst "$MAC_A" raw "$ETH_TEST"
}

# nl_socks PID: "groups rmem" of each of PID's generic netlink sockets in
# $NS_SW, from /proc/net/netlink.
nl_socks()
{
	local inodes

	inodes=$(find "/proc/$1/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null |
		tr -dc '0-9\n' | xargs)
	[ -n "$inodes" ] || return 1
	# shellcheck disable=SC2016  # awk's $N
	ip netns exec "$NS_SW" awk -v inodes=" $inodes " \
		'$2 == 16 && index(inodes, " " $10 " ") { print $4, $5 }' /proc/net/netlink
}

# psample_sock PID: "rmem" of PID's socket that joined the psample
# "packets" group; fails while there is none.
psample_sock()
{
	local groups rmem

	while read -r groups rmem; do
		if (((16#$groups >> (PSAMPLE_GRP - 1)) & 1)); then
			echo "$rmem"
			return 0
		fi
	done < <(nl_socks "$1")
	return 1
}

# listening PID: PID joined the psample group.
listening()
{
	psample_sock "$1" >/dev/null
}

# drained PID: PID has read everything the psample group sent it so far.
drained()
{
	[ "$(psample_sock "$1")" = 0 ]
}

gone()
{
	! kill -0 "$1" 2>/dev/null
}

# xsw_sample_start FILE ARGS...: "xsw -j sample ARGS" in $NS_SW, stdout to
# FILE; returns once it listens.  Sets XS_PID.
xsw_sample_start()
{
	local js=$1; shift

	if [ "$PSAMPLE_GRP" -lt 1 ] || [ "$PSAMPLE_GRP" -gt 32 ]; then
		echo "psample group id $PSAMPLE_GRP: cannot see who listens" >&2
		return 1
	fi
	ip netns exec "$NS_SW" "$XSW" -j sample "$@" >"$js" 2>"$js.err" &
	XS_PID=$!
	defer "kill $XS_PID 2>/dev/null"
	busywait 30000 listening "$XS_PID"
}

# xsw_sample_wait FILE [nojson]: wait (up to 2 min) for the xsw sample
# started by xsw_sample_start to exit, and check its status and JSON.
xsw_sample_wait()
{
	local js=$1 nojson=${2:-} status=0

	busywait 120000 gone "$XS_PID" || {
		echo "xsw sample did not exit" >&2
		kill "$XS_PID"
	}
	wait "$XS_PID" || status=$?
	if [ "$status" -ne 0 ]; then
		echo "xsw sample: exit $status, stderr '$(cat "$js.err")'" >&2
		return 1
	fi
	if [ -z "$nojson" ] && ! jq -e 'type == "array"' "$js" >/dev/null 2>&1; then
		echo "xsw -j sample printed no JSON array: '$(head -c 200 "$js")'" >&2
		return 1
	fi
}

# xsw_sample_n FILE N [MORE]: "xsw -j sample group $GROUP count N", JSON
# to FILE, while A sends N frames; it must print N samples (MORE ends the
# message if not, e.g. " at rate 1").
xsw_sample_n()
{
	local js=$1 count=$2 n

	xsw_sample_start "$js" group "$GROUP" count "$count" timeout 120
	check_err $? "xsw sample did not start listening"
	send_a "$count"
	xsw_sample_wait "$js"
	check_err $? "xsw -j sample group $GROUP count $count"

	n=$(jq length "$js")
	[ "$n" = "$count" ]
	check_err $? "xsw sample printed $n samples of $count frames${3:-}"
}

# psl_start FILE [COUNT]: lib/psample_listen.py in $NS_SW, JSON lines to
# FILE; returns once it listens.  Sets PSL_PID.
psl_start()
{
	local file=$1 count=${2:-0}

	rm -f "$file.ready"
	ip netns exec "$NS_SW" python3 "$LISTEN" "$file.ready" 300 "$count" >"$file" 2>&1 &
	PSL_PID=$!
	defer "kill $PSL_PID 2>/dev/null"
	busywait 30000 test -e "$file.ready"
}

# psl_has FILE FILTER: the listener printed a sample matching jq FILTER.
psl_has()
{
	jq -se "any(.[]; $2)" "$1" >/dev/null 2>&1
}

# seq_steps JSON: "ok" when each sample's seq is the one before's + 1.
seq_steps()
{
	jq -r '[.[].seq] as $s | if all(range(1; $s | length); $s[.] == $s[. - 1] + 1)
		then "ok" else "seq: \($s | tostring)" end'
}

sample_fields()
{
	local js=$TMPD/fields.json n bad

	RET=0
	ext_detach_all "$NS_SW" sw0
	sample_set rate 1 group "$GROUP"
	check_err $? "cannot attach sample rate 1 group $GROUP"
	xsw_sample_n "$js" 10 " at rate 1"
	bad=$(jq -c --argjson g "$GROUP" --argjson i "$IFINDEX_A" '[.[] | select(
		.group != $g or .rate != 1 or .origsize != 60 or .len != 60 or
		.in_ifindex != $i or .in_dev != "vA" or (.out_ifindex // 0) != 0)] |
		first // empty' "$js")
	[ -z "$bad" ]
	check_err $? "a sample is not {group $GROUP, rate 1, origsize 60, len 60, in vA ($IFINDEX_A), no out port}: $bad"
	n=$(seq_steps <"$js")
	[ "$n" = ok ]
	check_err $? "sequence numbers do not count up by one: $n"

	log_test "rate 1: every frame sampled, with its group, seq, size and port"
}

# ingress_is N: sample's ingress counter on sw0 is N.
ingress_is()
{
	[ "$(ext_stat "$NS_SW" sw0 sample ingress)" = "$1" ]
}

sample_rate()
{
	local js=$TMPD/rate.json psl=$TMPD/rate.psl i0 i1 frames n m verdict

	RET=0
	ext_detach_all "$NS_SW" sw0
	sample_set rate 10 group "$GROUP"
	check_err $? "cannot attach sample rate 10 group $GROUP"
	psl_start "$psl"
	check_err $? "psample_listen.py did not start"
	xsw_sample_start "$js" group "$GROUP" timeout 600
	check_err $? "xsw sample did not start listening"

	i0=$(ext_stat "$NS_SW" sw0 sample ingress)
	send_a 2000
	# All of A's frames through the switch (or, if some were lost on the
	# way in, as many as got there) before the rate changes.
	busywait 30000 ingress_is $((i0 + 2000)) >/dev/null
	i1=$(ext_stat "$NS_SW" sw0 sample ingress)
	frames=$((i1 - i0))
	# The end marker: at rate 1, B's frame is sampled for sure, after all
	# of A's; once a listener has it and has read everything, stop xsw.
	sample_set rate 1
	send_b
	busywait 30000 psl_has "$psl" ".in_ifindex == $IFINDEX_B"
	check_err $? "psample_listen.py did not get the end marker"
	busywait 30000 drained "$XS_PID"
	check_err $? "xsw sample did not read all the samples"
	kill -INT "$XS_PID"
	xsw_sample_wait "$js"
	check_err $? "xsw -j sample group $GROUP, stopped with SIGINT"

	n=$(jq --argjson i "$IFINDEX_A" '[.[] | select(.in_ifindex == $i)] | length' "$js")
	m=$(jq -s --argjson i "$IFINDEX_A" '[.[] | select(.in_ifindex == $i)] | length' "$psl")
	# Each frame is sampled with probability 1/10: a binomial count, mean
	# N/10, sigma sqrt(N * 0.1 * 0.9); for N = 2000 that is 200 +- 13.4.
	# Allow 5 sigma (+-67): a correct sampler fails this once in ~1.7
	# million runs; a rate of 1/9 (mean 222) or 1/11 (182) mostly passes,
	# but 1/8 (250) or a rate of 1 does not.
	verdict=$(awk -v n="$n" -v f="$frames" 'BEGIN {
		mean = f / 10; sigma = sqrt(f * 0.1 * 0.9)
		d = n - mean; if (d < 0) d = -d
		printf "%s %.0f +- %.1f", (f >= 1900 && d <= 5 * sigma) ? "ok" : "bad", mean, 5 * sigma }')
	[ "${verdict%% *}" = ok ]
	check_err $? "$n samples of $frames frames at rate 10; expected ${verdict#* } (5 sigma), of about 2000 frames"
	log_info "rate 10: $n samples of $frames frames"
	[ "$n" = "$m" ]
	check_err $? "xsw sample got $n samples of A's frames, psample_listen.py $m"
	n=$(jq -r '.[-1] | "\(.in_ifindex) \(.rate)"' "$js")
	[ "$n" = "$IFINDEX_B 1" ]
	check_err $? "the last sample is '$n', expected B's end marker at rate 1"
	n=$(jq '[.[] | select(.in_ifindex == '"$IFINDEX_A"' and .rate != 10)] | length' "$js")
	[ "$n" = 0 ]
	check_err $? "$n samples of A's frames do not say rate 10"
	n=$(seq_steps <"$js")
	[ "$n" = ok ]
	check_err $? "sequence numbers do not count up by one (a sample lost?): $n"
	kill "$PSL_PID" 2>/dev/null

	log_test "rate 10: about 1 in 10 of 2000 frames sampled (5 sigma)"
}

sample_egress()
{
	local js=$TMPD/egress.json bad

	RET=0
	ext_detach_all "$NS_SW" sw0
	sample_set rate 1 group "$GROUP" ingress off egress on
	check_err $? "cannot attach sample rate 1 ingress off egress on"
	xsw_sample_n "$js" 5
	bad=$(jq -c --argjson a "$IFINDEX_A" --argjson b "$IFINDEX_B" '[.[] | select(
		.out_ifindex != $b or .out_dev != "vB" or .in_ifindex != $a or
		.origsize != 60)] | first // empty' "$js")
	[ -z "$bad" ]
	check_err $? "an egress sample is not {in vA ($IFINDEX_A), out vB ($IFINDEX_B), origsize 60}: $bad"

	log_test "egress sampling: each sample names the port the frame leaves by"
}

sample_write_pcap()
{
	local js=$TMPD/write.out pcap=$TMPD/samples.pcap n

	RET=0
	ext_detach_all "$NS_SW" sw0
	sample_set rate 1 group "$GROUP"
	check_err $? "cannot attach sample rate 1 group $GROUP"
	rm -f "$pcap"
	xsw_sample_start "$js" group "$GROUP" count 4 timeout 120 write "$pcap"
	check_err $? "xsw sample did not start listening"
	send_a 4
	xsw_sample_wait "$js" nojson
	check_err $? "xsw sample group $GROUP count 4 write FILE"

	n=$(tcpdump --count -r "$pcap" 2>/dev/null | awk '{ print $1 }')
	[ "$n" = 4 ]
	check_err $? "tcpdump -r reads ${n:-no} packets from the file, expected 4"
	n=$(tcpdump --count -r "$pcap" "ether proto $ETH_TEST and ether src $MAC_A and ether dst $MAC_B" \
		2>/dev/null | awk '{ print $1 }')
	[ "$n" = 4 ]
	check_err $? "${n:-no} packets in the file are A's frames to B"

	log_test "xsw sample write FILE: a pcap that tcpdump reads"
}

psample_consumer()
{
	local psl=$TMPD/consumer.psl n bad

	RET=0
	ext_detach_all "$NS_SW" sw0
	sample_set rate 1 group "$GROUP"
	check_err $? "cannot attach sample rate 1 group $GROUP"
	psl_start "$psl" 20
	check_err $? "psample_listen.py did not start"
	send_a 20
	busywait 60000 gone "$PSL_PID"
	check_err $? "psample_listen.py did not get 20 samples: $(wc -l <"$psl") lines"
	wait "$PSL_PID"
	check_err $? "psample_listen.py failed: $(tail -n 1 "$psl")"

	n=$(jq -s length "$psl")
	[ "$n" = 20 ]
	check_err $? "psample_listen.py printed $n samples of 20 frames"
	bad=$(jq -sc --argjson g "$GROUP" --argjson i "$IFINDEX_A" --argjson t $((ETH_TEST)) \
		'[.[] | select(.group != $g or .rate != 1 or .origsize != 60 or
		.len != 60 or .in_ifindex != $i or .ethertype != $t)] | first // empty' "$psl")
	[ -z "$bad" ]
	check_err $? "a sample is not A's frame in full to group $GROUP: $bad"
	n=$(jq -s . "$psl" | seq_steps)
	[ "$n" = ok ]
	check_err $? "sequence numbers do not count up by one: $n"

	# trunc: the first bytes only, the size of the whole frame.
	sample_set trunc 32
	check_err $? "cannot set sample trunc 32"
	psl_start "$psl" 3
	check_err $? "psample_listen.py did not start"
	send_a 3
	busywait 60000 gone "$PSL_PID"
	check_err $? "psample_listen.py did not get 3 samples: $(wc -l <"$psl") lines"
	n=$(jq -sr '[.[] | "\(.len)/\(.origsize)/\(.ethertype)"] | unique | join(" ")' "$psl")
	[ "$n" = "32/60/$((ETH_TEST))" ]
	check_err $? "with trunc 32, len/origsize/ethertype of the samples: '$n'"

	log_test "a psample consumer of its own (psample_listen.py) gets the samples"
}

sample_detached()
{
	local psl=$TMPD/detached.psl n

	RET=0
	ext_detach_all "$NS_SW" sw0
	psl_start "$psl"
	check_err $? "psample_listen.py did not start"
	send_a 20
	sample_set rate 1 group "$GROUP"
	check_err $? "cannot attach sample again"
	send_b
	busywait 30000 psl_has "$psl" ".in_ifindex == $IFINDEX_B"
	check_err $? "psample_listen.py did not get the end marker"
	kill "$PSL_PID" 2>/dev/null
	n=$(jq -s --argjson i "$IFINDEX_A" '[.[] | select(.in_ifindex == $i)] | length' "$psl")
	[ "$n" = 0 ]
	check_err $? "$n of A's frames were sampled while sample was detached"

	ext_detach_all "$NS_SW" sw0
	log_test "nothing is sampled while the extension is detached"
}

# refcnt_is MODULE N: MODULE's reference count is N.
refcnt_is()
{
	[ "$(cat "/sys/module/$1/refcnt")" = "$2" ]
}

# A switch stays in the namespace it was made in (NETIF_F_NETNS_LOCAL, as a
# bridge): its attachments hold that namespace's psample group.  When it
# could move, deleting its first namespace left "sample" sending to a freed
# netns, and the next sample or detach oopsed in netlink_broadcast().
sample_switch_stays()
{
	local refs

	RET=0
	setup_ns NS_Q || return
	refs=$(cat /sys/module/xsw_sample/refcnt)
	ip -n "$NS_Q" link add swq type xswitch && ip -n "$NS_Q" link set swq up
	check_err $? "cannot make a switch in $NS_Q"
	xsw_run -n "$NS_Q" ext attach swq sample rate 1 group "$GROUP"
	check_err "$rc" "cannot attach sample to swq: $err"

	ip -n "$NS_Q" link set swq netns "$NS_SW" 2>/dev/null
	check_fail $? "the switch moved to another namespace"
	ip -n "$NS_Q" link show swq >/dev/null 2>&1 &&
		! ip -n "$NS_SW" link show swq >/dev/null 2>&1
	check_err $? "after the refused move, swq is not in $NS_Q alone"
	[ "$(att_count "$NS_Q" swq sample)" = 1 ]
	check_err $? "after the refused move, sample is not attached to swq"

	# The namespace takes its switch and the attachment with it.
	cleanup_ns "$NS_Q"
	busywait 60000 refcnt_is xsw_sample "$refs"
	check_err $? "deleting $NS_Q kept a reference to xsw_sample ($(cat /sys/module/xsw_sample/refcnt), was $refs)"

	log_test "a switch stays in its namespace, and goes with it"
}

l2_require
require_module psample xsw_sample
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
