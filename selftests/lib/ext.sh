# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# Helpers for the extension selftests (ext_framework.sh, ext_vepa.sh,
# ext_sample.sh), sourced after lib.sh and lib/l2.sh.
#
# Extensions, their options and their attachments are read from
# "xsw -j -s ext show" with jq:
#
#	[{"name": "example", "type": "filter", ..., "options": [...],
#	  "attached": [{"switch": "sw0", "priority": 100,
#			"options": {"ethertype": 0},
#			"stats": {"ingress": N, "egress": N, "dropped": N,
#				  "injected": N, "cloned": N}}]}]
#
# The selftests' own extensions (st-capture, st-filter, st-forward) live in
# selftests/ext/xsw_selftest.ko, built out of tree by "make -C
# selftests/ext".  It is not installed, so "xsw ext attach" cannot
# autoload it: st_load insmods it by path.

# shellcheck disable=SC2034  # variables are for the sourcing scripts
# shellcheck disable=SC2154  # ksft_* are lib.sh's

# The guest of a debug kernel has its own build (scripts/vm/guest-init).
ST_KO=${XSW_SELFTEST_KO:-$(cd "$L2_DIR/../ext" && pwd)/xsw_selftest.ko}

# st_load: load xsw_selftest.ko (skip if it is not built, fail if it does
# not load); it is unloaded at exit.
st_load()
{
	if grep -q '^xsw_selftest ' /proc/modules; then
		return 0
	fi
	if [ ! -e "$ST_KO" ]; then
		echo "SKIP: $ST_KO not built (make -C selftests/ext)"
		exit "$ksft_skip"
	fi
	if ! insmod "$ST_KO"; then
		echo "FAIL: insmod $ST_KO failed"
		exit "$ksft_fail"
	fi
	defer "rmmod xsw_selftest"
}

# mod_loaded NAME: the module is in /proc/modules.
mod_loaded()
{
	grep -q "^$1 " /proc/modules
}

# ext_get NS NAME FILTER: jq FILTER on extension NAME's element of "xsw -j
# -s ext show", e.g. ext_get "$NS" example .description; empty when NAME
# is not registered.
ext_get()
{
	xsw_jq -n "$1" ".[] | select(.name == \"$2\") | $3" -s ext show
}

# ext_listed NS NAME: "xsw ext show" lists NAME.
ext_listed()
{
	[ "$(ext_get "$1" "$2" .name)" = "$2" ]
}

# att_get NS SWITCH NAME FILTER: jq FILTER on NAME's attachment to SWITCH,
# e.g. att_get "$NS" sw0 example .priority; empty when it is not attached
# there.
att_get()
{
	xsw_jq -n "$1" ".[] | select(.name == \"$3\") | .attached[] |
		select(.switch == \"$2\") | $4" -s ext show
}

# att_count NS SWITCH NAME: how many attachments of NAME SWITCH has (0, 1).
att_count()
{
	xsw_jq -n "$1" "[.[] | select(.name == \"$3\") | .attached[] |
		select(.switch == \"$2\")] | length" ext show
}

# att_names NS SWITCH: the extensions attached to SWITCH, one a line.
att_names()
{
	xsw_jq -n "$1" ".[] | select(any(.attached[]; .switch == \"$2\")) |
		.name" ext show
}

# ext_stats NS SWITCH NAME: "ingress egress dropped injected cloned" of
# NAME's attachment to SWITCH.
ext_stats()
{
	att_get "$1" "$2" "$3" \
		'.stats | "\(.ingress) \(.egress) \(.dropped) \(.injected) \(.cloned)"'
}

# ext_stat NS SWITCH NAME KEY: one counter of NAME's attachment to SWITCH.
ext_stat()
{
	att_get "$1" "$2" "$3" ".stats.$4"
}

# ext_opt NS SWITCH NAME OPTION: an option's current value (JSON).
ext_opt()
{
	att_get "$1" "$2" "$3" ".options[\"$4\"] | tojson"
}

# ext_detach_all NS SWITCH: detach whatever is attached to SWITCH, so that
# a test starts clean even after an earlier one failed half-way.
ext_detach_all()
{
	local name

	for name in $(att_names "$1" "$2"); do
		"$XSW" -n "$1" ext detach "$2" "$name"
	done
}
