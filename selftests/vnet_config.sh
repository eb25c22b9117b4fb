#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Network virtualisation, the control plane: routing domains (vnet),
# virtual subnets (vsubnet), provider addresses (pa), ports' VSIDs and
# CA-PA mappings (map), as the HNV document's Contoso/Fabrikam example
# configures them on host 1.  No frame is encapsulated yet.
#
#   NS1:  dummy0 192.168.1.10/24, 2001:db8:ff::10/64   (the host's PAs)
#         sw0 (xswitch) --- v1  (vm port)  ==veth== e1 (NS_VM)
#                       --- v2  (vm port)  ==veth== e2 (NS_VM)
#                       --- x1  (external) ==veth== y1 (NS_VM)
#         genl_events.py on the events group, in NS1
#
# Each command's happy path and -j output; every refusal with its message,
# the state left as it was; the notifications of every change; what port,
# switch and namespace deletion leave; and -batch of XSW_VNET_MAPS (100000)
# "map add" lines, timed (printed as INFO, never asserted).

ALL_TESTS="
	config_happy_path
	config_refusals
	config_notifications
	config_port_switch_deletion
	config_netns_exit
	config_batch_partial
	config_bulk_load
"
source "$(dirname "$0")/lib.sh"

LISTEN=$(dirname "$0")/lib/genl_events.py
MAPS=${XSW_VNET_MAPS:-100000}

x()
{
	"$XSW" -n "$NS1" "$@"
}

xj()
{
	local filter=$1; shift
	xsw_jq -n "$NS1" "$filter" "$@"
}

# The whole store as JSON, to show that a refusal changed nothing.
snapshot()
{
	{
		xsw_json -n "$NS1" vnet show
		xsw_json -n "$NS1" vsubnet show
		xsw_json -n "$NS1" pa show
		xsw_json -n "$NS1" -s map show
	} | jq -cS .
}

# Builds the Contoso/Fabrikam configuration of host 1.
contoso_fabrikam()
{
	x vnet add Contoso rdid 1 &&
	x vnet add Fabrikam rdid 2 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	x vsubnet add 6001 vnet Fabrikam prefix 10.1.1.0/24 encap nvgre &&
	x pa add sw0 192.168.1.10 &&
	x port set v1 vsid 5001 ca 10.1.1.11 &&
	x port set v2 vsid 6001 ca 10.1.1.11 &&
	x map add vsid 5001 ca 10.1.1.11 mac 02:00:00:00:50:11 pa 192.168.1.10 &&
	x map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:50:12 pa 192.168.2.20 &&
	x map add vsid 6001 ca 10.1.1.11 mac 02:00:00:00:60:11 pa 192.168.1.10 &&
	x map add vsid 6001 ca 10.1.1.12 mac 02:00:00:00:60:12 pa 192.168.2.20
}

# Takes everything down again, in the order the refusals demand.
unconfigure()
{
	x port set v1 vsid none 2>/dev/null
	x port set v2 vsid none 2>/dev/null
	x map flush
	for vs in $(xj '.[].vsid' vsubnet show); do
		x vsubnet del "$vs"
	done
	for vn in $(xj '.[].name' vnet show); do
		x vnet del "$vn"
	done
	for pa in $(xj '.[].addr' pa show); do
		x pa del sw0 "$pa"
	done
}

config_happy_path()
{
	local out

	contoso_fabrikam
	check_err $? "the Contoso/Fabrikam configuration failed"

	out=$(xj '([.[] | [.name, .rdid, .vsubnets]]) | tojson' vnet show)
	[ "$out" = '[["Contoso",1,1],["Fabrikam",2,1]]' ]
	check_err $? "vnet show: $out"
	out=$(xj '(.[0] | [.name, .rdid]) | tojson' vnet show Fabrikam)
	[ "$out" = '["Fabrikam",2]' ]
	check_err $? "vnet show Fabrikam: $out"

	out=$(xj '([.[] | [.vsid, .vnet, .rdid, .prefixes, .gateway, .encap,
		.num_ports, .num_maps, .num_pas, [.ports[] | .ifname, .cas]]]) | tojson' \
		vsubnet show)
	[ "$out" = '[[5001,"Contoso",1,["10.1.1.0/24"],"10.1.1.1","vxlan",1,2,2,["v1",["10.1.1.11"]]],[6001,"Fabrikam",2,["10.1.1.0/24"],"10.1.1.1","nvgre",1,2,2,["v2",["10.1.1.11"]]]]' ]
	check_err $? "vsubnet show: $out"

	# Dual stack with a given gateway; layer 2 only: no gateway at all.
	x vsubnet add 5002 vnet Contoso prefix 10.1.2.0/24 prefix 2001:db8:1::/64 gateway 10.1.2.254
	check_err $? "dual-stack vsubnet add failed"
	out=$(xj '(.[0] | [.prefixes, .gateway]) | tojson' vsubnet show 5002)
	[ "$out" = '[["10.1.2.0/24","2001:db8:1::/64"],"10.1.2.254"]' ]
	check_err $? "vsubnet 5002: $out"
	x vsubnet add 7001 vnet Contoso
	check_err $? "layer-2-only vsubnet add failed"
	out=$(xj '(.[0] | [.prefixes, .gateway]) | tojson' vsubnet show 7001)
	[ "$out" = '[[],null]' ]
	check_err $? "vsubnet 7001: $out"
	x map add vsid 7001 ca 172.16.9.9 mac 02:00:00:00:70:01 pa 2001:db8:ff::99
	check_err $? "a layer-2-only vsubnet takes any CA"
	x map add vsid 5002 ca 2001:db8:1::5 mac 02:00:00:00:50:05 pa 2001:db8:ff::99
	check_err $? "an IPv6 CA and PA"

	x pa add sw0 2001:db8:ff::10
	check_err $? "pa add of an IPv6 address failed"
	out=$(xj '([.[] | [.switch, .addr]]) | tojson' pa show)
	[ "$out" = '[["sw0","192.168.1.10"],["sw0","2001:db8:ff::10"]]' ]
	check_err $? "pa show: $out"

	out=$(xj '([.[] | [.vsid, .ca, .mac, .pa, .hits]]) | tojson' -s map show vsid 5001)
	[ "$out" = '[[5001,"10.1.1.11","02:00:00:00:50:11","192.168.1.10",0],[5001,"10.1.1.12","02:00:00:00:50:12","192.168.2.20",0]]' ]
	check_err $? "map show vsid 5001: $out"
	out=$(xj '([.[] | has("hits")] | unique) | tojson' map show)
	[ "$out" = '[false]' ]
	check_err $? "hits shown without -s: $out"
	[ "$(xj 'length' map show)" = 6 ]
	check_err $? "map show lists $(xj 'length' map show) mappings, want 6"
	out=$(x -s map show vsid 6001 | head -1)
	[ "$out" = "vsid 6001 ca 10.1.1.11 mac 02:00:00:00:60:11 pa 192.168.1.10 hits 0" ]
	check_err $? "map show text: '$out'"

	x map del vsid 5001 ca 10.1.1.12
	check_err $? "map del failed"
	out=$(xj '([.[] | .ca]) | tojson' map show vsid 5001)
	[ "$out" = '["10.1.1.11"]' ]
	check_err $? "after map del: $out"
	x map flush vsid 6001
	check_err $? "map flush vsid failed"
	[ "$(xj 'length' map show vsid 6001)" = 0 ] && [ "$(xj 'length' map show)" = 3 ]
	check_err $? "map flush vsid 6001 left $(xj 'length' map show) mappings"

	x port set v1 vsid 5002 ca 10.1.2.7 ca 2001:db8:1::7
	check_err $? "moving a port to another vsid failed"
	out=$(xj '([.[] | [.vsid, .num_ports]]) | tojson' vsubnet show)
	[ "$out" = '[[5001,0],[5002,1],[6001,1],[7001,0]]' ]
	check_err $? "ports after the move: $out"

	x switch set sw0 vxlan-port 8472
	check_err $? "switch set vxlan-port failed"
	[ "$(xsw_jq -n "$NS1" '.[0].vxlan_port' switch show sw0)" = 8472 ]
	check_err $? "vxlan_port is not 8472"

	unconfigure
	[ "$(snapshot | tr -d '\n')" = '[][][][]' ]
	check_err $? "state left after unconfigure: $(snapshot)"
	log_test "vnet, vsubnet, pa, port vsid and map: add, show (-j, -s), del"
}

# refused WANT CMD...: CMD must fail and name WANT on stderr.  (Whether
# it changed anything is checked once for all: a snapshot costs five
# processes, and a TCG guest spawns them slowly.)
refused()
{
	local want=$1 err; shift

	err=$(x "$@" 2>&1 >/dev/null)
	if [ $? -eq 0 ]; then
		check_err 1 "'$*' was accepted"
		return
	fi
	[[ "$err" == *"$want"* ]]
	check_err $? "'$*' said '$err', want '$want'"
}

config_refusals()
{
	local before after last gen

	contoso_fabrikam
	check_err $? "the Contoso/Fabrikam configuration failed"
	before=$(snapshot)

	refused "vsid" vsubnet add 4095 vnet Contoso
	refused "vsid" vsubnet add 16777215 vnet Contoso
	refused "vsid already used" vsubnet add 5001 vnet Fabrikam prefix 10.9.0.0/16
	refused "rdid already used by another vnet" vnet add Woodgrove rdid 2
	refused "vnet name already used" vnet add Contoso rdid 3
	refused "no such vnet" vsubnet add 5003 vnet Woodgrove
	refused "overlaps another virtual subnet" \
		vsubnet add 5003 vnet Contoso prefix 10.1.1.128/25
	refused "overlaps another virtual subnet" \
		vsubnet add 5003 vnet Contoso prefix 10.0.0.0/8
	refused "prefixes overlap" \
		vsubnet add 5003 vnet Contoso prefix 10.2.0.0/16 prefix 10.2.1.0/24
	refused "host bits" vsubnet add 5003 vnet Contoso prefix 10.2.0.1/16
	refused "gateway is outside the prefixes" \
		vsubnet add 5003 vnet Contoso prefix 10.2.0.0/16 gateway 10.3.0.1
	refused "layer-2-only virtual subnet has no gateway" \
		vsubnet add 5003 vnet Contoso gateway 10.3.0.1
	refused "ca is outside the virtual subnet's prefixes" \
		map add vsid 5001 ca 10.1.2.5 mac 02:00:00:00:00:01 pa 192.168.2.20
	refused "ca is outside the virtual subnet's prefixes" \
		port set v1 vsid 5001 ca 10.1.2.5
	refused "ca is the virtual subnet's gateway" \
		map add vsid 5001 ca 10.1.1.1 mac 02:00:00:00:00:01 pa 192.168.2.20
	refused "ca is a prefix's network or broadcast address" \
		map add vsid 5001 ca 10.1.1.0 mac 02:00:00:00:00:01 pa 192.168.2.20
	refused "ca is a prefix's network or broadcast address" \
		map add vsid 5001 ca 10.1.1.255 mac 02:00:00:00:00:01 pa 192.168.2.20
	refused "ca is a prefix's network or broadcast address" \
		port set v1 vsid 5001 ca 10.1.1.255
	refused "the host does not own this pa" pa add sw0 192.168.1.99
	refused "the host does not own this pa" pa add sw0 2001:db8:ff::99
	refused "the switch already has this pa" pa add sw0 192.168.1.10
	refused "the switch has no such pa" pa del sw0 192.168.2.20
	refused "mapping for a vsid that does not exist" \
		map add vsid 5555 ca 10.1.1.20 mac 02:00:00:00:00:01 pa 192.168.2.20
	refused "the routing domain has a mapping for this ca" \
		map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:00:01 pa 192.168.2.30
	refused "mac must be a unicast address" \
		map add vsid 5001 ca 10.1.1.20 mac 01:00:5e:00:00:01 pa 192.168.2.20
	refused "pa must be a unicast address" \
		map add vsid 5001 ca 10.1.1.20 mac 02:00:00:00:00:01 pa 224.0.0.1
	refused "no mapping for this ca" map del vsid 5001 ca 10.1.1.99
	refused "no such vsid" map flush vsid 5555
	refused "vnet still has virtual subnets" vnet del Contoso
	refused "virtual subnet still has ports" vsubnet del 5001
	refused "only vm and internal ports can join a vsid" \
		port set x1 vsid 5001 ca 10.1.1.30
	refused "no such vsid" port set v1 vsid 5555 ca 10.1.1.30
	refused "ca" port set v1 vsid 5001

	after=$(snapshot)
	[ "$before" = "$after" ]
	check_err $? "a refused command changed the state"
	# Nor the generation a host agent watches: the next change is the
	# one after the last that was made.
	last=$(jq -s '[.[][] | .gen] | max' <<<"$after")
	x vnet add Woodgrove rdid 3
	check_err $? "vnet add Woodgrove failed"
	gen=$(xj '.[0].gen' vnet show Woodgrove)
	[ "$gen" = $((last + 1)) ]
	check_err $? "the change after the refusals has generation $gen, want $((last + 1))"

	# A /31's two addresses are hosts' (the first is its gateway), as a
	# /32's one is.
	x vsubnet add 5003 vnet Contoso prefix 10.2.0.0/31 &&
		x map add vsid 5003 ca 10.2.0.1 mac 02:00:00:00:00:03 pa 192.168.2.20
	check_err $? "the second address of a /31 is refused as a ca"
	x vsubnet add 5004 vnet Contoso prefix 10.2.0.8/32 &&
		x map add vsid 5004 ca 10.2.0.8 mac 02:00:00:00:00:04 pa 192.168.2.20
	check_err $? "the address of a /32 is refused as a ca"
	unconfigure
	log_test "every refusal names the problem and changes nothing"
}

# start_listener OUT: genl_events.py in NS1 writing to OUT, once it joined.
start_listener()
{
	local out=$1 ready=$1.ready

	rm -f "$ready"
	ip netns exec "$NS1" python3 "$LISTEN" "$ready" 300 >"$out" 2>&1 &
	LISTENER=$!
	defer "kill $LISTENER 2>/dev/null"
	busywait 60000 test -e "$ready"
}

# lines_at_least FILE N: FILE has N lines or more.
lines_at_least()
{
	[ "$(wc -l <"$1")" -ge "$2" ]
}

config_notifications()
{
	local out=$TMPD/events batch=$TMPD/notify.batch got want

	start_listener "$out"
	check_err $? "the listener did not join the events group"

	printf 'map add vsid 5001 ca 10.1.1.%d mac 02:00:00:00:01:%02x pa 192.168.2.20\n' \
		21 21 22 22 23 23 >"$batch"
	x vnet add Contoso rdid 1 &&
	x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	x pa add sw0 192.168.1.10 &&
	x port set v1 vsid 5001 ca 10.1.1.11 &&
	x map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:50:12 pa 192.168.2.20 &&
	x map del vsid 5001 ca 10.1.1.12 &&
	x -batch "$batch" &&
	x map flush &&
	x map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:50:12 pa 192.168.2.20 &&
	x port set v1 vsid none &&
	x vsubnet del 5001 &&
	x pa del sw0 192.168.1.10 &&
	x vnet del Contoso
	check_err $? "a change failed"

	want="VNET_NEW VSUBNET_NEW PA_NEW VPORT_SET MAP_NEW MAP_DEL MAP_BULK MAP_FLUSH MAP_NEW VPORT_SET MAP_FLUSH VSUBNET_DEL PA_DEL VNET_DEL"
	busywait 10000 lines_at_least "$out" "$(wc -w <<<"$want")"
	kill "$LISTENER" 2>/dev/null
	wait "$LISTENER" 2>/dev/null
	got=$(jq -r .cmd <"$out" | tr '\n' ' ')
	[ "$got" = "$want " ]
	check_err $? "events were '$got', want '$want'"
	log_test "every vnet, vsubnet, pa, port vsid and map change is notified"
}

config_port_switch_deletion()
{
	local out

	contoso_fabrikam
	check_err $? "the Contoso/Fabrikam configuration failed"
	x pa add sw0 2001:db8:ff::10

	x port del v1
	check_err $? "port del failed"
	[ "$(xj '.[] | select(.vsid == 5001) | .num_ports' vsubnet show)" = 0 ]
	check_err $? "a deleted port is still counted in vsid 5001"
	x vsubnet del 5001
	check_err $? "vsubnet del after its port went failed"
	[ "$(xj 'length' map show vsid 6001)" = 2 ] && [ "$(xj 'length' map show)" = 2 ]
	check_err $? "vsubnet del did not take exactly its own mappings"

	ip -n "$NS1" link del sw0
	[ "$(xj 'length' pa show)" = 0 ]
	check_err $? "the switch's PAs outlived it: $(xj tojson pa show)"
	out=$(xj '([.[] | .pa]) | tojson' map show)
	[ "$out" = '["192.168.1.10","192.168.2.20"]' ]
	check_err $? "mappings that name the deleted switch's PA went: $out"
	[ "$(xj '.[0].num_ports' vsubnet show 6001)" = 0 ]
	check_err $? "v2 is still counted after its switch went"

	unconfigure
	make_switch
	log_test "port and switch deletion: the port leaves its vsid, the PAs go"
}

config_netns_exit()
{
	local ns

	setup_ns NS_TMP
	ns=$NS_TMP
	ip -n "$ns" link add dummy0 type dummy
	ip -n "$ns" addr add 192.168.1.10/24 dev dummy0
	ip -n "$ns" link add sw9 type xswitch
	ip -n "$ns" link add v9 type veth peer name e9
	"$XSW" -n "$ns" port add sw9 dev v9 &&
	"$XSW" -n "$ns" vnet add Contoso rdid 1 &&
	"$XSW" -n "$ns" vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24 &&
	"$XSW" -n "$ns" pa add sw9 192.168.1.10 &&
	"$XSW" -n "$ns" port set v9 vsid 5001 ca 10.1.1.11 &&
	"$XSW" -n "$ns" map add vsid 5001 ca 10.1.1.12 mac 02:00:00:00:50:12 pa 192.168.2.20
	check_err $? "configuring a namespace failed"
	# The same names and numbers in NS1 are another store.
	[ "$(xj 'length' vnet show)" = 0 ]
	check_err $? "NS1 sees another namespace's vnets"
	cleanup_ns "$ns"
	check_err $? "deleting the namespace failed"
	# What the namespace held was freed: rmmod at the end of run.sh and
	# the kernel log check catch a leak's reference or warning.
	x vnet add Contoso rdid 1
	check_err $? "NS1 cannot use the names the dead namespace had"
	x vnet del Contoso
	log_test "a namespace's store is its own and goes with it"
}

config_batch_partial()
{
	local batch=$TMPD/partial.batch err

	x vnet add Contoso rdid 1 && x vsubnet add 5001 vnet Contoso prefix 10.1.1.0/24
	check_err $? "setup failed"
	{
		printf 'map add vsid 5001 ca 10.1.1.%d mac 02:00:00:00:01:%02x pa 192.168.2.20\n' \
			21 21 22 22 23 23 24 24
		echo "map add vsid 5001 ca 10.1.9.9 mac 02:00:00:00:01:99 pa 192.168.2.20"
		printf 'map add vsid 5001 ca 10.1.1.%d mac 02:00:00:00:01:%02x pa 192.168.2.20\n' \
			25 25 26 26
	} >"$batch"
	err=$(x -batch "$batch" 2>&1 >/dev/null)
	check_fail $? "a batch with a bad line succeeded"
	[[ "$err" == *"outside the virtual subnet's prefixes"* && "$err" == *"partial.batch:5"* ]]
	check_err $? "batch said '$err', want the message and line 5"
	[ "$(xj '([.[].ca]) | tojson' map show)" = '["10.1.1.21","10.1.1.22","10.1.1.23","10.1.1.24"]' ]
	check_err $? "the lines before the bad one are not all in: $(xj '([.[].ca]) | tojson' map show)"
	unconfigure
	log_test "-batch: the lines before a refused map add apply, none after"
}

config_bulk_load()
{
	local batch=$TMPD/bulk.batch start end ms

	x vnet add Contoso rdid 1 && x vsubnet add 5001 vnet Contoso prefix 10.0.0.0/8
	check_err $? "setup failed"
	# CAs from 10.1.0.1 on: clear of the gateway, 10.0.0.1
	awk -v n="$MAPS" 'function j(i) { return i + 65536 }
	BEGIN {
		for (i = 1; i <= n; i++)
			printf "map add vsid 5001 ca 10.%d.%d.%d mac 02:00:%02x:%02x:%02x:01 pa 192.168.%d.%d\n",
				int(j(i) / 65536), int(j(i) / 256) % 256, j(i) % 256,
				int(i / 65536), int(i / 256) % 256, i % 256,
				i % 200 + 1, 20
	}' >"$batch"
	start=$(date +%s%N)
	x -batch "$batch"
	check_err $? "the bulk load failed"
	end=$(date +%s%N)
	ms=$(((end - start) / 1000000))
	log_info "xsw -batch of $MAPS map add lines: $ms ms (guest clock)"
	[ "$(xj '.[0].num_maps' vsubnet show 5001)" = "$MAPS" ]
	check_err $? "vsid 5001 has $(xj '.[0].num_maps' vsubnet show 5001) mappings, want $MAPS"
	[ "$(xj '.[0].num_pas' vsubnet show 5001)" = 200 ]
	check_err $? "vsid 5001 replicates to $(xj '.[0].num_pas' vsubnet show 5001) PAs, want 200"
	[ "$(xj 'length' map show vsid 5001)" = "$MAPS" ]
	check_err $? "map show does not list $MAPS mappings"
	x map flush
	check_err $? "flushing $MAPS mappings failed"
	[ "$(xj '.[0].num_maps' vsubnet show 5001)" = 0 ]
	check_err $? "mappings left after the flush"
	unconfigure
	log_test "-batch loads $MAPS map add lines in bulk requests"
}

make_switch()
{
	local dev

	for dev in v1 v2 x1; do
		ip -n "$NS1" link del "$dev" 2>/dev/null
	done
	ip -n "$NS1" link add sw0 type xswitch &&
	ip -n "$NS1" link set sw0 up &&
	ip -n "$NS1" link add v1 type veth peer name e1 netns "$NS_VM" &&
	ip -n "$NS1" link add v2 type veth peer name e2 netns "$NS_VM" &&
	ip -n "$NS1" link add x1 type veth peer name y1 netns "$NS_VM" &&
	"$XSW" -n "$NS1" port add sw0 dev v1 &&
	"$XSW" -n "$NS1" port add sw0 dev v2 &&
	"$XSW" -n "$NS1" port add sw0 dev x1 type external
}

setup()
{
	setup_ns NS1 NS_VM || return 1
	ip -n "$NS1" link add dummy0 type dummy &&
	ip -n "$NS1" link set dummy0 up &&
	ip -n "$NS1" addr add 192.168.1.10/24 dev dummy0 &&
	ip -n "$NS1" addr add 2001:db8:ff::10/64 dev dummy0 nodad &&
	make_switch
}

require_cmd xsw jq python3 awk
require_module xswitch
TMPD=$(mktemp -d)
defer "rm -rf $TMPD"
if ! setup; then
	echo "FAIL: setup"
	exit "$ksft_fail"
fi
tests_run
exit "$EXIT_STATUS"
