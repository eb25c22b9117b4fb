# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Helpers for the port QoS selftests (qos.sh, qos_rate.sh, qos_min.sh),
# sourced after lib.sh and lib/l2.sh:
#
#	source "$(dirname "$0")/lib.sh"
#	source "$(dirname "$0")/lib/l2.sh"
#	source "$(dirname "$0")/lib/qos.sh"
#
# Traffic is iperf3, a server in one namespace and a client in another.
# Rates are measured over a window of QOS_WINDOW seconds that starts
# QOS_SKIP seconds into a run of QOS_SKIP + QOS_WINDOW + 1 seconds, so that
# neither the policer's initial burst nor TCP's slow start nor the last
# moments of the run are in it.  "Into" counts from the first frame.
#
# qos_rate.sh and qos_min.sh measure rates against the guest's clock, and
# are meant for a guest under QEMU -icount shift=0,sleep=off with one vCPU
# (selftests/settings "icount=", run by scripts/check.sh in a boot of its
# own): there the guest's time is its instruction count, whatever else the
# host is doing, so the figures repeat from run to run.  There, too, the
# guest's clock races while it waits for the host (a program read from the
# 9p share): nothing here counts on guest seconds passing at the host's
# pace outside the measurement windows, where nothing is read from 9p.

# shellcheck disable=SC2034  # variables are for the sourcing scripts

QOS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
: "${QOS_SKIP:=2}"
: "${QOS_WINDOW:=10}"

# qos_require: what the rate tests need besides l2_require's.
qos_require()
{
	require_cmd iperf3 tc awk
}

# qos_run NS ARGS...: xsw_run -n NS qos ARGS (sets out, err, rc).
qos_run()
{
	local ns=$1; shift

	xsw_run -n "$ns" qos "$@"
}

# qos_show NS [ARGS...]: "xsw -n NS -j qos show ARGS", normalised (keys
# sorted) so that two can be compared as strings; fails if xsw fails.
qos_show()
{
	local ns=$1; shift

	xsw_json -n "$ns" qos show "$@" | jq -S -c .
}

# qos_clock_note: say in the log whether the guest's clock looks like
# QEMU's instruction count: "sleep 1" then takes a host time that is not
# 1 s (the host's time is the mtime of a file written on the project's 9p
# share).  Only informative: under -icount sleep=on, an idle guest's clock
# follows the host's.
qos_clock_note()
{
	local f t0 t1

	[ -n "${XSW_PROJ:-}" ] && [ -d "$XSW_PROJ/build" ] || return 0
	f=$XSW_PROJ/build/.qos-clock.$$
	echo 0 >"$f" && t0=$(stat -c %.3Y "$f") || return 0
	sleep 1
	echo 1 >"$f" && t1=$(stat -c %.3Y "$f")
	rm -f "$f"
	log_info "clock: 'sleep 1' took $(awk -v a="$t0" -v b="$t1" \
		'BEGIN { printf "%.2f", b - a }')s of host time;" \
		"$(grep -c ^processor /proc/cpuinfo) CPU(s)"
}

# iperf_server NS PORT LOG: an iperf3 server in NS for one test, its JSON
# report in LOG; waits until it listens.
iperf_server()
{
	local ns=$1 port=$2 log=$3 i

	ip netns exec "$ns" iperf3 -s -1 -p "$port" -J --logfile "$log" \
		</dev/null >/dev/null 2>&1 &
	# Counted in tries, not seconds: see sample_counters.
	for ((i = 0; i < 300; i++)); do
		ip netns exec "$ns" ss -Hltn "sport = :$port" | grep -q . && return 0
		sleep 0.1
	done
	echo "iperf3 server in $ns on port $port did not start" >&2
	return 1
}

# iperf_client NS DST PORT LOG [IPERF ARGS...]: an iperf3 client in NS,
# in the background, for QOS_SKIP + QOS_WINDOW + 1 seconds; JSON in LOG.
iperf_client()
{
	local ns=$1 dst=$2 port=$3 log=$4; shift 4

	ip netns exec "$ns" iperf3 -c "$dst" -p "$port" -J \
		-t $((QOS_SKIP + QOS_WINDOW + 1)) "$@" </dev/null >"$log" 2>&1 &
}

# sample_counters NS FILE...: wait for the first counter FILE (a
# /sys/class/net/DEV/statistics file in NS) to move - the traffic has
# begun - then QOS_SKIP seconds; read each counter, sleep QOS_WINDOW
# seconds, read them again; prints the seconds between the two reads, then
# each counter's increase.  One process, started before the traffic, so
# that the window is the interval between two clock reads next to the
# counter reads, placed by the traffic rather than by when programs
# started (which, read from the host's 9p share, takes a guest under
# -icount sleep=off any guest time).
sample_counters()
{
	local ns=$1; shift

	ip netns exec "$ns" python3 -I -S -c '
import sys, time
def rd():
    return [int(open(f).read()) for f in sys.argv[3:]]
first = rd()[0]
while rd()[0] == first:
    time.sleep(0.01)
time.sleep(float(sys.argv[1]))
t0 = time.monotonic(); v0 = rd()
time.sleep(float(sys.argv[2]))
t1 = time.monotonic(); v1 = rd()
print("%.6f" % (t1 - t0), *[b - a for a, b in zip(v0, v1)])
' "$QOS_SKIP" "$QOS_WINDOW" "$@"
}

# bps BYTES SECS: the rate in bits/s, an integer.
bps()
{
	awk -v b="$1" -v s="$2" 'BEGIN { printf "%.0f", b * 8 / s }'
}

# ratio A B: A / B to four places.
ratio()
{
	awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", b ? a / b : 0 }'
}

# within VALUE EXPECTED PCT: VALUE is within +-PCT percent of EXPECTED.
within()
{
	awk -v v="$1" -v e="$2" -v p="$3" \
		'BEGIN { exit !(v >= e * (1 - p / 100) && v <= e * (1 + p / 100)) }'
}

# mbit BPS: BPS in Mbit/s, for messages.
mbit()
{
	awk -v b="$1" 'BEGIN { printf "%.3f Mbit/s", b / 1e6 }'
}

# iperf_window_bytes LOG: from an iperf3 server's JSON report, the bytes
# received in the intervals that lie within [QOS_SKIP, QOS_SKIP +
# QOS_WINDOW] seconds of its test, and the seconds they cover.
iperf_window_bytes()
{
	jq -r --argjson lo "$QOS_SKIP" --argjson hi $((QOS_SKIP + QOS_WINDOW)) '
		[.intervals[].sum | select(.start >= $lo - 0.05 and .end <= $hi + 0.05)]
		| "\(map(.bytes) | add // 0) \(map(.seconds) | add // 0)"' "$1"
}
