#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Stateful port ACLs: an "allow-stateful" rule allows a frame and opens its
# connection, whose frames the port then lets through both ways whatever
# its rules and defaults say: the opener's, the way the rule let the first
# one through, and the return traffic, the other way.
#
# Client VM: V's port allows, coming in (from V), only ICMP echo requests,
# TCP and UDP, each by an allow-stateful rule, and going out (to V)
# nothing: its default is deny and it has no rule.  V pings P and talks TCP
# and UDP to P and gets the answers; P cannot reach V on its own, and
# frames to V that are almost the answers (another port, another address)
# are dropped; an idle UDP connection expires.  Only each connection's
# first frame reaches the rules.
#
# Server VM: V's port allows, going out (to V), TCP to port 8080 by an
# allow-stateful rule, and nothing else either way: P talks to V's server
# on 8080, not on 8081, and V cannot open a connection to P.
#
# README's example: both defaults deny and one allow-stateful rule, on the
# client's SYN alone: 32 KB go each way, and V cannot open a connection.
#
# The connection table: "xsw switch set sw0 conn-max 4" evicts down to 4,
# more flows than that evict the oldest, and "xsw -j switch show" reports
# conn_max, conn_entries, conn_evictions and conn_expired as numbers, the
# same as the text output.
#
#  +- $NS_V -------------------------+   +- $NS_P -------------------------+
#  | e0 $IP_V $MAC_V                 |   | e0 $IP_P $MAC_P                 |
#  | the VM: TCP/UDP servers and     |   | its peer: TCP/UDP echo servers  |
#  | clients (sock.py), a UDP sink   |   | and clients, crafted frames     |
#  +---------------|-----------------+   +---------------|-----------------+
#  +---------------|-------------------------------------|----- $NS_SW ----+
#  |    ACL "in"  vV  ACL "out"                          vP   no ACL        |
#  |    (from V)   +------------------- sw0 ------------+                   |
#  +------------------------------------------------------------------------+
#
# IPv6 is off and neighbour entries are permanent, so only the test's own
# traffic crosses the switch and the "acl" drop counter of vV can be
# checked exactly.  Servers and clients are $TMPD/sock.py (python sockets;
# there is no nc); results come from "xsw -j" and the servers' logs.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	client_acl
	vm_pings_peer
	peer_cannot_ping_vm
	vm_tcp_to_peer
	peer_tcp_to_vm_denied
	vm_udp_to_peer
	udp_return_exact_tuple
	udp_connection_expires
	server_acl
	readme_syn_only
	conn_max_evicts
	switch_show_counters
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

MAC_V=02:00:00:00:00:01
MAC_P=02:00:00:00:00:02
IP_V=10.0.0.1
IP_P=10.0.0.2
# The UDP "other" idle timeout (XSW_ACL_CONN_OTHER_TIMEOUT), in seconds.
UDP_TIMEOUT=30

write_sock_py()
{
	SOCK=$TMPD/sock.py
	cat >"$SOCK" <<'EOF'
"""sock.py serve tcp|udp|sink PORT READYFILE
   sock.py client tcp|udp IP PORT SPORT TIMEOUT [SIZE]

serve: on 0.0.0.0:PORT, a TCP echo server, a UDP echo server or a UDP sink
(no answers); touches READYFILE once bound and prints "PROTO IP PORT" for
each connection or datagram.  client: sends "hello" (TCP: or SIZE bytes)
from SPORT (0: any) and exits 0 if it is echoed back within TIMEOUT
seconds, else 1 saying why.
"""
import socket
import sys


def serve(proto, port, ready):
    if proto == "tcp":
        s = socket.socket()
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("0.0.0.0", port))
        s.listen(8)
        open(ready, "w").close()
        while True:
            c, a = s.accept()
            print("tcp %s %d" % a, flush=True)
            while True:
                d = c.recv(4096)
                if not d:
                    break
                c.sendall(d)
            c.close()
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("0.0.0.0", port))
    open(ready, "w").close()
    while True:
        d, a = s.recvfrom(4096)
        print("udp %s %d" % a, flush=True)
        if proto == "udp":
            s.sendto(d, a)


def client(proto, ip, port, sport, timeout, size):
    msg = bytes(i % 251 for i in range(size)) if size else b"hello"
    try:
        if proto == "tcp":
            s = socket.socket()
            s.settimeout(timeout)
            if sport:
                s.bind(("", sport))
            s.connect((ip, port))
            s.sendall(msg)
            d = b""
            while len(d) < len(msg):
                more = s.recv(65536)
                if not more:
                    break
                d += more
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.settimeout(timeout)
            s.bind(("", sport))
            s.sendto(b"hello", (ip, port))
            d, _ = s.recvfrom(100)
    except OSError as e:
        sys.exit("%s to %s:%d: %s" % (proto, ip, port, e))
    if d != msg:
        sys.exit("%s to %s:%d: answered %d bytes, %r..." %
                 (proto, ip, port, len(d), d[:16]))


if sys.argv[1] == "serve":
    serve(sys.argv[2], int(sys.argv[3]), sys.argv[4])
else:
    client(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]),
           float(sys.argv[6]), int(sys.argv[7]) if len(sys.argv) > 7 else 0)
EOF
}

setup()
{
	setup_ns NS_SW NS_V NS_P || return
	ns_quiet "$NS_SW" "$NS_V" "$NS_P" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	ip -n "$NS_SW" link set sw0 up || return
	vm_add "$NS_SW" vV "$NS_V" "$MAC_V" "$IP_V/24" || return
	vm_add "$NS_SW" vP "$NS_P" "$MAC_P" "$IP_P/24" || return
	neigh "$NS_V" "$IP_P" "$MAC_P" || return
	neigh "$NS_P" "$IP_V" "$MAC_V" || return
	ip -n "$NS_SW" link set vV master sw0 || return
	ip -n "$NS_SW" link set vP master sw0 || return
	write_sock_py
}

declare -A SERVER_PID

# serve NAME NS PROTO PORT: a sock.py server (tcp, udp or sink) in NS,
# logging to $TMPD/NAME.log; returns once it is bound.
serve()
{
	local name=$1 ns=$2 proto=$3 port=$4

	rm -f "$TMPD/$name.ready"
	ip netns exec "$ns" python3 -I -S "$SOCK" serve "$proto" "$port" \
		"$TMPD/$name.ready" >"$TMPD/$name.log" 2>&1 &
	SERVER_PID[$name]=$!
	defer "server_stop $name"
	busywait 30000 test -e "$TMPD/$name.ready"
}

server_stop()
{
	local pid=${SERVER_PID[$1]:-}

	[ -n "$pid" ] || return 0
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	SERVER_PID[$1]=
}

# served NAME: how many connections or datagrams server NAME has had.
served()
{
	grep -c . "$TMPD/$1.log"
}

served_reach()
{
	[ "$(served "$1")" -ge "$2" ]
}

# client NS PROTO IP PORT SPORT TIMEOUT: see sock.py; the reason for a
# failure is in $TMPD/client.err.
client()
{
	local ns=$1; shift

	ip netns exec "$ns" python3 -I -S "$SOCK" client "$@" 2>"$TMPD/client.err"
}

acl_drops()
{
	port_drop "$NS_SW" vV acl
}

drops_reach()
{
	[ "$(acl_drops)" -ge "$1" ]
}

# rule_pkts ACTION MATCH: the packets of vV's rule with that action and
# match, as "xsw -j acl show" writes them (e.g. '{"ip_proto":"tcp"}').
rule_pkts()
{
	xsw_jq -n "$NS_SW" ".[].rules[] | select(.action == \"$1\" and .match == $2) |
		.stats.packets" -s acl show dev vV
}

# set_acl DIR DEFAULT RULE...: vV's ACL in DIR becomes the RULEs.
set_acl()
{
	local dir=$1 def=$2; shift 2

	printf '%s\n' "$@" >"$TMPD/rules"
	xsw_run -n "$NS_SW" acl replace dev vV dir "$dir" default "$def" \
		-batch "$TMPD/rules"
	[ "$rc" -eq 0 ] || echo "xsw acl replace dev vV dir $dir: $err" >&2
	return "$rc"
}

##############################################################################
# Client VM

client_acl()
{
	local p

	RET=0
	set_acl in deny \
		"action allow-stateful ip_proto icmp icmp_type 8" \
		"action allow-stateful ip_proto tcp" \
		"action allow-stateful ip_proto udp"
	check_err $? "cannot set vV's ACL in"
	set_acl out deny
	check_err $? "cannot set vV's ACL out"
	p=$(xsw_jq -n "$NS_SW" 'map("\(.dir):\(.default):\(.rules | map(.action) | join(","))") | join(" ")' \
		acl show dev vV)
	[ "$p" = "in:deny:allow-stateful,allow-stateful,allow-stateful out:deny:" ]
	check_err $? "vV's ACLs: '$p'"

	log_test "client VM: in allow-stateful ICMP echo, TCP, UDP; out nothing"
}

vm_pings_peer()
{
	local d0 d1 r0 r1 t0 t1

	RET=0
	d0=$(acl_drops)
	r0=$(rule_pkts allow-stateful '{"ip_proto":"icmp","icmp_type":"8"}')
	t0=$(port_stat "$NS_SW" vV tx_packets)
	ip netns exec "$NS_V" ping -n -q -c 3 -i 0.2 -W "$PING_WAIT" "$IP_P" >/dev/null
	check_err $? "V cannot ping P"
	# The first request opens the connection; the others are its own.
	t1=$(port_stat_wait "$NS_SW" vV tx_packets $((t0 + 3)))
	r1=$(rule_pkts allow-stateful '{"ip_proto":"icmp","icmp_type":"8"}')
	[ "$r1" -eq $((r0 + 1)) ]
	check_err $? "the ICMP rule counted $r0 -> $r1, expected +1 (the first request)"
	[ "$t1" -eq $((t0 + 3)) ]
	check_err $? "vV sent V $((t1 - t0)) frames, expected the 3 replies"
	d1=$(acl_drops)
	[ "$d1" -eq "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1"

	log_test "V pings P: the echo replies come back through 'out' default deny"
}

peer_cannot_ping_vm()
{
	local d0 d1

	RET=0
	d0=$(acl_drops)
	# V has just pinged P: its connection does not let P's requests in.
	ping_fails "$NS_P" "$IP_V"
	check_err $? "P pinged V"
	busywait 30000 drops_reach $((d0 + 1))
	d1=$(acl_drops)
	[ "$d1" -eq $((d0 + 1)) ]
	check_err $? "vV acl drops $d0 -> $d1, expected +1 (the echo request)"

	log_test "P cannot ping V (acl)"
}

vm_tcp_to_peer()
{
	local d0 d1 r0 r1

	RET=0
	serve p5001 "$NS_P" tcp 5001
	check_err $? "P's TCP server did not start"
	d0=$(acl_drops)
	r0=$(rule_pkts allow-stateful '{"ip_proto":"tcp"}')
	client "$NS_V" tcp "$IP_P" 5001 0 30
	check_err $? "V cannot talk TCP to P: $(<"$TMPD/client.err")"
	client "$NS_V" tcp "$IP_P" 5001 0 30
	check_err $? "V cannot talk TCP to P a second time: $(<"$TMPD/client.err")"
	[ "$(served p5001)" -eq 2 ]
	check_err $? "P's server had $(served p5001) connections, expected 2"
	# Each SYN opens a connection; V's later segments are its own.
	r1=$(rule_pkts allow-stateful '{"ip_proto":"tcp"}')
	[ "$r1" -eq $((r0 + 2)) ]
	check_err $? "the TCP rule counted $r0 -> $r1, expected +2 (V's SYNs)"
	d1=$(acl_drops)
	[ "$d1" -eq "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1 during two TCP connections"

	log_test "V talks TCP to P: P's half of the connection comes back"
}

peer_tcp_to_vm_denied()
{
	local d0 d1

	RET=0
	serve v5002 "$NS_V" tcp 5002
	check_err $? "V's TCP server did not start"
	d0=$(acl_drops)
	client "$NS_P" tcp "$IP_V" 5002 0 2
	check_fail $? "P opened a TCP connection to V"
	[ "$(served v5002)" -eq 0 ]
	check_err $? "V's server had $(served v5002) connections from P"
	d1=$(acl_drops)
	[ "$d1" -gt "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1, expected P's SYNs"
	server_stop v5002

	log_test "P cannot open a TCP connection to V (acl)"
}

vm_udp_to_peer()
{
	local d0 d1

	RET=0
	serve p5003 "$NS_P" udp 5003
	check_err $? "P's UDP server did not start"
	d0=$(acl_drops)
	client "$NS_V" udp "$IP_P" 5003 40000 30
	check_err $? "V gets no UDP answer from P: $(<"$TMPD/client.err")"
	[ "$(served p5003)" -eq 1 ]
	check_err $? "P's server got $(served p5003) datagrams, expected 1"
	d1=$(acl_drops)
	[ "$d1" -eq "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1"

	# P on its own: to V's port 40000, but not from 5003.
	serve v40000 "$NS_V" sink 40000
	check_err $? "V's UDP sink did not start"
	client "$NS_P" udp "$IP_V" 40000 5004 1
	check_fail $? "P got an answer from V's sink"
	busywait 30000 drops_reach $((d0 + 1))
	d1=$(acl_drops)
	[ "$d1" -eq $((d0 + 1)) ]
	check_err $? "vV acl drops $d0 -> $d1, expected +1 (P's datagram from 5004)"
	[ "$(served v40000)" -eq 0 ]
	check_err $? "V's sink got P's datagram from port 5004"

	log_test "V talks UDP to P and gets the answer; P cannot start a UDP exchange"
}

# After vm_udp_to_peer: V's 10.0.0.1:40000 -> P's 10.0.0.2:5003 is open and
# V's sink listens on 40000.  Of four datagrams P sends to V, only the one
# from 10.0.0.2:5003 to 10.0.0.1:40000 is return traffic.
udp_return_exact_tuple()
{
	local d0 d1 n0 n1 k0

	RET=0
	# The connection idles out after 30 s, which a slow host can spend
	# since V opened it: V sends on it again, and P's echo server's answer
	# reaching V's sink says it is open.
	n0=$(served v40000)
	send "$NS_V" e0 --src "$MAC_V" --dst "$MAC_P" udp4 "$IP_V" "$IP_P" 40000 5003
	busywait 30000 served_reach v40000 $((n0 + 1))
	check_err $? "P's answer to V's datagram from 40000 did not reach V's sink"
	d0=$(acl_drops)
	n0=$(served v40000)
	k0=$(grep -cx "udp $IP_P 5003" "$TMPD/v40000.log")
	# The return datagram first, seconds after V's.
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 "$IP_P" "$IP_V" 5003 40000
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 "$IP_P" "$IP_V" 5004 40000
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 "$IP_P" "$IP_V" 5003 40001
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 10.0.0.3 "$IP_V" 5003 40000
	busywait 30000 drops_reach $((d0 + 3))
	busywait 30000 served_reach v40000 $((n0 + 1))
	d1=$(acl_drops)
	[ "$d1" -eq $((d0 + 3)) ]
	check_err $? "vV acl drops $d0 -> $d1, expected +3"
	n1=$(served v40000)
	[ "$n1" -eq $((n0 + 1)) ]
	check_err $? "V's sink got $((n1 - n0)) datagrams, expected 1"
	[ "$(grep -cx "udp $IP_P 5003" "$TMPD/v40000.log")" -eq $((k0 + 1)) ]
	check_err $? "V's sink did not get the datagram from $IP_P:5003"

	log_test "return traffic is the connection's tuple reversed, exactly"
}

udp_connection_expires()
{
	local d0 d1 n0

	RET=0
	# The connection was last seen in udp_return_exact_tuple.  An idle
	# timeout cannot be polled for without refreshing it.
	log_info "waiting $((UDP_TIMEOUT + 3)) s for V's UDP connection to expire"
	sleep $((UDP_TIMEOUT + 3))
	d0=$(acl_drops)
	n0=$(served v40000)
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 "$IP_P" "$IP_V" 5003 40000
	busywait 30000 drops_reach $((d0 + 1))
	d1=$(acl_drops)
	[ "$d1" -eq $((d0 + 1)) ]
	check_err $? "after $((UDP_TIMEOUT + 3)) s idle: vV acl drops $d0 -> $d1, expected +1"
	[ "$(served v40000)" -eq "$n0" ]
	check_err $? "after $((UDP_TIMEOUT + 3)) s idle, P's datagram reached V's sink"

	# V opens it again.
	server_stop v40000
	client "$NS_V" udp "$IP_P" 5003 40000 30
	check_err $? "V gets no UDP answer from P after the expiry: $(<"$TMPD/client.err")"

	log_test "an idle UDP connection expires; V's next datagram opens it again"
}

##############################################################################
# Server VM

server_acl()
{
	local d0 d1 r

	RET=0
	set_acl out deny "action allow-stateful ip_proto tcp dst_port 8080"
	check_err $? "cannot set vV's ACL out"
	set_acl in deny
	check_err $? "cannot set vV's ACL in"
	serve v8080 "$NS_V" tcp 8080
	check_err $? "V's server on 8080 did not start"
	serve v8081 "$NS_V" tcp 8081
	check_err $? "V's server on 8081 did not start"

	d0=$(acl_drops)
	client "$NS_P" tcp "$IP_V" 8080 0 30
	check_err $? "P cannot talk to V's server on 8080: $(<"$TMPD/client.err")"
	[ "$(served v8080)" -eq 1 ]
	check_err $? "V's server on 8080 had $(served v8080) connections, expected 1"
	d1=$(acl_drops)
	[ "$d1" -eq "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1 during P's connection to 8080"
	r=$(rule_pkts allow-stateful '{"ip_proto":"tcp","dst_port":"8080"}')
	[ "$r" -eq 1 ]
	check_err $? "the rule counted $r frames of P's connection, expected 1 (the SYN)"

	client "$NS_P" tcp "$IP_V" 8081 0 2
	check_fail $? "P talked to V's server on 8081"
	[ "$(served v8081)" -eq 0 ]
	check_err $? "V's server on 8081 had a connection"
	d1=$(acl_drops)
	[ "$d1" -gt "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1, expected P's SYNs to 8081"

	# V cannot open a connection, to P's server on 5001 say.
	d0=$(acl_drops)
	client "$NS_V" tcp "$IP_P" 5001 0 2
	check_fail $? "V opened a TCP connection to P"
	d1=$(acl_drops)
	[ "$d1" -gt "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1, expected V's SYNs"

	log_test "server VM: out allow-stateful TCP to 8080 lets P in there, and only there"
}

##############################################################################
# README's example, and the connection table

# V serves on 8090; out (to V) allows P's SYN alone, statefully; in (from V)
# has no rule.  Both default to deny.
readme_syn_only()
{
	local d0 d1 r

	RET=0
	set_acl out deny \
		"action allow-stateful ip_proto tcp dst_port 8090 tcp_flags syn/syn,ack"
	check_err $? "cannot set vV's ACL out"
	set_acl in deny
	check_err $? "cannot set vV's ACL in"
	serve v8090 "$NS_V" tcp 8090
	check_err $? "V's server on 8090 did not start"
	serve p5005 "$NS_P" tcp 5005
	check_err $? "P's server on 5005 did not start"

	d0=$(acl_drops)
	client "$NS_P" tcp "$IP_V" 8090 0 60 32768
	check_err $? "P cannot exchange 32 KB with V's server on 8090: $(<"$TMPD/client.err")"
	[ "$(served v8090)" -eq 1 ]
	check_err $? "V's server on 8090 had $(served v8090) connections, expected 1"
	d1=$(acl_drops)
	[ "$d1" -eq "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1 during the exchange"
	r=$(rule_pkts allow-stateful \
		'{"ip_proto":"tcp","dst_port":"8090","tcp_flags":"0x02/0x12"}')
	[ "$r" = 1 ]
	check_err $? "the SYN rule counted '$r' frames, expected 1"

	d0=$(acl_drops)
	client "$NS_V" tcp "$IP_P" 5005 0 2
	check_fail $? "V opened a TCP connection to P"
	[ "$(served p5005)" -eq 0 ]
	check_err $? "P's server on 5005 had a connection from V"
	d1=$(acl_drops)
	[ "$d1" -gt "$d0" ]
	check_err $? "vV acl drops $d0 -> $d1, expected V's SYNs"

	log_test "README: allow-stateful on the SYN alone, both defaults deny: 32 KB each way; V cannot open one"
}

# conn_stat KEY: .KEY of "xsw -j switch show sw0" (conn_entries...).
conn_stat()
{
	xsw_jq -n "$NS_SW" ".[0].$1" switch show sw0
}

# conn_stats: "ENTRIES EVICTIONS EXPIRED", all from one "xsw -j switch show".
conn_stats()
{
	xsw_jq -n "$NS_SW" '.[0] | "\(.conn_entries) \(.conn_evictions) \(.conn_expired)"' \
		switch show sw0
}

# flow SPORT: a UDP datagram from V's SPORT to P's 9999, in through vV.
flow()
{
	send "$NS_V" e0 --src "$MAC_V" --dst "$MAC_P" udp4 "$IP_V" "$IP_P" "$1" 9999
}

# flows_reach N: the flows' rule has counted at least N datagrams.
flows_reach()
{
	[ "$(rule_pkts allow-stateful '{"ip_proto":"udp","dst_port":"9999"}')" -ge "$1" ]
}

conn_max_evicts()
{
	local e0 e1 x0 x1 n n1 d0 d1 s0 sport

	RET=0
	set_acl in deny "action allow-stateful ip_proto udp dst_port 9999"
	check_err $? "cannot set vV's ACL in"
	set_acl out deny
	check_err $? "cannot set vV's ACL out"
	# A sink, so that P answers no flow with an ICMP error.
	serve p9999 "$NS_P" sink 9999
	check_err $? "P's UDP sink on 9999 did not start"
	for sport in 41001 41002 41003 41004 41005 41006; do
		flow "$sport"
	done
	busywait 30000 flows_reach 6
	# One read, so that the GC cannot drop one in between.
	read -r n e0 x0 < <(conn_stats)
	[ "$n" -ge 6 ]
	check_err $? "after 6 flows: $n connections, expected at least 6"

	xsw_run -n "$NS_SW" switch set sw0 conn-max 4
	check_err "$rc" "xsw switch set sw0 conn-max 4: $err"
	[ "$(conn_stat conn_max)" = 4 ]
	check_err $? "conn_max is '$(conn_stat conn_max)', expected 4"
	read -r n1 e1 x1 < <(conn_stats)
	# Every connection of the $n is still there, evicted or expired (the
	# GC may have dropped idle ones of earlier tests in between).
	[ "$n1" -le 4 ] && [ $((n1 + e1 - e0 + x1 - x0)) -eq "$n" ]
	check_err $? "conn-max 4: $n1 connections left of $n, evictions $e0 -> $e1, expired $x0 -> $x1"
	# The 4 newest flows are seconds old: none expired.
	[ "$n1" -eq 4 ]
	check_err $? "conn-max 4: $n1 connections left of $n"
	[ "$e1" -gt "$e0" ]
	check_err $? "conn-max 4: evictions $e0 -> $e1, expected more"

	# V's sink for P's answer to the newest flow, ready before that flow:
	# the flows idle out after 30 s, which a slow host can spend.
	serve v41010 "$NS_V" sink 41010
	check_err $? "V's UDP sink on 41010 did not start"

	# Four more: each evicts one, the newest stay.
	for sport in 41007 41008 41009 41010; do
		flow "$sport"
	done
	busywait 30000 flows_reach 10
	e0=$e1 x0=$x1
	read -r n e1 x1 < <(conn_stats)
	[ "$n" -le 4 ]
	check_err $? "4 more flows: $n connections, expected at most 4"
	# Each new flow found the table full, unless the GC had just dropped
	# an idle connection of an earlier test: one or the other made room.
	[ $((e1 - e0 + x1 - x0)) -ge 4 ] && [ "$e1" -gt "$e0" ]
	check_err $? "4 more flows: evictions $e0 -> $e1, expired $x0 -> $x1, expected at least +4 in all"

	# P answers the newest flow (let in) and the oldest (evicted: dropped).
	d0=$(acl_drops)
	s0=$(served v41010)
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 "$IP_P" "$IP_V" 9999 41010
	busywait 30000 served_reach v41010 $((s0 + 1))
	send "$NS_P" e0 --src "$MAC_P" --dst "$MAC_V" udp4 "$IP_P" "$IP_V" 9999 41001
	busywait 30000 drops_reach $((d0 + 1))
	d1=$(acl_drops)
	[ "$d1" -eq $((d0 + 1)) ]
	check_err $? "answers to 41001 and 41010: vV acl drops $d0 -> $d1, expected +1"
	[ "$(served v41010)" -eq $((s0 + 1)) ]
	check_err $? "the answer to the newest flow (41010) did not reach V"

	log_test "conn-max 4 evicts down to 4; more flows evict the oldest"
}

# conn_text: the "connections" line of "xsw switch show sw0", trimmed.
conn_text()
{
	"$XSW" -n "$NS_SW" switch show sw0 | sed -n 's/^ *connections /connections /p'
}

# conn_json_text: what conn_text should be, from "xsw -j switch show sw0".
conn_json_text()
{
	xsw_jq -n "$NS_SW" '.[0] | "connections \(.conn_entries)/\(.conn_max) evictions \(.conn_evictions) expired \(.conn_expired)"' \
		switch show sw0
}

# text_is_json: conn_text equals conn_json_text read before and after it.
text_is_json()
{
	local j0 t j1

	j0=$(conn_json_text) && t=$(conn_text) && j1=$(conn_json_text) &&
		[ -n "$t" ] && [ "$j0" = "$j1" ] && [ "$t" = "$j0" ]
}

# After conn_max_evicts: conn-max 4, evictions, and (udp_connection_expires
# waited 33 s, the GC runs every 5 s) expired connections.
switch_show_counters()
{
	local j t want

	RET=0
	j=$(xsw_json -n "$NS_SW" switch show sw0)
	check_err $? "xsw -j switch show sw0 is not JSON"
	jq -e '.[0] | [.conn_max, .conn_entries, .conn_evictions, .conn_expired] |
		all(type == "number")' <<<"$j" >/dev/null
	check_err $? "conn_* are not all numbers: $j"
	jq -e '.[0] | .conn_max == 4 and .conn_entries <= 4 and
		.conn_evictions >= 6 and .conn_expired >= 1' <<<"$j" >/dev/null
	check_err $? "expected conn_max 4, conn_entries <= 4, conn_evictions >= 6, conn_expired >= 1: $j"
	xsw_json -n "$NS_SW" -s switch show >/dev/null
	check_err $? "xsw -j -s switch show is not JSON"

	# The GC may drop idle connections between two reads: compare a text
	# read with JSON reads just before and after it that agree.
	busywait 90000 text_is_json >/dev/null
	check_err $? "text '$(conn_text)', JSON says '$(conn_json_text)'"

	"$XSW" -n "$NS_SW" switch set sw0 conn-max 65536
	check_err $? "cannot set conn-max back"
	[ "$(conn_stat conn_max)" = 65536 ]
	check_err $? "conn_max is $(conn_stat conn_max) after setting 65536"

	log_test "xsw -j switch show: the connection table's counters, as the text says"
}

l2_require
require_cmd python3
setup || exit "$ksft_fail"
tests_run
exit "$EXIT_STATUS"
