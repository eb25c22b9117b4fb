#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Runs the xswitch selftests, inside the scripts/vm-run guest:
#
#	scripts/vm-run selftests/run.sh [TEST...]
#	scripts/vm-run selftests/run.sh --icount [TEST...]
#	VM_KERNEL=debug scripts/vm-run selftests/run.sh --debug [TEST...]
#	VM_KERNEL=debug scripts/vm-run selftests/run.sh --all
#
# Runs every selftests/*.sh except lib.sh, run.sh and demo.sh and the
# tests that "icount=" and "debug=" in selftests/settings list (or just the
# TESTs named, with or without .sh, whatever the list; with --icount or
# --debug and no TEST the listed ones; with --all all but the icount ones),
# each under a timeout, and prints kselftest TAP with
# each test's output indented as "# " lines.  The listed tests measure
# rates against the guest's clock: scripts/check.sh runs them with
# --icount in a guest of their own under QEMU -icount shift=0,sleep=off,
# one vCPU; --icount also runs each test without a timeout (the guest's
# clock races ahead while it waits for the host) and prints its output
# when it ends.  The "debug=" tests run (in scripts/check.sh) in a guest
# of the debug kernel (scripts/debug-kernel.sh: KASAN, lockdep, kmemleak,
# fault injection); --debug and --all change only which tests run.  Then:
#   "rmmod xswitch"     unloads every loaded xsw_* extension module and
#                       xswitch itself; a failed rmmod fails this test;
#   "kmemleak clean"    with kmemleak (the debug kernel) only: two scans
#                       once the last objects are old enough to be
#                       reported, and no suspected leak (boot's own are
#                       cleared before the first test);
#   "kernel log clean"  fails if dmesg has any line matching
#                       scripts/vm/kernel-log-patterns (WARNING, BUG, Oops,
#                       refcount, unregister_netdevice: waiting, ...).
# Finally prints "passed=N failed=N skipped=N" and writes it to
# build/vm/selftests.result (SELFTESTS_RESULT overrides) for the host.
# Each test's full output is kept in build/vm/selftests/NAME.log.
#
# Per-test timeout: KSFT_TIMEOUT, else "timeout=N" in selftests/settings (as
# in the kernel's kselftest), else 600 s (TCG is slow); none with --icount.
# Exit status: 0 when nothing failed, 1 otherwise.

set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJ=$(cd "$HERE/.." && pwd)
RESULT=${SELFTESTS_RESULT:-$PROJ/build/vm/selftests.result}
LOGDIR=${SELFTESTS_LOGDIR:-$PROJ/build/vm/selftests}
PATTERNS=$PROJ/scripts/vm/kernel-log-patterns

TIMEOUT=600
ICOUNT_TESTS=
DEBUG_TESTS=
if [ -r "$HERE/settings" ]; then
	t=$(sed -n 's/^timeout=\([0-9][0-9]*\)$/\1/p' "$HERE/settings" | tail -n1)
	[ -n "$t" ] && TIMEOUT=$t
	ICOUNT_TESTS=$(sed -n 's/^icount=//p' "$HERE/settings" | tail -n1)
	DEBUG_TESTS=$(sed -n 's/^debug=//p' "$HERE/settings" | tail -n1)
fi
TIMEOUT=${KSFT_TIMEOUT:-$TIMEOUT}

ICOUNT=0
LIST=default
case "${1:-}" in
--icount) ICOUNT=1; LIST=icount; shift ;;
--debug) LIST=debug; shift ;;
--all) LIST=all; shift ;;
esac
KMEMLEAK=/sys/kernel/debug/kmemleak
[ -w "$KMEMLEAK" ] || KMEMLEAK=

mkdir -p "$(dirname "$RESULT")" "$LOGDIR"
rm -f "$RESULT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/xsw-selftests.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if [ -z "${XSW_VM:-}" ]; then
	echo "# warning: not inside scripts/vm-run (XSW_VM unset); run as: scripts/vm-run selftests/run.sh" >&2
fi

# The tests to run.
tests=()
if [ $# -gt 0 ]; then
	for t in "$@"; do
		t=${t##*/}
		tests+=("${t%.sh}")
	done
elif [ "$LIST" = icount ]; then
	read -ra tests <<<"$ICOUNT_TESTS"
elif [ "$LIST" = debug ]; then
	read -ra tests <<<"$DEBUG_TESTS"
else
	for f in "$HERE"/*.sh; do
		t=${f##*/}
		t=${t%.sh}
		case "$t" in
		lib|run|demo) ;;
		*)	[[ " $ICOUNT_TESTS " == *" $t "* ]] && continue
			[ "$LIST" = default ] && [[ " $DEBUG_TESTS " == *" $t "* ]] && continue
			tests+=("$t") ;;
		esac
	done
fi

passed=0
failed=0
skipped=0
num=0

pass() { passed=$((passed + 1)); echo "ok $num $1"; }
fail() { failed=$((failed + 1)); echo "not ok $num $1${2:+ # $2}"; }
skip() { skipped=$((skipped + 1)); echo "ok $num $1 # SKIP${2:+ $2}"; }
indent() { sed -u 's/^/# /'; }

echo "TAP version 13"
echo "1..$((${#tests[@]} + ${KMEMLEAK:+1} + 2))"

# Suspects from before the tests (the boot's) are not theirs: report them
# now, then mark them as seen.
if [ -n "$KMEMLEAK" ]; then
	echo scan >"$KMEMLEAK" && echo clear >"$KMEMLEAK" ||
		echo "# warning: cannot scan and clear $KMEMLEAK"
fi

for t in "${tests[@]}"; do
	num=$((num + 1))
	f=$HERE/$t.sh
	echo "# selftests: xswitch: $t"
	if [ ! -f "$f" ]; then
		fail "$t" "no such test $f"
		continue
	fi
	log=$WORK/$t.log
	: >"$log"
	start=$SECONDS
	# The test runs in its own directory, as kselftest does; output goes to
	# a file that tail streams, so a daemon the test leaves behind holding
	# the output open cannot hang the runner.
	if [ "$ICOUNT" = 1 ]; then
		# Under QEMU -icount sleep=off an idle guest's clock jumps to
		# its next timer, also while it waits for the host's 9p share:
		# guest seconds then pass far faster than the host's, so no
		# timeout in them (scripts/vm-run's --timeout, in host seconds,
		# bounds the run) and no polling tail, whose every wake-up
		# would be a timer to jump to.
		(cd "$HERE" && exec bash "./$t.sh") </dev/null >"$log" 2>&1 &
		pid=$!
		wait "$pid"
		rc=$?
		indent <"$log"
	else
		(cd "$HERE" && exec timeout --kill-after=10 "$TIMEOUT" bash "./$t.sh") \
			</dev/null >"$log" 2>&1 &
		pid=$!
		tail -n +1 -s 0.2 --pid="$pid" -f "$log" | indent
		wait "$pid"
		rc=$?
	fi
	cp "$log" "$LOGDIR/$t.log" 2>/dev/null
	echo "# $t: $((SECONDS - start))s, exit status $rc"
	case $rc in
	0) pass "$t" ;;
	4) skip "$t" ;;
	124|137) fail "$t" "TIMEOUT ${TIMEOUT}s" ;;
	*) fail "$t" "exit=$rc" ;;
	esac
done

# Unload the modules: extensions (xsw_*) first, in whatever order their
# dependencies allow, then xswitch.  Devices and namespaces a test leaked
# must not keep the module pinned; give deferred cleanup (netns teardown,
# RCU) time though: up to 2 minutes, for a loaded host.
num=$((num + 1))
loaded() { awk -v re="$1" '$1 ~ re { print $1 }' /proc/modules; }
if [ -z "$(loaded '^(xswitch|xsw_.*)$')" ]; then
	skip "rmmod xswitch" "xswitch not loaded"
else
	errs=$WORK/rmmod.err
	: >"$errs"
	deadline=$((SECONDS + 120))
	while :; do
		left=$(loaded '^xsw_')
		[ -z "$left" ] && break
		for m in $left; do
			rmmod "$m" 2>>"$errs"
		done
		[ -z "$(loaded '^xsw_')" ] && break
		[ $SECONDS -ge $deadline ] && break
		sleep 1
	done
	while [ -n "$(loaded '^xswitch$')" ] && [ -z "$(loaded '^xsw_')" ]; do
		rmmod xswitch 2>>"$errs" && break
		[ $SECONDS -ge $deadline ] && break
		sleep 1
	done
	still=$(loaded '^(xswitch|xsw_.*)$' | tr '\n' ' ')
	if [ -n "$still" ]; then
		echo "# still loaded: $still"
		sort -u "$errs" | indent
		grep -E '^(xswitch|xsw_)' /proc/modules | indent
		fail "rmmod xswitch"
	else
		pass "rmmod xswitch"
	fi
fi

# Leaks, after the unload so that what the modules left behind counts too.
# kmemleak reports an object only when it is older than 5 s (its
# jiffies_min_age) and unchanged since the scan before (its checksum), so:
# wait until the newest object is 5 s old by the guest's clock, then scan
# twice.  A scan is synchronous when written.
if [ -n "$KMEMLEAK" ]; then
	num=$((num + 1))
	uptime_cs() { local up; read -r up _ </proc/uptime; echo "${up/./}"; }
	ripe=$(($(uptime_cs) + 550))
	while [ "$(uptime_cs)" -lt "$ripe" ]; do sleep 0.5; done
	if ! { echo scan >"$KMEMLEAK" && echo scan >"$KMEMLEAK"; }; then
		fail "kmemleak clean" "cannot scan"
	elif ! cat "$KMEMLEAK" >"$WORK/kmemleak"; then
		fail "kmemleak clean" "cannot read $KMEMLEAK"
	elif [ -s "$WORK/kmemleak" ]; then
		echo "# kmemleak: $(grep -c '^unreferenced object' "$WORK/kmemleak") suspected leaks:"
		head -n 100 "$WORK/kmemleak" | indent
		cp "$WORK/kmemleak" "$LOGDIR/kmemleak.log" 2>/dev/null
		fail "kmemleak clean"
	else
		pass "kmemleak clean"
	fi
fi

# The kernel log, after the unload so leaks reported then count too.
num=$((num + 1))
if [ ! -r "$PATTERNS" ]; then
	fail "kernel log clean" "no $PATTERNS"
elif ! dmesg >"$WORK/dmesg" 2>&1; then
	indent <"$WORK/dmesg"
	fail "kernel log clean" "cannot read dmesg"
elif grep -E -f <(grep -Ev '^(#|$)' "$PATTERNS") "$WORK/dmesg" >"$WORK/bad"; then
	echo "# kernel log has $(wc -l <"$WORK/bad") suspicious lines:"
	head -n 50 "$WORK/bad" | indent
	# Some context for the first one.
	first=$(grep -nE -f <(grep -Ev '^(#|$)' "$PATTERNS") "$WORK/dmesg" | head -n1 | cut -d: -f1)
	echo "# context:"
	sed -n "$((first > 3 ? first - 3 : 1)),$((first + 30))p" "$WORK/dmesg" | indent
	fail "kernel log clean"
else
	pass "kernel log clean"
fi

summary="passed=$passed failed=$failed skipped=$skipped"
echo "# Totals: pass:$passed fail:$failed xfail:0 xpass:0 skip:$skipped error:0"
echo "$summary"
echo "$summary" >"$RESULT"
[ "$failed" -eq 0 ]
