#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# scripts/bench.sh [PATH...]    (make bench)
#
# Measures guest instructions per packet for the forwarding paths (baseline,
# bridge, flower, ovs, xswitch[-mode]...) in ONE scripts/vm-run guest under
# QEMU -icount shift=0,sleep=off with one vCPU, by running
# scripts/bench-guest.sh there; prints a table and leaves build/bench.json.
# The method is in docs/benchmark.md.  PATH... runs only those paths.
#
# Speed is reported, never judged: the exit status is 0 whenever the
# harness ran (a path that could not be set up is an "error" entry in the
# JSON and the table), non-zero only when the harness itself broke.
#
# Environment:
#   BENCH_COUNT    frames per repeat (default 50000)
#   BENCH_REPEATS  repeats per path, each on a freshly built path; the
#                  median is reported (default 5)
#   BENCH_WARMUP   unmeasured frames sent before each repeat (default 5000)
#   BENCH_SETTLE, BENCH_RETRIES  passed on; see scripts/bench-guest.sh
#   BENCH_TIMEOUT  seconds before the guest is killed (default 3600)
#   BENCH_VM_RUN   the guest runner (default scripts/vm-run)
#   BENCH_VM_OUT   the guest's output directory, console log included
#                  (default build/vm/bench)
#   BENCH_ALLOW_NO_ICOUNT=1  measure even if the guest's clock is not icount
#   VM_QEMU_ARGS   more qemu arguments (appended after the -icount option)

set -euo pipefail

PROJ=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$PROJ"

OUT=build/bench.json
COUNT=${BENCH_COUNT:-50000}
REPEATS=${BENCH_REPEATS:-5}
WARMUP=${BENCH_WARMUP:-5000}
VM_RUN=${BENCH_VM_RUN:-$PROJ/scripts/vm-run}
# The guest's own output directory, so it need not wait for other guests
# (make check, demos) using build/vm; under icount their load on the host
# changes how long the run takes, not what it measures.
export VM_OUT=${BENCH_VM_OUT:-$PROJ/build/vm/bench}

die() { echo "bench: $*" >&2; exit 1; }

for v in COUNT REPEATS WARMUP; do
	[[ "${!v}" =~ ^[0-9]+$ ]] || die "BENCH_$v must be a number"
done
[ "$COUNT" -gt 0 ] || die "BENCH_COUNT must be > 0"
[ "$REPEATS" -gt 0 ] || die "BENCH_REPEATS must be > 0"
for p in "$@"; do
	[[ "$p" =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "bad path name '$p'"
done
[ -x "$VM_RUN" ] || die "no guest runner $VM_RUN"
command -v jq >/dev/null || die "no jq; run scripts/deps.sh"
[ -e kmod/xswitch.ko ] || echo "bench: kmod/xswitch.ko is not built; the xswitch paths will fail (run make bench)" >&2
# xswitch-3ext attaches the selftests' extensions (make bench builds only
# kmod, lib and tools); a no-op when it is up to date.
if [ -e kmod/Module.symvers ] && ! make -s -C selftests/ext >/dev/null; then
	echo "bench: selftests/ext does not build; the xswitch-3ext path will fail" >&2
fi

# The guest does not inherit our environment: pass the knobs on the command.
guest_env="BENCH_COUNT=$COUNT BENCH_REPEATS=$REPEATS BENCH_WARMUP=$WARMUP"
for v in BENCH_SETTLE BENCH_RETRIES BENCH_ALLOW_NO_ICOUNT; do
	[ -z "${!v:-}" ] || guest_env+=" $v=$(printf %q "${!v}")"
done

mkdir -p build
rm -f "$OUT" build/.bench-state
# Another guest holds $VM_OUT: vm-run will wait for it.
busy=0
if [ -e "$VM_OUT/.lock" ] && ! flock -n "$VM_OUT/.lock" true 2>/dev/null; then
	busy=1
fi
start=$(date +%s)
echo "bench: one guest, 1 vCPU, -icount shift=0,sleep=off; $COUNT frames x $REPEATS repeats per path" >&2
set +e
VM_SMP=1 \
VM_QEMU_ARGS="-icount shift=0,sleep=off${VM_QEMU_ARGS:+ $VM_QEMU_ARGS}" \
	"$VM_RUN" --timeout "${BENCH_TIMEOUT:-3600}" "$guest_env scripts/bench-guest.sh $*"
rc=$?
set -e
end=$(date +%s)
elapsed=$((end - start))
# vm-run writes $VM_OUT/cmd once it holds that directory's lock (and has
# built its initramfs), so the time before that was mostly spent waiting.
waited=0
if [ "$busy" = 1 ]; then
	waited=$(($(stat -c %Y "$VM_OUT/cmd" 2>/dev/null || echo "$start") - start))
	[ "$waited" -ge 0 ] && [ "$waited" -le "$elapsed" ] || waited=0
fi
STATE=build/.bench-state
if [ "$rc" != 0 ] && [ -s "$OUT" ] && [ -s "$STATE" ]; then
	# The guest died or hung inside a path (the guest writes the JSON
	# after each path): that path failed, the harness did not.
	cur=$(sed -n 's/^current: //p' "$STATE")
	planned=$(sed -n 's/^planned: //p' "$STATE")
	why="the guest died or hung in this path (vm-run exit $rc); see ${VM_OUT#"$PROJ"/}/console.log"
	echo "bench: $cur: $why" >&2
	jq --arg cur "$cur" --arg why "$why" --arg planned "$planned" '
		.paths[$cur] = {error: $why}
		| reduce ($planned | split(" ") | .[]) as $p (.;
			if .paths[$p] == null
			then .paths[$p] = {error: ("not run: the guest died in " + $cur)}
			else . end)' "$OUT" >"$OUT.tmp" && mv -f "$OUT.tmp" "$OUT"
	rm -f "$STATE"
elif [ "$rc" != 0 ]; then
	die "the guest run failed (exit $rc after ${elapsed}s); see the messages above and ${VM_OUT#"$PROJ"/}/console.log"
fi
[ -s "$OUT" ] || die "the guest run wrote no $OUT"

# The table, from the JSON so that the two always agree.
echo
jq -r '
	def num: if . == null then "-" else tostring end;
	.paths | to_entries[] | .key as $p | .value |
	if has("error") then [$p, "error: " + .error] | @tsv
	else [$p, .instr_per_pkt, (.extra_instr_per_pkt | num), (.ratio_to_bridge | num),
	      (.repeats | max - min) / .instr_per_pkt * 100] | @tsv end' "$OUT" |
awk -F'\t' '
	function f(v, fmt) { return v == "-" ? v : sprintf(fmt, v) }
	BEGIN { fmt = "%-18s %10s %10s %10s %8s\n"
		printf fmt, "path", "instr/pkt", "extra/pkt", "vs bridge", "spread"
		printf fmt, "----", "---------", "---------", "---------", "------" }
	NF == 2 { printf "%-18s %s\n", $1, $2; next }
	{ printf fmt, $1, f($2, "%.0f"), f($3, "%.0f"), f($4, "%.2f"), f($5, "%.3f%%") }'
echo
jq -r '"kernel \(.kernel), \(.count) frames per repeat; extra = over baseline, vs bridge = extra / bridge extra, spread = (max - min) / median of the repeats"' "$OUT"
jq -r 'select(.map_load_100k_guest_s != null) | "map-load: \(.map_load_100k_guest_s) guest CPU seconds per 100,000 mappings (xsw -batch), \(.map_bytes) bytes of kernel memory per mapping"' "$OUT"
wait_note=
[ "$waited" = 0 ] || wait_note=" (+${waited}s waiting for another guest using ${VM_OUT#"$PROJ"/})"
echo "results in $OUT; the run took $((elapsed - waited))s$wait_note"
