#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# xsw switch {add,del,show} as a user sees it: what xsw reports agrees with
# ip(8), errors are one "Error: ..." line on stderr with exit status 1 and
# nothing on stdout, -j output always parses, -n and -batch work, and an
# unprivileged user cannot create switches.  Results are read from
# "xsw -j" and "ip -j" with jq.
#
#  +------------------ $NS_A -------------------+  +------ $NS_B ------+
#  |                                            |  |                   |
#  |  sw0   made by "ip link add type xswitch"  |  |  no switches      |
#  |  sw1   made and deleted by xsw             |  |  ("xsw -n $NS_B   |
#  |  b0 b1 b2  made by "xsw -batch"            |  |   switch show"    |
#  |  odd names: q"b\s  and control bytes       |  |   must be empty)  |
#  |                                            |  |                   |
#  +--------------------------------------------+  +-------------------+
#
# Every command runs through "xsw -n NS" (or "ip netns exec NS" for the
# unprivileged test), so the test also covers -n.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	show_ip_link_switch
	add_visible_to_ip
	del_gone_from_both
	del_nosuch
	del_not_a_switch
	add_existing
	name_too_long
	json_always_valid
	netns_option
	unknown_object_and_command
	batch_file
	unprivileged
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"

# xsw_run ARGS...: run xsw; sets $out (stdout), $err (stderr), $rc.
xsw_run()
{
	out=$("$XSW" "$@" 2>"$TMPD/stderr")
	rc=$?
	err=$(<"$TMPD/stderr")
}

# check_refused WHAT PATTERN: the last xsw_run failed the way a user
# expects: exit 1, nothing on stdout, "Error: " + PATTERN on stderr.
check_refused()
{
	local what=$1 pattern=$2

	[ "$rc" -eq 1 ]
	check_err $? "$what: exit status $rc, expected 1"
	[ -z "$out" ]
	check_err $? "$what: wrote to stdout: '$out'"
	grep -qE "^Error: .*$pattern" <<<"$err"
	check_err $? "$what: stderr '$err' does not match 'Error: ...$pattern'"
}

# switch_names NS: the names "xsw -j switch show" lists, one a line.
switch_names()
{
	xsw_jq -n "$1" '.[].ifname' switch show
}

has_switch()
{
	switch_names "$1" | grep -qxF -- "$2"
}

show_ip_link_switch()
{
	local ip_json key a b

	RET=0
	ip -n "$NS_A" link add sw0 type xswitch
	check_err $? "ip link add sw0 type xswitch failed"

	ip_json=$(ip -n "$NS_A" -j link show sw0)
	for key in ifindex mtu address; do
		a=$(xsw_jq -n "$NS_A" ".[] | select(.ifname == \"sw0\") | .$key" \
			   switch show)
		b=$(jq -r ".[0].$key" <<<"$ip_json")
		[ -n "$a" ] && [ "$a" = "$b" ]
		check_err $? "xsw switch show: sw0 has $key '$a', ip says '$b'"
	done

	a=$(xsw_jq -n "$NS_A" '.[0].ifindex' switch show sw0)
	b=$(jq -r '.[0].ifindex' <<<"$ip_json")
	[ "$a" = "$b" ]
	check_err $? "xsw switch show sw0: ifindex '$a', ip says '$b'"

	ip -n "$NS_A" link set sw0 up
	a=$(xsw_jq -n "$NS_A" '.[0].flags | index("UP") != null' switch show sw0)
	[ "$a" = true ]
	check_err $? "sw0 is up, but xsw flags lack UP"
	a=$(xsw_jq -n "$NS_A" '.[0].operstate' switch show sw0)
	b=$(ip -n "$NS_A" -j link show sw0 | jq -r '.[0].operstate')
	[ "$a" = "$b" ]
	check_err $? "up sw0: xsw operstate '$a', ip says '$b'"

	log_test "switch made by ip link shows in xsw switch show as in ip"
}

add_visible_to_ip()
{
	local kind

	RET=0
	xsw_run -n "$NS_A" switch add sw1
	[ "$rc" -eq 0 ] && [ -z "$out" ] && [ -z "$err" ]
	check_err $? "xsw switch add sw1: exit $rc, stdout '$out', stderr '$err'"

	kind=$(ip -n "$NS_A" -j -d link show sw1 | jq -r '.[0].linkinfo.info_kind')
	[ "$kind" = "xswitch" ]
	check_err $? "ip -d link show sw1: info_kind '$kind', expected xswitch"

	has_switch "$NS_A" sw1
	check_err $? "xsw switch show does not list sw1"

	log_test "switch made by xsw switch add is an xswitch link to ip"
}

del_gone_from_both()
{
	RET=0
	xsw_run -n "$NS_A" switch del sw1
	[ "$rc" -eq 0 ] && [ -z "$out" ]
	check_err $? "xsw switch del sw1: exit $rc, stderr '$err'"

	ip -n "$NS_A" link show sw1 &>/dev/null
	check_fail $? "ip still shows sw1"
	has_switch "$NS_A" sw1
	check_fail $? "xsw switch show still lists sw1"

	xsw_run -n "$NS_A" switch show sw1
	check_refused "xsw switch show sw1 after del" "no such switch"

	xsw_run -n "$NS_A" switch add sw1
	xsw_run -n "$NS_A" switch del dev sw1
	[ "$rc" -eq 0 ] && ! has_switch "$NS_A" sw1
	check_err $? "xsw switch del dev sw1: exit $rc, stderr '$err'"

	log_test "switch deleted by xsw switch del is gone from ip and xsw"
}

del_nosuch()
{
	RET=0
	xsw_run -n "$NS_A" switch del nosuch
	check_refused "xsw switch del nosuch" "no such switch"
	log_test "deleting a missing switch names the problem"
}

del_not_a_switch()
{
	RET=0
	xsw_run -n "$NS_A" switch del lo
	check_refused "xsw switch del lo" "not an xswitch"
	ip -n "$NS_A" link show lo &>/dev/null
	check_err $? "lo is gone"
	log_test "deleting a device that is not a switch is refused"
}

add_existing()
{
	local n

	RET=0
	xsw_run -n "$NS_A" switch add sw0
	check_refused "xsw switch add sw0 (exists)" "."
	n=$(switch_names "$NS_A" | grep -cxF sw0)
	[ "$n" -eq 1 ]
	check_err $? "$n switches named sw0"
	log_test "adding an existing name fails with a message"
}

name_too_long()
{
	local name=abcdefghijklmnopqrst before after

	RET=0
	before=$(switch_names "$NS_A" | sort)
	xsw_run -n "$NS_A" switch add "$name"
	check_refused "xsw switch add $name" "too long"
	xsw_run -n "$NS_A" -j switch del "$name"
	check_refused "xsw -j switch del $name" "too long"
	after=$(switch_names "$NS_A" | sort)
	[ "$before" = "$after" ]
	check_err $? "switches changed: '$before' -> '$after'"
	log_test "a too-long name is refused with a message"
}

json_always_valid()
{
	local odd name n n_ip

	RET=0
	xsw_run -n "$NS_B" -j switch show
	[ "$rc" -eq 0 ] && [ "$out" = "[]" ]
	check_err $? "no switches: exit $rc, output '$out', expected []"

	xsw_run -n "$NS_B" -j -p switch show
	[ "$rc" -eq 0 ] && [ "$(jq -c . <<<"$out")" = "[]" ]
	check_err $? "no switches, -p: exit $rc, output '$out'"

	# Names the kernel allows but JSON must escape.  (Counted before
	# adding them: ip -j itself does not escape control bytes.)
	n_ip=$(ip -n "$NS_A" -j link show type xswitch | jq length)
	odd=('q"b\s' $'c\001x' $'h\xffi')
	for name in "${odd[@]}"; do
		"$XSW" -n "$NS_A" switch add "$name"
		check_err $? "xsw switch add $(printf %q "$name") failed"
	done

	xsw_run -n "$NS_A" -j switch show
	n=$(jq 'length' <<<"$out")
	check_err $? "xsw -j switch show is not JSON: $out"
	[ "$n" = $((n_ip + ${#odd[@]})) ]
	check_err $? "xsw lists $n switches, expected $n_ip + ${#odd[@]}"
	jq -e 'any(.[]; .ifname == "q\"b\\s")' <<<"$out" >/dev/null
	check_err $? "name q\"b\\s does not round-trip: $out"

	xsw_run -n "$NS_A" -j -p switch show
	jq -e "length == $n" <<<"$out" >/dev/null
	check_err $? "xsw -j -p switch show is not JSON: $out"

	xsw_run -n "$NS_A" -j switch show nosuch
	check_refused "xsw -j switch show nosuch" "no such switch"

	for name in "${odd[@]}"; do
		"$XSW" -n "$NS_A" switch del "$name"
		check_err $? "xsw switch del $(printf %q "$name") failed"
	done

	log_test "xsw -j prints valid JSON: [] when empty, escaped names"
}

netns_option()
{
	local n

	RET=0
	has_switch "$NS_A" sw0
	check_err $? "xsw -n $NS_A does not list sw0"

	n=$(xsw_jq -n "$NS_B" length switch show)
	[ "$n" = 0 ]
	check_err $? "xsw -n $NS_B lists $n switches, expected 0"

	xsw_run -n "$NS_B" switch show sw0
	check_refused "xsw -n $NS_B switch show sw0" "no such switch"

	xsw_run -n "nosuch-$$" switch show
	[ "$rc" -eq 1 ] && [ -z "$out" ] &&
		grep -q "Cannot open network namespace \"nosuch-$$\"" <<<"$err"
	check_err $? "xsw -n nosuch-$$: exit $rc, stderr '$err'"

	log_test "xsw -n NETNS sees only that namespace's switches"
}

unknown_object_and_command()
{
	RET=0
	xsw_run bogus
	[ "$rc" -eq 1 ] && [ -z "$out" ] &&
		[ "$err" = 'Object "bogus" is unknown, try "xsw help".' ]
	check_err $? "xsw bogus: exit $rc, stderr '$err'"

	xsw_run switch bogus
	[ "$rc" -eq 1 ] && [ -z "$out" ] &&
		[ "$err" = 'Command "bogus" is unknown, try "xsw switch help".' ]
	check_err $? "xsw switch bogus: exit $rc, stderr '$err'"

	xsw_run switch sho
	[ "$rc" -eq 1 ]
	check_err $? "xsw switch sho (a prefix) was accepted"

	log_test "unknown object and command are refused by exact name"
}

batch_file()
{
	local f=$TMPD/batch

	RET=0
	printf '# two switches\nswitch add b0\n\n  switch add "b1"  # second\n' >"$f"
	xsw_run -n "$NS_A" -batch "$f"
	[ "$rc" -eq 0 ]
	check_err $? "xsw -batch: exit $rc, stderr '$err'"
	ip -n "$NS_A" link show b0 &>/dev/null &&
		ip -n "$NS_A" link show b1 &>/dev/null
	check_err $? "the batch did not create b0 and b1"

	printf 'switch add b2\nswitch del nosuch\nswitch add b3\n' >"$f"
	xsw_run -n "$NS_A" -batch - <"$f"
	[ "$rc" -eq 1 ] && grep -qxF "Command failed -:2" <<<"$err"
	check_err $? "failing batch: exit $rc, stderr '$err'"
	has_switch "$NS_A" b2 && ! has_switch "$NS_A" b3
	check_err $? "a batch must stop at its first failing line"

	printf 'switch show b0\nswitch show b1\n' >"$f"
	xsw_run -n "$NS_A" -j -batch "$f"
	[ "$(jq -s -c 'map(.[0].ifname)' <<<"$out")" = '["b0","b1"]' ]
	check_err $? "xsw -j -batch: expected one document per command: $out"

	log_test "xsw -batch runs each line and stops at the first failure"
}

unprivileged()
{
	local nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups
		      --inh-caps=-all)

	RET=0
	out=$(ip netns exec "$NS_A" "${nobody[@]}" "$XSW" switch add x \
	      2>"$TMPD/stderr")
	rc=$?
	err=$(<"$TMPD/stderr")
	check_refused "unprivileged xsw switch add x" "Operation not permitted"
	ip -n "$NS_A" link show x &>/dev/null
	check_fail $? "an unprivileged user created switch x"

	out=$(ip netns exec "$NS_A" "${nobody[@]}" "$XSW" -j switch show)
	check_err $? "an unprivileged user cannot list switches"
	jq -e 'any(.[]; .ifname == "sw0")' <<<"$out" >/dev/null
	check_err $? "unprivileged list lacks sw0: $out"

	log_test "an unprivileged user can list but not add switches"
}

require_root
require_cmd "$XSW" ip jq setpriv
require_module xswitch

TMPD=$(mktemp -d)
defer rm -rf "$TMPD"
setup_ns NS_A NS_B || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
