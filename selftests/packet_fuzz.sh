#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Packet fuzzing: malformed and random frames (lib/fuzzframe.py) from an
# access port and from a trunk port, through everything that parses
# headers: VLAN classification (priority, 802.1Q, 802.1ad, double and cut
# tags), port security (spoofed MACs, DHCP guard, router guard), the ACL
# key (rules with every match field on the way in and out) and stateful
# connection tracking.  Then:
#   - every frame the switch took in is accounted for: the source port's
#     rx_packets grew by the frames sent (less those the stack frees before
#     the switch: an outer tag with under 6 bytes after it), and each went
#     out of exactly one port or was dropped under a reason (floods reach
#     one port only here, so the sums must match exactly);
#   - the drops the fuzzed traffic must cause are counted under their
#     reasons (vlan, spoofed-mac, dhcp-guard, router-guard, acl);
#   - guard targets in forms the guards must see through (IP options,
#     first fragments, IPv6 extension headers, VLAN tags in the payload)
#     are dropped;
#   - valid traffic still crosses the switch afterwards.
# The kernel log (KASAN, WARN, ...) is checked by run.sh after all tests.
#
# XSW_PKT_FUZZ_SEED (default 1) and XSW_PKT_FUZZ_COUNT (frames per port,
# default 1000; make check-debug: 50000) make the run repeatable.
#
#  +- $NS_A -------+   +- $NS_T -------+   +- $NS_B -------+
#  | e0 $MAC_A     |   | e0 $MAC_T     |   | e0 $MAC_B     |
#  | 10.0.0.1      |   | fuzzframe.py  |   | 10.0.0.2      |
#  | fuzzframe.py  |   |               |   |               |
#  +------|--------+   +------|--------+   +------|--------+
#  +------|-------------------|-------------------|-- $NS_SW ----+
#  |     vA (access 1,       vT (trunk 1,10,20,  vB (trunk 1,    |
#  |     guards, ACL in)     30, native 1,       10,20,30,       |
#  |                         guards, ACL in)     native 1,       |
#  |      +------------------ sw0 ----------------+ ACL out)     |
#  |      (sw0 itself, the host port: access VLAN 4000)          |
#  +-------------------------------------------------------------+
#
# While vA is fuzzed vT is down, and the other way round, so that a flood
# reaches vB alone.

# shellcheck disable=SC2317  # the tests are called through tests_run

ALL_TESTS="
	fuzz_access_port
	fuzz_trunk_port
	guards_see_through
	still_forwards
"

# shellcheck source=lib.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib.sh"
# shellcheck source=lib/l2.sh source-path=SCRIPTDIR
source "$(dirname "$0")/lib/l2.sh"

FUZZ=$L2_DIR/fuzzframe.py
SEED=${XSW_PKT_FUZZ_SEED:-1}
COUNT=${XSW_PKT_FUZZ_COUNT:-1000}
MAC_A=02:00:00:00:00:0a
MAC_B=02:00:00:00:00:0b
MAC_T=02:00:00:00:00:0c
IP_A=10.0.0.1
IP_B=10.0.0.2
FRAMES=0

# Rules with every match field, for the ports' ACLs.
RULES_IN="action allow-stateful src_ip 10.0.0.0/24 ip_proto udp dst_port 53
action allow-stateful ip_proto tcp tcp_flags syn/syn,ack dst_port 80-443
action allow-stateful eth_type ipv6 ip_proto udp src_port 546-547
action allow-stateful src_ip 10.0.0.1 ip_proto icmp icmp_type 8 icmp_code 0
action allow-stateful dst_ip ff02::/16 ip_proto icmpv6 icmp_type 128
action deny priority 10 src_mac 02:00:00:00:00:00/ff:ff:ff:00:00:ff dst_mac 01:00:5e:00:00:00/25
action deny priority 20 ip_proto sctp
action deny priority 30 vlan_id 20 eth_type arp
action deny priority 40 dst_ip 192.0.2.0/24
action deny priority 50 eth_type ipv6 ip_proto 47
action allow priority 60 eth_type 0x88b5"
RULES_OUT="action allow ip_proto icmp
action allow-stateful dst_ip 10.0.0.2 ip_proto udp
action deny priority 5 src_port 0-1023 ip_proto tcp
action deny priority 6 tcp_flags 0x3f/0x3f ip_proto tcp
action deny priority 7 dst_ip fe80::/10 ip_proto icmpv6 icmp_type 135
action deny priority 8 vlan_id 30"

setup()
{
	setup_ns NS_SW NS_A NS_B NS_T || return
	ns_quiet "$NS_SW" "$NS_A" "$NS_B" "$NS_T" || return
	ip -n "$NS_SW" link add sw0 type xswitch || return
	vm_add "$NS_SW" vA "$NS_A" "$MAC_A" "$IP_A/24" || return
	vm_add "$NS_SW" vB "$NS_B" "$MAC_B" "$IP_B/24" || return
	vm_add "$NS_SW" vT "$NS_T" "$MAC_T" || return
	neigh "$NS_A" "$IP_B" "$MAC_B" && neigh "$NS_B" "$IP_A" "$MAC_A" || return
	for p in vA vB vT; do
		ip -n "$NS_SW" link set "$p" master sw0 || return
	done
	x port set sw0 vlan-mode access pvid 4000 &&
		x port set vA mac "$MAC_A" dhcp-guard on router-guard on &&
		x port set vT vlan-mode trunk vlans 1,10,20,30 native 1 \
			dhcp-guard on router-guard on learn-limit 64 &&
		x port set vB vlan-mode trunk vlans 1,10,20,30 native 1 || return
	printf '%s\n' "$RULES_IN" >"$TMPD/rules.in"
	printf '%s\n' "$RULES_OUT" >"$TMPD/rules.out"
	for p in vA vT; do
		x acl replace dev "$p" dir in default allow -batch "$TMPD/rules.in" || return
	done
	x acl replace dev vB dir out default allow -batch "$TMPD/rules.out" &&
		x switch set sw0 conn-max 256 &&
		ip -n "$NS_SW" link set sw0 up
}

x()
{
	"$XSW" -n "$NS_SW" "$@"
}

# counts: "rx_of_vA rx_of_vT out" where out is every frame the switch is
# done with: sent out of a port (tx_packets of all ports, sw0 too) or
# dropped (every reason but learn-limit, which does not drop).
counts()
{
	# shellcheck disable=SC2016  # jq variables
	xsw_jq -n "$NS_SW" '
		(map(select(.ifname == "vA"))[0].stats.rx_packets) as $a |
		(map(select(.ifname == "vT"))[0].stats.rx_packets) as $t |
		([.[].stats.tx_packets] | add) as $tx |
		([.[].stats.drops | to_entries[] | select(.key != "learn-limit") |
		  .value] | add) as $dr |
		"\($a) \($t) \($tx + $dr)"' -s port show switch sw0
}

# drops PORT: the port's drop counters, as "reason=N ..." of those not 0.
drops()
{
	port_get "$NS_SW" "$1" '.stats.drops | to_entries |
		map(select(.value > 0) | "\(.key)=\(.value)") | join(" ")'
}

# settled WANT: counts are WANT ("rx_of_vA rx_of_vT out").
settled()
{
	[ "$(counts)" = "$1" ]
}

# drop_gt PORT REASON N: the port's drop counter for REASON is above N.
drop_gt()
{
	[ "$(port_drop "$NS_SW" "$1" "$2")" -gt "$3" ]
}

# fuzz_port NS PORT OTHER VIDS SEED: fuzz from NS's e0 into PORT while
# OTHER is down; check the accounting and the drop reasons.
fuzz_port()
{
	local ns=$1 port=$2 other=$3 vids=$4 seed=$5 src res sent stack a0 t0 o0 want
	local got reason d

	ip -n "$NS_SW" link set "$other" down
	src=$(mac_of "$ns" e0)
	read -r a0 t0 o0 <<<"$(counts)"
	res=$(ip netns exec "$ns" python3 -I -S "$FUZZ" e0 --seed "$seed" \
		--count "$COUNT" --src "$src" --vids "$vids" \
		--dst "$MAC_A,$MAC_B,$MAC_T,$(mac_of "$NS_SW" sw0)")
	check_err $? "fuzzframe.py failed: $res" || return
	log_info "$port: $res"
	sent=$(jq .sent <<<"$res")
	stack=$(jq .stack_drops <<<"$res")
	FRAMES=$((FRAMES + sent))
	[ "$sent" -gt $((COUNT * 9 / 10)) ]
	check_err $? "only $sent of $COUNT frames could be sent"

	# Every frame taken in comes out once: sent, or dropped for a reason.
	if [ "$port" = vA ]; then
		want="$((a0 + sent - stack)) $t0"
	else
		want="$a0 $((t0 + sent - stack))"
	fi
	want="$want $((o0 + sent - stack))"
	busywait 30000 settled "$want" >/dev/null
	check_err $? "$port: rx vA vT, out: '$(counts)'; expected '$want' (sent $sent, $stack freed by the stack)"
	d=$(drops "$port")
	log_info "$port drops: $d; vB drops: $(drops vB)"
	for reason in vlan spoofed-mac dhcp-guard router-guard acl; do
		got=$(port_drop "$NS_SW" "$port" "$reason")
		[ "${got:-0}" -gt 0 ]
		check_err $? "$port: no frame dropped as $reason ($d)"
	done
	ip -n "$NS_SW" link set "$other" up
}

fuzz_access_port()
{
	RET=0
	x port set vA mac-spoofing off
	fuzz_port "$NS_A" vA vT "" "$SEED"
	log_test "$COUNT fuzzed frames from access port vA (seed $SEED)"
}

fuzz_trunk_port()
{
	RET=0
	# Spoofing is judged per port: vT keeps to one MAC too.
	x port set vT mac "$MAC_T" mac-spoofing off
	fuzz_port "$NS_T" vT vA 10,20,30 $((SEED + 1))
	log_test "$COUNT fuzzed frames from trunk port vT (seed $((SEED + 1)))"
}

guards_see_through()
{
	local c reason before after

	RET=0
	while read -r c reason; do
		before=$(port_drop "$NS_SW" vA "$reason")
		ip netns exec "$NS_A" python3 -I -S "$FUZZ" e0 --case "$c" \
			--src "$MAC_A" --dst "$MAC_B" >/dev/null
		busywait 10000 drop_gt vA "$reason" "$before" >/dev/null
		check_err $? "$c: not dropped as $reason (count stays $before)"
		after=$(port_drop "$NS_SW" vA "$reason")
		[ "$after" = $((before + 1)) ]
		check_err $? "$c: $reason went from $before to $after, expected +1"
	done < <(python3 -I -S "$FUZZ" lo --list-cases)
	log_test "guards drop their targets behind IP options, fragments, extension headers, VLAN tags"
}

still_forwards()
{
	RET=0
	ping_ok "$NS_A" "$IP_B"
	check_err $? "A cannot ping B after the fuzzing"
	log_info "frames fuzzed: $FRAMES (seed $SEED, $COUNT per port)"
	log_test "valid frames still cross the switch"
}

l2_require
require_cmd python3
setup || exit "$ksft_fail"
log_info "seed $SEED (XSW_PKT_FUZZ_SEED), $COUNT frames per port (XSW_PKT_FUZZ_COUNT)"
tests_run
exit "$EXIT_STATUS"
