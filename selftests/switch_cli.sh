#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# xsw switch {add,del,show,set} as a user sees it: what xsw reports agrees
# with ip(8), errors are one "Error: ..." line on stderr with exit status 1
# and nothing on stdout, -j output always parses, -n and -batch work, an
# unprivileged user cannot create switches, and "set" changes the ageing
# time and the connection maximum together or not at all (also when the
# kernel is the one refusing: $TMPD/switch_set.py talks netlink itself).
# Results are read from "xsw -j" and "ip -j" with jq.
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
	set_conn_max
	set_refused_by_kernel
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

# conn NS SWITCH: "MAX ENTRIES EVICTIONS EXPIRED AGEING" from xsw -j, each
# checked to be a JSON number.
conn()
{
	xsw_jq -n "$1" '.[0] | [.conn_max, .conn_entries, .conn_evictions,
		.conn_expired, .ageing] |
		if all(type == "number") then map(tostring) | join(" ")
		else "not numbers: \(.)" end' switch show "$2"
}

set_conn_max()
{
	local c line

	RET=0
	c=$(conn "$NS_A" sw0)
	[ "$c" = "65536 0 0 0 300" ]
	check_err $? "a new switch: conn_max entries evictions expired ageing '$c', expected '65536 0 0 0 300'"
	line=$("$XSW" -n "$NS_A" switch show sw0 | sed -n 's/^ *connections /connections /p')
	[ "$line" = "connections 0/65536 evictions 0 expired 0" ]
	check_err $? "xsw switch show sw0: '$line', expected 'connections 0/65536 evictions 0 expired 0'"

	xsw_run -n "$NS_A" switch set sw0 conn-max 0
	check_refused "conn-max 0" "conn-max.* 1\.\.1000000"
	xsw_run -n "$NS_A" switch set sw0 conn-max 1000001
	check_refused "conn-max 1000001" "conn-max.* 1\.\.1000000"
	xsw_run -n "$NS_A" switch set sw0 conn-max 12x
	check_refused "conn-max 12x" "conn-max"
	xsw_run -n "$NS_A" switch set sw0 conn-max 5 conn-max 6
	check_refused "conn-max twice" "duplicate \"conn-max\""
	# The CLI refuses the whole command: conn-max is not set either.
	xsw_run -n "$NS_A" switch set sw0 conn-max 5 ageing 0
	check_refused "conn-max 5 ageing 0" "ageing"
	xsw_run -n "$NS_A" switch set nosuch conn-max 5
	check_refused "conn-max on no switch" "no such switch"
	c=$(conn "$NS_A" sw0)
	[ "$c" = "65536 0 0 0 300" ]
	check_err $? "after the refusals: '$c', expected '65536 0 0 0 300'"

	xsw_run -n "$NS_A" switch set sw0 ageing 77 conn-max 100
	[ "$rc" -eq 0 ] && [ -z "$out" ]
	check_err $? "set sw0 ageing 77 conn-max 100: exit $rc, '$out' '$err'"
	c=$(conn "$NS_A" sw0)
	[ "$c" = "100 0 0 0 77" ]
	check_err $? "after ageing 77 conn-max 100: '$c'"
	xsw_run -n "$NS_A" switch set dev sw0 conn-max 1000000
	c=$(conn "$NS_A" sw0)
	[ "$rc" -eq 0 ] && [ "$c" = "1000000 0 0 0 77" ]
	check_err $? "conn-max 1000000: exit $rc '$err', then '$c'"
	line=$("$XSW" -n "$NS_A" switch show sw0 | sed -n 's/^ *connections /connections /p')
	[ "$line" = "connections 0/1000000 evictions 0 expired 0" ]
	check_err $? "xsw switch show sw0: '$line'"
	"$XSW" -n "$NS_A" switch set sw0 ageing 300 conn-max 65536
	check_err $? "cannot set sw0 back"

	log_test "switch set conn-max: 1..1000000, with ageing or alone, shown by show"
}

write_switch_set_py()
{
	cat >"$TMPD/switch_set.py" <<'EOF'
"""switch_set.py UAPI_HEADER SWITCH ATTR=VALUE...

One XSW_CMD_SWITCH_SET of u32 attributes (ATTR: AGEING_TIME, CONN_MAX...,
numbered from the header's enums), sent as a raw generic netlink request
so that the kernel's own checks answer.  Prints "ERRNO MESSAGE" (0 when
accepted; MESSAGE the extack text, or "-").
"""
import re
import socket
import struct
import sys

sys.path.insert(0, sys.argv[0].rsplit("/", 1)[0])
import genl  # noqa: E402


def enum(text, name, prefix):
    body = re.search(r"enum %s \{(.*?)\};" % name, text, re.S).group(1)
    body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
    names = [n.strip().split("=")[0].strip()
             for n in body.split(",") if n.strip()]
    return {n[len(prefix):]: i for i, n in enumerate(names)}


def attr(atype, payload):
    a = struct.pack("=HH", 4 + len(payload), atype) + payload
    return a + b"\0" * (-len(a) % 4)


def family_id(sock, name):
    msg = struct.pack("=BBH", genl.CTRL_CMD_GETFAMILY, 1, 0) + \
        attr(genl.CTRL_ATTR_FAMILY_NAME, name.encode() + b"\0")
    sock.send(struct.pack("=IHHII", 16 + len(msg), genl.GENL_ID_CTRL,
                          genl.NLM_F_REQUEST, 1, 0) + msg)
    for mtype, _, body in genl.messages(sock.recv(65536)):
        if mtype != genl.NLMSG_ERROR:
            return struct.unpack("=H", dict(genl.attrs(body))[1])[0]
    sys.exit("no xswitch family")


text = open(sys.argv[1]).read()
cmds = enum(text, "xsw_cmd", "XSW_CMD_")
attrs = enum(text, "xsw_switch_attr", "XSW_A_SWITCH_")
sock = genl.open_socket()
sock.setsockopt(genl.SOL_NETLINK, 11, 1)        # NETLINK_EXT_ACK
fam = family_id(sock, "xswitch")
body = attr(attrs["IFNAME"], sys.argv[2].encode() + b"\0")
for kv in sys.argv[3:]:
    k, v = kv.split("=")
    body += attr(attrs[k], struct.pack("=I", int(v)))
msg = struct.pack("=BBH", cmds["SWITCH_SET"], 1, 0) + body
sock.send(struct.pack("=IHHII", 16 + len(msg), fam, genl.NLM_F_REQUEST | 4,
                      2, 0) + msg)                # NLM_F_ACK
data = sock.recv(65536)
mlen, mtype, mflags = struct.unpack_from("=IHH", data)
err = -struct.unpack_from("=i", data, 16)[0]
text = "-"
if mflags & 0x200:                               # NLM_F_ACK_TLVS
    olen = 16 if mflags & 0x100 else struct.unpack_from("=I", data, 20)[0]
    off = 20 + ((olen + 3) & ~3)
    for atype, payload in genl.attrs(data[off:mlen]):
        if atype == 1:                           # NLMSGERR_ATTR_MSG
            text = payload.rstrip(b"\0").decode()
print(err, text)
EOF
	cp "$(dirname "$0")/lib/genl.py" "$TMPD/"
}

# The kernel checks for itself, and applies nothing of a refused request.
set_refused_by_kernel()
{
	local hdr r c

	RET=0
	hdr=$(dirname "$0")/../uapi/linux/xswitch.h
	write_switch_set_py
	for r in "AGEING_TIME=77 CONN_MAX=0" "AGEING_TIME=77 CONN_MAX=1000001" \
		 "CONN_MAX=5 AGEING_TIME=0"; do
		# shellcheck disable=SC2086  # $r is the attributes
		out=$(ip netns exec "$NS_A" python3 -I "$TMPD/switch_set.py" \
		      "$hdr" sw0 $r 2>&1)
		[[ "$out" == "34 "* ]] && [ "${out#34 }" != - ]
		check_err $? "SWITCH_SET $r: '$out', expected ERANGE (34) with a message"
	done
	c=$(conn "$NS_A" sw0)
	[ "$c" = "65536 0 0 0 300" ]
	check_err $? "after refused SWITCH_SETs: '$c', expected '65536 0 0 0 300'"

	out=$(ip netns exec "$NS_A" python3 -I "$TMPD/switch_set.py" "$hdr" \
	      sw0 CONN_MAX=7 AGEING_TIME=78 2>&1)
	[ "$out" = "0 -" ]
	check_err $? "SWITCH_SET CONN_MAX=7 AGEING_TIME=78: '$out'"
	c=$(conn "$NS_A" sw0)
	[ "$c" = "7 0 0 0 78" ]
	check_err $? "after CONN_MAX=7 AGEING_TIME=78: '$c'"
	"$XSW" -n "$NS_A" switch set sw0 ageing 300 conn-max 65536
	check_err $? "cannot set sw0 back"

	log_test "SWITCH_SET out of range: ERANGE with a message, nothing applied"
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
require_cmd "$XSW" ip jq setpriv python3
require_module xswitch

TMPD=$(mktemp -d)
defer rm -rf "$TMPD"
setup_ns NS_A NS_B || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
