# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# What selftests/nl_fuzz.sh and selftests/fault_inject.sh share: sourced
# after lib.sh.
#
#	nlfuzz_setup          root, python3, the modules, $TMPD, and $NS: a
#	                      namespace without IPv6, so no frame moves
#	nlfuzz ARGS...        selftests/lib/nlfuzz.py ARGS in $NS
#	nlfuzz_run LOG WHY ARGS...
#	                      nlfuzz ARGS into LOG: a failure (WHY) unless it
#	                      exits 0, with its FAIL lines (or where it
#	                      stopped) as the test's reason; its summary lines
#	                      and the time it took as "# " lines
#	nlfuzz_kernel_log     a test: no line of the kernel log since
#	                      nlfuzz_setup matches scripts/vm/kernel-log-patterns

NLFUZZ_PY=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/nlfuzz.py
NLFUZZ_PATTERNS=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/scripts/vm/kernel-log-patterns

nlfuzz_setup()
{
	require_root
	require_cmd python3 ip
	require_module xswitch xsw_example
	TMPD=$(mktemp -d)
	defer "rm -rf $TMPD"
	setup_ns NS
	ip netns exec "$NS" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
		net.ipv6.conf.default.disable_ipv6=1
	NLFUZZ_DMESG_START=$(dmesg | wc -l)
}

nlfuzz()
{
	ip netns exec "$NS" python3 "$NLFUZZ_PY" "$@"
}

nlfuzz_run()
{
	local log=$1 why=$2 t0=$SECONDS fails

	shift 2
	nlfuzz "$@" >"$log" 2>&1
	check_err $? "$why"
	fails=$(grep '^FAIL' "$log")
	if [ -n "$fails" ]; then
		retmsg="$(grep -c '^FAIL' "$log") failed:
$fails"
	fi
	if grep -q '^Traceback' "$log"; then
		retmsg="${retmsg:+$retmsg
}nlfuzz.py stopped:
$(sed -n '/^Traceback/,$p' "$log" | tail -n 20)"
	fi
	grep -E '^(structured|random|fault|  no message):' "$log" | sed 's/^/# /'
	log=${log##*/}
	echo "# ${log%.log}: $((SECONDS - t0)) s"
}

nlfuzz_kernel_log()
{
	local bad

	RET=0
	bad=$(dmesg | tail -n +"$((NLFUZZ_DMESG_START + 1))" |
	      grep -E -f <(grep -Ev '^(#|$)' "$NLFUZZ_PATTERNS"))
	[ -z "$bad" ]
	check_err $? "the kernel log has:
$(head -n 20 <<<"$bad")"
	log_test "no WARN, BUG or oops in the kernel log"
}
