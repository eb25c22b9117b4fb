#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Port ACLs ("xsw acl"): every match field allows and denies exactly the
# frames it matches, in both directions ("in" on A's port, "out" on B's),
# and each rule's counter and the port's "acl" drop counter move by exactly
# what was sent; the rule of lowest priority, then lowest id, decides; the
# default action takes what no rule matches and survives a flush; replace
# swaps a whole set at once under traffic (no frame of the allowed kind is
# lost, none of the denied kind passes) and a refused replace leaves the old
# set; bad input is refused with a message and changes nothing; 10,000
# rules on a port still decide right.
#
#  +- $NS_A ---------------------+        +- $NS_B ----------------------+
#  | e0 $MAC_A                   |        | e0 $MAC_B                    |
#  | sends crafted frames        |        | a packet socket: what gets   |
#  | (lib/sendframe.py kinds,    |        | through; IPv6 off, owns no   |
#  | TCP too), then a marker     |        | address the frames are sent  |
#  | (ethertype $ETH_MARK)       |        | to, so it never answers      |
#  +-----------|-----------------+        +--------------|---------------+
#  +-----------|-------------------------------------------|-- $NS_SW ---+
#  |          vA  ACL "in": A -> switch     ACL "out":    vB             |
#  |     mac-spoofing on        switch -> B                              |
#  |           +----------------------- sw0 ---------------+             |
#  +---------------------------------------------------------------------+
#
# Only A sends (B owns no address its frames go to and has IPv6 off), so
# every frame B receives is one A sent and counts are exact.  A check that
# frames did NOT pass sends a marker after them on the same path, allowed
# by a rule of priority 1, and waits for it.  B's frames are compared byte
# for byte with those sent.  Settings, rule counters and drop counters come
# from "xsw -j", read with jq (with python's json in frames.py).
#
# Frames are sent and received by $TMPD/frames.py, written below, which
# does a whole phase of a test in one process: under TCG every process
# started costs 0.2-0.5 s, and tcpdump and a python per frame kind made
# this test take over ten minutes.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	match_fields
	priority_order
	equal_priority_id_order
	default_action
	flush_keeps_default
	replace_under_traffic
	replace_refused_keeps_set
	bad_input
	rules_10000
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
BCAST=ff:ff:ff:ff:ff:ff
ETH_MARK=0x88b6
# The marker: broadcast, so it reaches B whatever the frames before it.
MARK_SPEC="--dst $BCAST raw $ETH_MARK"
MARK_RULE="priority 1 action allow eth_type $ETH_MARK"
# Addresses nobody owns (TEST-NET-1/2/3, 2001:db8::/32).
V4_SRC=192.0.2.1
V4_DST=198.51.100.1
V6_SRC=2001:db8:a::1
V6_DST=2001:db8:b::1

# $TMPD/frames.py: sends many crafted frames of several kinds (those of
# lib/sendframe.py, and TCP) from one process, and runs a whole match case
# (see match_case) in one: under TCG every process started costs 0.2-0.5 s,
# and a case would otherwise start some fifty.
write_frames_py()
{
	FRAMES=$TMPD/frames.py
	cat >"$FRAMES" <<'EOF'
"""frames.py L2_DIR send NETNS IFNAME DEFAULTS SPEC...
frames.py L2_DIR match OPTIONS (see match())

A SPEC is sendframe.py's command line as one string, "[-c N] [--src MAC]
[--dst MAC] [--tag TPID:VID]... KIND ARGS...", after the words of DEFAULTS
(a later --src/--dst wins).  KIND is a sendframe.py kind, or tcp4/tcp6 SIP
DIP SPORT DPORT FLAGS (a 20-byte TCP header, FLAGS its byte 13).
"""
import argparse
import ctypes
import json
import os
import select
import shlex
import socket
import struct
import subprocess
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, sys.argv[1])
import sendframe as sf  # noqa: E402

CLONE_NEWNET = 0x40000000
SOL_PACKET = 263
PACKET_ADD_MEMBERSHIP = 1
PACKET_MR_PROMISC = 1
PACKET_AUXDATA = 8
TP_STATUS_VLAN_VALID = 0x10
TP_STATUS_VLAN_TPID_VALID = 0x40
ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4
libc = ctypes.CDLL(None, use_errno=True)


def tcp(pseudo, sip, dip, sport, dport, flags):
    hdr = struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, flags,
                      65535, 0, 0)
    c = sf.csum(pseudo(sip, dip, 6, len(hdr)) + hdr)
    return hdr[:16] + struct.pack("!H", c) + hdr[18:]


def build(words):
    p = argparse.ArgumentParser()
    p.add_argument("-c", "--count", type=int, default=1)
    p.add_argument("--src", type=sf.mac, required=True)
    p.add_argument("--dst", type=sf.mac, required=True)
    p.add_argument("--tag", type=sf.tag, action="append", default=[])
    p.add_argument("kind")
    p.add_argument("args", nargs="*")
    o = p.parse_args(words)
    a = o.args
    if o.kind in ("tcp4", "tcp6"):
        sport, dport, flags = int(a[2]), int(a[3]), int(a[4], 0)
        if o.kind == "tcp4":
            etype, payload = sf.ipv4(a[0], a[1], 6,
                                     tcp(sf.pseudo4, a[0], a[1], sport,
                                         dport, flags))
        else:
            etype, payload = sf.ipv6(a[0], a[1], 6,
                                     tcp(sf.pseudo6, a[0], a[1], sport,
                                         dport, flags))
    else:
        etype, payload = sf.build_l3(o.kind, a)
    frame = o.dst + o.src
    for tpid, vid in o.tag:
        frame += struct.pack("!HH", tpid, vid)
    frame += struct.pack("!H", etype) + payload
    frame += b"\0" * max(0, 60 - len(frame))
    return o.count, frame


def in_netns(ns, fn):
    """fn() run in network namespace ns; sockets it makes stay there."""
    own = os.open("/proc/self/ns/net", os.O_RDONLY)
    fd = os.open("/run/netns/" + ns, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET):
            raise OSError(ctypes.get_errno(), "setns " + ns)
        return fn()
    finally:
        libc.setns(own, CLONE_NEWNET)
        os.close(fd)
        os.close(own)


def tx_socket(ns, ifname):
    def make():
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
        s.bind((ifname, 0))
        return s
    return in_netns(ns, make)


def rx_socket(ns, ifname):
    def make():
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                          socket.htons(ETH_P_ALL))
        s.bind((ifname, ETH_P_ALL))
        idx = socket.if_nametoindex(ifname)
        s.setsockopt(SOL_PACKET, PACKET_ADD_MEMBERSHIP,
                     struct.pack("iHH8s", idx, PACKET_MR_PROMISC, 0, b""))
        s.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
        return s
    return in_netns(ns, make)


def recv(s, timeout):
    """The next frame in, its VLAN tag put back; None after timeout."""
    end = time.monotonic() + timeout
    while True:
        left = end - time.monotonic()
        if left <= 0 or not select.select([s], [], [], left)[0]:
            return None
        data, anc, _, addr = s.recvmsg(65536, socket.CMSG_SPACE(32))
        if addr[2] == PACKET_OUTGOING:
            continue
        for level, typ, d in anc:
            if level != SOL_PACKET or typ != PACKET_AUXDATA:
                continue
            status, _, _, _, _, tci, tpid = struct.unpack("IIIHHHH", d[:20])
            if status & TP_STATUS_VLAN_VALID:
                if not status & TP_STATUS_VLAN_TPID_VALID:
                    tpid = 0x8100
                data = data[:12] + struct.pack("!HH", tpid, tci) + data[12:]
        return data


def xsw_batch(sw, lines):
    """Runs "xsw -n SW -j -s -batch -" on lines; returns its exit status,
    the JSON documents it printed, and its stderr."""
    r = subprocess.run([os.environ.get("XSW", "xsw"), "-n", sw, "-j", "-s",
                        "-batch", "-"],
                       input="".join(x + "\n" for x in lines), text=True,
                       capture_output=True)
    docs, out, dec = [], r.stdout.strip(), json.JSONDecoder()
    while out:
        doc, end = dec.raw_decode(out)
        docs.append(doc)
        out = out[end:].strip()
    return r.returncode, docs, r.stderr.strip()


def match(argv):
    """One match case, its phases in order.  For each: replace the ACL of
    the phase's port and direction with the marker rule and "action ACTION
    MATCH" (default deny for allow, allow for deny); send the matching
    frames, the others and the marker from A; take what B gets until the
    marker.  Prints per phase: "phase DIR ACTION RC YES NO OTHER MARKS
    DROPS RULES": the exit status of xsw, how many of the matching, the
    other and unknown frames and markers B got, the port's "acl" drops
    since, and the rules' "action:packets,...".  A direction is emptied
    (no rules, default allow) once its phases are done.  xsw runs twice a
    phase, with -batch."""
    p = argparse.ArgumentParser()
    p.add_argument("--sw", required=True)
    p.add_argument("--a", required=True)
    p.add_argument("--b", required=True)
    p.add_argument("--tmp", required=True)
    p.add_argument("--defaults", default="")
    p.add_argument("--mark", required=True)
    p.add_argument("--mark-rule", required=True)
    p.add_argument("--match", required=True)
    p.add_argument("--yes", action="append", default=[])
    p.add_argument("--no", action="append", default=[])
    p.add_argument("--phase", action="append", default=[],
                   help="DIR:PORT:ACTION")
    o = p.parse_args(argv)
    d = shlex.split(o.defaults)
    yes = [build(d + shlex.split(x)) for x in o.yes]
    no = [build(d + shlex.split(x)) for x in o.no]
    mark = build(d + shlex.split(o.mark))[1]
    yes_set = {f for _, f in yes}
    no_set = {f for _, f in no}
    tx = tx_socket(o.a, "e0")
    rx = rx_socket(o.b, "e0")
    rules = os.path.join(o.tmp, "match.rules")
    empty = os.path.join(o.tmp, "match.empty")
    open(empty, "w").close()

    for i, ph in enumerate(o.phase):
        dirn, port, action = ph.split(":")
        with open(rules, "w") as f:
            f.write("%s\naction %s %s\n" % (o.mark_rule, action, o.match))
        rc, docs, err = xsw_batch(o.sw, [
            "acl replace dev %s dir %s default %s -batch %s" % (
                port, dirn, "deny" if action == "allow" else "allow", rules),
            "port show dev %s" % port])
        if rc or len(docs) != 1:
            print("phase %s: %s" % (ph, err), file=sys.stderr)
            d0 = 0
        else:
            d0 = docs[0][0]["stats"]["drops"]["acl"]
        while recv(rx, 0) is not None:
            pass
        for n, f in yes + no:
            for _ in range(n):
                tx.send(f)
        tx.send(mark)
        got = {"yes": 0, "no": 0, "other": 0, "mark": 0}
        while True:
            f = recv(rx, 30)
            if f is None:
                break
            if f == mark:
                got["mark"] += 1
                break
            if f in yes_set:
                got["yes"] += 1
            elif f in no_set:
                got["no"] += 1
            else:
                got["other"] += 1
                print("phase %s: B got an unknown frame %s" % (ph, f.hex()),
                      file=sys.stderr)
        cmds = ["port show dev %s" % port,
                "acl show dev %s dir %s" % (port, dirn)]
        nxt = o.phase[i + 1].split(":") if i + 1 < len(o.phase) else None
        if not nxt or nxt[0] != dirn or nxt[1] != port:
            cmds.append("acl replace dev %s dir %s default allow -batch %s"
                        % (port, dirn, empty))
        rc2, docs, err = xsw_batch(o.sw, cmds)
        if rc2 or len(docs) != 2:
            print("phase %s: %s" % (ph, err), file=sys.stderr)
            d1, counts = d0, "error"
        else:
            d1 = docs[0][0]["stats"]["drops"]["acl"]
            counts = ",".join("%s:%d" % (r["action"], r["stats"]["packets"])
                              for r in docs[1][0]["rules"])
        print("phase %s %s %d %d %d %d %d %d %s" % (
            dirn, action, rc or rc2, got["yes"], got["no"], got["other"],
            got["mark"], d1 - d0, counts), flush=True)


def xchg(argv):
    """xchg NS_A NS_B DEFAULTS SPEC... MARK: A's e0 sends the frames of
    each SPEC, then the marker; B's e0 takes frames until the marker (30 s
    at most).  Prints how many frames equal to each SPEC's B got, the
    marker's, then how many unknown ones."""
    d = shlex.split(argv[2])
    frames = [build(d + shlex.split(s)) for s in argv[3:]]
    tx = tx_socket(argv[0], "e0")
    rx = rx_socket(argv[1], "e0")
    got = [0] * (len(frames) + 1)
    while recv(rx, 0) is not None:
        pass
    for n, f in frames:
        for _ in range(n):
            tx.send(f)
    while True:
        f = recv(rx, 30)
        if f is None:
            break
        for i, (_, g) in enumerate(frames):
            if f == g:
                got[i] += 1
                break
        else:
            got[-1] += 1
        if f == frames[-1][1]:
            break
    print(" ".join(str(n) for n in got))


def flood(argv):
    """flood NS IFNAME DEFAULTS STOPFILE SPEC: sends SPEC's frame over and
    over until STOPFILE exists, then prints how many times."""
    _, f = build(shlex.split(argv[2]) + shlex.split(argv[4]))
    tx = tx_socket(argv[0], argv[1])
    n = 0
    while n % 64 or not os.path.exists(argv[3]):
        tx.send(f)
        n += 1
    print(n)


def send(argv):
    ns, ifname, defaults = argv[0], argv[1], shlex.split(argv[2])
    frames = [build(defaults + shlex.split(s)) for s in argv[3:]]
    tx = tx_socket(ns, ifname)
    for n, f in frames:
        for _ in range(n):
            tx.send(f)


if sys.argv[2] == "match":
    match(sys.argv[3:])
elif sys.argv[2] == "xchg":
    xchg(sys.argv[3:])
elif sys.argv[2] == "flood":
    flood(sys.argv[3:])
else:
    send(sys.argv[3:])
EOF
}

setup()
{
	local p

	setup_ns NS_SW NS_A NS_B || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" || return
	for p in vA vB; do
		ip -n "$NS_SW" link set "$p" master sw0 || return
	done
	# A sends from many MACs.
	xsw -n "$NS_SW" port set vA mac-spoofing on || return
	write_frames_py
}

# frames [SPEC...]: A sends the frames of each SPEC (see frames.py), then
# nothing else; from MAC_A to MAC_B unless a SPEC says otherwise.
frames()
{
	python3 -I -S -B "$FRAMES" "$L2_DIR" send "$NS_A" e0 \
		"--src $MAC_A --dst $MAC_B" "$@"
}

# xchg SPEC...: A sends the frames of each SPEC and then a marker; B takes
# what comes until the marker.  Sets GOT to how many frames of each SPEC B
# got, in order, then 1 if the marker came, then how many frames B got
# that were not sent.
xchg()
{
	read -ra GOT < <(python3 -I -S -B "$FRAMES" "$L2_DIR" xchg "$NS_A" "$NS_B" \
		"--src $MAC_A --dst $MAC_B" "$@" "$MARK_SPEC")
}

# spec_count SPEC: how many frames SPEC sends.
spec_count()
{
	if [[ " $1 " =~ [[:space:]](-c|--count)[[:space:]]+([0-9]+)[[:space:]] ]]; then
		echo "${BASH_REMATCH[2]}"
	else
		echo 1
	fi
}

# acl_set PORT DIR DEFAULT [RULE...]: replace the port's ACL in DIR with
# the RULEs (each a line of a -batch file) and the DEFAULT action.
acl_set()
{
	local port=$1 dir=$2 def=$3; shift 3

	if [ $# -gt 0 ]; then
		printf '%s\n' "$@" >"$TMPD/rules"
	else
		: >"$TMPD/rules"
	fi
	xsw_run -n "$NS_SW" acl replace dev "$port" dir "$dir" default "$def" \
		-batch "$TMPD/rules"
	if [ "$rc" -ne 0 ]; then
		echo "xsw acl replace dev $port dir $dir default $def: $err" >&2
		return 1
	fi
}

# acl_clear PORT...: no rules, default allow, both directions.
acl_clear()
{
	local p

	for p in "$@"; do
		acl_set "$p" in allow && acl_set "$p" out allow || return
	done
}

# acl_get PORT DIR FILTER: jq FILTER on the ACL's object in
# "xsw -j -s acl show dev PORT dir DIR", e.g. acl_get vA in .default
acl_get()
{
	xsw_jq -n "$NS_SW" ".[0] | $3" -s acl show dev "$1" dir "$2"
}

# rx_b: frames B's e0 received.
rx_b()
{
	link_get "$NS_B" e0 .stats64.rx.packets
}

# drops_reach PORT N: the port's "acl" drops are at least N.
drops_reach()
{
	[ "$(port_drop "$NS_SW" "$1" acl)" -ge "$2" ]
}

# rx_b_reaches N: B's e0 received at least N frames.
rx_b_reaches()
{
	[ "$(rx_b)" -ge "$1" ]
}

rx_a_reaches()
{
	[ "$(port_stat "$NS_SW" vA rx_packets)" -ge "$1" ]
}

##############################################################################
# Every match field

# The table: name | the rule's match | specs of frames that match ; ... |
# specs of similar frames that do not ; ...  Frames go from MAC_A to MAC_B
# unless a spec says otherwise.
# shellcheck disable=SC2016
MATCH_TABLE='
src_mac      | src_mac 02:00:00:00:aa:01 | -c 2 --src 02:00:00:00:aa:01 raw 0x88b5 | --src 02:00:00:00:aa:03 raw 0x88b5 ; --src 02:00:00:00:ab:01 raw 0x88b5
src_mac_len  | src_mac 02:00:00:00:aa:00/40 | --src 02:00:00:00:aa:01 raw 0x88b5 ; --src 02:00:00:00:aa:fe udp4 192.0.2.1 198.51.100.1 1 2 | --src 02:00:00:00:ab:01 raw 0x88b5 ; --src 06:00:00:00:aa:01 raw 0x88b5
dst_mac      | dst_mac 02:00:00:00:00:0b | -c 2 raw 0x88b5 ; udp4 192.0.2.1 198.51.100.1 1 2 | --dst 02:00:00:00:00:0c raw 0x88b5 ; --dst 02:00:00:00:01:0b raw 0x88b5
dst_mac_mask | dst_mac 02:00:00:00:bb:00/ff:ff:ff:ff:ff:00 | -c 2 --dst 02:00:00:00:bb:01 raw 0x88b5 ; --dst 02:00:00:00:bb:ff raw 0x88b5 | --dst 02:00:00:00:bc:01 raw 0x88b5 ; --dst 02:00:00:01:bb:01 raw 0x88b5
eth_type     | eth_type 0x88b5 | -c 2 raw 0x88b5 | raw 0x88b7 ; udp4 192.0.2.1 198.51.100.1 1 2
eth_type_ipv6 | eth_type ipv6 | udp6 2001:db8:a::1 2001:db8:b::1 1 2 ; icmp6 2001:db8:a::1 2001:db8:b::1 128 0 | udp4 192.0.2.1 198.51.100.1 1 2 ; raw 0x88b5
vlan_id      | vlan_id 10 | -c 2 --tag 0x8100:10 raw 0x88b5 ; --tag 0x8100:10 udp4 192.0.2.1 198.51.100.1 1 2 | --tag 0x8100:20 raw 0x88b5 ; raw 0x88b5
src_ip4      | src_ip 192.0.2.0/25 | udp4 192.0.2.1 198.51.100.1 1 2 ; icmp4 192.0.2.127 198.51.100.1 8 0 | udp4 192.0.2.128 198.51.100.1 1 2 ; udp4 192.0.3.1 198.51.100.1 1 2 ; udp4 198.51.100.1 192.0.2.1 1 2
qinq_ip4     | src_ip 192.0.2.0/25 | --tag 0x88a8:5 udp4 192.0.2.1 198.51.100.1 1 2 ; --tag 0x88a8:5 --tag 0x8100:7 tcp4 192.0.2.9 198.51.100.1 1 2 0x02 | --tag 0x88a8:5 udp4 192.0.2.128 198.51.100.1 1 2 ; --tag 0x88a8:5 raw 0x88b5
dst_ip4      | dst_ip 198.51.100.7 | -c 2 udp4 192.0.2.1 198.51.100.7 1 2 ; tcp4 192.0.2.1 198.51.100.7 1 2 0x02 | udp4 192.0.2.1 198.51.100.8 1 2 ; udp4 198.51.100.7 192.0.2.1 1 2
src_ip6      | src_ip 2001:db8:a::/48 | udp6 2001:db8:a::1 2001:db8:b::1 1 2 ; udp6 2001:db8:a:ffff::1 2001:db8:b::1 1 2 | udp6 2001:db8:b::1 2001:db8:a::1 1 2 ; udp6 2001:db8:b:0:1::1 2001:db8:b::1 1 2 ; udp4 192.0.2.1 198.51.100.1 1 2
dst_ip6      | dst_ip 2001:db8:b::1/128 | -c 2 udp6 2001:db8:a::1 2001:db8:b::1 1 2 ; icmp6 2001:db8:a::1 2001:db8:b::1 128 0 | udp6 2001:db8:a::1 2001:db8:b::2 1 2 ; udp6 2001:db8:b::1 2001:db8:a::1 1 2
ip_proto     | ip_proto udp | udp4 192.0.2.1 198.51.100.1 1 2 ; udp6 2001:db8:a::1 2001:db8:b::1 1 2 | icmp4 192.0.2.1 198.51.100.1 8 0 ; tcp4 192.0.2.1 198.51.100.1 1 2 0x02 ; raw 0x88b5
ip_proto_num | ip_proto 6 | tcp4 192.0.2.1 198.51.100.1 1 2 0x02 ; tcp6 2001:db8:a::1 2001:db8:b::1 1 2 0x10 | udp4 192.0.2.1 198.51.100.1 1 2 ; icmp4 192.0.2.1 198.51.100.1 8 0
src_port     | ip_proto udp src_port 1000-1999 | udp4 192.0.2.1 198.51.100.1 1000 9 ; udp4 192.0.2.1 198.51.100.1 1999 9 ; udp6 2001:db8:a::1 2001:db8:b::1 1234 9 | udp4 192.0.2.1 198.51.100.1 999 9 ; udp4 192.0.2.1 198.51.100.1 2000 9 ; tcp4 192.0.2.1 198.51.100.1 1500 9 0x02
dst_port     | ip_proto tcp dst_port 80 | -c 2 tcp4 192.0.2.1 198.51.100.1 40000 80 0x02 ; tcp6 2001:db8:a::1 2001:db8:b::1 40000 80 0x10 | tcp4 192.0.2.1 198.51.100.1 40000 81 0x02 ; tcp4 192.0.2.1 198.51.100.1 80 40000 0x12 ; udp4 192.0.2.1 198.51.100.1 40000 80
icmp         | ip_proto icmp icmp_type 3 icmp_code 1 | -c 2 icmp4 192.0.2.1 198.51.100.1 3 1 | icmp4 192.0.2.1 198.51.100.1 3 0 ; icmp4 192.0.2.1 198.51.100.1 4 1 ; icmp4 192.0.2.1 198.51.100.1 8 0
icmpv6       | ip_proto icmpv6 icmp_type 128 | icmp6 2001:db8:a::1 2001:db8:b::1 128 0 ; icmp6 2001:db8:a::1 2001:db8:b::1 128 1 | icmp6 2001:db8:a::1 2001:db8:b::1 129 0 ; icmp4 192.0.2.1 198.51.100.1 8 0
tcp_flags    | ip_proto tcp tcp_flags syn/syn,ack | tcp4 192.0.2.1 198.51.100.1 1 2 0x02 ; tcp4 192.0.2.1 198.51.100.1 1 2 0x42 | tcp4 192.0.2.1 198.51.100.1 1 2 0x12 ; tcp4 192.0.2.1 198.51.100.1 1 2 0x10 ; tcp4 192.0.2.1 198.51.100.1 1 2 0x01
tcp_flags_num | ip_proto tcp tcp_flags 0x11 | -c 2 tcp4 192.0.2.1 198.51.100.1 1 2 0x11 | tcp4 192.0.2.1 198.51.100.1 1 2 0x19 ; tcp4 192.0.2.1 198.51.100.1 1 2 0x10 ; tcp4 192.0.2.1 198.51.100.1 1 2 0x01
'

# The vlan_id case needs trunk ports: VLANs 10 and 20 tagged, 1 native
# (for the marker).
pre_vlan_id()
{
	xsw -n "$NS_SW" port set vA vlan-mode trunk vlans 1,10,20 native 1 &&
		xsw -n "$NS_SW" port set vB vlan-mode trunk vlans 1,10,20 native 1
}
post_vlan_id()
{
	xsw -n "$NS_SW" port set vA vlan-mode access pvid 1 &&
		xsw -n "$NS_SW" port set vB vlan-mode access pvid 1
}

trim()
{
	local s=$1

	s=${s#"${s%%[![:space:]]*}"}
	echo "${s%"${s##*[![:space:]]}"}"
}

# match_case NAME MATCH MATCHING NONMATCHING: for "in" on vA, then "out"
# on vB, a rule "deny MATCH" (default allow), then "allow MATCH" (default
# deny): B gets exactly the frames it should, the rule counts the matching
# frames, and the port's "acl" drops grow by what was denied.  frames.py
# does the work of each phase and says what it saw; the checks are here.
match_case()
{
	local name=$1 match=$2
	local -a args=() specs
	local s n_yes=0 n_no=0 what ph dir action prc yes no other marks drops rules
	local e_yes e_no e_drops phases=0

	IFS=';' read -ra specs <<<"$3"
	for s in "${specs[@]}"; do
		s=$(trim "$s")
		args+=(--yes "$s")
		n_yes=$((n_yes + $(spec_count "$s")))
	done
	IFS=';' read -ra specs <<<"$4"
	for s in "${specs[@]}"; do
		s=$(trim "$s")
		args+=(--no "$s")
		n_no=$((n_no + $(spec_count "$s")))
	done

	RET=0
	if declare -F "pre_$name" >/dev/null; then
		"pre_$name"
		check_err $? "setting up for $name failed"
	fi
	while read -r ph dir action prc yes no other marks drops rules; do
		[ "$ph" = phase ] || continue
		phases=$((phases + 1))
		what="dir $dir action $action $match"
		if [ "$action" = deny ]; then
			e_yes=0 e_no=$n_no e_drops=$n_yes
		else
			e_yes=$n_yes e_no=0 e_drops=$n_no
		fi
		[ "$prc" -eq 0 ]
		check_err $? "$what: xsw failed"
		[ "$marks" -eq 1 ]
		check_err $? "$what: B did not get the marker"
		[ "$yes" -eq "$e_yes" ]
		check_err $? "$what: B got $yes of the $n_yes matching frames, expected $e_yes"
		[ "$no" -eq "$e_no" ]
		check_err $? "$what: B got $no of the $n_no other frames, expected $e_no"
		[ "$other" -eq 0 ]
		check_err $? "$what: B got $other frames that were not sent"
		[ "$drops" -eq "$e_drops" ]
		check_err $? "$what: acl drops +$drops, expected +$e_drops"
		[ "$rules" = "allow:1,$action:$n_yes" ]
		check_err $? "$what: rules (action:packets) '$rules', expected 'allow:1,$action:$n_yes'"
	done < <(XSW=$XSW python3 -I -S -B "$FRAMES" "$L2_DIR" match --sw "$NS_SW" \
			--a "$NS_A" --b "$NS_B" --tmp "$TMPD" --defaults "--src $MAC_A --dst $MAC_B" \
			--mark "$MARK_SPEC" --mark-rule "$MARK_RULE" --match "$match" \
			"${args[@]}" --phase in:vA:deny --phase in:vA:allow \
			--phase out:vB:deny --phase out:vB:allow 2>"$TMPD/match.err")
	[ "$phases" -eq 4 ]
	check_err $? "frames.py ran $phases of 4 phases"
	[ ! -s "$TMPD/match.err" ]
	check_err $? "frames.py: $(head -n 5 "$TMPD/match.err")"
	if declare -F "post_$name" >/dev/null; then
		"post_$name"
		check_err $? "restoring after $name failed"
	fi
	log_test "match $name: $match allows and denies exactly its frames, in and out"
}

match_fields()
{
	local name match yes no

	while IFS='|' read -r name match yes no; do
		name=$(trim "$name")
		[ -n "$name" ] || continue
		[ -z "${MATCH_CASES:-}" ] || [[ " $MATCH_CASES " == *" $name "* ]] || continue
		match_case "$name" "$(trim "$match")" "$yes" "$no"
	done <<<"$MATCH_TABLE"
}

##############################################################################
# Order

UDP5000="udp4 $V4_SRC $V4_DST 4000 5000"

priority_order()
{
	local d0 d1 p

	RET=0
	# The deny comes first in the file (lower id) but has the higher
	# priority number: priority decides before the id.
	acl_set vA in allow "$MARK_RULE" \
		"priority 20 action deny ip_proto udp dst_port 5000" \
		"priority 10 action allow ip_proto udp dst_port 5000"
	check_err $? "cannot set the rules"
	p=$(acl_get vA in '.rules | map("\(.priority):\(.action)") | join(" ")')
	[ "$p" = "1:allow 10:allow 20:deny" ]
	check_err $? "rules listed as '$p', expected in evaluation order '1:allow 10:allow 20:deny'"

	d0=$(port_drop "$NS_SW" vA acl)
	xchg "-c 3 $UDP5000"
	[ "${GOT[*]}" = "3 1 0" ]
	check_err $? "allow at 10, deny at 20: B got '${GOT[*]}' (frames, marker, others), expected '3 1 0'"
	p=$(acl_get vA in '.rules | map("\(.stats.packets)/\(.stats.bytes)") | join(" ")')
	[ "$p" = "1/60 3/180 0/0" ]
	check_err $? "allow at 10, deny at 20: rule counters (packets/bytes) '$p', expected '1/60 3/180 0/0'"

	# Swapped.
	acl_set vA in allow "$MARK_RULE" \
		"priority 10 action deny ip_proto udp dst_port 5000" \
		"priority 20 action allow ip_proto udp dst_port 5000"
	check_err $? "cannot set the swapped rules"
	xchg "-c 3 $UDP5000"
	[ "${GOT[*]}" = "0 1 0" ]
	check_err $? "deny at 10, allow at 20: B got '${GOT[*]}' (frames, marker, others), expected '0 1 0'"
	p=$(acl_get vA in '.rules | map("\(.action):\(.stats.packets)") | join(" ")')
	[ "$p" = "allow:1 deny:3 allow:0" ]
	check_err $? "deny at 10, allow at 20: rule counters '$p', expected 'allow:1 deny:3 allow:0'"
	d1=$(port_drop "$NS_SW" vA acl)
	[ "$d1" -eq $((d0 + 3)) ]
	check_err $? "vA acl drops $d0 -> $d1, expected +3"
	acl_clear vA
	check_err $? "cannot clear the ACL"

	log_test "priority: the matching rule of lowest priority decides"
}

equal_priority_id_order()
{
	local id_mark id_allow id_deny id2 d0 d1 p

	RET=0
	acl_set vA in allow "$MARK_RULE"
	check_err $? "cannot set the marker rule"
	id_mark=$(acl_get vA in '.rules[0].id')
	xsw_run -n "$NS_SW" -j acl add dev vA dir in priority 50 action allow ip_proto udp dst_port 5000
	check_err "$rc" "add allow: $err"
	id_allow=$(jq -r '.[0].id' <<<"$out")
	xsw_run -n "$NS_SW" -j acl add dev vA dir in priority 50 action deny ip_proto udp dst_port 5000
	check_err "$rc" "add deny: $err"
	id_deny=$(jq -r '.[0].id' <<<"$out")
	[ "$id_allow" -lt "$id_deny" ]
	check_err $? "ids: allow $id_allow, deny $id_deny; expected the first added lower"
	p=$(acl_get vA in '.rules | map("\(.id):\(.action)") | join(" ")')
	[ "$p" = "$id_mark:allow $id_allow:allow $id_deny:deny" ]
	check_err $? "rules listed as '$p', expected '$id_mark:allow $id_allow:allow $id_deny:deny'"

	xchg "-c 2 $UDP5000"
	[ "${GOT[*]}" = "2 1 0" ]
	check_err $? "allow (id $id_allow) before deny (id $id_deny): B got '${GOT[*]}' (frames, marker, others), expected '2 1 0'"

	# The allow again, now with a higher id than the deny.
	xsw_run -n "$NS_SW" acl del dev vA id "$id_allow"
	check_err "$rc" "del id $id_allow: $err"
	xsw_run -n "$NS_SW" -j acl add dev vA dir in priority 50 action allow ip_proto udp dst_port 5000
	check_err "$rc" "add allow again: $err"
	id2=$(jq -r '.[0].id' <<<"$out")
	[ "$id2" -gt "$id_deny" ]
	check_err $? "the allow added again got id $id2, not above the deny's $id_deny"
	p=$(acl_get vA in '.rules | map("\(.id):\(.action)") | join(" ")')
	[ "$p" = "$id_mark:allow $id_deny:deny $id2:allow" ]
	check_err $? "rules listed as '$p', expected '$id_mark:allow $id_deny:deny $id2:allow'"
	d0=$(port_drop "$NS_SW" vA acl)
	xchg "-c 2 $UDP5000"
	[ "${GOT[*]}" = "0 1 0" ]
	check_err $? "deny (id $id_deny) before allow (id $id2): B got '${GOT[*]}' (frames, marker, others), expected '0 1 0'"
	d1=$(port_drop "$NS_SW" vA acl)
	[ "$d1" -eq $((d0 + 2)) ]
	check_err $? "vA acl drops $d0 -> $d1, expected +2"
	p=$(acl_get vA in '.rules[1:] | map(.stats.packets) | join(" ")')
	[ "$p" = "2 0" ]
	check_err $? "deny, allow counters '$p', expected '2 0'"

	xsw_run -n "$NS_SW" acl del dev vA dir out id "$id2"
	check_refused "del of an 'in' rule with dir out" "not found"
	xsw_run -n "$NS_SW" acl del dev vA id "$id_allow"
	check_refused "del of a deleted id" "not found"
	acl_clear vA
	check_err $? "cannot clear the ACL"

	log_test "equal priorities: the lower id decides"
}

##############################################################################
# Default action and flush

default_action()
{
	local d0 d1 p

	RET=0
	acl_set vA in deny "$MARK_RULE" "action allow ip_proto udp dst_port 7000"
	check_err $? "cannot set the rules"
	p=$(xsw_jq -n "$NS_SW" 'map("\(.dir):\(.default)") | join(" ")' acl show dev vA)
	[ "$p" = "in:deny out:allow" ]
	check_err $? "vA defaults '$p', expected 'in:deny out:allow'"

	d0=$(port_drop "$NS_SW" vA acl)
	# Allowed: the 3 to UDP port 7000 (IPv4 and IPv6: ip_proto alone is
	# either family).  Denied by default: the other 4.
	xchg "-c 2 udp4 $V4_SRC $V4_DST 1 7000" "udp4 $V4_SRC $V4_DST 1 7001" \
		"udp4 $V4_SRC $V4_DST 7000 1" "raw 0x88b5" "icmp4 $V4_SRC $V4_DST 8 0" \
		"udp6 $V6_SRC $V6_DST 1 7000"
	[ "${GOT[*]}" = "2 0 0 0 0 1 1 0" ]
	check_err $? "B got '${GOT[*]}' of each kind (2 1 1 1 1 1 sent, marker, others), expected '2 0 0 0 0 1 1 0'"
	d1=$(port_drop "$NS_SW" vA acl)
	[ "$d1" -eq $((d0 + 4)) ]
	check_err $? "vA acl drops $d0 -> $d1, expected +4 (the default's)"
	p=$(acl_get vA in '.rules | map(.stats.packets) | join(" ")')
	[ "$p" = "1 3" ]
	check_err $? "rule counters '$p', expected '1 3': the default counts in no rule"

	log_test "default deny drops what no rule allows"
}

flush_keeps_default()
{
	local d0 d1 n p

	RET=0
	# From default_action: vA in default deny, 2 rules.  Some rules out.
	acl_set vA out allow "action deny ip_proto udp dst_port 7002"
	check_err $? "cannot set rules out"
	xsw_run -n "$NS_SW" acl flush dev vA dir out
	check_err "$rc" "flush dev vA dir out: $err"
	p=$(xsw_jq -n "$NS_SW" 'map("\(.dir):\(.default):\(.rules | length)") | join(" ")' acl show dev vA)
	[ "$p" = "in:deny:2 out:allow:0" ]
	check_err $? "after flush dir out: '$p', expected 'in:deny:2 out:allow:0'"

	xsw_run -n "$NS_SW" acl flush dev vA
	check_err "$rc" "flush dev vA: $err"
	p=$(xsw_jq -n "$NS_SW" 'map("\(.dir):\(.default):\(.rules | length)") | join(" ")' acl show dev vA)
	[ "$p" = "in:deny:0 out:allow:0" ]
	check_err $? "after flush: '$p', expected 'in:deny:0 out:allow:0'"
	# A dump of every port shows what is not "no rules, allow".
	p=$(xsw_jq -n "$NS_SW" 'map("\(.dev):\(.dir):\(.default)") | join(" ")' acl show)
	[ "$p" = "vA:in:deny" ]
	check_err $? "xsw acl show lists '$p', expected 'vA:in:deny'"

	# Everything is denied now, the marker too.
	d0=$(port_drop "$NS_SW" vA acl)
	n=$(rx_b)
	frames "-c 2 udp4 $V4_SRC $V4_DST 1 7000" "$MARK_SPEC"
	busywait 30000 drops_reach vA $((d0 + 3))
	d1=$(port_drop "$NS_SW" vA acl)
	[ "$d1" -eq $((d0 + 3)) ]
	check_err $? "flushed, default deny: vA acl drops $d0 -> $d1, expected +3"
	[ "$(rx_b)" -eq "$n" ]
	check_err $? "flushed, default deny: B received $(($(rx_b) - n)) frames"

	xsw_run -n "$NS_SW" acl default dev vA dir in allow
	check_err "$rc" "acl default dev vA dir in allow: $err"
	p=$(xsw_jq -n "$NS_SW" 'length' acl show)
	[ "$p" -eq 0 ]
	check_err $? "xsw acl show lists $p ACLs after default allow, expected none"
	xchg "-c 2 udp4 $V4_SRC $V4_DST 1 7000"
	[ "${GOT[*]}" = "2 1 0" ]
	check_err $? "default allow again: B got '${GOT[*]}' (frames, marker, others), expected '2 1 0'"

	log_test "flush removes the rules and keeps the default action"
}

##############################################################################
# Replace

# set1/set2 FILE: two rule sets that allow UDP to 6001 and deny all other
# UDP.  Set 2 has the same two rules in the other order (so other ids),
# with 498 filler rules between them that match nothing sent.
write_set1()
{
	printf '%s\n' "priority 10 action allow ip_proto udp dst_port 6001" \
		"priority 20 action deny ip_proto udp" >"$1"
}
write_set2()
{
	local i

	{
		echo "# set 2: 500 rules"
		echo "priority 20 action deny ip_proto udp"
		for ((i = 0; i < 249; i++)); do
			echo "priority 15 action deny ip_proto udp dst_port $((30000 + i))"
			echo "priority 15 action deny dst_ip 203.0.113.$((i % 250))/32 ip_proto udp src_port $((20000 + i))"
		done
		echo "priority 10 action allow ip_proto udp dst_port 6001"
	} >"$1"
}

replace_under_traffic()
{
	local swaps=${ACL_SWAPS:-10} pa pb i bad=0 na nb
	local rx0 rx1 d0 d1 in0 in1 p

	RET=0
	write_set1 "$TMPD/set1"
	write_set2 "$TMPD/set2"
	[ "$(grep -c action "$TMPD/set2")" -eq 500 ]
	check_err $? "set 2 does not have 500 rules"
	xsw_run -n "$NS_SW" acl replace dev vA dir in -batch "$TMPD/set1"
	check_err "$rc" "replace with set 1: $err"

	rx0=$(rx_b)
	d0=$(port_drop "$NS_SW" vA acl)
	in0=$(port_stat "$NS_SW" vA rx_packets)
	rm -f "$TMPD/flood.stop"
	python3 -I -S -B "$FRAMES" "$L2_DIR" flood "$NS_A" e0 \
		"--src $MAC_A --dst $MAC_B" "$TMPD/flood.stop" \
		"udp4 $V4_SRC $V4_DST 1 6001" >"$TMPD/a.count" &
	pa=$!
	python3 -I -S -B "$FRAMES" "$L2_DIR" flood "$NS_A" e0 \
		"--src $MAC_A --dst $MAC_B" "$TMPD/flood.stop" \
		"udp4 $V4_SRC $V4_DST 1 6002" >"$TMPD/b.count" &
	pb=$!
	defer "kill $pa $pb 2>/dev/null"
	# Both are sending once the drops and B's count move.
	busywait 60000 drops_reach vA $((d0 + 1000))
	check_err $? "the frames to port 6002 do not flow"
	busywait 60000 rx_b_reaches $((rx0 + 1000))
	check_err $? "the frames to port 6001 do not flow"
	for ((i = 0; i < swaps; i++)); do
		xsw_run -n "$NS_SW" acl replace dev vA dir in -batch "$TMPD/set2"
		[ "$rc" -eq 0 ] || bad=$((bad + 1))
		xsw_run -n "$NS_SW" acl replace dev vA dir in -batch "$TMPD/set1"
		[ "$rc" -eq 0 ] || bad=$((bad + 1))
	done
	touch "$TMPD/flood.stop"
	wait "$pa"
	check_err $? "sending the frames to port 6001 failed"
	wait "$pb"
	check_err $? "sending the frames to port 6002 failed"
	[ "$bad" -eq 0 ]
	check_err $? "$bad of $((2 * swaps)) replaces failed: $err"
	na=$(<"$TMPD/a.count")
	nb=$(<"$TMPD/b.count")
	log_info "$((2 * swaps)) replaces (2 <-> 500 rules) under $na + $nb frames"

	# The last frames sent may still wait in a backlog queue.
	busywait 30000 rx_a_reaches $((in0 + na + nb))
	in1=$(port_stat "$NS_SW" vA rx_packets)
	[ $((in1 - in0)) -eq $((na + nb)) ]
	check_err $? "vA received $((in1 - in0)) frames of $((na + nb)) sent (lost before the switch)"
	busywait 30000 rx_b_reaches $((rx0 + na))
	busywait 30000 drops_reach vA $((d0 + nb))
	rx1=$(rx_b)
	d1=$(port_drop "$NS_SW" vA acl)
	[ $((rx1 - rx0)) -eq "$na" ]
	check_err $? "B received $((rx1 - rx0)) frames, expected the $na to port 6001 only"
	[ $((d1 - d0)) -eq "$nb" ]
	check_err $? "vA acl drops +$((d1 - d0)), expected the $nb to port 6002"
	p=$(acl_get vA in '.rules | length')
	[ "$p" -eq 2 ]
	check_err $? "vA in has $p rules at the end, expected set 1's 2"

	log_test "replace under traffic: each frame meets the old set or the new one"
}

replace_refused_keeps_set()
{
	local before after i

	RET=0
	write_set2 "$TMPD/set2"
	xsw_run -n "$NS_SW" acl replace dev vA dir in -batch "$TMPD/set2"
	check_err "$rc" "replace with set 2: $err"
	before=$(acl_get vA in '[.default, (.rules | map(.id))] | tojson')

	# Line 4 is bad (the first line is a comment).
	sed '4s/.*/priority 15 action deny ip_proto udp dst_port 90-80/' \
		"$TMPD/set2" >"$TMPD/bad"
	xsw_run -n "$NS_SW" acl replace dev vA dir in default deny -batch "$TMPD/bad"
	check_refused "a set with a reversed port range on line 4" \
		"$TMPD/bad:4: port range 90-80 is reversed"
	after=$(acl_get vA in '[.default, (.rules | map(.id))] | tojson')
	[ "$after" = "$before" ]
	check_err $? "the set changed after a refused replace"

	# What only the kernel can refuse: port ranges that make more than
	# its 160,000 classifier entries (each of these makes 30 x 30).
	for ((i = 0; i < 200; i++)); do
		echo "action deny ip_proto tcp src_port 1-65534 dst_port 1-65534 dst_ip 10.$i.0.0/16"
	done >"$TMPD/big"
	xsw_run -n "$NS_SW" acl replace dev vA dir in -batch "$TMPD/big"
	check_refused "a set of too many classifier entries" "classifier entries"
	after=$(acl_get vA in '[.default, (.rules | map(.id))] | tojson')
	[ "$after" = "$before" ]
	check_err $? "the set changed after a replace the kernel refused"

	# The old set still decides.
	xchg "udp4 $V4_SRC $V4_DST 1 6002" "udp4 $V4_SRC $V4_DST 1 6001"
	[ "${GOT[*]}" = "0 1 1 0" ]
	check_err $? "after the refused replaces, B got '${GOT[*]}' (to 6002, to 6001, marker, others), expected '0 1 1 0'"
	acl_clear vA
	check_err $? "cannot clear the ACL"

	log_test "a refused replace names the line and leaves the old set"
}

##############################################################################
# Bad input

bad_input()
{
	local before after i

	RET=0
	acl_set vA in deny "$MARK_RULE" "action allow ip_proto udp"
	check_err $? "cannot set the rules"
	before=$(xsw_json -n "$NS_SW" acl show | jq -c .)

	xsw_run -n "$NS_SW" acl add dev vA dir in action deny ip_proto udp dst_port 90-80
	check_refused "reversed port range" "port range 90-80 is reversed"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny ip_proto tcp src_port 2000-1999
	check_refused "reversed source port range" "port range 2000-1999 is reversed"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny src_ip 10.0.0.0/33
	check_refused "IPv4 prefix /33" "prefix /33 is longer than an IPv4 address"
	xsw_run -n "$NS_SW" acl add dev vA dir out action deny dst_ip 2001:db8::/129
	check_refused "IPv6 prefix /129" "prefix /129 is longer than an IPv6 address"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny ip_proto foo
	check_refused "unknown protocol" 'unknown ip_proto "foo"'
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny ip_proto 256
	check_refused "protocol 256" 'unknown ip_proto "256"'
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny dst_port 80
	check_refused "a port without ip_proto" "dst_port needs ip_proto tcp, udp or sctp"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny ip_proto udp icmp_type 8
	check_refused "icmp_type with udp" "icmp_type needs ip_proto icmp or icmpv6"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny ip_proto icmpv6 icmp_type 128 src_ip 10.0.0.1
	check_refused "icmpv6 type with IPv4" "icmpv6"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny src_ip 10.0.0.1 dst_ip 2001:db8::1
	check_refused "mixed families" "src_ip is an IPv4 address and dst_ip an IPv6"
	xsw_run -n "$NS_SW" acl add dev vA dir in action deny vlan_id 4095
	check_refused "vlan_id 4095" 'vlan_id "4095"'
	xsw_run -n "$NS_SW" acl add dev vA dir in action permit
	check_refused "unknown action" 'unknown action "permit"'
	xsw_run -n "$NS_SW" acl add dev vA dir sideways action deny
	check_refused "unknown direction" '"dir" is in or out'
	xsw_run -n "$NS_SW" acl default dev vA dir in maybe
	check_refused "unknown default" "the default action is allow or deny"

	# A port of another namespace is no port here, and a device that is
	# not a port is refused as such.  (sw0 is one: the host port.)
	xsw_run -n "$NS_A" acl add dev vA dir in action deny
	check_refused "vA from A's namespace" "no such port"
	xsw_run -n "$NS_A" acl replace dev vA dir in -batch /dev/null
	check_refused "replace of vA from A's namespace" "no such port"
	xsw_run -n "$NS_A" acl flush dev vA
	check_refused "flush of vA from A's namespace" "no such port"
	xsw_run -n "$NS_A" acl add dev e0 dir in action deny
	check_refused "e0, not a port" "not a switch port"

	# 10,001 rules.
	for ((i = 0; i < 10001; i++)); do
		echo "action deny ip_proto udp dst_port $i"
	done >"$TMPD/r10001"
	xsw_run -n "$NS_SW" acl replace dev vA dir in -batch "$TMPD/r10001"
	check_refused "10,001 rules" "$TMPD/r10001:10001: more than 10000 rules"

	after=$(xsw_json -n "$NS_SW" acl show | jq -c .)
	[ "$after" = "$before" ]
	check_err $? "the ACLs changed: '$before' -> '$after'"
	acl_clear vA
	check_err $? "cannot clear the ACL"

	log_test "bad input is refused with a message and changes nothing"
}

##############################################################################
# 10,000 rules

rules_10000()
{
	local i t0 t1 d0 d1 p before

	RET=0
	# The marker's rule, 9,998 rules that do not match the allowed flow, in
	# 8 shapes (the marker's among them), then the one that does, last in
	# evaluation order; default deny.
	{
		echo "$MARK_RULE"
		for ((i = 0; i < 9998; i++)); do
			case $((i % 8)) in
			0) echo "priority 100 action deny ip_proto udp dst_port $((10000 + i))" ;;
			1) echo "priority 100 action deny ip_proto udp src_port $((10000 + i))" ;;
			2) echo "priority 100 action deny dst_ip 10.$((i / 256 % 256)).$((i % 256)).0/24" ;;
			3) echo "priority 100 action deny src_ip 10.$((i / 256 % 256)).$((i % 256)).1" ;;
			4) printf 'priority 100 action deny dst_mac 02:00:00:%02x:%02x:01\n' $((i / 256)) $((i % 256)) ;;
			5) echo "priority 100 action deny ip_proto udp src_port $i dst_port 9" ;;
			6) printf 'priority 100 action deny dst_ip 2001:db8:%x::/48\n' "$i" ;;
			7) echo "priority 100 action deny eth_type $((0x9000 + i))" ;;
			esac
		done
		echo "priority 200 action allow ip_proto udp dst_port 7777"
	} >"$TMPD/r10000"
	t0=$(date +%s%3N)
	xsw_run -n "$NS_SW" acl replace dev vA dir in default deny -batch "$TMPD/r10000"
	t1=$(date +%s%3N)
	check_err "$rc" "replace with 10,000 rules: $err"
	log_info "replace with 10,000 rules took $((t1 - t0)) ms"
	p=$(acl_get vA in '"\(.rules | length) \(.shapes) \(.default) \(.rules[-1].priority)"')
	[ "$p" = "10000 8 deny 200" ]
	check_err $? "vA in: '$p' (rules, shapes, default, last priority), expected '10000 8 deny 200'"

	# One more is one too many.
	before=$(acl_get vA in '.rules[-1].id')
	xsw_run -n "$NS_SW" acl add dev vA dir in action allow
	check_refused "rule 10,001 by add" "too many rules"
	[ "$(acl_get vA in '"\(.rules | length) \(.rules[-1].id)"')" = "10000 $before" ]
	check_err $? "a refused add changed the rules"

	d0=$(port_drop "$NS_SW" vA acl)
	# Allowed by the last rule: 3.  Denied by a rule on dst_port 10008: 1,
	# by one on src_ip 10.0.3.1: 1, by the default: 1.
	xchg "-c 3 udp4 $V4_SRC $V4_DST 1 7777" "udp4 $V4_SRC $V4_DST 1 10008" \
		"udp4 10.0.3.1 $V4_DST 7777 1" "udp4 $V4_SRC $V4_DST 1 7778"
	[ "${GOT[*]}" = "3 0 0 0 1 0" ]
	check_err $? "B got '${GOT[*]}' of each kind (3 1 1 1 sent, marker, others), expected '3 0 0 0 1 0'"
	d1=$(port_drop "$NS_SW" vA acl)
	[ "$d1" -eq $((d0 + 3)) ]
	check_err $? "vA acl drops $d0 -> $d1, expected +3"
	p=$(xsw_json -n "$NS_SW" -s acl show dev vA dir in |
		jq -r '.[0].rules | "\(.[-1].stats.packets) \(map(select(.match.dst_port == "10008"))[0].stats.packets) \(map(.stats.packets) | add)"')
	[ "$p" = "3 1 6" ]
	check_err $? "counters (last rule, dst_port 10008, all): '$p', expected '3 1 6'"

	xsw_run -n "$NS_SW" acl flush dev vA
	check_err "$rc" "flush of 10,000 rules: $err"
	acl_clear vA
	check_err $? "cannot clear the ACL"

	log_test "10,000 rules in 8 shapes, the matching one last"
}

l2_require
require_cmd python3
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
