#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Shared library for the xswitch selftests, after the kernel's
# tools/testing/selftests/net/forwarding/lib.sh and net/lib.sh.
#
# A test script looks like this:
#
#	ALL_TESTS="
#		first_test
#		second_test
#	"
#	source "$(dirname "$0")/lib.sh"
#
#	first_test()
#	{
#		RET=0
#		ip -n "$NS1" link add sw0 type xswitch
#		check_err $? "cannot add sw0"
#		[ "$(xsw_jq -n "$NS1" '.[0].ifname' switch show)" = sw0 ]
#		check_err $? "xsw does not list sw0"
#		log_test "add a switch"
#	}
#
#	cleanup()            # optional; the default just calls lib_cleanup
#	{
#		...
#		lib_cleanup
#	}
#
#	require_cmd xsw jq
#	require_module xswitch
#	trap cleanup EXIT
#	setup_ns NS1 NS2
#	tests_run
#	exit "$EXIT_STATUS"
#
# Each log_test prints one TAP line, "ok N - name" or "not ok N - name"
# followed by "#   reason" lines, or "ok N - name # SKIP reason" from
# log_test_skip.  The script's exit status is 0 when every test passed (or
# passed and skipped), 1 when any failed, and 4 ($ksft_skip) when it skipped
# as a whole: require_* failed, or every test skipped.
#
# Environment: TESTS="a b" runs only those of ALL_TESTS; PAUSE_ON_FAIL=yes
# waits for Enter after a failure (interactive debugging).
#
# Results are read from the tools' JSON with jq (xsw_json, xsw_jq), never by
# scraping text.

# shellcheck disable=SC2034  # variables are for the sourcing scripts
# shellcheck disable=SC2119,SC2120  # cleanup_ns takes optional arguments

ksft_pass=0
ksft_fail=1
ksft_xfail=2
ksft_skip=4

EXIT_STATUS=${EXIT_STATUS:-0}
RET=0
retmsg=
NS_LIST=()

# TAP counters
__ksft_num=0
__ksft_pass=0
__ksft_fail=0
__ksft_skip=0

: "${PAUSE_ON_FAIL:=no}"
: "${XSW:=xsw}"

##############################################################################
# Requirements

# require_cmd CMD...: skip the whole script (exit 4) unless each CMD exists.
require_cmd()
{
	local cmd

	for cmd in "$@"; do
		if ! command -v "$cmd" >/dev/null 2>&1; then
			echo "SKIP: $cmd not installed"
			exit "$ksft_skip"
		fi
	done
}

# The name the kernel's forwarding/lib.sh uses.
require_command()
{
	require_cmd "$@"
}

# require_root: skip unless running as root.
require_root()
{
	if [ "$(id -u)" -ne 0 ]; then
		echo "SKIP: need root"
		exit "$ksft_skip"
	fi
}

# require_module NAME...: skip when a module is not available at all (not
# built), fail when it exists but does not load.
require_module()
{
	local mod

	for mod in "$@"; do
		if ! modinfo "$mod" >/dev/null 2>&1; then
			echo "SKIP: module $mod not available (not built?)"
			exit "$ksft_skip"
		fi
		if ! modprobe "$mod"; then
			echo "FAIL: modprobe $mod failed"
			exit "$ksft_fail"
		fi
	done
}

##############################################################################
# Result bookkeeping

# check_err ERR [MSG]: the first non-zero ERR makes the current test fail.
check_err()
{
	local err=$1
	local msg=${2:-}

	if [[ $RET -eq 0 && $err -ne 0 ]]; then
		RET=$err
		retmsg=$msg
	fi
}

# check_fail ERR [MSG]: ERR == 0 (something that should fail succeeded)
# makes the current test fail.
check_fail()
{
	local err=$1
	local msg=${2:-}

	if [[ $RET -eq 0 && $err -eq 0 ]]; then
		RET=$ksft_fail
		retmsg=$msg
	fi
}

check_err_fail()
{
	local should_fail=$1; shift
	local err=$1; shift
	local what=$1; shift

	if ((should_fail)); then
		check_fail "$err" "$what succeeded, but should have failed"
	else
		check_err "$err" "$what failed"
	fi
}

# log_test NAME [OPT]: report the current test from $RET and reset it.
log_test()
{
	local test_name=$1
	local opt_str=${2:-}
	local rc

	[ -n "$opt_str" ] && test_name="$test_name ($opt_str)"
	__ksft_num=$((__ksft_num + 1))

	if [[ $RET -ne 0 ]]; then
		__ksft_fail=$((__ksft_fail + 1))
		EXIT_STATUS=$ksft_fail
		echo "not ok $__ksft_num - $test_name"
		if [ -n "$retmsg" ]; then
			# One "#   " line per line of the reason.
			while IFS= read -r line; do
				echo "#   $line"
			done <<<"$retmsg"
		else
			echo "#   exit status $RET"
		fi
		if [ "$PAUSE_ON_FAIL" = yes ] && [ -t 0 ]; then
			echo "Hit enter to continue, 'q' to quit"
			local a
			read -r a
			[ "$a" = q ] && exit 1
		fi
		rc=1
	else
		__ksft_pass=$((__ksft_pass + 1))
		# Passing after skips: the script no longer skips as a whole.
		[ "$EXIT_STATUS" -eq "$ksft_skip" ] && EXIT_STATUS=$ksft_pass
		echo "ok $__ksft_num - $test_name"
		rc=0
	fi
	RET=0
	retmsg=
	return $rc
}

# log_test_skip NAME [REASON]
log_test_skip()
{
	local test_name=$1
	local reason=${2:-}

	__ksft_num=$((__ksft_num + 1))
	__ksft_skip=$((__ksft_skip + 1))
	# Nothing passed or failed yet: for now the whole script skips.
	if [ "$EXIT_STATUS" -eq "$ksft_pass" ] && [ "$__ksft_pass" -eq 0 ]; then
		EXIT_STATUS=$ksft_skip
	fi
	echo "ok $__ksft_num - $test_name # SKIP${reason:+ $reason}"
	RET=0
	retmsg=
	return 0
}

log_info()
{
	echo "# INFO: $*"
}

# tests_run: run each function named in $TESTS (default $ALL_TESTS), then
# print the TAP plan and a totals line.
tests_run()
{
	local current_test

	echo "TAP version 13"
	for current_test in ${TESTS:-$ALL_TESTS}; do
		if ! declare -F "$current_test" >/dev/null; then
			RET=1
			retmsg="no such test function '$current_test'"
			log_test "$current_test"
			continue
		fi
		RET=0
		retmsg=
		"$current_test"
	done
	echo "1..$__ksft_num"
	echo "# Totals: pass:$__ksft_pass fail:$__ksft_fail xfail:0 xpass:0 skip:$__ksft_skip error:0"
}

##############################################################################
# Waiting

# busywait TIMEOUT_MS CMD...: run CMD until it succeeds or TIMEOUT_MS passes.
# Prints CMD's last output; returns its last status.
busywait()
{
	local timeout_ms=$1; shift
	local start now out ret

	start=$(date +%s%3N)
	while :; do
		out=$("$@")
		ret=$?
		if ((ret == 0)); then
			[ -n "$out" ] && echo "$out"
			return 0
		fi
		now=$(date +%s%3N)
		if ((now - start > timeout_ms)); then
			[ -n "$out" ] && echo "$out"
			return "$ret"
		fi
		sleep 0.1
	done
}

##############################################################################
# Network namespaces

# setup_ns NAME...: for each NAME, create a network namespace with a unique
# name (it carries $$) with lo up, and set the variable NAME to that name.
# The namespaces are recorded for cleanup_ns.
setup_ns()
{
	local var ns i

	for var in "$@"; do
		ns="${var,,}-$$"
		i=0
		while [ -e "/run/netns/$ns" ]; do
			i=$((i + 1))
			ns="${var,,}-$$-$i"
		done
		if ! ip netns add "$ns"; then
			echo "setup_ns: cannot create network namespace $ns" >&2
			return 1
		fi
		ip -n "$ns" link set lo up
		NS_LIST+=("$ns")
		printf -v "$var" '%s' "$ns"
	done
}

# cleanup_ns [NS...]: delete the given namespaces, or all that setup_ns made.
cleanup_ns()
{
	local ns keep=() left
	local -a which=("$@")

	[ ${#which[@]} -gt 0 ] || which=("${NS_LIST[@]}")
	for ns in "${which[@]}"; do
		[ -n "$ns" ] || continue
		if [ -e "/run/netns/$ns" ]; then
			ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null
			ip netns del "$ns" 2>/dev/null ||
				echo "cleanup_ns: cannot delete network namespace $ns" >&2
		fi
	done
	for left in "${NS_LIST[@]}"; do
		for ns in "${which[@]}"; do
			[ "$left" = "$ns" ] && continue 2
		done
		keep+=("$left")
	done
	NS_LIST=("${keep[@]}")
	return 0
}

# Commands registered with defer run LIFO on exit, before the namespaces go.
__DEFER=()
defer()
{
	__DEFER+=("$*")
}

# lib_cleanup: what the EXIT trap must do; a script's own cleanup() calls it.
lib_cleanup()
{
	local i

	for ((i = ${#__DEFER[@]} - 1; i >= 0; i--)); do
		eval "${__DEFER[$i]}"
	done
	__DEFER=()
	cleanup_ns
}

# Default cleanup; a script may define its own (calling lib_cleanup), before
# or after sourcing this file: the trap looks the name up when it runs.
if ! declare -F cleanup >/dev/null; then
	cleanup()
	{
		lib_cleanup
	}
fi
trap cleanup EXIT

##############################################################################
# xsw and JSON

# xsw_json [-n NETNS] ARGS...: run "xsw [-n NETNS] -j ARGS" and print its
# output, which must be valid JSON: when xsw fails or prints something jq
# cannot parse, say so on stderr and return non-zero.
xsw_json()
{
	local nsopt=() out rc

	if [ "${1:-}" = -n ]; then
		nsopt=(-n "$2")
		shift 2
	fi
	local cmd=("$XSW" "${nsopt[@]}" -j "$@")

	out=$("${cmd[@]}")
	rc=$?
	if [ $rc -ne 0 ]; then
		echo "xsw_json: '${cmd[*]}' failed with status $rc" >&2
		return $rc
	fi
	if [ -z "$out" ] || ! jq empty >/dev/null 2>&1 <<<"$out"; then
		echo "xsw_json: '${cmd[*]}' printed invalid JSON: '${out:0:200}'" >&2
		return 1
	fi
	printf '%s\n' "$out"
}

# xsw_jq [-n NETNS] FILTER ARGS...: xsw_json ARGS piped through jq -r FILTER.
xsw_jq()
{
	local nsopt=() filter out

	if [ "${1:-}" = -n ]; then
		nsopt=(-n "$2")
		shift 2
	fi
	filter=$1; shift
	out=$(xsw_json "${nsopt[@]}" "$@") || return
	jq -r "$filter" <<<"$out"
}
