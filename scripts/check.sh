#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What `make check` runs (and so CI, through .ci/run): on a Debian 12 machine
# as root, without a terminal,
#   1. scripts/deps.sh         install missing packages
#   2. make all                kmod/, lib/, tools/, then selftests/ext (the
#                              selftests' extension module, built out of
#                              tree); stops here on failure
#   2b. make -C lib test, make -C tools test
#                              the library's and xsw's host tests (no
#                              kernel: requests checked as built, replies
#                              faked): one test each
#   3. scripts/kunit.sh        KUnit suites under UML -> build/kunit/result
#   3b. scripts/lint.sh       checkpatch --strict and sparse: one test
#   4. scripts/vm-run selftests/run.sh
#                              selftests, "rmmod xswitch", "kernel log clean"
#                              in a guest -> build/vm/selftests.result;
#                              plus "guest console clean": the kernel console
#                              (build/vm/console.log, which survives a panic)
#                              matches none of scripts/vm/kernel-log-patterns
#   4b. the same for the selftests that measure rates ("icount=" in
#                              selftests/settings), in a second guest with
#                              one vCPU under QEMU -icount shift=0,sleep=off,
#                              where a guest second is always 10^9
#                              instructions however busy the host is
#                              -> build/vm/icount/ (selftests.result,
#                              console.log)
#   4c. the selftests that "debug=" in selftests/settings lists, in a third
#                              guest booted with the debug kernel (KASAN,
#                              lockdep, kmemleak, fault injection) that
#                              scripts/debug-kernel.sh builds first; with
#                              "kmemleak clean" -> build/vm/debug/
#   5. the totals, as the last line of output: "N passed, N failed, N skipped"
# Exit status 0 only when nothing failed and every stage ran.
#
# scripts/check.sh --debug ("make check-debug") runs stages 1, 2, KUnit with
# KASAN (in build/kunit/uml-kasan) and every selftest but the icount ones in
# the debug guest (4c); not lint, 4 or 4b.
#
# Environment: SKIP_KUNIT=1 / SKIP_SELFTESTS=1 / SKIP_ICOUNT_SELFTESTS=1 /
# SKIP_DEBUG_SELFTESTS=1 count that stage as one skipped test instead of
# running it (SKIP_SELFTESTS skips 4, 4b and 4c); VM_TIMEOUT (default
# 3600 s), VM_ICOUNT_TIMEOUT (default 2400 s) and VM_DEBUG_TIMEOUT (default
# 2400 s, 7200 s with --debug) bound the guest runs, generously (they catch hangs,
# and a busy host must not make them fail a run); SELFTESTS="a b" runs
# only those selftests, each in the guest its kind runs in (a guest with none
# of them is not started; with --debug, all in the debug guest).

# shellcheck disable=SC2317  # finish runs from the EXIT trap

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT" || exit 1

DEBUG_ALL=0
case "${1:-}" in
"") ;;
--debug) DEBUG_ALL=1 ;;
*) echo "usage: scripts/check.sh [--debug]" >&2; exit 2 ;;
esac

PASSED=0
FAILED=0
SKIPPED=0
BROKEN=0	# a stage that could not run
T0=$SECONDS

stage() {
	printf '\n==== [%s +%ds] %s ====\n' "$(date +%H:%M:%S)" $((SECONDS - T0)) "$*"
}

# The totals line must be the last thing printed, however we exit.
finish() {
	local rc=$?
	stage "done"
	[ "$BROKEN" -eq 0 ] || echo "check: a stage could not run (see above)"
	echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
	if [ "$FAILED" -ne 0 ] || [ "$BROKEN" -ne 0 ] || [ "$rc" -ne 0 ]; then
		exit 1
	fi
	exit 0
}
trap finish EXIT

# add_result FILE WHAT: add "passed=N failed=N skipped=N" from FILE; returns
# 1 (and adds nothing) when FILE is missing or malformed.
add_result() {
	local file=$1 what=$2 line p f s
	[ -r "$file" ] || return 1
	line=$(tail -n1 "$file")
	if [[ "$line" =~ ^passed=([0-9]+)\ failed=([0-9]+)\ skipped=([0-9]+)$ ]]; then
		p=${BASH_REMATCH[1]} f=${BASH_REMATCH[2]} s=${BASH_REMATCH[3]}
		PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
		echo "check: $what: $p passed, $f failed, $s skipped"
		return 0
	fi
	echo "check: $what: malformed result in $file: '$line'"
	return 1
}

bad_patterns() {
	grep -Ev '^(#|$)' "$ROOT/scripts/vm/kernel-log-patterns"
}

# console_clean FILE WHAT: the guest's kernel console FILE has what the
# kernel said even when the guest died before selftests/run.sh could look
# at dmesg; one test, "WHAT clean".
console_clean() {
	local file=$1 what=$2 hits

	if [ ! -f "$file" ]; then
		echo "check: $what clean: FAILED: no $file"
		FAILED=$((FAILED + 1))
	elif hits=$(grep -E -f <(bad_patterns) "$file"); then
		echo "check: $what clean: FAILED: $file has:"
		head -n 40 <<<"$hits" | sed 's/^/    /'
		FAILED=$((FAILED + 1))
	else
		echo "check: $what clean: ok"
		PASSED=$((PASSED + 1))
	fi
}

# guest_done OUT WHAT VRC: the results of a guest's selftests/run.sh in
# OUT/selftests.result (scripts/vm-run exited VRC), then its console.
guest_done() {
	local out=$1 what=$2 vrc=$3

	if ! add_result "$out/selftests.result" "$what"; then
		echo "check: $what: FAILED: the guest run did not complete (scripts/vm-run exit $vrc)"
		FAILED=$((FAILED + 1))
	elif [ "$vrc" -ne 0 ] && grep -q ' failed=0 ' "$out/selftests.result"; then
		echo "check: $what: FAILED: scripts/vm-run exit $vrc but no failed test"
		FAILED=$((FAILED + 1))
	fi
	console_clean "$out/console.log" "${what%selftests}guest console"
}

# The selftests of stages 4b and 4c ("icount=" and "debug=" in
# selftests/settings), and which of $SELFTESTS go to which guest.
ICOUNT_TESTS=$(sed -n 's/^icount=//p' selftests/settings 2>/dev/null | tail -n1)
DEBUG_TESTS=$(sed -n 's/^debug=//p' selftests/settings 2>/dev/null | tail -n1)
MAIN_SEL=
ICOUNT_SEL=
DEBUG_SEL=
RUN_MAIN=1
RUN_ICOUNT=0
RUN_DEBUG=0
[ -n "$ICOUNT_TESTS" ] && RUN_ICOUNT=1
[ -n "$DEBUG_TESTS" ] && RUN_DEBUG=1
# run.sh's list of the debug guest's tests: its "debug=" line, or with
# --debug every test but the icount ones.
DEBUG_LIST=--debug
if [ "$DEBUG_ALL" = 1 ]; then
	DEBUG_LIST=--all
	RUN_MAIN=0
	RUN_ICOUNT=0
	RUN_DEBUG=1
fi
if [ -n "${SELFTESTS:-}" ]; then
	for t in $SELFTESTS; do
		t=${t##*/}
		t=${t%.sh}
		if [ "$DEBUG_ALL" = 1 ] || [[ " $DEBUG_TESTS " == *" $t "* ]]; then
			DEBUG_SEL+=" $t"
		elif [[ " $ICOUNT_TESTS " == *" $t "* ]]; then
			ICOUNT_SEL+=" $t"
		else
			MAIN_SEL+=" $t"
		fi
	done
	RUN_MAIN=0
	RUN_ICOUNT=0
	RUN_DEBUG=0
	[ -n "$MAIN_SEL" ] && RUN_MAIN=1
	[ -n "$ICOUNT_SEL" ] && RUN_ICOUNT=1
	[ -n "$DEBUG_SEL" ] && RUN_DEBUG=1
fi

#-----------------------------------------------------------------------------
stage "1/5 dependencies (scripts/deps.sh)"
if ! scripts/deps.sh </dev/null; then
	echo "check: FAILED: scripts/deps.sh could not install the packages" >&2
	FAILED=$((FAILED + 1))
	BROKEN=1
	exit 1
fi

#-----------------------------------------------------------------------------
stage "2/5 build (make all; make -C selftests/ext)"
if ! make -j"$(nproc)" all </dev/null; then
	echo "check: FAILED: make all failed; fix the build first (see above)" >&2
	FAILED=$((FAILED + 1))
	BROKEN=1
	exit 1
fi
# The extension module the selftests insmod, built the way a third party
# builds one (docs/extensions.md): out of tree, against what "make install"
# installs for extension authors, staged under build/sdk.
rm -rf build/sdk && mkdir -p build
if ! make install DESTDIR="$PWD/build/sdk" </dev/null >build/sdk-install.log 2>&1 ||
   ! make -C selftests/ext clean </dev/null >/dev/null ||
   ! make -C selftests/ext XSW="$PWD/build/sdk/usr/local/src/xswitch" </dev/null; then
	tail -20 build/sdk-install.log >&2
	echo "check: FAILED: selftests/ext (the selftests' extension module) does not build" >&2
	FAILED=$((FAILED + 1))
	BROKEN=1
	exit 1
fi

#-----------------------------------------------------------------------------
stage "2b/5 host tests (make -C lib test; make -C tools test)"
for dir in lib tools; do
	if make -C "$dir" test </dev/null >"build/host-test-$dir.log" 2>&1; then
		echo "check: $dir host tests: ok"
		PASSED=$((PASSED + 1))
	else
		tail -20 "build/host-test-$dir.log" | sed 's/^/    /'
		echo "check: $dir host tests: FAILED (build/host-test-$dir.log)"
		FAILED=$((FAILED + 1))
	fi
done

#-----------------------------------------------------------------------------
if [ "$DEBUG_ALL" = 0 ]; then
	stage "3/5 KUnit (scripts/kunit.sh)"
else
	stage "3/5 KUnit with KASAN (scripts/kunit.sh)"
	# UML has KASAN (generic, outline) since 5.16; its own build
	# directory, so that neither this nor the plain build starts over.
	export KUNIT_BUILD_DIR=$ROOT/build/kunit/uml-kasan
	export KUNIT_ARGS="--kconfig_add=CONFIG_KASAN=y --kconfig_add=CONFIG_KASAN_VMALLOC=y${KUNIT_ARGS:+ $KUNIT_ARGS}"
fi
if [ "${SKIP_KUNIT:-0}" = 1 ]; then
	echo "check: kunit: skipped (SKIP_KUNIT=1)"
	SKIPPED=$((SKIPPED + 1))
elif [ ! -x scripts/kunit.sh ] && [ ! -f scripts/kunit.sh ]; then
	echo "check: kunit: FAILED: scripts/kunit.sh does not exist (SKIP_KUNIT=1 to skip)"
	FAILED=$((FAILED + 1))
else
	rm -f build/kunit/result
	bash scripts/kunit.sh </dev/null
	krc=$?
	if ! add_result build/kunit/result kunit; then
		echo "check: kunit: FAILED: no build/kunit/result (scripts/kunit.sh exit $krc)"
		FAILED=$((FAILED + 1))
	elif [ $krc -ne 0 ] && grep -q ' failed=0 ' build/kunit/result; then
		echo "check: kunit: FAILED: scripts/kunit.sh exit $krc but no failed case"
		FAILED=$((FAILED + 1))
	fi
fi

#-----------------------------------------------------------------------------
stage "3b/5 lint (scripts/lint.sh: checkpatch --strict, sparse)"
if [ "$DEBUG_ALL" = 1 ]; then
	echo "check: lint: not part of --debug"
elif bash scripts/lint.sh </dev/null >build/lint.log 2>&1; then
	echo "check: lint: ok"
	PASSED=$((PASSED + 1))
else
	grep -E '^(WARNING|ERROR|CHECK)|warning:|error:|^lint' build/lint.log | head -n 40
	echo "check: lint: FAILED (full report in build/lint.log)"
	FAILED=$((FAILED + 1))
fi

#-----------------------------------------------------------------------------
stage "4/5 selftests in a guest (scripts/vm-run selftests/run.sh)"
if [ "$RUN_MAIN" = 0 ]; then
	echo "check: selftests: none to run here"
elif [ "${SKIP_SELFTESTS:-0}" = 1 ]; then
	echo "check: selftests: skipped (SKIP_SELFTESTS=1)"
	SKIPPED=$((SKIPPED + 1))
else
	rm -f build/vm/selftests.result
	# shellcheck disable=SC2086  # MAIN_SEL is a list of names
	scripts/vm-run --timeout "${VM_TIMEOUT:-3600}" selftests/run.sh $MAIN_SEL </dev/null
	guest_done build/vm "selftests" $?
fi

#-----------------------------------------------------------------------------
stage "4b/5 rate selftests in an icount guest (${ICOUNT_SEL:-$ICOUNT_TESTS})"
# -icount shift=0,sleep=off, as scripts/bench.sh has it: the guest's clock
# is its instruction count (1 ns each), and an idle guest's clock jumps to
# its next timer, so a guest second holds the same work and a timer fires
# on time whatever the host is doing; rates measured against that clock
# repeat.  (With sleep=on an idle guest's clock follows the host's, and a
# late wake-up on a busy host costs HTB part of the link.)  The clock then
# also jumps while the guest waits for the host's 9p share, which makes
# guest seconds useless as timeouts: selftests/run.sh --icount sets none,
# --timeout here is in host seconds, and the hung task detector (which
# would see a task that waited for 9p while the clock raced) is off.
if [ "$RUN_ICOUNT" = 0 ]; then
	echo "check: icount selftests: none to run"
elif [ "${SKIP_SELFTESTS:-0}" = 1 ] || [ "${SKIP_ICOUNT_SELFTESTS:-0}" = 1 ]; then
	echo "check: icount selftests: skipped (SKIP_SELFTESTS=1 or SKIP_ICOUNT_SELFTESTS=1)"
	SKIPPED=$((SKIPPED + 1))
else
	out=build/vm/icount
	rm -f "$out/selftests.result"
	# shellcheck disable=SC2086  # ICOUNT_SEL is a list of names
	VM_OUT=$out VM_SMP=1 VM_QEMU_ARGS="-icount shift=0,sleep=off${VM_QEMU_ARGS:+ $VM_QEMU_ARGS}" \
		VM_APPEND="sysctl.kernel.hung_task_timeout_secs=0${VM_APPEND:+ $VM_APPEND}" \
		scripts/vm-run --timeout "${VM_ICOUNT_TIMEOUT:-2400}" \
		"SELFTESTS_RESULT=$ROOT/$out/selftests.result" \
		"SELFTESTS_LOGDIR=$ROOT/$out/selftests" \
		selftests/run.sh --icount $ICOUNT_SEL </dev/null
	guest_done "$out" "icount selftests" $?
fi

#-----------------------------------------------------------------------------
stage "4c/5 selftests in a debug-kernel guest (${DEBUG_SEL:-$DEBUG_LIST})"
# KASAN, lockdep, kmemleak and fault injection make the kernel several
# times slower under TCG, hence a list of its own (docs/debug-kernel.md).
if [ "$RUN_DEBUG" = 0 ]; then
	echo "check: debug selftests: none to run"
elif [ "${SKIP_SELFTESTS:-0}" = 1 ] || [ "${SKIP_DEBUG_SELFTESTS:-0}" = 1 ]; then
	echo "check: debug selftests: skipped (SKIP_SELFTESTS=1 or SKIP_DEBUG_SELFTESTS=1)"
	SKIPPED=$((SKIPPED + 1))
elif ! scripts/debug-kernel.sh </dev/null; then
	echo "check: debug selftests: FAILED: scripts/debug-kernel.sh could not build the debug kernel"
	FAILED=$((FAILED + 1))
else
	out=build/vm/debug
	rm -f "$out/selftests.result"
	timeout=${VM_DEBUG_TIMEOUT:-$((DEBUG_ALL ? 28800 : 2400))}
	# Each test may take 1.5 times its usual timeout (settings' timeout=):
	# the checkers slow the kernel down that much.  make check-debug runs
	# the reliability tests at full scale, hours in all.
	ktimeout=1800
	scale=()
	if [ "$DEBUG_ALL" = 1 ]; then
		ktimeout=14400
		scale=("XSW_FUZZ_COUNT=${XSW_FUZZ_COUNT:-100000}"
		       "XSW_RACE_CYCLES=${XSW_RACE_CYCLES:-1000}"
		       "XSW_PKT_FUZZ_COUNT=${XSW_PKT_FUZZ_COUNT:-50000}")
	fi
	# shellcheck disable=SC2086  # DEBUG_SEL is a list of names
	VM_OUT=$out VM_KERNEL=debug scripts/vm-run --timeout "$timeout" \
		"KSFT_TIMEOUT=${KSFT_TIMEOUT:-$ktimeout}" "${scale[@]}" \
		"SELFTESTS_RESULT=$ROOT/$out/selftests.result" \
		"SELFTESTS_LOGDIR=$ROOT/$out/selftests" \
		selftests/run.sh $DEBUG_LIST $DEBUG_SEL </dev/null
	guest_done "$out" "debug selftests" $?
fi

#-----------------------------------------------------------------------------
# finish (the EXIT trap) prints stage 5, the totals.
exit 0
