#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# What `make check` runs (and so CI, through .ci/run): on a Debian 12 machine
# as root, without a terminal,
#   1. scripts/deps.sh         install missing packages
#   2. make all                kmod/, lib/, tools/, then selftests/ext (the
#                              selftests' extension module, built out of
#                              tree); stops here on failure
#   3. scripts/kunit.sh        KUnit suites under UML -> build/kunit/result
#   3b. scripts/lint.sh       checkpatch --strict and sparse: one test
#   4. scripts/vm-run selftests/run.sh
#                              selftests, "rmmod xswitch", "kernel log clean"
#                              in a guest -> build/vm/selftests.result;
#                              plus "guest console clean": the kernel console
#                              (build/vm/console.log, which survives a panic)
#                              matches none of scripts/vm/kernel-log-patterns
#   5. the totals, as the last line of output: "N passed, N failed, N skipped"
# Exit status 0 only when nothing failed and every stage ran.
#
# Environment: SKIP_KUNIT=1 / SKIP_SELFTESTS=1 count that stage as one
# skipped test instead of running it; VM_TIMEOUT (default 2400 s) bounds the
# guest run; SELFTESTS="a b" runs only those selftests.

# shellcheck disable=SC2317  # finish runs from the EXIT trap

set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$ROOT" || exit 1

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
stage "3/5 KUnit (scripts/kunit.sh)"
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
if bash scripts/lint.sh </dev/null >build/lint.log 2>&1; then
	echo "check: lint: ok"
	PASSED=$((PASSED + 1))
else
	grep -E '^(WARNING|ERROR|CHECK)|warning:|error:|^lint' build/lint.log | head -n 40
	echo "check: lint: FAILED (full report in build/lint.log)"
	FAILED=$((FAILED + 1))
fi

#-----------------------------------------------------------------------------
stage "4/5 selftests in a guest (scripts/vm-run selftests/run.sh)"
if [ "${SKIP_SELFTESTS:-0}" = 1 ]; then
	echo "check: selftests: skipped (SKIP_SELFTESTS=1)"
	SKIPPED=$((SKIPPED + 1))
else
	rm -f build/vm/selftests.result
	# shellcheck disable=SC2086  # SELFTESTS is a list of names
	scripts/vm-run --timeout "${VM_TIMEOUT:-2400}" selftests/run.sh ${SELFTESTS:-} </dev/null
	vrc=$?
	if ! add_result build/vm/selftests.result selftests; then
		echo "check: selftests: FAILED: the guest run did not complete (scripts/vm-run exit $vrc)"
		FAILED=$((FAILED + 1))
	elif [ $vrc -ne 0 ] && grep -q ' failed=0 ' build/vm/selftests.result; then
		echo "check: selftests: FAILED: scripts/vm-run exit $vrc but no failed test"
		FAILED=$((FAILED + 1))
	fi

	# The console has what the kernel said even when the guest died before
	# selftests/run.sh could look at dmesg.
	if [ ! -f build/vm/console.log ]; then
		echo "check: guest console clean: FAILED: no build/vm/console.log"
		FAILED=$((FAILED + 1))
	elif hits=$(grep -E -f <(bad_patterns) build/vm/console.log); then
		echo "check: guest console clean: FAILED: build/vm/console.log has:"
		head -n 40 <<<"$hits" | sed 's/^/    /'
		FAILED=$((FAILED + 1))
	else
		echo "check: guest console clean: ok"
		PASSED=$((PASSED + 1))
	fi
fi

#-----------------------------------------------------------------------------
# finish (the EXIT trap) prints stage 5, the totals.
exit 0
