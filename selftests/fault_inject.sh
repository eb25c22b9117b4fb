#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Allocation failures in every command, with fail-nth: for each command of
# the xswitch family (a valid request against the baseline of
# selftests/nl_fuzz.sh, in a namespace of its own), fail its 1st, 2nd, ...
# allocation (slab and page allocator) until it runs without meeting a
# failure.  Each failed run must return an error and leave the
# configuration as it was (or, when only the answer was lost, as it was or
# as the command makes it); a run whose failure the command absorbed must
# do what the command does.  Then the kernel log must be clean and, where
# kmemleak exists, its scan empty.
#
#   NS:  fzsw0: fzext0 (external) fzvm0 (vm) fzvm1 (vm) fzint0 (internal)
#        fzsw1: fzvm2 (vm)        not ports: fzspare, fzbr0
#
# Needs CONFIG_FAULT_INJECTION, CONFIG_FAILSLAB (and FAIL_PAGE_ALLOC) with
# CONFIG_FAULT_INJECTION_DEBUG_FS: the debug kernel's guest.  Skips (4)
# without /proc/thread-self/fail-nth, as on Debian's kernel.

ALL_TESTS="
	fault_every_command
	nlfuzz_kernel_log
	fault_kmemleak
"
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/nlfuzz.sh"

DBG=/sys/kernel/debug
KMEMLEAK=$DBG/kmemleak

# knob FILE VALUE: set a fault-injection knob, putting it back on exit
knob()
{
	local file=$1 old

	[ -e "$file" ] || return 0
	old=$(cat "$file")
	echo "$2" >"$file" || return 1
	defer "echo '$old' >'$file'"
}

fault_every_command()
{
	local log=$TMPD/fault.log

	RET=0
	nlfuzz_run "$log" "a command failed badly under fault injection" fault
	log_test "fail-nth over every command: $(sed -n 's/^fault: [0-9]* commands, \([0-9]*\) injection points.*/\1/p' "$log") injection points"
}

fault_kmemleak()
{
	RET=0
	if [ ! -w "$KMEMLEAK" ]; then
		log_test_skip "kmemleak scan" "no $KMEMLEAK"
		return
	fi
	# Objects younger than kmemleak's 5 s are not reported yet: those of
	# the last commands are left to the scan the harness makes after
	# every guest run (selftests/run.sh).
	echo scan >"$KMEMLEAK"
	[ -z "$(cat "$KMEMLEAK")" ]
	check_err $? "kmemleak: $(grep -c unreferenced "$KMEMLEAK") leaks:
$(head -n 30 "$KMEMLEAK")"
	log_test "kmemleak scan empty"
}

if [ ! -e /proc/thread-self/fail-nth ]; then
	echo "SKIP: no /proc/thread-self/fail-nth (needs CONFIG_FAULT_INJECTION)"
	exit "$ksft_skip"
fi
mountpoint -q "$DBG" || mount -t debugfs none "$DBG" ||
	{ echo "SKIP: cannot mount debugfs"; exit "$ksft_skip"; }
if [ ! -d "$DBG/failslab" ]; then
	echo "SKIP: no $DBG/failslab (needs CONFIG_FAILSLAB, FAULT_INJECTION_DEBUG_FS)"
	exit "$ksft_skip"
fi
nlfuzz_setup
# fail-nth counts every allocation the task makes, whatever these say about
# probability; by default both skip sleeping (GFP_KERNEL) allocations, and
# the page allocator those of order 0 and highmem.
for d in failslab fail_page_alloc; do
	knob "$DBG/$d/ignore-gfp-wait" N
	knob "$DBG/$d/verbose" 0
done
knob "$DBG/fail_page_alloc/ignore-gfp-highmem" N
knob "$DBG/fail_page_alloc/min-order" 0
[ -w "$KMEMLEAK" ] && echo clear >"$KMEMLEAK"
tests_run
exit "$EXIT_STATUS"
