#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The generic netlink fuzzer (selftests/lib/nlfuzz.py) against a baseline
# configuration, in a namespace of its own where no link is up:
#
#   NS:  fzsw0: fzext0 (external) fzvm0 (vm) fzvm1 (vm) fzint0 (internal)
#               + extension "example"; FDB statics, ACLs, QoS on the ports
#        fzsw1: fzvm2 (vm)
#        not ports: fzspare (veth), fzbr0 (Linux bridge)
#        vnets fzvnA (VSIDs 5001: 10.1.1.0/24, 2001:db8:1::/64, gateway
#        10.1.1.254; 5002: layer 2, NVGRE) and fzvnB (empty); PA
#        192.0.2.10 of fzsw0 (fzint0's address); fzvm0 in VSID 5001 with
#        two CAs; four mappings (MAP_NEW and MAP_BULK)
#
# structured: every command and attribute of uapi/linux/xswitch.h with
#   wrong lengths and types, strings without a NUL or too long, nests that
#   are not, unknown, unused, duplicated and missing attributes, values out
#   of range, huge lists, deep nesting, bad genl headers and nonsense the
#   policies cannot see.  Each must be refused with an extack message and
#   leave the configuration as it was.  Failures are listed as
#   "FAIL <command> <attribute>: <case>: sent <hex>: <what came back>".
# random: XSW_FUZZ_COUNT random mutations of valid messages (default 3000,
#   about 2 minutes in a TCG guest; make check-debug: 100000), seed
#   XSW_FUZZ_SEED (default: this shell's pid, printed): no refusal may
#   change the configuration; refusals without a message are counted.
# kernel log: nothing the fuzzing did may WARN, BUG or oops.

ALL_TESTS="
	fuzz_baseline
	fuzz_structured
	fuzz_random
	nlfuzz_kernel_log
"
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/lib/nlfuzz.sh"

: "${XSW_FUZZ_COUNT:=3000}"
: "${XSW_FUZZ_SEED:=$$}"

fuzz_baseline()
{
	local out

	RET=0
	out=$(nlfuzz baseline 2>&1)
	check_err $? "cannot build the baseline: $out"
	# switches, ports (with the two host ports), FDB statics, ACL
	# messages (a header and rules per port and direction), QoS,
	# extensions, then the network virtualisation's objects
	[[ "$out" =~ switches=2\ ports=7\ fdb=3\ .*\ vnets=2\ vsubnets=2\ pas=1\ vports=1\ maps=4$ ]]
	check_err $? "unexpected baseline: $out"
	log_test "baseline: $out"
}

fuzz_structured()
{
	local log=$TMPD/structured.log

	RET=0
	nlfuzz_run "$log" "structured cases failed" structured
	log_test "structured cases: $(sed -n 's/^structured: \([0-9]*\) cases.*/\1/p' "$log")"
}

fuzz_random()
{
	RET=0
	echo "# random: XSW_FUZZ_COUNT=$XSW_FUZZ_COUNT XSW_FUZZ_SEED=$XSW_FUZZ_SEED"
	nlfuzz_run "$TMPD/random.log" "random messages: a refusal changed the state" \
		--seed "$XSW_FUZZ_SEED" random "$XSW_FUZZ_COUNT"
	log_test "random messages: $XSW_FUZZ_COUNT, seed $XSW_FUZZ_SEED"
}

nlfuzz_setup
tests_run
exit "$EXIT_STATUS"
